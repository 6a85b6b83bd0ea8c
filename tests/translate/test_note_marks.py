"""A side filled by a formula or the TM is marked discreetly in the note until the summary is reviewed."""

from __future__ import annotations

import re
from pathlib import Path

from support import SAMPLES


def test_the_draft_note_marks_suggested_sides_and_only_them(cli, tmp_path: Path) -> None:
    result = cli("note", str(SAMPLES / "release-ar.txt"), "-o", str(tmp_path), "--format", "html")
    assert result.returncode == 0, result.stderr.decode()
    html = next(tmp_path.glob("*.html")).read_text(encoding="utf-8")
    mark = '<sup class="suggested" title="suggested translation, not yet checked">*</sup>'
    pieces = html.split(mark)
    marked = [before.rsplit(">", 1)[-1] for before in pieces[:-1]]  # the text each mark follows
    assert "Visit: to pay an official visit to Tajikistan" in marked
    assert all(not re.search(r"[\u0600-\u06ff]", text) for text in marked)  # the release's Arabic is not marked


def test_a_reviewed_summary_shows_no_mark(cli, tmp_path: Path) -> None:
    result = cli("extract", str(SAMPLES / "release-ar.txt"), "-o", str(tmp_path))
    assert result.returncode == 0
    path = tmp_path / "release-ar.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "reviewed: {by: translator, 'on': 2024-05-02}\n", encoding="utf-8")
    result = cli("note", str(path), "-o", str(tmp_path / "out"), "--format", "html")
    assert result.returncode == 0, result.stderr.decode()
    html = next((tmp_path / "out").glob("*.html")).read_text(encoding="utf-8")
    assert "to pay an official visit to Tajikistan" in html and 'class="suggested"' not in html
