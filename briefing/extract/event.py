"""Find the event: its type and the role of the lead sentence's subject, its date and place."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from ..read.dates import FoundDate, find_dates
from ..terms.normalise import normalise_ar, normalise_en
from ._grammar import EVENT_CUES, TOPIC_BEFORE_AR, TOPIC_BEFORE_EN, VENUE_AR, VENUE_EN
from ._needles import Guarded, GuardedSet
from .vocab import Lexicon, country_code

_ALL_CUES = [(re.compile(normalise_ar(p)), kind, role) for p, kind, role in EVENT_CUES]
_SCRIPT = {"ar": re.compile(r"[\u0600-\u06ff]"), "en": re.compile(r"[a-z]")}
# The cues written in each language's script, in order.
_CUES = {lang: [c for c in _ALL_CUES if script.search(re.sub(r"\\[A-Za-z]", "", c[0].pattern))] for lang, script in _SCRIPT.items()}
# Each cue with its needles: a text holding none of them cannot have that cue (see _needles.py).
_GUARDED = {lang: GuardedSet((Guarded(p), kind) for p, kind, _ in cues) for lang, cues in _CUES.items()}
_PHONE = {lang: frozenset(i for i, (_, kind, _) in enumerate(cues) if kind == "phone_call") for lang, cues in _CUES.items()}
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


@lru_cache(maxsize=4096)
def fold(text: str, lang: str) -> str:
    """Normalise text for cue matching in its language (cached: each rule folds the same sentences)."""
    return normalise_ar(text) if lang == "ar" else normalise_en(text)


def detect_type(lead: str, title: str | None, lang: str) -> tuple[str, str]:
    """Return (event type, subject role) from the lead sentence, then the title."""
    # An English readout's headline names the kind of contact ("Readout of ... Call with ..."); Arabic
    # headlines are often a position ("يبحثان ..."), so the lead goes first there.
    if lang == "en" and title and _first_type(title, lang) == ("meeting", "meet") and _first_type(lead, lang)[0] == "talks":
        return "talks", "meet"  # "Meeting with ..." over "held talks with ...": the lead says what kind of meeting
    for text in ((title or "", lead) if lang == "en" else (lead, title or "")):
        folded = fold(text, lang)
        if _first_cue(folded, lang, _PHONE[lang]) is not None:
            return next((k, r) for p, k, r in _CUES[lang] if k == "phone_call" and p.search(folded))
        kind, role = _first_type(text, lang)
        if kind != "other":
            return kind, role
    return "other", "other"


@dataclass(frozen=True)
class Anchor:
    """The date relative words are counted from, and where it came from (an `origin` kind)."""

    date: dt.date | None
    by: str  # option (--date), release (the dateline), metadata (the page's published date)
    detail: str


def _first_type(text: str, lang: str) -> tuple[str, str]:
    """The event type and role of the first cue in one text, or ("other", "other")."""
    folded = fold(text, lang)
    first = _first_cue(folded, lang)
    if first is None:
        return "other", "other"
    _, kind, role = min((first.start(), k, r) for p, k, r in _CUES[lang] if p.match(folded, first.start()))
    return kind, role  # of the cues that match where the first one does, ties go by kind


def first_cue_at(text: str, lang: str) -> int:
    """Where the first event verb or noun of a sentence stands (0 when there is none)."""
    first = _first_cue(fold(text, lang), lang)
    return first.start() if first is not None else 0


def _first_cue(folded: str, lang: str, among: frozenset[int] | None = None) -> re.Match[str] | None:
    """The first match of any of a language's cues (or of those `among`) in a folded text: one scan, with
    only the cues whose needles the text holds (the others cannot match anywhere in it)."""
    present = _GUARDED[lang].indexes(folded)  # C-level: ~30 needles
    if among is not None:
        present = [i for i in present if i in among]
    return _any_of(lang, tuple(present)).search(folded) if present else None


@lru_cache(maxsize=1024)
def _any_of(lang: str, indexes: tuple[int, ...]) -> re.Pattern[str]:
    """Some of a language's cues in one pattern: its first match is where the first of them stands."""
    return re.compile("|".join(f"(?:{_CUES[lang][i][0].pattern})" for i in indexes))


