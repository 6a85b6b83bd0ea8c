"""Packing a PDF's small objects into object streams: smaller, and read by poppler and pypdf as before."""

from __future__ import annotations

import re
import subprocess

import pytest

from briefing.render.pdf_objects import pack_objects
from pdftools import pdf_fonts, pdf_text, require
from support import ROOT

SOURCE = """#set document(title: "Packed", date: datetime(year: 2026, month: 1, day: 2))
#set text(font: ("Noto Serif", "Noto Naskh Arabic"))
#for n in range(1, 31) [
  #heading(level: 1)[Part #n / الجزء #n] #label("p" + str(n))
  #for _ in range(20) [#link(label("p1"))[A linked line] and #text(lang: "ar")[سطر عربي في الفقرة]. ]
  #pagebreak(weak: true)
]
"""


@pytest.fixture(scope="module")
def typst_pdf(tmp_path_factory):
    typst = pytest.importorskip("typst")
    folder = tmp_path_factory.mktemp("objects")
    (folder / "doc.typ").write_text(SOURCE, encoding="utf-8")
    return typst.compile(str(folder / "doc.typ"), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True)


def _write(folder, name: str, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


def test_packed_pdf_is_smaller_and_reads_the_same(typst_pdf, tmp_path):
    from pypdf import PdfReader

    before = _write(tmp_path, "before.pdf", typst_pdf)
    after = _write(tmp_path, "after.pdf", pack_objects(typst_pdf))
    assert after.stat().st_size < 0.7 * before.stat().st_size
    assert pdf_text(after) == pdf_text(before)
    assert pdf_fonts(after) and [f.family for f in pdf_fonts(after)] == [f.family for f in pdf_fonts(before)]
    old, new = PdfReader(before), PdfReader(after)
    assert len(new.pages) == len(old.pages) == 30
    assert [(o.title, new.get_destination_page_number(o)) for o in new.outline] == [(o.title, old.get_destination_page_number(o)) for o in old.outline]
    assert "/StructTreeRoot" in new.trailer["/Root"] and new.metadata.title == "Packed"
    assert sum(len(p.get("/Annots", [])) for p in new.pages) == sum(len(p.get("/Annots", [])) for p in old.pages) > 0
    info = subprocess.run([require("pdfinfo"), str(after)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE)
    remarks = [line for line in info.stderr.splitlines() if "Suspects object is wrong type" not in line]  # poppler on Typst's /Suspects false
    assert remarks == [], remarks


def test_packing_is_deterministic_and_leaves_packed_files_alone(typst_pdf):
    packed = pack_objects(typst_pdf)
    assert pack_objects(typst_pdf) == packed
    assert pack_objects(packed) == packed  # an xref stream: nothing to do
    assert b"/Type/ObjStm" in packed and b"\nxref\n" not in packed


def test_poppler_reads_a_packed_tagged_pdf_without_complaint(tmp_path):
    """Typst writes `/MarkInfo <</Marked true /Suspects false>>`; poppler calls the false a syntax error on every read."""
    typst = pytest.importorskip("typst")
    (tmp_path / "doc.typ").write_text(SOURCE, encoding="utf-8")
    raw = typst.compile(str(tmp_path / "doc.typ"), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True, pdf_tags=True)
    assert re.search(rb"/Suspects\s+false", raw)  # what Typst writes (if a release stops, this test has nothing to check)
    packed = _write(tmp_path, "packed.pdf", pack_objects(raw))
    for tool in ("pdfinfo", "pdffonts"):
        run = subprocess.run([require(tool), str(packed)], capture_output=True, text=True, check=True)
        assert run.stderr == "", (tool, run.stderr)
    info = subprocess.run([require("pdfinfo"), str(packed)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE)
