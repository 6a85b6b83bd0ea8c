"""Load an input for rendering or archiving: a summary file, or a release extracted on the way in."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..read.summaries import STDIN, is_summary_path, read_summary
from ..summary.model import Summary

SHOWN_ITEMS = 5  # review items named in the warning; `briefing review list` on the extracted summary lists all


@dataclass(frozen=True)
class LoadedInput:
    """A summary read from a file, or extracted from a release, with what needs review."""

    name: str
    summary: Summary
    warnings: tuple[str, ...] = field(default=())


def load_input(name: str | Path, *, terms: Sequence[Path] = (), date: dt.date | None = None) -> LoadedInput:
    """Read a summary, or read and extract a release (warning about what a person should check)."""
    label = "<stdin>" if str(name) == STDIN else str(name)
    if is_summary_path(name):
        return LoadedInput(label, read_summary(name, terms=terms))
    from ..base.errors import BriefingError, InputError
    from ..extract import extract_summary
    from ..read.sources import read_release
    from ..summary.review import open_items
    from ..terms import load_terms
    from ..translate import fill_translations

    release = read_release(name)
    term_base = load_terms(tuple(terms))
    try:
        extraction = extract_summary(release, date=date, terms=term_base)
    except BriefingError:
        raise
    except (ValueError, LookupError, RecursionError) as error:  # an extractor bug on odd text: one line, as `extract` says
        first = (str(error).splitlines() or [""])[0]
        raise InputError(f"extraction failed ({error.__class__.__name__}: {first})", file=label) from None
    summary = fill_translations(extraction.summary, terms=term_base)
    warnings = list(extraction.warnings)
    # facts and filled translations first; an agenda label glossed by its topic's name matters least
    review = sorted((str(item) for item in open_items(summary)), key=lambda line: line.startswith("agenda["))
    if review:
        more = f"; and {len(review) - SHOWN_ITEMS} more" if len(review) > SHOWN_ITEMS else ""
        warnings.append("extracted from a release; check before it goes out: " + "; ".join(review[:SHOWN_ITEMS]) + more)
    else:
        warnings.append("extracted from a release; check the facts before it goes out")
    return LoadedInput(label, summary, tuple(warnings))


def reading_workers(names: Sequence[str], workers: int | None = None) -> int | None:
    """Return the workers to load these inputs with: this process alone when standard input is one (a worker's is /dev/null)."""
    return 1 if STDIN in names else workers
