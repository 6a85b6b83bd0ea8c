"""Follow-ups in the archive: merge reports, keep stable ids, apply the tracker's verdicts."""

from __future__ import annotations

import datetime as dt
import json
import weakref
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, bindparam, delete, insert, or_, select, update

from ..base.errors import InputError
from ..summary.fulfilment import (
    OPEN,
    Candidate,
    EventFacts,
    FollowUpFacts,
    FollowUpRecord,
    Verdict,
    facts_of_event,
    facts_of_followup,
    family,
    judge,
    rank,
    restates,
)
from ..summary.fulfilment import candidates as rank_candidates
from ..summary.model import FollowUp, FollowUpKind, FollowUpStatus, Summary
from .reading import parse_stored, stored_follow_up
from .schema import candidates, decisions, events, followups, mentions, sources

JUDGED = sorted(k.value for k in FollowUpKind if family(k) != "other")  # `other` is never closed by an event

# Statements built once: adding a summary runs them many times (building one costs more than running it).
_FOLLOWUP = select(followups).where(followups.c.id == bindparam("b_fid"))
_UPDATE_FOLLOWUP = update(followups).where(followups.c.id == bindparam("b_fid"))  # SET what the parameters name
_INSERT_FOLLOWUP, _INSERT_MENTION, _INSERT_CANDIDATE = insert(followups), insert(mentions), insert(candidates)
_MENTIONS = (select(mentions.c.item, sources.c.id, sources.c.summary, events.c.id.label("eid"), events.c.event_date)
             .join(sources, sources.c.id == mentions.c.source_id).join(events, events.c.id == sources.c.event_id)
             .where(mentions.c.followup_id == bindparam("b_fid")))
_SOURCES_OF_EVENT = (select(sources.c.id, sources.c.summary).where(sources.c.event_id == bindparam("b_event"))
                     .order_by(sources.c.id))


def _one_of(column, values: Sequence[str]):  # noqa: ANN001, ANN202 - a Column; a clause
    """Return `column IN values` as plain comparisons (an IN list is re-rendered at every execution)."""
    return or_(*(column == v for v in values))


def _same_family(family_name: str):  # noqa: ANN202 - a Select
    kinds = [k.value for k in FollowUpKind if family(k) == family_name]
    return (select(followups.c.id, followups.c.event_id, followups.c.status)
            .where(_one_of(followups.c.kind, kinds)).order_by(followups.c.id))


_FAMILIES = sorted({family(k) for k in FollowUpKind})
_SAME_FAMILY_BY = {f: _same_family(f).where(followups.c.who_country == bindparam("b_who")) for f in _FAMILIES}
_SAME_FAMILY_ANYONE = {f: _same_family(f).where(followups.c.who_country.is_(None)) for f in _FAMILIES}
_OPEN_FOR_EVENT = (select(followups.c.id, followups.c.who_country, followups.c.target_country, events.c.countries)
                   .join(events, events.c.id == followups.c.event_id)
                   .where(_one_of(followups.c.status, sorted(OPEN)), followups.c.manual.is_(False),
                          followups.c.event_id != bindparam("b_event"), _one_of(followups.c.kind, JUDGED))
                   .order_by(followups.c.id))  # who_country is None or one of the event's: checked on each row
_REFUSED_AT = select(decisions.c.followup_id).where(decisions.c.event_id == bindparam("b_event"),
                                                    decisions.c.verdict == "rejected")
_REJECTED = select(decisions.c.event_id).where(decisions.c.followup_id == bindparam("b_fid"), decisions.c.verdict == "rejected")
_EVENT_EXISTS = select(events.c.id).where(events.c.id == bindparam("b_event"))
_DATED_EVENTS = (select(events.c.id).where(events.c.event_date.is_not(None), events.c.id != bindparam("b_event"))
                 .order_by(events.c.id))
_DATED_EVENTS_AFTER = _DATED_EVENTS.where(events.c.event_date > bindparam("b_date"))
_DROP_CANDIDATES = delete(candidates).where(candidates.c.followup_id == bindparam("b_fid"))
_DROP_CANDIDATE = _DROP_CANDIDATES.where(candidates.c.event_id == bindparam("b_event"))
_STATUS = select(followups.c.status).where(followups.c.id == bindparam("b_fid"))
_CANDIDATES = (select(candidates).where(candidates.c.followup_id == bindparam("b_fid"))
               .order_by(candidates.c.score, candidates.c.event_date, candidates.c.event_id))


