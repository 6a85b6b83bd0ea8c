"""Hostile and broken summaries: bounded work, one line, exit 2."""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path

import pytest
from bounded import assert_one_line, leftovers, run_bounded, summary

from briefing.base.errors import SummaryError
from briefing.read.summaries import load_yaml, summary_from_tree


def _alias_bomb(levels: int = 9, width: int = 10) -> str:
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for level in range(1, levels):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def test_yaml_alias_bomb_is_refused_quickly_and_in_little_memory(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(summary() + _alias_bomb())
    assert bomb.stat().st_size < 1200
    started = time.monotonic()
    result = run_bounded("validate", "bomb.yaml", cwd=tmp_path, memory=600_000_000, timeout=60)
    assert_one_line(result, 2, "bomb.yaml", "aliases")
    assert time.monotonic() - started < 60


def test_moderate_aliases_still_work() -> None:
    text = summary() + "context:\n  - &c {en: Same words}\n  - *c\n"
    parsed = summary_from_tree(load_yaml(text, "x.yaml"), "x.yaml")
    assert [c.en for c in parsed.context] == ["Same words", "Same words"]


@pytest.mark.parametrize("text", ["&a [*a]", "a: &a {b: *a}", "[" * 5000 + "]" * 5000])
def test_recursive_and_deep_yaml_is_one_error(text: str) -> None:
    with pytest.raises(SummaryError):
        summary_from_tree(load_yaml(text, "x.yaml"), "x.yaml")


def test_device_fifo_and_unreadable_folder_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "s.yaml").write_text(summary())
    locked.chmod(0)
    try:
        result = run_bounded("validate", "/dev/zero", str(fifo), str(locked / "s.yaml"), cwd=tmp_path, timeout=60)
    finally:
        locked.chmod(0o755)
    err = result.stderr.decode()
    assert result.returncode == 2 and "Traceback" not in err, err
    lines = err.splitlines()
    assert "/dev/zero: is not a regular file" in lines[0]
    assert "pipe.yaml: is not a regular file" in lines[1]
    if os.geteuid() != 0:  # root reads any folder (the next test covers it in-process)
        assert "s.yaml: cannot read: Permission denied" in lines[2]
    assert len(lines) == (2 if os.geteuid() == 0 else 3), err


def test_permission_denied_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from briefing.read.summaries import read_summary

    def refuse(*args: object, **kwargs: object) -> int:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(SummaryError.__mro__[1], match="s.yaml: cannot read: Permission denied"):
        read_summary(tmp_path / "locked" / "s.yaml")


def test_stdin_of_zeros_is_read_only_up_to_the_limit(tmp_path: Path) -> None:
    result = run_bounded("validate", "-", cwd=tmp_path, stdin=b"\0" * (6 * 1024 * 1024), timeout=60)
    assert_one_line(result, 2, "<stdin>", "limit")


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ('"a\\x01b"', ("event.title", "control character (U+0001)")),
        ('"\\e]0;owned\\a"', ("event.title", "control character (U+001B)")),
        ('"\\ud83d"', ("event.title", "lone surrogate")),
        ('"' + "x" * 20_001 + '"', ("event.title", "over the 20,000 limit")),
    ],
)
def test_text_that_cannot_be_written_is_refused_by_validate(tmp_path: Path, value: str, words: tuple[str, ...]) -> None:
    (tmp_path / "s.yaml").write_text(summary(value))
    line = assert_one_line(run_bounded("validate", "s.yaml", cwd=tmp_path), 2, "s.yaml:6:", *words)
    assert "\x1b" not in line


def test_json_surrogate_pairs_give_the_character_in_every_format(tmp_path: Path) -> None:
    data = {"format": 1, "language": "en", "event": {"type": "meeting", "title": "Talks \U0001F91D today"},
            "participants": [{"id": "a", "name": "Ahmed"}], "id": "pair"}
    (tmp_path / "s.json").write_text(json.dumps(data))  # ensure_ascii: "\ud83e\udd1d"
    assert "\\ud83e\\udd1d" in (tmp_path / "s.json").read_text()
    result = run_bounded("note", "s.json", "-o", "out", "--format", "html,docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "Talks \U0001F91D today" in (tmp_path / "out" / "pair.html").read_text(encoding="utf-8")
    assert (tmp_path / "out" / "pair.docx").stat().st_size > 0


@pytest.mark.parametrize("key", ["notes (internal)", "notes[1]", "event"])
def test_unknown_keys_with_brackets_are_named_as_written(key: str) -> None:
    text = summary() + f"extra:\n  {key}: 1\n" if key == "event" else summary() + f"{key}: 1\n"
    with pytest.raises(SummaryError) as caught:
        summary_from_tree(load_yaml(text, "x.yaml"), "x.yaml")
    message = str(caught.value)
    expected = "extra" if key == "event" else key
    assert f"unknown key {expected!r}" in message
    assert "did you mean 'event'" not in message


def test_lists_are_bounded(tmp_path: Path) -> None:
    people = "".join(f"  - id: p{i}\n    name: Person {i}\n" for i in range(10_000))
    text = "format: 1\nlanguage: en\nevent: {type: summit}\nparticipants:\n" + people
    (tmp_path / "many.yaml").write_text(text)
    started = time.monotonic()
    result = run_bounded("note", "many.yaml", "-o", "out", cwd=tmp_path, timeout=90)
    assert_one_line(result, 2, "many.yaml", "participants", "at most 200")
    assert time.monotonic() - started < 90
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_validate_of_a_fifo_in_a_watched_folder_does_not_block() -> None:
    """The same reader serves the preview: a FIFO never blocks a thread."""
    import tempfile

    from briefing.read.summaries import read_summary

    with tempfile.TemporaryDirectory() as folder:
        fifo = Path(folder) / "s.yaml"
        os.mkfifo(fifo)
        errors: list[Exception] = []

        def read() -> None:
            try:
                read_summary(fifo)
            except Exception as exc:  # noqa: BLE001 - collected for the assertion
                errors.append(exc)

        thread = threading.Thread(target=read, daemon=True)
        thread.start()
        thread.join(10)
        assert not thread.is_alive()
        assert isinstance(errors[0], SummaryError.__mro__[1])
        assert leftovers(Path(folder)) == []
