"""Shared fixtures: the CLI runner and the samples."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import SAMPLES, run_cli


@pytest.fixture
def cli():
    """The CLI runner."""
    return run_cli


@pytest.fixture(scope="session")
def samples() -> list[Path]:
    """The sample summaries shipped in samples/."""
    return sorted(SAMPLES.glob("*.yaml"))
