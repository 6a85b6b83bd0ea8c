"""Benchmark a 48-note pack to one PDF: `briefing pack` (Typst, the default, and WeasyPrint) against pandoc + LibreOffice + pdfunite, in one run.

The routes alternate (A B A B ...), so that other work on the machine falls on both alike;
each run is a whole run as a user starts it (a subprocess), and the table gives medians of
wall time, CPU seconds (the run and its children) and the peak resident memory of its
largest process, then the output's size, pages, font objects (pdffonts rows; how many
distinct faces) and whether it is tagged (pdfinfo).

`briefing pack` lays the PDF out with Typst (the default); `briefing pack --engine weasyprint`
is the third route.

The usual route, as a unit would script it: each note's content as Markdown (the same
text `bench_note.py` uses), `pandoc` per note to DOCX, one LibreOffice call converting all
of them to PDF (warm profile), `pdfunite`. pandoc comes from `scripts/setup.sh bench`
(`make bench`); without pandoc or LibreOffice that route is reported as not installed.

Inputs: with ../shared present, the 20 dev gold summaries and the seed summary
(../shared/corpus), repeated with other ids and dates up to 48 notes; without it, the
three samples (samples/*.yaml) the same way. The run says which.
Usage: .venv/bin/python bench/bench_pack.py [--runs 3] [--notes 48]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))  # ../shared, as the tests find it
START = dt.date(2026, 10, 1)


def sources() -> tuple[str, list[Path]]:
    """Return where the inputs come from and the summary files to repeat."""
    dev = sorted((SHARED / "corpus" / "dev").glob("*.gold.yaml"))
    seed = SHARED / "corpus" / "seed" / "summary.yaml"
    if dev and seed.is_file():
        return f"{len(dev)} dev gold summaries and the seed from {SHARED}/corpus", [*dev, seed]
    return "the samples (samples/*.yaml); ../shared is absent", sorted((ROOT / "samples").glob("*.yaml"))


def make_inputs(folder: Path, count: int) -> tuple[str, list[Path]]:
    """Write `count` summaries (JSON), each an event of its own (id, date); return the origin and the paths."""
    sys.path.insert(0, str(ROOT))
    from briefing.read.summaries import dump_summary, read_summary

    origin, files = sources()
    loaded = [dump_summary(read_summary(p)) for p in files]
    paths = []
    for n in range(count):
        data = json.loads(json.dumps(loaded[n % len(loaded)], default=str))
        data["id"] = f"pack-{n:03d}"
        data["event"]["date"] = (START + dt.timedelta(days=n // 2)).isoformat()
        data["event"].pop("date_text", None)
        path = folder / f"pack-{n:03d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return origin, paths


def markdown(path: Path) -> str:
    """The note's content as Markdown (the same as bench_note.py writes for pandoc)."""
    sys.path.insert(0, str(ROOT / "bench"))
    from bench_note import summary_markdown

    return summary_markdown(path)


def run(cmd: list[str]) -> tuple[float, float, int]:
    """Run a command; return wall seconds, CPU seconds of it and its children, peak RSS (KiB) of the largest process."""
    before = os.times()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - started
    err = proc.stderr.read().decode()
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(cmd[:4])}... failed: {err.strip()[-2000:]}")
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return elapsed, cpu, usage.ru_maxrss


def describe(pdf: Path) -> dict:
    """Size, pages, font rows and distinct faces (pdffonts), tagged (pdfinfo) of a PDF."""
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout.splitlines()[2:]
    faces = {re.sub(r"^[A-Z]{6}\+", "", line.split()[0]) for line in fonts if line.strip()}
    field = dict(line.split(":", 1) for line in info.splitlines() if ":" in line)
    return {"size_kb": pdf.stat().st_size / 1024, "pages": field.get("Pages", "?").strip(),
            "fonts": len(fonts), "faces": len(faces), "tagged": field.get("Tagged", "?").strip()}


