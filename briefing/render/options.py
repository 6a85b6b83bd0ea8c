"""How to render: layout, languages, templates, fonts and the organisation's settings."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path

from ..summary.model import Summary, Text
from .fonts import FontSet, default_fonts
from .templates import load_labels, search_path
from .view import Labels, NoteView, build_view

LAYOUTS = ("parallel", "stacked")
FORMATS = ("pdf", "docx", "html")
PDF_ENGINES = ("typst", "weasyprint")  # for packs and digests (render/formats.py); a note is always laid out by WeasyPrint


@dataclass(frozen=True)
class Typography:
    """Type choices of the notes: sizes per script, Arabic digits, date style, justification."""

    latin_size: float = 10.0  # pt
    arabic_size: float = 12.5  # pt: Naskh at the Latin size reads 20-25% smaller
    arabic_digits: str = "arabic-indic"  # or "western": one system for everything Arabic
    date_style: str = "gregorian"  # or "hijri": «… هـ الموافق … م»
    justify: bool = False  # justified Arabic (with kashida where the font has it) and English

    def size(self, lang: str) -> float:
        """Return the body size of a script in points."""
        return self.arabic_size if lang == "ar" else self.latin_size

    def half_points(self, lang: str, scale: float = 1.0) -> int:
        """Return a size in DOCX half-points."""
        return round(self.size(lang) * scale * 2)


@dataclass(frozen=True)
class RenderOptions:
    """Everything that shapes a rendered note besides the summary itself."""

    layout: str = "parallel"
    languages: tuple[str, ...] = ("ar", "en")
    template_dirs: tuple[Path, ...] = ()
    fonts: FontSet = field(default_factory=default_fonts)
    organisation: Text | None = None
    logo: Path | None = None
    classification: str | None = None
    pdf_variant: str | None = None
    pdf_engine: str = "typst"
    typography: Typography = field(default_factory=Typography)

    def template_path(self) -> list[Path]:
        """Return the ordered template search path."""
        return search_path(*self.template_dirs)


def prepare_note(summary: Summary, options: RenderOptions, labels: Labels | None = None) -> NoteView:
    """Build the view of a summary with the options' typography and the labels found on the template path."""
    labels = labels if labels is not None else load_labels(options.template_path())
    typo = options.typography
    return build_view(
        summary, labels, organisation=options.organisation, classification=options.classification,
        digits=typo.arabic_digits, date_style=typo.date_style,
    )


def creation_time(date: dt.date | None) -> dt.datetime:
    """Return the document timestamp: SOURCE_DATE_EPOCH, else the note's date, else 2000-01-01."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)
    day = date or dt.date(2000, 1, 1)
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
