"""Benchmark packs and digests as a user runs them: whole `briefing` runs, medians, peak memory.

- a digest of one ISO week holding 200 events (PDF, DOCX and HTML), from a SQLite archive, its PDF laid out
  by Typst (the default) and by WeasyPrint (`--engine weasyprint`), alternating;
- a pack of 50 notes to PDF (one Typst document), DOCX and HTML (the load column is
  the 1-minute load average when each case started).
The pack against the pandoc + LibreOffice route is `bench_pack.py`.

The events are made from the samples (samples/*.yaml) with other ids, dates and places, so
that each is an event of its own. Run: `.venv/bin/python bench/bench_collections.py [--runs 3]`.
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
WEEK = "2026-W48"
MONDAY = dt.date(2026, 11, 23)
DIGEST_BEFORE = 17.8  # seconds: the 200-event digest in all three formats when issue 13 was filed


def make_summaries(folder: Path, count: int, *, days: int) -> list[Path]:
    """Write `count` summaries (JSON) made from the samples, spread over `days` days from MONDAY."""
    sys.path.insert(0, str(ROOT))
    from briefing.read.summaries import dump_summary, read_summary

    samples = [dump_summary(read_summary(p)) for p in sorted((ROOT / "samples").glob("*.yaml"))]
    paths = []
    for n in range(count):
        data = json.loads(json.dumps(samples[n % len(samples)], default=str))
        data["id"] = f"bench-{n:03d}"
        data["event"]["date"] = (MONDAY + dt.timedelta(days=n % days)).isoformat()
        data["event"].pop("date_text", None)
        place = data["event"].get("place") or {}
        data["event"]["place"] = {"en": f"{place.get('en') or 'Capital'} {n}", "ar": f"{place.get('ar') or 'العاصمة'} {n}"}
        if data.get("source"):
            data["source"].pop("url", None)
        path = folder / f"bench-{n:03d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def run(*args: str) -> tuple[float, float, int]:
    """Run `briefing ARGS`; return wall seconds, CPU seconds and peak resident memory (KiB) of its largest process."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "briefing", *args], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"briefing {' '.join(args[:3])}... failed: {err.strip()}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def measure(label: str, runs: int, *args: str) -> dict:
    """Run a command `runs` times; return its median time and peak memory."""
    return measure_alternately([(label, args)], runs)[0]


def measure_alternately(cases: list[tuple[str, tuple[str, ...]]], runs: int) -> list[dict]:
    """Run several commands in turn (A B A B ...), so that other work on the machine falls on each alike."""
    samples: dict[str, list[tuple[float, float, int, float]]] = {label: [] for label, _ in cases}
    for _ in range(runs):
        for label, args in cases:
            load = os.getloadavg()[0]
            samples[label].append((*run(*args), load))
    rows = []
    for label, _ in cases:
        times = [s[0] for s in samples[label]]
        rows.append({"label": label, "median": statistics.median(times), "min": min(times), "max": max(times),
                     "cpu": statistics.median(s[1] for s in samples[label]), "peak_mib": max(s[2] for s in samples[label]) / 1024,
                     "load": statistics.median(s[3] for s in samples[label]), "times": times})
    return rows


def main() -> None:
    """Build the inputs, time every case, print a table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per case (the median is reported)")
    parser.add_argument("--events", type=int, default=200, help="events in the digest's week")
    parser.add_argument("--notes", type=int, default=50, help="notes in the pack")
    parser.add_argument("--digest-only", action="store_true", help="time the digests only (the packs take minutes)")
    options = parser.parse_args()
    load_before = f"{os.getloadavg()[0]:.2f}"
    with tempfile.TemporaryDirectory(prefix="briefing-bench-") as tmp:
        folder = Path(tmp)
        (folder / "week").mkdir()
        (folder / "pack").mkdir()
        week = make_summaries(folder / "week", options.events, days=7)
        notes = make_summaries(folder / "pack", options.notes, days=28)
        archive = str(folder / "archive.sqlite")
        add_seconds, _, _ = run("archive", "add", "--archive", archive, *map(str, week))
        out = folder / "out"
        digest = ("digest", "--archive", archive, "--week", WEEK, "-o", str(out))
        rows = measure_alternately([(f"digest, {options.events} events (pdf+docx+html)", digest),
                                    (f"digest, {options.events} events, --engine weasyprint", (*digest, "--engine", "weasyprint"))], options.runs)
        rows += [] if options.digest_only else [
            measure(f"pack, {options.notes} notes, PDF", options.runs, "pack", *map(str, notes), "-o", str(out / "pack.pdf"), "--force"),
            measure(f"pack, {options.notes} notes, DOCX", options.runs, "pack", *map(str, notes), "-o", str(out / "pack.docx"), "--force"),
            measure(f"pack, {options.notes} notes, HTML", options.runs, "pack", *map(str, notes), "-o", str(out / "pack.html"), "--force"),
        ]
        pages = "" if options.digest_only else subprocess.run(["pdfinfo", str(out / "pack.pdf")], capture_output=True, text=True).stdout
        page_count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
    from briefing.base.parallel import default_workers

    print(f"cores: {default_workers()}   runs per case: {options.runs}   (archive add of {options.events} summaries: {add_seconds:.1f} s)")
    print(f"load average before/after: {load_before} / {os.getloadavg()[0]:.2f}  (other work on the machine slows every case)")
    print(f"{'case':<44} {'median s':>9} {'min s':>7} {'max s':>7} {'CPU s':>7} {'peak MiB':>9} {'load':>5}")
    for row in rows:
        print(f"{row['label']:<44} {row['median']:>9.2f} {row['min']:>7.2f} {row['max']:>7.2f} {row['cpu']:>7.2f} "
              f"{row['peak_mib']:>9.0f} {row['load']:>5.2f}")
    if not options.digest_only:
        print(f"pack pages: {page_count}")
    print(f"digest, WeasyPrint / Typst (median wall): {rows[1]['median'] / rows[0]['median']:.2f}x;"
          f" goal of issue 13: at most {DIGEST_BEFORE / 2:.1f} s ({DIGEST_BEFORE} s on 2026-11-29, halved)")

if __name__ == "__main__":
    main()
