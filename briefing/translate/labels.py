"""Follow-up labels: the other side of a follow-up no formula translates, made from its kind, who and place."""

from __future__ import annotations

from typing import Any

from ..summary.model import FollowUp, Summary

_PLACE_KINDS = ("country", "city")


def label_follow_up(summary: Summary, follow_up: FollowUp, lang: str, terms: Any, labels: dict[str, Any]) -> str | None:
    """The label of a follow-up in `lang` ("Visit by Joe Biden to Israel"), or None when one part is not known there.

    A label names the act a tracker follows; it does not translate the clause the release wrote.
    """
    forms = labels.get("follow_up_labels", {}).get(follow_up.kind.value, {}).get(lang)
    if not forms:
        return None
    who = _who(summary, follow_up, lang)
    if who is None:
        return None
    form = "both" if follow_up.who == "both" else "one"
    template = forms.get(form) or forms["one"]
    slots = {"who": who, "to": "", "in": ""}
    if "{to}" in template or "{in}" in template:
        place = _one_place(follow_up.what.get(summary.language), summary.language, lang, terms)
        if place is not None:
            for key in ("to", "in"):
                slots[key] = labels["places"][key][lang].replace("{place}", place)
    return template.format(**slots)


def _who(summary: Summary, follow_up: FollowUp, lang: str) -> str | None:
    """The name, in `lang`, of who is to act ("" for both sides); None when it is not known in that language."""
    if follow_up.who == "both":
        return ""
    person = summary.participant(follow_up.who) if follow_up.who else None
    if person is None:
        return None
    return person.name.get(lang) or None


def _one_place(text: str | None, src: str, lang: str, terms: Any) -> str | None:
    """The name, in `lang`, of the one country or city the clause names; None for none or several."""
    if not text or terms is None:
        return None
    found = {m.term.key: m.term for m in terms.match(text, src, _PLACE_KINDS)}
    if len(found) != 1:
        return None
    term = next(iter(found.values()))
    return (term.ar if lang == "ar" else term.en) or None
