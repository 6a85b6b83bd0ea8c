"""Reading summaries: every bad input gives one located message."""

from __future__ import annotations

import pytest

from briefing.errors import InputError, SummaryError
from briefing.summaries import read_summary
from support import MINIMAL_SUMMARY as GOOD
from support import SEED


def write(tmp_path, text, name="s.yaml", encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


def test_seed_summary_reads():
    summary = read_summary(SEED)
    assert [p.id for p in summary.participants] == ["rahmon", "putin"]
    assert summary.follow_ups[0].status.value == "accepted"


def test_unknown_key_names_line_and_suggests(tmp_path):
    path = write(tmp_path, GOOD + "    sidee: host\n")
    with pytest.raises(SummaryError) as info:
        read_summary(path)
    error = info.value
    assert (error.line, error.field) == (8, "participants[0].sidee")
    assert "did you mean 'side'" in str(error)


def test_wrong_enum_lists_allowed_values(tmp_path):
    path = write(tmp_path, GOOD.replace("type: meeting", "type: meting"))
    with pytest.raises(SummaryError) as info:
        read_summary(path)
    assert info.value.line == 4
    assert "phone_call" in str(info.value) and "event.type" in str(info.value)


def test_empty_participants(tmp_path):
    path = write(tmp_path, GOOD.split("participants:")[0] + "participants: []\n")
    with pytest.raises(SummaryError, match="must not be empty") as info:
        read_summary(path)
    assert info.value.field == "participants"


def test_yaml_syntax_error_has_line_and_column(tmp_path):
    path = write(tmp_path, "format: 1\nlanguage: [ar\n")
    with pytest.raises(SummaryError) as info:
        read_summary(path)
    assert info.value.line is not None and info.value.column is not None


def test_not_utf8_names_the_line(tmp_path):
    path = write(tmp_path, GOOD.replace("أحمد", "Ahmed") + "context: [\"caf\xe9\"]\n", encoding="latin-1")
    with pytest.raises(InputError, match="not UTF-8") as info:
        read_summary(path)
    assert info.value.line == 8


def test_too_large(tmp_path):
    path = write(tmp_path, GOOD + "#" + "x" * (5 * 1024 * 1024) + "\n")
    with pytest.raises(InputError, match="5 MB"):
        read_summary(path)


def test_missing_file(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_summary(tmp_path / "nope.yaml")


def test_json_is_accepted(tmp_path):
    path = write(tmp_path, '{"format": 1, "language": "en", "event": {"type": "phone_call"}, "participants": [{"id": "a", "name": "A"}]}', "s.json")
    assert read_summary(path).event.type.value == "phone_call"


def test_bad_reference_points_at_the_speaker(tmp_path):
    path = write(tmp_path, GOOD + "positions:\n  - speaker: b\n    stance: emphasis\n    text: x\n")
    with pytest.raises(SummaryError) as info:
        read_summary(path)
    assert (info.value.line, info.value.field) == (9, "positions[0].speaker")


@pytest.mark.parametrize("options", [{}, {"indent": 2}, {"indent": 4, "ensure_ascii": False}, {"separators": (",", ":")}])
def test_json_reads_as_the_yaml_parser_reads_it(tmp_path, options):
    import json

    from briefing.summaries import load_plain_json, load_yaml, summary_from_tree, to_plain

    for source in sorted(SEED.parent.glob("*.yaml")):
        text = json.dumps(to_plain(load_yaml(source.read_text(encoding="utf-8"), source.name)), default=str, **options)
        assert load_plain_json(text) == to_plain(load_yaml(text, "s.json"))
        assert read_summary(write(tmp_path, text, "s.json")) == summary_from_tree(load_yaml(text, "s.json"), "s.json")


@pytest.mark.parametrize("text", [
    '{"a": 1, "a": 2}',  # YAML refuses duplicate keys
    '{"a": 1.5}', '{"a": NaN}',  # YAML spells floats its own way
    '{"a": "\\ud83e\\udd1d"}',  # JSON joins surrogate pairs
    '{"a": "x\u2028y"}', '{"a": "x\x85y"}', '{"a": "\ufeff"}', '{"a":\t1}',  # YAML's line breaks, BOM, tab
    '{"a"\n: 1}',  # no simple key across lines in YAML
    '{"' + "k" * 1100 + '": 1}',  # over YAML's simple-key length
    '{"a": 1}\n---\n',  # not JSON
])
def test_json_that_yaml_may_read_otherwise_takes_the_yaml_path(text):
    from briefing.summaries import load_plain_json

    assert load_plain_json(text) is None


def test_a_json_error_still_names_its_line(tmp_path):
    path = write(tmp_path, '{"format": 1, "language": "en",\n "event": {"type": "phone_call", "tpye": 1},\n'
                           ' "participants": [{"id": "a", "name": "A"}]}', "s.json")
    with pytest.raises(SummaryError) as info:
        read_summary(path)
    assert (info.value.line, info.value.field) == (2, "event.tpye")
