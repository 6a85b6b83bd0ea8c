"""Run every SaudiNewsNet candidate and every English readout through extraction: crashes (must be 0),
meetings, a sample per type, per corpus.

Usage: python bench/robustness_extract.py [FILE.jsonl ...]   (default: the four corpora in ../shared)
"""

from __future__ import annotations

import json
import sys
import traceback
from collections import Counter
from pathlib import Path

from briefing.base.errors import BriefingError
from briefing.extract import dump_yaml, extract_summary
from briefing.read.sources import release_from_bytes

_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
DEFAULT = [_CORPUS / "saudinewsnet" / "candidates.jsonl", *sorted((_CORPUS / "readouts-en").glob("*.jsonl"))]


def load(path: Path) -> list[dict]:
    """The candidates, one JSON object a line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str]) -> int:
    """Extract every item of each corpus and print the counts and samples."""
    status = 0
    for path in [Path(a) for a in argv] or DEFAULT:
        print(f"== {path.name}")
        status |= run(path)
    return status


def run(path: Path) -> int:
    """Extract every item of one corpus and print the counts and samples."""
    items = load(path)
    crashes, refused = [], []
    types: Counter[str] = Counter()
    two_or_more = 0
    samples: dict[str, tuple[str, str, list[str]]] = {}
    for item in items:
        text = f"{item.get('title', '')}\n\n{item.get('content', '')}"
        try:
            release = release_from_bytes(text.encode("utf-8"), name=item["id"], file=f"{item['id']}.txt", suffix=".txt")
            extraction = extract_summary(release)
            dump_yaml(extraction)
        except BriefingError as error:
            refused.append(f"{item['id']}: {error}")
            continue
        except Exception:  # noqa: BLE001 - counting crashes is the point
            crashes.append(f"{item['id']}:\n{traceback.format_exc()}")
            continue
        summary = extraction.summary
        kind = summary.event.type.value
        types[kind] += 1
        if kind != "other" and len(summary.participants) >= 2:
            two_or_more += 1
        if kind not in samples:
            people = [f"{p.name.ar or p.name.en} ({p.side.value}, {p.country or '?'})" for p in summary.participants[:3]]
            samples[kind] = (item["id"], item.get("title", ""), people)
    print(f"candidates {len(items)}  crashes {len(crashes)}  refused (InputError) {len(refused)}")
    print(f"event types {dict(sorted(types.items()))}")
    print(f"meetings/calls/visits/talks/summits with >= 2 participants: {two_or_more}")
    for kind, (ident, title, people) in sorted(samples.items()):
        print(f"  sample {kind}: {ident} «{title}» -> {'; '.join(people)}")
    for line in refused[:5]:
        print(f"  refused: {line}")
    for line in crashes[:3]:
        print(f"  CRASH {line}", file=sys.stderr)
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
