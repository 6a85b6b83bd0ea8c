"""Render notes as DOCX with python-docx: Word styles, right-to-left Arabic, embedded subset fonts.

Parallel layout: every section is a table whose first logical cell is Arabic and, with
`w:bidiVisual`, appears on the right; English is the second cell, on the left. Data tables
(participants, follow-ups, facts) hold both languages in one row, so a row reads across.
Arabic paragraphs carry `w:bidi` and no `w:jc`: their natural (start) side is the right edge,
in Word as in LibreOffice. Runs are split by direction; Arabic runs are `w:rtl`.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from docx.document import Document as DocumentObject
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.shared import Cm, Twips
from docx.table import Table as DocxTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from ..assemble.collection import most_restrictive
from ..base.errors import RenderError
from ..summary.model import Text
from . import _ooxml as ox
from .docx_draft import add_draft_mark, write_draft_tag
from .docx_fonts import Usage
from .docx_zip import package_document
from .fonts import cmap
from .logo import rasterise_svg
from .options import RenderOptions, creation_time
from .view import Group, NoteView, Section, classification_marking, localise_number

TEXT_WIDTH = 9638  # twips: A4 with 2 cm margins
HALF = TEXT_WIDTH // 2
FOOTER_MIDDLE = 3638  # twips: the footer's middle cell, the marking («سري للغاية / TOP SECRET» on one line)
BOLD_STYLES = {"Title", "Heading1", "Heading2"}  # style ids
_SHARES = {"participants": (27, 33, 24, 16), "follow_ups": (33, 21, 22, 24)}
_LANG = {"ar": "ar-SA", "en": "en-GB"}
# Isolates (LRI, RLI, FSI … PDI) become marks (LRM, RLM) in DOCX: Word and LibreOffice both resolve a
# code after LRM left to right ("7-04-08-2015.txt"), and runs already carry the direction.
_LRM, _RLM = "\u200e", "\u200f"
Container = DocumentObject | _Cell


def isolates_as_marks(text: str) -> str:
    """Replace Unicode isolates by directional marks: LRI…PDI -> LRM…LRM (FSI by its first strong letter)."""
    out, stack = [], []
    for index, char in enumerate(text):
        if char in "\u2066\u2067\u2068":
            if char == "\u2068":
                inner = text[index + 1 :].split("\u2069", 1)[0]
                strong = next((k for k in map(unicodedata.bidirectional, inner) if k in ("L", "R", "AL")), "L")
                mark = _LRM if strong == "L" else _RLM
            else:
                mark = _LRM if char == "\u2066" else _RLM
            stack.append(mark)
            out.append(mark)
        elif char == "\u2069":
            out.append(stack.pop() if stack else "")
        else:
            out.append(char)
    return "".join(out)


_RTL_KINDS = frozenset({"R", "AL", "AN"})
_LTR_KINDS = frozenset({"L"})


def segment_directions(text: str, rtl: bool) -> list[tuple[str, bool]]:
    """Split text into right-to-left and left-to-right runs; neutrals between two alike take their side."""
    strong = {unicodedata.bidirectional(char) for char in set(text)}
    if not (strong & (_LTR_KINDS if rtl else _RTL_KINDS)):  # nothing runs against the paragraph: one run
        return [(text, rtl)] if text else []
    kinds: list[bool | None] = []
    last = rtl  # the last strong direction so far (the paragraph's before the first)
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in _RTL_KINDS:
            kinds.append(True)
        elif kind == "L":
            kinds.append(False)
        elif kind == "NSM" and kinds:
            kinds.append(kinds[-1])
        elif kind == "EN" and last is False:
            kinds.append(False)  # digits after a Latin word read with it (rule W7): CASA-1000
        else:
            kinds.append(None)
        if kinds[-1] is not None:
            last = kinds[-1]
    following: list[bool] = []  # the next strong direction after each character (the paragraph's at the end)
    after = rtl
    for known in reversed(kinds):
        following.append(after)
        if known is not None:
            after = known
    following.reverse()
    resolved: list[bool] = []
    before = rtl
    for side, after in zip(kinds, following):
        if side is None:
            side = before if before == after else rtl
        else:
            before = side
        resolved.append(side)
    segments: list[tuple[str, bool]] = []
    for char, is_rtl in zip(text, resolved):
        if segments and segments[-1][1] == is_rtl:
            segments[-1] = (segments[-1][0] + char, is_rtl)
        else:
            segments.append((char, is_rtl))
    return segments


def _split_missing(text: str, font: frozenset[int]) -> list[tuple[str, bool]]:
    """Split text into pieces the font draws (False) and neutral pieces it lacks (True)."""
    if all(ord(char) in font or char.isspace() or unicodedata.bidirectional(char) == "L" for char in set(text)):
        return [(text, False)] if text else []
    pieces: list[tuple[str, bool]] = []
    for char in text:
        missing = ord(char) not in font and not char.isspace() and unicodedata.bidirectional(char) != "L"
        if pieces and pieces[-1][1] == missing:
            pieces[-1] = (pieces[-1][0] + char, missing)
        else:
            pieces.append((char, missing))
    return pieces


def _widths(total: int, shares: Sequence[int]) -> list[int]:
    whole = sum(shares)
    widths = [total * s // whole for s in shares]
    widths[-1] += total - sum(widths)
    return widths


class Labelled(Protocol):
    """What the writer asks of the view it draws: a note's, a pack's or a digest's labels."""

    def label(self, group: str, key: str) -> Text: ...


