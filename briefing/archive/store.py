"""The archive over SQLAlchemy: add summaries as events with sources, list, show, remove."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable

from sqlalchemy import Connection, Engine, bindparam, insert, select, update

from ..base.errors import InputError
from ..summary.model import EventType, Summary
from ..summary.people import Person
from . import tracking
from .dedup import EventKey, canonical_json, event_key, principal_countries, same_event, source_key
from .engine import connect, writing
from .errors import ArchiveError
from .merge import source_order
from .reading import parse_stored, remember_stored
from .records import AddResult, EventRecord, Outcome, SourceRecord, SourceVersion, load_stored
from .schema import events, followups, source_versions, sources

# Statements built once: an add runs each of them for every summary (see tracking's, too).
_SOURCE_BY_KEY = (select(sources.c.id, sources.c.event_id, sources.c.summary)
                  .where(sources.c.key == bindparam("b_key")).order_by(sources.c.id))
_EVENTS_ON = (select(events).where(events.c.event_date == bindparam("b_date"), events.c.countries == bindparam("b_countries"))
              .order_by(events.c.id))
_INSERT_EVENT, _INSERT_SOURCE, _INSERT_VERSION = insert(events), insert(sources), insert(source_versions)


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
        """Store a summary: a new event, another source of a known event, or a new version of a known source.

        A source is known by its URL, else its file name, else the summary id, else its content
        (see dedup.source_key), anywhere in the archive: a corrected summary replaces the earlier
        version, moving to another event when its date, countries or place changed.
        """
        return self.add_summaries([summary])[0]

    def add_summaries(self, summaries: Iterable[Summary]) -> list[AddResult]:
        """Store summaries in order, as `add_summary` does each, in one transaction: all are stored, or none."""
        with writing(self.engine) as conn:
            versions: list[dict] = []  # stored together at the end (nothing reads them meanwhile), in order
            results = [_add(conn, summary, versions) for summary in summaries]
            if versions:
                conn.execute(_INSERT_VERSION, versions)
            return results

    def history(self, event_id: int) -> list[SourceVersion]:
        """Return every version of the sources this event holds or held, oldest first."""
        with self.engine.connect() as conn:
            keys = set(conn.execute(select(source_versions.c.source_key)
                                    .where(source_versions.c.event_id == event_id)).scalars())
            keys |= set(conn.execute(select(sources.c.key).where(sources.c.event_id == event_id)).scalars())
            if not keys:
                raise InputError(f"no event {event_id} in the archive, now or before", hint="see `briefing archive list`")
            rows = conn.execute(select(source_versions).where(source_versions.c.source_key.in_(sorted(keys)))
                                .order_by(source_versions.c.id)).all()
        return [SourceVersion(r.id, r.source_key, r.event_id, r.action, r.recorded_at,
                              load_stored(r.summary, r.id) if r.summary else None) for r in rows]

    def pick_source(self, event_id: int, source_id: int | None) -> EventRecord:
        """Make the event's account follow one of its sources (None: back to the rule in archive.merge)."""
        event = self.event(event_id)
        if source_id is not None and source_id not in {s.id for s in event.sources}:
            raise InputError(f"event {event_id} has no source {source_id}",
                             hint=f"its sources are {', '.join(str(s.id) for s in event.sources)}")
        with writing(self.engine) as conn:
            conn.execute(update(events).where(events.c.id == event_id).values(picked_source=source_id))
            _refresh_event(conn, event_id)
            tracking.retrack(conn, _open_followups(conn))
        return self.event(event_id)

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

    def people(self, **filters) -> list[tuple[Person, tuple[int, ...]]]:  # noqa: ANN003 - as for `events`
        """Return each person once across the events (see briefing.summary.people), with the ids of their events."""
        from ..summary.people import gather

        seen = [(e.id, p) for e in self.events(**filters) for p in e.summary.participants]
        found = gather([p for _, p in seen])
        return [(person, tuple(sorted({seen[i][0] for i in person.members}))) for person in found]

    def followups_reported_by(self, summaries: Iterable[Summary], *, as_of: dt.date | None = None):
        """Return the archive's follow-ups that these summaries' sources report (as of a day), and the
        summaries the archive does not hold."""
        from .schema import mentions

        wanted, unknown = set(), []
        with self.engine.connect() as conn:
            for summary in summaries:
                source_id = conn.execute(select(sources.c.id).where(sources.c.key == source_key(summary))).scalar()
                if source_id is None:
                    unknown.append(summary)
                    continue
                wanted |= set(conn.execute(select(mentions.c.followup_id).where(mentions.c.source_id == source_id)).scalars())
            found = tracking.list_followups(conn, as_of=as_of) if wanted else []
        return [f for f in found if f.id in wanted], unknown

    def earlier_contacts(self, summary: Summary, *, limit: int = 5) -> tuple[list[EventRecord], list]:
        """Return the last `limit` events between the summary's principal countries before its date (latest
        first), and the follow-ups open between them at that date; the summary's own event is left out."""
        countries = principal_countries(summary)
        parties = frozenset(c for c in countries if not c.startswith("~"))
        day = summary.event.date
        with self.engine.connect() as conn:
            own = conn.execute(select(sources.c.event_id).where(sources.c.key == source_key(summary))).scalar()
            ids = _last_between(conn, countries, before=day, leave_out=own, limit=limit)
            found = tracking.list_followups(conn, open_only=True, as_of=day)
            between = [f for f in found if f.event_id != own and (p := tracking.parties(conn, f)) and p <= parties]
        return self._latest_first(ids), between

    def contacts_before(self, found: Iterable[EventRecord], day: dt.date, *, limit: int = 3) -> list[tuple[tuple[str, ...], list[EventRecord]]]:
        """Return, for each set of two or more countries that the `found` events bring together (in the order of
        their first event; a participant of no known country leaves the set out), the last `limit` events between
        them dated before `day`, latest first. Only event dates count, so the answer for a past `day` stays put."""
        groups = dict.fromkeys(e.countries for e in sorted(found, key=lambda e: (e.date or dt.date.min, e.id))
                               if len(e.countries) > 1 and not any(c.startswith("~") for c in e.countries))
        with self.engine.connect() as conn:
            ids = {c: _last_between(conn, c, before=day, leave_out=None, limit=limit) for c in groups}
        return [(c, self._latest_first(ids[c])) for c in groups]

    def _latest_first(self, ids: list[int]) -> list[EventRecord]:
        """Return the events of `ids`, latest first."""
        return sorted(self.events(ids=ids), key=lambda e: (e.date, e.id), reverse=True) if ids else []

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
            for key in conn.execute(select(sources.c.key).where(sources.c.event_id == event_id)
                                    .order_by(sources.c.id)).scalars().all():
                conn.execute(_INSERT_VERSION, _version(key, event_id, "removed", None))
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

    def followups_of_range(self, start: dt.date, end: dt.date):
        """Return what a digest lists, as it stood at the end of `end`: the follow-ups opened and those closed
        between the two dates (as `followup_changes`), and those still open (as `followups(open_only=True, as_of=end)`)."""
        with self.engine.connect() as conn:
            every = tracking.list_followups(conn, as_of=end)
        opened, closed = tracking.split_changes(every, start, end)
        return opened, closed, [f for f in every if f.is_open]

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


