"""What changed between the versions of a source, in lines `archive history` prints; pure."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..summary.model import Summary
from .dedup import principal_countries
from .records import SourceVersion


def describe_versions(versions: Sequence[SourceVersion]) -> list[str]:
    """Return one line per version, then one indented line per field that changed since the previous one."""
    lines: list[str] = []
    previous: dict[str, Summary | None] = {}
    for version in versions:
        when = version.recorded_at.strftime("%Y-%m-%d %H:%M:%S UTC") if version.recorded_at else "before revision 0002"
        lines.append(f"{when}  {version.action:<8} {version.key}  event {version.event_id}")
        before = previous.get(version.key)
        if before is not None and version.summary is not None:
            lines += [f"    {field}: {old} -> {new}" for field, old, new in changes(before, version.summary)]
        previous[version.key] = version.summary
    return lines


def changes(old: Summary, new: Summary) -> Iterator[tuple[str, str, str]]:
    """Yield (field, old value, new value) for the facts that identify and describe an event."""
    for field, read in _FIELDS:
        a, b = read(old), read(new)
        if a != b:
            yield field, a or "-", b or "-"


def _place(summary: Summary) -> str:
    place = summary.event.place
    return " / ".join(x for x in (place.en, place.ar) if x) if place else ""


def _people(summary: Summary) -> str:
    return ", ".join(f"{p.id}({p.country or '?'},{p.side.value})" for p in summary.participants)


def _followups(summary: Summary) -> str:
    return ", ".join(f"{f.kind.value}:{f.status.value}" for f in summary.follow_ups)


_FIELDS = (
    ("date", lambda s: s.event.date.isoformat() if s.event.date else "undated"),
    ("type", lambda s: s.event.type.value),
    ("countries", lambda s: ",".join(principal_countries(s))),
    ("place", _place),
    ("title", lambda s: (s.event.title.en or s.event.title.ar or "") if s.event.title else ""),
    ("participants", _people),
    ("follow-ups", _followups),
)
