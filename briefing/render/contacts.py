"""The "earlier contacts between these parties" sections of a note, from archive records; pure.

Two tables, after the note's own follow-ups: the last events between the same principal
countries (date, type, place and one line: the event's title, else its participants), and
the follow-ups still open between them. Without an archive there is nothing to add.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..fulfilment import FollowUpRecord
from ..model import Side, Summary, Text
from .formatting import date_text
from .view import DASH, Labels, Section, Table


def contact_sections(events: Sequence[Any], followups: Sequence[FollowUpRecord], labels: Labels) -> tuple[Section, ...]:
    """Return the sections for earlier events (archive EventRecords, latest first) and open follow-ups."""
    f, sections = labels["fields"], []
    if events:
        rows = tuple((date_text(e.date) if e.date else labels["phrases"]["undated"],
                      labels["event_types"][e.summary.event.type.value],
                      e.summary.event.place or DASH, _line(e.summary)) for e in events)
        sections.append(Section("earlier_contacts", labels["sections"]["earlier_contacts"],
                                table=Table((f["date"], f["type"], f["place"], f["about"]), rows)))
    if followups:
        rows = tuple((_what(r, labels), r.who_name or _who(r, labels), labels["statuses"][r.status.value],
                      date_text(r.opened_on) if r.opened_on else labels["phrases"]["undated"]) for r in followups)
        sections.append(Section("open_between", labels["sections"]["open_between"],
                                table=Table((f["what"], f["who"], f["status"], f["opened"]), rows)))
    return tuple(sections)


def _line(summary: Summary) -> Text:
    """Return the event in one line: its title, else its host and guest (everyone when no side is set)."""
    if summary.event.title and not summary.event.title.is_empty():
        return summary.event.title
    people = [p for p in summary.participants if p.side in (Side.host, Side.guest)] or summary.participants
    return Text(**{lang: " — ".join(n for p in people if (n := p.name.get(lang))) or None for lang in ("ar", "en")})


def _what(record: FollowUpRecord, labels: Labels) -> Text:
    kind = labels["follow_up_kinds"][record.kind.value]
    return Text(ar=f"{kind.ar}: {record.what.ar}" if record.what.ar else None,
                en=f"{kind.en}: {record.what.en}" if record.what.en else None)


def _who(record: FollowUpRecord, labels: Labels) -> Text:
    return labels["phrases"]["both_sides"] if record.who == "both" else DASH
