"""Parsing of option values shared by several commands; light to import."""

from __future__ import annotations

import datetime as dt

from ..errors import ConfigError


def parse_date(value: str | None, option: str) -> dt.date | None:
    """Parse an ISO date option (YYYY-MM-DD)."""
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConfigError(f"{value!r} is not a date", field=option, hint="write YYYY-MM-DD") from None