@dataclass(frozen=True)
class _Mention:
    event_id: int
    date: dt.date | None
    source_id: int
    text: str  # the source's stored summary
    item: FollowUp

    @property
    def summary(self) -> Summary:
        """Return the source's whole summary (parsed when first asked: most reports need only their item)."""
        return parse_stored(self.text, self.source_id)


_KNOWN: weakref.WeakKeyDictionary[Connection, dict[int, list[_Mention]]] = weakref.WeakKeyDictionary()


def _known(conn: Connection) -> dict[int, list[_Mention]]:
    """Return the reports already read on this connection, by follow-up (see `_mentions` and `_forget_reports`)."""
    found = _KNOWN.get(conn)
    if found is None:
        found = _KNOWN[conn] = {}
    return found


def _forget_reports(conn: Connection, fid: int | None = None) -> None:
    """Drop the reports read of a follow-up (of all when None): they are about to change."""
    if fid is None:
        _KNOWN.pop(conn, None)
    else:
        _known(conn).pop(fid, None)


def _add_report(conn: Connection, fid: int, mention: _Mention) -> None:
    """Add a report just stored to those read of its follow-up, in their order (as reading them again gives)."""
    known = _known(conn)
    if fid in known:
        known[fid] = sorted([*known[fid], mention], key=_report_order)


def _report_order(m: _Mention) -> tuple:
    return (m.date is None, m.date or dt.date.min, m.source_id)


def _mentions(conn: Connection, fid: int) -> list[_Mention]:
    """Return the reports of a follow-up, earliest event first (read once per connection until they change)."""
    known = _known(conn)
    if fid not in known:
        known[fid] = _read_mentions(conn, fid)
    return known[fid]


def _read_mentions(conn: Connection, fid: int) -> list[_Mention]:
    rows = conn.execute(_MENTIONS, {"b_fid": fid}).all()
    found = []
    for r in rows:
        item = stored_follow_up(r.summary, r.id, r.item)
        if item is not None:
            found.append(_Mention(r.eid, r.event_date, r.id, r.summary, item))
    found.sort(key=_report_order)
    return found


def _facts(conn: Connection, fid: int, found: list[_Mention] | None = None) -> FollowUpFacts | None:
    found = _mentions(conn, fid) if found is None else found
    if not found:
        return None
    first = found[0]
    return facts_of_followup(first.summary, first.item, id=fid, event_id=first.event_id, opened_on=first.date)


_DESCRIBED: weakref.WeakKeyDictionary[Connection, dict[int, EventFacts]] = weakref.WeakKeyDictionary()


def event_facts(conn: Connection, event_id: int) -> EventFacts:
    """Describe an event from all its sources (once per connection until its sources change: see `forget_event`)."""
    described = _DESCRIBED.setdefault(conn, {})
    if event_id not in described:
        rows = conn.execute(_SOURCES_OF_EVENT, {"b_event": event_id}).all()
        described[event_id] = facts_of_event(event_id, [parse_stored(r.summary, r.id) for r in rows])
    return described[event_id]


def forget_event(conn: Connection, event_id: int) -> None:
    """Drop what was read of an event: a source is about to join or leave it."""
    _DESCRIBED.get(conn, {}).pop(event_id, None)


def merge_followups(conn: Connection, event_id: int, source_id: int, summary: Summary, text: str,
                    reuse: Sequence[int] = ()) -> list[int]:
    """Link each follow-up of a new source (its summary, stored as `text`, dated as its event) to a known one,
    or open it; return the new ids.

    `reuse` lists the follow-ups an earlier version of the same source reported: an edited
    summary keeps their ids.
    """
    opened: list[int] = []
    taken: set[int] = set()
    for index, item in enumerate(summary.follow_ups):
        new = facts_of_followup(summary, item, event_id=event_id)
        fid = _reusable(conn, reuse, new, taken)
        if fid is None:
            fid = _find_same(conn, event_id, new, taken)
        if fid is None:
            fid = conn.execute(_INSERT_FOLLOWUP, dict(
                event_id=event_id, kind=item.kind.value, who=item.who, who_country=new.who_country,
                target_country=new.target_country, status=item.status.value)).inserted_primary_key[0]  # type: ignore[index]
            opened.append(fid)
        taken.add(fid)
        conn.execute(_INSERT_MENTION, dict(followup_id=fid, source_id=source_id, item=index))
        _add_report(conn, fid, _Mention(event_id, summary.event.date, source_id, text, item))
        refresh(conn, fid)
    return opened


