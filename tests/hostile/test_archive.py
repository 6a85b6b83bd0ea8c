"""The archive under faults and hostile files: one line with what to do, other applications' files untouched."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from bounded import ROOT, assert_one_line, run_bounded

SAMPLE = ROOT / "samples" / "phone-call-en.yaml"


def _add(tmp_path: Path, archive: str) -> None:
    result = run_bounded("archive", "add", str(SAMPLE), "--archive", archive, cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()


def test_another_applications_sqlite_file_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    other = tmp_path / "app.sqlite"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('mine')")
    conn.close()
    before = other.read_bytes()
    for command in (["archive", "list"], ["archive", "add", str(SAMPLE)], ["digest", "--week", "2026-W47", "-o", "out"]):
        result = run_bounded(*command, "--archive", str(other), cwd=tmp_path)
        assert_one_line(result, 1, "app.sqlite", "another application")
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["app.sqlite"]  # no -wal, no -shm, no digest


def test_an_empty_file_is_not_migrated_by_a_reading_command(tmp_path: Path) -> None:
    (tmp_path / "empty.sqlite").write_bytes(b"")
    assert_one_line(run_bounded("archive", "list", "--archive", "empty.sqlite", cwd=tmp_path), 1, "no archive here yet")
    assert (tmp_path / "empty.sqlite").read_bytes() == b""


def test_odd_characters_in_an_archive_path_stay_in_the_file_name(tmp_path: Path) -> None:
    (tmp_path / "odd").mkdir()
    for name in ("odd/we?ird.sqlite", "odd/a%20b.sqlite", "odd/x.sqlite?mode=ro&uri=true"):
        _add(tmp_path, name)
        assert (tmp_path / name).is_file(), sorted(p.name for p in (tmp_path / "odd").iterdir())
    assert sorted(p.name for p in (tmp_path / "odd").iterdir() if p.suffix == ".sqlite" or "?" in p.name or "%" in p.name) == [
        "a%20b.sqlite", "we?ird.sqlite", "x.sqlite?mode=ro&uri=true"]


def test_a_damaged_archive_file_is_one_line_with_what_to_do(tmp_path: Path) -> None:
    _add(tmp_path, "a.sqlite")
    archive = tmp_path / "a.sqlite"
    data = bytearray(archive.read_bytes())
    data[8192:] = b"\xff" * (len(data) - 8192)  # the schema (first pages) reads well; the data pages do not
    archive.write_bytes(bytes(data))
    for wal in tmp_path.glob("a.sqlite-*"):
        wal.unlink()
    for command in (["archive", "list"], ["digest", "--week", "2026-W47", "-o", "out"]):
        result = run_bounded(*command, "--archive", "a.sqlite", cwd=tmp_path)
        assert_one_line(result, 1, "Archive error", "damaged")


def test_a_stored_record_with_escape_sequences_names_itself_and_never_reaches_the_terminal(tmp_path: Path) -> None:
    _add(tmp_path, "a.sqlite")
    with sqlite3.connect(tmp_path / "a.sqlite") as conn:
        (row_id, text) = conn.execute("SELECT id, summary FROM sources").fetchone()
        data = json.loads(text)
        data["event"]["title"] = {"en": "\x1b]0;owned\x07\x1b[31mRed"}
        conn.execute("UPDATE sources SET summary = ? WHERE id = ?", (json.dumps(data), row_id))
    conn.close()
    for command in (["archive", "list"], ["digest", "--week", "2026-W47", "-o", "out"]):
        result = run_bounded(*command, "--archive", "a.sqlite", cwd=tmp_path)
        line = assert_one_line(result, 1, f"source record {row_id}", "remove its event")
        assert b"\x1b" not in result.stdout + result.stderr, line


def test_a_week_past_the_calendar_is_one_line(tmp_path: Path) -> None:
    _add(tmp_path, "a.sqlite")
    result = run_bounded("digest", "--week", "9999-W52", "-o", "out", "--archive", "a.sqlite", cwd=tmp_path)
    assert_one_line(result, 2, "--week", "out of range")
    result = run_bounded("digest", "--since", "9999-12-25", "--until", "9999-12-31", "-o", "out",
                         "--archive", "a.sqlite", cwd=tmp_path)
    assert result.returncode in (0, 2) and "Traceback" not in result.stderr.decode(), result.stderr.decode()
