"""A note's formats as one set: a killed commit is finished by the next run, commits take turns, one id per batch."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from bounded import assert_one_line, leftovers, run_bounded, summary

from briefing.base import io as briefing_io
from briefing.base.errors import OutputExistsError
from support import ROOT

FORMATS = ("pdf", "docx", "html")

# Writes the set `n.pdf|docx|html` holding "<tag> <format>" into a folder, and kills itself with SIGKILL
# (nothing of ours runs after it: no except, no finally) at a chosen point: after `count` staged files
# ("stage") or after `count` files renamed into place ("rename").
KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from briefing.base import io

point, count, folder, tag = sys.argv[1], int(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
done = {"stage": 0, "rename": 0}

def counting(step, real):
    def wrapped(*args):
        if step == point and done[step] == count:
            os.kill(os.getpid(), signal.SIGKILL)
        real(*args)
        done[step] += 1
    return wrapped

io._write_new = counting("stage", io._write_new)
io._rename_in = counting("rename", io._rename_in)
io.write_outputs({folder / f"n.{f}": f"{tag} {f}".encode() for f in ("pdf", "docx", "html")}, force=True)
"""


def _kill_while_writing(folder: Path, point: str, count: int, tag: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", KILLED_WRITER, point, str(count), str(folder), tag],
                            env=env, capture_output=True, timeout=60)
    assert result.returncode == -signal.SIGKILL, result.stderr.decode()


def _tags(folder: Path) -> list[str]:
    return [(folder / f"n.{fmt}").read_text().split()[0] for fmt in FORMATS]


def _write_set(folder: Path, tag: str) -> None:
    briefing_io.write_outputs({folder / f"n.{fmt}": f"{tag} {fmt}".encode() for fmt in FORMATS}, force=True)


def test_a_run_killed_between_renames_is_finished_by_the_next_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _write_set(out, "old")
    _kill_while_writing(out, "rename", 1, "new")
    assert sorted(_tags(out)) == ["new", "old", "old"]  # what POSIX allows: for a moment, a mixed set ...
    assert [p.suffix for p in out.iterdir() if p.is_dir()] == [".commit"]  # ... and what finishes it
    (tmp_path / "other.yaml").write_text(summary(id="other"))
    result = run_bounded("note", "other.yaml", "-o", "out", "--format", "html", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert _tags(out) == ["new", "new", "new"]
    assert leftovers(out) == []


def test_a_run_killed_while_staging_leaves_the_old_set_whole(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _write_set(out, "old")
    _kill_while_writing(out, "stage", 2, "new")
    assert _tags(out) == ["old", "old", "old"]
    assert [p.suffix for p in out.iterdir() if p.is_dir()] == [".set"]
    briefing_io.check_writable([out / "other.html"], force=False)  # any later run checking the folder
    assert _tags(out) == ["old", "old", "old"]
    assert leftovers(out) == []


def test_two_inputs_with_one_id_alternating_under_kills_never_leave_a_mixed_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for tag, killed_after in (("a", 1), ("b", 2), ("a", 0), ("b", 1)):
        _kill_while_writing(out, "rename", killed_after, tag)
        briefing_io.check_writable([out / "n.pdf"], force=True)  # the next run's first step
        assert _tags(out) == [tag] * 3
        assert leftovers(out) == []


def test_an_interrupted_set_is_finished_before_a_run_without_force_checks_it(tmp_path: Path) -> None:
    out = tmp_path / "out"
    _kill_while_writing(out, "rename", 1, "new")
    assert sum((out / f"n.{fmt}").exists() for fmt in FORMATS) == 1
    with pytest.raises(OutputExistsError):
        briefing_io.write_outputs({out / "n.pdf": b"later"}, force=False)
    assert _tags(out) == ["new", "new", "new"]


def test_two_commits_into_one_folder_take_turns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    first_renamed, go_on = threading.Event(), threading.Event()
    real_rename = briefing_io._rename_in

    def rename_in(staged: Path, target: Path) -> None:
        real_rename(staged, target)
        if threading.current_thread().name == "first":
            first_renamed.set()
            assert go_on.wait(30)

    monkeypatch.setattr(briefing_io, "_rename_in", rename_in)
    first = threading.Thread(target=_write_set, args=(out, "first"), name="first")
    second = threading.Thread(target=_write_set, args=(out, "second"), name="second")
    first.start()
    assert first_renamed.wait(30)
    second.start()
    second.join(0.5)
    assert second.is_alive()  # waits for the folder while the first set is renamed in
    go_on.set()
    first.join(30)
    second.join(30)
    assert _tags(out) == ["second", "second", "second"]
    assert leftovers(out) == []


def test_two_inputs_with_one_id_in_a_batch_are_refused_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(summary("First one", id="same"))
    (tmp_path / "b.yaml").write_text(summary("Second one", id="same"))
    result = run_bounded("note", "a.yaml", "b.yaml", "-o", "out", "--format", "html", cwd=tmp_path)
    assert_one_line(result, 2, "b.yaml", "a.yaml", "same id 'same'")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["same.html"]
    html = (tmp_path / "out" / "same.html").read_text(encoding="utf-8")
    assert "First one" in html and "Second one" not in html
