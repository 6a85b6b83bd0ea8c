"""Benchmark single notes: cold --help, `briefing note` per format, and the usual pandoc + LibreOffice route.

Whole runs (subprocesses, as a user runs them), medians over several runs, ratios measured in the same run.
Usage: python bench/bench_note.py [--runs N] [--summary FILE]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "summary.yaml"
BRIEFING = [sys.executable, "-m", "briefing"]


def timed(cmd: list[str], **kwargs) -> float:
    """Run a command to completion and return its wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, timeout=600, **kwargs)
    return time.perf_counter() - start


def median_of(runs: int, make_cmd, **kwargs) -> float:
    """Median wall time of `runs` whole runs; make_cmd(i) gives the command of run i."""
    return statistics.median(timed(make_cmd(i), **kwargs) for i in range(runs))


def summary_markdown(summary_path: Path) -> str:
    """The note's content as Markdown, as someone would write it for pandoc."""
    sys.path.insert(0, str(ROOT))
    from briefing.read.summaries import read_summary

    s = read_summary(summary_path)
    lines = ["---", f"title: \"{s.event.title.ar if s.event.title else ''}\"", "dir: rtl", "lang: ar", "---", ""]
    lines += ["## المشاركون", ""] + [f"- {p.name.ar} — {p.title.ar if p.title else ''}" for p in s.participants]
    lines += ["", "## جدول الأعمال", ""] + [f"- {a.label.ar}" for a in s.agenda]
    lines += ["", "## المواقف", ""] + [f"- {p.text.ar}" for p in s.positions]
    lines += ["", "## المتابعات", ""] + [f"- {f.what.ar}" for f in s.follow_ups]
    lines += ["", "## Participants", ""] + [f"- {p.name.en} — {p.title.en if p.title else ''}" for p in s.participants]
    lines += ["", "## Positions", ""] + [f"- {p.text.en}" for p in s.positions if p.text.en]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--summary", type=Path, default=SEED)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-note-"))
    rows: list[tuple[str, float, str]] = []

    help_time = median_of(args.runs, lambda i: [*BRIEFING, "--help"])
    rows.append(("briefing --help (cold process)", help_time, ""))

    sizes = {}
    for fmt in ("html", "pdf", "docx"):
        t = median_of(args.runs, lambda i, fmt=fmt: [*BRIEFING, "note", str(args.summary), "-o", str(work / f"{fmt}{i}"), "--format", fmt])
        out = next((work / f"{fmt}0").iterdir())
        sizes[fmt] = out.stat().st_size
        rows.append((f"briefing note -> {fmt}", t, f"{sizes[fmt] / 1024:.0f} KB"))

    pandoc, soffice = shutil.which("pandoc"), shutil.which("soffice")
    if pandoc and soffice:
        md = work / "note.md"
        md.write_text(summary_markdown(args.summary), encoding="utf-8")
        profile = (work / "lo-profile").as_uri()
        # warm LibreOffice's profile once, as a regular user's machine would have it
        subprocess.run([pandoc, str(md), "-o", str(work / "warm.docx")], check=True)
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(work / "warm.docx")], check=True, capture_output=True, timeout=300)

        def route(i: int) -> list[str]:
            docx = work / f"route{i}.docx"
            return ["sh", "-c", f"'{pandoc}' '{md}' -o '{docx}' && '{soffice}' -env:UserInstallation={profile} --headless --convert-to pdf --outdir '{work}' '{docx}'"]

        t_route = median_of(args.runs, route)
        route_pdf = work / "route0.pdf"
        rows.append(("pandoc -> DOCX -> LibreOffice -> PDF", t_route, f"{route_pdf.stat().st_size / 1024:.0f} KB"))
        pdf_time = next(t for name, t, _ in rows if name.endswith("pdf"))
        rows.append(("ratio: usual route / briefing PDF", t_route / pdf_time, "x"))
    else:
        rows.append(("pandoc/LibreOffice route", float("nan"), "not installed"))

    width = max(len(r[0]) for r in rows)
    print(f"{'what':<{width}}  {'median':>9}  note")
    for name, value, note in rows:
        shown = f"{value:8.2f}x" if note == "x" else f"{value:8.3f}s"
        print(f"{name:<{width}}  {shown:>9}  {'' if note == 'x' else note}")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
