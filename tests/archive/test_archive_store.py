"""The archive on SQLite and PostgreSQL: events, sources, dedup, list/show/remove."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.archive import ArchiveError
from briefing.archive.store import open_archive
from briefing.base.errors import InputError
from briefing.read.summaries import read_summary


def test_same_event_from_two_sources_is_one_event(archive, make):
    first = archive.add_summary(make(url="https://a.example/1", place="Moscow"))
    second = archive.add_summary(make(url="https://b.example/2", place="Moscow, Russia", people=(
        ("putin", "RU", "host"), ("rahmon", "TJ", "guest"), ("lavrov", "RU", "other"))))
    assert (first.outcome, second.outcome) == ("new", "merged")
    assert first.event_id == second.event_id
    [event] = archive.events()
    assert [s.key for s in event.sources] == ["url:a.example/1", "url:b.example/2"]


def test_different_date_place_or_countries_are_different_events(archive, make):
    archive.add_summary(make(url="u1"))
    archive.add_summary(make("2026-11-21", url="u2"))
    archive.add_summary(make(url="u3", place="Dushanbe"))
    archive.add_summary(make(url="u4", people=(("rahmon", "TJ", "guest"), ("xi", "CN", "host"))))
    assert len(archive.events()) == 4


def test_a_source_without_place_joins_the_event_and_a_later_place_fills_it(archive, make):
    a = archive.add_summary(make(url="u1", place=None))
    b = archive.add_summary(make(url="u2", place="Moscow"))
    assert a.event_id == b.event_id
    assert archive.event(a.event_id).key == "2026-11-20|RU,TJ|moscow"


def test_undated_events_are_never_merged(archive, make):
    archive.add_summary(make(None, url="u1"))
    archive.add_summary(make(None, url="u2"))
    assert len(archive.events()) == 2


def test_adding_the_same_summary_twice_changes_nothing(archive, make):
    summary = make(file="release.txt")
    first = archive.add_summary(summary)
    again = archive.add_summary(summary)
    assert again.outcome == "unchanged" and again.event_id == first.event_id
    assert len(archive.event(first.event_id).sources) == 1


def test_an_edited_summary_of_the_same_url_replaces_its_source(archive, make):
    archive.add_summary(make(url="https://a.example/1", title="Talks"))
    result = archive.add_summary(make(url="http://www.a.example/1/", title="Talks in Moscow"))
    assert result.outcome == "updated"
    [event] = archive.events()
    assert [s.summary.event.title.en for s in event.sources] == ["Talks in Moscow"]


def test_a_moved_url_leaves_no_empty_event(archive, make):
    archive.add_summary(make(url="https://a.example/1"))
    archive.add_summary(make("2026-11-22", url="https://a.example/1"))
    assert [e.date for e in archive.events()] == [dt.date(2026, 11, 22)]


def test_filters_by_date_country_and_participant(archive, make):
    archive.add_summary(make("2026-11-18", url="u1"))
    archive.add_summary(make("2026-11-25", url="u2", people=(("sisi", "EG", "host"), ("hadi", "YE", "guest"))))
    archive.add_summary(make(None, url="u3"))
    assert [e.date for e in archive.events(since=dt.date(2026, 11, 20))] == [dt.date(2026, 11, 25)]
    assert len(archive.events(until=dt.date(2026, 11, 20))) == 1
    assert [e.countries for e in archive.events(country="eg")] == [("EG", "YE")]
    assert len(archive.events(participant="PUTIN")) == 2


def test_events_come_in_date_order_with_undated_last(archive, make):
    for date, url in (("2026-11-25", "a"), (None, "b"), ("2026-11-18", "c")):
        archive.add_summary(make(date, url=url))
    assert [e.date for e in archive.events()] == [dt.date(2026, 11, 18), dt.date(2026, 11, 25), None]


def test_remove_deletes_the_event_and_its_sources(archive, make):
    kept = archive.add_summary(make(url="u1")).event_id
    gone = archive.add_summary(make("2026-11-21", url="u2")).event_id
    archive.remove_event(gone)
    assert [e.id for e in archive.events()] == [kept]
    with pytest.raises(InputError, match=f"no event {gone}"):
        archive.event(gone)


def test_stored_summary_reads_back_equal(archive, samples):
    for path in samples:
        summary = read_summary(path)
        event_id = archive.add_summary(summary).event_id
        assert archive.event(event_id).summary == summary, path.name


def test_real_readouts_are_stored_once_each(archive, readouts):
    assert len(readouts) > 40
    for summary in readouts:
        archive.add_summary(summary)
    for summary in readouts:
        assert archive.add_summary(summary).outcome == "unchanged"
    assert sum(len(e.sources) for e in archive.events()) == len(readouts)


def test_the_archive_persists_across_openings(archive_url, make):
    with open_archive(archive_url) as first:
        event_id = first.add_summary(make(url="u1")).event_id
    with open_archive(archive_url, create=False) as second:
        assert second.event(event_id).summary.event.date == dt.date(2026, 11, 20)


def test_a_damaged_record_is_an_archive_error(archive, make):
    from sqlalchemy import update

    from briefing.archive.schema import sources

    event_id = archive.add_summary(make(url="u1")).event_id
    with archive.engine.begin() as conn:
        conn.execute(update(sources).values(summary='{"format": 1, "language": "fr"}'))
    with pytest.raises(ArchiveError, match="not a valid summary"):
        archive.event(event_id)


def test_an_unreachable_server_is_an_archive_error():
    with pytest.raises(ArchiveError, match="cannot open the archive at postgresql\\+psycopg://u:\\*\\*\\*@127.0.0.1:9/x"):
        open_archive("postgresql+psycopg://u:secret@127.0.0.1:9/x")


def test_a_missing_file_is_not_created_for_reading(tmp_path):
    with pytest.raises(ArchiveError, match="no archive here yet"):
        open_archive(f"sqlite:///{tmp_path / 'none.sqlite'}", create=False)
    assert not (tmp_path / "none.sqlite").exists()


def test_long_places_and_many_participants_fit(archive, make):
    people = tuple((f"person{i}", None, "host" if i % 2 else "guest") for i in range(30))
    place = "Conference hall of the " + " ".join(["International"] * 60) + " Centre"
    summary = make(url="https://a.example/" + "x" * 900, place=place, people=people)
    event = archive.event(archive.add_summary(summary).event_id)
    assert event.summary == summary and len(event.countries) == 30
