"""One event told by several sources: which source its account follows, and where they disagree; pure.

The account follows the source a person picked (`archive pick`), else the source whose key
sorts first (`url:` before `file:`, then alphabetically), so the merged event does not
depend on the order the sources were added. Sources disagree on a field when two of them
give it different values: the event's type, its place (two places whose words do not nest,
"Rome" and "Rome, Italy" agree), the host countries or the guest countries.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..summary.model import Side, Summary
from .dedup import _words_nest, normalise_place_ar, normalise_place_en

_KEY_ORDER = {"url": 0, "file": 1, "id": 2, "sha256": 3}


@dataclass(frozen=True)
class Conflict:
    """A field on which an event's sources disagree, with each source's value."""

    field: str  # type · place · hosts · guests
    values: tuple[tuple[int, str], ...]  # (source id, value as shown), in source order


def source_order(key: str, source_id: int, picked: int | None) -> tuple:
    """Return the sort key that puts the picked source first, then sources by key (see module docstring)."""
    kind = key.split(":", 1)[0]
    return (source_id != picked, _KEY_ORDER.get(kind, 9), key, source_id)


def conflicts(sources: Sequence[tuple[int, Summary]]) -> tuple[Conflict, ...]:
    """Return the fields on which the sources disagree (none for a single source)."""
    if len(sources) < 2:
        return ()
    found = []
    for field, read in (("type", _type), ("place", _place), ("hosts", _hosts), ("guests", _guests)):
        values = [(sid, value) for sid, summary in sources if (value := read(summary))]
        if field == "place":
            placed = [summary for _, summary in sources if _place(summary)]
            clash = any(not _same_place(a, b) for n, a in enumerate(placed) for b in placed[n + 1:])
        else:
            clash = len({v for _, v in values}) > 1
        if clash:
            found.append(Conflict(field, tuple((sid, v) for sid, v in values)))
    return tuple(found)


def _same_place(a: Summary, b: Summary) -> bool:
    pa, pb = a.event.place, b.event.place
    if pa is None or pb is None:
        return pa is None and pb is None
    en_a, en_b = normalise_place_en(pa.en), normalise_place_en(pb.en)
    if en_a and en_b:
        return _words_nest(en_a, en_b)
    ar_a, ar_b = normalise_place_ar(pa.ar), normalise_place_ar(pb.ar)
    return not (ar_a and ar_b) or _words_nest(ar_a, ar_b)


def _type(summary: Summary) -> str:
    return summary.event.type.value


def _place(summary: Summary) -> str:
    place = summary.event.place
    return (place.en or place.ar or "") if place else ""


def _hosts(summary: Summary) -> str:
    return ",".join(sorted({p.country or p.id for p in summary.participants if p.side == Side.host}))


def _guests(summary: Summary) -> str:
    return ",".join(sorted({p.country or p.id for p in summary.participants if p.side == Side.guest}))
