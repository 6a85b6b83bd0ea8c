"""Helpers over a tagged sentence: cues of a kind, token positions, normalised words with offsets."""

from __future__ import annotations

import re
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
    joined, starts, pos = [], [], 0
    for tok in tagged.tokens:
        starts.append(pos)
        joined.append(tok.norm)
        pos += len(tok.norm) + 1
    tagged.joined = (" ".join(joined) + " ", starts)
    return tagged.joined


def char_span(tagged: Tagged, starts: list[int], joined: str, a: int, b: int) -> tuple[int, int]:
    """Map a span of the joined normalised words back to the original sentence."""
    while a < b and joined[a] == " ":
        a += 1
    first, last = index_at(starts, a), index_at(starts, max(b - 1, a))
    return tagged.tokens[first].start, tagged.tokens[last].end


def index_at(starts: list[int], offset: int) -> int:
    i = 0
    while i + 1 < len(starts) and starts[i + 1] <= offset:
        i += 1
    return i


def gap_tokens(tagged: Tagged, a: int, b: int) -> int:
    return sum(1 for t in tagged.tokens if t.start >= a and t.end <= b)


def cues_of(tagged: Tagged, kind: str) -> list[Any]:
    out, seen = [], set()
    for m in tagged.term_at:
        if m is not None and not isinstance(m, str) and m.term.kind == kind and id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out


def token_at(tagged: Tagged, char: int) -> int:
    for i, tok in enumerate(tagged.tokens):
        if tok.end > char:
            return i
    return len(tagged.tokens)
