"""Arabic normalisation, tokens with offsets and rough transliteration."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

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


# The plain algorithms the fast ones must agree with: a regex scan folding word by word, and one
# translate of the whole text (see normalise.py).
_ALPHABET = "abcAΣσİı_ 0٣\n\t\u00a0عبدالهأإآىةيکۀ\u064b\u0651\u0654\u0670\u0640\u200c-.،ﻻﷲ"


def _plain_tokens(text: str) -> list[tuple[str, int, int]]:
    from briefing.terms.normalise import _TOKEN, _fold, _letter_end

    out = []
    for m in _TOKEN.finditer(text):
        norm = _fold(m.group())
        if norm.startswith("عبد") and len(norm) >= 6 and norm[3] != "ه":
            cut = m.start() + _letter_end(m.group(), 3)
            out += [("عبد", m.start(), cut), (norm[3:], cut, m.end())]
        elif norm:
            out.append((norm, m.start(), m.end()))
    return out


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40))
def test_tokens_and_normal_forms_agree_with_the_plain_algorithms(text: str) -> None:
    import re
    import unicodedata

    from briefing.terms.normalise import _TABLE

    assert [tuple(t) for t in tokenise.__wrapped__(text)] == _plain_tokens(text)
    plain = re.sub(r"\s+", " ", unicodedata.normalize("NFKD", text).translate(_TABLE)).strip()
    assert normalise_ar(text) == plain
