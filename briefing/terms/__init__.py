"""Bilingual term base: countries, organisations, people, titles, places and cue phrases."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from ..base.errors import InputError
from ._index import TermBase
from ._read import KINDS, Row, parse_rows, read_rows
from .base import Match, Term
from .normalise import normalise_ar, normalise_en, transliterate_ar

__all__ = [
    "KINDS", "Match", "Term", "TermBase", "load_terms", "normalise_ar", "normalise_en", "transliterate_ar",
    "DATA_FILES",
]

DATA_DIR = Path(__file__).parent / "data"
# Shipped files, in load order: a later file extends or overrides an earlier one.
# Between terms written the same way, the later file wins: a country beats a city (عمان is Oman
# before Amman), a person beats both.
DATA_FILES = (
    "cities.tsv", "countries.tsv", "countries-extra.tsv", "organisations.tsv", "titles.tsv", "honorifics.tsv",
    "epithets.tsv", "persons.tsv", "stances.tsv", "topics.tsv", "followups.tsv", "events.tsv",
)


class _Draft:
    """A term being assembled from one or more rows."""

    def __init__(self, row: Row, rank: int) -> None:
        self.kind, self.key = row.kind, row.key
        self.ar, self.en = row.ar, row.en
        self.variants_ar, self.variants_en = row.variants_ar, row.variants_en
        self.attrs = dict(row.attrs)
        self.rank = rank

    def update(self, row: Row, rank: int) -> None:
        """Apply a later row for the same kind and key: non-empty fields replace, `+` variants add."""
        self.ar = row.ar or self.ar
        self.en = row.en or self.en
        self.variants_ar = _merge(self.variants_ar, row.variants_ar, row.append[0])
        self.variants_en = _merge(self.variants_en, row.variants_en, row.append[1])
        self.attrs.update(row.attrs)
        self.rank = max(self.rank, rank)

    def freeze(self) -> Term:
        """Return the finished term."""
        return Term(self.kind, self.key, self.ar, self.en, self.variants_ar, self.variants_en,
                    MappingProxyType(dict(sorted(self.attrs.items()))))


def _merge(old: tuple[str, ...], new: tuple[str, ...], append: bool) -> tuple[str, ...]:
    if append:
        return old + tuple(v for v in new if v not in old)
    return new or old


def build_terms(files: Sequence[list[Row]]) -> TermBase:
    """Merge parsed files in order (later ones win) into a term base."""
    drafts: dict[tuple[str, str], _Draft] = {}
    for number, rows in enumerate(files):
        for row in rows:
            rank = number * 100_000 - row.line  # later file first; earlier line first within a file
            draft = drafts.get((row.kind, row.key))
            if draft is None:
                if not (row.ar or row.en):
                    raise InputError("a new term needs an Arabic or an English name", file=row.source,
                                     line=row.line, field="ar")
                drafts[(row.kind, row.key)] = _Draft(row, rank)
            else:
                draft.update(row, rank)
    return TermBase((d.freeze(), d.rank) for d in drafts.values())


@lru_cache(maxsize=1)
def _shipped_rows() -> tuple[list[Row], ...]:
    """Parse the data files that ship with the package (once)."""
    return tuple(parse_rows((DATA_DIR / name).read_text(encoding="utf-8"), name) for name in DATA_FILES)


@lru_cache(maxsize=1)
def _default() -> TermBase:
    return build_terms(_shipped_rows())


def load_terms(extra: Sequence[Path] = ()) -> TermBase:
    """Return the shipped term base, extended and overridden by the user's term files in order."""
    if not extra:
        return _default()
    try:
        stamps = tuple((str(Path(p).resolve()), Path(p).stat().st_mtime_ns, Path(p).stat().st_size) for p in extra)
    except OSError:  # a missing file: let read_rows report it with its name
        return build_terms([*_shipped_rows(), *(read_rows(Path(p)) for p in extra)])
    return _extended(tuple(Path(p) for p in extra), stamps)


@lru_cache(maxsize=8)
def _extended(extra: tuple[Path, ...], stamps: tuple[tuple[str, int, int], ...]) -> TermBase:
    """Build the term base with user files once per version of those files (`stamps` is the cache key)."""
    return build_terms([*_shipped_rows(), *(read_rows(p) for p in extra)])


def clear_caches() -> None:
    """Forget the parsed data files and built term bases (after the shipped data changed)."""
    for cached in (_shipped_rows, _default, _extended):
        cached.cache_clear()
