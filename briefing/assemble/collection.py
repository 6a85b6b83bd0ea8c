"""Packs and digests as data, from summaries and archive records; pure (no I/O, no "now").

Renderers read these frozen dataclasses: every human-readable field is a `Text` (a side
that is None is pending translation), dates are `datetime.date` (None when unknown),
sequences are tuples in the order they are to be printed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from ..base.errors import ConfigError
from ..summary.fulfilment import FollowUpRecord
from ..summary.model import EventType, FollowUpStatus, Participant, Summary, Text, slugify

DEFAULT_PACK_TITLE = Text(ar="ملف إحاطة", en="Briefing pack")
CLASSIFICATION_RANK = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "RESTRICTED")
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$", re.IGNORECASE)


@dataclass(frozen=True)
class Counterpart:
    """Someone a person met at one event."""

    name: Text
    country: str | None


@dataclass(frozen=True)
class Meeting:
    """One event a person took part in, for the participant index."""

    date: dt.date | None
    number: int  # the event's number in the pack (1-based)
    anchor: str  # the event's anchor (see PackEvent.anchor)
    type: EventType
    place: Text | None
    counterparts: tuple[Counterpart, ...]  # others present from another country (everyone else if none)


@dataclass(frozen=True)
class PersonEntry:
    """A participant in the pack's index: who they met, and when."""

    name: Text
    title: Text | None  # the title given at their first event in the pack
    country: str | None
    meetings: tuple[Meeting, ...]  # in pack order
    variants: tuple[Text, ...] = ()  # every name the notes give this person (the fullest is `name`)


@dataclass(frozen=True)
class Contacts:
    """The relationship behind one event, from an archive: earlier events between the same countries, open follow-ups between them."""

    events: tuple[Any, ...]  # archive EventRecords, latest first
    followups: tuple[FollowUpRecord, ...]


@dataclass(frozen=True)
class PartyContacts:
    """The earlier contacts between one set of countries that a digest's events bring together."""

    countries: tuple[str, ...]  # ISO codes, sorted
    events: tuple[Any, ...]  # archive EventRecords dated before the digest's first day, latest first


@dataclass(frozen=True)
class PackEvent:
    """One note of the pack."""

    number: int  # 1-based, in pack order
    anchor: str  # unique id for links, TOC entries and bookmarks: `event-<number>-<note id>`
    note_id: str
    date: dt.date | None
    summary: Summary  # the primary summary (the first source for an archive event)
    sources: int  # how many sources told the event (1 for a plain summary)
    event_id: int | None  # archive id, None for a plain summary
    contacts: Contacts | None = None  # with an archive (see `attach_contacts`)


@dataclass(frozen=True)
class Pack:
    """A briefing pack: cover, notes in date order (undated last), index of participants, open follow-ups."""

    title: Text
    start: dt.date | None  # first and last event date (None when no event is dated)
    end: dt.date | None
    events: tuple[PackEvent, ...]
    participants: tuple[PersonEntry, ...]  # sorted by name (English, else Arabic)
    open_followups: tuple[FollowUpRecord, ...]  # first reported first, undated last
    undated: int  # how many events have no date

    @property
    def is_empty(self) -> bool:
        """Tell whether the pack has no event."""
        return not self.events


@dataclass(frozen=True)
class Count:
    """How many events of one type, or with one country."""

    key: str  # event type value (`meeting`) or country code (`TJ`)
    count: int


@dataclass(frozen=True)
class DigestEvent:
    """One event of the week (render/paragraphs.py words its short paragraph)."""

    number: int
    anchor: str
    event_id: int | None
    note_id: str
    date: dt.date
    type: EventType
    summary: Summary
    sources: int


@dataclass(frozen=True)
class Digest:
    """The weekly digest: counts, the week's events, follow-up changes and every open follow-up."""

    start: dt.date
    end: dt.date
    week: str | None  # `2026-W48` when start..end is exactly one ISO week
    counts_by_type: tuple[Count, ...]  # in EventType order, types with events only
    counts_by_country: tuple[Count, ...]  # most events first, then by code
    events: tuple[DigestEvent, ...]  # in date order
    opened: tuple[FollowUpRecord, ...]  # first reported in the range
    closed: tuple[FollowUpRecord, ...]  # closed in the range
    open_followups: tuple[FollowUpRecord, ...]  # every follow-up still open
    contacts: tuple[PartyContacts, ...] = ()  # earlier contacts, per set of countries, in the order of their first event

    @property
    def is_empty(self) -> bool:
        """Tell whether the range had no event (the digest then says so)."""
        return not self.events

    @property
    def total(self) -> int:
        """Return the number of events in the range."""
        return len(self.events)


