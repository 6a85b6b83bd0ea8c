"""Find the event: its type and the role of the lead sentence's subject, its date and place."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ..dates import FoundDate, find_dates
from ..terms.normalise import normalise_ar, normalise_en
from ._grammar import EVENT_CUES, TOPIC_BEFORE_AR, TOPIC_BEFORE_EN, VENUE_AR, VENUE_EN
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
               skip: list[tuple[int, int]], event_type: str = "meeting") -> tuple[Any, str | None]:
    """The venue: a city or venue the lead places the event in, else the dateline's city, else the title's.

    A call has no place; a city named as a topic ("the situation in Gaza") is not the venue.
    """
    if event_type == "phone_call":
        return None, None
    for text, spans in ((lead, skip), (dateline or "", []), (title or "", [])):
        for match in lex.match(text, lang, ("city",)):
            if any(s <= match.start < e for s, e in spans):
                continue
            if text is dateline or _locative(text, match.start, lang, headline=text is title):
                return match.term, match.surface
        if text is not dateline and (venue := (VENUE_AR if lang == "ar" else VENUE_EN).search(text)):
            return None, venue.group(1)
    return None, None


def _locative(text: str, start: int, lang: str, *, headline: bool = False) -> bool:
    """The city at `start` is where the event is: after "in"/"at"/"في"/"ب" (or a verb of arriving or
    leaving), or anywhere in a telegraphic headline; never the place of a topic ("the situation in Gaza")."""
    before = text[max(0, start - 60):start]
    if lang == "en":
        if TOPIC_BEFORE_EN.search(before):
            return False
        return headline or bool(_LOCATIVE_EN.search(before))
    folded = normalise_ar(before)
    if TOPIC_BEFORE_AR.search(folded):
        return False
    return headline or bool(_LOCATIVE_AR.search(folded))


_LOCATIVE_EN = re.compile(r"\b(?:in|at|arrived in|visit to|trip to|travel(?:led|ed)? to|left|departed)\s+(?:the\s+)?"
                          r"(?:(?:capital|city)(?:\s+of)?\s+)?$", re.IGNORECASE)
_LOCATIVE_AR = re.compile(normalise_ar(r"(?:^|\s)(?:في|ب|الى|إلى|وصل|يصل|غادر|يغادر|مغادرا|زياره|بزياره)\s*(?:ال)?(?:العاصمه|عاصمه|مدينه)?\s*(?:\S+ه\s+)?$")
                          + "|(?:^|\\s)(?:ب|في)$")


def place_country(place: Any, lex: Lexicon) -> str | None:
    """The country a city term belongs to."""
    if place is None:
        return None
    code = place.attrs.get("country")
    return str(code).upper() if code else None
