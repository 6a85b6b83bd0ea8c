"""Quality floor on the shared development set, scored by ../shared/tools/score_extraction.py.

The Arabic development texts are SaudiNewsNet articles (CC BY-NC-SA): they may not be copied
into the repository, so this test runs only where ../shared is beside the clone (as in CI).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from briefing.extract.evaluate import extract_folder
from support import require_shared

WHY = "the Arabic development set and its scorer, not in the repository (CC BY-NC-SA texts)"


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict:
    dev = require_shared("corpus/dev", WHY)
    spec = importlib.util.spec_from_file_location("score_extraction", require_shared("tools/score_extraction.py", WHY))
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)  # needs PyYAML, as the scorer says
    out = tmp_path_factory.mktemp("pred")
    assert extract_folder(sorted(dev.glob("*.txt")), out) == []
    return scorer.score(dev, Path(out))


def test_dev_set_meets_the_goals_of_the_issue(scores: dict) -> None:
    assert scores["missing_predictions"] == []
    assert scores["event_type"]["accuracy"] >= 0.9
    assert scores["participants"]["f1"] >= 0.9
    assert scores["side"]["accuracy"] >= 0.85
    assert scores["positions"]["f1"] >= 0.7
    assert scores["follow_ups"]["f1"] >= 0.8
    assert scores["agenda"]["f1"] >= 0.6
