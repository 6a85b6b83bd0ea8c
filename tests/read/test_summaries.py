"""Reading summaries: every bad input gives one located message."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from briefing.base.errors import InputError, SummaryError
from briefing.read.summaries import read_summary
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

    from briefing.read.summaries import load_plain_json, load_yaml, summary_from_tree, to_plain

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
    from briefing.read.summaries import load_plain_json

    assert load_plain_json(text) is None


def test_a_json_error_still_names_its_line(tmp_path):
    path = write(tmp_path, '{"format": 1, "language": "en",\n "event": {"type": "phone_call", "tpye": 1},\n'
                           ' "participants": [{"id": "a", "name": "A"}]}', "s.json")
    with pytest.raises(SummaryError) as info:
        read_summary(path)
    assert (info.value.line, info.value.field) == (2, "event.tpye")


# Reading YAML with libyaml (load_plain_yaml) where ruamel's loader reads it the same.

ROOT = SEED.parent.parent
YAML_FILES = sorted({*ROOT.glob("tests/**/*.yaml"), *ROOT.glob("tests/**/*.yml"), *ROOT.glob("samples/*.yaml")})


def same(a, b) -> bool:
    """Equal, and of the very same types all the way down (ruamel's ScalarInt is not an int here)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def fast_or_none(text: str):
    """Parse both ways; when libyaml's result is taken, ruamel's must be the same. Return libyaml's (or None)."""
    from briefing.read.summaries import load_plain_yaml, load_yaml, to_plain

    fast = load_plain_yaml(text)
    if fast is not None:
        slow = to_plain(load_yaml(text, "s.yaml"))  # raises if ruamel refuses what libyaml took
        assert same(fast, slow), (fast, slow)
    return fast


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_real_yaml_reads_as_ruamel_reads_it(path):
    text = path.read_text(encoding="utf-8")
    for variant in (text, text.replace("\n", "\r\n")):
        assert fast_or_none(variant) is not None  # every real summary takes the fast path


def test_written_summaries_read_as_ruamel_reads_them():
    from briefing.read.summaries import summary_yaml

    for path in sorted(ROOT.glob("samples/*.yaml")) + sorted(ROOT.glob("tests/extract/corpus/*/dev/*.gold.yaml")):
        assert fast_or_none(summary_yaml(read_summary(path), comment="written by briefing")) is not None


# Plain scalars YAML 1.1 and 1.2 read differently are resolved by ruamel's own 1.2 resolver: same as ruamel.
SAME = ["yes", "no", "on", "off", "y", "n", "Y", "N", "Yes", "NO", "On", "OFF", "1:20", "-1:20", "190:20:30", "true", "False",
        "TRUE", "~", "null", "Null", "NULL", "", "7", "+7", "-12", "2026-11-18", "2026-02-28", "2026-1-5", "a b", "http://x.org/a:b", "-x",
        "'yes'", '"010"', '"1.5"', "'~'", '"\\u00e9\\t\\"x\\\\"', "'it''s'", '"2026-11-18"', '"\\x41\\/"']
# Scalars ruamel reads into its own types (ScalarFloat, ScalarInt, OctalInt, HexInt, TimeStamp...), block
# scalars, and syntax libyaml may read otherwise: left to ruamel.
SLOW = ["1.5", "1e3", "1E3", ".inf", "-.inf", ".nan", ".NaN", "0", "-0", "010", "0o10", "0x1F", "0b101", "1_000",
        "2026-11-18 10:00:00", "2026-11-18T10:00:00Z", "2026-02-30", "9" * 5000, "!!str x", "! x", "&a x", "=", "|\n  x\n", ">\n  x\n"]


@pytest.mark.parametrize("scalar", SAME)
def test_scalars_yaml_versions_disagree_on_read_as_ruamel_reads_them(scalar):
    for text in (f"a: {scalar}\n", f"a: [{scalar}]\n", f"a:\n  - {scalar}\n  - x\n", f"{{a: {scalar}, b: x}}"):
        assert fast_or_none(text) is not None


@pytest.mark.parametrize("scalar", SLOW)
def test_scalars_of_ruamels_own_types_take_the_ruamel_path(scalar):
    assert fast_or_none(f"a: {scalar}\n") is None


@pytest.mark.parametrize("text", [
    "%YAML 1.1\n---\na: yes\n", "%TAG !e! tag:e.org,2000:\n---\na: x\n",  # directives
    "a: &x [1]\nb: *x\n", "a: !!binary aGk=\n", "a: !!set {x}\n",  # anchors, aliases, tags
    "a: 1\na: 2\n", "{a: 1, a: 2}", "<<: {a: 1}\n", "1: x\n", "true: x\n", "~: x\n", "[a]: x\n", "? [a]\n: x\n",  # keys
    "- a\n", "x\n", "", "# only a comment\n", "a: 1\n---\nb: 2\n",  # not one mapping
    "a: x\tb\n", "a:\tx\n", "a: x\x85y\n", "a: x\u2028y\n", "a: \ufeffx\n", "a: x\ry\n",  # tabs, YAML 1.1's line breaks, BOM, CR
    'a: "\\ud83d\\ude00"\n', "a: \"\\'\"\n", "a: x\\y\n",  # a backslash but before escapes both read alike
    "a\n: x\n", "{a\n: x}", "{a\n b: x}", "k" * 600 + ": x\n", "a" + " " * 64 + ": x\n",  # simple keys: lines and length
    "a: [x\n", "a: x\n b: y\n", "a: 'x\n",  # syntax errors: ruamel names the line
])
def test_what_libyaml_may_read_otherwise_takes_the_ruamel_path(text):
    from briefing.read.summaries import load_plain_yaml

    assert load_plain_yaml(text) is None


def test_a_yaml_summary_is_read_without_ruamel(tmp_path, monkeypatch):
    import briefing.read.summaries as summaries

    path = write(tmp_path, SEED.read_text(encoding="utf-8"))
    expected = read_summary(path)

    def refuse(*args, **kwargs):
        raise AssertionError("took the ruamel path")

    monkeypatch.setattr(summaries, "load_yaml", refuse)
    assert read_summary(path) == expected


def test_without_libyaml_everything_takes_the_ruamel_path(tmp_path, monkeypatch):
    import briefing.read.summaries as summaries

    monkeypatch.setattr(summaries, "_c_parser", lambda: None)
    assert summaries.load_plain_yaml("a: x\n") is None
    assert [p.id for p in read_summary(SEED).participants] == ["rahmon", "putin"]


def test_an_error_in_a_yaml_summary_still_names_its_line(tmp_path):
    path = write(tmp_path, GOOD + "event_type: meeting\n")
    with pytest.raises(SummaryError) as info:
        read_summary(path)
    assert info.value.line == GOOD.count("\n") + 1 and info.value.field == "event_type"


WORDS = ["x", "Riyadh", "الرياض", "وزير الخارجية", "a b", "a:b", "x #y", "-x", "?x", "http://x.org/a:b?c=d#e", "x,y", "it's"]
QUOTED = st.text(st.one_of(st.characters(blacklist_categories=("Cs", "Cc")), st.sampled_from(" \n'\"\\#:")), max_size=12).flatmap(
    lambda t: st.sampled_from([json.dumps(t), json.dumps(t, ensure_ascii=False), "'" + t.replace("'", "''") + "'"]))
KEYS = WORDS + ["en", "ar", "yes", "no", "on", "off", "y", "N", "1:20", "2026-1-5"]
INLINE_SLOW = [s for s in SLOW if "\n" not in s and len(s) < 50]
# Mostly plain scalars YAML 1.1 and 1.2 disagree on, some quoted, a few of ruamel's own types; keys mostly words.
SCALAR = st.integers(0, 8).flatmap(lambda n: st.sampled_from(SAME + WORDS) if n < 6 else QUOTED if n < 8 else st.sampled_from(INLINE_SLOW))
KEY = st.integers(0, 5).flatmap(lambda n: st.sampled_from(KEYS) if n < 4 else QUOTED if n < 5 else SCALAR)
NODE = st.recursive(SCALAR, lambda inner: st.tuples(st.sampled_from(["map", "seq"]), st.booleans(),
                                                     st.lists(st.tuples(KEY, inner), max_size=4, unique_by=lambda item: item[0])), max_leaves=12)


def render(node, indent: int = 0) -> str:
    """Write a generated node as YAML text: block or flow containers, scalars as generated."""
    if isinstance(node, str):
        return node
    kind, flow, items = node
    if flow or not items:
        inner = ", ".join(f"{k}: {render(v, 0 if isinstance(v, str) else indent)}" if kind == "map" else render(v) for k, v in items)
        return "{" + inner + "}" if kind == "map" else "[" + inner + "]"
    pad = " " * indent
    lines = []
    for key, value in items:
        head = f"{pad}{key}:" if kind == "map" else f"{pad}-"
        if isinstance(value, str) or value[1] or not value[2]:
            lines.append(f"{head} {render(value)}")
        else:
            lines.append(f"{head}\n{render(value, indent + 2)}")
    return "\n".join(lines)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(KEY, NODE), min_size=1, max_size=5, unique_by=lambda item: item[0]), st.booleans(), st.booleans())
def test_generated_yaml_reads_as_ruamel_reads_it(items, flow, crlf):
    text = render(("map", flow, items)) + "\n"
    event("read by libyaml" if fast_or_none(text.replace("\n", "\r\n") if crlf else text) is not None else "left to ruamel")


EDITS = [": ", "- ", "#", " #", "'", '"', "\n", "  ", "\n  ", "{", "}", "[", "]", ",", "? ", "&a ", "*a", "!!str ", "!", "yes", "010",
         "\\", "\\n", '\\"', "|", ">-\n", ":", "\n---\n", "\n...\n", "%", "~", "1.5", "0", "\n- ", ": |\n  ", "''", "\\u00e9", "\r\n",
         "{a: b}", "[a, b]", "\n-", "\n\n", ":x", " :", "<<: ", "2026-01-01", '"a\\\n b"']
SNIPPETS = ["\n".join(path.read_text(encoding="utf-8").splitlines()[:40]) + "\n" for path in YAML_FILES[::7]]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SNIPPETS), st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 4), st.sampled_from(EDITS)), min_size=1, max_size=4))
def test_edited_real_yaml_reads_as_ruamel_reads_it(text, edits):
    for position, cut, snippet in edits:  # insert a piece of YAML syntax, cut a few characters
        position %= len(text) + 1
        text = text[:position] + snippet + text[position + cut:]
    event("read by libyaml" if fast_or_none(text) is not None else "left to ruamel")


