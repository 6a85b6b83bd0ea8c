"""The term base: a trie of normalised words, scanned for longest matches."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache, partial
from itertools import compress
from operator import itemgetter

from .base import Match, Term
from .normalise import Token, _letter_end, tokenise

# A gap between two words that a multi-word term may not span.
_HARD_GAP = re.compile(r"[\n\r,،؛;:!?()\[\]{}«»\"“”|؟]")
_SOFT = frozenset({"", " ", "  ", "-", " - ", "/", "/ "})
_CLITIC_1 = "وف"
_CLITIC_2 = "بلك"
_new_match = partial(tuple.__new__, Match)  # Match(...) without the named tuple's Python-level __new__


def _is_arabic(word: str) -> bool:
    """Tell whether a normalised word starts with an Arabic letter."""
    return "\u0600" <= word[0] <= "\u06ff"


@lru_cache(maxsize=1 << 16)
def _forms(word: str) -> tuple[tuple[str, int, int], ...]:
    """Return (form, cost, letters to skip) for a word and its proclitic-stripped readings."""
    out = [(word, 0, 0)]
    if not _is_arabic(word):
        return tuple(out)
    bases = [(word, 0)]
    if word[0] in _CLITIC_1 and len(word) > 3:
        bases.append((word[1:], 1))
        out.append((word[1:], 1, 1))
    for base, cost in bases:
        if base.startswith("لل") and len(base) > 3:
            out.append(("ال" + base[2:], cost + 1, cost))
        elif base[0] in _CLITIC_2 and len(base) > 3:
            out.append((base[1:], cost + 1, cost + 1))
    return tuple(out)


def _hard_gaps(text: str, tokens: Sequence[Token], between: Sequence[str] | None = None) -> list[bool]:
    """For each word, tell whether a term may not continue to the next one (`between`: `gaps_between`'s, if known)."""
    between = gaps_between(text, tokens) if between is None else between
    gaps = [False] * len(between)
    for i in compress(range(len(between)), map(" ".__ne__, between)):  # most gaps are one space: soft
        gap = between[i]
        gaps[i] = gap not in _SOFT and (_HARD_GAP.search(gap) is not None or ("." in gap and len(tokens[i].norm) > 1))
    gaps.append(True)
    return gaps


def gaps_between(text: str, tokens: Sequence[Token]) -> list[str]:
    """The text between each word and the next (one fewer than the words)."""
    return list(map(text.__getitem__, map(slice, map(itemgetter(2), tokens[:-1]), map(itemgetter(1), tokens[1:]))))


class _Node:
    """A trie node: the next words, and the (rank, term) of surfaces that end here, in file order."""

    __slots__ = ("by_kinds", "children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: list[tuple[int, Term]] = []
        self.by_kinds: dict[frozenset[str], list[tuple[int, Term]]] = {}  # ends of some kinds, once asked for

    def kinds_below(self) -> set[str]:
        """The kinds of the terms that end here or further down."""
        found = {term.kind for _, term in self.ends}
        for child in self.children.values():
            found |= child.kinds_below()
        return found

    def ends_of(self, kinds: frozenset[str]) -> list[tuple[int, Term]]:
        """The surfaces that end here with a term of one of these kinds (remembered per set of kinds)."""
        found = self.by_kinds.get(kinds)
        if found is None:
            found = self.by_kinds[kinds] = [e for e in self.ends if e[1].kind in kinds]
        return found

    def add(self, words: tuple[str, ...], term: Term, rank: int) -> None:
        """Add one spelled-out surface."""
        node = self
        for word in words:
            node = node.children.setdefault(word, _Node())
        node.ends.append((rank, term))


class TermBase:
    """Bilingual terms with a longest-match scanner over normalised words."""

    def __init__(self, terms: Iterable[tuple[Term, int]]) -> None:
        self._terms: dict[tuple[str, str], Term] = {}
        self._by_kind: dict[str, list[Term]] = {}
        self._tries: dict[str, _Node] = {"ar": _Node(), "en": _Node()}
        # (language, kinds or None for all) -> word -> the readings of it that begin a term of those kinds (`_firsts`)
        self._begins: dict[tuple[str, frozenset[str] | None], dict[str, tuple[tuple[_Node, int, int], ...]]] = {}
        for term, rank in terms:
            self._terms[(term.kind, term.key)] = term
            self._by_kind.setdefault(term.kind, []).append(term)
            for lang, trie in self._tries.items():
                seen: set[tuple[str, ...]] = set()
                for surface in term.surfaces(lang):
                    words = tuple(t.norm for t in tokenise(surface))
                    if words and words not in seen:
                        seen.add(words)
                        trie.add(words, term, rank)
        # The kinds of the terms each first word begins: a match of some kinds skips the words that begin none.
        self._first_kinds = {lang: {word: frozenset(node.kinds_below()) for word, node in trie.children.items()}
                             for lang, trie in self._tries.items()}

    def get(self, kind: str, key: str) -> Term | None:
        """Return the term of this kind and key, if any."""
        return self._terms.get((kind, key))

    def entries(self, kind: str) -> list[Term]:
        """Return every term of one kind, in file order."""
        return list(self._by_kind.get(kind, ()))

    def kinds(self) -> list[str]:
        """Return the kinds that have terms."""
        return sorted(self._by_kind)

    def _best(
        self, tokens: Sequence[Token], gaps: Sequence[bool], i: int, kinds: frozenset[str] | None,
        firsts: tuple[tuple[_Node, int, int], ...],
    ) -> tuple[int, int, int, list[Term]] | None:
        """Return (words, cost, skip, terms) of the longest term starting at word i, best first.

        Each reading of the first word (proclitics stripped) that begins a term, as `_firsts` gives them, is walked
        down the trie of surfaces; the longest match wins, then the cheapest reading, then the term's rank.
        """
        best: tuple[int, int] | None = None
        found: list[tuple[int, Term]] = []
        skip_best = 0
        n = len(tokens)
        for first, cost, skip in firsts:
            node: _Node | None = first
            depth, hit = 1, None
            while node is not None:
                ends = node.ends if kinds is None or not node.ends else node.ends_of(kinds)
                if ends:
                    hit = (depth, ends)
                if i + depth >= n or gaps[i + depth - 1]:
                    break
                node = node.children.get(tokens[i + depth].norm)
                depth += 1
            if hit is None:
                continue
            score = (hit[0], -cost)
            if best is None or score > best:
                best, found, skip_best = score, list(hit[1]), skip
            elif score == best:
                found.extend(hit[1])
        if best is None:
            return None
        if len(found) == 1:
            return best[0], -best[1], skip_best, [found[0][1]]
        found.sort(key=lambda rt: -rt[0])
        terms: list[Term] = []
        for _, term in found:
            if term not in terms:
                terms.append(term)
        return best[0], -best[1], skip_best, terms

    def match(self, text: str, lang: str, kinds: Iterable[str] | None = None,
              tokens: Sequence[Token] | None = None) -> list[Match]:
        """Find all non-overlapping longest matches in text order (Arabic tolerant of proclitics).

        `tokens` are the text's tokens when the caller has them already (`tokenise(text)`).
        """
        return [m for _, _, m in self.match_tokens(text, lang, kinds, tokens)]

    def match_tokens(self, text: str, lang: str, kinds: Iterable[str] | None = None,
                     tokens: Sequence[Token] | None = None,
                     between: Sequence[str] | None = None) -> list[tuple[int, int, Match]]:
        """The matches of `match`, each with the index of its first token and its number of tokens.

        `between` is `gaps_between(text, tokens)` when the caller has it already.
        """
        tokens = tokenise(text) if tokens is None else tokens
        wanted = frozenset(kinds) if kinds is not None else None
        # The words some term (of those kinds) begins with, or a reading of them without proclitics: most words are not.
        known = self._begins.get((lang, wanted))
        if known is None:
            known = self._begins[(lang, wanted)] = {}
        begins = list(map(known.get, map(itemgetter(0), tokens)))  # None: not looked at yet; (): begins none
        if None in begins:
            for i, begin in enumerate(begins):
                if begin is None:
                    begins[i] = self._firsts(tokens[i].norm, lang, wanted, known)
        starts = list(compress(range(len(tokens)), begins))
        if not starts:
            return []
        gaps = _hard_gaps(text, tokens, between)
        out: list[tuple[int, int, Match]] = []
        after, n = 0, len(tokens)  # after: the first token not inside the last match
        for i in starts:
            if i < after:
                continue
            firsts = begins[i] or ()
            if len(firsts) == 1 and not (node := firsts[0][0]).ends and (
                    i + 1 == n or gaps[i] or tokens[i + 1].norm not in node.children):
                continue  # "the", "and": one reading, no term of one word, and the next word goes on none of theirs
            hit = self._best(tokens, gaps, i, wanted, firsts)
            if hit is None:
                continue
            size, _cost, skip, terms = hit
            first = tokens[i]
            start = first.start + (_letter_end(text[first.start : first.end], skip) if skip else 0)
            end = tokens[i + size - 1].end
            out.append((i, size, _new_match((terms[0], start, end, text[start:end], tuple(terms[1:])))))
            after = i + size
        return out

    def _firsts(self, word: str, lang: str, kinds: frozenset[str] | None,
                known: dict[str, tuple[tuple[_Node, int, int], ...]]) -> tuple[tuple[_Node, int, int], ...]:
        """The readings of `word` (itself, or without proclitics) that begin a term (of `kinds`), as (trie node, cost,
        letters to skip); empty when none does. Remembered in `known`, up to a bound."""
        root, first_kinds = self._tries[lang].children, self._first_kinds[lang]
        found = tuple((root[form], cost, skip) for form, cost, skip in _forms(word)
                      if form in root and (kinds is None or not kinds.isdisjoint(first_kinds[form])))
        if len(known) < 1 << 17:
            known[word] = found
        return found

    def lookup(self, surface: str, lang: str, kind: str | None = None) -> Term | None:
        """Return the term written exactly as `surface` (normalised; proclitics allowed), if any."""
        tokens = tokenise(surface)
        if not tokens:
            return None
        gaps = [False] * (len(tokens) - 1) + [True]
        kinds = frozenset([kind]) if kind else None
        hit = self._best(tokens, gaps, 0, kinds, self._firsts(tokens[0].norm, lang, kinds, {}))
        if hit is None or hit[0] != len(tokens):
            return None
        return hit[3][0]