class NoteWriter:
    """Draws notes into a python-docx Document, recording the characters each face needs."""

    def __init__(self, document: DocumentObject, options: RenderOptions, usage: Usage | None = None) -> None:
        self.document = document
        self.options = options
        self.usage = usage or Usage()
        self._numbering = document.part.numbering_part.element
        self.view: Labelled | None = None  # the note being drawn, or a pack or digest (for its labels)

    # -- runs and paragraphs -------------------------------------------------
    def text(self, p: Paragraph, text: str, *, style: str | None = None, bold: bool = False) -> None:
        """Append text to a paragraph, one run per direction, complex-script runs marked `w:rtl`."""
        rtl_paragraph = p._p.pPr is not None and p._p.pPr.find(ox.qn("w:bidi")) is not None
        bold = bold or style == "Briefing Label" or p._p.style in BOLD_STYLES
        arabic = cmap(self.options.fonts.arabic.regular)
        for chunk, rtl in segment_directions(isolates_as_marks(text), rtl_paragraph):
            for piece, borrowed in _split_missing(chunk, arabic):
                run = _add_run(p, piece, style)
                ox.set_run_script(run._r, rtl)
                if borrowed:  # e.g. brackets or quotes next to Arabic: the Latin companion draws them
                    ox.set_cs_font(run._r.get_or_add_rPr(), self.options.fonts.latin.family)
                self.usage.add(piece, rtl and not borrowed, bold)

    def side(self, p: Paragraph, value: Text | None, lang: str, *, style: str | None = None) -> None:
        """Write one language side of a value; a missing side shows the pending mark and the other side."""
        if value is None or value.is_empty():
            self.text(p, "—", style=style)
            return
        if getattr(value, "draft", False):  # a line of a pack's contents or a digest from an unreviewed summary
            write_draft_tag(self, p, lang)
        own = value.get(lang)
        if own is not None:
            self.text(p, own, style=style)
            if lang in getattr(value, "suggested", ()):  # a formula's or the TM's text, not yet checked
                self.text(p, "*", style="Briefing Pending")
            return
        pending = self.view.label("phrases", "pending").get(lang) if self.view else "pending"
        self.text(p, f"[{pending}]", style="Briefing Pending")
        other = "en" if lang == "ar" else "ar"
        self.text(self.paragraph_after(p, other), value.get(other) or "", style=style)

    def paragraph_after(self, p: Paragraph, lang: str) -> Paragraph:
        """Add a paragraph in `lang` after `p`, in its style: untranslated text is set in its own direction."""
        new = ox.OxmlElement("w:p")
        p._p.addnext(new)
        para = Paragraph(new, p._parent)
        style = p._p.style
        if style and not style.startswith("List"):
            para._p.style = style
        ox.set_paragraph_direction(para._p, lang == "ar", "right" if lang == "ar" else "left")
        return para

    def paragraph(self, container: Container, lang: str, style: str | None = None) -> Paragraph:
        """Add a paragraph in `lang` (Arabic: `w:bidi`, natural right alignment); reuse a cell's first empty one."""
        p = _fresh_paragraph(container)
        if p is None:
            p = container.add_paragraph()
        if style:
            p._p.style = _style_id(style)  # by id: python-docx looks names up slowly
        justify = self.options.typography.justify and (style is None or style.startswith("List"))
        ox.set_paragraph_direction(p._p, lang == "ar", "both" if justify else None)  # Word and LibreOffice stretch Arabic with kashidas
        return p

    # -- tables --------------------------------------------------------------
    def table(self, container: Container, rows: int, widths: Sequence[int], *, style: str, rtl: bool, header: bool) -> DocxTable:
        """Add a fixed-width table in a table style; `rtl` lays it out right to left (`w:bidiVisual`)."""
        table = container.add_table(rows, len(widths))
        table._tbl.tblPr.style = _style_id(style)
        ox.set_table_direction(table._tbl, rtl)
        ox.set_table_look(table._tbl, header)
        ox.set_table_width(table._tbl, sum(widths))
        for column, width in zip(table.columns, widths):
            column.width = Twips(width)
        for number, row in enumerate(table.rows):
            for cell, width in zip(row.cells, widths):
                cell.width = Twips(width)
            if style == "Briefing Table":
                ox.mark_row(row._tr, header=header and number == 0)
        return table

    def new_list(self, lang: str, numbered: bool) -> int:
        """Start a list that counts from 1 again (Arabic lists are numbered in their text, see `item`)."""
        abstract = (50 if lang == "ar" else 51) if numbered else 52
        return ox.add_num(self._numbering, abstract)

    def item(self, container: Container, lang: str, value: Text, num_id: int, numbered: bool, number: int = 1) -> Paragraph:
        """Add one list item; an Arabic number is written as text in the chosen digits.

        LibreOffice draws automatic list numbers in its own numerals setting (Western by
        default), whatever `w:numFmt` says; text is drawn as written, in Word as in LibreOffice.
        """
        p = self.paragraph(container, lang, "List Number" if numbered else "List Bullet")
        if numbered and lang == "ar":
            ox.set_numbering(p._p, 0)  # numId 0: none of the List Number style's own numbering
            ox.set_child(p._p.get_or_add_pPr(), "w:ind", ox.PPR_ORDER, left="397", right="397", hanging="397")
            self.text(p, localise_number(number, lang, self.options.typography.arabic_digits) + ".\t")
        else:
            ox.set_numbering(p._p, num_id)
        self.side(p, value, lang)
        return p

    def link(self, p: Paragraph, url: str, lang: str) -> None:
        """Append a hyperlink run (kept left to right inside Arabic text)."""
        r_id = p.part.relate_to(url, RT.HYPERLINK, is_external=True)
        hyperlink = ox.add_hyperlink(p._p, r_id)
        run = _add_run(p, url + ("\u200e" if lang == "ar" else ""), "Hyperlink")
        ox.set_run_script(run._r, False)
        hyperlink.append(run._r)
        self.usage.add(url, False, False)

    # -- the note ------------------------------------------------------------
    def head(self, container: Container, view: NoteView, lang: str) -> None:
        """Write the note's heading block: organisation, kind, reference, date, title (the marking is in the header and footer)."""
        if view.organisation is not None:
            self.side(self.paragraph(container, lang), view.organisation, lang, style="Briefing Label")
        self.side(self.paragraph(container, lang), view.kind, lang)
        if view.reference:
            p = self.paragraph(container, lang)
            self.text(p, f"{view.label('fields', 'reference').get(lang)}: ", style="Briefing Label")
            self.text(p, view.reference)
        self.side(self.paragraph(container, lang), view.date_line, lang)
        self.side(self.paragraph(container, lang, "Title"), view.title, lang)

    def stacked_section(self, section: Section, lang: str) -> None:
        """Write one section in one language, in the flow of the document."""
        body = self.document
        self.side(self.paragraph(body, lang, "Heading 1"), section.heading, lang)
        rtl = lang == "ar"
        if section.facts or section.links:
            rows = len(section.facts) + len(section.links)
            table = self.table(body, rows, _widths(TEXT_WIDTH, (28, 72)), style="Briefing Table", rtl=rtl, header=False)
            for row, (label, value) in zip(table.rows, section.facts):
                self.fact(row.cells[0], row.cells[1], label, value, lang)
            for row, url in zip(table.rows[len(section.facts) :], section.links):
                self.url_fact(row.cells[0], row.cells[1], url, lang)
        if section.table is not None:
            columns = section.table.columns
            shares = _SHARES.get(section.key, (1,) * len(columns))
            table = self.table(body, len(section.table.rows) + 1, _widths(TEXT_WIDTH, shares), style="Briefing Table", rtl=rtl, header=True)
            self.fill_rows(table, section, lang, 0, reverse=False)
        if section.items:
            num = self.new_list(lang, section.key == "agenda")
            for number, value in enumerate(section.items, 1):
                self.item(body, lang, value, num, section.key == "agenda", number)
        for group in section.groups:
            self.group(body, group, lang)

    def fill_rows(self, table: DocxTable, section: Section, lang: str, offset: int, *, reverse: bool) -> None:
        """Fill a data table's header row and rows for one language, from cell `offset` (reversed: mirrored)."""
        assert section.table is not None
        count = len(section.table.columns)
        order = list(reversed(range(count))) if reverse else list(range(count))
        for position, column in enumerate(order):
            cell = table.rows[0].cells[offset + position]
            self.side(self.paragraph(cell, lang), section.table.columns[column], lang, style="Briefing Label")
        for row, cells in zip(table.rows[1:], section.table.rows):
            for position, column in enumerate(order):
                self.side(self.paragraph(row.cells[offset + position], lang), cells[column], lang)

    def fact(self, label_cell: _Cell, value_cell: _Cell, label: Text | None, value: Text | None, lang: str) -> None:
        """Write a label and its value into two cells."""
        self.side(self.paragraph(label_cell, lang), label, lang, style="Briefing Label")
        self.side(self.paragraph(value_cell, lang), value, lang)

    def url_fact(self, label_cell: _Cell, value_cell: _Cell, url: str, lang: str) -> None:
        """Write the link label and the hyperlink into two cells."""
        assert self.view is not None
        self.side(self.paragraph(label_cell, lang), self.view.label("fields", "link"), lang, style="Briefing Label")
        self.link(self.paragraph(value_cell, lang), url, lang)

    def group(self, container: Container, group: Group, lang: str) -> None:
        """Write a speaker heading (Heading 2) and the speaker's positions as bullets."""
        self.side(self.paragraph(container, lang, "Heading 2"), group.heading, lang)
        num = self.new_list(lang, False)
        for stance, statement in group.items:
            self.position(container, lang, stance, statement, num)

    def position(self, container: Container, lang: str, stance: Text, statement: Text, num_id: int) -> None:
        """Write one stated position as a bullet: bold stance label, then the statement."""
        p = self.paragraph(container, lang, "List Bullet")
        ox.set_numbering(p._p, num_id)
        self.side(p, stance, lang, style="Briefing Label")
        self.text(p, ": ", style="Briefing Label")
        self.side(p, statement, lang)

    def row_block(self, cell: _Cell, section: Section, row: tuple[Text | None, ...], lang: str) -> None:
        """Write one data row in one language as the PDF does: the first cell in bold, then `label: value · …`."""
        assert section.table is not None
        self.side(self.paragraph(cell, lang), row[0], lang, style="Briefing Label")
        p = self.paragraph(cell, lang)
        for number, (column, value) in enumerate(zip(section.table.columns[1:], row[1:])):
            if number:
                self.text(p, " · ")
            self.side(p, column, lang, style="Briefing Field")
            self.text(p, ":\u00a0", style="Briefing Field")  # a label never ends a line
            self.side(p, value, lang)

    def parallel_section(self, section: Section) -> None:
        """Write one section side by side: Arabic on the right, English on the left.

        Data tables (participants, follow-ups) go row by row into the two columns, each row a
        bold first cell and a line of the others: eight narrow columns broke names mid-word.
        """
        body = self.document
        # A two-column table (a label and a count) stays a table, read across: label, value, value, label.
        compact = section.table is not None and len(section.table.columns) <= 2
        table_rows = section.table.rows if section.table is not None and not compact else ()
        rows = 1 + len(section.items) + sum(1 + len(g.items) for g in section.groups) + len(table_rows)
        frame = self.table(body, rows, (HALF, TEXT_WIDTH - HALF), style="Briefing Columns", rtl=True, header=False)
        nums = {lang: self.new_list(lang, section.key == "agenda") for lang in ("ar", "en")} if section.items else {}
        for index, lang in enumerate(("ar", "en")):
            heading = self.paragraph(frame.rows[0].cells[index], lang, "Heading 1")
            self.side(heading, section.heading, lang)
            for number, (row, value) in enumerate(zip(frame.rows[1:], section.items), 1):
                self.item(row.cells[index], lang, value, nums[lang], section.key == "agenda", number)
            position = 1
            for group in section.groups:
                cell = frame.rows[position].cells[index]
                self.side(self.paragraph(cell, lang, "Heading 2"), group.heading, lang)
                num = self.new_list(lang, False)
                for offset, (stance, statement) in enumerate(group.items, start=1):
                    self.position(frame.rows[position + offset].cells[index], lang, stance, statement, num)
                position += 1 + len(group.items)
            for row, cells in zip(frame.rows[1:], table_rows):
                self.row_block(row.cells[index], section, cells, lang)
        ox.keep_row_with_next(frame.rows[0]._tr)
        if section.table is not None:
            ox.mark_row(frame.rows[0]._tr, header=True)  # the heading repeats over the page, as in the PDF
        if compact and section.table is not None:
            _spacer(self.document, keep_next=True)  # two tables in a row would merge into one
            widths = _widths(TEXT_WIDTH, (36, 14, 14, 36))
            counts = self.table(body, len(section.table.rows), widths, style="Briefing Table", rtl=True, header=False)
            for row, (count_label, count) in zip(counts.rows, section.table.rows):
                self.fact(row.cells[0], row.cells[1], count_label, count, "ar")
                self.fact(row.cells[3], row.cells[2], count_label, count, "en")
        if section.facts or section.links:
            _spacer(self.document, keep_next=True)  # two tables in a row would merge into one
            widths = _widths(TEXT_WIDTH, (14, 36, 36, 14))
            table = self.table(body, len(section.facts) + len(section.links), widths, style="Briefing Table", rtl=True, header=False)
            for row, (label, value) in zip(table.rows, section.facts):
                self.fact(row.cells[0], row.cells[1], label, value, "ar")
                self.fact(row.cells[3], row.cells[2], label, value, "en")
            for row, url in zip(table.rows[len(section.facts) :], section.links):
                self.url_fact(row.cells[0], row.cells[1], url, "ar")
                self.url_fact(row.cells[3], row.cells[2], url, "en")
        _spacer(self.document)


