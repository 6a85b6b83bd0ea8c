"""The dedup key: when two summaries tell the same event, and when two sources are one."""

from __future__ import annotations

from briefing.archive.dedup import (
    canonical_json,
    event_key,
    normalise_place_ar,
    normalise_place_en,
    normalise_url,
    principal_countries,
    same_event,
    source_key,
)


def test_place_normalisation():
    assert normalise_place_en("  The Kremlin, Moscow ") == "kremlin moscow"
    assert normalise_place_en("Zürich") == "zurich"
    assert normalise_place_ar("الرِّياض") == normalise_place_ar("الرياض")
    assert normalise_place_ar("جدّة") == normalise_place_ar("جده")


def test_principals_are_host_and_guest_else_everyone(make):
    with_sides = make(people=(("a", "SA", "host"), ("b", "US", "guest"), ("c", "GB", "other")))
    assert principal_countries(with_sides) == ("SA", "US")
    neutral = make(people=(("a", "SA", "other"), ("b", "US", "other")))
    assert principal_countries(neutral) == ("SA", "US")


def test_same_event_rules(make):
    moscow = event_key(make(place="Moscow"))
    assert same_event(moscow, event_key(make(place="Moscow, Russia")))
    assert same_event(moscow, event_key(make(place=None)))
    assert not same_event(moscow, event_key(make(place="Sochi")))
    assert not same_event(moscow, event_key(make("2026-11-21", place="Moscow")))
    assert not same_event(event_key(make(None)), event_key(make(None)))
    arabic = event_key(make(place=None, place_ar="موسكو"))
    assert same_event(arabic, event_key(make(place=None, place_ar="مُوسكو")))
    # places named in different languages only cannot be compared: two events (documented limit)
    assert not same_event(moscow, event_key(make(place=None, place_ar="موسكو")))


def test_key_text_is_readable(make):
    assert event_key(make(place="Moscow")).text == "2026-11-20|RU,TJ|moscow"
    assert event_key(make(None, place=None)).text == "undated|RU,TJ|"


def test_source_keys(make):
    assert source_key(make(url="https://www.Example.org/news/1/#top")) == "url:example.org/news/1"
    assert source_key(make(file="/tmp/x/release-ar.txt")) == "file:release-ar.txt"
    assert source_key(make()).startswith("sha256:")
    assert source_key(make()) == source_key(make())
    assert normalise_url("http://a.org/x") == normalise_url("https://www.a.org/x/")


def test_the_stored_text_reads_back_as_the_summary_it_was_made_from(samples, readouts):
    """The archive keeps the summary in hand for its stored text instead of parsing the text back."""
    from briefing.archive.records import load_stored
    from briefing.read.summaries import read_summary

    summaries = [read_summary(p) for p in [*samples, *_gold()]] + list(readouts)
    assert len(summaries) > 60
    for summary in summaries:
        assert load_stored(canonical_json(summary), 1) == summary


def test_follow_ups_read_alone_are_the_whole_summarys(samples, readouts):
    """Listing follow-ups reads only a stored summary's follow-ups; a damaged text is still an ArchiveError."""
    import pytest

    from briefing.archive import ArchiveError
    from briefing.archive.reading import stored_follow_up
    from briefing.read.summaries import read_summary

    summaries = [read_summary(p) for p in [*samples, *_gold()]] + list(readouts)
    assert sum(len(s.follow_ups) for s in summaries) > 30
    for summary in summaries:
        text, count = canonical_json(summary), len(summary.follow_ups)
        assert [stored_follow_up(text, 1, n) for n in range(count)] == summary.follow_ups
        assert stored_follow_up(text, 1, count) is None
    for damaged in ("not json", '{"format": 1, "language": "fr"}', '{"follow_ups": [{"kind": "nap"}], "language": "en"}'):
        with pytest.raises(ArchiveError, match="not a valid summary"):
            stored_follow_up(damaged, 7, 0)


def _gold() -> list:
    """Return the gold summaries of real releases kept under tests/ (the bench copies them too)."""
    from pathlib import Path

    tests = Path(__file__).parent.parent
    return sorted((tests / "archive" / "corpus").glob("*.gold.yaml")) + sorted((tests / "extract" / "corpus" / "en" / "dev").glob("*.gold.yaml"))
