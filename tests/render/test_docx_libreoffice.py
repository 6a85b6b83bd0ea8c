"""The DOCX through LibreOffice headless (no Arabic font installed): the embedded fonts are used."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from briefing.read.summaries import read_summary
from briefing.render.docx import render_docx
from briefing.render.options import RenderOptions, prepare_note
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
    assert "Participants" in second[:12] and "المشاركون" in second  # the heading row repeats ...
    assert second.count("Title") >= 5  # ... over the rows that go on over the page
    assert {f.family for f in pdf_fonts(pdf)} == {"NotoNaskhArabic-Regular", "NotoNaskhArabic-Bold", "NotoSerif-Regular", "NotoSerif-Bold"}


# -- issue 12: what a typographer sees in LibreOffice -----------------------------------

ARABIC_INDIC = re.compile(r"[\u0660-\u0669]")


def lo_pages(tmp_path: Path, summary, name: str, **options):
    from pdftools import pdf_pages

    opts = RenderOptions(**options)
    return pdf_pages(convert(tmp_path, render_docx(prepare_note(summary, opts), opts), name))


def test_logo_is_drawn_by_libreoffice(tmp_path):
    """The SVG logo's PNG fallback is a real picture of it (a 1x1 transparent PNG showed nothing)."""
    from PIL import Image

    opts = RenderOptions(logo=SEED.parent / "logo.svg")
    pdf = convert(tmp_path, render_docx(prepare_note(read_summary(SEED), opts), opts), "logo")
    subprocess.run([require("pdftoppm"), "-r", "40", "-f", "1", "-l", "1", "-png", str(pdf), str(tmp_path / "page")], check=True)
    image = Image.open(next(tmp_path.glob("page*.png"))).convert("L")
    width, height = image.size
    top = image.crop((width // 3, 0, 2 * width // 3, height // 7))  # above the masthead, centred
    dark = sum(1 for value in top.getdata() if value < 128)
    assert dark > 100, dark


def test_arabic_numbers_in_one_system_and_codes_left_to_right(tmp_path):
    summary = read_summary(SEED.parent / "visit-long.yaml")
    summary = summary.model_copy(update={"source": summary.source.model_copy(update={"file": "7-04-08-2015.txt"}),
                                         "classification": "RESTRICTED"})
    pages = lo_pages(tmp_path, summary, "digits")
    right = [w.text for p in pages for w in p.words if (w.x0 + w.x1) / 2 > p.width / 2 and w.y1 < p.height - 60]
    left = [w.text for p in pages for w in p.words if (w.x0 + w.x1) / 2 < p.width / 2]
    assert not [w for w in right if re.fullmatch(r"[0-9.\-–]+", w) and re.search(r"[0-9]", w)]  # list numbers, dates, years
    assert sum(1 for w in right if ARABIC_INDIC.search(w)) > 20
    assert not [w for w in left if ARABIC_INDIC.search(w)]
    words = [w.text for p in pages for w in p.words]
    assert words.count("7-04-08-2015.txt") == 2, [w for w in words if "txt" in w]
    header = [w.text for w in pages[0].words if w.y1 < 60]
    assert "RESTRICTED" in header and ("مقيد" in header or "مقيد"[::-1] in header), header
    for page in pages:  # and in the footer, between the page numbers
        footer = [w.text for w in page.words if w.y0 > page.height - 80]
        assert "RESTRICTED" in footer and ("مقيد" in footer or "مقيد"[::-1] in footer), footer


def test_arabic_is_set_larger_than_latin(tmp_path):
    import statistics

    pages = lo_pages(tmp_path, read_summary(SEED), "sizes")
    heights = {key: statistics.median(w.height for p in pages for w in p.words if test(w))
               for key, test in (("ar", lambda w: w.is_arabic()), ("en", lambda w: w.is_latin()))}
    assert heights["ar"] / heights["en"] > 1.15, heights  # 12.5 pt against 10 pt (it was 11 and 11)


def _marked(words: list[str]) -> bool:
    return "RESTRICTED" in words and ("مقيد" in words or "مقيد"[::-1] in words)


@pytest.mark.parametrize("kind", ["pack", "digest"])
def test_every_page_of_a_pack_or_digest_is_marked_in_both_languages(tmp_path, kind):
    """Cover, contents, notes and annexes: «مقيد / RESTRICTED» in the header and in the footer (between the page
    numbers: LibreOffice left out a footer's last paragraph after its table), and on the cover in both languages."""
    from briefing.assemble.collection import assemble_digest, assemble_pack
    from briefing.render.collection import digest_view, pack_view
    from briefing.render.docx_collection import render_digest_docx, render_pack_docx
    from pdftools import pdf_pages

    if kind == "pack":
        opts = RenderOptions()
        summaries = [read_summary(SEED), read_summary(SEED.parent / "phone-call-en.yaml")]  # none, RESTRICTED
        data = render_pack_docx(pack_view(assemble_pack(summaries), opts), opts)
    else:
        opts = RenderOptions(classification="restricted")
        summary = read_summary(SEED.parent / "visit-long.yaml")
        day = summary.event.date
        data = render_digest_docx(digest_view(assemble_digest([summary], ((), ()), (), start=day, end=day), opts), opts)
    pages = pdf_pages(convert(tmp_path, data, kind))
    assert len(pages) > 1
    for number, page in enumerate(pages, 1):
        top = [w.text for w in page.words if w.y1 < 60]
        foot = [w.text for w in page.words if w.y0 > page.height - 80]  # LibreOffice's footer rises into the margin
        assert _marked(top) and _marked(foot), (number, top, foot)
    cover = [w.text for w in pages[0].words if 60 < w.y1 and w.y0 < pages[0].height - 80]
    assert _marked(cover) and "Classification:" not in cover and "RESTRICTED" not in cover[cover.index("RESTRICTED") + 1:], cover
