"""Editing a summary file in place: comments, order and quoting kept; validation first; conflicts refused."""

from __future__ import annotations

import datetime as dt
import difflib
import shutil
from pathlib import Path

import pytest

from briefing.base.errors import ConflictError, SummaryError
from briefing.read.summaries import read_summary
from briefing.write.editing import mark_reviewed, open_document, remove_item, save_document, set_value
from support import SAMPLES, SEED


def changed_lines(before: str, after: str) -> list[str]:
    return [line[0] + line[2:] for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def _block(text: str, key: str, index: int) -> list[str]:
    """Return the lines of item `index` of the top-level list `key` (comments before it included)."""
    lines = text.splitlines()
    start = lines.index(f"{key}:") + 1
    items: list[list[str]] = [[]]
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        if line.startswith("  - ") and items[-1] and any(x.startswith("  - ") for x in items[-1]):
            items.append([])
        items[-1].append(line)
    return items[index]


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "summary.yaml"
    shutil.copy(SEED, target)
    return target


@pytest.mark.parametrize("name", ["summary.yaml", "phone-call-en.yaml", "visit-long.yaml"])
def test_saving_unchanged_gives_back_the_same_bytes(tmp_path, name):
    target = tmp_path / name
    shutil.copy(SAMPLES / name, target)
    document = open_document(target)
    save_document(document, document.tree)
    assert target.read_bytes() == (SAMPLES / name).read_bytes()


def test_the_file_has_exactly_the_edits_and_keeps_its_comments(copy):
    before = copy.read_text(encoding="utf-8")
    document = open_document(copy)
    set_value(document.tree, "participants[1].side", "guest")
    set_value(document.tree, "participants[1].country", "BY")
    remove_item(document.tree, "positions[3]")
    summary, _ = save_document(document, document.tree)
    after = copy.read_text(encoding="utf-8")
    assert summary.participants[1].side.value == "guest"
    assert len(summary.positions) == len(read_summary(SEED).positions) - 1
    diff = changed_lines(before, after)
    assert [d for d in diff if d.startswith("+")] == ["+    country: BY", "+    side: guest"]
    removed = [d for d in diff if d.startswith("-")]
    assert removed[:2] == ["-    country: RU", "-    side: host"]
    assert removed[2].startswith("-  - speaker: ") and len(removed) == 2 + len(_block(before, "positions", 3))
    assert [line for line in before.splitlines() if line.lstrip().startswith("#")] == \
        [line for line in after.splitlines() if line.lstrip().startswith("#")]


def test_a_value_a_person_sets_records_the_person_as_its_origin(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(SEED.read_text(encoding="utf-8").replace(
        "    side: host\n", "    side: host\n    origin:\n      side: {by: inferred}\n", 1), encoding="utf-8")
    document = open_document(path)
    set_value(document.tree, "participants[1].side", "guest")
    summary, _ = save_document(document, document.tree)
    assert summary.participants[1].origin["side"].by.value == "person"
    assert "      side: {by: person}" in path.read_text(encoding="utf-8")


def test_an_invalid_edit_writes_nothing(copy):
    before = copy.read_bytes()
    document = open_document(copy)
    set_value(document.tree, "participants[0].side", "visitor")
    with pytest.raises(SummaryError, match="participants\\[0\\].side"):
        save_document(document, document.tree)
    assert copy.read_bytes() == before


def test_a_change_on_disk_since_opening_is_not_overwritten(copy):
    document = open_document(copy)
    copy.write_text(copy.read_text(encoding="utf-8").replace("Vladimir Putin", "V. Putin"), encoding="utf-8")
    mark_reviewed(document.tree, "N. Staff", dt.date(2026, 12, 1))
    with pytest.raises(ConflictError, match="changed on disk"):
        save_document(document, document.tree)
    assert "V. Putin" in copy.read_text(encoding="utf-8") and "N. Staff" not in copy.read_text(encoding="utf-8")


def test_filling_the_other_side_of_a_plain_string_text_makes_it_bilingual(tmp_path):
    from support import MINIMAL_SUMMARY

    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL_SUMMARY, encoding="utf-8")
    document = open_document(path)
    set_value(document.tree, "participants[0].name.en", "Ahmad", language="ar")
    summary, _ = save_document(document, document.tree)
    assert (summary.participants[0].name.ar, summary.participants[0].name.en) == ("أحمد", "Ahmad")
    assert path.read_text(encoding="utf-8") == MINIMAL_SUMMARY.replace("name: أحمد", "name: {ar: أحمد, en: Ahmad}")
