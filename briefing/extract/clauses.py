"""Helpers over a tagged sentence: cues of a kind, token positions, normalised words with offsets."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import itemgetter
from typing import Any

from .mentions import Tagged

TRIM = " ،,.؛;:-–\"«»"
TAIL = re.compile(r"(?:[\s،,;]+(?:و|and|or|ثم))+[\s،,;]*$")


def clause(text: str) -> str:
    """A clause without edge punctuation or a dangling "و"/"and"."""
    return TAIL.sub("", text.strip(TRIM)).strip(TRIM)


def joined_words(tagged: Tagged) -> tuple[str, list[int]]:
    """The sentence as normalised words joined by spaces, with each word's offset (cached)."""
    if tagged.joined is not None:
        return tagged.joined
    norms = list(map(itemgetter(0), tagged.tokens))
    starts = list(accumulate(map((1).__add__, map(len, norms)), initial=0))[:-1]  # each word and its space
    tagged.joined = (" ".join(norms) + " ", starts)
    return tagged.joined


def char_span(tagged: Tagged, starts: list[int], joined: str, a: int, b: int) -> tuple[int, int]:
    """Map a span of the joined normalised words back to the original sentence."""
    while a < b and joined[a] == " ":
        a += 1
    first, last = index_at(starts, a), index_at(starts, max(b - 1, a))
    return tagged.tokens[first].start, tagged.tokens[last].end


def index_at(starts: list[int], offset: int) -> int:
    """The last word starting at or before `offset` (the first word when none does)."""
    return max(0, bisect_right(starts, offset) - 1)


def gap_tokens(tagged: Tagged, a: int, b: int) -> int:
    """How many tokens lie within characters a..b (tokens are in text order and do not overlap)."""
    inside_end = bisect_right(tagged.tokens, b, key=itemgetter(2))  # tokens ending by b: a prefix
    from_start = bisect_left(tagged.tokens, a, key=itemgetter(1))  # tokens starting from a: a suffix
    return max(0, inside_end - from_start)


def cues_of(tagged: Tagged, kind: str) -> list[Any]:
    """The term matches of one kind in a sentence, in order (the sentence's matches listed once, then kept)."""
    if tagged.matches is None:
        out, seen = [], set()
        for m in tagged.term_at:
            if m is not None and not isinstance(m, str) and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        tagged.matches = out
    return [m for m in tagged.matches if m.term.kind == kind]


def token_at(tagged: Tagged, char: int) -> int:
    """The first token ending after `char` (the number of tokens when none does)."""
    return bisect_right(tagged.tokens, char, key=itemgetter(2))
