"""The extractor's view of the term base: matching, person look-up, countries, cue attributes."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..terms.normalise import tokenise
from ._grammar import COMMON_GIVEN_NAMES, NAME_JOINERS


class Lexicon:
    """Wraps a TermBase (or nothing) with the look-ups the extractor needs, computed once."""

    def __init__(self, terms: Any = None) -> None:
        self.terms = terms
        self._adjective: dict[str, str | None] = {}
        self._people: dict[str, list[tuple[Any, frozenset[str]]]] = {}
        self._all: dict[str, set[str]] = {}  # every name word a person is written with
        self._deletes: dict[str, set[str]] = {}  # a name word less one letter -> the words (spelling variants)
        if terms is not None:
            for term in terms.entries("person"):
                for surface in term.surfaces("ar") + term.surfaces("en"):
                    words = frozenset(t.norm for t in tokenise(surface)) - NAME_JOINERS
                    self._all.setdefault(term.key, set()).update(words)
                    for word in words - COMMON_GIVEN_NAMES:
                        self._people.setdefault(word, []).append((term, words))
                        for variant in _one_less(word):
                            self._deletes.setdefault(variant, set()).add(word)
        self._words = {w for words in self._all.values() for w in words}  # every name word of the term base
        self.common_ar = self._common_words_ar()

    def _common_words_ar(self) -> frozenset[str]:
        """Arabic nouns with the article that the cue vocabulary uses ("العلاقات", "الجهود"): never part of a name."""
        if self.terms is None:
            return frozenset()
        named = set(self._words)
        for kind in ("title", "organisation", "city", "country", "epithet", "honorific"):
            for term in self.terms.entries(kind):
                named.update(t.norm for s in term.surfaces("ar") for t in tokenise(s))
        words = {t.norm for kind in ("topic", "stance", "followup", "event") for term in self.terms.entries(kind)
                 for s in term.surfaces("ar") for t in tokenise(s)}
        return frozenset(w for w in words if w.startswith("ال") and len(w) > 4 and w not in named)

    def match(self, text: str, lang: str, kinds: tuple[str, ...], tokens: Any = None) -> list[Any]:
        """Longest non-overlapping term matches of the given kinds (`tokens`: the text's, when known)."""
        if self.terms is None or not text:
            return []
        return self.terms.match(text, lang, kinds=list(kinds), tokens=tokens)

    def match_tokens(self, text: str, lang: str, kinds: tuple[str, ...], tokens: Any = None,
                     between: Any = None) -> list[tuple[int, int, Any]]:
        """The matches of `match`, each with the index of its first token and its number of tokens (`tokens` and
        `between`: the text's tokens and the gaps between them, when known)."""
        if self.terms is None or not text:
            return []
        return self.terms.match_tokens(text, lang, kinds=kinds, tokens=tokens, between=between)

    def lookup(self, surface: str, lang: str, kind: str | None = None) -> Any:
        """The term written as `surface`, or None."""
        if self.terms is None:
            return None
        return self.terms.lookup(surface, lang, kind)

    def get(self, kind: str, key: str) -> Any:
        """The term of a kind and key, or None."""
        return None if self.terms is None else self.terms.get(kind, key)

    def entries(self, kind: str) -> list[Any]:
        """Every term of a kind."""
        return [] if self.terms is None else self.terms.entries(kind)

    def find_person(self, name_norm: tuple[str, ...]) -> Any:
        """A person of the term base whose distinctive name words all appear in `name_norm`."""
        words = frozenset(name_norm) - NAME_JOINERS
        best, best_size = None, 0
        for word in words - COMMON_GIVEN_NAMES:
            for term, needed in self._people.get(word, ()):
                if len(needed) >= 2 and needed <= words and len(needed) > best_size and words <= self._all[term.key]:
                    best, best_size = term, len(needed)
        return best

    def find_similar_person(self, name_norm: tuple[str, ...]) -> Any:
        """A person of the term base whose name differs from `name_norm` by one letter in one word
        ("أنتوني بلينكين" for «أنتوني بلينكن», "Tokaev" for "Tokayev"); None when not exactly one."""
        words = [w for w in dict.fromkeys(name_norm) if w not in NAME_JOINERS]
        if len(words) < 2:
            return None
        found: dict[str, Any] = {}
        for word in words:
            for near in self._near(word) - {word}:
                for term, _ in self._people.get(near, ()):
                    known = self._all[term.key]
                    exact = [w for w in words if w in known]
                    if exact and all(w in known or self._near(w) & known for w in words):
                        found[term.key] = term
        return next(iter(found.values())) if len(found) == 1 else None

    def _near(self, word: str) -> set[str]:
        """Name words of the term base within one letter of `word` (deleted, added or changed)."""
        if len(word) < 4:
            return set()
        out = set(self._deletes.get(word, ()))
        for variant in _one_less(word):
            out |= self._deletes.get(variant, set())
            if variant in self._words:
                out.add(variant)
        return out

    def adjective_country(self, norm: str) -> str | None:
        """ISO code for a nationality adjective ("الإيطالي" → IT) read off country names."""
        if norm in self._adjective:
            return self._adjective[norm]
        code = None
        if self.terms is not None and norm.startswith("ال") and len(norm) > 5:
            for ending in ("يين", "يون", "يه", "ي"):
                if norm.endswith(ending):
                    stem = norm[2:-len(ending)]
                    for candidate in (stem, "ال" + stem, stem + "ا", stem + "يا", stem + "يه", stem + "ستان"):
                        term = self.terms.lookup(candidate, "ar", "country")
                        if term is not None:
                            code = country_code(term)
                            break
                    break
        self._adjective[norm] = code
        return code


def _one_less(word: str) -> set[str]:
    """The word with one letter left out, each way (for matching spellings one letter apart)."""
    return {word[:i] + word[i + 1:] for i in range(len(word))} if len(word) >= 4 else set()


def country_code(term: Any) -> str:
    """The ISO (or organisation) code of a country term."""
    code = term.attrs.get("iso") or term.attrs.get("code") or term.key
    return str(code).upper()


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The shipped term base, loaded once per process (empty if it cannot be loaded)."""
    try:
        from ..terms import load_terms
    except ImportError:
        return Lexicon(None)
    return Lexicon(load_terms())


def lexicon_for(terms: Any) -> Lexicon:
    """A Lexicon for a TermBase given by the caller (cached on identity), or the default."""
    if terms is None:
        return default_lexicon()
    if isinstance(terms, Lexicon):
        return terms
    cached = _BY_ID.get(id(terms))
    if cached is None or cached.terms is not terms:
        cached = _BY_ID[id(terms)] = Lexicon(terms)
    return cached


_BY_ID: dict[int, Lexicon] = {}
