"""Render packs and digests as DOCX, drawing their notes and sections with the note writer of `docx.py`.

A pack's contents is a table: number, the English title, the page, the Arabic title (the
pack's languages only), each title linked to a bookmark on its note's heading. The page is
a `PAGEREF` field to that bookmark, which LibreOffice computes as it lays the document out
and Word fills when it updates fields on opening (`w:updateFields`); a TOC field would
show no page numbers in LibreOffice and lose one language in Word. The participant index
refers to notes and pages the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.enum.section import WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from ..base.errors import RenderError
from ..summary.model import Text
from . import _ooxml as ox
from .collection import CollectionView
from .docx import HALF, TEXT_WIDTH, NoteWriter, add_page_furniture, append_note, document_languages, marking_line, new_document
from .docx_draft import mark_draft_sections, paint
from .docx_zip import package_document
from .options import RenderOptions, creation_time
from .view import Section, localise_number

PACK_HEADING = "Briefing Pack Heading"
CONTENTS_ENTRY = "Briefing Contents Entry"
_LANG = {"ar": "ar-SA", "en": "en-GB"}


def render_pack_docx(view: CollectionView, options: RenderOptions, *, embed_fonts: bool = True) -> bytes:
    """Render a pack: cover, contents field, the overview when asked for, one note per page run (a draft's in
    sections headed DRAFT), annexes."""
    if not view.notes:
        raise RenderError("the pack has no event")
    writer = _writer(view, options)
    document = writer.document
    _cover(writer, view)
    _page_break(writer)
    _contents(writer, view)
    if view.overview is not None:
        _page_break(writer)
        _sections(writer, (view.overview,))
    drafts = [False]  # section by section, whether its pages are a draft note's (the cover's are not)
    for entry, (_anchor, note) in zip(view.entries, view.notes):
        _new_page(writer, drafts, note.draft)
        writer.view = note
        note_label = view.label("pack", "note")  # a short heading: the note's title follows in both languages
        _pack_heading(writer, Text(ar=f"{note_label.ar} {localise_number(entry.number, 'ar')}",
                                   en=f"{(note_label.en or '').capitalize()} {entry.number}"), _bookmark(entry.number))
        append_note(writer, note)
    writer.view = view
    _new_page(writer, drafts, False)
    _pack_heading(writer, view.label("pack", "annexes"), _bookmark(0))
    _index(writer, view)
    _sections(writer, view.sections)
    ox.set_child(document.settings.element, "w:updateFields", ox.SETTINGS_ORDER, val="true")
    add_page_furniture(writer, view.classification)
    mark_draft_sections(writer, drafts)
    _core_properties(writer, view, options)
    return package_document(document, writer.usage, options.fonts, embed=embed_fonts)


def render_digest_docx(view: CollectionView, options: RenderOptions, *, embed_fonts: bool = True) -> bytes:
    """Render a digest: its heading block, then counts, events and follow-ups (or that the week had no event)."""
    writer = _writer(view, options)
    _cover(writer, view)
    if view.message is not None:
        for lang in document_languages(options):
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


def _parallel(options: RenderOptions) -> bool:
    return options.layout == "parallel" and len(document_languages(options)) == 2


def _cover(writer: NoteWriter, view: CollectionView) -> None:
    """The marking in both languages, then organisation, kind, title and facts, side by side or one language after the other."""
    document, options = writer.document, writer.options
    marked = marking_line(writer, view.classification)
    if marked is not None:  # one line above both languages, as on the PDF's cover
        p = document.add_paragraph()
        ox.set_paragraph_direction(p._p, "ar" in document_languages(options), "center")
        writer.text(p, marked, style="Briefing Label")
    if _parallel(options):
        frame = writer.table(document, 1, (HALF, TEXT_WIDTH - HALF), style="Briefing Columns", rtl=True, header=False)
        targets: list[tuple[Any, str]] = [(frame.rows[0].cells[i], lang) for i, lang in enumerate(("ar", "en"))]
    else:
        targets = [(document, lang) for lang in document_languages(options)]
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
        if view.drafts is not None:
            paint(writer, writer.paragraph(container, lang), view.drafts.get(lang) or "")
    _spacer(writer)


def _contents(writer: NoteWriter, view: CollectionView) -> None:
    """The contents: a heading, then one table row per note (and the annexes) with its page as a PAGEREF field."""
    langs = document_languages(writer.options)
    writer.side(writer.paragraph(writer.document, langs[0], "Heading 1"), _both(view.label("pack", "contents"), writer.options), langs[0])
    columns = ["en", "ar"] if len(langs) == 2 else list(langs)
    rows: list[tuple[str, str, Text, Text | None]] = [(str(e.number), _bookmark(e.number), e.title, e.date) for e in view.entries]
    rows.append(("", _bookmark(0), view.label("pack", "annexes"), None))
    number, page = 600, 800
    title = (TEXT_WIDTH - number - page) // len(columns)
    widths = [number, title, page] + ([TEXT_WIDTH - number - page - title] if len(columns) == 2 else [])
    table = writer.table(writer.document, len(rows), widths, style="Briefing Table", rtl=False, header=False)
    for row, (n, name, text, date) in zip(table.rows, rows):
        cells = row.cells
        writer.text(_first_paragraph(writer, cells[0], "en"), n)
        for cell, lang in zip((cells[1], *cells[3:]), columns):
            p = _first_paragraph(writer, cell, lang)
            _linked(writer, p, text, lang, name)
            if date is not None:
                writer.side(writer.paragraph(cell, lang), date, lang, style="Briefing Label")
        _pageref(writer, _first_paragraph(writer, cells[2], "en"), name)


def _index(writer: NoteWriter, view: CollectionView) -> None:
    """Annex A: one row per person, name and country in each language, and the notes with their pages."""
    langs = document_languages(writer.options)
    writer.side(writer.paragraph(writer.document, langs[0], "Heading 1"), _both(view.label("pack", "index"), writer.options), langs[0])
    columns = ["en", "ar"] if len(langs) == 2 else list(langs)
    refs = 2200
    name = (TEXT_WIDTH - refs) // len(columns)
    widths = [name, refs] + ([TEXT_WIDTH - refs - name] if len(columns) == 2 else [])
    table = writer.table(writer.document, len(view.index) + 1, widths, style="Briefing Table", rtl=False, header=True)
    head = table.rows[0].cells
    for cell, lang in zip((head[0], *head[2:]), columns):
        writer.side(_first_paragraph(writer, cell, lang), view.label("fields", "name"), lang)
    writer.side(_first_paragraph(writer, head[1], langs[0]), _both(view.label("pack", "index_pages"), writer.options), langs[0])
    for row, line in zip(table.rows[1:], view.index):
        cells = row.cells
        for cell, lang in zip((cells[0], *cells[2:]), columns):
            p = _first_paragraph(writer, cell, lang)
            writer.side(p, line.name, lang)
            if line.country is not None:
                writer.text(p, " ")
                writer.side(p, line.country, lang, style="Briefing Label")
        p = _first_paragraph(writer, cells[1], "en")
        for k, (number, _anchor) in enumerate(line.notes):
            writer.text(p, f"{', ' if k else ''}{number} (")
            _pageref(writer, p, _bookmark(number))
            writer.text(p, ")")


def _first_paragraph(writer: NoteWriter, cell, lang: str) -> Paragraph:  # noqa: ANN001 - a docx table cell
    """Return a cell's first paragraph, set out in `lang`'s direction."""
    p = cell.paragraphs[0]
    ox.set_paragraph_direction(p._p, lang == "ar", "right" if lang == "ar" else "left")
    return p


def _linked(writer: NoteWriter, p: Paragraph, text: Text, lang: str, name: str) -> None:
    """Write a side of `text` as an internal link to bookmark `name`."""
    link = ox.OxmlElement("w:hyperlink")
    link.set(ox.qn("w:anchor"), name)
    link.set(ox.qn("w:history"), "1")
    before = len(p._p)
    writer.side(p, text, lang)
    for run in list(p._p)[before:]:
        link.append(run)
    p._p.append(link)


def _pageref(writer: NoteWriter, p: Paragraph, name: str) -> None:
    """Append the page of bookmark `name` as a PAGEREF field (computed by LibreOffice, updated by Word on opening)."""
    rpr = ox.OxmlElement("w:rPr")
    ox.set_script(rpr, False)
    ox.add_field(p._p, f"PAGEREF {name} \\h", "", rpr)
    writer.usage.add("0123456789", False, False)


def _both(text: Text, options: RenderOptions) -> Text:
    """Return a Text whose every side reads `first side / second side` in the pack's languages."""
    langs = document_languages(options)
    joined = " / ".join(t for t in (text.get(lang) for lang in langs) if t)
    return Text(ar=joined or None, en=joined or None)


