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


_STATUSES = frozenset({"proposed", "accepted", "scheduled", "declined"})
_SILENT = frozenset({"say", "prayer"})  # cues that introduce speech or a prayer, not a position


def find_statements(sentences: list[Tagged], mentions: list[list[Mention]], roster: Roster,
                    skip: set[int], lead: int, lang: str, reference: Any) -> Found:
    """Walk the sentences once, attributing stance cues and collecting follow-ups, topics and context."""
    found = Found()
    mains = roster.mains()
    last: str | None = mains[0].pid if mains else None
    context_re = CONTEXT_AR if lang == "ar" else CONTEXT_EN
    discussed: set[int] = {lead}
    for s, tagged in enumerate(sentences):
        if s in skip:
            continue
        text = tagged.text
        follow_spans = _follow_ups(found, tagged, _cues(tagged, "followup"), mentions[s], roster, s, last,
                                   reference, lang)
        said_here = 0
        prev_end = 0
        stance_cues = _cues(tagged, "stance")
        for n, cue in enumerate(stance_cues):
            stance = str(cue.term.attrs.get("stance", "other"))
            if any(a <= cue.start < b for a, b in follow_spans) and stance in ("call", "welcome", "other"):
                continue
            end = stance_cues[n + 1].start if n + 1 < len(stance_cues) else len(text)
            speaker = _speaker(tagged, cue, mentions[s], roster, last, stance, text[prev_end:cue.start], lang)
            prev_end = cue.end
            if speaker is None:
                continue
            if speaker != "both":
                last = speaker
            if cue.term.attrs.get("cue") in _SILENT:
                continue
            clause = text[cue.start:end].strip(_TRIM)
            prev = found.positions[-1] if found.positions else None
            if (prev is not None and prev.sentence == s and prev.speaker == speaker and prev.stance == stance
                    and stance == "exchange_views"):
                start = text.find(prev.text)
                prev.text = text[start:end].strip(_TRIM) if start >= 0 else prev.text
                continue
            found.positions.append(Said(speaker, stance, clause, s, cue))
            said_here += 1
            if stance == "exchange_views":
                discussed.add(s)
        if s in discussed:
            for match in _cues(tagged, "topic"):
                topic = match.term.attrs.get("topic")
                if topic and all(t.attrs.get("topic") != topic for t, _ in found.agenda):
                    found.agenda.append((match.term, match.surface))
        if not said_here and s != lead and context_re.search(fold(text, lang)):
            found.context.append(s)
    return found


def _dual(surface: str, lang: str) -> bool:
    """A verb in the dual ("أكدا", "بحثا", "اتفقا"): both sides speak."""
    if lang != "ar":
        return False
    word = fold(surface, lang).split()[0] if surface.strip() else ""
    return len(word) >= 4 and word.endswith("ا") and not word.startswith("م") and not word.endswith("اا")


def _speaker(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster, last: str | None,
             stance: str, before_text: str, lang: str) -> str | None:
    """Who holds a position: the subject next to the cue, both sides, the other side, or the last speaker."""
    both_re, switch_re, passive_re = (BOTH_AR, SWITCH_AR, PASSIVE_AR) if lang == "ar" else (BOTH_EN, SWITCH_EN, PASSIVE_EN)
    after = fold(tagged.text[cue.end:cue.end + 30], lang)
    before = fold(before_text, lang)
    if _dual(cue.surface, lang) or both_re.search(fold(cue.surface, lang) + " " + after[:20]) or both_re.search(before[-25:]):
        return "both"
    k = _token_at(tagged, cue.start)
    k_end = _token_at(tagged, cue.end - 1) + 1
    for mention in sorted(mentions, key=lambda m: m.start):
        if k_end <= mention.start <= k_end + 2 and not _object(tagged, mention):
            person = roster.resolve(mention)
            if person is not None:
                return person.pid
    for mention in mentions:
        if mention.end <= k and k - mention.end <= 1:
            person = roster.resolve(mention)
            if person is not None:
                return person.pid
    if passive_re.search(before[-40:]) or stance == "exchange_views":
        return "both"
    mains = roster.mains()
    if switch_re.search(before) and len(mains) >= 2 and last is not None:
        others = [p.pid for p in mains[:2] if p.pid != last]
        return others[0] if others else last
    return last or (mains[0].pid if mains else None)


def _object(tagged: Tagged, mention: Mention) -> bool:
    """A mention written with ل/ب ("للرئيس", "بفخامة") is an object, not the speaker."""
    tok = tagged.tokens[mention.start]
    m = tagged.term_at[mention.start]
    if m is not None and not isinstance(m, str) and m.start > tok.start:
        return tagged.text[tok.start] in "لب" or tagged.text[tok.start:tok.start + 2] in ("ول", "وب", "فل")
    return False


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
        spans.append((cue.start, end))
        previous = found.follow_ups[-1] if found.follow_ups else None
        if status == "done":
            continue
        if status not in _STATUSES:  # "date to be set": a due note on the follow-up before
            if previous is not None:
                previous.due_text, previous.due_term = clause, cue.term
            continue
        if status == "accepted" and previous is not None and previous.kind in ("invitation", "visit"):
            previous.status = "accepted"
            continue
        if previous is not None and previous.sentence == s and {previous.kind, kind} == {"invitation", "visit"}:
            previous.kind = "visit"
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
    return spans


def _who(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster, kind: str, last: str | None) -> str | None:
    """Who is to act: the invitee after an invitation, the visitor named before a visit cue, else the subject."""
    k = _token_at(tagged, cue.start)
    after = [p for m in mentions if m.start >= k and (p := roster.resolve(m)) is not None]
    before = [p for m in reversed(mentions) if m.end <= k and (p := roster.resolve(m)) is not None]
    if kind == "visit" and before:
        return before[0].pid
    if after:
        return after[0].pid
    if before:
        return before[0].pid
    if BOTH_AR.search(tagged.text) or BOTH_EN.search(tagged.text):
        return "both"
    return last
