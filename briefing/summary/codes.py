"""Participant country codes: ISO 3166-1 alpha-2 (CLDR, through Babel) or an organisation of the term base."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from functools import cache
from pathlib import Path


@cache
def iso_countries() -> frozenset[str]:
    """Return the ISO 3166-1 alpha-2 codes CLDR names: the keys of the shipped countries.tsv, written from Babel's
    CLDR (a test keeps them equal; reading the file costs ~5 ms, loading Babel's locale data ~0.2 s a run)."""
    from ..terms import DATA_DIR
    from ..terms._read import read_rows

    return frozenset(row.key for row in read_rows(DATA_DIR / "countries.tsv") if row.kind == "country")


def organisations(terms: Sequence[Path] = ()) -> dict[str, str]:
    """Return the organisations of the term base: upper-case acronym -> key as written there.

    Read from the term files' rows, not from a built term base: building its index costs ~0.4 s,
    and every summary naming an organisation (ISDB, UN) passes through here.
    """
    from ..terms._read import read_rows

    rows = [*_shipped_organisations(), *(row for path in terms for row in read_rows(Path(path)))]
    return {row.key.upper(): row.key for row in rows if row.kind == "organisation"}


@cache
def _shipped_organisations() -> tuple:
    from ..terms import DATA_DIR
    from ..terms._read import read_rows

    return tuple(read_rows(DATA_DIR / "organisations.tsv"))


def is_known(code: str, terms: Sequence[Path] = ()) -> bool:
    """Tell whether `code` is a country (ISO 3166-1) or an organisation of the term base."""
    return code in iso_countries() or code.upper() in organisations(terms)


def suggest(code: str, terms: Sequence[Path] = ()) -> str | None:
    """Return the code `code` most likely means: KSA -> SA, SYR -> SY, UK -> GB, a close spelling."""
    from babel.core import get_global

    from ..terms import load_terms

    aliases = get_global("territory_aliases").get(code.upper())
    if aliases and aliases[0] in iso_countries():
        return aliases[0]
    base = load_terms(tuple(terms))
    for match in base.match(code, "en", kinds=("country", "organisation")):
        if match.start == 0 and match.end == len(code):
            return match.term.key
    known = sorted(iso_countries() | set(organisations(terms)))
    close = difflib.get_close_matches(code.upper(), known, n=1, cutoff=0.6)
    return close[0] if close else None
