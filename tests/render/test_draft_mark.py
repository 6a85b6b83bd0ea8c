"""DRAFT / مسودة on every page of a note from an unreviewed summary, in PDF, DOCX and HTML; none once reviewed."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from briefing.read.summaries import read_summary
from briefing.render.docx import render_docx
from briefing.render.html import render_html
from briefing.render.options import RenderOptions, prepare_note
from briefing.render.pdf import render_pdf
from pdftools import pdf_text, require
from support import SAMPLES

REVIEWED = SAMPLES / "visit-long.yaml"  # several pages
MARK = re.compile(r"\breviewed: \{by: [^}]*\}\n")
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture(scope="module")
def notes(tmp_path_factory):
    """The long sample as shipped (reviewed), and the same without its `reviewed` line (a draft)."""
    folder = tmp_path_factory.mktemp("draft")
    draft = folder / "draft.yaml"
    draft.write_text(MARK.sub("", REVIEWED.read_text(encoding="utf-8")), encoding="utf-8")
    return {"draft": read_summary(draft), "reviewed": read_summary(REVIEWED)}


def pages(pdf: Path) -> list[str]:
    """Return the text of each page, bidi controls removed."""
    return [BIDI.sub("", page) for page in pdf_text(pdf).split("\f") if page.strip()]


def write_pdf(tmp_path: Path, summary, name: str, **options) -> Path:
    opts = RenderOptions(**options)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(render_pdf(prepare_note(summary, opts), opts))
    return path


@pytest.mark.parametrize("layout", ["parallel", "stacked"])
def test_every_pdf_page_of_a_draft_says_so_in_both_languages(tmp_path, notes, layout):
    require("pdftotext")
    draft = pages(write_pdf(tmp_path, notes["draft"], "draft", layout=layout))
    assert len(draft) >= 3
    assert all("DRAFT" in page and "مسودة" in page for page in draft)
    reviewed = pages(write_pdf(tmp_path, notes["reviewed"], "reviewed", layout=layout))
    assert len(reviewed) == len(draft)
    assert not any("DRAFT" in page or "مسودة" in page for page in reviewed)


def test_a_one_language_draft_is_marked_in_that_language(tmp_path, notes):
    require("pdftotext")
    draft = pages(write_pdf(tmp_path, notes["draft"], "draft", languages=("en",)))
    assert all("DRAFT" in page and "مسودة" not in page for page in draft)


def test_the_html_of_a_draft_shows_the_mark_first(notes):
    opts = RenderOptions()
    draft = lxml_html.fromstring(render_html(prepare_note(notes["draft"], opts), opts))
    marks = draft.xpath('//div[@class="draft-mark"]')
    first = next(e for e in draft.body if e.tag != "style")
    assert len(marks) == 1 and first.get("class") == "draft-mark"
    assert [(s.get("lang"), s.text) for s in marks[0]] == [("ar", "مسودة"), ("en", "DRAFT")]
    reviewed = render_html(prepare_note(notes["reviewed"], opts), opts)
    assert "draft-mark" not in reviewed and "مسودة" not in reviewed and "DRAFT" not in reviewed


@pytest.mark.slow
def test_every_page_of_a_draft_docx_in_libreoffice_says_so(tmp_path, notes):
    soffice = require("soffice")
    require("pdftotext")
    opts = RenderOptions()
    texts = {}
    for name, summary in notes.items():
        docx = tmp_path / f"{name}.docx"
        docx.write_bytes(render_docx(prepare_note(summary, opts), opts))
        subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                        "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)], capture_output=True, timeout=180, check=True)
        texts[name] = pages(tmp_path / f"{name}.pdf")
    assert len(texts["draft"]) >= 3
    assert all("DRAFT" in page and "مسودة" in page for page in texts["draft"])
    assert texts["reviewed"] and not any("DRAFT" in page or "مسودة" in page for page in texts["reviewed"])
