"""What a reader may ask of a preview page: layout, language order, download format."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlencode

from ..render.options import LAYOUTS

LANGUAGE_ORDERS = {"ar,en": ("ar", "en"), "en,ar": ("en", "ar"), "ar": ("ar",), "en": ("en",)}
LANGUAGE_LABELS = {"ar,en": "Arabic, English", "en,ar": "English, Arabic", "ar": "Arabic only", "en": "English only"}
DOWNLOADS = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


class QueryError(ValueError):
    """A query parameter is unknown, repeated or has a value we do not offer."""


@dataclass(frozen=True)
class Choice:
    """How one note is shown: its layout and its languages in order."""

    layout: str
    languages: tuple[str, ...]

    @property
    def lang(self) -> str:
        """Return the languages as the query writes them (`ar,en`)."""
        return ",".join(self.languages)

    def query(self, **extra: str) -> str:
        """Return `?layout=...&lang=...` (plus `extra`) for a link to this choice."""
        return "?" + urlencode({"layout": self.layout, "lang": self.lang, **extra})


def parse_query(raw: str, allowed: tuple[str, ...]) -> dict[str, str]:
    """Split a query string, refusing unknown and repeated keys."""
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, strict_parsing=bool(raw), max_num_fields=8)
    except ValueError:
        raise QueryError("the query string does not parse") from None
    values: dict[str, str] = {}
    for key, value in pairs:
        if key not in allowed:
            raise QueryError(f"unknown parameter (allowed: {', '.join(allowed) or 'none'})")
        if key in values:
            raise QueryError(f"parameter {key} is given twice")
        values[key] = value
    return values


def choose(values: Mapping[str, str], default: Choice) -> Choice:
    """Return the choice the query asks for, `default` for what it leaves out."""
    layout = values.get("layout", default.layout)
    if layout not in LAYOUTS:
        raise QueryError(f"layout must be one of: {', '.join(LAYOUTS)}")
    lang = values.get("lang")
    if lang is None:
        return Choice(layout, default.languages)
    if lang not in LANGUAGE_ORDERS:
        raise QueryError(f"lang must be one of: {', '.join(LANGUAGE_ORDERS)}")
    return Choice(layout, LANGUAGE_ORDERS[lang])


def choose_format(values: Mapping[str, str]) -> str:
    """Return the download format the query asks for."""
    fmt = values.get("format", "")
    if fmt not in DOWNLOADS:
        raise QueryError(f"format must be one of: {', '.join(DOWNLOADS)}")
    return fmt
