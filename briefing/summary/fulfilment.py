"""The follow-up tracker's rules: which later event fulfils an open follow-up; pure.

A follow-up is judged against an event only when the event is dated and later than the
follow-up's first report. `who` is the country that is to act; the target is the other
principal country of the event that reported it (none when `who` is `both` or the event had
more than two principal countries). The verdict is `done` (close it, linked to the event) or
`confirm` (list it for a person), by kind:

- visit, invitation: an event of type visit/meeting/talks/summit where `who` is a guest and
  the target a host is `done`; the reverse direction is `confirm` for an invitation (who
invited whom is often unclear) and no match for a visit; both countries
  present without host/guest sides, or an unknown target/`who` is `confirm`.
- meeting: a meeting/talks/summit/visit with both countries present is `done` on the due
  date, `confirm` without a due date or within three days of it.
- call: a phone call between both countries is `done` on the due date or when `who` placed
  it (guest side), else `confirm`.
- agreement: an event between both countries whose title, agenda or positions speak of
  signing is `done` when it shares a significant word with the follow-up's `what`
  (e.g. "trade"), else `confirm`.
- other: never closed automatically.

A later summary that repeats an open follow-up (same kind family, same `who` country, same
target; for an agreement one shared significant word of `what`, for `other` the same
wording or two shared words) updates it instead of opening a new one; one that reports it `done` or `declined`
closes it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .model import EventType, FollowUp, FollowUpKind, FollowUpStatus, Side, Summary, Text

STATUS_RANK = {"proposed": 0, "accepted": 1, "scheduled": 2, "done": 3, "declined": 3}
OPEN = frozenset({"proposed", "accepted", "scheduled"})
_MEETING_TYPES = frozenset({EventType.meeting, EventType.talks, EventType.summit, EventType.visit})
_SIGNING = re.compile(r"\bsign(?:ed|ing|s|ature)?\b|توقيع|وقع|وقّع|يوقع")
_STOPWORDS = frozenset(
    "agreement agreements memorandum understanding between countries with from that this their sign signing "
    "signed about also other official visit اتفاقية اتفاق مذكرة تفاهم بين البلدين توقيع".split()
)


@dataclass(frozen=True)
class FollowUpRecord:
    """A follow-up as the archive keeps it, ready to list or render."""

    id: int | None  # stable archive id (None when built from summaries alone)
    event_id: int | None  # the event that first reported it
    origin_note_id: str  # note id of that event's primary summary
    opened_on: dt.date | None  # date of the earliest event that reported it
    kind: FollowUpKind
    status: FollowUpStatus  # latest reported status; `done`/`declined` once closed
    who: str | None  # participant id in the first report, or `both`
    who_name: Text | None  # that participant's name
    who_country: str | None
    target_country: str | None  # where a visit goes / the other party (see module docstring)
    what: Text
    due_date: dt.date | None = None
    due_text: Text | None = None
    closed_by: int | None = None  # event that fulfilled it
    closed_on: dt.date | None = None
    manual: bool = False  # closed by hand (`briefing followups close`)
    confirm_event: int | None = None  # event that may fulfil it: a person should confirm
    confirm_reason: str | None = None
    reports: tuple[tuple[dt.date | None, FollowUpStatus], ...] = ()  # each report's date and status, earliest first
    candidates: tuple[Candidate, ...] = ()  # events that may fulfil it, best first (rejected ones left out)

    @property
    def is_open(self) -> bool:
        """Tell whether it is still proposed, accepted or scheduled."""
        return self.status.value in OPEN

    def as_of(self, day: dt.date) -> FollowUpRecord | None:
        """Return the follow-up as it stood at the end of `day`; None when nothing had reported it yet.

        Only dated facts count: reports of events up to `day`, a closure dated up to `day`, and
        candidate events up to `day`. An undated follow-up has no past and is left out.
        """
        from dataclasses import replace

        if self.opened_on is None or self.opened_on > day:
            return None
        if not self.is_open and self.closed_on is not None and self.closed_on <= day:
            return replace(self, confirm_event=None, confirm_reason=None, candidates=())
        reported = [s for d, s in self.reports if d is not None and d <= day and s.value in OPEN]
        status = reported[-1] if reported else FollowUpStatus.proposed
        known = tuple(c for c in self.candidates if c.date <= day)
        best = known[0] if known else None
        return replace(self, status=status, closed_by=None, closed_on=None, manual=False, candidates=known,
                       confirm_event=best.event_id if best else None, confirm_reason=best.reason if best else None)

    @property
    def to_confirm(self) -> bool:
        """Tell whether it is open with a candidate event a person should check."""
        return self.is_open and self.confirm_event is not None


@dataclass(frozen=True)
class Candidate:
    """An event that may fulfil a follow-up, as the tracker ranked it."""

    event_id: int
    date: dt.date
    score: int  # see `rank`: lower is better
    reason: str


@dataclass(frozen=True)
class EventFacts:
    """What the tracker needs to know of an event."""

    id: int
    date: dt.date | None
    type: EventType
    hosts: frozenset[str]
    guests: frozenset[str]
    countries: frozenset[str]
    signing: bool
    words: frozenset[str]


@dataclass(frozen=True)
class FollowUpFacts:
    """What the tracker needs to know of a follow-up."""

    id: int | None
    event_id: int | None
    kind: FollowUpKind
    who_country: str | None
    target_country: str | None
    parties: frozenset[str]  # the countries concerned: who and target, else the origin's principals
    opened_on: dt.date | None
    due_date: dt.date | None
    what: Text


@dataclass(frozen=True)
class Verdict:
    """The tracker's decision about one follow-up and one event."""

    outcome: Literal["done", "confirm"]
    reason: str