def _add(conn: Connection, summary: Summary, versions: list[dict]) -> AddResult:
    """Store one summary in the open transaction (see Archive.add_summary); its version goes to `versions`."""
    key, skey, text = event_key(summary), source_key(summary), canonical_json(summary)
    known = conn.execute(_SOURCE_BY_KEY, {"b_key": skey}).first()
    if known is not None and known.summary == text:
        return AddResult(known.event_id, known.id, "unchanged")
    old_event, orphans = tracking.detach_source(conn, known.id) if known is not None else (None, [])
    event_id = _match_event(conn, key)
    if event_id is None:
        event_id = _insert_event(conn, key, summary)
        outcome: Outcome = "new" if known is None else "moved" if old_event is not None else "updated"
    else:
        outcome = "merged" if known is None else "updated" if event_id == old_event else "moved"
    tracking.forget_event(conn, event_id)  # it gains a source
    source_id = conn.execute(_INSERT_SOURCE, dict(
        event_id=event_id, key=skey, note_id=summary.note_id, summary=text,
        content_hash=hashlib.sha256(text.encode()).hexdigest())).inserted_primary_key[0]  # type: ignore[index]
    remember_stored(text, summary)  # it reads back equal (canonical JSON round-trips): no parse
    versions.append(_version(skey, event_id, {"new": "added", "merged": "added"}.get(outcome, outcome), text))
    opened = tracking.merge_followups(conn, event_id, source_id, summary, text, reuse=orphans)
    if old_event is not None and old_event != event_id:
        tracking.delete_event_if_empty(conn, old_event)
        _refresh_event(conn, old_event)
    if outcome != "new":  # a new event already has its only source's type and place
        _refresh_event(conn, event_id)
    tracking.settle(conn, orphans)
    closed, confirm = tracking.track_event(conn, event_id, opened, only=summary if outcome == "new" else None)
    return AddResult(event_id, source_id, outcome, tuple(opened), tuple(closed), tuple(confirm),
                     moved_from=old_event if outcome == "moved" else None)


