"""Stored summaries read once per text: whole, or only their follow-ups (what listing them needs)."""

from __future__ import annotations

import json

from pydantic import TypeAdapter

from ..model import FollowUp, Summary
from .records import load_stored

_MAX = 4096  # texts kept by each cache, the latest first to stay (a text always reads the same)
_PARSED: dict[str, Summary] = {}
_FOLLOW_UPS: dict[str, tuple[FollowUp, ...]] = {}
_ITEMS = TypeAdapter(list[FollowUp])


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


def stored_follow_ups(text: str, source_id: int) -> tuple[FollowUp, ...]:
    """Return a stored summary's follow-ups, validated alone (as the whole summary's); a damaged text is parsed whole."""
    found = _FOLLOW_UPS.get(text)
    if found is not None:
        return found
    whole = _PARSED.get(text)
    if whole is None:
        try:
            data = json.loads(text)
            found = tuple(_ITEMS.validate_python(data["follow_ups"], context={"language": data["language"]}))
        except Exception:  # noqa: BLE001 - anything odd: the whole parse says what is wrong (ArchiveError)
            whole = parse_stored(text, source_id)
    if whole is not None:
        found = tuple(whole.follow_ups)
    assert found is not None
    _keep(_FOLLOW_UPS, text, found)
    return found


def _keep(cache: dict, text: str, value: object) -> None:
    if len(cache) >= _MAX:
        del cache[next(iter(cache))]  # the oldest
    cache[text] = value
