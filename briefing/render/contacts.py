"""The relationship behind an event, from archive records: "earlier contacts" tables and a pack's overview; pure.

A note (alone or in a pack) gets two tables, after its own follow-ups: the last events between
the same principal countries (date, type, place and one line: the event's title, else its
participants), and the follow-ups still open between them. A digest gets one table of the
earlier contacts per set of countries its events bring together; a pack may open with one
table of its own events. Without an archive there is nothing to add.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..summary.fulfilment import FollowUpRecord
from ..summary.model import Participant, Side, Summary, Text
from .formatting import country_name, date_text
from .view import DASH, Labels, NoteView, Section, Table, as_draft


def with_contacts(view: NoteView, events: Sequence[Any], followups: Sequence[FollowUpRecord]) -> NoteView:
    """Return the note's view with its earlier-contacts sections inserted before the source section."""
    extra = contact_sections(events, followups, view.labels)
    at = next((n for n, s in enumerate(view.sections) if s.key == "source"), len(view.sections))
    return replace(view, sections=view.sections[:at] + extra + view.sections[at:])


def contact_sections(events: Sequence[Any], followups: Sequence[FollowUpRecord], labels: Labels) -> tuple[Section, ...]:
    """Return the sections for earlier events (archive EventRecords, latest first) and open follow-ups."""
    f, sections = labels["fields"], []
    if events:
        sections.append(Section("earlier_contacts", labels["sections"]["earlier_contacts"], table=contacts_table(events, labels)))
    if followups:
        rows = tuple((_what(r, labels), r.who_name or _who(r, labels), labels["statuses"][r.status.value],
                      date_text(r.opened_on) if r.opened_on else labels["phrases"]["undated"]) for r in followups)
        sections.append(Section("open_between", labels["sections"]["open_between"],
                                table=Table((f["what"], f["who"], f["status"], f["opened"]), rows)))
    return tuple(sections)


def contacts_table(events: Sequence[Any], labels: Labels) -> Table:
    """Return the table of earlier events: date, type, place and one line each."""
    f = labels["fields"]
    rows = tuple((_date(e.date, labels), labels["event_types"][e.summary.event.type.value],
                  e.summary.event.place or DASH, _line(e.summary)) for e in events)
    return Table((f["date"], f["type"], f["place"], f["about"]), rows)


def party_section(countries: Sequence[str], events: Sequence[Any], labels: Labels) -> Section:
    """Return a digest's section of the earlier contacts between `countries` (empty when there were none)."""
    heading = labels["digest"]["contacts"]
    names = parties_text(countries)
    title = Text(**{lang: (heading.get(lang) or "").format(parties=names.get(lang) or "") for lang in ("ar", "en")})
    key = "contacts-" + "-".join(c.lower() for c in countries)
    return Section(key, title, table=contacts_table(events, labels) if events else None)


def overview_section(summaries: Sequence[tuple[Summary, Text, bool]], labels: Labels) -> Section:
    """Return a pack's table of its events: date, type, parties, place and title (a draft's title tagged DRAFT)."""
    f = labels["fields"]
    rows = tuple((_date(s.event.date, labels), labels["event_types"][s.event.type.value], _parties(s),
                  s.event.place or DASH, as_draft(title) if draft else title) for s, title, draft in summaries)
    return Section("overview", labels["pack"]["overview"],
                   table=Table((f["date"], f["type"], labels["pack"]["parties"], f["place"], f["about"]), rows))


def parties_text(countries: Sequence[str]) -> Text:
    """Return the countries' names joined by a dash, in each language."""
    names = [name for c in countries if (name := country_name(c)) is not None]
    return Text(**{lang: " — ".join(n.get(lang) or "" for n in names) or None for lang in ("ar", "en")})


def _principals(summary: Summary) -> list[Participant]:
    """Return the host and guest, everyone when no side is set."""
    return [p for p in summary.participants if p.side in (Side.host, Side.guest)] or list(summary.participants)


def _parties(summary: Summary) -> Text:
    """Return the principals' countries, in the order the summary lists them; a dash when none is known."""
    countries = list(dict.fromkeys(p.country for p in _principals(summary) if p.country))
    return parties_text(countries) if countries else DASH


def _line(summary: Summary) -> Text:
    """Return the event in one line: its title, else its principals' names."""
    if summary.event.title and not summary.event.title.is_empty():
        return summary.event.title
    people = _principals(summary)
    return Text(**{lang: " — ".join(n for p in people if (n := p.name.get(lang))) or None for lang in ("ar", "en")})


def _date(day: Any, labels: Labels) -> Text:
    return date_text(day) if day else labels["phrases"]["undated"]


def _what(record: FollowUpRecord, labels: Labels) -> Text:
    kind = labels["follow_up_kinds"][record.kind.value]
    return Text(ar=f"{kind.ar}: {record.what.ar}" if record.what.ar else None,
                en=f"{kind.en}: {record.what.en}" if record.what.en else None)


def _who(record: FollowUpRecord, labels: Labels) -> Text:
    return labels["phrases"]["both_sides"] if record.who == "both" else DASH
