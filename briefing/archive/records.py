"""Plain records the archive hands out: events, their sources, the outcome of an add."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError

from ..summary.model import EventType, Summary, parse_summary
from .errors import ArchiveError


@dataclass(frozen=True)
class SourceRecord:
    """One report of an event: the summary as stored, and the key that identifies its source."""

    id: int
    key: str  # source identity: `url:...`, `file:...`, `id:...` or `sha256:...` (see store.source_key)
    summary: Summary


@dataclass(frozen=True)
class EventRecord:
    """One event in the archive, told by one or more sources (the primary first: see archive.merge)."""

    id: int
    key: str  # dedup key: `date|countries|place` (see dedup.event_key)
    date: dt.date | None
    type: EventType
    countries: tuple[str, ...]
    sources: tuple[SourceRecord, ...]
    picked: int | None = None  # the source a person picked (`archive pick`), None for the rule

    @property
    def summary(self) -> Summary:
        """Return the primary source's summary (the picked one, else the first by key)."""
        return self.sources[0].summary

    @property
    def conflicts(self) -> tuple:
        """Return the fields on which the sources disagree (see archive.merge.conflicts)."""
        from .merge import conflicts

        return conflicts([(s.id, s.summary) for s in self.sources])

    @property
    def note_id(self) -> str:
        """Return the primary summary's note id."""
        return self.summary.note_id


@dataclass(frozen=True)
class SourceVersion:
    """One version of a source, as `archive history` shows it."""

    id: int
    key: str
    event_id: int  # the event it was stored under
    action: str  # added · updated · moved · removed
    recorded_at: dt.datetime | None  # UTC; None for versions stored before revision 0002
    summary: Summary | None  # None when removed


Outcome = Literal["new", "merged", "updated", "moved", "unchanged"]


@dataclass(frozen=True)
class AddResult:
    """What `Archive.add_summary` did with one summary."""

    event_id: int
    source_id: int
    outcome: Outcome  # new event · merged as another source · source updated · moved to another event · unchanged
    opened: tuple[int, ...] = field(default=())  # follow-ups created
    closed: tuple[int, ...] = field(default=())  # follow-ups closed as done by this or an earlier add
    to_confirm: tuple[int, ...] = field(default=())  # follow-ups a person should check
    moved_from: int | None = None  # the event a corrected source left


def load_stored(text: str, source_id: int) -> Summary:
    """Parse a stored summary; ArchiveError when the record is damaged."""
    try:
        return parse_summary(json.loads(text))
    except (ValueError, ValidationError) as exc:
        first = str(exc).strip().splitlines()[0]
        raise ArchiveError(f"source record {source_id} is not a valid summary: {first}",
                           hint="remove its event and add the summary again") from None
