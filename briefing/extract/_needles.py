"""Literal needles of a pattern: strings one of which each match contains, a cheap check before the search."""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterator
from typing import Any

# The parse tree `re` compiles from (no public API; the module is there since Python 3.11). Without it
# no pattern has needles: every search runs, as before.
try:
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python that moved it
    _parser = None
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def find_needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Return strings one of which every match of `pattern` contains, or None when none are found.

    Only what a match consumes counts (literals in sequence, every branch of an alternation, a repeat
    taken at least once); look-arounds, classes and case-insensitive parts give nothing.
    """
    if _parser is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern the parser reads differently: no needles, no shortcut
        return None
    found = _of_sequence(list(tree))
    if not found:
        return None
    return tuple(sorted(n for n in found if not any(m != n and m in n for m in found)))


def may_match(text: str, needles: tuple[str, ...] | None) -> bool:
    """Tell whether a pattern with these needles can match in `text` (True when it has none)."""
    return needles is None or any(map(text.__contains__, needles))


class Guarded:
    """A compiled pattern that answers "no match" at once for a text holding none of its needles."""

    __slots__ = ("compiled", "needles")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        self.compiled = compiled
        self.needles = find_needles(compiled)

    @property
    def pattern(self) -> str:
        """The pattern's source."""
        return self.compiled.pattern

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return `re.Pattern.search`'s answer."""
        return self.compiled.search(string, pos, endpos) if may_match(string, self.needles) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return `re.Pattern.match`'s answer."""
        return self.compiled.match(string, pos, endpos) if may_match(string, self.needles) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Return `re.Pattern.finditer`'s answer."""
        return self.compiled.finditer(string, pos, endpos) if may_match(string, self.needles) else iter(())


def _of_sequence(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best needles of a sequence: its longest literal run, or the best needles of one of its items."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if str(op) == "LITERAL":
            run.append(chr(av))
            continue
        if run:
            candidates.append(frozenset(["".join(run)]))
            run = []
        found = _of_item(str(op), av)
        if found:
            candidates.append(found)
    if run:
        candidates.append(frozenset(["".join(run)]))
    return max(candidates, key=_strength, default=None)


def _of_item(op: str, av: Any) -> frozenset[str] | None:
    """The needles of one item of a sequence: a group, an alternation or a repeat."""
    if op == "SUBPATTERN":
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _of_sequence(list(sub))
    if op == "ATOMIC_GROUP":
        return _of_sequence(list(av))
    if op == "BRANCH":
        union: set[str] = set()
        for branch in av[1]:
            found = _of_sequence(list(branch))
            if not found:
                return None
            union |= found
        return frozenset(union)
    if op in _REPEATS:
        low, _high, sub = av
        return _of_sequence(list(sub)) if low >= 1 else None
    return None


def _strength(needles: frozenset[str]) -> tuple[int, int]:
    """Longer shortest needle first, then fewer needles."""
    return min(map(len, needles)), -len(needles)
