"""Benchmark the archive as a user runs it: whole `briefing` runs, medians.

- `briefing archive add` of 1,000 summaries into a new SQLite archive, against `briefing
  validate` of the same files in the same run (what reading and checking them costs alone),
  once with the summaries written as YAML (the tool's own output, the common case) and once
  as JSON;
- `briefing digest --week ... -f html` over an archive of 10,000 events, against the same
  digest over an archive of 1,000 events (how the digest grows with the archive).

The summaries are real ones (tests/extract/corpus/en/dev, tests/archive/corpus, samples/)
with other ids, URLs and dates: 1,000 or 10,000 events spread over the years 2015-2024, each
a separate event; their follow-ups are tracked as usual. The 10,000-event archive is filled
in-process in one batch (not timed). Run: `.venv/bin/python bench/bench_archive.py [--runs 3] [--summaries 1000]
[--events 10000]`; CPU seconds are shown beside wall seconds (other work on a shared machine
stretches the wall times).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_DAY = dt.date(2015, 1, 5)
WEEK = "2019-W10"


def real_summaries() -> list[dict]:
    """Return the real summaries the bench copies, as plain data."""
    sys.path.insert(0, str(ROOT))
    from briefing.read.summaries import dump_summary, read_summary

    paths = sorted((ROOT / "tests" / "extract" / "corpus" / "en" / "dev").glob("*.gold.yaml"))
    paths += sorted((ROOT / "tests" / "archive" / "corpus").glob("*.gold.yaml")) + sorted((ROOT / "samples").glob("*.yaml"))
    return [json.loads(json.dumps(dump_summary(read_summary(p)), default=str)) for p in paths]


def variants(count: int) -> list[dict]:
    """Return `count` summaries, each its own event: the real ones with other ids, URLs and dates."""
    base = real_summaries()
    out = []
    for n in range(count):
        data = json.loads(json.dumps(base[n % len(base)]))
        data["id"] = f"bench-{n:05d}"
        data["event"]["date"] = (FIRST_DAY + dt.timedelta(days=(n * 3653) // count)).isoformat()
        data["event"].pop("date_text", None)
        data["source"] = {**(data.get("source") or {}), "url": f"https://bench.example/{n}"}
        data["source"].pop("file", None)
        out.append(data)
    return out


def write(folder: Path, summaries: list[dict], suffix: str) -> list[str]:
    """Write the summaries as JSON files, or as YAML as the tool writes them (`suffix` .json or .yaml); return their paths."""
    from briefing.read.summaries import summary_yaml
    from briefing.summary.model import parse_summary

    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for data in summaries:
        path = folder / f"{data['id']}{suffix}"
        text = summary_yaml(parse_summary(data)) if suffix == ".yaml" else json.dumps(data, ensure_ascii=False)
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def fill(archive: Path, summaries: list[dict]) -> float:
    """Add summaries in-process (set-up, not a measured case); return the seconds it took."""
    from briefing.archive.store import open_archive
    from briefing.summary.model import parse_summary

    started = time.perf_counter()
    with open_archive(f"sqlite:///{archive}") as store:
        store.add_summaries(parse_summary(data) for data in summaries)  # one transaction, as `archive add` does
    return time.perf_counter() - started


def run(*args: str) -> tuple[float, float]:
    """Run `briefing ARGS`; return wall and CPU seconds (a failure stops the bench)."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "briefing", *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        sys.exit(f"briefing {args[0]} failed: {proc.stderr.read().decode()[-400:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> None:
    """Build the inputs, time every case, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (the median is reported)")
    parser.add_argument("--events", type=int, default=10_000, help="events in the big archive for the digest")
    parser.add_argument("--summaries", type=int, default=1000, help="summaries to add, and events in the small archive")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        root = Path(tmp)
        count = options.summaries
        times: dict[str, list[tuple[float, float]]] = {}
        pairs = []
        for kind, suffix in (("YAML", ".yaml"), ("JSON", ".json")):
            files = write(root / "in" / kind, variants(count), suffix)
            check, add = f"validate {count:,} summaries ({kind})", f"archive add {count:,} summaries ({kind})"
            times[check], times[add] = [], []
            pairs.append((kind, check, add))
            for n in range(options.runs):
                times[check].append(run("validate", *files))
                times[add].append(run("archive", "add", *files, "--archive", str(root / f"add-{kind}-{n}.sqlite")))
        small, big = root / "small.sqlite", root / "big.sqlite"
        fill_small = fill(small, variants(count))
        fill_big = fill(big, variants(options.events))
        label_small, label_big = f"digest (html) over {count:,} events", f"digest (html) over {options.events:,} events"
        times[label_small], times[label_big] = [], []
        for n in range(options.runs):
            for label, archive in ((label_small, small), (label_big, big)):
                times[label].append(run("digest", "--week", WEEK, "-f", "html", "-o", str(root / f"out-{n}"), "--archive", str(archive)))
    print(f"runs per case: {options.runs}; filling in-process (not measured): {count:,} events {fill_small:.1f} s, "
          f"{options.events:,} events {fill_big:.1f} s")
    print(f"load average at the end: {os.getloadavg()[0]:.2f} (other work on the machine stretches wall times, not CPU times)")
    print(f"{'case':<40} {'median s':>9} {'min s':>7} {'max s':>7} {'CPU s':>7}")
    medians = {}
    for label, values in times.items():
        walls = [w for w, _ in values]
        medians[label] = statistics.median(walls)
        cpu = statistics.median(c for _, c in values)
        print(f"{label:<40} {medians[label]:>9.2f} {min(walls):>7.2f} {max(walls):>7.2f} {cpu:>7.2f}")
    ratios = ", ".join(f"{kind} {medians[add] / medians[check]:.2f}x" for kind, check, add in pairs)
    print(f"archive add / validate: {ratios}; "
          f"digest {options.events:,} / {count:,} events: {medians[label_big] / medians[label_small]:.2f}x")


if __name__ == "__main__":
    main()
