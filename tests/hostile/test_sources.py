"""Hostile releases: zip bombs, floods of text, control characters, file names that are not UTF-8."""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from bounded import assert_one_line, run_bounded

from briefing.base.errors import InputError
from briefing.read.sources import read_release, release_from_bytes

PARAGRAPH = "استقبل وزير الخارجية اليوم في الرياض نظيره الأردني وبحثا العلاقات الثنائية. "


def _docx(body_xml: str) -> bytes:
    """A minimal .docx whose document.xml holds `body_xml`, deflated."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        f"<w:body>{body_xml}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def _paragraphs(text: str, count: int) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>" * count


def test_a_small_release_docx_is_read() -> None:
    release = release_from_bytes(_docx(_paragraphs(PARAGRAPH, 3)), name="r", suffix=".docx")
    assert release.text.count("الرياض") == 3


def test_docx_zip_bomb_is_refused_before_unpacking(tmp_path: Path) -> None:
    bomb = _docx("<w:p><w:r><w:t>" + "a" * (60 * 1024 * 1024) + "</w:t></w:r></w:p>")
    assert len(bomb) < 200_000
    (tmp_path / "bomb.docx").write_bytes(bomb)
    result = run_bounded("extract", "bomb.docx", "-o", "out", cwd=tmp_path, memory=700_000_000, timeout=60)
    assert_one_line(result, 2, "bomb.docx", "unpacks to 60 MB")
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_flood_of_text_is_refused() -> None:
    flood = _docx(_paragraphs(PARAGRAPH * 40, 100))  # ~300,000 characters, a few KB of zip
    assert len(flood) < 50_000
    with pytest.raises(InputError, match="over the 200,000 limit"):
        release_from_bytes(flood, name="r", suffix=".docx")


def test_control_characters_in_a_release_are_dropped_before_extraction() -> None:
    release = release_from_bytes(("\x1b]0;owned\x07" + PARAGRAPH + "\x01\x7f\x9b").encode(), name="r", suffix=".txt")
    assert not any(ord(c) < 32 and c not in "\n\t" or 0x7F <= ord(c) <= 0x9F for c in release.text)
    assert "الرياض" in release.text


def test_a_file_name_that_is_not_utf8_gives_a_valid_summary(tmp_path: Path) -> None:
    folder = os.fsencode(str(tmp_path))
    name = folder + b"/2026-11-30-r\xff\xfe.txt"
    with open(name, "wb") as handle:
        handle.write(PARAGRAPH.encode())
    release = read_release(os.fsdecode(name))
    assert release.file is not None and "\ufffd" in release.file
    release.file.encode("utf-8")  # no lone surrogates left
    result = run_bounded("extract", os.fsdecode(name), "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    (written,) = (tmp_path / "out").iterdir()
    validated = run_bounded("validate", str(written), cwd=tmp_path)
    assert validated.returncode == 0, validated.stderr.decode()