def reference_date(dateline: str | None, published: dt.date | None, given: dt.date | None) -> Anchor:
    """The date relative words are counted from: --date, then the dateline, then the page's published date."""
    if given is not None:
        return Anchor(given, "option", f"--date {given.isoformat()}")
    if dateline:
        explicit = [f for f in find_dates(dateline) if f.date and not f.relative]
        if explicit:
            return Anchor(explicit[-1].date, "release", "the dateline")
    if published is not None:
        return Anchor(published, "metadata", "the page's published date")
    return Anchor(None, "release", "")


def find_event_date(sentences: list[str], lead: int, dateline: str | None, reference: dt.date | None,
                    lang: str) -> tuple[FoundDate | None, int | None]:
    """The event's date and the sentence it was read from: the lead's first date (explicit before
    relative), else the dateline's, else "today" said in the body (remarks at the event)."""
    text = sentences[lead]
    found = find_dates(text, reference=reference, month_first=lang == "en" and bool(_MONTH_FIRST.search(text)))
    if lang == "en":  # "to follow up on their April 24 meeting": the date of another event
        found = [f for f in found if f.relative or not _of_another_event(text, f)]
    explicit = [f for f in found if not f.relative]
    if explicit or found:
        return _checked_weekday((explicit or found)[0], found, reference), lead
    if dateline and (dated := [f for f in find_dates(dateline, reference=reference) if f.date and not f.relative]):
        return dated[-1], None
    for index, sentence in enumerate(sentences):
        if index > lead and (today := _TODAY.search(sentence)) and reference is not None:
            return FoundDate(reference, today.group(0), today.start(), today.end(), relative=True), index
    return None, None


_ATTRIBUTIVE_AFTER_EN = re.compile(r"^\W{0,2}\s*(?:[A-Za-z-]+\s+){0,2}?(?:meeting|meetings|call|visit|talks|summit|conversation|"
                                   r"request|announcement|attack|attacks|election|elections|agreement|statement|decision)\b")
_ATTRIBUTIVE_BEFORE_EN = re.compile(r"\b(?:their|his|her|its|our|the|since|following)\s+$", re.IGNORECASE)


def _of_another_event(text: str, found: FoundDate) -> bool:
    """A date written as an attribute of another event ("their April 24 meeting", "the April 28 request")."""
    return bool(_ATTRIBUTIVE_BEFORE_EN.search(text[:found.start]) and _ATTRIBUTIVE_AFTER_EN.match(text[found.end:]))


_TODAY = Guarded(re.compile(r"(?i)\btoday(?:['’]s)?\b|(?:^|\s)(?:ال)?يوم(?:نا)? هذا|(?:^|\s)اليوم(?=\s|$)"))


def _checked_weekday(date: FoundDate, found: list[FoundDate], reference: dt.date | None) -> FoundDate | None:
    """A relative date must fall on the weekday the sentence names ("اليوم الأحد"): else the named
    weekday a day off is taken ("today, Sunday" counted from a Monday feed date), or nothing."""
    if not date.relative or date.date is None:
        return date
    named = [f for f in found if f is not date and f.relative and f.date is not None and _WEEKDAY_WORD.search(f.text)]
    if not named:
        return date
    first = named[0].date
    assert first is not None  # only dated words are kept above
    wanted = first.weekday()
    for shift in (0, -1, 1):
        candidate = date.date + dt.timedelta(days=shift)
        if candidate.weekday() == wanted:
            return FoundDate(candidate, date.text, date.start, date.end, relative=True)
    return FoundDate(None, f"{date.text} / {named[0].text}", date.start, date.end, relative=True)


_WEEKDAY_WORD = re.compile(r"(?i)monday|tuesday|wednesday|thursday|friday|saturday|sunday|الاثنين|الإثنين|الثلاثاء"
                           r"|الاربعاء|الأربعاء|الخميس|الجمعة|الجمعه|السبت|الاحد|الأحد")