def _style_id(name: str) -> str:
    """Return the id of one of our styles from its name: "Heading 1" -> "Heading1"."""
    return name.replace(" ", "")


def _add_run(p: Paragraph, text: str, style: str | None) -> Run:
    """Append a run with an optional character style (set by id)."""
    run = Run(ox.append_text_run(p._p, text), p)
    if style:
        ox.set_child(run._r.get_or_add_rPr(), "w:rStyle", ox.RPR_ORDER, val=_style_id(style))
    return run


def _fresh_paragraph(container: Container) -> Paragraph | None:
    """Return a cell's untouched first paragraph (python-docx adds one to every cell)."""
    if not isinstance(container, _Cell):
        return None
    blocks = container._tc.xpath("./w:p | ./w:tbl")
    if len(blocks) == 1 and blocks[0].tag == ox.qn("w:p") and len(blocks[0]) == 0:
        return Paragraph(blocks[0], container)
    return None


def _spacer(document: DocumentObject, keep_next: bool = False) -> None:
    """Add a thin empty paragraph so that consecutive tables stay apart."""
    ppr = document.add_paragraph()._p.get_or_add_pPr()
    if keep_next:
        ox.set_child(ppr, "w:keepNext", ox.PPR_ORDER)
    ox.set_child(ppr, "w:spacing", ox.PPR_ORDER, after="0", line="40" if keep_next else "120", lineRule="exact")


