"""The archive when the database fails under it: a lock held too long, a full disk, a server that stops.

Each ends in one line saying what to do, and the archive is left as it was before the run.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from bounded import ROOT, assert_one_line, run_bounded

from briefing.archive import engine as archive_engine
from briefing.archive.store import open_archive
from briefing.base.errors import ArchiveError
from briefing.read.summaries import read_summary

SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def _events(url: str) -> list[int]:
    with open_archive(url, create=False) as archive:
        return sorted(e.id for e in archive.events())


def test_a_write_lock_held_too_long_is_one_line_and_nothing_is_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    with open_archive(url) as archive:
        archive.add_summary(read_summary(SAMPLES[0]))
    before = _events(url)
    monkeypatch.setattr(archive_engine, "SQLITE_LOCK_WAIT", 0.3)
    holder = sqlite3.connect(tmp_path / "a.sqlite", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another run is writing, and goes on writing
    try:
        with open_archive(url) as archive, pytest.raises(ArchiveError) as failed:
            archive.add_summaries([read_summary(p) for p in SAMPLES[1:]])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "\n" not in str(failed.value) and "another run is writing" in failed.value.hint
    assert _events(url) == before


def test_a_full_disk_while_adding_is_one_line_and_the_archive_is_as_it_was(tmp_path: Path) -> None:
    run = run_bounded("archive", "add", str(SAMPLES[0]), "--archive", "a.sqlite", cwd=tmp_path)
    assert run.returncode == 0, run.stderr.decode()
    before = _events(f"sqlite:///{tmp_path / 'a.sqlite'}")
    size = sum(p.stat().st_size for p in tmp_path.glob("a.sqlite*"))
    # RLIMIT_FSIZE makes the archive's files unable to grow, as a full disk would.
    result = run_bounded("archive", "add", *map(str, SAMPLES[1:]), "--archive", "a.sqlite", cwd=tmp_path, fsize=size + 4096)
    assert_one_line(result, 1, "Archive error", "nothing was half-written")
    assert _events(f"sqlite:///{tmp_path / 'a.sqlite'}") == before


@pytest.mark.slow
def test_a_database_server_that_stops_is_one_line_with_what_to_do(tmp_path: Path, pg_cluster: tuple[str, Callable[[], None]]) -> None:
    url, stop = pg_cluster
    archive = open_archive(url)
    archive.add_summary(read_summary(SAMPLES[0]))
    stop()  # the server goes away while the run goes on
    with pytest.raises(ArchiveError) as failed:
        archive.add_summaries([read_summary(p) for p in SAMPLES[1:]])
    assert "server running" in (failed.value.hint or "")
    archive.close()
    result = run_bounded("archive", "list", "--archive", url, cwd=tmp_path)
    assert_one_line(result, 1, "cannot open the archive")
