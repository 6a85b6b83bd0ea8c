"""Typst's page content written compactly: the same text at the same places, tags kept, fewer bytes."""

from __future__ import annotations

import re
import subprocess

import pytest

from briefing.render.pdf_content import compact_content
from briefing.render.pdf_objects import pack_objects
from pdftools import pdf_pages, pdf_text, require
from support import ROOT

SOURCE = """#set document(title: "Content", date: datetime(year: 2026, month: 1, day: 2))
#set text(font: ("Noto Serif", "Noto Naskh Arabic"))
#for n in range(1, 4) [
  = Part #n / الجزء #n
  #for _ in range(12) [#text(fill: rgb("#555555"))[Title:]~Minister (of) Foreign Affairs · #link("https://example.com/(a)")[a link]
    #text(lang: "ar", dir: rtl)[#text(fill: rgb("#555555"))[الصفة:]~وزير الخارجية · الدولة: المملكة العربية السعودية]. ]
  #pagebreak(weak: true)
]
"""


@pytest.fixture(scope="module")
def typst_pdf(tmp_path_factory):
    typst = pytest.importorskip("typst")
    folder = tmp_path_factory.mktemp("content")
    (folder / "doc.typ").write_text(SOURCE, encoding="utf-8")
    return typst.compile(str(folder / "doc.typ"), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True, pdf_tags=True)


def test_a_run_of_text_loses_its_flips_and_repeats_but_not_its_tags():
    run = (b"/Span<</MCID 3/Lang(ar)>>BDC\nq 1 0 0 -1 481.02158 772.19684 cm/c0 cs 0.33333334 0.33333334 0.33333334 scn\n"
           b"BT/ReversedChars BMC 0 Tr/f3 12.5 Tf 1 0 0 -1 0 0 Tm[(\\000\\b)221(\\000\\003\\0000)]TJ\n"
           b"EMC/ReversedChars BMC 0 Tr/f3 12.5 Tf 1 0 0 -1 25.425001 0 Tm[(\\000\\)\\000\\()]TJ\nEMC\nET\nQ\nEMC")
    assert compact_content(run) == (
        b"/Span<</MCID 3/Lang(ar)>>BDC\nq\n/c0 cs 0.333 0.333 0.333 scn\nBT\n/ReversedChars BMC\n/f3 12.5 Tf\n481 772.2 Td\n"
        b"[<0008>221<00030030>]TJ\nEMC\n/ReversedChars BMC\n25.4 0 Td\n[<00290028>]TJ\nEMC\nET\nQ\nEMC")


def test_what_is_not_a_run_of_text_keeps_its_operators():
    path = b"q 1 0 0 -1 45.15433 728.75934 cm/c0 CS 0.8745098 0.8980392 0.9254902 SCN 0.4 w 4 M 0 0 m 504.96692 0 l\nS\nQ"
    assert compact_content(path) == b"q 1 0 0 -1 45.154 728.759 cm/c0 CS 0.875 0.898 0.925 SCN 0.4 w 4 M 0 0 m 504.967 0 l\nS\nQ"
    odd = b"q 1 0 0 -1 10 20 cm BT 0 Tr/f0 10 Tf [(\\000\\033)]TJ ET Q"  # glyphs before any Tm: where cm alone puts them
    assert compact_content(odd) == odd
    strange = b"%comment 1.23456\nq 1 0 0 -1 10 20 cm BT 2 Tz (a) Tj ET Q"  # an operator a run does not have, a comment
    assert compact_content(strange) == strange


def test_compacted_pages_show_the_same_words_in_the_same_places(typst_pdf, tmp_path):
    before = tmp_path / "before.pdf"
    after = tmp_path / "after.pdf"
    before.write_bytes(pack_objects(typst_pdf))
    after.write_bytes(pack_objects(typst_pdf, content=compact_content))
    from pypdf import PdfReader

    def content_bytes(pdf) -> int:  # the pages' content streams as stored (deflated)
        return sum(len(page["/Contents"].get_object()._data) for page in PdfReader(pdf).pages)
    assert content_bytes(after) < 0.95 * content_bytes(before)
    assert pdf_text(after) == pdf_text(before)
    old, new = pdf_pages(before), pdf_pages(after)
    assert len(old) == len(new) == 3
    for a, b in zip(old, new):
        assert [w.text for w in a.words] == [w.text for w in b.words]
        for u, v in zip(a.words, b.words):
            assert max(abs(u.x0 - v.x0), abs(u.x1 - v.x1), abs(u.y0 - v.y0), abs(u.y1 - v.y1)) < 0.06, (u, v)  # 0.05 pt of rounding
    info = subprocess.run([require("pdfinfo"), str(after)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE) and info.stderr == ""
    assert pack_objects(typst_pdf, content=compact_content) == after.read_bytes()  # deterministic