def add_logo(document: DocumentObject, path: Path) -> None:
    """Add the organisation's logo, centred, 1.6 cm high; an SVG goes in as Word 2016 does (`asvg:svgBlip`)."""
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    p = document.add_paragraph()
    ox.set_paragraph_direction(p._p, False, "center")
    try:
        data = path.read_bytes()
        if path.suffix.lower() != ".svg":
            p.add_run().add_picture(io.BytesIO(data), height=Cm(1.6))
            return
        width, height = ox.svg_size(data)
        points = 1.6 / 2.54 * 72  # the logo's height
        fallback = rasterise_svg(data, points * width / height, points)  # what LibreOffice and older Word show
        shape = p.add_run().add_picture(io.BytesIO(fallback), height=Cm(1.6), width=Cm(1.6 * width / height))
    except RenderError:
        raise
    except Exception as exc:  # missing file, unknown image type, SVG without a size
        raise RenderError(f"logo cannot be used: {exc}", file=path) from None
    package = document.part.package
    svg = Part(PackURI(package.next_partname("/word/media/logo%d.svg")), "image/svg+xml", data, package)
    ox.add_svg_blip(shape._inline, document.part.relate_to(svg, RT.IMAGE))


def append_note(writer: NoteWriter, view: NoteView) -> None:
    """Append one note to the writer's document, in the layout and languages of its options."""
    writer.view = view
    options, document = writer.options, writer.document
    languages = tuple(lang for lang in options.languages if lang in ("ar", "en")) or ("ar", "en")
    if options.logo is not None:
        add_logo(document, options.logo)
    if options.layout == "parallel" and len(set(languages)) == 2:
        frame = writer.table(document, 1, (HALF, TEXT_WIDTH - HALF), style="Briefing Columns", rtl=True, header=False)
        for index, lang in enumerate(("ar", "en")):
            writer.head(frame.rows[0].cells[index], view, lang)
        _spacer(document)
        for section in view.sections:
            writer.parallel_section(section)
        return
    for number, lang in enumerate(languages):
        if number:
            ox.add_page_break(document.add_paragraph()._p)
        writer.head(document, view, lang)
        for section in view.sections:
            writer.stacked_section(section, lang)


