"""The preview's editor: the fields a person corrects, the release beside them, and applying their edits."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base.errors import InputError
from ..summary.model import FollowUpKind, FollowUpStatus, Side, Stance, Summary, Text
from ..summary.review import open_items
from ..write.editing import Document, mark_reviewed, remove_item, set_value

MAX_EDITS = 2000
_CHOICES = {"side": [s.value for s in Side], "stance": [s.value for s in Stance],
            "status": [s.value for s in FollowUpStatus], "kind": [k.value for k in FollowUpKind]}
_DROPPABLE = ("agenda", "positions", "follow_ups", "context")
Suggestions = dict[str, tuple[str, str]]  # side address ("positions[2].text.en") -> (text, where it comes from)


@dataclass(frozen=True)
class Field:
    """One editable value: where it lives, what it holds, and how to show it."""

    path: str
    label: str
    value: str
    lang: str | None = None  # ar · en for one side of a text
    choices: tuple[str, ...] = ()
    pending: bool = False
    suggestion: str | None = None  # for a pending side: a formula's or the TM's text, to take or leave
    suggested_by: str | None = None  # "formula", "translation memory, 87%"


@dataclass(frozen=True)
class Group:
    """The fields of one item (a participant, a position ...), with the sentence it came from."""

    path: str
    heading: str
    fields: tuple[Field, ...]
    sentence: int | None = None
    droppable: bool = False


def _text_fields(path: str, label: str, text: Text | None, suggestions: Suggestions | None = None) -> list[Field]:
    text = text or Text()
    both = not text.is_empty()
    out = []
    for lang in ("ar", "en"):
        pending = both and text.pending(lang)
        offer = (suggestions or {}).get(f"{path}.{lang}") if pending else None
        out.append(Field(f"{path}.{lang}", f"{label} ({lang})", text.get(lang) or "", lang=lang, pending=pending,
                         suggestion=offer[0] if offer else None, suggested_by=offer[1] if offer else None))
    return out


def _sentence(item: Any) -> int | None:
    found = getattr(item, "source", None)
    if isinstance(found, int):
        return found
    sentences = [o.sentence for o in getattr(item, "origin", {}).values() if o.sentence is not None]
    return min(sentences) if sentences else None


def suggest_translations(summary: Summary, *, terms: Any = None, memory: Any = None) -> Suggestions:
    """Suggestions for the pending sides, by side address: a formula's, else the TM's best match from 75%."""
    from ..translate import pending_sides
    from ..translate.fill import memory_match, plan_fills

    found: Suggestions = {fill.side.key: (fill.text, fill.how) for fill in plan_fills(summary, terms=terms, memory=memory)}
    if memory is not None and len(memory):
        for side in pending_sides(summary):
            if side.key not in found and side.source:
                best = memory.lookup(side.source, side.source_lang, limit=1)
                if best:
                    found[side.key] = (best[0].text, memory_match(best[0].score))
    return found


def editor_groups(summary: Summary, suggestions: Suggestions | None = None) -> list[Group]:
    """Return every editable value of a summary, grouped by item, in document order (pending sides with suggestions)."""
    s = suggestions
    groups = [Group("event", "Event", tuple(_text_fields("event.title", "title", summary.event.title, s)
                                             + _text_fields("event.place", "place", summary.event.place, s)), _sentence(summary.event))]
    if summary.source is not None:
        groups.append(Group("source", "Source", tuple(_text_fields("source.title", "title", summary.source.title, s))))
    for i, p in enumerate(summary.participants):
        path = f"participants[{i}]"
        fields = _text_fields(f"{path}.name", "name", p.name) + _text_fields(f"{path}.title", "title", p.title, s)
        fields += [Field(f"{path}.country", "country", p.country or ""),
                   Field(f"{path}.side", "side", p.side.value, choices=tuple(_CHOICES["side"]))]
        groups.append(Group(path, f"Participant {i + 1}: {p.name.en or p.name.ar}", tuple(fields), _sentence(p)))
    for i, a in enumerate(summary.agenda):
        groups.append(Group(f"agenda[{i}]", f"Agenda {i + 1}", tuple(_text_fields(f"agenda[{i}].label", "label", a.label, s)),
                            _sentence(a), droppable=True))
    for i, pos in enumerate(summary.positions):
        path = f"positions[{i}]"
        fields = [Field(f"{path}.stance", "stance", pos.stance.value, choices=tuple(_CHOICES["stance"]))]
        fields += _text_fields(f"{path}.text", "text", pos.text, s)
        groups.append(Group(path, f"Position {i + 1} ({pos.speaker})", tuple(fields), _sentence(pos), droppable=True))
    for i, f in enumerate(summary.follow_ups):
        path = f"follow_ups[{i}]"
        fields = [Field(f"{path}.kind", "kind", f.kind.value, choices=tuple(_CHOICES["kind"])),
                  Field(f"{path}.status", "status", f.status.value, choices=tuple(_CHOICES["status"]))]
        fields += _text_fields(f"{path}.what", "what", f.what, s)
        fields += _text_fields(f"{path}.due.text", "due", f.due.text if f.due else None, s)
        groups.append(Group(path, f"Follow-up {i + 1}", tuple(fields), _sentence(f), droppable=True))
    for i, c in enumerate(summary.context):
        groups.append(Group(f"context[{i}]", f"Context {i + 1}", tuple(_text_fields(f"context[{i}]", "text", c)), droppable=True))
    return groups


def review_lines(summary: Summary) -> list[str]:
    """Return the open review items as lines."""
    return [str(item) for item in open_items(summary)]


def release_sentences(summary_path: Path, summary: Summary) -> list[str]:
    """Return the sentences of the release the summary names (`source.file`, beside it), numbered as extract does."""
    from ..extract.segment import segment
    from ..read.sources import read_release

    name = summary.source.file if summary.source else None
    if not name or Path(name).name != name:
        return []
    path = summary_path.parent / name
    if not path.is_file():
        return []
    release = read_release(path)
    return list(segment(release.text, title=getattr(release, "title", None)).sentences)


def parse_edits(body: bytes) -> dict[str, Any]:
    """Parse and check an edit request: {digest, edits: [{op: set|remove, path, value}], reviewed_by}."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise InputError("the request is not JSON") from None
    if not isinstance(data, dict) or not isinstance(data.get("edits", []), list) or len(data.get("edits", [])) > MAX_EDITS:
        raise InputError("the request has no list of edits")
    for edit in data.get("edits", []):
        if not isinstance(edit, dict) or edit.get("op") not in ("set", "remove") or not isinstance(edit.get("path"), str):
            raise InputError("an edit is not {op: set|remove, path, value}")
        if edit["op"] == "set" and not (edit.get("value") is None or isinstance(edit["value"], str)):
            raise InputError("a value is not text", field=edit["path"])
    if not isinstance(data.get("digest", ""), str) or not isinstance(data.get("reviewed_by") or "", str):
        raise InputError("digest and reviewed_by must be text")
    return data


def apply_edits(document: Document, data: dict[str, Any], today: dt.date) -> Any:
    """Apply parsed edits to the document's tree (removals last, from the end of each list); return it."""
    tree = document.tree
    language = str(tree.get("language", "ar"))
    removals = []
    for edit in data.get("edits", []):
        if edit["op"] == "remove":
            removals.append(edit["path"])
            continue
        value = edit.get("value")
        value = value.strip() or None if isinstance(value, str) else None
        set_value(tree, edit["path"], value, language=language)
    for path in sorted(set(removals), key=_removal_order):
        if not path.startswith(tuple(f"{key}[" for key in _DROPPABLE)):
            raise InputError("only agenda items, positions, follow-ups and context can be dropped", field=path)
        remove_item(tree, path)
    if data.get("reviewed_by"):
        mark_reviewed(tree, data["reviewed_by"], today)
    return tree


def _removal_order(path: str) -> tuple[str, int]:
    """Sort removals so that later items of a list go first (indices stay right)."""
    head, _, index = path.rpartition("[")
    number = index.rstrip("]")
    return head, (-int(number) if number.isdigit() else 0)
