"""Alembic migrations of the archive schema (run by `store.open_archive`)."""