def route_script(work: Path, notes: list[Path], profile: Path, out: Path) -> list[str]:
    """The pandoc + LibreOffice + pdfunite route as one shell command."""
    pandoc, soffice = shutil.which("pandoc"), shutil.which("soffice")
    mds = []
    for note in notes:
        md = work / "md" / (note.stem + ".md")
        md.parent.mkdir(exist_ok=True)
        md.write_text(markdown(note), encoding="utf-8")
        mds.append(md)
    docx = work / "docx"
    pdfs = work / "pdf"
    lines = [f"rm -rf '{docx}' '{pdfs}' && mkdir -p '{docx}' '{pdfs}'"]
    lines += [f"'{pandoc}' '{md}' -o '{docx / (md.stem + '.docx')}'" for md in mds]
    lines.append(f"'{soffice}' -env:UserInstallation={profile.as_uri()} --headless --convert-to pdf --outdir '{pdfs}' "
                 + " ".join(f"'{docx / (md.stem + '.docx')}'" for md in mds))
    lines.append(f"pdfunite {' '.join(repr(str(pdfs / (md.stem + '.pdf'))) for md in mds)} '{out}'")
    return ["sh", "-ec", " && ".join(lines)]


def main() -> None:
    """Build the inputs, time both routes alternately, print a table and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per route (the median is reported)")
    parser.add_argument("--notes", type=int, default=48, help="notes in the pack")
    options = parser.parse_args()
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="briefing-bench-pack-") as tmp:
        work = Path(tmp)
        (work / "in").mkdir()
        origin, notes = make_inputs(work / "in", options.notes)
        pack_pdf, weasy_pdf = work / "pack.pdf", work / "pack-weasyprint.pdf"
        cases = [("briefing pack -> PDF (Typst)", [sys.executable, "-m", "briefing", "pack", *map(str, notes), "-o", str(pack_pdf), "--force"], pack_pdf),
                 ("briefing pack --engine weasyprint -> PDF",
                  [sys.executable, "-m", "briefing", "pack", *map(str, notes), "-o", str(weasy_pdf), "--force", "--engine", "weasyprint"], weasy_pdf)]
        if shutil.which("pandoc") and shutil.which("soffice") and shutil.which("pdfunite"):
            profile = work / "lo-profile"
            united = work / "united.pdf"
            script = route_script(work, notes, profile, united)
            subprocess.run(script, check=True, capture_output=True, timeout=900)  # warms the LibreOffice profile
            cases.append(("pandoc per note + LibreOffice + pdfunite", script, united))
        samples: dict[str, list[tuple[float, float, int]]] = {label: [] for label, _, _ in cases}
        for _ in range(options.runs):
            for label, cmd, _ in cases:
                samples[label].append(run(cmd))
        described = {label: describe(out) for label, _, out in cases}
    print(f"inputs: {options.notes} notes from {origin}")
    print(f"cores: {os.cpu_count()}   runs per route: {options.runs}   load average before/after: {load_before:.2f} / {os.getloadavg()[0]:.2f}")
    print(f"{'route':<42} {'median s':>9} {'min s':>7} {'CPU s':>7} {'peak MiB':>9} {'KB':>7} {'pages':>6} {'fonts':>6} {'faces':>6} {'tagged':>7}")
    for label, _, _ in cases:
        runs = samples[label]
        d = described[label]
        print(f"{label:<42} {statistics.median(r[0] for r in runs):>9.2f} {min(r[0] for r in runs):>7.2f} "
              f"{statistics.median(r[1] for r in runs):>7.2f} {max(r[2] for r in runs) / 1024:>9.0f} {d['size_kb']:>7.0f} "
              f"{d['pages']:>6} {d['fonts']:>6} {d['faces']:>6} {d['tagged']:>7}")
    usual = [label for label, _, _ in cases if label.startswith("pandoc")]
    if usual:
        theirs = statistics.median(r[0] for r in samples[usual[0]])
        for label, _, _ in cases:
            if label not in usual:
                ours = statistics.median(r[0] for r in samples[label])
                print(f"ratio (usual route / {label.replace(' -> PDF', '')}, wall time): {theirs / ours:.2f}x  (>1 means briefing pack is faster; goal 1.5x)")
    else:
        print("pandoc or LibreOffice is not installed: run `scripts/setup.sh bench` for the usual route")


if __name__ == "__main__":
    main()
