"""Paths to the samples and the shared corpus, and a CLI runner, for every test module."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("BRIEFING_SHARED") or ROOT.parent / "shared")  # ../shared beside the clone
SEED = SAMPLES / "summary.yaml"


def run_cli(*args: str, cwd: Path | None = None, stdin: bytes | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m briefing ARGS` as a user would, capturing exit code and output."""
    return subprocess.run(
        [sys.executable, "-m", "briefing", *args],
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