def assemble_pack(items: Iterable[Any], *, title: str | Text | None = None,
                  followups: Sequence[FollowUpRecord] | None = None) -> Pack:
    """Build a pack from summaries or archive EventRecords; follow-ups from `followups` or the summaries."""
    # Events with the same date and id are ordered by their whole content, so input order never matters.
    entries = sorted((_unwrap(item) for item in items),
                     key=lambda e: (_date_key(e[0]), e[0].note_id, e[0].model_dump_json(), e[2] or 0))
    events = tuple(PackEvent(n, _anchor(n, s.note_id), s.note_id, s.event.date, s, count, eid)
                   for n, (s, count, eid) in enumerate(entries, 1))
    dates = [e.date for e in events if e.date]
    if followups is None:
        followups = _distinct_followups(e.summary for e in events)
    open_ones = sorted((f for f in followups if f.is_open), key=lambda f: (_date_key_of(f.opened_on), f.id or 0))
    return Pack(
        title=_title(title), start=min(dates, default=None), end=max(dates, default=None),
        events=events,
        participants=_index(events), open_followups=tuple(open_ones), undated=len(events) - len(dates))


def attach_contacts(pack: Pack, found: Sequence[Contacts]) -> Pack:
    """Return the pack with each note's earlier contacts (`found` in pack order)."""
    from dataclasses import replace

    if len(found) != len(pack.events):
        raise ValueError("one Contacts per note of the pack")
    return replace(pack, events=tuple(replace(e, contacts=c) for e, c in zip(pack.events, found)))


def assemble_digest(events: Iterable[Any], followup_changes: tuple[Sequence[FollowUpRecord], Sequence[FollowUpRecord]],
                    open_followups: Sequence[FollowUpRecord], *, start: dt.date, end: dt.date,
                    contacts: Sequence[PartyContacts] = ()) -> Digest:
    """Build the digest of the events dated from `start` to `end` (inclusive), with the earlier contacts found for it."""
    chosen = [u for u in (_unwrap(e) for e in events) if u[0].event.date and start <= u[0].event.date <= end]
    chosen.sort(key=lambda u: (u[0].event.date, u[2] or 0, u[0].note_id))
    rows = tuple(DigestEvent(n, _anchor(n, s.note_id), eid, s.note_id, s.event.date or start, s.event.type, s, count)
                 for n, (s, count, eid) in enumerate(chosen, 1))  # all dated (chosen above)
    types = Counter(r.type for r in rows)
    countries = Counter(c for r in rows for c in {p.country for p in r.summary.participants if p.country})
    opened, closed = followup_changes
    return Digest(
        start=start, end=end, week=week_label(start, end),
        counts_by_type=tuple(Count(t.value, types[t]) for t in EventType if types[t]),
        counts_by_country=tuple(Count(c, n) for c, n in sorted(countries.items(), key=lambda cn: (-cn[1], cn[0]))),
        events=rows, opened=tuple(opened), closed=tuple(closed),
        open_followups=tuple(f for f in open_followups if f.is_open), contacts=tuple(contacts))


def iso_week_range(spec: str, today: dt.date) -> tuple[dt.date, dt.date]:
    """Return Monday and Sunday of `2026-W48`, or of the week before `today` for `last`."""
    text = spec.strip()
    if text.lower() == "last":
        year, week, _ = (today - dt.timedelta(days=7)).isocalendar()
    elif match := _WEEK.match(text):
        year, week = int(match[1]), int(match[2])
    else:
        raise ConfigError(f"week {spec!r} is not understood", field="--week", hint="write 2026-W48 or last")
    if not 1 <= year <= 9998:
        raise ConfigError(f"year {year} is out of range", field="--week", hint="give a year from 1 to 9998")
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ConfigError(f"{year} has no week {week}", field="--week", hint="ISO weeks run from W01 to W52 or W53") from None
    return monday, monday + dt.timedelta(days=6)


def week_label(start: dt.date, end: dt.date) -> str | None:
    """Return `2026-W48` when the range is exactly one ISO week, else None."""
    year, week, weekday = start.isocalendar()
    return f"{year}-W{week:02d}" if weekday == 1 and end - start == dt.timedelta(days=6) else None


