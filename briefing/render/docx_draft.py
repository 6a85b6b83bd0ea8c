"""The DRAFT / مسودة mark of a DOCX: a line at the top of the page header (every page of a note, or of a pack
note's section), a tag before a line from an unreviewed summary, the mark's colour."""

from __future__ import annotations

from collections.abc import Sequence
from copy import deepcopy
from typing import TYPE_CHECKING

from docx.shared import RGBColor
from docx.text.paragraph import Paragraph

from . import _ooxml as ox

if TYPE_CHECKING:
    from docx.section import _Header

    from .docx import NoteWriter

MARK_COLOUR = RGBColor(0xB3, 0x26, 0x1E)


def add_draft_mark(writer: NoteWriter) -> None:
    """Put `DRAFT · مسودة` (the note's languages, in their order) above anything else in the header of every page."""
    _mark_header(writer, writer.document.sections[0].header)


def mark_draft_sections(writer: NoteWriter, drafts: Sequence[bool]) -> None:
    """Give every section after the first its own header: the first one's lines, under the DRAFT line when it is a draft.

    `drafts` tells, section by section, whether its pages are a draft's; the first section (a pack's cover) never is.
    """
    sections = list(writer.document.sections)
    base = sections[0].header
    lines = [] if base.is_linked_to_previous else list(base._element)
    for section, draft in zip(sections[1:], drafts[1:]):
        header = section.header
        header.is_linked_to_previous = False  # a section's own header, not the one before it
        if lines:
            for child in list(header._element):
                header._element.remove(child)
            for line in lines:
                header._element.append(deepcopy(line))
        if draft:
            _mark_header(writer, header)


def write_draft_tag(writer: NoteWriter, p: Paragraph, lang: str) -> None:
    """Write `DRAFT` (or `مسودة`) in the mark's colour before a line from an unreviewed summary."""
    assert writer.view is not None
    paint(writer, p, writer.view.label("phrases", "draft").get(lang) or "")
    writer.text(p, " ")


def paint(writer: NoteWriter, p: Paragraph, text: str) -> None:
    """Append `text` to `p` in bold, in the mark's colour."""
    before = len(p.runs)
    writer.text(p, text, style="Briefing Label")
    for run in p.runs[before:]:
        run.font.color.rgb = MARK_COLOUR


def _mark_header(writer: NoteWriter, header: _Header) -> None:
    """Put the DRAFT line (the document's languages, in their order) above anything else in `header`."""
    assert writer.view is not None
    first = header.paragraphs[0]
    p = first.insert_paragraph_before() if first.runs else first
    ox.set_paragraph_direction(p._p, writer.options.languages[:1] == ("ar",), "center")
    mark = writer.view.label("phrases", "draft")
    languages = [lang for lang in writer.options.languages if lang in ("ar", "en")] or ["ar", "en"]
    paint(writer, p, "  ·  ".join(mark.get(lang) or "" for lang in languages))
