"""Where the archive lives: option, then BRIEFING_ARCHIVE, then the config, then a per-user file."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

ENV_VAR = "BRIEFING_ARCHIVE"


def default_archive_path(env: Mapping[str, str] | None = None) -> Path:
    """Return `$XDG_DATA_HOME/briefing/archive.sqlite` (`~/.local/share/...` when unset)."""
    env = os.environ if env is None else env
    base = env.get("XDG_DATA_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path(env.get("HOME") or Path.home()) / ".local" / "share"
    return root / "briefing" / "archive.sqlite"


def resolve_archive(option: str | None, config_value: str | None, env: Mapping[str, str] | None = None) -> str:
    """Pick the archive location in order of precedence and return it as a database URL."""
    env = os.environ if env is None else env
    for candidate in (option, env.get(ENV_VAR), config_value):
        if candidate and candidate.strip():
            return to_url(candidate.strip())
    return to_url(str(default_archive_path(env)))


def to_url(location: str) -> str:
    """Turn a path or URL into a SQLAlchemy URL (`postgresql://` uses psycopg 3)."""
    if "://" not in location:  # a path: quoted, so `?`, `#` and `%` stay part of the file name
        from sqlalchemy.engine import URL

        path = str(Path(location).expanduser().absolute())
        return URL.create("sqlite", database=path).render_as_string(hide_password=False)
    scheme, rest = location.split("://", 1)
    if scheme in ("postgresql", "postgres"):
        return f"postgresql+psycopg://{rest}"
    return location


def display_url(url: str) -> str:
    """Return the URL with any password masked, for messages."""
    head, sep, tail = url.partition("://")
    if not sep or "@" not in tail:
        return url
    creds, at, host = tail.rpartition("@")
    if ":" in creds:
        creds = creds.split(":", 1)[0] + ":***"
    return f"{head}://{creds}{at}{host}"
