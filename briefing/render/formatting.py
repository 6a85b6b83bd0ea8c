"""Display forms of dates, digits and country names in Arabic and English; pure."""

from __future__ import annotations

import datetime as dt
import unicodedata
from functools import cache

from ..summary.model import Text

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
_WESTERN = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
DIGIT_SYSTEMS = ("arabic-indic", "western")
DATE_STYLES = ("gregorian", "hijri")
LRI, FSI, PDI = "\u2066", "\u2068", "\u2069"


def arabic_digits(text: str) -> str:
    """Write ASCII digits as Arabic-Indic digits."""
    return text.translate(_ARABIC_INDIC)


def western_digits(text: str) -> str:
    """Write Arabic-Indic (and Persian) digits as ASCII digits."""
    return text.translate(_WESTERN)


def isolate_ltr(text: str) -> str:
    """Wrap a left-to-right value (file name, URL, reference, code) in LRI…PDI, so Arabic around it cannot reorder it."""
    return f"{LRI}{text}{PDI}"


def localise_digits(text: str, lang: str, system: str = "arabic-indic") -> str:
    """Write every number of a text shown in `lang` in that language's one digit system.

    English always gets Western digits. Arabic gets `system`, except inside a left-to-right
    isolate (codes, file names) and right after a Latin word ("CASA-1000", "COP28"), where
    the number belongs to the Latin text.
    """
    if lang != "ar" or system == "western":
        return western_digits(text)
    out: list[str] = []
    latin = False  # the last strong character was Latin
    depth = 0  # inside an LTR isolate
    for char in text:
        if char == LRI:
            depth += 1
        elif char == PDI and depth:
            depth -= 1
        elif char.isalpha():
            latin = char.isascii() or unicodedata.bidirectional(char) == "L"
        if char.isdigit() and char.isascii() and not latin and not depth:
            char = arabic_digits(char)
        out.append(char)
    return "".join(out)


NBSP, NB_HYPHEN = "\u00a0", "\u2011"  # inside a note's date: no line break between day, month and year


def _unbreakable(text: str) -> str:
    """Join a date's words with no-break spaces and hyphens ("Jumada al-Akhirah" stays on one line)."""
    return text.replace(" ", NBSP).replace("-", NB_HYPHEN)


def format_gregorian(date: dt.date, lang: str) -> str:
    """Return a date as `14 مايو ٢٠٢٦` or `14 May 2026`."""
    from babel.dates import format_date

    if lang == "ar":
        return arabic_digits(format_date(date, "d MMMM y", locale="ar"))
    return format_date(date, "d MMMM y", locale="en_GB")


def format_hijri(date: dt.date, lang: str) -> str:
    """Return the Umm al-Qura Hijri date as `٢٧ ذو القعدة ١٤٤٧ هـ` or `27 Dhu al-Qa'dah 1447 AH`."""
    from hijridate import Gregorian

    try:
        hijri = Gregorian(date.year, date.month, date.day).to_hijri()
    except OverflowError:
        return ""
    if lang == "ar":
        return arabic_digits(f"{hijri.day} {hijri.month_name('ar')} {hijri.year}") + " هـ"
    return f"{hijri.day} {hijri.month_name('en')} {hijri.year} AH"


def date_text(date: dt.date, style: str = "gregorian") -> Text:
    """Return a date in both calendars and both languages.

    `gregorian`: «١٦ مارس ٢٠٢٧ (٨ شوال ١٤٤٨ هـ)»; `hijri`, the style of Saudi correspondence:
    «٨ شوال ١٤٤٨ هـ الموافق ١٦ مارس ٢٠٢٧ م», "8 Shawwal 1448 AH (16 March 2027)".
    """
    sides = {}
    for lang in ("ar", "en"):
        hijri, gregorian = (_unbreakable(part) for part in (format_hijri(date, lang), format_gregorian(date, lang)))
        if not hijri:
            sides[lang] = gregorian
        elif style == "hijri" and lang == "ar":
            sides[lang] = f"{hijri} الموافق {gregorian}{NBSP}م"
        elif style == "hijri":
            sides[lang] = f"{hijri} ({gregorian})"
        else:
            sides[lang] = f"{gregorian} ({hijri})"
    return Text(**sides)


@cache
def _territories(lang: str) -> dict[str, str]:
    from babel import Locale

    return dict(Locale.parse("ar" if lang == "ar" else "en").territories)


def country_name(code: str | None) -> Text | None:
    """Return the CLDR name of an ISO country code in both languages (organisations keep their acronym)."""
    if not code:
        return None
    return Text(ar=_territories("ar").get(code, code), en=_territories("en").get(code, code))
