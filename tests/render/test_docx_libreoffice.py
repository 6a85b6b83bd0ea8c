"""The DOCX through LibreOffice headless (no Arabic font installed): the embedded fonts are used."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefing.render.docx import render_docx
from briefing.render.options import RenderOptions, prepare_note
from briefing.summaries import read_summary
from pdftools import normalise_words, pdf_fonts, pdf_text, require
from support import SEED

pytestmark = pytest.mark.slow
SHIPPED = {"NotoNaskhArabic", "NotoSerif"}
SHIPPED_NAMES = {"Noto Naskh Arabic", "Noto Serif"}  # as fontconfig names the families


def installed_shipped_families() -> set[str]:
    """Return the shipped families that fontconfig finds installed (Noto Mono and the like do not count)."""
    listed = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=True).stdout
    names = {name.strip() for line in listed.splitlines() for name in line.split(",")}
    return names & SHIPPED_NAMES


def convert(tmp_path: Path, data: bytes, name: str) -> Path:
    """Convert a DOCX to PDF with LibreOffice, in a profile of its own."""
    soffice = require("soffice")
    docx = tmp_path / f"{name}.docx"
    docx.write_bytes(data)
    profile = (tmp_path / f"profile-{name}").as_uri()
    subprocess.run(
        [soffice, "--headless", f"-env:UserInstallation={profile}", "--convert-to", "pdf", "--outdir", str(tmp_path), str(docx)],
        capture_output=True, timeout=120, check=True,
    )
    pdf = tmp_path / f"{name}.pdf"
    assert pdf.is_file(), "LibreOffice wrote no PDF"
    return pdf


def families(pdf: Path) -> set[str]:
    """Return the font families of a PDF without style suffix: NotoNaskhArabic-Bold -> NotoNaskhArabic."""
    return {re.sub(r"[-,](Regular|Bold|Italic|BoldItalic)$", "", f.family) for f in pdf_fonts(pdf)}


@pytest.fixture(scope="module")
def seed():
    opts = RenderOptions()
    summary = read_summary(SEED)
    return summary, prepare_note(summary, opts), opts


def test_libreoffice_uses_the_embedded_fonts(tmp_path, seed):
    summary, view, opts = seed
    pdf = convert(tmp_path, render_docx(view, opts), "embedded")
    fonts = pdf_fonts(pdf)
    assert families(pdf) == SHIPPED, [f.name for f in fonts]
    assert {f.family for f in fonts} == {"NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold", "NotoSerif-Regular", "NotoSerif-Bold"}
    words = set(normalise_words(pdf_text(pdf)))
    for participant in summary.participants:
        assert set(normalise_words(participant.name.ar)) <= words, participant.name.ar


def test_negative_control_without_embedding_falls_back(tmp_path, seed):
    _, view, opts = seed
    if installed := installed_shipped_families():
        pytest.skip(f"{', '.join(sorted(installed))} installed system-wide: the control cannot fail")
    pdf = convert(tmp_path, render_docx(view, opts, embed_fonts=False), "plain")
    assert families(pdf).isdisjoint(SHIPPED), families(pdf)


def test_long_participant_table_repeats_its_header_on_the_next_page(tmp_path):
    opts = RenderOptions()
    summary = read_summary(SEED.parent / "visit-long.yaml")
    pdf = convert(tmp_path, render_docx(prepare_note(summary, opts), opts), "long")
    pages = pdf_text(pdf).split("\f")
    assert len(pages) > 2
    second = normalise_words(pages[1])
    assert "Participants" not in second  # the table goes on over the page ...
    assert {"Name", "Title", "Country", "Role", "الاسم", "الصفة", "الدولة", "الدور"} <= set(second[:40])  # ... under its header
    assert {f.family for f in pdf_fonts(pdf)} == {"NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold", "NotoSerif-Regular", "NotoSerif-Bold"}
