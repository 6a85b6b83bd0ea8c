"""Follow-ups kept across events in the archive, closed by later events or by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.base.errors import InputError

ACCEPTED_VISIT_TO_TJ = dict(date="2026-11-02", url="u-origin")
PUTIN_IN_DUSHANBE = (("putin", "RU", "guest"), ("rahmon", "TJ", "host"))


def _origin(archive, make, followup, **extra):
    summary = make(ACCEPTED_VISIT_TO_TJ["date"], url="u-origin", follow_ups=(followup(**extra),))
    return archive.add_summary(summary)


def test_the_visit_that_takes_place_closes_the_follow_up(archive, make, followup):
    [fid] = _origin(archive, make, followup).opened
    visit = archive.add_summary(make("2026-11-24", type="visit", place="Dushanbe", people=PUTIN_IN_DUSHANBE, url="u2"))
    assert visit.closed == (fid,)
    [record] = archive.followups()
    assert (record.status.value, record.closed_by, record.closed_on) == ("done", visit.event_id, dt.date(2026, 11, 24))
    assert archive.followups(open_only=True) == []


def test_a_visit_added_before_its_invitation_still_closes_it(archive, make, followup):
    visit = archive.add_summary(make("2026-11-24", type="visit", place="Dushanbe", people=PUTIN_IN_DUSHANBE, url="u2"))
    origin = _origin(archive, make, followup)
    assert origin.closed == origin.opened
    assert archive.followups()[0].closed_by == visit.event_id


def test_a_visit_in_the_other_direction_does_not_close_it(archive, make, followup):
    _origin(archive, make, followup)
    archive.add_summary(make("2026-11-24", type="visit", place="Moscow", url="u2",
                             people=(("rahmon", "TJ", "guest"), ("putin", "RU", "host"))))
    [record] = archive.followups(open_only=True)
    assert record.status.value == "accepted" and not record.to_confirm


def test_a_meeting_without_sides_is_listed_to_confirm(archive, make, followup):
    _origin(archive, make, followup)
    summit = archive.add_summary(make("2026-11-24", type="summit", place="Astana", url="u2",
                                      people=(("putin", "RU", "other"), ("rahmon", "TJ", "other"))))
    [record] = archive.followups(open_only=True)
    assert record.to_confirm and record.confirm_event == summit.event_id
    assert "not certain" in record.confirm_reason


def test_an_earlier_event_never_fulfils_a_follow_up(archive, make, followup):
    archive.add_summary(make("2026-10-01", type="visit", place="Dushanbe", people=PUTIN_IN_DUSHANBE, url="u0"))
    _origin(archive, make, followup)
    assert archive.followups(open_only=True)[0].closed_by is None


def test_a_later_report_updates_the_same_follow_up(archive, make, followup):
    [fid] = _origin(archive, make, followup, status="proposed").opened
    later = make("2026-11-10", type="phone_call", place=None, url="u2",
                 follow_ups=(followup(status="scheduled", due="2026-12-01"),))
    assert archive.add_summary(later).opened == ()
    [record] = archive.followups()
    assert (record.id, record.status.value, record.due_date) == (fid, "scheduled", dt.date(2026, 12, 1))
    assert record.opened_on == dt.date(2026, 11, 2)


def test_two_sources_of_one_event_report_one_follow_up(archive, make, followup):
    _origin(archive, make, followup)
    again = make(ACCEPTED_VISIT_TO_TJ["date"], url="u-other-agency", follow_ups=(followup(what="Visit Tajikistan"),))
    assert archive.add_summary(again).opened == ()
    assert len(archive.followups()) == 1


def test_a_scheduled_meeting_that_happens_on_its_date_is_done(archive, make, followup):
    origin = make("2026-11-02", url="u1", follow_ups=(followup(kind="meeting", status="scheduled", due="2026-11-20",
                                                                  what="Intergovernmental commission"),))
    archive.add_summary(origin)
    held = archive.add_summary(make("2026-11-20", type="talks", place="Dushanbe", url="u2"))
    assert archive.followups()[0].closed_by == held.event_id


def test_a_signing_closes_an_agreement_follow_up(archive, make, followup):
    origin = make("2026-11-02", url="u1", follow_ups=(followup(
        kind="agreement", who="both", status="proposed", what="Agreement on trade and investment"),))
    archive.add_summary(origin)
    signed = archive.add_summary(make("2026-11-25", place="Dushanbe", url="u2",
                                      title="Signing of the trade agreement between Tajikistan and Russia"))
    assert archive.followups()[0].closed_by == signed.event_id


def test_close_by_hand_and_reopen_when_the_event_is_removed(archive, make, followup):
    [fid] = _origin(archive, make, followup).opened
    other = archive.add_summary(make("2026-11-30", url="u2", place="Sochi")).event_id
    record = archive.close_followup(fid, by=other)
    assert (record.status.value, record.manual, record.closed_on) == ("done", True, dt.date(2026, 11, 30))
    archive.remove_event(other)
    [record] = archive.followups(open_only=True)
    assert record.id == fid and not record.manual


def test_removing_the_fulfilling_event_reopens_the_follow_up(archive, make, followup):
    [fid] = _origin(archive, make, followup).opened
    visit = archive.add_summary(make("2026-11-24", type="visit", place="Dushanbe", people=PUTIN_IN_DUSHANBE, url="u2"))
    archive.remove_event(visit.event_id)
    assert [f.id for f in archive.followups(open_only=True)] == [fid]


def test_removing_the_origin_keeps_a_follow_up_another_event_reported(archive, make, followup):
    origin = _origin(archive, make, followup)
    archive.add_summary(make("2026-11-10", type="phone_call", place=None, url="u2", follow_ups=(followup(),)))
    archive.remove_event(origin.event_id)
    [record] = archive.followups()
    assert (record.id, record.opened_on) == (origin.opened[0], dt.date(2026, 11, 10))


def test_ids_stay_stable_when_more_follow_ups_arrive(archive, make, followup):
    [first] = _origin(archive, make, followup).opened
    archive.add_summary(make("2026-11-05", url="u2", place="Kazan", follow_ups=(
        followup(who="rahmon", what="Official visit to Russia"),)))
    assert first in [f.id for f in archive.followups()]
    assert len(archive.followups()) == 2


def test_filters_and_weekly_changes(archive, make, followup):
    [fid] = _origin(archive, make, followup).opened
    archive.add_summary(make("2026-11-24", type="visit", place="Dushanbe", people=PUTIN_IN_DUSHANBE, url="u2"))
    assert [f.id for f in archive.followups(country="tj")] == [fid]
    assert archive.followups(country="CN") == []
    assert [f.id for f in archive.followups(since=dt.date(2026, 11, 20))] == [fid]
    opened, closed = archive.followup_changes(dt.date(2026, 11, 23), dt.date(2026, 11, 29))
    assert (opened, [f.id for f in closed]) == ([], [fid])


def test_closing_an_unknown_follow_up_is_a_user_error(archive):
    with pytest.raises(InputError, match="no follow-up 42"):
        archive.close_followup(42, on=dt.date(2026, 11, 30))


def test_an_edited_summary_keeps_its_follow_up_ids(archive, make, followup):
    [fid] = _origin(archive, make, followup).opened
    edited = make(ACCEPTED_VISIT_TO_TJ["date"], url="u-origin", title="Talks (corrected)",
                  follow_ups=(followup(what="Official visit to the Republic of Tajikistan"),))
    result = archive.add_summary(edited)
    assert (result.outcome, result.opened) == ("updated", ())
    [record] = archive.followups()
    assert (record.id, record.what.en) == (fid, "Official visit to the Republic of Tajikistan")


def test_an_edited_date_moves_the_event_and_keeps_the_follow_up(archive, make, followup):
    [fid] = _origin(archive, make, followup).opened
    moved = archive.add_summary(make("2026-11-03", url="u-origin", follow_ups=(followup(),)))
    [event] = archive.events()
    [record] = archive.followups()
    assert (event.id, record.id, record.event_id, record.opened_on) == (moved.event_id, fid, moved.event_id, dt.date(2026, 11, 3))
