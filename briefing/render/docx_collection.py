"""Render packs and digests as DOCX, drawing their notes and sections with the note writer of `docx.py`.

A pack's contents is a real Word field, `TOC \\h \\z \\t "Briefing Pack Heading,1"`: it lists
the pack's own headings (one per note, and the annexes) rather than every section of every
note. Its cached result holds the entries, linked to bookmarks, without page numbers;
`w:updateFields` asks Word to fill them when the file is opened. LibreOffice shows the
cached entries.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ..errors import RenderError
from ..model import Text
from . import _ooxml as ox
from .collection import CollectionView
from .docx import HALF, TEXT_WIDTH, NoteWriter, add_page_furniture, append_note, new_document
from .docx_zip import package_document
from .options import RenderOptions, creation_time
from .view import Section

PACK_HEADING = "Briefing Pack Heading"
CONTENTS_ENTRY = "Briefing Contents Entry"
TOC_FIELD = f'TOC \\h \\z \\t "{PACK_HEADING},1"'
_LANG = {"ar": "ar-SA", "en": "en-GB"}


def render_pack_docx(view: CollectionView, options: RenderOptions, *, embed_fonts: bool = True) -> bytes:
    """Render a pack: cover, contents field, one note per page run, annexes."""
    if not view.notes:
        raise RenderError("the pack has no event")
    writer = _writer(view, options)
    document = writer.document
    _cover(writer, view)
    _contents(writer, view)
    for entry, (_anchor, note) in zip(view.entries, view.notes):
        _page_break(writer)
        writer.view = note
        _pack_heading(writer, Text(**{lang: f"{entry.number}. {entry.title.get(lang) or ''}".strip() for lang in ("ar", "en")}),
                      _bookmark(entry.number))
        append_note(writer, note)
    writer.view = view
    _page_break(writer)
    _pack_heading(writer, view.label("pack", "annexes"), _bookmark(0))
    _sections(writer, view.sections)
    ox.set_child(document.settings.element, "w:updateFields", ox.SETTINGS_ORDER, val="true")
    add_page_furniture(writer, view.classification)
    _core_properties(writer, view, options)
    return package_document(document, writer.usage, options.fonts, embed=embed_fonts)


def render_digest_docx(view: CollectionView, options: RenderOptions, *, embed_fonts: bool = True) -> bytes:
    """Render a digest: its heading block, then counts, events and follow-ups (or that the week had no event)."""
    writer = _writer(view, options)
    _cover(writer, view)
    if view.message is not None:
        for lang in _languages(options):
            writer.side(writer.paragraph(writer.document, lang), view.message, lang, style="Briefing Label")
    _sections(writer, view.sections)
    add_page_furniture(writer, view.classification)
    _core_properties(writer, view, options)
    return package_document(writer.document, writer.usage, options.fonts, embed=embed_fonts)


def _writer(view: CollectionView, options: RenderOptions) -> NoteWriter:
    document = new_document(options)
    styles = document.styles
    heading = styles.add_style(PACK_HEADING, WD_STYLE_TYPE.PARAGRAPH)
    heading.base_style = styles["Normal"]
    heading.font.bold, heading.font.size = True, Pt(14)
    heading.paragraph_format.keep_with_next = True
    heading.paragraph_format.space_after = Pt(6)
    entry = styles.add_style(CONTENTS_ENTRY, WD_STYLE_TYPE.PARAGRAPH)
    entry.base_style = styles["Normal"]
    writer = NoteWriter(document, options)
    writer.view = view  # CollectionView has the `label` the writer asks for
    return writer


def _languages(options: RenderOptions) -> tuple[str, ...]:
    return tuple(dict.fromkeys(lang for lang in options.languages if lang in ("ar", "en"))) or ("ar", "en")


def _parallel(options: RenderOptions) -> bool:
    return options.layout == "parallel" and len(_languages(options)) == 2


def _cover(writer: NoteWriter, view: CollectionView) -> None:
    """Organisation, kind, title, facts and classification, side by side or one language after the other."""
    document, options = writer.document, writer.options
    if _parallel(options):
        frame = writer.table(document, 1, (HALF, TEXT_WIDTH - HALF), style="Briefing Columns", rtl=True, header=False)
        targets: list[tuple[Any, str]] = [(frame.rows[0].cells[i], lang) for i, lang in enumerate(("ar", "en"))]
    else:
        targets = [(document, lang) for lang in _languages(options)]
    for container, lang in targets:
        if view.organisation is not None:
            writer.side(writer.paragraph(container, lang), view.organisation, lang, style="Briefing Label")
        if view.title != view.kind:
            writer.side(writer.paragraph(container, lang), view.kind, lang)
        writer.side(writer.paragraph(container, lang, "Title"), view.title, lang)
        for label, value in view.facts:
            p = writer.paragraph(container, lang)
            writer.side(p, label, lang, style="Briefing Label")
            writer.text(p, ": ", style="Briefing Label")
            writer.side(p, value, lang)
        if view.classification:
            p = writer.paragraph(container, lang)
            writer.text(p, f"{view.label('fields', 'classification').get(lang)}: ", style="Briefing Label")
            writer.text(p, view.classification)
    _spacer(writer)


def _contents(writer: NoteWriter, view: CollectionView) -> None:
    """The contents: a heading, then the TOC field whose cached result lists the entries."""
    lang = _languages(writer.options)[0]
    writer.side(writer.paragraph(writer.document, lang, "Heading 1"), _both(view.label("pack", "contents"), writer.options), lang)
    rows = [(_bookmark(e.number), Text(**{s: f"{e.number}. {e.title.get(s) or ''} — {e.date.get(s) or ''}" for s in ("ar", "en")}))
            for e in view.entries]
    rows.append((_bookmark(0), view.label("pack", "annexes")))
    paragraphs = []
    for name, text in rows:
        p = writer.paragraph(writer.document, lang, CONTENTS_ENTRY)
        link = ox.OxmlElement("w:hyperlink")
        link.set(ox.qn("w:anchor"), name)
        link.set(ox.qn("w:history"), "1")
        before = len(p._p)
        writer.side(p, _both(text, writer.options), lang)
        for run in list(p._p)[before:]:
            link.append(run)
        p._p.append(link)
        paragraphs.append(p)
    _wrap_field(paragraphs, TOC_FIELD)


def _both(text: Text, options: RenderOptions) -> Text:
    """Return a Text whose every side reads `first side / second side` in the pack's languages."""
    langs = _languages(options)
    joined = " / ".join(t for t in (text.get(lang) for lang in langs) if t)
    return Text(ar=joined or None, en=joined or None)


