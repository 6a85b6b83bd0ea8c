"""Share of text sides still pending translation after `extract` and the fill (formulae, and a TM if given).

The releases are the seed sample, tests/extract/release-en.txt and the English readouts of
tests/extract/corpus/en/dev (each extracted with its publication date, as `make eval` does);
`--heldout` adds the held-out readouts as a separate set. Goals (issue 9): at most 20% of
positions and at most 5% of event titles, places, agenda labels and follow-up `what`s pending.

Usage: python bench/pending_translations.py [--heldout] [--tm FOLDER]... [--show N]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from collections import Counter
from pathlib import Path

from briefing.extract import extract_summary
from briefing.read.sources import read_release
from briefing.terms import load_terms
from briefing.translate import build_memory, fill_translations, text_sides

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "extract" / "corpus" / "en"
# Rows of the table: the kinds of text side, and the goal for each (share still pending).
GOALS = {"position": 0.20, "title": 0.05, "place": 0.05, "agenda": 0.05, "follow_up": 0.05}
OTHERS = ("participant_title", "due", "context", "source_title", "name")


def releases(split: str) -> list[tuple[Path, dt.date | None]]:
    """The releases of one set, with the publication date to extract them with."""
    with (CORPUS / "index.tsv").open(encoding="utf-8") as handle:
        dates = {row["id"]: dt.date.fromisoformat(row["published"]) for row in csv.DictReader(handle, delimiter="\t")}
    found = sorted((CORPUS / split).glob("*.txt"))
    items = [(p, dates.get(p.stem)) for p in found]
    if split == "dev":
        items = [(ROOT / "samples" / "release-ar.txt", None), (ROOT / "tests" / "extract" / "release-en.txt", None), *items]
    return items


def measure(items: list[tuple[Path, dt.date | None]], terms, memory) -> tuple[Counter, Counter, list]:  # noqa: ANN001
    """Extract and fill each release; count text sides and pending sides (translation direction only)."""
    total: Counter[str] = Counter()
    pending: Counter[str] = Counter()
    filled = []
    for path, date in items:
        summary = extract_summary(read_release(path), date=date, terms=terms).summary
        summary = fill_translations(summary, terms=terms, memory=memory)
        other = "en" if summary.language == "ar" else "ar"
        for side in text_sides(summary):
            if side.lang != other:
                continue
            total[side.kind] += 1
            if side.pending:
                pending[side.kind] += 1
            else:
                item = summary.model_dump(mode="python")
                origin = _origin(item, side)
                if origin in ("formula", "tm"):
                    filled.append((path.name, side.kind, origin, side.source, side.text.get(side.lang)))
    return total, pending, filled


def _origin(data: dict, side) -> str | None:  # noqa: ANN001
    from briefing.translate.sides import item_of

    item = item_of(data, side.item)
    origin = (item.get("origin") or {}) if side.field else {}
    entry = origin.get(f"{side.field}.{side.lang}")
    return entry["by"].value if entry else None


def report(name: str, total: Counter, pending: Counter) -> bool:
    """Print one set's table; return whether every goal is met."""
    print(f"\n{name}")
    print(f"{'text side':<20}{'pending':>9}{'of':>6}{'share':>9}{'goal':>8}")
    met = True
    for kind in [*GOALS, *OTHERS]:
        if not total[kind]:
            continue
        share = pending[kind] / total[kind]
        goal = GOALS.get(kind)
        ok = goal is None or share <= goal
        met &= ok
        mark = f"{goal:>7.0%}{'' if ok else ' !'}" if goal is not None else "       -"
        print(f"{kind:<20}{pending[kind]:>9}{total[kind]:>6}{share:>9.1%} {mark}")
    return met


def main(argv: list[str]) -> int:
    """Measure and print; exit 0 (the figures are information, not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="also measure the held-out readouts")
    parser.add_argument("--tm", action="append", type=Path, default=[], help="folder of accepted summaries for the TM")
    parser.add_argument("--show", type=int, default=0, help="print N filled sides, picked at random (seed 9)")
    args = parser.parse_args(argv)
    terms = load_terms()
    memory = None
    if args.tm:
        from briefing.translate.files import collect, read_files

        memory = build_memory([(f.path.name, f.summary) for f in read_files(collect(args.tm))], terms)
    print("Pending translations after extract + fill (formulae" + (f", TM of {len(memory)} segments" if memory else "") + ")")
    sets = ["dev"] + (["heldout"] if args.heldout else [])
    all_filled = []
    for split in sets:
        total, pending, filled = measure(releases(split), terms, memory)
        all_filled += filled
        label = "dev: samples/release-ar.txt, tests/extract/release-en.txt, corpus/en/dev" if split == "dev" else "held-out: corpus/en/heldout"
        report(f"{label} ({len(releases(split))} releases)", total, pending)
    if args.show:
        print(f"\n{min(args.show, len(all_filled))} of {len(all_filled)} filled sides:")
        for name, kind, by, source, text in random.Random(9).sample(all_filled, min(args.show, len(all_filled))):
            print(f"- {name} {kind} [{by}]\n    {source}\n    -> {text}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
