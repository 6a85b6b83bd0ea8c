"""When two summaries tell the same event, and when two sources are the same source; pure.

Same event: both dated, on the same date, with the same set of principal countries
(participants with side host/guest, or all participants when none is host or guest; a
participant without a country counts by the slug of its name), at the same place. Places are
compared on their normalised English side, else their normalised Arabic side; they match when
the words of one are all in the other ("Moscow" ~ "Moscow, Russia"), or when either summary
gives no place. Undated events are never merged (nothing shows they are the same day).

Same source: the same URL anywhere in the archive; without a URL, the same file name, else
the same summary id, else the same content (sha256 of the canonical JSON), anywhere in the
archive. Two releases that share a file name but no URL are taken for one source: give the URL.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass

from ..summary.model import Side, Summary, Text, slugify

_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ة": "ه", "ى": "ي", "ؤ": "و", "ئ": "ي"})
_STOP_EN = frozenset({"the", "of", "in", "at", "city"})


@dataclass(frozen=True)
class EventKey:
    """What identifies an event across sources."""

    date: str | None  # ISO date, None when undated
    countries: tuple[str, ...]  # sorted principal countries (or `~name` slugs)
    place_en: str  # normalised English place, '' when unknown
    place_ar: str  # normalised Arabic place, '' when unknown

    @property
    def text(self) -> str:
        """Return the key as one readable string: `date|countries|place`."""
        place = self.place_en or self.place_ar
        return f"{self.date or 'undated'}|{','.join(self.countries)}|{place}"


def principal_countries(summary: Summary) -> tuple[str, ...]:
    """Return the sorted countries of the host and guest (all participants when neither is set)."""
    people = [p for p in summary.participants if p.side in (Side.host, Side.guest)] or list(summary.participants)
    keys = {p.country or "~" + (slugify(p.name.en or "") or _fold_ar(p.name.ar or "") or p.id) for p in people}
    return tuple(sorted(keys))


def event_key(summary: Summary) -> EventKey:
    """Return the dedup key of the event a summary tells."""
    place = summary.event.place or Text()
    date = summary.event.date.isoformat() if summary.event.date else None
    return EventKey(date, principal_countries(summary), normalise_place_en(place.en), normalise_place_ar(place.ar))


def same_event(a: EventKey, b: EventKey) -> bool:
    """Tell whether two keys name the same event (see the module docstring)."""
    if a.date is None or b.date is None or a.date != b.date or a.countries != b.countries:
        return False
    if not (a.place_en or a.place_ar) or not (b.place_en or b.place_ar):
        return True
    if a.place_en and b.place_en:
        return _words_nest(a.place_en, b.place_en)
    if a.place_ar and b.place_ar:
        return _words_nest(a.place_ar, b.place_ar)
    return False


def normalise_place_en(text: str | None) -> str:
    """Lower-case, strip accents and punctuation, drop `the`/`of`; '' for nothing."""
    if not text:
        return ""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    words = re.findall(r"[a-z0-9]+", plain.casefold())
    return " ".join(w for w in words if w not in _STOP_EN)


def normalise_place_ar(text: str | None) -> str:
    """Strip diacritics and tatweel, fold alef/ta marbuta/ya forms, drop punctuation."""
    return _fold_ar(text or "")


def _fold_ar(text: str) -> str:
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text)).translate(_ARABIC_FOLD)
    return " ".join(re.findall(r"\w+", text))


def _words_nest(a: str, b: str) -> bool:
    wa, wb = set(a.split()), set(b.split())
    return bool(wa and wb) and (wa <= wb or wb <= wa)


def canonical_json(summary: Summary) -> str:
    """Return the summary as compact JSON with sorted keys (what the archive stores)."""
    data = summary.model_dump(mode="json", exclude_none=True)
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def source_key(summary: Summary) -> str:
    """Return the identity of the summary's source: `url:`, `file:`, `id:` or `sha256:`."""
    source = summary.source
    if source and source.url:
        return "url:" + normalise_url(source.url)
    if source and source.file:
        return "file:" + source.file.replace("\\", "/").rsplit("/", 1)[-1]
    if summary.id:
        return "id:" + summary.id
    return "sha256:" + hashlib.sha256(canonical_json(summary).encode()).hexdigest()


def normalise_url(url: str) -> str:
    """Drop the scheme, `www.`, a trailing slash and the fragment; lower-case the host."""
    rest = url.strip().split("#", 1)[0]
    rest = re.sub(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", "", rest)
    host, slash, path = rest.partition("/")
    host = host.lower().removeprefix("www.")
    return (host + slash + path).rstrip("/")
