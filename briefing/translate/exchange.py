"""Export the pending sides of summaries as XLIFF units, and check and apply translations coming back."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypedDict

from ..base.errors import InputError
from .files import SummaryFile, checked
from .formulae import SLOT_KINDS, fold
from .sides import TextSide, pending_sides, set_side
from .xliff import Alternative, Unit, XliffFile


def export_units(files: Sequence[tuple[str, Any]], *, memory: Any = None) -> list[XliffFile]:
    """Return one XLIFF <file> per summary and direction, one unit per pending side (TM matches as alternatives)."""
    out: list[XliffFile] = []
    for original, summary in files:
        by_direction: dict[tuple[str, str], XliffFile] = {}
        for side in pending_sides(summary):
            direction = (side.source_lang, side.lang)
            xf = by_direction.setdefault(direction, XliffFile(original, *direction))
            xf.units.append(Unit(side.key, side.source or "", _notes(side, summary), _alternatives(side, memory)))
        out.extend(by_direction[d] for d in sorted(by_direction, key=lambda d: d != (summary.language, _other(summary.language))))
    return out


def _other(lang: str) -> str:
    return "en" if lang == "ar" else "ar"


def _notes(side: TextSide, summary: Any) -> tuple[str, ...]:
    notes = [f"{side.context}; field {side.key}"]
    title = summary.event.title.get(summary.language) if summary.event.title else None
    if title:
        notes.append(f"event: {title}" + (f" ({summary.event.date.isoformat()})" if summary.event.date else ""))
    if side.sentence is not None:
        notes.append(f"source sentence [{side.sentence}] of the release")
    return tuple(notes)


def _alternatives(side: TextSide, memory: Any) -> tuple[Alternative, ...]:
    if memory is None or not len(memory) or not side.source:
        return ()
    return tuple(Alternative(s.segment.get(side.source_lang), s.text, s.score, f"tm: {s.segment.origin}")
                 for s in memory.lookup(side.source, side.source_lang, limit=3))


def glossary(files: Sequence[tuple[str, Any]], terms: Any) -> list[tuple[str, str, str, str]]:
    """Return the term-base entries (id, kind, ar, en) found in the pending sources, in first-seen order."""
    seen: dict[tuple[str, str], tuple[str, str, str, str]] = {}
    if terms is None:
        return []
    for _original, summary in files:
        for side in pending_sides(summary):
            for m in terms.match(side.source or "", side.source_lang, SLOT_KINDS):
                t = m.term
                if t.ar and t.en and (t.kind, t.key) not in seen:
                    seen[(t.kind, t.key)] = (f"{t.kind}-{t.key}", t.kind, t.ar, t.en)
    return list(seen.values())


class _Where(TypedDict):
    """Where a unit comes from, as InputError's keyword arguments."""

    file: str
    line: int | None
    field: str


@dataclass(frozen=True)
class Translation:
    """A translation to write: which side of which file, and the text."""

    path: Path
    side: TextSide
    text: str


def check_import(xliff: Sequence[XliffFile], name: str, load: Any) -> tuple[dict[Path, SummaryFile], list[Translation], int]:
    """Check every unit against the summaries it came from; return (files, translations, units left empty).

    `load(original)` returns the SummaryFile an XLIFF <file> names. Anything that does not match — an
    unknown file or unit, a changed source, a unit twice, a wrong language pair, a unit without
    <target>, a side filled since the export — raises InputError before anything is written.
    """
    files: dict[Path, SummaryFile] = {}
    todo: list[Translation] = []
    empty = 0
    seen: set[tuple[str, str]] = set()
    for xf in xliff:
        file = load(xf.original)
        files[file.path] = file
        sides = {s.key: s for s in _all_sides(file.summary)}
        for unit in xf.units:
            where: _Where = {"file": name, "line": unit.line, "field": f"unit {unit.id}"}
            if (xf.original, unit.id) in seen:
                raise InputError("the unit appears twice", **where)
            seen.add((xf.original, unit.id))
            side = sides.get(unit.id)
            if side is None:
                raise InputError(f"no such side in {xf.original}", **where, hint="the file does not match the summary")
            if (xf.source_lang, xf.target_lang) != (side.source_lang, side.lang):
                raise InputError(f"language pair {xf.source_lang}->{xf.target_lang} does not match the side "
                                 f"({side.source_lang}->{side.lang})", **where)
            if fold(unit.source, side.source_lang) != fold(side.source or "", side.source_lang):
                raise InputError("the source text differs from the summary's", **where,
                                 hint="the summary or the XLIFF was edited since the export; export again")
            if unit.target is None:
                raise InputError("the unit has no <target>", **where)
            target = unit.target.strip()
            if not target or fold(target, side.lang) == fold(unit.source, side.source_lang):
                empty += 1
                continue
            if not side.pending:
                raise InputError("this side was filled since the export", **where, hint="export again")
            todo.append(Translation(file.path, side, target))
    return files, todo, empty


def _all_sides(summary: Any) -> list[TextSide]:
    from .sides import text_sides

    return text_sides(summary)


def apply_translations(files: dict[Path, SummaryFile], todo: Sequence[Translation], detail: str) -> dict[Path, bytes]:
    """Write the translations into the files' trees (origin `person`, review lines dropped); return the new bytes."""
    by_file: dict[Path, list[Translation]] = {}
    for t in todo:
        by_file.setdefault(t.path, []).append(t)
    out: dict[Path, bytes] = {}
    for path, items in by_file.items():
        file = files[path]
        keys = set()
        for t in items:
            item = set_side(file.tree, t.side, t.text)
            if item is None:
                keys.add(t.side.key)
                continue
            if item.get("origin") is None:
                item["origin"] = {}
            item["origin"][f"{t.side.field}.{t.side.lang}"] = {"by": "person", "detail": detail}
            keys.add(t.side.key)
        review = file.tree.get("review")
        if review is not None:
            for index in reversed(range(len(review))):
                if any(str(review[index]).startswith(f"{key}:") for key in keys):
                    del review[index]
        out[path] = checked(file)
    return out


__all__ = ["apply_translations", "check_import", "export_units", "glossary"]
