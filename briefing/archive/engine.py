"""Open a database for the archive and bring its schema to the newest revision."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from ..base.optional import import_optional
from .errors import ArchiveError
from .location import display_url

MIGRATIONS = "briefing.archive:migrations"
HEAD = "0002"  # the newest revision in migrations/versions (a test checks they agree)
LOCK_KEY = 0x62726966  # PostgreSQL advisory lock that serialises writers ("brif")


def connect(url: str, *, create: bool = True):  # -> sqlalchemy.Engine
    """Return an engine on `url` with the schema at `head`; ArchiveError when unreachable."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ArchiveError(f"{url!r} is not a path or database URL", hint="give a file path or postgresql://user@host/db") from None
    options: dict = {}
    if parsed.get_backend_name() == "sqlite":
        _prepare_sqlite(parsed.database, url, create=create)
        options["connect_args"] = {"timeout": SQLITE_LOCK_WAIT}
    elif parsed.get_backend_name() == "postgresql":
        import_optional("psycopg", "an archive on PostgreSQL")
        options["connect_args"] = {"connect_timeout": 10}
    else:
        raise ArchiveError(f"unsupported database {parsed.get_backend_name()!r}", hint="use a SQLite file or postgresql://")
    try:
        engine = create_engine(parsed, **options)
    except (NoSuchModuleError, ImportError) as exc:
        raise ArchiveError(f"cannot use {display_url(url)}: {exc}") from None
    if parsed.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    try:
        _upgrade(engine, create=create)
    except ArchiveError:
        engine.dispose()
        raise
    except Exception as exc:  # the DBAPI's own errors (refused, auth, read-only...) in one line
        engine.dispose()
        raise ArchiveError(f"cannot open the archive at {display_url(url)}: {_first_line(exc)}",
                           hint="check --archive, BRIEFING_ARCHIVE or the config's `archive`") from None
    event.listen(engine, "handle_error", _one_line_error)  # once open: later failures in one line too
    return engine


def _prepare_sqlite(database: str | None, url: str, *, create: bool) -> None:
    if not database or database == ":memory:":
        return
    path = Path(database)
    if path.exists():
        if path.is_dir():
            raise ArchiveError("is a folder, not an archive file", file=path)
        _check_sqlite_file(path, create=create)
        return
    if not create:
        raise ArchiveError("no archive here yet", file=path, hint="store summaries with `briefing archive add`")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ArchiveError(f"cannot create the archive's folder: {exc.strerror}", file=path.parent) from None


def _check_sqlite_file(path: Path, *, create: bool) -> None:
    """Refuse, before anything is changed in it (WAL, tables), a database that is another application's."""
    import sqlite3

    try:
        with open(path, "rb") as handle:
            head = handle.read(16)
        if not head:
            tables: set[str] = set()
        else:
            with closing(sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True, timeout=30)) as conn:
                tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except (OSError, sqlite3.Error) as exc:
        raise ArchiveError(f"cannot read the archive: {exc}", file=path,
                           hint="if the file is damaged, restore it from a backup") from None
    if tables and "alembic_version" not in tables:
        raise ArchiveError("is a database of another application, not an archive", file=path,
                           hint="give another --archive file")
    if not tables and not create:
        raise ArchiveError("no archive here yet", file=path, hint="store summaries with `briefing archive add`")


SQLITE_LOCK_WAIT = 30.0  # seconds a SQLite writer waits for another run's write to end before it gives up

_HINTS = (
    ("locked", "another run is writing to the archive; try again when it is done"),
    ("malformed", "the archive file is damaged; restore it from a backup"),
    ("not a database", "the archive file is damaged; restore it from a backup"),
    ("could not decode", "the archive file is damaged; restore it from a backup"),
    ("disk is full", "free some disk space and run again (nothing was half-written)"),
    ("disk i/o", "check the disk, then run again (nothing was half-written)"),
    ("readonly", "the archive is read-only here; give a writable --archive"),
    ("connection", "is the database server running and reachable?"),
    ("server closed", "is the database server running and reachable?"),
    ("terminating", "is the database server running and reachable?"),
)


def _one_line_error(context) -> None:  # noqa: ANN001 - sqlalchemy ExceptionContext
    """Turn a database failure during any statement into an ArchiveError with what to do."""
    if not isinstance(context.original_exception, Exception):
        return  # KeyboardInterrupt and the like go their own way
    message = _first_line(context.original_exception)
    lowered = message.lower()
    hint = next((h for word, h in _HINTS if word in lowered), "the archive was left as it was before this run")
    raise ArchiveError(f"the archive failed: {message}", hint=hint) from None


@contextmanager
def writing(engine) -> Iterator:  # noqa: ANN001 - yields a sqlalchemy Connection
    """Open a write transaction that other writers wait for (SQLite: BEGIN IMMEDIATE; PostgreSQL: a lock)."""
    from sqlalchemy import text

    with engine.connect() as conn:
        conn.execution_options(briefing_write=True)
        with conn.begin():
            if conn.dialect.name == "postgresql":
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOCK_KEY})
            yield conn


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001 - DBAPI objects
    dbapi_connection.isolation_level = None  # SQLAlchemy's "begin" event below emits BEGIN
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers do not wait for a writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; one sync per checkpoint, not per add
    cursor.close()


def _sqlite_begin(conn) -> None:  # noqa: ANN001 - a sqlalchemy Connection
    """Take SQLite's write lock at the start of a write, so two writers queue instead of failing."""
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("briefing_write") else "BEGIN")


def _upgrade(engine, *, create: bool = True) -> None:  # noqa: ANN001
    """Run Alembic's `upgrade head` unless the schema is already there (checked without loading Alembic).

    A database holding other tables and no archive is refused; without `create`, an empty one too. An empty
    SQLite database gets the schema `upgrade head` leaves directly (see fresh.py): Alembic is not loaded.
    """
    from sqlalchemy import inspect, text

    with engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        if "alembic_version" in names:
            if conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == HEAD:
                return
        elif names:
            raise ArchiveError(f"{display_url(str(engine.url))} is a database of another application, not an archive",
                               hint="give another --archive")
        elif not create:
            raise ArchiveError(f"no archive at {display_url(str(engine.url))} yet", hint="store summaries with `briefing archive add`")
        elif engine.dialect.name == "sqlite" and _create_sqlite(engine):
            return
    _migrate(engine)


def _create_sqlite(engine) -> bool:  # noqa: ANN001
    """Give an empty SQLite database the schema of `upgrade head` under the writers' lock; False if it is not empty by then."""
    from .fresh import REVISION, SQLITE_SCHEMA

    with writing(engine) as conn:
        if conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar():
            return False  # another run created it meanwhile: Alembic sees to it
        for statement in SQLITE_SCHEMA:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES (?)", (REVISION,))
    return True


def _migrate(engine) -> None:  # noqa: ANN001
    """Run Alembic's `upgrade head` under the writers' lock."""
    from alembic import command
    from alembic.config import Config
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError

    config = Config()
    config.set_main_option("script_location", MIGRATIONS)
    head = ScriptDirectory.from_config(config).get_current_head()
    with writing(engine) as conn:
        current = MigrationContext.configure(conn).get_current_revision()
        if current == head:
            return
        config.attributes["connection"] = conn
        try:
            command.upgrade(config, "head")
        except CommandError as exc:
            raise ArchiveError(f"archive schema revision {current!r} is unknown to this version: {exc}",
                               hint="upgrade briefing") from None


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__
