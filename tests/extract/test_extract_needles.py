"""Needles of the grammar's patterns: a text without any of them has no match (the check before each search)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.extract import _grammar, event, followups, statements
from briefing.extract._needles import CASE_EXCEPTIONS, Guarded, GuardedSet, find_needles, may_match


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


def test_a_case_insensitive_pattern_has_lower_cased_needles() -> None:
    thanks = re.compile(r"\b(?:I|we) (?:would like to )?thank\b|\bgrateful\b", re.IGNORECASE)
    assert find_needles(thanks, lower=True) == ("grateful", "thank")
    guarded = Guarded(thanks)
    assert guarded.search("We THANK you") is not None
    assert guarded.search("We are most Grateful") is not None
    assert guarded.search("We welcomed them") is None  # no needle: no search
    assert find_needles(re.compile(r"(?i)café"), lower=True) is None  # "é" has a case: lower() is no sure guide
    assert find_needles(re.compile(r"(?i)\bالوفد\b"), lower=True) == ("الوفد",)  # Arabic letters have none


def test_the_case_exceptions_are_what_re_matches_across_cases() -> None:
    """Every character `re` matches case-insensitively to an ASCII character or to a character of a needle, other
    than those with the same lower case, is one of the exceptions (a text holding one is always searched)."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    found = set()
    for letter in {chr(c) for c in range(128)} | {c for g in _GUARDED for n in (g.needles or ()) for c in n}:
        found |= {m.group() for m in re.finditer(re.escape(letter), everything, re.IGNORECASE) if m.group().lower() != letter.lower()}
    assert found == set(CASE_EXCEPTIONS)
    assert [c for c in everything if len(c.lower()) > 1] == ["\u0130"]  # the one lower() that is two characters


def test_a_text_with_a_case_exception_is_always_searched() -> None:
    kilo = Guarded(re.compile(r"\bkilo\b", re.IGNORECASE))
    assert kilo.search("\u212aILO") is not None  # the Kelvin sign matches "k", and lower() makes it one
    assert Guarded(re.compile(r"(?i)thanks")).search("THANKſ") is not None  # the long s matches "s", lower() keeps it
    assert Guarded(re.compile(r"(?i)\bin turn\b")).search("\u0130N TURN") is not None  # "İ": lower() gives two characters


def test_a_set_of_patterns_tells_which_may_match() -> None:
    phrases = GuardedSet([(Guarded(re.compile(r"\bexpressed (?:his|her) concern")), "concern"),
                          (Guarded(re.compile(r"\bI (?:very much )?hope\b", re.IGNORECASE)), "hope"),
                          (Guarded(re.compile(r"\d{4}")), "year")])  # no needle: always tried
    assert phrases.indexes("They EXPRESSED HER CONCERN") == [2]  # case-sensitive needles, not in this case
    assert phrases.indexes("I very much HOPE so, and expressed her concern") == [0, 1, 2]
    assert [value for _, value in phrases.which("we hope")] == ["hope", "year"]
    assert phrases.indexes("\u0130 hope") == [1, 2]  # a case exception: the case-insensitive patterns are tried


def _guarded(values: Iterable[object]) -> list[Guarded]:
    """The guarded patterns among a module's values, in tuples too."""
    out: list[Guarded] = []
    for value in values:
        if isinstance(value, Guarded):
            out.append(value)
        elif isinstance(value, tuple):
            out += _guarded(value)
        elif isinstance(value, GuardedSet):
            out += _guarded(value.items)
    return out


_GUARDED = _guarded([*vars(_grammar).values(), *vars(event).values(), *vars(statements).values(), *vars(followups).values()])
_PATTERNS = [g.compiled for g in _GUARDED] + [p for cues in event._CUES.values() for p, _, _ in cues]
# Words the patterns are written with (and their needles), so that random texts often match.
_WORDS = sorted({w for p in _PATTERNS for w in re.findall(r"[\u0621-\u064a]+|[A-Za-z]+", p.pattern)}
                | {n for g in _GUARDED for n in (g.needles or ())} | {n for p in _PATTERNS for n in (find_needles(p) or ())}
                | {"و", "ال", "مع", "،", ".", "x", "I", "We", *CASE_EXCEPTIONS})


def test_the_grammar_is_guarded_in_both_languages() -> None:
    assert len([g for g in _GUARDED if g.lower and g.needles]) >= 15  # the English phrases, case-insensitive
    assert len([g for g in _GUARDED if not g.lower and g.needles]) >= 20


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from([" ", "", "  "]),
       st.sampled_from([str, str.upper, str.lower, str.title, str.swapcase]))
def test_a_match_holds_a_needle(words: list[str], sep: str, case: Callable[[str], str]) -> None:
    text = case(sep.join(words))
    for guarded in _GUARDED:
        if guarded.compiled.search(text) is not None:
            assert may_match(text, guarded.needles, lower=guarded.lower), (guarded.pattern, text)
    for pattern in _PATTERNS:
        if pattern.search(text) is not None:
            assert may_match(text, find_needles(pattern)), (pattern.pattern, text)
