"""The archive: summaries stored as events with their sources, and the follow-ups they carry.

`open_archive(url)` (in `briefing.archive.store`) opens SQLite or PostgreSQL through SQLAlchemy 2
and brings the schema to the newest Alembic revision. This package's `__init__` stays light:
the records and the error type load without SQLAlchemy.
"""

from __future__ import annotations

from .errors import ArchiveError
from .records import AddResult, EventRecord, SourceRecord

__all__ = ["AddResult", "ArchiveError", "EventRecord", "SourceRecord"]
