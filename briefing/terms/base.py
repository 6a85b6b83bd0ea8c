"""The term and match records of the term base."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple


@dataclass(frozen=True)
class Term:
    """One entry of the term base: a country, person, title, cue phrase ... in both languages."""

    kind: str
    key: str
    ar: str
    en: str
    variants_ar: tuple[str, ...] = ()
    variants_en: tuple[str, ...] = ()
    attrs: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def surfaces(self, lang: str) -> tuple[str, ...]:
        """Return the name and its variants in one language, name first."""
        if lang == "ar":
            return ((self.ar,) if self.ar else ()) + self.variants_ar
        return ((self.en,) if self.en else ()) + self.variants_en

    def __hash__(self) -> int:
        return hash((self.kind, self.key))


class Match(NamedTuple):
    """A term found in a text; offsets are into the original text, surface is text[start:end].

    A named tuple: the scanner makes one per term found, and a tuple is made at C speed.
    """

    term: Term
    start: int
    end: int
    surface: str
    alternatives: tuple[Term, ...] = ()  # other terms (of any kind) written the same way, best first
