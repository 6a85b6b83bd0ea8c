"""Write an extraction as format-1 YAML, with each cited sentence as a comment (deterministic)."""

from __future__ import annotations

import io
from typing import Any

_ORDER = ("format", "id", "language", "source", "event", "participants", "agenda", "positions",
          "follow_ups", "context", "classification", "reference", "review")


def dump_yaml(extraction: Any) -> str:
    """Return the summary as YAML; positions and follow-ups carry their source sentence as a comment."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    from ..read.summaries import yaml_writer

    data = extraction.summary.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    root = CommentedMap()
    root.yaml_set_start_comment("Extracted by `briefing extract`: check the fields listed under `review`.")
    for key in _ORDER:
        if key in data and data[key] not in (None, [], {}):
            root[key] = _commented(data[key], CommentedMap, CommentedSeq)
    for key in ("positions", "follow_ups"):
        items = root.get(key)
        if not items:
            continue
        for i, item in enumerate(items):
            number = item.get("source")
            if number and 1 <= number <= len(extraction.sentences):
                sentence = " ".join(extraction.sentences[number - 1].split())
                items.yaml_set_comment_before_after_key(i, before=f"[{number}] {sentence}", indent=2)
    out = io.StringIO()
    yaml_writer().dump(root, out)
    return out.getvalue()


def _commented(value: Any, cmap: Any, cseq: Any) -> Any:
    if isinstance(value, dict):
        out = cmap()
        for k, v in value.items():
            out[k] = _commented(v, cmap, cseq)
        return out
    if isinstance(value, list):
        return cseq(_commented(v, cmap, cseq) for v in value)
    return value
