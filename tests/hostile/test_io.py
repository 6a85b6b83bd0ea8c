"""Write failures: a note's formats appear all or none, one line on failure, no temporary file left."""

from __future__ import annotations

import errno
import os
import time
from pathlib import Path

import pytest
from bounded import assert_one_line, leftovers, run_bounded, summary

from briefing.base import io as briefing_io
from briefing.base.errors import OutputError


def test_a_full_disk_leaves_no_format_and_no_temporary_file(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(summary(id="full"))
    # RLIMIT_FSIZE makes every write past 150 KB fail with EFBIG, as a full disk fails with ENOSPC:
    # the DOCX (~100 KB) fits, the HTML with its fonts (~200 KB) does not. (The PDF is left out: WeasyPrint
    # writes font files of its own and fails, in one line too, before anything is written.)
    result = run_bounded("note", "s.yaml", "-o", "out", "--format", "docx,html", cwd=tmp_path, fsize=150_000)
    line = assert_one_line(result, 1, "Cannot write", "full.")
    assert "none of this note's files was written" in line
    assert not list((tmp_path / "out").iterdir())


def test_a_failing_write_in_a_batch_spares_the_other_notes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = briefing_io._write_new

    def write_new(path: Path, data: bytes) -> None:
        if path.name == "b.docx":
            raise OSError(errno.EROFS, "Read-only file system")
        real_write(path, data)

    monkeypatch.setattr(briefing_io, "_write_new", write_new)
    out = tmp_path / "out"
    briefing_io.write_outputs({out / "a.html": b"a", out / "a.docx": b"a"}, force=False)
    with pytest.raises(OutputError, match="b.docx: cannot write: Read-only file system"):
        briefing_io.write_outputs({out / "b.html": b"b", out / "b.docx": b"b", out / "b.pdf": b"b"}, force=False)
    assert sorted(p.name for p in out.iterdir()) == ["a.docx", "a.html"]  # no staging folder left either


def test_a_long_title_and_a_bad_input_do_not_stop_a_batch(tmp_path: Path) -> None:
    (tmp_path / "long.yaml").write_text(summary("T" * 400, id="long"))
    (tmp_path / "bad.yaml").write_text(summary('"\\x07"', id="bad"))
    (tmp_path / "good.yaml").write_text(summary(id="good"))
    result = run_bounded("note", "long.yaml", "bad.yaml", "good.yaml", "-o", "out", cwd=tmp_path)
    assert_one_line(result, 2, "bad.yaml", "control character")
    written = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert written == [f"{n}.{f}" for n in ("good", "long") for f in ("docx", "html", "pdf")]
    import docx

    assert docx.Document(str(tmp_path / "out" / "long.docx")).core_properties.title == "T" * 255


def test_ids_are_bounded_so_that_file_names_fit(tmp_path: Path) -> None:
    (tmp_path / "ok.yaml").write_text(summary(id="i" * 200))
    (tmp_path / "long.yaml").write_text(summary(id="i" * 241))
    result = run_bounded("note", "ok.yaml", "long.yaml", "-o", "out", "--format", "html", cwd=tmp_path)
    assert_one_line(result, 2, "long.yaml", "id")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["i" * 200 + ".html"]


def test_temporary_files_of_killed_runs_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dead = out / ".briefing-999999999-x1y2z3.part"  # no such process
    old_style = out / ".note.html.ab12cd34.part"  # written by earlier versions
    fresh_old_style = out / ".other.html.ef56gh78.part"
    for path in (dead, old_style, fresh_old_style):
        path.write_bytes(b"half")
    hour_ago = time.time() - 7200
    os.utime(old_style, (hour_ago, hour_ago))
    alive = out / f".briefing-{os.getpid()}-a1b2c3.part"  # a run still writing
    alive.write_bytes(b"half")
    (tmp_path / "s.yaml").write_text(summary(id="clean"))
    result = run_bounded("note", "s.yaml", "-o", "out", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert leftovers(out) == sorted([fresh_old_style.name, alive.name])
