"""The archive's schema: Alembic migrations match the tables the code uses; unknown revisions are refused."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from briefing.archive import ArchiveError
from briefing.archive.schema import metadata
from briefing.archive.store import open_archive


def test_migrations_build_exactly_the_tables_the_code_uses(archive):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    with archive.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert context.get_current_revision() == "0002"
        assert compare_metadata(context, metadata) == []


def test_a_newer_schema_is_refused_with_a_hint(archive_url):
    open_archive(archive_url).close()
    engine = create_engine(archive_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(ArchiveError, match="upgrade briefing"):
        open_archive(archive_url)


def test_the_quick_head_check_names_the_newest_migration():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from briefing.archive.engine import HEAD, MIGRATIONS

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    assert ScriptDirectory.from_config(config).get_current_head() == HEAD
