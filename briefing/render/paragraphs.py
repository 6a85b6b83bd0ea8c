"""The digest's short paragraph per event, in each language, worded from labels.yaml; pure."""

from __future__ import annotations

from ..summary.model import Participant, Side, Summary, Text
from .view import Labels

MAX_TOPICS = 4  # topics named in a paragraph; the rest are counted


def digest_paragraph(summary: Summary, labels: Labels) -> Text:
    """Return title, participants, place and topics as one paragraph per language (None where a side is pending)."""
    return Text(ar=_paragraph(summary, "ar", labels), en=_paragraph(summary, "en", labels))


def _paragraph(summary: Summary, lang: str, labels: Labels) -> str | None:
    words = {key: text.get(lang) or "" for key, text in labels["digest"].items()}
    event = summary.event
    title = (event.title or labels["event_types"][event.type.value]).get(lang)
    people = _principals(summary)
    if title is None or any(p.name.get(lang) is None for p in people):
        return None
    described = [f"{p.name.get(lang)} ({p.title.get(lang)})" if p.title and p.title.get(lang) else str(p.name.get(lang))
                 for p in people]
    # Arabic "و" (and) is written joined to the next word; English "and" stands between spaces.
    and_ = f" {words['and']}" + ("" if lang == "ar" else " ")
    comma, semicolon = words["comma"] + " ", words["semicolon"] + " "
    parts = [title.rstrip(".") + "."]
    joined = comma.join(described[:-1]) + and_ + described[-1] if len(described) > 1 else described[0]
    parts.append(f"{words['participants']}: {joined}.")
    if event.place and event.place.get(lang):
        parts.append(f"{words['place']}: {event.place.get(lang)}.")
    topics = [label for a in summary.agenda if (label := a.label.get(lang))]
    if topics:
        shown = semicolon.join(topics[:MAX_TOPICS])
        if len(topics) > MAX_TOPICS:
            shown += semicolon + words["more"].format(n=len(topics) - MAX_TOPICS)
        parts.append(f"{words['topics']}: {shown}.")
    return " ".join(parts)


def _principals(summary: Summary) -> list[Participant]:
    people = [p for p in summary.participants if p.side in (Side.host, Side.guest)]
    return people or list(summary.participants)
