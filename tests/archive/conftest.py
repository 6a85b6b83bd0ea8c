"""Archive fixtures: every archive test runs on SQLite and on a real PostgreSQL server.

The PostgreSQL server is a throwaway cluster started for the session (initdb into a temp
folder, listening on 127.0.0.1 only, on a free port), unless BRIEFING_TEST_PG_URL names one.
Without PostgreSQL binaries the PostgreSQL cases skip, except under CI=true where they fail.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

TABLES = ("candidates", "decisions", "source_versions", "mentions", "followups", "sources", "events", "alembic_version")


def _pg_bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _as_owner(cmd: list[str]) -> list[str]:
    """Run as `postgres` when we are root (the server refuses to run as root)."""
    return ["runuser", "-u", "postgres", "--", *cmd] if os.geteuid() == 0 else cmd


def _start_cluster(bindir: Path) -> tuple[str, Path, Path]:
    root = Path(tempfile.mkdtemp(prefix="briefing-pg-"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres", "postgres")
    data, port = root / "data", _free_port()
    try:
        return _init_and_start(bindir, root, data, port), root, data
    except BaseException:
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)
        raise


def _init_and_start(bindir: Path, root: Path, data: Path, port: int) -> str:
    run = dict(check=True, capture_output=True, text=True, timeout=120)
    subprocess.run(_as_owner([str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                              "-E", "UTF8", "--locale=C", "--no-sync"]), **run)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
    subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-l", str(root / "log"),
                              "-o", options, "-w", "-t", "60", "start"]), **run)
    import psycopg

    with psycopg.connect(f"host=127.0.0.1 port={port} user=postgres dbname=postgres", autocommit=True) as conn:
        conn.execute("CREATE DATABASE briefing_test")
    return f"postgresql+psycopg://postgres@127.0.0.1:{port}/briefing_test"


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """Yield the URL of an empty PostgreSQL database for the session."""
    if os.environ.get("BRIEFING_TEST_PG_URL"):
        yield os.environ["BRIEFING_TEST_PG_URL"]
        return
    bindir = _pg_bindir()
    if bindir is None:
        message = "PostgreSQL binaries not found (apt-get install postgresql)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message + " and CI=true: the archive must be tested on PostgreSQL")
        pytest.skip(message)
    try:
        url, root, data = _start_cluster(bindir)
    except subprocess.CalledProcessError as exc:
        pytest.fail(f"cannot start PostgreSQL: {exc.cmd[-1]}: {exc.stderr or exc.stdout}")
    try:
        yield url
    finally:
        subprocess.run(_as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"]),
                       capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_cluster() -> Iterator[tuple[str, Callable[[], None]]]:
    """Yield a PostgreSQL database of its own and a function that stops its server (as a crash would)."""
    bindir = _pg_bindir()
    if bindir is None:
        pytest.skip("PostgreSQL binaries not found (apt-get install postgresql)")
    url, root, data = _start_cluster(bindir)
    command = _as_owner([str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])

    def stop() -> None:
        subprocess.run(command, capture_output=True, timeout=60, check=True)

    try:
        yield url, stop
    finally:
        subprocess.run(command, capture_output=True, timeout=60)
        shutil.rmtree(root, ignore_errors=True)


def _reset(url: str) -> None:
    """Drop the archive's tables so each test starts from an empty database."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        for table in TABLES:
            conn.execute(text(f"DROP TABLE IF EXISTS {table} CASCADE"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def archive_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Yield an empty archive's URL, once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'archive.sqlite'}"
    url = request.getfixturevalue("pg_server")
    _reset(url)
    return url


@pytest.fixture
def archive(archive_url: str):
    """Yield an open, empty archive on each backend."""
    from briefing.archive.store import open_archive

    with open_archive(archive_url) as opened:
        yield opened


@pytest.fixture(scope="session")
def corpus() -> Path:
    """Return the shared dev corpus folder (gold summaries of real releases): its texts may not be in the repository."""
    from support import require_shared

    return require_shared("corpus/dev", "gold summaries of SaudiNewsNet releases (CC BY-NC-SA)")


def build_summary(date: str | None = "2026-11-20", *, type: str = "meeting", place: str | None = "Moscow",
                  people: tuple = (("rahmon", "TJ", "guest"), ("putin", "RU", "host")), follow_ups: tuple = (),
                  url: str | None = None, file: str | None = None, title: str = "Talks", place_ar: str | None = None,
                  agenda: tuple = ()):
    """Build a valid summary from a few facts (people are (id, country, side))."""
    from briefing.summary.model import parse_summary

    source = {k: v for k, v in (("url", url), ("file", file)) if v}
    data = {
        "format": 1,
        "language": "en",
        "event": {"type": type, "date": date, "title": {"en": title, "ar": "محادثات"}},
        "participants": [{"id": pid, "name": {"en": pid.title()}, "country": country, "side": side}
                         for pid, country, side in people],
        "follow_ups": list(follow_ups),
        "agenda": [{"label": {"en": label}} for label in agenda],
    }
    if place or place_ar:
        data["event"]["place"] = {k: v for k, v in (("en", place), ("ar", place_ar)) if v}
    if source:
        data["source"] = source
    return parse_summary(data)


@pytest.fixture
def make():
    """Return the summary builder."""
    return build_summary


def visit_followup(who: str = "putin", status: str = "accepted", due: str | None = None, kind: str = "visit",
                   what: str = "Official visit to Tajikistan") -> dict:
    """Return a follow-up item as plain data."""
    item = {"kind": kind, "who": who, "what": {"en": what}, "status": status}
    if due:
        item["due"] = {"date": due}
    return item


@pytest.fixture
def followup():
    """Return the follow-up item builder."""
    return visit_followup