def _reusable(conn: Connection, reuse: Sequence[int], new: FollowUpFacts, taken: set[int]) -> int | None:
    """Return the first follow-up of the source's earlier version with the same kind, who and target."""
    for fid in reuse:
        row = conn.execute(_FOLLOWUP, {"b_fid": fid}).first()
        if row is None or fid in taken or family(row.kind) != family(new.kind):
            continue
        if (row.who_country, row.target_country) == (new.who_country, new.target_country):
            conn.execute(_UPDATE_FOLLOWUP, {"b_fid": fid, "event_id": new.event_id})
            return fid
    return None


def _find_same(conn: Connection, event_id: int, new: FollowUpFacts, taken: set[int]) -> int | None:
    """Find the follow-up a report repeats: same event first (same wording first), then open ones."""
    query, params = (_SAME_FAMILY_BY[family(new.kind)], {"b_who": new.who_country}) if new.who_country else \
        (_SAME_FAMILY_ANYONE[family(new.kind)], {})
    candidates = []
    for row in conn.execute(query, params).all():
        if row.id in taken or (row.event_id != event_id and row.status not in OPEN):
            continue
        found = _mentions(conn, row.id)
        facts = _facts(conn, row.id, found)
        if facts is None or not restates(facts, new):
            continue
        same_words = any(m.item.what == new.what for m in found)
        candidates.append((row.event_id != event_id, not same_words, row.id))
    return min(candidates)[2] if candidates else None


def refresh(conn: Connection, fid: int) -> None:
    """Recompute a follow-up from its reports: origin, who, status, closure; drop it when unreported."""
    row = conn.execute(_FOLLOWUP, {"b_fid": fid}).first()
    if row is None:
        return
    found = _mentions(conn, fid)
    if not found:
        _forget(conn, followups.c.id == fid)
        return
    first, facts = found[0], _facts(conn, fid, found)
    assert facts is not None  # found is not empty
    values: dict = dict(event_id=first.event_id, kind=first.item.kind.value, who=first.item.who,
                        who_country=facts.who_country, target_country=facts.target_country)
    closing = next((m for m in found if m.item.status.value in ("done", "declined")), None)
    if row.manual:
        pass
    elif closing is not None:
        values.update(status=closing.item.status.value, closed_by=closing.event_id, closed_on=closing.date)
    elif row.closed_by is not None and _still_done(conn, facts, row.closed_by):
        values.update(status="done")
    else:
        values.update(status=found[-1].item.status.value, closed_by=None, closed_on=None)
    conn.execute(_UPDATE_FOLLOWUP, {"b_fid": fid, **values})


def _still_done(conn: Connection, facts: FollowUpFacts, event_id: int) -> bool:
    exists = conn.execute(_EVENT_EXISTS, {"b_event": event_id}).first()
    if event_id in rejected(conn, facts.id):
        return False
    verdict = judge(facts, event_facts(conn, event_id)) if exists else None
    return verdict is not None and verdict.outcome == "done"


def track_event(conn: Connection, event_id: int, new_fids: list[int], *, only: Summary | None = None) -> tuple[list[int], list[int]]:
    """Judge open follow-ups against a new event, and new follow-ups against later events.

    `only` is the summary of an event just created, its only source: nothing to read back, and no
    decision names it yet (an event's decisions go with it).
    """
    closed: list[int] = []
    confirm: list[int] = []
    told = [only] if only is not None else \
        [parse_stored(r.summary, r.id) for r in conn.execute(_SOURCES_OF_EVENT, {"b_event": event_id}).all()]
    event: EventFacts | None = None  # described when a follow-up may concern it (as event_facts does)
    if told and told[0].event.date is not None:
        countries = frozenset(p.country for s in told for p in s.participants if p.country)  # as EventFacts'
        refused = set() if only is not None else set(conn.execute(_REFUSED_AT, {"b_event": event_id}).scalars())
        for row in conn.execute(_OPEN_FOR_EVENT, {"b_event": event_id}).all():
            if row.who_country is not None and row.who_country not in countries:
                continue
            fid = row.id
            facts = _facts(conn, fid) if fid not in refused and _may_concern(row, countries) else None
            if facts is not None:
                event = event or facts_of_event(event_id, told)
                _apply(conn, fid, facts, event, judge(facts, event), closed, confirm)
    retrack(conn, new_fids, closed, confirm)
    return closed, confirm


