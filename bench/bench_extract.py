"""Releases per second of `extract_summary` over the SaudiNewsNet candidates, on one core.

Whole runs over all ~600 candidates, median of several, each run starting with the per-text
caches empty (tokens and folded text of a sentence are remembered within a process: a run over
releases it has already read would find every sentence's tokens there, a new batch does not;
caches of single words stay, as they fill within any batch); compared in the same run against
(a) reading and segmenting only and (b) a naive scan that searches every Arabic term-base
surface in every release with its own regular expression (what a hand-written extractor
without an index would do).

Usage: python bench/bench_extract.py [RUNS] [CANDIDATES.jsonl | FOLDER of JSONL files]
       e.g. python bench/bench_extract.py 5 ../shared/corpus/readouts-en   (the 748 English readouts)
"""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from pathlib import Path

from briefing.extract import extract_summary
from briefing.extract.event import fold
from briefing.extract.segment import segment
from briefing.extract.vocab import default_lexicon
from briefing.read.sources import release_from_bytes
from briefing.terms.normalise import tokenise

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "saudinewsnet" / "candidates.jsonl"


def _releases(path: Path) -> list:
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]  # a folder: every JSONL file in it
    items = [json.loads(line) for f in files for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [release_from_bytes(f"{i['title']}\n\n{i['content']}".encode(), name=i["id"], suffix=".txt") for i in items]


def _time(label: str, runs: int, work, releases: list) -> float:
    times = []
    for _ in range(runs):
        tokenise.cache_clear()  # every sentence new to the run, as in a real batch
        fold.cache_clear()
        start = time.perf_counter()
        for release in releases:
            work(release)
        times.append(time.perf_counter() - start)
    rate = len(releases) / statistics.median(times)
    print(f"  {label:38} {rate:9.1f} releases/s  (median of {runs} runs: {statistics.median(times):.3f} s)")
    return rate


def main(argv: list[str]) -> int:
    """Time the three ways over the same releases and print the ratios."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    runs = int(argv[0]) if argv else 5
    path = Path(argv[1]) if len(argv) > 1 else DEFAULT
    releases = _releases(path)
    lex = default_lexicon()  # load the term base once, outside the timing
    surfaces = sorted({s for kind in ("person", "title", "country", "city", "stance", "topic")
                       for t in lex.entries(kind) for s in t.surfaces("ar") if s})
    patterns = [re.compile(re.escape(s)) for s in surfaces]
    print(f"{len(releases)} releases, {len(surfaces)} Arabic surfaces in the term base, one core")
    full = _time("extract_summary (whole pipeline)", runs, extract_summary, releases)
    seg = _time("read + segment only", runs, lambda r: segment(r.text), releases)
    naive = _time("naive per-term regex scan (no index)", max(1, runs // 2),
                  lambda r: [p.findall(r.text) for p in patterns], releases)
    print(f"extraction costs {seg / full:.1f}x reading+segmenting; it is {full / naive:.1f}x the naive scan's speed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
