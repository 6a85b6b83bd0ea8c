"""The DRAFT / مسودة mark of a DOCX note: a line at the top of the page header, so on every page."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.shared import RGBColor

from . import _ooxml as ox
from .view import NoteView

if TYPE_CHECKING:
    from .docx import NoteWriter

MARK_COLOUR = RGBColor(0xB3, 0x26, 0x1E)


def add_draft_mark(writer: NoteWriter, view: NoteView) -> None:
    """Put `DRAFT · مسودة` (the note's languages, in their order) above anything else in the header."""
    header = writer.document.sections[0].header
    first = header.paragraphs[0]
    p = first.insert_paragraph_before() if first.runs else first
    ox.set_paragraph_direction(p._p, writer.options.languages[:1] == ("ar",), "center")
    mark = view.label("phrases", "draft")
    languages = [lang for lang in writer.options.languages if lang in ("ar", "en")] or ["ar", "en"]
    writer.text(p, "  ·  ".join(mark.get(lang) or "" for lang in languages), style="Briefing Label")
    for run in p.runs:
        run.font.color.rgb = MARK_COLOUR
