"""The tracker's rules, on summaries built in the test (no archive)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.summary.fulfilment import facts_of_event, facts_of_followup, first_verdict, judge, restates, target_country
from briefing.summary.model import parse_summary


def summary(date="2026-11-02", type="meeting", people=(("rahmon", "TJ", "guest"), ("putin", "RU", "host")),
            follow_ups=(), title="Talks"):
    return parse_summary({
        "format": 1, "language": "en",
        "event": {"type": type, "date": date, "title": {"en": title}},
        "participants": [{"id": i, "name": {"en": i}, "country": c, "side": s} for i, c, s in people],
        "follow_ups": list(follow_ups),
    })


def item(kind="visit", who="putin", status="accepted", what="Official visit to Tajikistan", due=None):
    data = {"kind": kind, "who": who, "status": status, "what": {"en": what}}
    if due:
        data["due"] = {"date": due}
    return data


def fu(**kw):
    origin = summary(follow_ups=(item(**kw),))
    return facts_of_followup(origin, origin.follow_ups[0], id=1, event_id=1)


def ev(event_id=2, **kw):
    return facts_of_event(event_id, [summary(**kw)])


RU_VISITS_TJ = (("putin", "RU", "guest"), ("rahmon", "TJ", "host"))


def test_target_is_the_other_principal_country():
    origin = summary(follow_ups=(item(),))
    assert target_country(origin, origin.follow_ups[0]) == "TJ"
    both = summary(follow_ups=(item(who="both"),))
    assert target_country(both, both.follow_ups[0]) is None


@pytest.mark.parametrize("type_", ["visit", "meeting", "talks", "summit"])
def test_the_accepted_visit_taking_place_is_done(type_):
    verdict = judge(fu(), ev(date="2026-11-24", type=type_, people=RU_VISITS_TJ))
    assert verdict is not None and verdict.outcome == "done"


def test_a_phone_call_is_not_a_visit():
    assert judge(fu(), ev(date="2026-11-24", type="phone_call", people=RU_VISITS_TJ)) is None


def test_same_day_or_earlier_events_do_not_count():
    assert judge(fu(), ev(date="2026-11-02", type="visit", people=RU_VISITS_TJ)) is None
    assert judge(fu(), ev(date="2026-10-02", type="visit", people=RU_VISITS_TJ)) is None


def test_an_undated_event_is_never_judged():
    assert judge(fu(), ev(date=None, type="visit", people=RU_VISITS_TJ)) is None


def test_a_visit_by_someone_else_does_not_count():
    assert judge(fu(), ev(date="2026-11-24", type="visit", people=(("xi", "CN", "guest"), ("rahmon", "TJ", "host")))) is None


def test_an_invitation_answered_the_other_way_round_is_to_confirm():
    verdict = judge(fu(kind="invitation"), ev(date="2026-11-24", type="visit",
                                               people=(("rahmon", "TJ", "guest"), ("putin", "RU", "host"))))
    assert verdict.outcome == "confirm"


def test_a_meeting_on_its_due_date_is_done_and_near_it_is_to_confirm():
    meeting = fu(kind="meeting", status="scheduled", due="2026-11-20", what="Commission")
    assert judge(meeting, ev(date="2026-11-20", type="talks")).outcome == "done"
    assert judge(meeting, ev(date="2026-11-22", type="talks")).outcome == "confirm"
    assert judge(meeting, ev(date="2026-12-20", type="talks")) is None


def test_a_call_placed_by_who_is_done():
    call = fu(kind="call", status="proposed", what="Phone call")
    assert judge(call, ev(date="2026-11-24", type="phone_call", people=RU_VISITS_TJ)).outcome == "done"
    assert judge(call, ev(date="2026-11-24", type="phone_call")).outcome == "confirm"


def test_an_agreement_needs_a_signing_that_shares_a_word():
    agreement = fu(kind="agreement", who="both", status="proposed", what="Agreement on energy cooperation")
    assert judge(agreement, ev(date="2026-11-24", title="Signing of the energy agreement")).outcome == "done"
    assert judge(agreement, ev(date="2026-11-24", title="Signing ceremony")).outcome == "confirm"
    assert judge(agreement, ev(date="2026-11-24", title="Talks on energy")) is None


def test_other_follow_ups_are_never_closed_automatically():
    other = fu(kind="other", what="Send doctors")
    assert judge(other, ev(date="2026-11-24", type="visit", people=RU_VISITS_TJ)) is None


def test_done_is_preferred_to_an_earlier_confirm():
    events = [ev(2, date="2026-11-10", type="summit", people=(("putin", "RU", "other"), ("rahmon", "TJ", "other"))),
              ev(3, date="2026-11-24", type="visit", people=RU_VISITS_TJ)]
    found_event, verdict = first_verdict(fu(), events)
    assert (found_event.id, verdict.outcome) == (3, "done")


def test_an_invitation_restates_a_visit_but_not_another_direction():
    assert restates(fu(), fu(kind="invitation", status="proposed"))
    assert not restates(fu(), fu(who="rahmon"))


def test_other_follow_ups_restate_only_with_the_same_wording():
    assert restates(fu(kind="other", what="Send doctors to Yemen"), fu(kind="other", what="Send doctors to Yemen"))
    assert not restates(fu(kind="other", what="Send doctors to Yemen"), fu(kind="other", what="Send food aid"))


def test_dates_are_compared_not_strings():
    facts = fu()
    assert facts.opened_on == dt.date(2026, 11, 2)


def test_candidates_rank_a_visit_between_the_two_sides_before_a_meeting_where_both_were_present():
    from briefing.summary.fulfilment import candidates

    both = fu(who="both")
    summit = ev(2, date="2026-11-10", type="summit", people=(("putin", "RU", "other"), ("rahmon", "TJ", "other")))
    visit = ev(3, date="2026-12-01", type="visit", people=RU_VISITS_TJ)
    ranked = candidates(both, [summit, visit])
    assert [e.id for e, _, _ in ranked] == [3, 2]  # the later visit first: host and guest, of the visit's own type
    assert [score for _, _, score in ranked] == [9, 15]
    assert [e.id for e, _, _ in candidates(both, [summit, visit], rejected=frozenset({3}))] == [2]


def test_a_record_as_of_a_day_knows_only_what_was_reported_by_then():
    from briefing.summary.fulfilment import Candidate, FollowUpRecord
    from briefing.summary.model import FollowUpKind, FollowUpStatus, Text

    record = FollowUpRecord(
        id=1, event_id=1, origin_note_id="n", opened_on=dt.date(2015, 8, 7), kind=FollowUpKind.visit,
        status=FollowUpStatus.done, who="both", who_name=None, who_country=None, target_country=None,
        what=Text(en="More visits"), closed_by=3, closed_on=dt.date(2015, 8, 12),
        reports=((dt.date(2015, 8, 7), FollowUpStatus.proposed), (dt.date(2015, 8, 9), FollowUpStatus.accepted)),
        candidates=(Candidate(2, dt.date(2015, 8, 8), 13, "met"),))
    assert record.as_of(dt.date(2015, 8, 6)) is None
    assert record.as_of(dt.date(2015, 8, 7)).status == FollowUpStatus.proposed and not record.as_of(dt.date(2015, 8, 7)).to_confirm
    w32 = record.as_of(dt.date(2015, 8, 9))
    assert (w32.status, w32.closed_by, w32.confirm_event) == (FollowUpStatus.accepted, None, 2)
    assert record.as_of(dt.date(2015, 8, 12)).status == FollowUpStatus.done
