"""Hostile content in summaries and themes: links, template code, odd font names, very long words and titles."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from bounded import ROOT, assert_one_line, run_bounded, summary

from briefing.render.links import linkable

FONTS = ROOT / "fonts"


@pytest.mark.parametrize(
    ("url", "live"),
    [
        ("https://www.mofa.gov.sa/news/1", True),
        ("http://example.org/a?b=c#d", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        (" javascript:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("vbscript:msgbox(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("file:///etc/passwd", False),
        ("https://", False),
        ("//evil.example/x", False),
        ('https://a.example/"onmouseover="alert(1)', False),
    ],
)
def test_only_http_addresses_are_linkable(url: str, live: bool) -> None:
    assert linkable(url) is live


def test_a_javascript_url_is_shown_as_text_in_every_format(tmp_path: Path) -> None:
    from pypdf import PdfReader

    (tmp_path / "s.yaml").write_text(summary(id="js") + "source:\n  url: \"javascript:alert('x')\"\n")
    result = run_bounded("note", "s.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    out = tmp_path / "out"
    html = (out / "js.html").read_text(encoding="utf-8")
    assert "javascript:alert(&#39;x&#39;)" in html  # shown
    assert 'href="javascript' not in html.lower()
    with zipfile.ZipFile(out / "js.docx") as docx:
        parts = "".join(docx.read(name).decode("utf-8", "replace") for name in docx.namelist() if name.endswith((".xml", ".rels")))
    assert "javascript:alert" in parts and 'Target="javascript' not in parts
    reader = PdfReader(out / "js.pdf")
    uris = [annot.get_object().get("/A", {}).get("/URI") for page in reader.pages for annot in page.get("/Annots", [])]
    assert not [u for u in uris if u and "javascript" in str(u)]
    assert "javascript:alert" in "".join(page.extract_text() for page in reader.pages)


def test_an_https_url_stays_a_live_link(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(summary(id="web") + "source:\n  url: https://example.org/r/1\n")
    result = run_bounded("note", "s.yaml", "-o", "out", "--format", "html,docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert 'href="https://example.org/r/1"' in (tmp_path / "out" / "web.html").read_text(encoding="utf-8")
    with zipfile.ZipFile(tmp_path / "out" / "web.docx") as docx:
        assert 'Target="https://example.org/r/1"' in docx.read("word/_rels/document.xml.rels").decode()


def test_a_theme_in_the_working_folder_cannot_run_code(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "note.html.j2").write_text("<p>{{ cycler.__init__.__globals__.os.popen('echo PWNED-$((6*7))').read() }}</p>")
    (tmp_path / "briefing.toml").write_text('templates = "theme"\n')
    (tmp_path / "s.yaml").write_text(summary(id="theme"))
    result = run_bounded("note", "s.yaml", "-o", "out", "--format", "html", cwd=tmp_path)
    assert_one_line(result, 1, "Render error", "unsafe")
    assert b"PWNED-42" not in result.stdout + result.stderr
    assert not (tmp_path / "out").exists() or not list((tmp_path / "out").iterdir())


def test_a_theme_that_only_lays_out_still_works(tmp_path: Path) -> None:
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "header.html.j2").write_text((ROOT / "templates" / "header.html.j2").read_text() + "<!-- our theme -->\n")
    (tmp_path / "s.yaml").write_text(summary(id="themed"))
    result = run_bounded("note", "s.yaml", "-o", "out", "--format", "html", "--template", "theme", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    assert "<!-- our theme -->" in (tmp_path / "out" / "themed.html").read_text(encoding="utf-8")


def test_font_family_names_with_xml_characters_give_a_valid_docx(tmp_path: Path) -> None:
    import docx

    family = 'Naskh & "Co" <x>'
    (tmp_path / "briefing.toml").write_text(
        "[fonts.arabic]\n"
        f"family = '{family}'\n"
        f'regular = "{FONTS / "NotoNaskhArabic-Regular.ttf"}"\n'
        f'bold = "{FONTS / "NotoNaskhArabic-Bold.ttf"}"\n'
    )
    (tmp_path / "s.yaml").write_text(summary(id="font"))
    result = run_bounded("note", "s.yaml", "-o", "out", "--format", "docx", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    document = docx.Document(str(tmp_path / "out" / "font.docx"))
    with zipfile.ZipFile(io.BytesIO((tmp_path / "out" / "font.docx").read_bytes())) as archive:
        font_table = archive.read("word/fontTable.xml").decode()
    assert "Naskh &amp; &quot;Co&quot; &lt;x&gt;" in font_table
    assert document.paragraphs is not None


@pytest.mark.slow
def test_a_very_long_word_stays_inside_the_page(tmp_path: Path) -> None:
    import re
    import subprocess

    from pdftools import require

    (tmp_path / "s.yaml").write_text(summary("W" * 3000, id="word"))
    result = run_bounded("note", "s.yaml", "-o", "out", "--format", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr.decode()
    boxes = subprocess.run([require("pdftotext"), "-bbox", str(tmp_path / "out" / "word.pdf"), "-"],
                           capture_output=True, text=True, check=True).stdout
    page_width = float(re.search(r'<page width="([\d.]+)"', boxes)[1])
    words = re.findall(r'<word xMin="([-\d.]+)" yMin="[-\d.]+" xMax="([-\d.]+)" yMax="[-\d.]+">(W+)</word>', boxes)
    assert sum(len(w) for _, _, w in words) >= 3000
    assert all(0 <= float(x0) and float(x1) <= page_width for x0, x1, _ in words), words[:3]