def _match_event(conn: Connection, key: EventKey) -> int | None:
    if key.date is None:
        return None
    rows = conn.execute(_EVENTS_ON, {"b_date": dt.date.fromisoformat(key.date), "b_countries": ",".join(key.countries)}).all()
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
    return conn.execute(_INSERT_EVENT, values).inserted_primary_key[0]  # type: ignore[index]


def _refresh_event(conn: Connection, event_id: int) -> None:
    """Set the event's type and place from its sources, whatever order they came in (see archive.merge).

    The type is the first source's (picked, else by key); each side of the place is the first
    source's that names one, so a later source can fill a place the others left out.
    """
    row = conn.execute(select(events).where(events.c.id == event_id)).first()
    if row is None:
        return
    stored = conn.execute(select(sources.c.id, sources.c.key, sources.c.summary)
                          .where(sources.c.event_id == event_id)).all()
    if not stored:
        return
    ordered = sorted(stored, key=lambda r: source_order(r.key, r.id, row.picked_source))
    told = [parse_stored(r.summary, r.id) for r in ordered]
    keys = [event_key(summary) for summary in told]
    place_en = next((k.place_en for k in keys if k.place_en), "")
    place_ar = next((k.place_ar for k in keys if k.place_ar), "")
    first = told[0]
    new_key = EventKey(_key_of(row).date, _key_of(row).countries, place_en, place_ar)
    conn.execute(update(events).where(events.c.id == event_id).values(
        type=first.event.type.value, place_en=place_en, place_ar=place_ar, key=new_key.text))


def _version(key: str, event_id: int, action: str, text: str | None) -> dict:
    """Return the row of a source's version, recorded now."""
    return dict(source_key=key, event_id=event_id, action=action, summary=text,
                recorded_at=dt.datetime.now(dt.UTC).replace(tzinfo=None))


def _open_followups(conn: Connection) -> list[int]:
    query = select(followups.c.id).where(followups.c.status.in_(["proposed", "accepted", "scheduled"]))
    return list(conn.execute(query.order_by(followups.c.id)).scalars())


def _record(conn: Connection, row) -> EventRecord:  # noqa: ANN001
    rows = list(conn.execute(select(sources).where(sources.c.event_id == row.id)).all())
    rows.sort(key=lambda r: source_order(r.key, r.id, row.picked_source))
    if not rows:
        raise ArchiveError(f"event {row.id} has no source", hint="remove it with `briefing archive remove`")
    recs = tuple(SourceRecord(r.id, r.key, load_stored(r.summary, r.id)) for r in rows)
    countries = tuple(c for c in row.countries.split(",") if c)
    return EventRecord(row.id, row.key, row.event_date, EventType(row.type), countries, recs, row.picked_source)


def _names(person, needle: str) -> bool:  # noqa: ANN001 - a Participant
    return any(needle in (t or "").casefold() for t in (person.id, person.name.ar, person.name.en))


def _last_between(conn: Connection, countries: tuple[str, ...], *, before: dt.date | None, leave_out: int | None, limit: int) -> list[int]:
    """Return the ids of the last `limit` dated events between exactly these principal countries, before `before`."""
    query = select(events.c.id).where(events.c.countries == ",".join(countries), events.c.event_date.is_not(None))
    if before is not None:
        query = query.where(events.c.event_date < before)
    if leave_out is not None:
        query = query.where(events.c.id != leave_out)
    return list(conn.execute(query.order_by(events.c.event_date.desc(), events.c.id.desc()).limit(limit)).scalars().all())
