"""Stored summaries read once per text: whole, or only the follow-up a report names (what listing them needs)."""

from __future__ import annotations

import json
from typing import Any

from ..summary.model import FollowUp, Summary
from .records import load_stored

_MAX = 4096  # texts kept by each cache, the latest first to stay (a text always reads the same)
_PARSED: dict[str, Summary] = {}
_RAW: dict[str, tuple[list, str]] = {}  # stored text -> its follow-ups as plain data, and its language


def parse_stored(text: str, source_id: int) -> Summary:
    """Parse a stored summary once (cached: the same text gives the same frozen summary)."""
    summary = _PARSED.get(text)
    if summary is None:
        summary = remember_stored(text, load_stored(text, source_id))
    return summary


def remember_stored(text: str, summary: Summary) -> Summary:
    """Cache the summary a stored text reads as (`summary` must be what `load_stored(text)` gives)."""
    _keep(_PARSED, text, summary)
    return summary


def stored_follow_up(text: str, source_id: int, index: int) -> FollowUp | None:
    """Return follow-up `index` of a stored summary (None past the last), validated alone as the whole summary's
    would be; a text that does not read so is parsed whole (ArchiveError when damaged)."""
    whole = _PARSED.get(text)
    if whole is None:
        try:
            items, language = _RAW.get(text) or _keep(_RAW, text, _raw_follow_ups(text))
            if not 0 <= index < len(items):
                return None
            return FollowUp.model_validate(items[index], context={"language": language})
        except Exception:  # noqa: BLE001 - anything odd: the whole parse says what is wrong (ArchiveError)
            whole = parse_stored(text, source_id)
    return whole.follow_ups[index] if 0 <= index < len(whole.follow_ups) else None


def _raw_follow_ups(text: str) -> tuple[list, str]:
    """Return a stored summary's follow-ups as plain data, and its language."""
    data = json.loads(text)
    items, language = data["follow_ups"], data["language"]
    if not isinstance(items, list):
        raise TypeError("follow_ups is not a list")
    return items, language


def _keep(cache: dict, text: str, value: Any) -> Any:
    if len(cache) >= _MAX:
        del cache[next(iter(cache))]  # the oldest
    cache[text] = value
    return value
