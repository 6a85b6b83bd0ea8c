"""What a person must still check in a summary, derived from its values each time; pure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .model import UNCHECKED_ORIGINS, Origin, OriginKind, Summary, Text

# Why a value of each unchecked origin needs a look, in plain words.
_ORIGIN_WORDS = {
    OriginKind.formula: "translated by a shipped formula",
    OriginKind.tm: "filled from the translation memory",
    OriginKind.metadata: "read from file or page metadata",
    OriginKind.inferred: "inferred by a rule",
    OriginKind.transliterated: "transliterated from the other script",
}
# A note under `review` that names a field: `participants[2].name.en: ...`.
_PATH_NOTE = re.compile(r"^([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*)\s*:")
_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


@dataclass(frozen=True)
class ReviewItem:
    """One thing to check: the field it is about, why, and whether a review closes it."""

    path: str
    reason: str
    kind: str  # origin · pending · note
    closed_by_review: bool = True

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def review_items(summary: Summary) -> list[ReviewItem]:
    """List everything to check, in document order: unchecked origins, pending translations, notes."""
    items: list[ReviewItem] = []
    plain = summary.model_dump(mode="python")
    for path, item in _items(summary):
        for key, origin in sorted(getattr(item, "origin", {}).items()):
            # an origin left behind by a value deleted since is not a thing to check
            if origin.by in UNCHECKED_ORIGINS and _resolves(plain, f"{path}.{key}"):
                items.append(ReviewItem(f"{path}.{key}", _origin_reason(origin), "origin"))
    for path, text in _texts(summary):
        for lang in ("ar", "en"):
            if text.pending(lang) and not text.is_empty():
                items.append(ReviewItem(f"{path}.{lang}", "pending translation", "pending", closed_by_review=False))
    derived = {i.path for i in items}
    for note in summary.review:
        match = _PATH_NOTE.match(note)
        if match is None:
            items.append(ReviewItem("review", note, "note"))
        elif not _covered(match.group(1), derived) and _resolves(plain, match.group(1)):
            items.append(ReviewItem(match.group(1), note[match.end():].strip(), "note"))
    return items


def open_items(summary: Summary) -> list[ReviewItem]:
    """Return the review items still open: all of them before review, the unclosable ones after."""
    items = review_items(summary)
    if summary.reviewed is None:
        return items
    return [i for i in items if not i.closed_by_review]


def is_draft(summary: Summary) -> bool:
    """Tell whether a note from this summary is a draft: no person has marked it reviewed."""
    return summary.reviewed is None


def _origin_reason(origin: Origin) -> str:
    words = _ORIGIN_WORDS.get(origin.by, origin.by.value)
    candidates = [f"score {origin.score:g}" if origin.score is not None else None,
                  f"sentence {origin.sentence}" if origin.sentence is not None else None, origin.detail]
    extra = [e for e in candidates if e]
    return words + (f" ({'; '.join(extra)})" if extra else "")


def _items(summary: Summary) -> Iterator[tuple[str, Any]]:
    if summary.source is not None:
        yield "source", summary.source
    yield "event", summary.event
    for key in ("participants", "agenda", "positions", "follow_ups"):
        for index, item in enumerate(getattr(summary, key)):
            yield f"{key}[{index}]", item


def _texts(summary: Summary) -> Iterator[tuple[str, Text]]:
    """Yield every bilingual text with its path."""
    for path, item in _items(summary):
        yield from _texts_in(path, item)
    for index, text in enumerate(summary.context):
        yield f"context[{index}]", text


def _texts_in(path: str, item: Any) -> Iterator[tuple[str, Text]]:
    for name in type(item).model_fields:
        value = getattr(item, name)
        if isinstance(value, Text):
            yield f"{path}.{name}", value
        elif hasattr(type(value), "model_fields"):
            yield from _texts_in(f"{path}.{name}", value)


def _covered(path: str, derived: set[str]) -> bool:
    """Tell whether a derived item already speaks of `path` or of a field inside it."""
    return any(d == path or d.startswith((path + ".", path + "[")) for d in derived)


def _resolves(plain: Any, path: str) -> bool:
    """Tell whether a field path names a value present in the summary."""
    node = plain
    for step in path.split("."):
        match = _STEP.fullmatch(step)
        if match is None or not isinstance(node, dict) or node.get(match.group(1)) is None:
            return False
        node = node[match.group(1)]
        if match.group(2) is not None:
            index = int(match.group(2))
            if not isinstance(node, list) or index >= len(node):
                return False
            node = node[index]
    return node is not None
