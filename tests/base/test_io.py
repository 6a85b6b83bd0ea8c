"""Output is written atomically and never over an existing file without --force."""

from __future__ import annotations

import pytest

from briefing.base.errors import OutputExistsError
from briefing.base.io import write_atomic, write_outputs


def test_refuses_existing_files_before_writing_any(tmp_path):
    (tmp_path / "b.pdf").write_bytes(b"old")
    with pytest.raises(OutputExistsError):
        write_outputs({tmp_path / "a.html": b"new", tmp_path / "b.pdf": b"new"}, force=False)
    assert not (tmp_path / "a.html").exists()
    assert (tmp_path / "b.pdf").read_bytes() == b"old"


def test_force_replaces(tmp_path):
    (tmp_path / "b.pdf").write_bytes(b"old")
    write_outputs({tmp_path / "b.pdf": b"new"}, force=True)
    assert (tmp_path / "b.pdf").read_bytes() == b"new"


def test_failed_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "note.pdf"
    with pytest.raises(TypeError):
        write_atomic(target, object())  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []
