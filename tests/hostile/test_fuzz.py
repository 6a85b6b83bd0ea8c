"""Fuzzing: random summaries and releases through validate, extract and note (PDF, DOCX, HTML).

Each input either gives a note in every format or one BriefingError (one line, our exit codes);
never another exception. Bounded (max_examples, deadline) to run in well under a minute.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.assemble.loading import load_input
from briefing.base.errors import BriefingError, ExitCode
from briefing.base.io import write_outputs
from briefing.read.config import Config
from briefing.read.sources import release_from_bytes
from briefing.read.summaries import load_yaml, summary_from_tree
from briefing.write.notes import make_options, render_note

FORMATS = ("pdf", "docx", "html")
OPTIONS = make_options(Config())
ARABIC = "استقبل وزير الخارجية اليوم في الرياض نظيره الأردني أيمن الصفدي وبحثا العلاقات الثنائية"
ENGLISH = "The Minister of Foreign Affairs received his Jordanian counterpart in Riyadh on Monday"

# Characters that broke something once: controls, escapes, surrogates, bidi marks, XML and template syntax.
RENDERABLE = st.sampled_from(["\ud83d\ude00", "\u202e", "\u200f", "&", "<b>", '"', "{{ 7*7 }}", "{% raw %}", "javascript:",
                              "\t", "\n", "ـ", "٣", "W" * 300, "\u0301", "\U0001F91D"])
REFUSED = st.sampled_from(["\x00", "\x01", "\x1b[31m", "\x9b", "\ud83d", "\ufffe"])
NASTY = st.one_of(RENDERABLE, RENDERABLE, RENDERABLE, REFUSED)
WORDS = st.sampled_from(ARABIC.split() + ENGLISH.split())
# Mostly words, sometimes something nasty or random: most inputs get far enough to be rendered.


def summaries(nasty: st.SearchStrategy[str]) -> st.SearchStrategy[dict]:
    """Summaries as plain data, their text mostly words with `nasty` pieces in it."""
    text = st.lists(st.one_of(WORDS, WORDS, WORDS, WORDS, WORDS, WORDS, WORDS, WORDS, nasty,
                              st.text(st.characters(exclude_categories=("Cc", "Cs")), max_size=20)),
                    min_size=1, max_size=6).map(" ".join)
    bitext = st.one_of(text, st.fixed_dictionaries({}, optional={"ar": text, "en": text}))
    value = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), text),
                         lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3), max_leaves=8)
    participant = st.fixed_dictionaries(
        {"id": st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True), "name": bitext},
        optional={"title": bitext, "country": st.sampled_from(["SA", "JO", "xx", "", "EG"]),
                  "side": st.sampled_from(["host", "guest", "other", "nobody"])},
    )
    return st.fixed_dictionaries(
        {"format": st.sampled_from([1, 1, 1, 1, 2]), "language": st.sampled_from(["ar", "en", "ar", "en", "fr"]),
         "event": st.fixed_dictionaries({"type": st.sampled_from(["meeting", "visit", "summit", "phone_call", "call"])},
                                        optional={"title": bitext, "place": bitext,
                                                  "date": st.sampled_from(["2026-11-30", "2026-02-30", "9999-12-31"])}),
         "participants": st.lists(participant, min_size=1, max_size=4)},
        optional={"id": st.one_of(text, st.just("note-1"), st.just("note-2")), "context": st.lists(bitext, max_size=3),
                  "agenda": st.lists(st.fixed_dictionaries({"label": bitext}), max_size=3),
                  "source": st.fixed_dictionaries({}, optional={"url": st.one_of(text, st.just("https://example.org/x")),
                                                                "title": bitext}),
                  "extra": value},
    )


SUMMARY = summaries(NASTY)
# For rendering: structure and text that validate (refused text is the validate fuzzer's and the suite's job).
RENDERABLE_SUMMARY = summaries(RENDERABLE).filter(
    lambda d: d["format"] == 1 and d["language"] != "fr" and "extra" not in d and d["event"]["type"] != "call"
    and d["event"].get("date") != "2026-02-30" and d["participants"][0].get("side") != "nobody")


def _check_note(name: str, tmp: Path) -> None:
    """Load and render an input in every format, writing all or none; only our errors may come out."""
    try:
        loaded = load_input(name)
        rendered = render_note(loaded.summary, OPTIONS, FORMATS)
    except BriefingError as error:
        _check_error(error)
        return
    assert rendered["pdf"].startswith(b"%PDF-")
    zipfile.ZipFile(io.BytesIO(rendered["docx"])).testzip()
    assert rendered["html"].decode("utf-8").startswith("<!DOCTYPE html>")
    out = tmp / "out"
    write_outputs({out / f"note.{fmt}": data for fmt, data in rendered.items()}, force=True)
    assert sorted(p.name for p in out.iterdir()) == ["note.docx", "note.html", "note.pdf"]


def _check_error(error: BriefingError) -> None:
    assert error.exit_code in (ExitCode.FAILURE, ExitCode.BAD_INPUT)
    assert "\n" not in str(error)


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=SUMMARY, as_json=st.booleans())
def test_random_summaries_validate_or_give_one_error(data: dict, as_json: bool) -> None:
    text = json.dumps(data) if as_json else _yaml(data)
    try:
        summary_from_tree(load_yaml(text, "fuzz.yaml"), "fuzz.yaml")
    except BriefingError as error:
        _check_error(error)


@settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(data=RENDERABLE_SUMMARY)
def test_random_summaries_give_a_note_in_every_format_or_one_error(data: dict, tmp_path_factory) -> None:  # noqa: ANN001
    tmp = tmp_path_factory.mktemp("fuzz")
    (tmp / "s.json").write_text(json.dumps(data), encoding="utf-8")
    _check_note(str(tmp / "s.json"), tmp)


@settings(max_examples=10, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(base=st.sampled_from([ARABIC, ENGLISH]), inserts=st.lists(st.tuples(st.integers(0, 30), NASTY), max_size=6),
       sentences=st.integers(1, 6), suffix=st.sampled_from([".txt", ".html", ".md"]))
def test_random_releases_extract_and_render_or_give_one_error(base: str, inserts: list[tuple[int, str]], sentences: int,
                                                              suffix: str, tmp_path_factory) -> None:  # noqa: ANN001
    tmp = tmp_path_factory.mktemp("fuzz")
    words = (base + ". ").split(" ") * sentences
    for position, token in inserts:
        words.insert(position % (len(words) + 1), token)
    text = " ".join(words)
    if suffix == ".html":
        text = f"<html><body><article><h1>{words[0]}</h1><p>{text}</p></article></body></html>"
    data = text.encode("utf-8", "surrogatepass")
    try:
        release_from_bytes(data, name="r", suffix=suffix)
    except BriefingError as error:
        _check_error(error)
    path = tmp / f"r{suffix}"
    path.write_bytes(data)
    _check_note(str(path), tmp)


def _yaml(data: dict) -> str:
    from ruamel.yaml import YAML

    buffer = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, buffer)
    return buffer.getvalue()
