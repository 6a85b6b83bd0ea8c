"""Reading releases: encodings, line endings, HTML, DOCX, stdin and bad input."""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest

from briefing.base.errors import InputError
from briefing.read.sources import read_release, release_from_bytes

ARABIC = "استقبل وزير الخارجية اليوم سفير جمهورية مصر العربية.\nوجرى خلال الاستقبال بحث العلاقات الثنائية."


@pytest.mark.parametrize(
    "encoding", ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1256", "iso8859_6"]
)
def test_arabic_text_in_every_common_encoding_reads_back(tmp_path: Path, encoding: str) -> None:
    path = tmp_path / "release.txt"
    path.write_bytes(ARABIC.encode(encoding))
    release = read_release(path)
    assert release.text == ARABIC
    assert release.language == "ar"
    assert release.name == "release"


def test_crlf_becomes_lf(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(ARABIC.replace("\n", "\r\n").encode("utf-8"))
    assert "\r" not in read_release(path).text


def test_english_release_is_english(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("The Foreign Minister received the Ambassador of Egypt today and discussed the relations.")
    assert read_release(path).language == "en"


def test_third_language_is_other(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text("Le ministre des affaires étrangères a reçu aujourd'hui l'ambassadeur d'Égypte à Paris.")
    assert read_release(path).language == "other"


def test_html_keeps_the_article_drops_chrome_and_reads_the_date(tmp_path: Path) -> None:
    body = " ".join([ARABIC] * 3)
    html = f"""<html><head><title>خبر</title>
    <meta property="article:published_time" content="2015-08-10T10:00:00+03:00"></head>
    <body><nav><a href="/">الرئيسية</a> <a href="/x">مواضيع ذات صلة</a></nav>
    <article><h1>وزير الخارجية يستقبل سفير مصر</h1><p>{body}</p></article>
    <footer>جميع الحقوق محفوظة</footer></body></html>"""
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    release = read_release(path)
    assert "استقبل وزير الخارجية" in release.text
    assert "جميع الحقوق محفوظة" not in release.text
    assert release.date_hint == dt.date(2015, 8, 10)


def test_html_with_no_article_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav><a href='/'>home</a></nav></body></html>")
    with pytest.raises(InputError, match="no article text"):
        read_release(path)


def test_docx_paragraphs_are_read(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    for line in ARABIC.split("\n"):
        document.add_paragraph(line)
    path = tmp_path / "r.docx"
    document.save(str(path))
    assert read_release(path).text == ARABIC


def test_stdin_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARABIC.encode("utf-8"))))
    release = read_release("-")
    assert release.text == ARABIC and release.name == "stdin"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"", "empty"), (b"  \n\t\n", "empty"), (b"\x00\x01\x02\x03binary\x00\xff" * 50, "binary")],
)
def test_bad_bytes_are_input_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        release_from_bytes(data, name="x", file="x.txt", suffix=".txt")


def test_a_20_mb_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(20 * 1024 * 1024)
    with pytest.raises(InputError, match="over the 5 MB limit"):
        read_release(path)


def test_missing_file_and_folder_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_release(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="folder"):
        read_release(tmp_path)


def test_a_broken_docx_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "r.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match="docx"):
        read_release(path)


def test_a_date_in_the_file_name_is_metadata_not_the_date(tmp_path):
    path = tmp_path / "2015-07-22-271.txt"
    path.write_text("استقبل خادم الحرمين الشريفين اليوم وزير الدفاع الأمريكي في قصر السلام بجدة.", encoding="utf-8")
    release = read_release(path)
    assert release.date_hint is None
    assert (release.metadata_date, release.metadata_from) == (dt.date(2015, 7, 22), "the file name")
    undated = tmp_path / "release.txt"
    undated.write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    assert read_release(undated).metadata_date is None