def followup_records(summary: Summary) -> list[FollowUpRecord]:
    """Return a summary's own follow-ups as records (no archive id)."""
    from ..summary.fulfilment import target_country, who_country

    out = []
    for item in summary.follow_ups:
        person = summary.participant(item.who) if item.who else None
        due = item.due
        out.append(FollowUpRecord(
            id=None, event_id=None, origin_note_id=summary.note_id, opened_on=summary.event.date, kind=item.kind,
            status=item.status, who=item.who, who_name=person.name if person else None,
            who_country=who_country(summary, item), target_country=target_country(summary, item), what=item.what,
            due_date=due.date if due else None, due_text=due.text if due else None,
            closed_on=summary.event.date if item.status in (FollowUpStatus.done, FollowUpStatus.declined) else None))
    return out


def pack_followups(summaries: Iterable[Summary]) -> list[FollowUpRecord]:
    """Return the follow-ups a pack of plain summaries shows (see `_distinct_followups`)."""
    return _distinct_followups(summaries)


def _distinct_followups(summaries: Iterable[Summary]) -> list[FollowUpRecord]:
    """Return the summaries' follow-ups, once each when several summaries report the same one; an open
    one that a later note of the same pack fulfils (the tracker's `done`, see briefing.summary.fulfilment) is closed."""
    from dataclasses import replace

    from ..summary.fulfilment import facts_of_event, facts_of_followup, first_verdict, restates

    summaries = list(summaries)
    kept: list[tuple[Any, FollowUpRecord]] = []
    for summary in summaries:
        for item, record in zip(summary.follow_ups, followup_records(summary)):
            facts = facts_of_followup(summary, item)
            if not any(restates(other, facts) and other_rec.is_open == record.is_open for other, other_rec in kept):
                kept.append((facts, record))
    events = [facts_of_event(n, [s]) for n, s in enumerate(summaries)]
    out = []
    for facts, record in kept:
        found = first_verdict(facts, events) if record.is_open else None
        if found is not None and found[1].outcome == "done":
            record = replace(record, status=FollowUpStatus.done, closed_on=found[0].date)
        out.append(record)
    return out


def _unwrap(item: Any) -> tuple[Summary, int, int | None]:
    """Return (summary, number of sources, archive id) of a Summary or an archive EventRecord."""
    if isinstance(item, Summary):
        return item, 1, None
    return item.summary, len(item.sources), item.id


def _date_key(summary: Summary) -> tuple[bool, dt.date]:
    return _date_key_of(summary.event.date)


def _date_key_of(date: dt.date | None) -> tuple[bool, dt.date]:
    return (date is None, date or dt.date.min)


def _anchor(number: int, note_id: str) -> str:
    return f"event-{number}-{slugify(note_id) or 'note'}"


def _title(title: str | Text | None) -> Text:
    if title is None:
        return DEFAULT_PACK_TITLE
    if isinstance(title, Text):
        return title
    return Text(ar=title) if _ARABIC.search(title) else Text(en=title)


def most_restrictive(values: Iterable[str | None]) -> str | None:
    """Return the most restrictive of some classification levels (any case, as written); unknown levels after known ones."""
    found = sorted({v.strip() for v in values if v and v.strip()})
    ranked = [v for v in CLASSIFICATION_RANK if v in {f.upper() for f in found}]
    if ranked:
        return next(f for f in found if f.upper() == ranked[0])
    return found[0] if found else None


def _index(events: Sequence[PackEvent]) -> tuple[PersonEntry, ...]:
    """One entry per person across the pack's notes (see briefing.summary.people), with every event they attended."""
    from ..summary.people import gather

    seen: list[tuple[Participant, Meeting]] = []
    for event in events:
        summary = event.summary
        for person in summary.participants:
            others = [p for p in summary.participants if p.id != person.id]
            foreign = [p for p in others if p.country != person.country] or others
            seen.append((person, Meeting(event.date, event.number, event.anchor, summary.event.type, summary.event.place,
                                         tuple(Counterpart(p.name, p.country) for p in foreign))))
    entries = []
    for found in gather([p for p, _ in seen]):
        first = seen[found.members[0]][0]
        meetings = tuple(seen[i][1] for i in found.members)
        entries.append(PersonEntry(found.name, first.title, found.country, meetings, found.variants))
    return tuple(sorted(entries, key=lambda e: ((e.name.en or e.name.ar or "").casefold(), e.country or "")))
