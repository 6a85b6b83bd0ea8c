"""Cutting a release into title, dateline and sentences, and dropping page noise."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract import segment as segment_module
from briefing.extract._grammar import INLINE_NOISE
from briefing.extract.segment import _SENTENCE_END, clean_text, segment, split_sentences


def test_title_dateline_and_sentences() -> None:
    text = ("عام / سمو ولي العهد يستقبل سفير مصر\n\n"
            " جدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n"
            " استقبل سمو ولي العهد اليوم السفير. وجرى خلال الاستقبال بحث العلاقات.\n"
            " // انتهى //\n 20:31 ت م \n")
    seg = segment(text)
    assert seg.title == "عام / سمو ولي العهد يستقبل سفير مصر"
    assert seg.dateline.startswith("جدة 25 شوال")
    assert seg.sentences == (seg.title, "استقبل سمو ولي العهد اليوم السفير", "وجرى خلال الاستقبال بحث العلاقات")


def test_page_noise_stays_out() -> None:
    text = ("خبر\n\nNext Previous عين اليوم – جدة\nاستقبل الوزير السفير اليوم.\n"
            "عدد المشاهدات: 1234\nمواضيع ذات صلة\nالوزير يفتتح معرضا")
    joined = " ".join(line for line in clean_text(text) if line)
    assert "Next" not in joined and "المشاهدات" not in joined
    assert "يفتتح" not in joined and "ذات صلة" not in joined
    assert "استقبل الوزير السفير اليوم." in joined


def test_tatweel_and_crlf() -> None:
    seg = segment("عنوان\r\n\r\nاستقبل الملك سلمان بن عبدالعزيز آل سعودــ الوزير.")
    assert seg.sentences[1] == "استقبل الملك سلمان بن عبدالعزيز آل سعود الوزير"


def test_a_run_on_text_is_cut_into_bounded_sentences() -> None:
    clause = "وأكد الوزير أهمية التعاون بين البلدين في المجالات كافة، "
    seg = segment("عنوان\n\n" + clause * 200)
    assert len(seg.sentences) > 5
    assert all(len(s) <= 1200 for s in seg.sentences)
    assert "".join(seg.sentences[1:]).count("وأكد") == 200


def test_markdown_marks_are_dropped() -> None:
    seg = segment("# **وزير الخارجية يستقبل السفير**\n\n> استقبل *وزير الخارجية* اليوم السفير.")
    assert seg.title == "وزير الخارجية يستقبل السفير"
    assert seg.sentences[1] == "استقبل وزير الخارجية اليوم السفير"


def test_a_full_stop_inside_a_closing_quote_ends_the_sentence() -> None:
    seg = segment("Title\n\nThe minister called it “a turning point.” The two sides then signed a memorandum. "
                  "He added: \"we are ready.\" Talks will go on.\n")
    assert seg.sentences[1:] == ("The minister called it “a turning point.”", "The two sides then signed a memorandum",
                                 'He added: "we are ready."', "Talks will go on")


# The patterns as first written; the fast forms in segment.py must cut and clean alike.
_PLAIN_SPACES = re.compile(r"[ \t\u00a0\u200f\u200e]+")
_PLAIN_SENTENCE_END = re.compile(
    rf"(?:(?<=[.!?؟])|(?<=[.!?؟][”\"»]))(?<!\b[A-Z]\.)(?<!\b[A-Z]\.[A-Z]\.){segment_module._NO_END}\s+(?![a-z,;])|(?<=\.\.)\s*|\n+"
)


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="ab AB.!?؟,;”\"»\n\t\u00a0\u200f\u200e*_#>-+/():1عدد المشاهدات(صورة)انتهى", max_size=40))
def test_fast_patterns_cut_and_clean_like_the_plain_ones(text: str) -> None:
    assert segment_module._SPACES.sub(" ", text) == _PLAIN_SPACES.sub(" ", text)
    assert segment_module._SENTENCE_END.split(text) == _PLAIN_SENTENCE_END.split(text)
    line = text.replace("\n", " ")
    if not segment_module._may_be_markdown(line):
        assert segment_module._MARKDOWN.sub("", line) == line
    if not ("/" in line or "(" in line or ":" in line or "عدد المشاهدات" in line):
        assert INLINE_NOISE.sub(" ", line) == line



_SPLIT_PIECES = list("ab AB.!?؟”\"»,;") + ["Dr.", "U.S.", "J. ", "..", "...", "  ", "ال", "Mr. Smith", " x", "\t", "\n"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(_SPLIT_PIECES), max_size=14).map("".join))
def test_sentences_are_split_where_the_pattern_splits_them(line: str) -> None:
    # split_sentences tries the sentence-end pattern only after an end mark (or its closing quote); on any line it must
    # cut exactly where the pattern's own split does: initials, titles, "..", quotes, Arabic marks, tabs, line breaks.
    assert split_sentences(line) == _SENTENCE_END.split(line)


def test_a_line_is_cut_after_its_sentences_not_after_a_title() -> None:
    assert split_sentences("Mr. Lee arrived. Talks began.") == ["Mr. Lee arrived.", "Talks began."]
    assert split_sentences("«قال». ثم غادر؟ نعم!") == ["«قال».", "ثم غادر؟", "نعم!"]
