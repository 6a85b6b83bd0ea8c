"""The YAML an extraction writes: format 1, deterministic, source sentences as comments."""

from __future__ import annotations

from ruamel.yaml import YAML

from briefing.extract import dump_yaml, extract_summary
from briefing.read.sources import read_release
from briefing.summary.model import parse_summary
from support import SEED_RELEASE as SEED


def test_yaml_round_trips_through_the_model_and_is_deterministic() -> None:
    text = dump_yaml(extract_summary(read_release(SEED)))
    assert text == dump_yaml(extract_summary(read_release(SEED)))
    summary = parse_summary(YAML(typ="safe").load(text))
    assert summary.format == 1 and len(summary.participants) == 2


def test_each_position_and_follow_up_is_preceded_by_its_sentence() -> None:
    extraction = extract_summary(read_release(SEED))
    lines = dump_yaml(extraction).splitlines()
    for i, line in enumerate(lines):
        if line.strip().startswith("- speaker:") or line.strip().startswith("- kind:"):
            comment = lines[i - 1].strip()
            assert comment.startswith("# [")
            number = int(comment[3:comment.index("]")])
            assert comment.endswith(extraction.sentences[number - 1].split()[-1])
