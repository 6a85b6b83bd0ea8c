"""How a title from the term base joins what follows it in Arabic; pure."""

from __future__ import annotations


def arabic_title(title: str, following: str | None) -> str:
    """"رئيس الوزراء" before a country is "رئيس وزراء أرمينيا"; a title before a name takes the article ("الرئيس")."""
    words = title.split()
    if following in ("country", "organisation", "city") and len(words) > 1 and words[-1].startswith("ال"):
        words[-1] = words[-1][2:]
    if following == "person" and not words[0].startswith("ال"):
        words[0] = "ال" + words[0]
    return " ".join(words)
