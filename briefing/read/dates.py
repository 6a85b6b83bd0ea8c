"""Dates in releases: Gregorian month names of every Arabic region, Hijri, digits, relative days."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..base.arabic import DIGITS, LETTER_VARIANTS, TATWEEL

_DIGITS = str.maketrans(DIGITS)
_EASTERN_DIGIT = re.compile("[" + "".join(DIGITS) + "]")

# Gregorian months as written in the Gulf/Egypt, the Levant and Iraq, Algeria/Tunisia, Morocco, Libya.
_GREGORIAN_AR = {
    1: ("يناير", "كانون الثاني", "جانفي", "اي النار"),
    2: ("فبراير", "شباط", "فيفري", "النوار"),
    3: ("مارس", "اذار", "الربيع"),
    4: ("ابريل", "نيسان", "افريل", "ابريل", "الطير"),
    5: ("مايو", "ايار", "ماي", "الماء"),
    6: ("يونيو", "يونيه", "حزيران", "جوان", "الصيف"),
    7: ("يوليو", "يوليه", "تموز", "جويليه", "يوليوز", "ناصر"),
    8: ("اغسطس", "اغسطس", "آب", "اب", "اوت", "غشت", "هانيبال"),
    9: ("سبتمبر", "ايلول", "شتنبر", "الفاتح"),
    10: ("اكتوبر", "تشرين الاول", "التمور"),
    11: ("نوفمبر", "تشرين الثاني", "نونبر", "الحرث"),
    12: ("ديسمبر", "كانون الاول", "دجنبر", "الكانون"),
}
_HIJRI_AR = {
    1: ("محرم",),
    2: ("صفر",),
    3: ("ربيع الاول",),
    4: ("ربيع الثاني", "ربيع الاخر"),
    5: ("جمادي الاولي", "جمادي الاول"),
    6: ("جمادي الاخره", "جمادي الثانيه", "جمادي الاخر", "جمادي الثاني"),
    7: ("رجب",),
    8: ("شعبان",),
    9: ("رمضان",),
    10: ("شوال",),
    11: ("ذو القعده", "ذي القعده"),
    12: ("ذو الحجه", "ذي الحجه"),
}
_ENGLISH = ("january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december")
_WEEKDAYS = {  # Monday = 0
    0: ("الاثنين", "الإثنين", "monday"), 1: ("الثلاثاء", "tuesday"), 2: ("الاربعاء", "الأربعاء", "wednesday"),
    3: ("الخميس", "thursday"), 4: ("الجمعه", "friday"), 5: ("السبت", "saturday"), 6: ("الاحد", "sunday"),
}
_RELATIVE = {
    "اليوم": 0, "امس": -1, "البارحه": -1, "اول امس": -2, "غدا": 1, "غد": 1,
    "today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0,
}


@dataclass(frozen=True)
class FoundDate:
    """A date found in text: its ISO value (when known) and the words as written."""

    date: dt.date | None
    text: str
    start: int
    end: int
    relative: bool = False


def western_digits(text: str) -> str:
    """Replace Arabic-Indic and Persian digits with ASCII digits."""
    return text.translate(_DIGITS) if _EASTERN_DIGIT.search(text) else text  # (translate is slow on Arabic text)


def fold(text: str) -> str:
    """Fold Arabic letter variants (hamza, alef maqsura, ta marbuta) for matching; keeps length."""
    text = western_digits(text).replace(TATWEEL, " ")
    for variant, letter in LETTER_VARIANTS.items():  # = translate(): no letter is itself a variant
        text = text.replace(variant, letter)
    return text


def hijri_to_gregorian(year: int, month: int, day: int) -> dt.date | None:
    """Convert a Hijri (Umm al-Qura) date; None when out of the supported range."""
    from hijridate import Hijri

    try:
        g = Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None
    return dt.date(g.year, g.month, g.day)


def _alternation(names: dict[int, tuple[str, ...]]) -> tuple[str, dict[str, int]]:
    lookup = {fold(n): k for k, ns in names.items() for n in ns}
    pattern = "|".join(sorted((re.escape(n) for n in lookup), key=len, reverse=True))
    return pattern, lookup


_G_PAT, _G_LOOKUP = _alternation(_GREGORIAN_AR)
_H_PAT, _H_LOOKUP = _alternation(_HIJRI_AR)
_E_PAT = "|".join(_ENGLISH) + "|" + "|".join(m[:3] + r"\.?" for m in _ENGLISH)
_B = r"(?<![\w])"  # word start
_E = r"(?![\w])"  # word end
_HIJRI_TEXT = re.compile(rf"{_B}(\d{{1,2}})\s+(?:من\s+)?({_H_PAT}){_E}(?:\s+(?:عام\s+|سنه\s+)?(\d{{3,4}}))?\s*(?:هـ|ه{_E})?")
_HIJRI_NUM = re.compile(rf"{_B}(\d{{1,2}})[/\-.](\d{{1,2}})[/\-.](1[34]\d\d)\s*(?:هـ|ه{_E})")
_GREG_AR = re.compile(rf"{_B}(\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?({_G_PAT}){_E}(?:\s*[/(]\s*(?:{_G_PAT})\s*\)?)?(?:\s+(?:عام\s+|سنه\s+)?(\d{{4}}))?")
_GREG_EN_DMY = re.compile(rf"(?i){_B}(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_E_PAT}){_E}(?:,?\s+(\d{{4}}))?")
_GREG_EN_MDY = re.compile(rf"(?i){_B}({_E_PAT})\s+(\d{{1,2}})(?:st|nd|rd|th)?{_E}(?:,?\s+(\d{{4}}))?")
_ANY_DIGIT = re.compile(r"\d")
_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_NUMERIC = re.compile(r"(?<![\d/])(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?![\d/])(?!\s*هـ)")
_REL_PAT = "|".join(sorted((re.escape(k) for k in _RELATIVE), key=len, reverse=True))
_RELATIVE_RE = re.compile(rf"(?i)(?<![\w])(?:(?:مساء|صباح|ظهر|ليل|ليله|عصر|فجر)\s+)?(?:يوم\s+)?(?:ال)?({_REL_PAT}){_E}")
_WEEKDAY_RE = re.compile(
    r"(?i)(?<![\w])(?:يوم\s+|(?:on\s+)?)?("
    + "|".join(re.escape(fold(w)) for ws in _WEEKDAYS.values() for w in ws)
    + r")(?![\w])"
)


def find_dates(text: str, *, reference: dt.date | None = None, month_first: bool = False) -> list[FoundDate]:
    """Find every date in `text`, explicit or relative (resolved against `reference`), in order."""
    folded = fold(text)
    found: list[FoundDate] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, date: dt.date | None, relative: bool = False) -> None:
        if any(s < end and start < e for s, e in taken):
            return
        taken.append((start, end))
        found.append(FoundDate(date, text[start:end].strip(), start, end, relative))

    weekday_matches = list(_WEEKDAY_RE.finditer(folded))  # read twice below: scanned once
    if _ANY_DIGIT.search(folded) is not None:  # all the other patterns have a digit
        for m in _HIJRI_TEXT.finditer(folded):
            year = int(m[3]) if m[3] else None
            date = hijri_to_gregorian(year, _H_LOOKUP[m[2]], int(m[1])) if year else None
            add(m.start(), m.end(), date)
        for m in _HIJRI_NUM.finditer(folded):
            add(m.start(), m.end(), hijri_to_gregorian(int(m[3]), int(m[2]), int(m[1])))
        for m in _GREG_AR.finditer(folded):
            add(m.start(), m.end(), _make(m[3], _G_LOOKUP[m[2]], m[1], reference))
        for m in _GREG_EN_MDY.finditer(folded):
            add(m.start(), m.end(), _make(m[3], _english_month(m[1]), m[2], reference))
        for m in _GREG_EN_DMY.finditer(folded):
            add(m.start(), m.end(), _make(m[3], _english_month(m[2]), m[1], reference))
        for m in _ISO.finditer(folded):
            add(m.start(), m.end(), _make(m[1], int(m[2]), m[3], None))
        weekdays = [_weekday(w[1]) for w in weekday_matches]
        for m in _NUMERIC.finditer(folded):
            add(m.start(), m.end(), _numeric(m[1], m[2], m[3], month_first, weekdays, reference))
    for m in _RELATIVE_RE.finditer(folded):
        offset = _RELATIVE[m[1].lower()]
        date = reference + dt.timedelta(days=offset) if reference else None
        add(m.start(), m.end(), date, relative=True)
    for m in weekday_matches:
        following = next((f for f in found if 0 <= f.start - m.end() <= 3 and not f.relative), None)
        if following is not None:
            found[found.index(following)] = FoundDate(following.date, text[m.start():following.end].strip(),
                                                      m.start(), following.end)
            continue
        add(m.start(), m.end(), _last_weekday(_weekday(m[1]), reference), relative=True)
    return sorted(found, key=lambda f: f.start)


def find_date(text: str, *, reference: dt.date | None = None, month_first: bool = False) -> FoundDate | None:
    """Return the first date in `text`, or None."""
    dates = find_dates(text, reference=reference, month_first=month_first)
    return dates[0] if dates else None


def parse_iso(value: str) -> dt.date | None:
    """Parse `YYYY-MM-DD`, or return None: the one ISO date parser (options, page metadata)."""
    if not re.fullmatch(r"\s*\d{4}-\d{2}-\d{2}\s*", value):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        return None


def _english_month(word: str) -> int:
    word = word.lower().rstrip(".")
    return next(i for i, m in enumerate(_ENGLISH, 1) if m.startswith(word[:3]))


def _make(year: str | None, month: int, day: str, reference: dt.date | None) -> dt.date | None:
    if year is None:
        if reference is None:
            return None
        y = reference.year
        try:
            candidate = dt.date(y, month, int(day))
        except ValueError:
            return None
        return candidate if candidate <= reference + dt.timedelta(days=60) else candidate.replace(year=y - 1)
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def _numeric(a: str, b: str, year: str, month_first: bool, weekdays: list[int], reference: dt.date | None) -> dt.date | None:
    """A numeric date: day/month or month/day, decided by a weekday the text names, then by closeness
    to the publication date, then by the writing convention (day first, except US-style English)."""
    first = _make(year, int(b), a, None) if int(b) <= 12 else None  # a/b as day/month
    second = _make(year, int(a), b, None) if int(a) <= 12 else None  # a/b as month/day
    options = [d for d in ((second, first) if month_first else (first, second)) if d is not None]
    if len(options) < 2 or options[0] == options[1]:
        return options[0] if options else None
    if weekdays:
        named = [d for d in options if d.weekday() in weekdays]
        if len(named) == 1:
            return named[0]
    if reference is not None:
        near = [d for d in options if -60 <= (d - reference).days <= 14]
        if near:
            return min(near, key=lambda d: abs((d - reference).days))
    return options[0]


def _weekday(word: str) -> int:
    word = word.lower()
    return next(k for k, ws in _WEEKDAYS.items() if word in (fold(w) for w in ws))


def _last_weekday(weekday: int, reference: dt.date | None) -> dt.date | None:
    """The latest date on or before `reference` that falls on `weekday`."""
    if reference is None:
        return None
    return reference - dt.timedelta(days=(reference.weekday() - weekday) % 7)
