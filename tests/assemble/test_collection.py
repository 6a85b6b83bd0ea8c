"""Packs and digests as data: order, ranges, index, counts, weeks."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.assemble.collection import assemble_digest, assemble_pack, iso_week_range, week_label
from briefing.base.errors import ConfigError
from briefing.read.summaries import read_summary
from briefing.summary.model import Text, parse_summary


def summary(date="2026-11-24", type="meeting", people=(("rahmon", "TJ", "guest"), ("putin", "RU", "host")),
            title=None, follow_ups=(), classification=None, agenda=()):
    title = title or {"en": "Talks in Moscow", "ar": "مباحثات في موسكو"}
    data = {
        "format": 1, "language": "en",
        "event": {"type": type, "date": date, "title": title, "place": {"en": "Moscow", "ar": "موسكو"}},
        "participants": [{"id": i, "name": {"en": i.title(), "ar": "اسم " + i}, "country": c, "side": s}
                         for i, c, s in people],
        "follow_ups": list(follow_ups), "agenda": [{"label": label} for label in agenda],
    }
    if classification:
        data["classification"] = classification
    return parse_summary(data)


def test_pack_events_in_date_order_with_undated_last():
    pack = assemble_pack([summary("2026-11-26"), summary(None), summary("2026-11-20")])
    assert [e.date for e in pack.events] == [dt.date(2026, 11, 20), dt.date(2026, 11, 26), None]
    assert [e.number for e in pack.events] == [1, 2, 3]
    assert (pack.start, pack.end, pack.undated) == (dt.date(2026, 11, 20), dt.date(2026, 11, 26), 1)
    assert len({e.anchor for e in pack.events}) == 3


def test_pack_title_default_and_given():
    assert assemble_pack([summary()]).title.en == "Briefing pack"
    assert assemble_pack([summary()], title="ملف موسكو").title == Text(ar="ملف موسكو")
    assert assemble_pack([summary()], title="Moscow file").title == Text(en="Moscow file")


def test_pack_takes_the_most_restrictive_classification():
    from briefing.render.collection import pack_view
    from briefing.render.options import RenderOptions

    pack = assemble_pack([summary(classification="RESTRICTED"), summary(classification="SECRET"), summary()])
    assert pack_view(pack, RenderOptions()).classification == "SECRET"


def test_participant_index_says_who_met_whom_and_when():
    pack = assemble_pack([summary("2026-11-20"), summary("2026-11-26", people=(("putin", "RU", "host"), ("xi", "CN", "guest")))])
    putin = next(p for p in pack.participants if p.name.en == "Putin")
    assert [(m.date, [c.name.en for c in m.counterparts]) for m in putin.meetings] == [
        (dt.date(2026, 11, 20), ["Rahmon"]), (dt.date(2026, 11, 26), ["Xi"])]
    assert [p.name.en for p in pack.participants] == ["Putin", "Rahmon", "Xi"]


def test_pack_lists_only_open_follow_ups():
    items = ({"kind": "visit", "who": "putin", "what": {"en": "Visit"}, "status": "accepted"},
             {"kind": "call", "who": "rahmon", "what": {"en": "Call"}, "status": "declined"})
    pack = assemble_pack([summary(follow_ups=items)])
    assert [(f.kind.value, f.who_country, f.target_country) for f in pack.open_followups] == [("visit", "RU", "TJ")]


def test_pack_of_real_readouts_is_the_same_whatever_the_input_order(readouts, samples):
    summaries = [*readouts, *map(read_summary, samples)]
    assert len(summaries) > 40 and any(s.event.date is None for s in summaries)
    pack = assemble_pack(summaries)
    assert len(pack.events) == len(summaries)
    assert pack == assemble_pack(list(reversed(summaries)))
    assert pack == assemble_pack(summaries[1::2] + summaries[::2])


def test_digest_counts_and_keeps_only_the_range():
    events = [summary("2026-11-23"), summary("2026-11-24", type="phone_call"), summary("2026-11-30"), summary(None)]
    digest = assemble_digest(events, ([], []), [], start=dt.date(2026, 11, 23), end=dt.date(2026, 11, 29))
    assert digest.week == "2026-W48" and digest.total == 2 and not digest.is_empty
    assert [(c.key, c.count) for c in digest.counts_by_type] == [("meeting", 1), ("phone_call", 1)]
    assert [(c.key, c.count) for c in digest.counts_by_country] == [("RU", 2), ("TJ", 2)]


def test_an_empty_week_is_empty():
    digest = assemble_digest([], ([], []), [], start=dt.date(2026, 11, 23), end=dt.date(2026, 11, 29))
    assert digest.is_empty and digest.counts_by_type == ()


def test_iso_weeks():
    assert iso_week_range("2026-W48", dt.date(2026, 1, 1)) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert iso_week_range("last", dt.date(2026, 11, 30)) == (dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert iso_week_range("last", dt.date(2026, 1, 1)) == (dt.date(2025, 12, 22), dt.date(2025, 12, 28))
    assert week_label(dt.date(2026, 11, 23), dt.date(2026, 11, 30)) is None


@pytest.mark.parametrize("spec", ["2026-48", "2026-W54", "next", ""])
def test_bad_weeks_are_option_errors(spec):
    with pytest.raises(ConfigError, match="--week"):
        iso_week_range(spec, dt.date(2026, 11, 30))


def test_a_follow_up_told_by_two_summaries_is_listed_once():
    visit = {"kind": "visit", "who": "putin", "what": {"en": "Visit to Tajikistan"}, "status": "accepted"}
    again = {**visit, "what": {"en": "Official visit to Dushanbe"}}
    pack = assemble_pack([summary("2026-11-20", follow_ups=(visit,)), summary("2026-11-21", follow_ups=(again,))])
    assert [f.what.en for f in pack.open_followups] == ["Visit to Tajikistan"]
