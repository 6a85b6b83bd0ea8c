"""Dates in releases: month names of every Arabic region, Hijri, digits, relative days."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.read.dates import (
    find_date,
    find_dates,
    hijri_to_gregorian,
    western_digits,
)
from briefing.render.formatting import format_hijri

REF = dt.date(2015, 8, 10)  # a Monday


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("10 أغسطس 2015", dt.date(2015, 8, 10)),
        ("10 اغسطس 2015", dt.date(2015, 8, 10)),
        ("١٠ آب ٢٠١٥", dt.date(2015, 8, 10)),
        ("10 جانفي 2016", dt.date(2016, 1, 10)),
        ("3 كانون الثاني 2016", dt.date(2016, 1, 3)),
        ("5 تشرين الأول 2015", dt.date(2015, 10, 5)),
        ("12 يوليوز 2015", dt.date(2015, 7, 12)),
        ("1 غشت 2015", dt.date(2015, 8, 1)),
        ("7 شتنبر 2015", dt.date(2015, 9, 7)),
        ("10 يوليو (تموز) 2020", dt.date(2020, 7, 10)),
        ("March 3, 2025", dt.date(2025, 3, 3)),
        ("3 March 2025", dt.date(2025, 3, 3)),
        ("2015-08-10", dt.date(2015, 8, 10)),
        ("10/8/2015", dt.date(2015, 8, 10)),
    ],
)
def test_gregorian_dates_in_every_regional_spelling(text: str, expected: dt.date) -> None:
    found = find_date(f"وذلك في {text} بالعاصمة")
    assert found is not None and found.date == expected


def test_numeric_order_follows_the_region() -> None:
    assert find_date("on 3/4/2025").date == dt.date(2025, 4, 3)
    assert find_date("on 3/4/2025", month_first=True).date == dt.date(2025, 3, 4)


def test_hijri_dates_are_converted() -> None:
    found = find_date("جدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس")
    assert found.date == dt.date(2015, 8, 10)
    assert find_date("الأحد 26/5/1447هـ").date == hijri_to_gregorian(1447, 5, 26)
    assert find_date("الأحد 26/5/1447هـ").text.startswith("الأحد")
    assert find_date("12 جمادى الأولى 1447").date == hijri_to_gregorian(1447, 5, 12)
    assert format_hijri(dt.date(2015, 8, 10), "en") == "25 Shawwal 1436 AH"  # and back, as the notes print it


def test_arabic_indic_digits() -> None:
    assert western_digits("٢٠١٥/٨/١٠") == "2015/8/10"
    assert find_date("١٠ أغسطس ٢٠١٥").date == dt.date(2015, 8, 10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("اليوم", REF), ("مساء أمس", REF - dt.timedelta(days=1)), ("today", REF), ("yesterday", REF - dt.timedelta(days=1)),
     ("يوم الأحد", dt.date(2015, 8, 9)), ("on Monday", REF), ("غدا", REF + dt.timedelta(days=1))],
)
def test_relative_days_resolve_against_the_reference(text: str, expected: dt.date) -> None:
    found = find_date(text, reference=REF)
    assert found is not None and found.relative and found.date == expected
    assert found.text.endswith(text.split()[-1])


def test_relative_days_without_reference_stay_unknown() -> None:
    found = find_date("التقى اليوم")
    assert found is not None and found.date is None and found.text == "اليوم"


def test_a_day_and_month_take_the_reference_year() -> None:
    assert find_date("في 29 أبريل", reference=REF).date == dt.date(2015, 4, 29)
    assert find_date("في 29 أبريل").date is None


def test_impossible_dates_are_not_invented() -> None:
    assert find_date("31 فبراير 2015").date is None
    assert all(d.date is None for d in find_dates("30 محرم 9999"))


def test_fold_is_one_translate_of_digits_tatweel_and_letter_variants() -> None:
    from briefing.base.arabic import DIGITS, LETTER_VARIANTS, TATWEEL
    from briefing.read.dates import fold, western_digits

    text = "الأربعاء ٢٥ شوّال ١٤٣٦ هـ إلى مكة آمنة ى ی ې ۀ ک ٱ ۱۲ - 2015"
    table = str.maketrans({**DIGITS, TATWEEL: " ", **LETTER_VARIANTS})
    assert fold(text) == text.translate(table)
    assert len(fold(text)) == len(text)
    assert western_digits("١٤٣٦ 12") == "1436 12" and western_digits("no digits") == "no digits"