def _page_number(writer: NoteWriter, p: Paragraph, lang: str) -> None:
    """Write `صفحة X من Y` or `Page X of Y` with PAGE and NUMPAGES fields.

    Arabic-Indic page numbers take the `\\* HINDIARABIC` switch (ECMA-376 Part 1, 17.16.4.3), for Word.
    LibreOffice 7.4 cannot be told from the document: it ignores that switch and
    `w:pgNumType w:fmt="hindiNumbers"` (Western digits), reads `\\* ArabicAbjad` as full-width
    digits («２», which the fonts lack: a blank) and `arabicAbjad`/`arabicAlpha` as letters
    (ب، ت); it draws the digits of fields in its own CTL numerals setting, a profile option
    («Context» gives ٢ in Arabic runs and 2 in English ones). Written numbers (list numbers,
    dates) are text and show as written.
    """
    assert writer.view is not None
    rtl = lang == "ar"
    page, of = writer.view.label("phrases", "page").get(lang), writer.view.label("phrases", "of").get(lang)
    rpr = ox.OxmlElement("w:rPr")
    ox.set_script(rpr, rtl)
    digits = writer.options.typography.arabic_digits
    switch = " \\* HINDIARABIC" if rtl and digits == "arabic-indic" else ""
    one = localise_number(1, lang, digits)
    writer.text(p, f"{page} ")
    ox.add_field(p._p, f"PAGE{switch}", one, rpr)
    writer.text(p, f" {of} ")
    ox.add_field(p._p, f"NUMPAGES{switch}", one, rpr)
    writer.usage.add("0123456789٠١٢٣٤٥٦٧٨٩", rtl, False)


