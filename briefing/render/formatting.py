"""Display forms of dates, digits and country names in Arabic and English; pure."""

from __future__ import annotations

import datetime as dt
from functools import cache

from ..model import Text

_ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def arabic_digits(text: str) -> str:
    """Write ASCII digits as Arabic-Indic digits."""
    return text.translate(_ARABIC_INDIC)


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


def date_text(date: dt.date) -> Text:
    """Return a date in both calendars and both languages."""
    sides = {}
    for lang in ("ar", "en"):
        hijri = format_hijri(date, lang)
        sides[lang] = format_gregorian(date, lang) + (f" ({hijri})" if hijri else "")
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
