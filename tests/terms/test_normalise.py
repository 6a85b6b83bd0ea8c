"""Arabic normalisation, tokens with offsets and rough transliteration."""

from __future__ import annotations

from briefing.terms.normalise import normalise_ar, normalise_en, tokenise, transliterate_ar


def test_normalise_strips_tashkeel_and_tatweel() -> None:
    assert normalise_ar("اهتمامًا خاصًّا") == "اهتماما خاصا"
    assert normalise_ar("آل سعودــ") == "ال سعود"


def test_normalise_unifies_alef_ya_and_ta_marbuta() -> None:
    assert normalise_ar("أإآٱ") == "اااا"
    assert normalise_ar("مصطفى مدبولي") == "مصطفي مدبولي"
    assert normalise_ar("جامعة الدول العربية") == "جامعه الدول العربيه"


def test_normalise_turns_eastern_digits_to_ascii_and_collapses_spaces() -> None:
    assert normalise_ar("٢٩ أبريل  ۱۴۴۷\n هـ") == "29 ابريل 1447 ه"


def test_normalise_en_folds_case_and_accents() -> None:
    assert normalise_en("  Recep Tayyip ERDOĞAN  ") == "recep tayyip erdogan"


def test_tokens_keep_offsets_into_the_original_text() -> None:
    text = "فخامة الرئيس/ إمامُ علي"
    tokens = tokenise(text)
    assert [t.norm for t in tokens] == ["فخامه", "الرييس", "امام", "علي"]  # hamza seats fold too
    assert text[tokens[2].start : tokens[2].end] == "إمامُ"


def test_abd_compounds_split_like_their_spaced_spelling() -> None:
    joined = [t.norm for t in tokenise("عبدالفتاح السيسي")]
    spaced = [t.norm for t in tokenise("عبد الفتاح السيسي")]
    assert joined == spaced == ["عبد", "الفتاح", "السيسي"]
    assert [t.norm for t in tokenise("عبده")] == ["عبده"]


def test_transliteration_is_latin_and_readable() -> None:
    assert transliterate_ar("محمد بن سلمان") == "Mohammed bin Salman"
    assert transliterate_ar("عبدالله الربيعة").startswith("Abdul")
    assert transliterate_ar("خالد الحميدان").isascii()