def marking_line(writer: NoteWriter, classification: str | None) -> str | None:
    """Return the classification as its bilingual marking in the document's languages («مقيد / RESTRICTED»), or None."""
    marking = classification_marking(classification, getattr(writer.view, "labels", None) or {})
    if marking is None:
        return None
    return " / ".join(marking.get(lang) or "" for lang in ("ar", "en") if lang in document_languages(writer.options))


def document_languages(options: RenderOptions) -> tuple[str, ...]:
    """Return the document's languages that the DOCX writes (Arabic and English, in the options' order)."""
    return tuple(dict.fromkeys(lang for lang in options.languages if lang in ("ar", "en"))) or ("ar", "en")


def add_page_furniture(writer: NoteWriter, classification: str | None) -> None:
    """Header: the marking; footer: page X of Y on each language's side and the marking between them, as in the PDF.

    With both languages the footer is one row of three cells (Arabic page, marking, English
    page): LibreOffice drops the last paragraph of a footer when a table comes before it (it
    takes it for the paragraph Word needs after a table), so a marking line below the page
    numbers showed in Word only.
    """
    section = writer.document.sections[0]
    languages = document_languages(writer.options)
    marked = marking_line(writer, classification)
    if marked is not None:
        p = section.header.paragraphs[0]
        ox.set_paragraph_direction(p._p, "ar" in languages, "center")
        writer.text(p, marked, style="Briefing Label")
    footer = section.footer
    if len(languages) == 2:
        side = (TEXT_WIDTH - FOOTER_MIDDLE) // 2
        table = footer.add_table(1, 3, Twips(TEXT_WIDTH))
        table._tbl.tblPr.style = _style_id("Briefing Columns")
        ox.set_table_direction(table._tbl, True)
        for column, cell, width in zip(table.columns, table.rows[0].cells, (side, TEXT_WIDTH - 2 * side, side)):
            column.width = cell.width = Twips(width)
        ar, middle, en = table.rows[0].cells
        for cell, lang in ((ar, "ar"), (en, "en")):
            p = cell.paragraphs[0]
            ox.set_paragraph_direction(p._p, lang == "ar")
            _page_number(writer, p, lang)
        if marked is not None:
            p = middle.paragraphs[0]
            ox.set_paragraph_direction(p._p, True, "center")
            writer.text(p, marked, style="Briefing Label")
        footer._element.remove(footer._element.xpath("./w:p")[0])
        footer.add_paragraph()  # Word's paragraph after a table
        return
    p = footer.paragraphs[0]
    ox.set_paragraph_direction(p._p, languages[0] == "ar", "center")
    _page_number(writer, p, languages[0])
    if marked is not None:
        last = footer.add_paragraph()
        ox.set_paragraph_direction(last._p, "ar" in languages, "center")
        writer.text(last, marked, style="Briefing Label")


