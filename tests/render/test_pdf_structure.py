"""Single-child Divs taken out of a tagged PDF's structure tree: the wrapped element takes their place and language."""

from __future__ import annotations

import re
import subprocess

import pytest

from briefing.render.pdf_objects import pack_objects
from briefing.render.pdf_structure import unwrap_divs
from pdftools import pdf_text, require
from support import ROOT

SOURCE = """#set document(title: "Grid", date: datetime(year: 2026, month: 1, day: 2))
#set text(font: ("Noto Serif", "Noto Naskh Arabic"), lang: "en")
#for n in range(1, 3) [
  #grid(columns: 2, heading(level: 2)[Part #n], text(lang: "ar", heading(level: 2)[الجزء #n]),
    ..range(6).map(i => ([Row #i, #link("https://example.com/" + str(i))[a link]], text(lang: "ar")[السطر #i])).flatten())
  #pagebreak(weak: true)
]
"""


def test_a_div_around_one_element_gives_it_its_place_and_language():
    objects = {
        1: b"<</Type/StructElem/S/Document/P 9 0 R/K[2 0 R 5 0 R]>>",
        2: b"<</Type/StructElem/S/Div/P 1 0 R/Lang(en)/K[3 0 R 4 0 R]>>",
        3: b"<</Type/StructElem/S/Div/P 2 0 R/Lang(ar)/K[6 0 R]>>",
        4: b"<</Type/StructElem/S/Div/P 2 0 R/K[8 0 R]>>",
        5: b"<</Type/StructElem/S/Div/P 1 0 R/K[10 0 R]>>",
        6: b"<</Type/StructElem/S/Span/P 3 0 R/A[<</O/Layout/Placement/Block>>]/K[1 2 3]/Pg 7 0 R>>",
        8: b"<</Type/StructElem/S/H3/P 4 0 R/Lang(fr)/T(/Lang\\(x\\) 4 0 R)/K[5]/Pg 7 0 R>>",
        10: b"<</Type/StructElem/S/Link/P 5 0 R/K[4<</Type/OBJR/Pg 7 0 R/Obj 5 0 R>>]/Pg 7 0 R>>",
        11: b"<</Type/StructElem/S/Div/P 1 0 R/T(kept: a title)/K[12 0 R]>>",
    }
    assert unwrap_divs(objects) == {3, 4, 5}
    assert objects[1] == b"<</Type/StructElem/S/Document/P 9 0 R/K[2 0 R 10 0 R]>>"
    assert objects[2] == b"<</Type/StructElem/S/Div/P 1 0 R/Lang(en)/K[6 0 R 8 0 R]>>"  # two kids: kept
    assert objects[6] == b"<</Type/StructElem/S/Span/P 2 0 R/Lang(ar)/A[<</O/Layout/Placement/Block>>]/K[1 2 3]/Pg 7 0 R>>"
    assert objects[8].startswith(b"<</Type/StructElem/S/H3/P 2 0 R/Lang(fr)/T(")  # its own language stays
    assert objects[10] == b"<</Type/StructElem/S/Link/P 1 0 R/K[4<</Type/OBJR/Pg 7 0 R/Obj 5 0 R>>]/Pg 7 0 R>>"
    assert 11 in objects  # a Div with more than a parent, a language and its kid


def _elements(reader) -> list:
    """Return every structure element under the tree's root, depth first."""
    found, todo = [], [reader.trailer["/Root"]["/StructTreeRoot"]["/K"]]
    while todo:
        item = todo.pop()
        item = item.get_object() if hasattr(item, "get_object") else item
        if isinstance(item, list):
            todo.extend(item)
        elif hasattr(item, "get") and "/S" in item:
            found.append(item)
            todo.append(item.get("/K", []))
    return found


def test_packed_typst_pdf_keeps_its_tags_without_single_child_divs(tmp_path):
    typst = pytest.importorskip("typst")
    from pypdf import PdfReader

    (tmp_path / "doc.typ").write_text(SOURCE, encoding="utf-8")
    raw = typst.compile(str(tmp_path / "doc.typ"), font_paths=[str(ROOT / "fonts")], ignore_system_fonts=True, pdf_tags=True)
    before, after = tmp_path / "before.pdf", tmp_path / "after.pdf"
    before.write_bytes(pack_objects(raw))
    after.write_bytes(pack_objects(raw, structure=unwrap_divs))
    assert pdf_text(after) == pdf_text(before)
    old, new = _elements(PdfReader(before)), _elements(PdfReader(after))
    roles = [str(e["/S"]) for e in new]
    assert sorted(r for r in roles if r != "/Div") == sorted(str(e["/S"]) for e in old if e["/S"] != "/Div")
    # the grids and the cells holding text and a link stay; the cells around one paragraph or heading go
    assert roles.count("/Div") == 2 + 12 < [str(e["/S"]) for e in old].count("/Div")
    assert all(len(e["/K"]) > 1 for e in new if e["/S"] == "/Div")
    arabic = [e for e in new if e["/S"] in ("/Span", "/H2") and e.get("/Lang") == "ar"]
    assert len(arabic) == 2 * 7  # each Arabic cell's language now on its paragraph or heading
    for element in new:  # every element is among its parent's kids
        parent = element["/P"].get_object()
        if "/S" in parent:
            kids = parent["/K"] if isinstance(parent["/K"], list) else [parent["/K"]]
            assert any(getattr(k, "idnum", None) == element.indirect_reference.idnum for k in kids)
    info = subprocess.run([require("pdfinfo"), str(after)], capture_output=True, text=True, check=True)
    assert re.search(r"^Tagged:\s+yes$", info.stdout, re.MULTILINE) and info.stderr == ""
