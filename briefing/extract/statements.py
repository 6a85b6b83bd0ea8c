"""Positions, follow-ups, agenda topics and context: what was said and what is still to happen."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..dates import find_dates
from ._grammar import BOTH_AR, BOTH_EN, CONTEXT_AR, CONTEXT_EN, PASSIVE_AR, PASSIVE_EN, SWITCH_AR, SWITCH_EN
from .event import fold
from .mentions import Mention, Tagged
from .participants import Roster

_TRIM = " ،,.؛;:-–\"«»"
_VISIT = re.compile(r"زياره|visit", re.I)


@dataclass
class Said:
    """A position found in a sentence."""

    speaker: str
    stance: str
    text: str
    sentence: int  # 0-based index into the sentences
    cue: Any = None


@dataclass
class ToDo:
    """A follow-up found in a sentence."""

    kind: str
    status: str
    who: str | None
    what: str
    sentence: int
    due_text: str | None = None
    due_term: Any = None
    due_date: Any = None
    what_term: Any = None


@dataclass
class Found:
    """Everything said in a release."""

    positions: list[Said] = field(default_factory=list)
    follow_ups: list[ToDo] = field(default_factory=list)
    agenda: list[tuple[Any, str]] = field(default_factory=list)  # (topic term, surface)
    context: list[int] = field(default_factory=list)  # sentence indexes


def _cues(tagged: Tagged, kind: str) -> list[Any]:
    out, seen = [], set()
    for m in tagged.term_at:
        if m is not None and not isinstance(m, str) and m.term.kind == kind and id(m) not in seen:
            seen.add(id(m))
            out.append(m)
    return out


def _token_at(tagged: Tagged, char: int) -> int:
    for i, tok in enumerate(tagged.tokens):
        if tok.end > char:
            return i
    return len(tagged.tokens)


def find_statements(sentences: list[Tagged], mentions: list[list[Mention]], roster: Roster,
                    skip: set[int], lead: int, lang: str, reference: Any) -> Found:
    """Walk the sentences once, attributing stance cues and collecting follow-ups, topics and context."""
    found = Found()
    last: str | None = roster.mains()[0].pid if roster.mains() else None
    both_re, switch_re, passive_re = (BOTH_AR, SWITCH_AR, PASSIVE_AR) if lang == "ar" else (BOTH_EN, SWITCH_EN, PASSIVE_EN)
    context_re = CONTEXT_AR if lang == "ar" else CONTEXT_EN
    for s, tagged in enumerate(sentences):
        if s in skip:
            continue
        text = tagged.text
        stance_cues = _cues(tagged, "stance")
        todo_cues = _cues(tagged, "followup")
        said_here = 0
        follow_spans = _follow_ups(found, tagged, todo_cues, mentions[s], roster, s, last, reference, lang)
        prev_end = 0
        for n, cue in enumerate(stance_cues):
            if any(a <= cue.start < b for a, b in follow_spans) and cue.term.attrs.get("stance") == "call":
                continue
            end = stance_cues[n + 1].start if n + 1 < len(stance_cues) else len(text)
            clause = text[cue.start:end].strip(_TRIM)
            before = fold(text[prev_end:cue.start], lang)
            window = fold(text[cue.start:min(len(text), cue.end + 25)], lang)
            stance = str(cue.term.attrs.get("stance", "other"))
            speaker = _speaker(tagged, cue, mentions[s], roster, last, stance,
                               both=bool(both_re.search(window) or both_re.search(before[-30:])),
                               switch=bool(switch_re.search(before)), passive=bool(passive_re.search(before[-40:])))
            prev_end = cue.end
            if speaker is None:
                continue
            prev = found.positions[-1] if found.positions else None
            if (prev is not None and prev.sentence == s and prev.speaker == speaker and prev.stance == stance
                    and stance == "exchange_views"):
                prev.text = text[text.find(prev.text):end].strip(_TRIM) if prev.text in text else prev.text
                continue
            found.positions.append(Said(speaker, stance, clause, s, cue))
            said_here += 1
            if speaker != "both":
                last = speaker
        if said_here or s == lead:
            for match in _cues(tagged, "topic"):
                topic = match.term.attrs.get("topic")
                if topic and all(t.attrs.get("topic") != topic for t, _ in found.agenda):
                    found.agenda.append((match.term, match.surface))
        if not said_here and s != lead and context_re.search(fold(text, lang)):
            found.context.append(s)
    return found


def _speaker(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster, last: str | None,
             stance: str, *, both: bool, switch: bool, passive: bool) -> str | None:
    """Who holds a position: a mention next to the cue, both sides, the other side, or the last speaker."""
    if both:
        return "both"
    k = _token_at(tagged, cue.start)
    k_end = _token_at(tagged, cue.end - 1) + 1
    near = [m for m in mentions if k_end <= m.start <= k_end + 2 or (m.end <= k and k - m.end <= 1)]
    near.sort(key=lambda m: (m.start < k_end, abs(m.start - k_end)))
    for mention in near:
        person = roster.resolve(mention)
        if person is not None:
            return person.pid
    if passive or stance == "exchange_views":
        return "both"
    mains = roster.mains()
    if switch and len(mains) >= 2 and last is not None:
        others = [p.pid for p in mains[:2] if p.pid != last]
        return others[0] if others else last
    return last or (mains[0].pid if mains else None)


def _follow_ups(found: Found, tagged: Tagged, cues: list[Any], mentions: list[Mention], roster: Roster,
                s: int, last: str | None, reference: Any, lang: str) -> list[tuple[int, int]]:
    """Collect follow-ups of one sentence; return the character spans they cover."""
    spans = []
    text = tagged.text
    for n, cue in enumerate(cues):
        attrs = cue.term.attrs
        kind, status = attrs.get("kind"), attrs.get("status")
        end = cues[n + 1].start if n + 1 < len(cues) else len(text)
        clause = text[cue.start:end].strip(_TRIM)
        if kind in (None, "", "status", "due") and found.follow_ups:
            target = found.follow_ups[-1]
            if status:
                target.status = status
            if kind == "due" or attrs.get("due"):
                target.due_text, target.due_term = clause, cue.term
            spans.append((cue.start, end))
            continue
        if not kind:
            continue
        who = _who(tagged, cue, mentions, roster, kind, last)
        if kind == "invitation" and _VISIT.search(fold(clause, lang)):
            kind = "visit"
        dates = [d for d in find_dates(clause, reference=reference) if not d.relative]
        todo = ToDo(kind, status or "proposed", who, clause, s, what_term=cue.term)
        if dates:
            todo.due_text, todo.due_date = dates[0].text, dates[0].date
            if todo.due_date and todo.status == "proposed":
                todo.status = "scheduled"
        found.follow_ups.append(todo)
        spans.append((cue.start, end))
    return spans


def _who(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster, kind: str, last: str | None) -> str | None:
    """Who is to act: the invitee for an invitation, else the subject near the cue."""
    k = _token_at(tagged, cue.start)
    after = [m for m in mentions if m.start >= k]
    before = [m for m in mentions if m.end <= k]
    people = [roster.resolve(m) for m in after + before[::-1]]
    people = [p for p in people if p is not None]
    if kind == "invitation" or kind == "visit":
        if len(people) >= 2:
            return people[1].pid
    if people:
        return people[0].pid
    if BOTH_AR.search(tagged.text) or BOTH_EN.search(tagged.text):
        return "both"
    return last