def _bookmark(number: int) -> str:
    return f"_TocPack{number:04d}" if number else "_TocPackAnnexes"


def _pack_heading(writer: NoteWriter, text: Text, name: str) -> None:
    """A heading the contents field lists, with a bookmark the contents links to."""
    lang = document_languages(writer.options)[0]
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
    for number, lang in enumerate(document_languages(options)):
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


def _new_page(writer: NoteWriter, drafts: list[bool], draft: bool) -> None:
    """Start a new page; a new section (a header of its own) where drafts and reviewed notes meet."""
    if draft == drafts[-1]:
        _page_break(writer)
        return
    writer.document.add_section(WD_SECTION.NEW_PAGE)
    drafts.append(draft)


def _page_break(writer: NoteWriter) -> None:
    ox.add_page_break(writer.document.add_paragraph()._p)


def _spacer(writer: NoteWriter) -> None:
    p = writer.document.add_paragraph()
    ox.set_child(p._p.get_or_add_pPr(), "w:spacing", ox.PPR_ORDER, after="0", line="120", lineRule="exact")


def _core_properties(writer: NoteWriter, view: CollectionView, options: RenderOptions) -> None:
    props = writer.document.core_properties
    lang = document_languages(options)[0]
    org = view.organisation
    props.title = view.title.get(lang) or view.title.en or view.title.ar or ""
    props.language = _LANG.get(lang, lang)
    props.author = props.last_modified_by = (org.get("en") or org.get("ar") or "") if org else ""
    props.subject = view.period.get(lang) or ""
    props.comments = props.keywords = props.category = props.identifier = ""
    props.revision = 1
    props.created = props.modified = creation_time(view.date).replace(tzinfo=None)
