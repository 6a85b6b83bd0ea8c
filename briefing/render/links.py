"""Which addresses a note may link to: http(s) only; anything else is shown as text."""

from __future__ import annotations

from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https"})


def linkable(url: str) -> bool:
    """Tell whether `url` may become a live link (an http(s) address with a host, no spaces or controls)."""
    text = url.strip()
    if not text or text != url or any(c.isspace() or ord(c) < 32 or c in "\"'<>\\`" for c in text):
        return False
    try:
        parts = urlsplit(text)
    except ValueError:
        return False
    return parts.scheme.lower() in LINK_SCHEMES and bool(parts.hostname)
