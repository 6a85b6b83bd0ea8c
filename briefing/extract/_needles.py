"""Literal needles of a pattern: strings one of which each match contains, a cheap check before the search."""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Iterable, Iterator
from itertools import compress
from typing import Any, Generic, TypeVar

# The parse tree `re` compiles from (no public API; the module is there since Python 3.11). Without it
# no pattern has needles: every search runs, as before.
try:
    _parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - a Python that moved it
    _parser = None
T = TypeVar("T")
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


# Characters `re` matches case-insensitively to an ASCII letter of another lower case ("İ" and "ı" to "i", "ſ" to
# "s"): a text holding one is always searched. The test derives them from `re` itself.
CASE_EXCEPTIONS = "\u0130\u0131\u017f"
_HAS_CASE_EXCEPTION = re.compile(f"[{CASE_EXCEPTIONS}]")


def find_needles(pattern: re.Pattern[str], *, lower: bool = False) -> tuple[str, ...] | None:
    """Return strings one of which every match of `pattern` contains, or None when none are found.

    Only what a match consumes counts (literals in sequence, every branch of an alternation, a repeat
    taken at least once); look-arounds, classes and case-insensitive parts give nothing. With `lower`,
    the needles are lower-cased, to look for in a lower-cased text (`may_match(..., lower=True)`), and a
    case-insensitive pattern has them too, as long as each of their letters is ASCII or has no case.
    """
    caseless = bool(pattern.flags & re.IGNORECASE)
    if _parser is None or (caseless and not lower):
        return None
    try:
        tree = _parser.parse(pattern.pattern, pattern.flags)
    except Exception:  # noqa: BLE001 - a pattern the parser reads differently: no needles, no shortcut
        return None
    found = _of_sequence(list(tree))
    if found and lower:
        found = frozenset(n.lower() for n in found)
        if not all(c.isascii() or c.lower() == c.upper() == c for n in found for c in n):
            return None  # "é" may be matched by "É": lower() and the exceptions above cover ASCII and caseless letters only
    if not found:
        return None
    return tuple(sorted(n for n in found if not any(m != n and m in n for m in found)))


def may_match(text: str, needles: tuple[str, ...] | None, *, lower: bool = False) -> bool:
    """Tell whether a pattern with these needles can match in `text` (True when it has none); with `lower`,
    needles found with `lower=True`, looked for in the text lower-cased."""
    if needles is None:
        return True
    if lower:
        lowered = _lowered(text)
        if lowered is None:
            return True
        text = lowered
    return any(map(text.__contains__, needles))


def _lowered(text: str) -> str | None:
    """The text lower-cased, to look for lower-cased needles in; None when it holds a case exception (search it all)."""
    if not text.isascii() and _HAS_CASE_EXCEPTION.search(text) is not None:
        return None
    return text.lower()


class Guarded:
    """A compiled pattern that answers "no match" at once for a text holding none of its needles (a
    case-insensitive pattern's needles are looked for in the text lower-cased)."""

    __slots__ = ("compiled", "lower", "needles")

    def __init__(self, compiled: re.Pattern[str]) -> None:
        caseless = bool(compiled.flags & re.IGNORECASE)
        self.compiled = compiled
        self.needles = find_needles(compiled, lower=caseless)
        self.lower = caseless and any(n.upper() != n for n in self.needles or ())  # ":" has no case: no lower-casing

    @property
    def pattern(self) -> str:
        """The pattern's source."""
        return self.compiled.pattern

    def search(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return `re.Pattern.search`'s answer."""
        return self.compiled.search(string, pos, endpos) if may_match(string, self.needles, lower=self.lower) else None

    def match(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        """Return `re.Pattern.match`'s answer."""
        return self.compiled.match(string, pos, endpos) if may_match(string, self.needles, lower=self.lower) else None

    def finditer(self, string: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        """Return `re.Pattern.finditer`'s answer."""
        return self.compiled.finditer(string, pos, endpos) if may_match(string, self.needles, lower=self.lower) else iter(())


class GuardedSet(Generic[T]):
    """Guarded patterns, each with a value, looked for together: one pass over all their needles tells which
    of them may match a text (most sentences hold the needles of none)."""

    __slots__ = ("_always", "_lower", "_raw", "items")

    def __init__(self, items: Iterable[tuple[Guarded, T]]) -> None:
        self.items = tuple(items)
        self._always = frozenset(k for k, (g, _) in enumerate(self.items) if g.needles is None)
        self._raw = self._needles(lower=False)
        self._lower = self._needles(lower=True)

    def _needles(self, *, lower: bool) -> tuple[tuple[str, ...], tuple[int, ...]]:
        """Every needle of the patterns looked for in the text as it is (or lower-cased), with its pattern's index."""
        pairs = [(n, k) for k, (g, _) in enumerate(self.items) if g.lower == lower for n in g.needles or ()]
        return tuple(n for n, _ in pairs), tuple(k for _, k in pairs)

    def indexes(self, text: str) -> list[int]:
        """The indexes, in order, of the patterns that may match `text`."""
        found = set(self._always)
        needles, owners = self._raw
        found.update(compress(owners, map(text.__contains__, needles)))
        needles, owners = self._lower
        if needles:
            lowered = _lowered(text)
            found.update(owners if lowered is None else compress(owners, map(lowered.__contains__, needles)))
        return sorted(found)

    def which(self, text: str) -> list[tuple[re.Pattern[str], T]]:
        """The patterns (compiled) that may match `text`, in order, each with its value."""
        return [(self.items[k][0].compiled, self.items[k][1]) for k in self.indexes(text)]


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