def find_place(lead: str, dateline: str | None, title: str | None, lang: str, lex: Lexicon,
               skip: list[tuple[int, int]], event_type: str = "meeting",
               after: tuple[str, ...] = ()) -> tuple[Any, str | None]:
    """The venue: a city or venue the lead places the event in, else the dateline's city, else the
    title's, else one the next sentences name for the meeting ("خلال استقباله ... في قصر السلام").

    A call has no place; a city named as a topic ("the situation in Gaza") is not the venue.
    """
    if event_type == "phone_call":
        return None, None
    later: list[tuple[str, list[tuple[int, int]]]] = [(text, []) for text in after if _DURING.search(normalise_ar(text) if lang == "ar" else text)]
    for text, spans in ((lead, skip), (dateline or "", []), (title or "", []), *later):
        for match in lex.match(text, lang, ("city",)):
            if any(s <= match.start < e for s, e in spans):
                continue
            opens = match.start == 0 and text[match.end:match.end + 2].lstrip()[:1] in (",", "،", "-", "(")
            if text is dateline or opens or _locative(text, match.start, lang, headline=text is title):
                return match.term, match.surface
        if text is dateline and (country := _dateline_country(text, lex)) is not None:
            return country  # "KUWAIT, Oct 12 (KUNA)", "الكويت - 12 - 10 (كونا)": a city-state or a country
        if text is not dateline and (venue := (VENUE_AR if lang == "ar" else VENUE_EN).search(text)):
            return None, venue.group(1)
        if lang == "en" and text is not dateline and (town := _town_of_country(text, lex)) is not None:
            return None, town
        if lang == "en" and text is lead and (town := _sidelines_town(text, lex)) is not None:
            return None, town
        if lang == "en" and text is lead and (country := _country_venue(text, lex, spans)) is not None:
            return country
    if lang == "ar" and (country := _visited_country_ar(lead, lex)) is not None:
        return country  # no city or venue anywhere: the country the lead's visitor is in
    return None, None


_VISITING_AR = re.compile(normalise_ar(r"(?:^|\s)(?:يزور|تزور|يزوران|زيارته|زيارتها|زيارتهما|زيارتهم)(?:\s+\S+){0,2}?\s*(?:الى|إلى|ل)?\s*$"))


def _visited_country_ar(text: str, lex: Lexicon) -> tuple[Any, str] | None:
    """Arabic: the country a participant is visiting ("الذي يزور مصر", "أثناء زيارته إلى مصر"), when the lead names
    no city: the event is there. Not a visit told as past ("بعد زيارة ناجحة إلى واشنطن")."""
    for match in lex.match(text, "ar", ("country",)):
        if _VISITING_AR.search(normalise_ar(text[max(0, match.start - 40):match.start])):
            return match.term, match.surface
    return None


def _dateline_country(dateline: str, lex: Lexicon) -> tuple[Any, str] | None:
    """A country that opens a dateline (named alone, before its comma, dash or agency): the place."""
    for lang in ("ar", "en"):
        for match in lex.match(dateline, lang, ("country",)):
            rest = dateline[match.end:match.end + 2].lstrip()[:1]
            if match.start == 0 and rest in ("", ",", "،", "-", "(", "/"):
                return match.term, match.surface
    return None


_TOPIC_OPENS_EN = re.compile(r"\b(?:to discuss|to review|to address|discussed|about|regarding|on the situation)\b")


def _country_venue(text: str, lex: Lexicon, spans: list[tuple[int, int]]) -> tuple[Any, str] | None:
    """English: a country the lead meets in ("met ... with Foreign Minister Wang Yi in Malta"), named before
    anything discussed and not after a topic word: the venue when the lead names no city."""
    topic = _TOPIC_OPENS_EN.search(text)
    for match in lex.match(text, "en", ("country",)):
        if topic is not None and match.start >= topic.start():
            break
        if any(s <= match.start < e for s, e in spans) or text[match.end:match.end + 2][:2] in ("’s", "'s"):
            continue
        if re.search(r"\bin\s+$", text[max(0, match.start - 4):match.start]) and _locative(text, match.start, "en"):
            return match.term, match.surface
    return None


_TOWN_BEFORE_EN = re.compile(r"\b(?:in|at)\s+((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+),\s*$")


