"""The archive over SQLAlchemy: add summaries as events with sources, list, show, remove."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, insert, select, update

from ..errors import InputError
from ..model import EventType, Summary
from . import tracking
from .dedup import EventKey, canonical_json, event_key, same_event, source_key
from .engine import connect, writing
from .errors import ArchiveError
from .records import AddResult, EventRecord, SourceRecord
from .schema import events, sources


def open_archive(url: str, *, create: bool = True) -> Archive:
    """Open (creating and migrating when needed) the archive at a SQLAlchemy URL."""
    return Archive(connect(url, create=create))


class Archive:
    """Events, their sources and follow-ups, in SQLite or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database connections."""
        self.engine.dispose()

    def add_summary(self, summary: Summary) -> AddResult:
        """Store a summary: a new event, another source of a known event, or an update of a source."""
        key, skey, text = event_key(summary), source_key(summary), canonical_json(summary)
        with writing(self.engine) as conn:
            updated, old_event, orphans = False, None, []
            if skey.startswith("url:"):
                row = conn.execute(select(sources.c.id, sources.c.event_id, sources.c.summary).where(sources.c.key == skey)
                                   .order_by(sources.c.id)).first()
                if row is not None:
                    if row.summary == text:
                        return AddResult(row.event_id, row.id, "unchanged")
                    old_event, orphans = tracking.detach_source(conn, row.id)
                    updated = True
            event_id = _match_event(conn, key)
            if event_id is None:
                event_id = _insert_event(conn, key, summary)
                outcome = "updated" if updated else "new"
            else:
                row = conn.execute(select(sources.c.id, sources.c.summary)
                                   .where(sources.c.event_id == event_id, sources.c.key == skey)).first()
                if row is not None and row.summary == text:
                    return AddResult(event_id, row.id, "unchanged")
                if row is not None:
                    orphans = tracking.detach_source(conn, row.id)[1]
                    updated = True
                _widen_place(conn, event_id, key)
                outcome = "updated" if updated else "merged"
            source_id = conn.execute(insert(sources).values(
                event_id=event_id, key=skey, note_id=summary.note_id, summary=text)).inserted_primary_key[0]
            opened = tracking.merge_followups(conn, event_id, source_id, summary, reuse=orphans)
            if old_event is not None and old_event != event_id:
                tracking.delete_event_if_empty(conn, old_event)
            tracking.settle(conn, orphans)
            closed, confirm = tracking.track_event(conn, event_id, opened)
            return AddResult(event_id, source_id, outcome, tuple(opened), tuple(closed), tuple(confirm))

    def events(self, *, since: dt.date | None = None, until: dt.date | None = None, country: str | None = None,
               participant: str | None = None, ids: Iterable[int] | None = None) -> list[EventRecord]:
        """Return events in date order (undated last), filtered by date range, country or participant."""
        query = select(events).order_by(events.c.event_date.is_(None), events.c.event_date, events.c.id)
        if since is not None:
            query = query.where(events.c.event_date >= since)
        if until is not None:
            query = query.where(events.c.event_date <= until)
        if ids is not None:
            query = query.where(events.c.id.in_(list(ids)))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
            found = [_record(conn, row) for row in rows]
        if country:
            code = country.strip().upper()
            found = [e for e in found if any(p.country == code for s in e.sources for p in s.summary.participants)]
        if participant:
            needle = participant.strip().casefold()
            found = [e for e in found if any(_names(p, needle) for s in e.sources for p in s.summary.participants)]
        return found

    def event(self, event_id: int) -> EventRecord:
        """Return one event; InputError when there is no such id."""
        with self.engine.connect() as conn:
            row = conn.execute(select(events).where(events.c.id == event_id)).first()
            if row is None:
                raise InputError(f"no event {event_id} in the archive", hint="see `briefing archive list`")
            return _record(conn, row)

    def remove_event(self, event_id: int) -> None:
        """Delete an event, its sources and the follow-ups only it reported; reopen what it closed."""
        self.event(event_id)
        with writing(self.engine) as conn:
            tracking.delete_event(conn, event_id)

    def followups(self, *, open_only: bool = False, country: str | None = None, since: dt.date | None = None,
                  as_of: dt.date | None = None):
        """Return follow-ups, as they stood at the end of `as_of` when given (see `tracking.list_followups`)."""
        with self.engine.connect() as conn:
            return tracking.list_followups(conn, open_only=open_only, country=country, since=since, as_of=as_of)

    def followup_changes(self, start: dt.date, end: dt.date):
        """Return (opened, closed): follow-ups first reported, and closed, between two dates."""
        with self.engine.connect() as conn:
            return tracking.changes(conn, start, end)

    def close_followup(self, followup_id: int, *, by: int | None = None, on: dt.date | None = None,
                       status: str = "done"):
        """Close a follow-up by hand, linked to event `by` when given."""
        if by is not None:
            self.event(by)
        with writing(self.engine) as conn:
            return tracking.close_by_hand(conn, followup_id, by=by, on=on, status=status)

    def confirm_followup(self, followup_id: int, event_id: int):
        """Record that `event_id` fulfilled the follow-up (closed as done by hand, on the event's date)."""
        self.event(event_id)
        with writing(self.engine) as conn:
            return tracking.confirm_by(conn, followup_id, event_id)

    def reject_candidate(self, followup_id: int, event_id: int):
        """Record that `event_id` does not fulfil the follow-up; it is never proposed again."""
        self.event(event_id)
        with writing(self.engine) as conn:
            return tracking.reject(conn, followup_id, event_id)


def _match_event(conn: Connection, key: EventKey) -> int | None:
    if key.date is None:
        return None
    rows = conn.execute(select(events).where(events.c.event_date == dt.date.fromisoformat(key.date),
                                             events.c.countries == ",".join(key.countries)).order_by(events.c.id)).all()
    matches = [r for r in rows if same_event(key, _key_of(r))]
    exact = [r for r in matches if (key.place_en, key.place_ar) == (r.place_en, r.place_ar)]
    best = exact or matches
    return best[0].id if best else None


def _key_of(row) -> EventKey:  # noqa: ANN001 - a Row of `events`
    date = row.event_date.isoformat() if row.event_date else None
    return EventKey(date, tuple(c for c in row.countries.split(",") if c), row.place_en, row.place_ar)


def _insert_event(conn: Connection, key: EventKey, summary: Summary) -> int:
    values = dict(key=key.text, event_date=summary.event.date, type=summary.event.type.value,
                  countries=",".join(key.countries), place_en=key.place_en, place_ar=key.place_ar)
    return conn.execute(insert(events).values(**values)).inserted_primary_key[0]


def _widen_place(conn: Connection, event_id: int, key: EventKey) -> None:
    """Give an event the place a later source names when it had none on that side."""
    row = conn.execute(select(events).where(events.c.id == event_id)).one()
    place_en, place_ar = row.place_en or key.place_en, row.place_ar or key.place_ar
    if (place_en, place_ar) != (row.place_en, row.place_ar):
        new_key = EventKey(_key_of(row).date, _key_of(row).countries, place_en, place_ar)
        conn.execute(update(events).where(events.c.id == event_id)
                     .values(place_en=place_en, place_ar=place_ar, key=new_key.text))


def _record(conn: Connection, row) -> EventRecord:  # noqa: ANN001
    rows = conn.execute(select(sources).where(sources.c.event_id == row.id).order_by(sources.c.id)).all()
    if not rows:
        raise ArchiveError(f"event {row.id} has no source", hint="remove it with `briefing archive remove`")
    recs = tuple(SourceRecord(r.id, r.key, load_stored(r.summary, r.id)) for r in rows)
    countries = tuple(c for c in row.countries.split(",") if c)
    return EventRecord(row.id, row.key, row.event_date, EventType(row.type), countries, recs)


def load_stored(text: str, source_id: int) -> Summary:
    """Parse a stored summary; ArchiveError when the record is damaged."""
    from pydantic import ValidationError

    from ..model import parse_summary

    try:
        return parse_summary(json.loads(text))
    except (ValueError, ValidationError) as exc:
        first = str(exc).strip().splitlines()[0]
        raise ArchiveError(f"source record {source_id} is not a valid summary: {first}",
                           hint="remove its event and add the summary again") from None


def _names(person, needle: str) -> bool:  # noqa: ANN001 - a Participant
    return any(needle in (t or "").casefold() for t in (person.id, person.name.ar, person.name.en))