def _may_concern(row, countries: frozenset[str]) -> bool:  # noqa: ANN001 - a Row: who, target, origin's countries
    """Tell cheaply whether the follow-up's countries can all be at the event (every rule asks for it)."""
    if row.who_country and row.target_country:
        parties = {row.who_country, row.target_country}
    else:
        parties = {c for c in row.countries.split(",") if c and not c.startswith("~")}
    return bool(parties) and parties <= countries


def retrack(conn: Connection, fids: list[int], closed: list[int] | None = None,
            confirm: list[int] | None = None) -> None:
    """Judge follow-ups against every later event in the archive: keep all candidates, close on the best `done`."""
    closed = [] if closed is None else closed
    confirm = [] if confirm is None else confirm
    seen: dict[int, EventFacts] = {}
    for fid in fids:
        row = conn.execute(_FOLLOWUP, {"b_fid": fid}).first()
        if row is None or row.status not in OPEN or row.manual or row.kind not in JUDGED:
            continue
        facts = _facts(conn, fid)
        if facts is None:
            continue
        query, params = (_DATED_EVENTS, {"b_event": facts.event_id}) if facts.opened_on is None else \
            (_DATED_EVENTS_AFTER, {"b_event": facts.event_id, "b_date": facts.opened_on})
        ids = conn.execute(query, params).scalars().all()
        later = [seen[eid] if eid in seen else seen.setdefault(eid, event_facts(conn, eid)) for eid in ids]
        conn.execute(_DROP_CANDIDATES, {"b_fid": fid})
        for event, verdict, _score in reversed(rank_candidates(facts, later, rejected(conn, fid))):
            _apply(conn, fid, facts, event, verdict, closed, confirm)


def rejected(conn: Connection, fid: int | None) -> frozenset[int]:
    """Return the events a person said do not fulfil the follow-up."""
    if fid is None:
        return frozenset()
    return frozenset(conn.execute(_REJECTED, {"b_fid": fid}).scalars())


def _apply(conn: Connection, fid: int, facts: FollowUpFacts, event: EventFacts, verdict: Verdict | None,
           closed: list[int], confirm: list[int]) -> None:
    """Record a verdict: `done` closes the follow-up; `confirm` adds a dated candidate and re-picks the best."""
    if verdict is None:
        return
    if verdict.outcome == "done":
        conn.execute(_UPDATE_FOLLOWUP, {"b_fid": fid, "status": "done", "closed_by": event.id, "closed_on": event.date})
        if fid not in closed:
            closed.append(fid)
        _pick_candidate(conn, fid)
        return
    conn.execute(_DROP_CANDIDATE, {"b_fid": fid, "b_event": event.id})
    conn.execute(_INSERT_CANDIDATE, dict(followup_id=fid, event_id=event.id, event_date=event.date,
                                         score=rank(facts, event, verdict), reason=verdict.reason))
    if _pick_candidate(conn, fid) == event.id and fid not in confirm:
        confirm.append(fid)


def _pick_candidate(conn: Connection, fid: int) -> int | None:
    """Point the follow-up at its best candidate (see `rank`); None when it is closed or has none."""
    status = conn.execute(_STATUS, {"b_fid": fid}).scalar()
    best = _candidates(conn, fid)[:1] if status in OPEN else []
    event_id = best[0].event_id if best else None
    conn.execute(_UPDATE_FOLLOWUP, {"b_fid": fid, "confirm_event": event_id,
                                    "confirm_reason": best[0].reason if best else None})
    return event_id


def _candidates(conn: Connection, fid: int) -> tuple[Candidate, ...]:
    """Return the follow-up's candidate events, best first, rejected ones left out."""
    refused = rejected(conn, fid)
    return tuple(Candidate(r.event_id, r.event_date, r.score, r.reason)
                 for r in conn.execute(_CANDIDATES, {"b_fid": fid}).all() if r.event_id not in refused)


def reject(conn: Connection, fid: int, event_id: int) -> FollowUpRecord:
    """Record that an event does not fulfil a follow-up: it is never proposed again; reopen what it closed."""
    row = _followup_row(conn, fid)
    listed = {c.event_id for c in _candidates(conn, fid)}
    if event_id not in listed and row.closed_by != event_id:
        raise InputError(f"event {event_id} is not a candidate for follow-up {fid}",
                         hint=f"see `briefing followups show {fid}`")
    conn.execute(insert(decisions).values(followup_id=fid, event_id=event_id, verdict="rejected"))
    conn.execute(delete(candidates).where(candidates.c.followup_id == fid, candidates.c.event_id == event_id))
    if row.closed_by == event_id:
        conn.execute(update(followups).where(followups.c.id == fid).values(closed_by=None, closed_on=None, manual=False))
        refresh(conn, fid)
        retrack(conn, [fid])
    _pick_candidate(conn, fid)
    return _records(conn, [fid])[0]


