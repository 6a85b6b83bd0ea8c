"""A translation memory of accepted summaries: exact and fuzzy matches (rapidfuzz), names and numbers carried over."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..summary.model import UNCHECKED_ORIGINS, Summary
from .formulae import SLOT_KINDS, fold
from .sides import text_sides

FUZZY_CUTOFF = 75.0  # below this a match is no help to a translator
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True)
class Segment:
    """One accepted pair: the text in each language and where it came from."""

    ar: str
    en: str
    origin: str

    def get(self, lang: str) -> str:
        """Return the side in `lang`."""
        return self.ar if lang == "ar" else self.en


@dataclass(frozen=True)
class Suggestion:
    """A TM match for a source text: the translation (names and numbers carried over) and its score."""

    text: str
    score: float
    segment: Segment


@dataclass
class Memory:
    """Accepted segments indexed for look-up in each direction."""

    segments: list[Segment] = field(default_factory=list)
    terms: Any = None
    _keys: dict[str, list[str]] = field(default_factory=lambda: {"ar": [], "en": []})

    def add(self, ar: str, en: str, origin: str) -> None:
        """Add one pair (a pair already held is not added twice)."""
        segment = Segment(ar, en, origin)
        if any(s.ar == ar and s.en == en for s in self.segments):
            return
        self.segments.append(segment)
        for lang in ("ar", "en"):
            self._keys[lang].append(mask(segment.get(lang), lang, self.terms)[0])

    def __len__(self) -> int:
        return len(self.segments)

    def lookup(self, text: str, src: str, *, limit: int = 3, cutoff: float = FUZZY_CUTOFF) -> list[Suggestion]:
        """Return up to `limit` suggestions for `text` (language `src`), best first."""
        from rapidfuzz import fuzz, process

        if not self.segments:
            return []
        key, slots = mask(text, src, self.terms)
        found = process.extract(key, self._keys[src], scorer=fuzz.ratio, limit=limit * 3, score_cutoff=cutoff)
        out: list[Suggestion] = []
        seen: set[str] = set()
        for _key, score, index in sorted(found, key=lambda f: (-f[1], f[2])):
            segment = self.segments[index]
            translated = carry_over(segment, src, slots, self.terms)
            if translated is None or translated in seen:
                continue
            if fold(segment.get(src), src) == fold(text, src):
                score = 100.0
            elif score >= 100.0:
                score = 99.0  # same words, other names or numbers: carried over, not identical
            seen.add(translated)
            out.append(Suggestion(translated, round(float(score), 1), segment))
            if len(out) == limit:
                break
        return [s for s in out if s.text]


def mask(text: str, lang: str, terms: Any) -> tuple[str, list[tuple[str, Any]]]:
    """Return the folded text with names and numbers replaced by placeholders, and what was replaced."""
    slots: list[tuple[str, Any]] = []
    pieces: list[str] = []
    last = 0
    spans: list[tuple[int, int, str, Any]] = []
    if terms is not None:
        spans = [(m.start, m.end, m.term.kind, m.term) for m in terms.match(text, lang, SLOT_KINDS)]
    spans += [(m.start(), m.end(), "number", m.group()) for m in _NUMBER.finditer(text)
              if not any(s <= m.start() < e for s, e, _k, _t in spans)]
    for start, end, kind, value in sorted(spans, key=lambda s: s[0]):
        pieces.append(text[last:start])
        pieces.append(f" §{kind} ")
        slots.append((kind, value))
        last = end
    pieces.append(text[last:])
    return fold("".join(pieces), lang), slots


def carry_over(segment: Segment, src: str, slots: list[tuple[str, Any]], terms: Any) -> str | None:
    """Return the segment's translation with its names and numbers replaced by the query's; None if they do not line up."""
    dst = "en" if src == "ar" else "ar"
    _key, old = mask(segment.get(src), src, terms)
    target = segment.get(dst)
    if [k for k, _ in old] != [k for k, _ in slots]:
        return None
    for (kind, before), (_kind, after) in zip(old, slots, strict=True):
        if before == after:
            continue
        if kind == "number":
            new, count = re.subn(rf"(?<!\d){re.escape(before)}(?!\d)", after, target, count=1)
        else:
            old_side, new_side = _side(before, dst), _side(after, dst)
            if not old_side or not new_side:
                return None
            new, count = re.subn(re.escape(old_side), new_side, target, count=1)
        if count != 1:
            return None
        target = new
    return target


def _side(term: Any, lang: str) -> str | None:
    return (term.ar if lang == "ar" else term.en) or None


def accepted(summary: Summary) -> bool:
    """Tell whether a person has accepted the summary: `reviewed` is set, or no text side is pending."""
    return summary.reviewed is not None or not any(s.pending for s in text_sides(summary))


def segments_of(summary: Summary) -> list[tuple[str, str]]:
    """Return the (ar, en) pairs of an accepted summary that a person wrote or accepted."""
    pairs = []
    for side in text_sides(summary):
        if side.lang != "en" or side.kind == "name":
            continue
        if side.text.ar is None or side.text.en is None:
            continue
        if summary.reviewed is None and _unchecked(summary, side):
            continue
        pairs.append((side.text.ar, side.text.en))
    return pairs


def _unchecked(summary: Summary, side: Any) -> bool:
    """Tell whether either side of the value was filled by the tool and not yet accepted."""
    from .sides import item_of

    data = summary.model_dump(mode="python")
    item = item_of(data, side.item)
    origin = item.get("origin") or {} if isinstance(item, dict) else {}
    for lang in ("ar", "en"):
        entry = origin.get(f"{side.field}.{lang}")
        if entry is not None and entry["by"] in UNCHECKED_ORIGINS:
            return True
    return False


def build_memory(summaries: Iterable[tuple[str, Summary]], terms: Any = None) -> Memory:
    """Build a TM from (label, summary) pairs, keeping only accepted summaries, in the order given."""
    memory = Memory(terms=terms)
    for label, summary in summaries:
        if not accepted(summary):
            continue
        for ar, en in segments_of(summary):
            memory.add(ar, en, label)
    return memory
