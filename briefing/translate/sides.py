"""The text sides of a summary: where each bilingual value sits, which side is pending, and its context."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..summary.model import Summary, Text

# Kinds of text side (also the categories of the pending-share measurement).
FILLABLE = frozenset({"source_title", "title", "place", "participant_title", "agenda", "position", "follow_up", "due"})


@dataclass(frozen=True)
class TextSide:
    """One language side of one bilingual value: `item` ("positions[2]") and `field` ("text") locate it."""

    item: str
    field: str
    lang: str
    kind: str
    text: Text
    context: str = ""
    sentence: int | None = None

    @property
    def key(self) -> str:
        """Return the side's address, as written under `review` ("positions[2].text.en")."""
        return f"{self.item}.{self.field}.{self.lang}" if self.field else f"{self.item}.{self.lang}"

    @property
    def index(self) -> int:
        """Return the side's place in its list ("positions[2]" -> 2)."""
        return int(self.item[self.item.index("[") + 1 : -1])

    @property
    def source_lang(self) -> str:
        """Return the language translated from."""
        return "ar" if self.lang == "en" else "en"

    @property
    def source(self) -> str | None:
        """Return the text to translate (the other side)."""
        return self.text.get(self.source_lang)

    @property
    def pending(self) -> bool:
        """Tell whether this side still needs a translation."""
        return self.text.pending(self.lang) and self.source is not None


def _values(summary: Summary) -> Iterator[tuple[str, str, str, Text | None, str, int | None]]:
    """Yield (item, field, kind, text, context, sentence) for every bilingual value, in document order."""
    if summary.source is not None:
        yield "source", "title", "source_title", summary.source.title, "release title", None
        yield "source", "publisher", "publisher", summary.source.publisher, "publisher", None
    event = summary.event
    yield "event", "title", "title", event.title, f"event title ({event.type.value})", None
    yield "event", "place", "place", event.place, "event place", None
    for i, p in enumerate(summary.participants):
        who = p.name.get(summary.language) or p.id
        yield f"participants[{i}]", "name", "name", p.name, f"participant {p.id}", None
        yield f"participants[{i}]", "title", "participant_title", p.title, f"title of {who}", None
    for i, a in enumerate(summary.agenda):
        topic = a.topic.value if a.topic else "no topic"
        yield f"agenda[{i}]", "label", "agenda", a.label, f"agenda item ({topic})", None
    for i, pos in enumerate(summary.positions):
        yield (f"positions[{i}]", "text", "position", pos.text,
               f"position of {_speaker(summary, pos.speaker)} ({pos.stance.value})", pos.source)
    for i, f in enumerate(summary.follow_ups):
        yield (f"follow_ups[{i}]", "what", "follow_up", f.what,
               f"follow-up ({f.kind.value}, {f.status.value})", f.source)
        if f.due is not None:
            yield f"follow_ups[{i}]", "due.text", "due", f.due.text, "when the follow-up is due", f.source
    for i, c in enumerate(summary.context):
        yield f"context[{i}]", "", "context", c, "context", None


def _speaker(summary: Summary, speaker: str) -> str:
    if speaker == "both":
        return "both sides"
    p = summary.participant(speaker)
    return (p.name.en or p.name.ar or speaker) if p is not None else speaker


def text_sides(summary: Summary) -> list[TextSide]:
    """Return both language sides of every bilingual value of the summary, in document order."""
    out = []
    for item, field, kind, text, context, sentence in _values(summary):
        if text is None or text.is_empty():
            continue
        for lang in ("ar", "en"):
            out.append(TextSide(item, field, lang, kind, text, context, sentence))
    return out


def pending_sides(summary: Summary) -> list[TextSide]:
    """Return the sides that have text on the other side and none on their own."""
    return [s for s in text_sides(summary) if s.pending]


def speaker_of(summary: Summary, side: TextSide) -> str | None:
    """Return the speaker of a position side ("both" or a participant id), else None."""
    if side.kind != "position":
        return None
    return summary.positions[side.index].speaker


def set_side(data: Any, side: TextSide, value: str) -> Any:
    """Write `value` into the side inside summary data (plain or ruamel, changed in place); return the item.

    A context entry is a bare text with no `origin` of its own: None is returned for it.
    """
    item = item_of(data, side.item)
    if not side.field:
        item[side.lang] = value
        return None
    target = item
    *parents, last = side.field.split(".")
    for name in parents:
        target = target[name]
    if target.get(last) is None:
        target[last] = {}
    target[last][side.lang] = value
    return item


def item_of(data: Any, item: str) -> Any:
    """Return the mapping of an item ("positions[2]", "event") inside summary data."""
    if "[" not in item:
        return data[item]
    name, index = item[:-1].split("[")
    return data[name][int(index)]