def confirm_by(conn: Connection, fid: int, event_id: int) -> FollowUpRecord:
    """Record that an event fulfilled a follow-up: closed as done by hand, on the event's date."""
    _followup_row(conn, fid)
    conn.execute(delete(decisions).where(decisions.c.followup_id == fid, decisions.c.event_id == event_id))
    conn.execute(insert(decisions).values(followup_id=fid, event_id=event_id, verdict="confirmed"))
    return close_by_hand(conn, fid, by=event_id, on=None, status="done")


def _followup_row(conn: Connection, fid: int):  # noqa: ANN202 - a Row of `followups`
    row = conn.execute(select(followups).where(followups.c.id == fid)).first()
    if row is None:
        raise InputError(f"no follow-up {fid} in the archive", hint="see `briefing followups`")
    return row


def detach_source(conn: Connection, source_id: int) -> tuple[int, list[int]]:
    """Delete a source and its reports; return its event and the follow-ups it reported (to `settle`)."""
    event_id = conn.execute(select(sources.c.event_id).where(sources.c.id == source_id)).scalar_one()
    affected = _mentioned_by(conn, [source_id])
    _forget_reports(conn)
    forget_event(conn, event_id)
    conn.execute(delete(mentions).where(mentions.c.source_id == source_id))
    conn.execute(delete(sources).where(sources.c.id == source_id))
    return event_id, affected


def settle(conn: Connection, fids: list[int]) -> None:
    """Recompute follow-ups that lost a report, and judge the ones still open again."""
    for fid in fids:
        refresh(conn, fid)
    retrack(conn, fids)


def delete_event_if_empty(conn: Connection, event_id: int) -> None:
    """Delete an event that has no source left."""
    if conn.execute(select(sources.c.id).where(sources.c.event_id == event_id)).first() is None:
        delete_event(conn, event_id)


def delete_event(conn: Connection, event_id: int) -> None:
    """Delete an event; follow-ups it closed reopen, those it alone reported go."""
    source_ids = list(conn.execute(select(sources.c.id).where(sources.c.event_id == event_id)).scalars())
    affected = set(_mentioned_by(conn, source_ids))
    affected |= set(conn.execute(select(followups.c.id).where(or_(
        followups.c.closed_by == event_id, followups.c.confirm_event == event_id))).scalars())
    _forget_reports(conn)
    forget_event(conn, event_id)
    conn.execute(update(followups).where(followups.c.closed_by == event_id)
                 .values(closed_by=None, closed_on=None, manual=False))
    conn.execute(update(followups).where(followups.c.confirm_event == event_id)
                 .values(confirm_event=None, confirm_reason=None))
    if source_ids:
        conn.execute(delete(mentions).where(mentions.c.source_id.in_(source_ids)))
    conn.execute(delete(candidates).where(candidates.c.event_id == event_id))
    conn.execute(delete(decisions).where(decisions.c.event_id == event_id))
    for fid in sorted(affected):
        refresh(conn, fid)
    _forget(conn, followups.c.event_id == event_id)
    conn.execute(delete(sources).where(sources.c.event_id == event_id))
    conn.execute(delete(events).where(events.c.id == event_id))
    retrack(conn, sorted(affected))


def _forget(conn: Connection, which) -> None:  # noqa: ANN001 - a clause on `followups`
    """Delete follow-ups with their candidates and decisions."""
    fids = list(conn.execute(select(followups.c.id).where(which)).scalars())
    _forget_reports(conn)
    if fids:
        conn.execute(delete(candidates).where(candidates.c.followup_id.in_(fids)))
        conn.execute(delete(decisions).where(decisions.c.followup_id.in_(fids)))
        conn.execute(delete(followups).where(followups.c.id.in_(fids)))


def _mentioned_by(conn: Connection, source_ids: list[int]) -> list[int]:
    if not source_ids:
        return []
    query = select(mentions.c.followup_id).where(mentions.c.source_id.in_(source_ids)).distinct()
    return sorted(conn.execute(query).scalars())