def _wrap_field(paragraphs: Sequence[Paragraph], instruction: str) -> None:
    """Make paragraphs the cached result of a complex field: begin+instruction+separate first, end last."""
    first, last = paragraphs[0]._p, paragraphs[-1]._p
    start = first.find(ox.qn("w:pPr"))
    index = 0 if start is None else list(first).index(start) + 1
    for offset, (kind, text) in enumerate((("begin", None), (None, f" {instruction} "), ("separate", None))):
        r = ox.OxmlElement("w:r")
        if kind:
            child = ox.OxmlElement("w:fldChar")
            child.set(ox.qn("w:fldCharType"), kind)
        else:
            child = ox.OxmlElement("w:instrText")
            child.text = text
            child.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        r.append(child)
        first.insert(index + offset, r)
    r = ox.OxmlElement("w:r")
    end = ox.OxmlElement("w:fldChar")
    end.set(ox.qn("w:fldCharType"), "end")
    r.append(end)
    last.append(r)


def _bookmark(number: int) -> str:
    return f"_TocPack{number:04d}" if number else "_TocPackAnnexes"


def _pack_heading(writer: NoteWriter, text: Text, name: str) -> None:
    """A heading the contents field lists, with a bookmark the contents links to."""
    lang = _languages(writer.options)[0]
    p = writer.paragraph(writer.document, lang, PACK_HEADING)
    start = ox.OxmlElement("w:bookmarkStart")
    start.set(ox.qn("w:id"), str(int(name[-4:]) if name[-4:].isdigit() else 9999))
    start.set(ox.qn("w:name"), name)
    p._p.append(start)
    writer.side(p, _both(text, writer.options), lang)
    end = ox.OxmlElement("w:bookmarkEnd")
    end.set(ox.qn("w:id"), start.get(ox.qn("w:id")))
    p._p.append(end)


def _sections(writer: NoteWriter, sections: Sequence[Section]) -> None:
    """Draw sections as a note's are; an empty one gets its heading and `None`."""
    options = writer.options
    assert writer.view is not None  # set by the caller to the pack or digest
    none = writer.view.label("digest", "none")
    if _parallel(options):
        for section in sections:
            if _is_empty(section):
                section = Section(section.key, section.heading, items=(none,))
            writer.parallel_section(section)
        return
    for number, lang in enumerate(_languages(options)):
        if number:
            _page_break(writer)
        for section in sections:
            if _is_empty(section):
                writer.side(writer.paragraph(writer.document, lang, "Heading 1"), section.heading, lang)
                writer.side(writer.paragraph(writer.document, lang), none, lang)
            else:
                writer.stacked_section(section, lang)


def _is_empty(section: Section) -> bool:
    return not (section.facts or section.table or section.items or section.groups or section.links)


def _page_break(writer: NoteWriter) -> None:
    ox.add_page_break(writer.document.add_paragraph()._p)


def _spacer(writer: NoteWriter) -> None:
    p = writer.document.add_paragraph()
    ox.set_child(p._p.get_or_add_pPr(), "w:spacing", ox.PPR_ORDER, after="0", line="120", lineRule="exact")


def _core_properties(writer: NoteWriter, view: CollectionView, options: RenderOptions) -> None:
    props = writer.document.core_properties
    lang = _languages(options)[0]
    org = view.organisation
    props.title = view.title.get(lang) or view.title.en or view.title.ar or ""
    props.language = _LANG.get(lang, lang)
    props.author = props.last_modified_by = (org.get("en") or org.get("ar") or "") if org else ""
    props.subject = view.period.get(lang) or ""
    props.comments = props.keywords = props.category = props.identifier = ""
    props.revision = 1
    props.created = props.modified = creation_time(view.date).replace(tzinfo=None)