def _town_of_country(text: str, lex: Lexicon) -> str | None:
    """English: a place the term base does not know, written with its country ("in Apulia, Italy")."""
    for match in lex.match(text, "en", ("country",)):
        before = text[max(0, match.start - 80):match.start]
        if (town := _TOWN_BEFORE_EN.search(before)) is not None and not TOPIC_BEFORE_EN.search(before[:town.start() + 3]):
            return f"{town.group(1)}, {match.surface}"
    return None


_SIDELINES_IN_EN = re.compile(r"\bon\s+the\s+(?:sidelines|margins)\s+of\s+(?:the\s+)?(?:[\w’'.-]+\s+){1,10}?in\s+"
                              r"((?:[A-Z][\w’'-]+\s+)?[A-Z][\w’'-]+)(?![\w’'-]|\s+[A-Z])")


def _sidelines_town(text: str, lex: Lexicon) -> str | None:
    """English: "on the sidelines of the fourth Quad Ministerial in Melbourne": the town closing the name of the
    gathering the meeting was on the sidelines of is the venue, known to the term base or not (a country is left to
    _country_venue)."""
    found = _SIDELINES_IN_EN.search(text)
    if found is None or TOPIC_BEFORE_EN.search(text[:found.start(1)]) or lex.match(found.group(1), "en", ("country",)):
        return None
    return found.group(1)


_DURING = re.compile(r"(?:^|\s)(?:خلال|اثناء|لدي)\s+(?:استقبال|لقاء|اللقاء|الاستقبال|الاجتماع|المباحثات|زياره|استقباله)"
                     r"|\b(?:during|at) the (?:meeting|talks|reception)\b", re.IGNORECASE)


def _locative(text: str, start: int, lang: str, *, headline: bool = False) -> bool:
    """The city at `start` is where the event is: after "in"/"at"/"في"/"ب" (or a verb of arriving or
    leaving), or anywhere in a telegraphic headline; never the place of a topic ("the situation in Gaza")."""
    before = text[max(0, start - 60):start]
    if lang == "en":
        if TOPIC_BEFORE_EN.search(before):
            return False
        return headline or bool(_LOCATIVE_EN.search(before))
    folded = normalise_ar(before)
    if TOPIC_BEFORE_AR.search(folded) or _EARLIER_TRIP_AR.search(folded):
        return False
    return headline or bool(_LOCATIVE_AR.search(folded))


# "بعد زيارة ناجحة إلى واشنطن": a trip before the event, not its place.
_EARLIER_TRIP_AR = re.compile(normalise_ar(r"(?:^|\s)(?:بعد|عقب|إثر|اثر)\s+(?:زيارة|جولة|رحلة)(?:\s+\S+){0,2}?\s+(?:إلى|الى|ل)\s*$"))
_LOCATIVE_EN = re.compile(r"\b(?:in|at|arrived in|visit to|trip to|travel(?:led|ed)? to|left|departed)\s+(?:the\s+)?"
                          r"(?:(?:capital|city)(?:\s+of)?\s+)?$", re.IGNORECASE)
_LOCATIVE_AR = re.compile(normalise_ar(r"(?:^|\s)(?:في|ب|الى|إلى|وصل|يصل|غادر|يغادر|مغادرا|زياره|بزياره|يزور|تزور|يزوران)\s*(?:ال)?(?:العاصمه|عاصمه|مدينه)?(?:\s+\S+ه)?\s*$"))


def place_country(place: Any, lex: Lexicon) -> str | None:
    """The country a city term belongs to."""
    if place is None:
        return None
    code = place.attrs.get("country") or (country_code(place) if place.kind == "country" else None)
    return str(code).upper() if code else None


def surface_country(surface: str | None, lex: Lexicon) -> str | None:
    """English: the country a place written with it ends on ("Sal, Cabo Verde"), a town the term base does not know."""
    if not surface:
        return None
    found = [m for m in lex.match(surface, "en", ("country",)) if not surface[m.end:].strip(" .")]
    return str(country_code(found[-1].term)).upper() if found and country_code(found[-1].term) else None