def close_by_hand(conn: Connection, fid: int, *, by: int | None, on: dt.date | None, status: str) -> FollowUpRecord:
    """Close a follow-up as done (or declined) by a person, linked to an event when given."""
    if conn.execute(select(followups.c.id).where(followups.c.id == fid)).first() is None:
        raise InputError(f"no follow-up {fid} in the archive", hint="see `briefing followups`")
    if by is not None and on is None:
        on = conn.execute(select(events.c.event_date).where(events.c.id == by)).scalar()
    conn.execute(update(followups).where(followups.c.id == fid).values(
        status=status, closed_by=by, closed_on=on, manual=True, confirm_event=None, confirm_reason=None))
    return _records(conn, [fid])[0]


def list_followups(conn: Connection, *, open_only: bool = False, country: str | None = None,
                   since: dt.date | None = None, as_of: dt.date | None = None) -> list[FollowUpRecord]:
    """Return follow-ups, first reported first; `since` keeps those opened or closed on or after it.

    With `as_of`, each follow-up is as it stood at the end of that day (see FollowUpRecord.as_of):
    later reports, closures and candidates are left out, and so are follow-ups not yet reported.
    """
    query = select(followups.c.id)
    if open_only and as_of is None:
        query = query.where(followups.c.status.in_(sorted(OPEN)))
    found = _records(conn, list(conn.execute(query.order_by(followups.c.id)).scalars()))
    if as_of is not None:
        found = [past for f in found if (past := f.as_of(as_of)) is not None]
        found = [f for f in found if f.is_open or not open_only]
    if country:
        code = country.strip().upper()
        found = [f for f in found if code in (f.who_country, f.target_country) or code in parties(conn, f)]
    if since is not None:
        found = [f for f in found if (f.opened_on and f.opened_on >= since) or (f.closed_on and f.closed_on >= since)]
    return sorted(found, key=lambda f: (f.opened_on is None, f.opened_on or dt.date.min, f.id))


def changes(conn: Connection, start: dt.date, end: dt.date) -> tuple[list[FollowUpRecord], list[FollowUpRecord]]:
    """Return the follow-ups opened, and those closed, between `start` and `end` (inclusive), as of `end`."""
    return split_changes(list_followups(conn, as_of=end), start, end)


def split_changes(every: list[FollowUpRecord], start: dt.date, end: dt.date) -> tuple[list[FollowUpRecord], list[FollowUpRecord]]:
    """Return, of every follow-up as of `end`, those opened and those closed between `start` and `end` (see `changes`)."""
    opened = [f for f in every if f.opened_on and start <= f.opened_on <= end]
    closed = [f for f in every if not f.is_open and f.closed_on and start <= f.closed_on <= end]
    return opened, sorted(closed, key=lambda f: (f.closed_on, f.id))


def parties(conn: Connection, record: FollowUpRecord) -> frozenset[str]:
    """Return the countries a follow-up concerns: who and target, else its first report's principals."""
    facts = _facts(conn, record.id) if record.id is not None else None
    return facts.parties if facts else frozenset()


def _records(conn: Connection, fids: list[int]) -> list[FollowUpRecord]:
    out = []
    for fid in fids:
        row = conn.execute(select(followups).where(followups.c.id == fid)).one()
        found = _mentions(conn, fid)
        if not found:
            continue
        first = found[0]
        person = first.summary.participant(first.item.who) if first.item.who else None
        dated = [m for m in found if m.item.due and (m.item.due.date or m.item.due.text)]
        due = dated[-1].item.due if dated else None
        out.append(FollowUpRecord(
            id=fid, event_id=first.event_id, origin_note_id=first.summary.note_id, opened_on=first.date,
            kind=FollowUpKind(row.kind), status=FollowUpStatus(row.status), who=row.who,
            who_name=person.name if person else None, who_country=row.who_country,
            target_country=row.target_country, what=first.item.what, due_date=due.date if due else None,
            due_text=due.text if due else None, closed_by=row.closed_by, closed_on=row.closed_on,
            manual=bool(row.manual), confirm_event=row.confirm_event, confirm_reason=row.confirm_reason,
            reports=tuple((m.date, m.item.status) for m in found), candidates=_candidates(conn, fid)))
    return out


def dumps_record(record: FollowUpRecord) -> str:
    """Return a follow-up record as one line of JSON (for scripts)."""
    from dataclasses import asdict

    return json.dumps(asdict(record), default=str, ensure_ascii=False, sort_keys=True)
