"""Paths to the samples and the shared corpus, and a CLI runner, for every test module.

Tests use data in the repository. Only a test that needs data which may not be copied into
it (the SaudiNewsNet development set, CC BY-NC-SA) reads ../shared, through `require_shared`,
which says why and skips when the folder is absent (a fresh clone), but fails under CI=true.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared"))  # ../shared, as CI lays it
SEED = SAMPLES / "summary.yaml"  # the seed summary
SEED_RELEASE = SAMPLES / "release-ar.txt"  # the seed release, byte for byte as in ../shared/corpus/seed
# Real English readouts (public domain or CC BY 4.0) with gold summaries written by hand.
READOUTS = ROOT / "tests" / "extract" / "corpus" / "en" / "dev"


def readout_summaries() -> list:
    """Extract the in-repository English readouts, with their publication date and URL: real summaries."""
    import csv
    import datetime as dt
    from dataclasses import replace

    from briefing.extract import extract_summary
    from briefing.read.sources import read_release

    with (READOUTS.parent / "index.tsv").open(encoding="utf-8") as handle:
        index = {row["id"]: row for row in csv.DictReader(handle, delimiter="\t")}
    summaries = []
    for path in sorted(READOUTS.glob("*.txt")):
        row = index[path.stem]
        release = replace(read_release(path), url=row["url"])
        summaries.append(extract_summary(release, date=dt.date.fromisoformat(row["published"])).summary)
    return summaries


def require_shared(relative: str, why: str) -> Path:
    """Return ../shared/RELATIVE, or skip (fail under CI=true) saying why the test needs it."""
    path = SHARED / relative
    if not path.exists():
        message = f"needs {path} ({why}); a clone without ../shared beside it does not have it"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


# `python -m briefing`, with the pytest rule (pyproject.toml) that a deprecated call made by our own
# code is an error: -W and PYTHONWARNINGS cannot name a package, only one module.
RUN_WITH_OUR_DEPRECATIONS_AS_ERRORS = """
import runpy, warnings
for category in (DeprecationWarning, PendingDeprecationWarning, FutureWarning):
    warnings.filterwarnings("error", category=category, module=r"briefing(\\..*)?")
runpy.run_module("briefing", run_name="__main__", alter_sys=True)
"""


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m briefing ARGS` as a user would, capturing exit code and output."""
    return subprocess.run(
        [sys.executable, "-c", RUN_WITH_OUR_DEPRECATIONS_AS_ERRORS, *args],
        cwd=cwd or ROOT,
        input=stdin,
        capture_output=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )

# The smallest valid summary: one participant, an event type, nothing else.
MINIMAL_SUMMARY = """format: 1
language: ar
event:
  type: meeting
participants:
  - id: a
    name: أحمد
"""