# The checks that send text to the slow paths are split into cheap parts (one run of the printable set,
# each pattern only where its first character is): they must refuse exactly what the single patterns refused.
_PRINTABLE_OR_NOT = r'[^\x0A\x0D\x20-\x7E\xA0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]|[\u2028\u2029]'
ONE_PATTERN_YAML = _PRINTABLE_OR_NOT + (r'|\r(?!\n)|\\(?![0abtnvfre "/\\N_LP\n]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})'
                                        r'|(?:^|\n) *:| {64,}:')
ONE_PATTERN_JSON = _PRINTABLE_OR_NOT + r'|\\u[dD][89a-fA-F]|\n\s*:'
ODD = ["\t", "\r", "\r\n", "\n", " ", " " * 64, ":", "\\", "\\u", "\\ud8", "\\x4", "\\N", "\x85", "\xa0", "\u2027", "\u2028",
       "\u2029", "\u202a", "\ud7ff", "\ue000", "\ufeff", "\ufffe", "\uffff", "\U0001f600", "\x7f", "\x1b", "a", "م", "\v", "\f"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(ODD), st.characters()), max_size=12))
def test_the_split_checks_refuse_what_the_single_patterns_refused(pieces):
    import re

    from briefing.read.summaries import _ODD_JSON, _not_plain_yaml, _not_yaml_text

    text = "".join(pieces)
    assert _not_plain_yaml(text) == bool(re.search(ONE_PATTERN_YAML, text))
    assert (_not_yaml_text(text) or bool(_ODD_JSON.search(text))) == bool(re.search(ONE_PATTERN_JSON, text))


def test_the_split_checks_refuse_a_long_text_for_its_last_character():
    from briefing.read.summaries import _not_plain_yaml

    text = SEED.read_text(encoding="utf-8")
    assert not _not_plain_yaml(text)
    assert all(_not_plain_yaml(text + odd) for odd in ("\t", "\u2028", "\ufeff", "\r", "\n:", "x" + " " * 64 + ":"))


def test_a_yaml_summary_libyaml_built_is_not_copied_by_to_plain(tmp_path, monkeypatch):
    import briefing.read.summaries as summaries

    path = write(tmp_path, SEED.read_text(encoding="utf-8"))
    expected = read_summary(path)

    def refuse(*args, **kwargs):
        raise AssertionError("copied by to_plain")

    monkeypatch.setattr(summaries, "to_plain", refuse)
    assert read_summary(path) == expected


@pytest.mark.parametrize("text, words", [
    ("a:\n" + "".join(f"{'  ' * n}a{n}:\n" for n in range(1, 70)) + "  " * 70 + "x: 1\n", "nested more than 64 levels"),
    ("format: 1\nlanguage: en\nevent: {type: summit}\nparticipants:\n" + "  - [" + ", ".join(["x"] * 100_001) + "]\n",
     "more than 100,000 values"),
])
def test_libyaml_leaves_what_is_over_the_bounds_to_the_yaml_path_and_its_error(tmp_path, text, words):
    from briefing.read.summaries import load_plain_yaml

    assert load_plain_yaml(text) is None
    with pytest.raises(SummaryError) as info:
        read_summary(write(tmp_path, text))
    assert words in str(info.value)
