"""For the bad-input and fault suite (tests/hostile): the CLI run as a user would, under memory and time limits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

MEMORY = 1_000_000_000  # bytes of address space (prlimit --as): a normal note needs ~0.4 GB of it
TIMEOUT = 120  # seconds: a hang fails the test instead of the suite



def run_bounded(*args: str, cwd: Path, stdin: bytes | None = None, memory: int = MEMORY,
                timeout: float = TIMEOUT, fsize: int | None = None) -> subprocess.CompletedProcess:
    """Run `python -m briefing ARGS` under `prlimit --as` (and `--fsize`), with a timeout, in its own session."""
    if shutil.which("prlimit") is None:
        pytest.skip("prlimit (util-linux) is needed to bound memory")
    limits = [f"--as={memory}"] + ([f"--fsize={fsize}"] if fsize else [])
    env = {**os.environ, "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(cwd / ".cache")}
    return subprocess.run(["prlimit", *limits, sys.executable, "-m", "briefing", *args], cwd=cwd, input=stdin,
                          capture_output=True, env=env, timeout=timeout, start_new_session=True)


def assert_one_line(result: subprocess.CompletedProcess, code: int, *words: str) -> str:
    """The run failed with `code` and one line (no traceback) naming each of `words`; return the line."""
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == code, err
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line and "warning:" not in line]
    assert len(lines) == 1, err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def leftovers(folder: Path) -> list[str]:
    """Temporary files and staging folders (`.set`, `.commit`) a run left in `folder`."""
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith((".part", ".set", ".commit")))


def summary(title: str = "Meeting", **extra: str) -> str:
    """A valid English summary whose event title is `title`, with other top-level YAML appended."""
    text = (
        "format: 1\nlanguage: en\nevent:\n  type: meeting\n  date: 2026-11-30\n"
        f"  title: {title}\n"
        "participants:\n  - id: a\n    name: {ar: أحمد, en: Ahmed}\n    country: EG\n"
        "  - id: b\n    name: Basem\n    country: JO\n"
    )
    return text + "".join(f"{key}: {value}\n" for key, value in extra.items())
