"""Shared fixtures: the CLI runner and the samples."""

from __future__ import annotations

from pathlib import Path

import pytest

from support import SAMPLES, readout_summaries, run_cli


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path_factory, monkeypatch):
    """Keep the tester's own ~/.config/briefing/briefing.toml out of every test (and its CLI runs)."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.getbasetemp() / "no-user-config"))


@pytest.fixture
def cli():
    """The CLI runner."""
    return run_cli


@pytest.fixture(scope="session")
def samples() -> list[Path]:
    """The sample summaries shipped in samples/."""
    return sorted(SAMPLES.glob("*.yaml"))


@pytest.fixture(scope="session")
def readouts() -> list:
    """Summaries of real English readouts (extracted from the texts in tests/extract/corpus/en/dev)."""
    return readout_summaries()


@pytest.fixture(scope="session")
def readout_files(readouts, tmp_path_factory) -> list[Path]:
    """The readout summaries written as YAML files, as a user would keep them."""
    from briefing.read.summaries import summary_yaml

    folder = tmp_path_factory.mktemp("readouts")
    paths = []
    for number, summary in enumerate(readouts):
        paths.append(folder / f"{number:02d}-{summary.source.file.removesuffix('.txt')}.yaml")
        paths[-1].write_text(summary_yaml(summary), encoding="utf-8")
    return paths
