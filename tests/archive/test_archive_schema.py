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


def test_an_archive_of_revision_0001_migrates_with_its_sources_and_candidates(archive_url):
    from alembic import command
    from alembic.config import Config

    from briefing.archive.dedup import canonical_json
    from briefing.archive.engine import MIGRATIONS

    from .conftest import build_summary

    engine = create_engine(archive_url)
    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        text_ = canonical_json(build_summary(url="https://old.example/1"))
        for eid, day in ((1, "2026-11-20"), (2, "2026-11-24")):
            conn.execute(text("INSERT INTO events (id, key, event_date, type, countries) VALUES (:i, 'k', :d, 'meeting', 'RU,TJ')"),
                         {"i": eid, "d": day})
        conn.execute(text("INSERT INTO sources (id, event_id, key, note_id, summary) VALUES (1, 1, 'url:old.example/1', 'n', :s)"),
                     {"s": text_})
        conn.execute(text("INSERT INTO followups (id, event_id, kind, status, manual, confirm_event, confirm_reason) "
                          "VALUES (1, 1, 'visit', 'accepted', false, 2, 'met')"))
    engine.dispose()
    with open_archive(archive_url) as store:
        [version] = store.history(1)
        assert (version.action, version.recorded_at, version.key) == ("added", None, "url:old.example/1")
        assert store.add_summary(build_summary(url="https://old.example/1")).outcome == "unchanged"
    engine = create_engine(archive_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT followup_id, event_id, event_date FROM candidates")).one()[:2] == (1, 2)
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "0002"
    engine.dispose()


def _schema(path) -> tuple[list, list]:
    import sqlite3
    from contextlib import closing

    with closing(sqlite3.connect(path)) as conn:
        return (conn.execute("SELECT * FROM sqlite_master ORDER BY rowid").fetchall(),
                conn.execute("SELECT * FROM alembic_version").fetchall())


def test_a_new_sqlite_archive_has_the_very_schema_the_migrations_leave(tmp_path, monkeypatch):
    import briefing.archive.engine as engine

    open_archive(f"sqlite:///{tmp_path / 'new.sqlite'}").close()
    monkeypatch.setattr(engine, "_create_sqlite", lambda _engine: False)  # as before: Alembic's `upgrade head`
    open_archive(f"sqlite:///{tmp_path / 'migrated.sqlite'}").close()
    created, migrated = _schema(tmp_path / "new.sqlite"), _schema(tmp_path / "migrated.sqlite")
    assert created == migrated and created[1] == [("0002",)]


def test_a_new_sqlite_archive_is_created_without_loading_alembic(tmp_path):
    import subprocess
    import sys

    from briefing.archive.engine import HEAD
    from briefing.archive.fresh import REVISION

    assert REVISION == HEAD
    code = "import sys; from briefing.archive.store import open_archive; open_archive(sys.argv[1]).close(); print('alembic' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code, f"sqlite:///{tmp_path / 'a.sqlite'}"], capture_output=True, text=True, check=True)
    assert done.stdout == "False\n"


def test_a_database_filled_meanwhile_is_left_to_alembic(tmp_path):
    from briefing.archive.engine import _create_sqlite

    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    open_archive(url).close()
    engine = create_engine(url)
    assert _create_sqlite(engine) is False
    engine.dispose()
