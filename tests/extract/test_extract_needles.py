"""Needles of the grammar's patterns: a text without any of them has no match (the check before each search)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract import _grammar, event
from briefing.extract._needles import Guarded, find_needles, may_match


def test_needles_of_simple_patterns() -> None:
    assert find_needles(re.compile(r"(?:^|\s)(?:قمه|القمه|بالقمه)(?:\s|$)")) == ("قمه",)
    assert find_needles(re.compile(r"foo|ba[rz]")) == ("ba", "foo")
    assert find_needles(re.compile(r"(?=abc)d+")) == ("d",)
    assert find_needles(re.compile(r"xy(?:z)?w{2,3}")) == ("xy",)  # the longest sure literal
    assert find_needles(re.compile(r"(?i:foo)bar?")) == ("ba",)  # what case-insensitive parts hold is not sure


def test_no_needles_where_a_match_may_hold_no_literal() -> None:
    for pattern in (r"\d+", r"a*", r"(?:ab)?c?", r"foo|\w+", r"(?i)foo", r"(?<=abc)\s"):
        assert find_needles(re.compile(pattern)) is None, pattern
    assert may_match("anything", None)


def _patterns() -> list[re.Pattern[str]]:
    guarded = [v.compiled for v in vars(_grammar).values() if isinstance(v, Guarded)]
    guarded += [p.compiled for p, _ in _grammar.SPLIT_STANCES_AR]
    cues = [p for cues in event._CUES.values() for p, _, _ in cues]
    return guarded + cues


_PATTERNS = _patterns()
# Words the patterns are written with (and their needles), so that random texts often match.
_WORDS = sorted({w for p in _PATTERNS for w in re.findall(r"[\u0621-\u064a]+|[a-z]+", p.pattern)}
                | {n for p in _PATTERNS for n in (find_needles(p) or ())} | {"و", "ال", "مع", "،", ".", "x"})


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from([" ", "", "  "]))
def test_a_match_holds_a_needle(words: list[str], sep: str) -> None:
    text = sep.join(words)
    for pattern in _PATTERNS:
        if pattern.search(text) is not None:
            assert may_match(text, find_needles(pattern)), (pattern.pattern, text)