def family(kind: FollowUpKind | str) -> str:
    """Return the kind family: an invitation and a visit are the same follow-up seen twice."""
    value = kind.value if isinstance(kind, FollowUpKind) else kind
    return "visit" if value in ("visit", "invitation") else value


def who_country(summary: Summary, follow_up: FollowUp) -> str | None:
    """Return the country of the participant who is to act (None for `both` or unknown)."""
    person = summary.participant(follow_up.who) if follow_up.who and follow_up.who != "both" else None
    return person.country if person else None


def principal_set(summary: Summary) -> frozenset[str]:
    """Return the countries of the host and guest (of everyone when neither is set)."""
    people = [p for p in summary.participants if p.side in (Side.host, Side.guest)] or summary.participants
    return frozenset(p.country for p in people if p.country)


def target_country(summary: Summary, follow_up: FollowUp) -> str | None:
    """Return the other principal country of the reporting event, when there is exactly one."""
    acting = who_country(summary, follow_up)
    if acting is None:
        return None
    others = principal_set(summary) - {acting}
    return next(iter(others)) if len(others) == 1 else None


def facts_of_followup(summary: Summary, follow_up: FollowUp, *, id: int | None = None, event_id: int | None = None,
                      opened_on: dt.date | None = None) -> FollowUpFacts:
    """Describe one follow-up of a summary for the tracker."""
    acting, target = who_country(summary, follow_up), target_country(summary, follow_up)
    parties = frozenset(c for c in (acting, target) if c) if acting and target else principal_set(summary)
    due = follow_up.due.date if follow_up.due else None
    return FollowUpFacts(id, event_id, follow_up.kind, acting, target, parties,
                         opened_on if opened_on is not None else summary.event.date, due, follow_up.what)


def facts_of_event(event_id: int, summaries: Iterable[Summary]) -> EventFacts:
    """Describe an event (all its sources together) for the tracker."""
    summaries = list(summaries)
    first = summaries[0]
    hosts = {p.country for s in summaries for p in s.participants if p.side == Side.host and p.country}
    guests = {p.country for s in summaries for p in s.participants if p.side == Side.guest and p.country}
    countries = {p.country for s in summaries for p in s.participants if p.country}
    texts = [t for s in summaries for t in _texts(s)]
    signing = any(_SIGNING.search(t) for t in texts)
    return EventFacts(event_id, first.event.date, first.event.type, frozenset(hosts), frozenset(guests),
                      frozenset(countries), signing, frozenset(w for t in texts for w in _words(t)))


def judge(follow_up: FollowUpFacts, event: EventFacts) -> Verdict | None:
    """Decide whether `event` fulfils `follow_up` (done), may fulfil it (confirm), or not (None)."""
    if event.id == follow_up.event_id or event.date is None:
        return None
    if follow_up.opened_on is not None and event.date <= follow_up.opened_on:
        return None
    verdict = _RULES.get(family(follow_up.kind), _never)(follow_up, event)
    if verdict and verdict.outcome == "done" and follow_up.opened_on is None:
        return Verdict("confirm", verdict.reason + "; the follow-up's own date is unknown")
    return verdict


def _visit(f: FollowUpFacts, e: EventFacts) -> Verdict | None:
    if e.type not in _MEETING_TYPES or not f.parties or not f.parties <= e.countries:
        return None
    w, t = f.who_country, f.target_country
    if w and t and w in e.guests and t in e.hosts:
        return Verdict("done", f"{w} came to {t} as guest")
    if w and t and t in e.guests and w in e.hosts:
        if f.kind == FollowUpKind.invitation:
            return Verdict("confirm", f"{t} came to {w}: was this the invitation?")
        return None
    return Verdict("confirm", f"{' and '.join(sorted(f.parties))} met; who visited whom is not certain")


