"""Find the event: its type and the role of the lead sentence's subject, its date and place."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..dates import FoundDate, find_dates
from ..terms.normalise import normalise_ar, normalise_en
from ._grammar import EVENT_CUES, VENUE_AR
from .vocab import Lexicon

_CUES = [(re.compile(normalise_ar(p)), kind, role) for p, kind, role in EVENT_CUES]
_MONTH_FIRST = re.compile(r"(?i)\b(?:january|february|march|april|may|june|july|august|september|october"
                          r"|november|december)\s+\d{1,2},")


@dataclass(frozen=True)
class EventFacts:
    """What the lead says about the event."""

    type: str
    role: str  # role of the lead's subject: host, guest, meet (decide by place), other
    date: dt.date | None
    date_text: str | None
    place: Any  # city Term or None
    place_surface: str | None


def fold(text: str, lang: str) -> str:
    """Normalise text for cue matching in its language."""
    return normalise_ar(text) if lang == "ar" else normalise_en(text)


def detect_type(lead: str, title: str | None, lang: str) -> tuple[str, str]:
    """Return (event type, subject role) from the lead sentence, then the title."""
    # An English readout's headline names the kind of contact ("Readout of ... Call with ..."); Arabic
    # headlines are often a position ("يبحثان ..."), so the lead goes first there.
    for text in ((title or "", lead) if lang == "en" else (lead, title or "")):
        folded = fold(text, lang)
        phone = next(((k, r, m.start()) for p, k, r in _CUES if k == "phone_call" and (m := p.search(folded))), None)
        if phone:
            return phone[0], phone[1]
        hits = [(m.start(), k, r) for p, k, r in _CUES if (m := p.search(folded))]
        if hits:
            _, kind, role = min(hits)
            return kind, role
    return "other", "other"


def reference_date(dateline: str | None, hint: dt.date | None, given: dt.date | None) -> dt.date | None:
    """The date relative words are counted from: --date, then the dateline, then file metadata."""
    if given is not None:
        return given
    if dateline:
        explicit = [f for f in find_dates(dateline) if f.date and not f.relative]
        if explicit:
            return explicit[-1].date
    return hint


def find_event_date(lead: str, reference: dt.date | None, lang: str) -> FoundDate | None:
    """The first date in the lead sentence, explicit or relative."""
    found = find_dates(lead, reference=reference, month_first=lang == "en" and bool(_MONTH_FIRST.search(lead)))
    explicit = [f for f in found if not f.relative]
    return (explicit or found or [None])[0]


def find_place(lead: str, dateline: str | None, title: str | None, lang: str, lex: Lexicon,
               skip: list[tuple[int, int]]) -> tuple[Any, str | None]:
    """The city of the event: in the lead (outside titles), else the dateline, else the title."""
    for text, spans in ((lead, skip), (dateline or "", []), (title or "", [])):
        for match in lex.match(text, lang, ("city",)):
            if not any(s <= match.start < e for s, e in spans):
                return match.term, match.surface
        if text is lead and lang == "ar" and (venue := VENUE_AR.search(lead)):
            return None, venue.group(1)
    return None, None


def place_country(place: Any, lex: Lexicon) -> str | None:
    """The country a city term belongs to."""
    if place is None:
        return None
    code = place.attrs.get("country")
    return str(code).upper() if code else None
