"""XLIFF 1.2 for CAT tools: one unit per pending side out, checked translations back in; TMX and TBX beside."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from lxml import etree

from .. import __version__
from ..base.errors import InputError

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_X = f"{{{NS}}}"
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True)
class Alternative:
    """A TM match offered with a unit."""

    source: str
    target: str
    score: float
    origin: str


@dataclass(frozen=True)
class Unit:
    """One side to translate: its address in the summary, the source text, notes and TM matches."""

    id: str
    source: str
    notes: tuple[str, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    target: str | None = None
    line: int | None = None  # where the unit starts in an XLIFF read back


@dataclass
class XliffFile:
    """The units of one summary in one direction."""

    original: str
    source_lang: str
    target_lang: str
    units: list[Unit] = field(default_factory=list)


def _lang(code: str) -> str:
    return {"ar": "ar", "en": "en"}[code]


def build_xliff(files: Sequence[XliffFile], *, copy_source: bool = False) -> bytes:
    """Return an XLIFF 1.2 document (strict schema) with one <file> per summary and direction.

    Each unit has a <target> to fill, empty, or holding the source text with `copy_source` (OmegaT's own
    XLIFF filter translates the <target>'s text); either way its state is needs-translation.
    """
    root = etree.Element(_X + "xliff", nsmap={None: NS}, version="1.2")
    for f in files:
        file_el = etree.SubElement(root, _X + "file", original=f.original, datatype="plaintext",
                                   **{"source-language": _lang(f.source_lang), "target-language": _lang(f.target_lang),
                                      "tool-id": "briefing"})
        header = etree.SubElement(file_el, _X + "header")
        etree.SubElement(header, _X + "tool", **{"tool-id": "briefing", "tool-name": "briefing",
                                                  "tool-version": __version__})
        etree.SubElement(header, _X + "note").text = (
            "Pending sides of a briefing summary. Translate each <target>; do not edit <source> or unit ids. "
            "Bring the file back with `briefing translate import`.")
        body = etree.SubElement(file_el, _X + "body")
        for unit in f.units:
            tu = etree.SubElement(body, _X + "trans-unit", id=unit.id, approved="no")
            tu.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            etree.SubElement(tu, _X + "source", {XML_LANG: _lang(f.source_lang)}).text = unit.source
            target = etree.SubElement(tu, _X + "target", {XML_LANG: _lang(f.target_lang)}, state="needs-translation")
            target.text = unit.source if copy_source else (unit.target or "")
            for alt in unit.alternatives:
                alt_el = etree.SubElement(tu, _X + "alt-trans", {"match-quality": f"{alt.score:g}"}, origin=alt.origin)
                etree.SubElement(alt_el, _X + "source", {XML_LANG: _lang(f.source_lang)}).text = alt.source
                etree.SubElement(alt_el, _X + "target", {XML_LANG: _lang(f.target_lang)}).text = alt.target
            for note in unit.notes:
                etree.SubElement(tu, _X + "note", {"from": "briefing"}).text = note
    return _DECLARATION + etree.tostring(root, encoding="unicode", pretty_print=True).encode("utf-8")


def parse_xliff(data: bytes, name: str) -> list[XliffFile]:
    """Read an XLIFF 1.2 document back: files, units, targets (a unit without <target> has target None)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        raise InputError(f"not well-formed XML: {error.msg}", file=name, line=error.lineno) from None
    if root.tag != _X + "xliff" or root.get("version") != "1.2":
        raise InputError("not an XLIFF 1.2 file (expected <xliff version=\"1.2\"> in the 1.2 namespace)", file=name,
                         line=root.sourceline)
    out = []
    for file_el in root.iter(_X + "file"):
        xf = XliffFile(file_el.get("original") or "", file_el.get("source-language") or "",
                       file_el.get("target-language") or "")
        for tu in file_el.iter(_X + "trans-unit"):
            source_el = tu.find(_X + "source")
            target_el = tu.find(_X + "target")
            xf.units.append(Unit(
                id=tu.get("id") or "",
                source=_text(source_el),
                target=None if target_el is None else _text(target_el),
                line=tu.sourceline,
            ))
        out.append(xf)
    return out


def _text(element: etree._Element | None) -> str:
    """Return the text of a <source>/<target>, inline markup flattened."""
    return "" if element is None else "".join(element.itertext())


def build_tmx(pairs: Sequence[tuple[str, str, str]], srclang: str = "*all*") -> bytes:
    """Return a TMX 1.4 document of (ar, en, origin) pairs."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(root, "header", creationtool="briefing", creationtoolversion=__version__, segtype="sentence",
                     datatype="plaintext", adminlang="en", srclang=srclang, **{"o-tmf": "briefing"})
    body = etree.SubElement(root, "body")
    for ar, en, origin in pairs:
        tu = etree.SubElement(body, "tu")
        etree.SubElement(tu, "prop", type="x-origin").text = origin
        for lang, text in (("ar", ar), ("en", en)):
            tuv = etree.SubElement(tu, "tuv", {XML_LANG: lang})
            etree.SubElement(tuv, "seg").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True,
                          doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">')


def build_tbx(entries: Sequence[tuple[str, str, str, str]], when: dt.date | None = None) -> bytes:
    """Return a TBX (ISO 30042, TBX-Basic style) glossary of (id, kind, ar, en) entries."""
    root = etree.Element("martif", type="TBX", nsmap=None)
    root.set(XML_LANG, "en")
    header = etree.SubElement(root, "martifHeader")
    desc = etree.SubElement(etree.SubElement(header, "fileDesc"), "sourceDesc")
    etree.SubElement(desc, "p").text = "Term-base entries of the units of a briefing XLIFF file"
    body = etree.SubElement(etree.SubElement(root, "text"), "body")
    for ident, kind, ar, en in entries:
        entry = etree.SubElement(body, "termEntry", id=ident)
        etree.SubElement(entry, "descrip", type="subjectField").text = kind
        for lang, term in (("ar", ar), ("en", en)):
            lang_set = etree.SubElement(entry, "langSet", {XML_LANG: lang})
            etree.SubElement(etree.SubElement(lang_set, "tig"), "term").text = term
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