def _meeting(f: FollowUpFacts, e: EventFacts) -> Verdict | None:
    if e.type not in _MEETING_TYPES or not f.parties or not f.parties <= e.countries:
        return None
    if f.due_date == e.date:
        return Verdict("done", f"met on the due date {e.date}")
    if f.due_date is None or e.date is None or abs((f.due_date - e.date).days) <= 3:
        return Verdict("confirm", f"{' and '.join(sorted(f.parties))} met on {e.date}")
    return None


def _call(f: FollowUpFacts, e: EventFacts) -> Verdict | None:
    if e.type != EventType.phone_call or not f.parties or not f.parties <= e.countries:
        return None
    if f.due_date == e.date or (f.who_country and f.who_country in e.guests):
        return Verdict("done", f"phone call on {e.date}")
    return Verdict("confirm", f"phone call on {e.date}; who called is not certain")


def _agreement(f: FollowUpFacts, e: EventFacts) -> Verdict | None:
    if not e.signing or not f.parties or not f.parties <= e.countries:
        return None
    shared = sorted(e.words & {w for t in (f.what.ar, f.what.en) if t for w in _words(t)})
    if shared:
        return Verdict("done", f"signing reported ({', '.join(shared[:3])})")
    return Verdict("confirm", "a signing is reported; which agreement is not certain")


def _never(f: FollowUpFacts, e: EventFacts) -> Verdict | None:
    return None


_RULES = {"visit": _visit, "meeting": _meeting, "call": _call, "agreement": _agreement}


def restates(existing: FollowUpFacts, new: FollowUpFacts) -> bool:
    """Tell whether `new` is the same follow-up as `existing`, reported again."""
    if family(existing.kind) != family(new.kind) or existing.who_country != new.who_country:
        return False
    if existing.who_country is None:
        same_parties = existing.parties == new.parties
    else:
        same_parties = existing.target_country == new.target_country
    needed = {"agreement": 1, "other": 2}.get(family(new.kind), 0)
    return same_parties and (needed == 0 or _similar(existing.what, new.what, needed))


def _similar(a: Text, b: Text, needed: int) -> bool:
    """Tell whether two texts say the same: a side equal, or `needed` significant words shared."""
    for lang in ("ar", "en"):
        x, y = a.get(lang), b.get(lang)
        if x and y and (x.casefold() == y.casefold() or len(_words(x) & _words(y)) >= needed):
            return True
    return False


def rank(follow_up: FollowUpFacts, event: EventFacts, verdict: Verdict) -> int:
    """Score a candidate event for a follow-up, lower is better (ties go to the earlier event).

    In this order of weight: a `done` verdict before a `confirm`; the follow-up's countries are
    the event's host and guest (not only present); the event is of the kind's own type (a visit
    for a visit or invitation, a meeting, talks or summit for a meeting, a call for a call); for
    a visit, it took place in the target country (the target is the host).
    """
    kind = family(follow_up.kind)
    principals = event.hosts | event.guests
    score = 0 if verdict.outcome == "done" else 8
    score += 0 if follow_up.parties and follow_up.parties <= principals else 4
    score += 0 if event.type in _OWN_TYPES.get(kind, frozenset(EventType)) else 2
    if kind == "visit" and not (follow_up.target_country and follow_up.target_country in event.hosts):
        score += 1
    return score


_OWN_TYPES = {"visit": frozenset({EventType.visit}),
              "meeting": frozenset({EventType.meeting, EventType.talks, EventType.summit}),
              "call": frozenset({EventType.phone_call})}


def candidates(follow_up: FollowUpFacts, events: Iterable[EventFacts],
               rejected: frozenset[int] = frozenset()) -> list[tuple[EventFacts, Verdict, int]]:
    """Return every event that may fulfil the follow-up with its verdict and score, best first."""
    found = [(e, v, rank(follow_up, e, v)) for e in events
             if e.id not in rejected and (v := judge(follow_up, e)) is not None]
    found.sort(key=lambda evs: (evs[2], evs[0].date, evs[0].id))
    return found


def first_verdict(follow_up: FollowUpFacts, events: Iterable[EventFacts]) -> tuple[EventFacts, Verdict] | None:
    """Return the earliest event that fulfils the follow-up (`done` before `confirm`)."""
    found = [(e, v) for e in events if (v := judge(follow_up, e)) is not None]
    found.sort(key=lambda ev: (ev[1].outcome != "done", ev[0].date, ev[0].id))
    return found[0] if found else None


def _texts(summary: Summary) -> list[str]:
    texts = [summary.event.title] if summary.event.title else []
    texts += [a.label for a in summary.agenda] + [p.text for p in summary.positions]
    return [side.casefold() for t in texts for side in (t.ar, t.en) if side]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w{4,}", text.casefold()) if w not in _STOPWORDS}