def new_document(options: RenderOptions) -> DocumentObject:
    """Return an empty A4 document with the briefing styles, lists and settings, and no template leftovers."""
    import docx

    document = docx.Document()
    package = document.part.package
    for rels, kinds in ((package.rels, ("thumbnail",)), (document.part.rels, ("stylesWithEffects", "customXml"))):
        for r_id, rel in list(rels.items()):
            if rel.reltype.rsplit("/", 1)[-1] in kinds:
                del rels[r_id]
    fonts = options.fonts
    typo = options.typography
    ox.prepare_styles(document.styles.element, fonts.latin.family, fonts.arabic.family, (typo.latin_size, typo.arabic_size))
    numbering = document.part.numbering_part.element
    ox.add_abstract_num(numbering, 50, "hindiNumbers", "%1.", fonts.arabic.family)
    ox.add_abstract_num(numbering, 51, "decimal", "%1.", fonts.latin.family)
    ox.add_abstract_num(numbering, 52, "bullet", "•", fonts.latin.family)
    ox.clean_settings(document.settings.element)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    section.header_distance = section.footer_distance = Cm(1)
    return document


def _core_properties(document: DocumentObject, view: NoteView, options: RenderOptions) -> None:
    props = document.core_properties
    lang = options.languages[0] if options.languages else "ar"
    organisation = view.organisation.get("en") or view.organisation.get("ar") if view.organisation else None
    props.title = (view.title.get(lang) or view.title.get("en") or view.title.get("ar") or "")[:255]  # OOXML limit
    props.language = _LANG.get(lang, lang)
    props.author = props.last_modified_by = organisation or ""
    props.subject = view.kind.get(lang) or ""
    props.identifier = view.id[:255]
    props.comments = props.keywords = props.category = ""
    props.revision = 1
    props.created = props.modified = creation_time(view.date).replace(tzinfo=None)


def render_docx_document(views: Sequence[NoteView], options: RenderOptions, *, embed_fonts: bool = True) -> bytes:
    """Render several notes into one DOCX, each starting on a new page."""
    if not views:
        raise RenderError("nothing to render")
    document = new_document(options)
    writer = NoteWriter(document, options)
    for number, view in enumerate(views):
        if number:
            ox.add_page_break(document.add_paragraph()._p)
        append_note(writer, view)
    writer.view = views[0]
    add_page_furniture(writer, most_restrictive(v.classification for v in views))  # one header for all: the highest
    if any(v.draft for v in views):
        add_draft_mark(writer)
    _core_properties(document, views[0], options)
    return package_document(document, writer.usage, options.fonts, embed=embed_fonts)


def render_docx(view: NoteView, options: RenderOptions, *, embed_fonts: bool = True) -> bytes:
    """Render one note as DOCX bytes (same input, same bytes)."""
    return render_docx_document([view], options, embed_fonts=embed_fonts)
