"""Follow-ups: invitations, visits, agreements, directives, meetings to come, and their status."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..read.dates import find_dates
from ._grammar import (
    ACCEPT_AR,
    ACCEPT_EN,
    BOTH_AR,
    BOTH_EN,
    COORDINATED_AR,
    DIRECTIVE_AR,
    EXPECT_VISIT_EN,
    IN_RESPONSE_AR,
    MORE_VISITS_AR,
    PROMISE_EN,
)
from ._needles import Guarded
from .clauses import TRIM, char_span, clause, gap_tokens, joined_words, token_at
from .event import fold
from .mentions import Mention, Tagged
from .participants import Roster

_SIGNED = re.compile(r"(?:^|\s)(?:تم|وتم|جري|وجري|وقع|ووقع|وقعا|وقعت|شهد|وشهد|signed|have signed|were signed)\s*(?:\S+\s*)?$", re.IGNORECASE)
_SOON = re.compile(r"\bnext (?:week|month)\b|\blater this (?:week|month)\b|(?:^|\s)(?:الاسبوع|الشهر) (?:المقبل|القادم)", re.IGNORECASE)
_VISIT = re.compile(r"زياره|visit", re.IGNORECASE)
_MEET = re.compile(r"(?:^|\s)(?:للاجتماع|للقاء|لاجتماع|للتباحث)|\bto meet\b", re.IGNORECASE)
# "will meet" as in satisfying something, not a meeting to come.
_NOT_A_MEETING_EN = re.compile(r"\s+(?:the\s+|their\s+|our\s+|its\s+|all\s+)?(?:\w+\s+)?(?:interests?|needs|requirements|"
                               r"expectations|demands|standards|criteria|goals|targets|conditions|obligations|challenges?)\b",
                               re.IGNORECASE)
_TO_COME_EN = re.compile(r"\b(?:will|shall|next|upcoming|forthcoming|to be held|to meet|to convene|scheduled|planned)\b",
                         re.IGNORECASE)
_NOT_A_MEETING_HELD_EN = re.compile(r"\b(?:Games|Olympics|Olympiad|elections?|referendum|championships?|World Cup|"
                                    r"Expo|festival|census)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_NEXT_VERB_EN = re.compile(r"\s+and\s+(?:also\s+)?(?:emphasi[sz]ed|stressed|underscored|reaffirmed|reiterated|noted|"
                           r"thanked|welcomed|expressed|discussed|highlighted|affirmed|condemned|congratulated)\b")
_MERGE_GAP = 3  # tokens: two cues this close name one follow-up ("the next meeting of the joint commission")
_STATUSES = frozenset({"proposed", "accepted", "scheduled", "declined"})
_GENERIC = re.compile(r"\b(?:scheduled|due|expected)\b|المقرر|المنتظر|المرتقب")
# What a scheduling cue ("is expected to", «من المنتظر») announces, told by the first word of its kind after it.
_SCHEDULED_KINDS = (
    ("visit", re.compile(r"\b(?:visit|visits|travel|trip|tour)\b|زياره|يزور|تزور|جوله|يتوجه|سيتوجه")),
    ("meeting", re.compile(r"\b(?:meet|meeting|talks|summit|session|discuss)\b|لقاء|يلتقي|اجتماع|يجتمع|محادثات|مباحثات|قمه|يعقد|تعقد|يبحث|يناقش")),
    ("agreement", re.compile(r"\b(?:sign|signing|signature|agreement|treaty)\b|توقيع|اتفاق|مذكره")),
    ("call", re.compile(r"\b(?:call|phone)\b|اتصال|مكالمه")),
)


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
    cue_end: int = -1  # where its cue ends in the sentence



def find_follow_ups(todos: list[ToDo], tagged: Tagged, cues: list[Any], mentions: list[Mention], roster: Roster,
                    s: int, last: str | None, reference: Any, lang: str) -> list[tuple[int, int]]:
    """Collect follow-ups of one sentence; return the character spans they cover."""
    spans = []
    text = tagged.text
    honoured = False
    for n, cue in enumerate(cues):
        attrs = cue.term.attrs
        kind, status = attrs.get("kind"), attrs.get("status")
        if honoured and kind in ("invitation", "visit"):
            spans.append((cue.start, cues[n + 1].start if n + 1 < len(cues) else len(text)))
            continue
        honoured = honoured or (status == "done" and kind in ("invitation", "visit"))
        end = cues[n + 1].start if n + 1 < len(cues) else len(text)
        if lang == "en" and (verb := _NEXT_VERB_EN.search(text, cue.end, end)) is not None:
            end = verb.start()  # "... Summit planned for later this spring and emphasized ...": a new statement
        what = clause(text[cue.start:end])
        spans.append((cue.start, end))
        previous = todos[-1] if todos else None
        if status == "proposed" and kind == "agreement" and _SIGNED.search(fold(text[max(0, cue.start - 25):cue.start], lang)):
            continue  # "تم التوقيع على مذكرة تفاهم", "signed a memorandum": done at the event, not to come
        if status == "done":
            continue
        if status not in _STATUSES:  # "date to be set": a due note on the follow-up before
            if previous is not None:
                previous.due_text, previous.due_term = what, cue.term
            continue
        if lang == "ar" and IN_RESPONSE_AR.search(fold(text[max(0, cue.start - 20):cue.start], lang)):
            continue  # "تلبية لدعوة": the visit is the event itself
        accept_re = ACCEPT_AR if lang == "ar" else ACCEPT_EN
        if kind == "invitation" and (accept_re.search(fold(text[max(0, cue.start - 60):cue.start], lang))
                                     or accept_re.search(fold(text[cue.end:cue.end + 30], lang))):
            status = "accepted"
        if status == "accepted" and previous is not None and previous.kind in ("invitation", "visit", "meeting"):
            previous.status = "accepted"
            continue
        if kind == "invitation" and previous is not None and previous.kind in ("invitation", "visit", "meeting"):
            continue  # "the invitation" again: the same follow-up
        if previous is not None and previous.sentence == s and {previous.kind, kind} == {"invitation", "visit"}:
            previous.kind = "visit"
            continue
        if not kind:
            continue
        if lang == "en" and kind == "meeting" and _NOT_A_MEETING_EN.match(text[cue.end:]):
            continue  # "a solution that will meet the interests of all", "the commission is working regularly"
        if lang == "en" and cue.term.key == "meeting_next" and "commission" in cue.surface.lower() \
                and not _TO_COME_EN.search(text[max(0, cue.start - 40):cue.end + 40]):
            continue  # a standing commission named, no session of it to come
        if lang == "en" and kind == "meeting" and _NOT_A_MEETING_HELD_EN.search(text[max(0, cue.start - 40):cue.start]):
            continue  # "the upcoming Winter Games will be held", "elections will be held": no meeting of the sides
        if cue.term.key == "visit_scheduled" and _GENERIC.search(fold(cue.surface, lang)):
            kind = scheduled_kind(fold(text[cue.end:cue.end + 120], lang))  # the next cue may be its own word
        who = _who(tagged, cue, mentions, roster, kind, last)
        if kind == "invitation" and _VISIT.search(fold(what, lang)):
            kind = "visit"
        elif kind == "invitation" and _MEET.search(fold(what, lang)):
            kind = "meeting"  # "دعوة من اللجنة للاجتماع بها": an invitation to meet
        dates = [d for d in find_dates(what, reference=reference) if not d.relative]
        if (previous is not None and previous.sentence == s and previous.kind == kind and previous.what_term is not None
                and previous.cue_end >= 0 and gap_tokens(tagged, previous.cue_end, cue.start) <= _MERGE_GAP):
            previous.what = clause(text[text.find(previous.what):end]) if previous.what in text else previous.what
            continue  # "the next meeting of the joint commission": one follow-up, not two
        todo = ToDo(kind, status or "proposed", who, what, s, what_term=cue.term, cue_end=cue.end)
        if dates:
            todo.due_text, todo.due_date = dates[0].text, dates[0].date
            if todo.due_date and todo.status == "proposed":
                todo.status = "scheduled"
        elif (soon := _SOON.search(fold(what, lang) if lang == "ar" else what)) is not None:
            todo.due_text = soon.group(0).strip()  # "next week": fixed, though not to the day
            if todo.status == "proposed":
                todo.status = "scheduled"
        todos.append(todo)
    if lang == "ar" and tagged.tokens:
        spans.extend(_grammar_follow_ups(todos, tagged, mentions, roster, s, last))
    if lang == "en" and not _found_in(todos, s):
        spans.extend(_expected_visits(todos, tagged, mentions, roster, s))
    if lang == "en" and not _found_in(todos, s):
        spans.extend(_promises(todos, tagged, mentions, roster, s, last))
    if lang == "en" and not _found_in(todos, s):
        spans.extend(_dated_gatherings(todos, tagged, s, reference))
    return spans


_DATED_GATHERING_EN = Guarded(re.compile(
    r"\b(?:a|the)\s+(?:successful\s+|upcoming\s+|forthcoming\s+)?(?P<due>(?:January|February|March|April|May|June|July"
    r"|August|September|October|November|December)\s+\d{1,2}(?:\s*[-–]\s*\d{1,2})?)\s+(?P<what>(?:[A-Z0-9][\w’'.-]*\s+){0,6}?"
    r"(?:Summit|Conference|Ministerial|Meeting|Forum)\b(?:\s+in\s+[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)?)"))


def _dated_gatherings(todos: list[ToDo], tagged: Tagged, s: int, reference: Any) -> list[tuple[int, int]]:
    """English: a gathering named with its dates, after the release ("a successful June 20-21 Three Seas Summit in
    Riga"): a meeting to come, scheduled."""
    spans = []
    for m in _DATED_GATHERING_EN.finditer(tagged.text):
        dates = [d for d in find_dates(m["due"], reference=reference) if d.date is not None and not d.relative]
        if reference is None or not dates or dates[0].date <= reference:
            continue  # a gathering already held, or no date to tell
        todo = ToDo("meeting", "scheduled", None, m["what"], s, due_text=dates[0].text, due_date=dates[0].date)
        todos.append(todo)
        spans.append((m.start("due"), m.end()))
    return spans


def _found_in(todos: list[ToDo], s: int) -> bool:
    """Whether a follow-up was already found in sentence `s`."""
    return any(t.sentence == s for t in todos)


def _promises(todos: list[ToDo], tagged: Tagged, mentions: list[Mention], roster: Roster, s: int,
              last: str | None) -> list[tuple[int, int]]:
    """English: a commitment conveyed to the other side ("told ... that the United States will provide ...")."""
    spans = []
    for m in PROMISE_EN.finditer(tagged.text):
        who = next((p.pid for x in sorted(mentions, key=lambda x: -x.char_start)
                    if x.char_end <= m.start() and (p := roster.resolve(x)) is not None), last)
        will = tagged.text.find(" will ", m.start())
        todos.append(ToDo("other", "proposed", who, clause(tagged.text[will + 1:m.end()]), s))
        spans.append((m.start(), m.end()))
    return spans


def _expected_visits(todos: list[ToDo], tagged: Tagged, mentions: list[Mention], roster: Roster,
                     s: int) -> list[tuple[int, int]]:
    """English: a visit expected of someone ("we expect the Prime Minister of Serbia to visit Moscow")."""
    spans = []
    for m in EXPECT_VISIT_EN.finditer(tagged.text):
        who = next((p.pid for x in mentions if m.start() <= x.char_start < m.end()
                    and (p := roster.resolve(x)) is not None), None)
        todo = ToDo("visit", "proposed", who, clause(tagged.text[m.start():m.end()]), s)
        if (soon := _SOON.search(m.group(0))) is not None:
            todo.due_text, todo.status = soon.group(0).strip(), "scheduled"
        todos.append(todo)
        spans.append((m.start(), m.end()))
    return spans


def scheduled_kind(what: str) -> str:
    """The kind of what a scheduling cue announces: the first visit, meeting, signing or call named, else `other`."""
    head = what[:120].lower()
    found = [(m.start(), kind) for kind, pattern in _SCHEDULED_KINDS if (m := pattern.search(head)) is not None]
    return min(found)[1] if found else "other"


def _grammar_follow_ups(todos: list[ToDo], tagged: Tagged, mentions: list[Mention], roster: Roster, s: int,
                        last: str | None) -> list[tuple[int, int]]:
    """Directives ("وجه بإرسال ...") and visits looked forward to ("ننتظر مزيدا من الزيارات")."""
    joined, starts = joined_words(tagged)
    spans = []
    for m in DIRECTIVE_AR.finditer(joined):
        start, _ = char_span(tagged, starts, joined, m.end(), m.end() + 1)
        head_start, head_end = char_span(tagged, starts, joined, m.start(), m.end())
        who = next((p.pid for x in mentions if head_start <= x.char_start < head_end
                    and (p := roster.resolve(x)) is not None), None)
        if who is None:
            who = next((p.pid for tok in tagged.tokens if head_start <= tok.start < head_end
                        and (p := roster.by_word(tok.norm)) is not None), last)
        end = len(tagged.text)
        cuts = [start]
        for c in COORDINATED_AR.finditer(joined, m.end()):
            a, b = char_span(tagged, starts, joined, c.start(), c.end())
            cuts.extend([a, b])
        cuts.append(end)
        for a, b in zip(cuts[::2], cuts[1::2]):
            part = tagged.text[a:b].strip(TRIM)
            if part:
                todos.append(ToDo("other", "proposed", who, part, s))
        spans.append((head_start, end))
    for m in MORE_VISITS_AR.finditer(joined):
        start, _ = char_span(tagged, starts, joined, m.start(), m.end())
        todos.append(ToDo("visit", "proposed", "both", tagged.text[start:].strip(TRIM), s))
        spans.append((start, len(tagged.text)))
    return spans


_HOSTING = re.compile(r"\b(?:welcom\w*|host\w*|receiv\w*)\b", re.IGNORECASE)
_BY = re.compile(r"^\s*\S*\s*by\s", re.IGNORECASE)
_SEEING_YOU = re.compile(r"\bseeing (?:you|him|her)\b", re.IGNORECASE)


def _visit_by(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster) -> str | None:
    """English "visit by X" right after the cue: X's id, "" when X is not a participant, None when not written so."""
    if tagged.lang != "en" or not _BY.match(tagged.text[cue.end:cue.end + 20]):
        return None
    k = token_at(tagged, cue.end)
    after = next((m for m in mentions if m.start >= k), None)
    if after is None or after.start - k > 4:
        return None
    person = roster.resolve(after)
    return person.pid if person is not None else ""


def _who(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster, kind: str, last: str | None) -> str | None:
    """Who is to act: the invitee after an invitation, the visitor named before a visit cue, else the subject."""
    k = token_at(tagged, cue.start)
    after = [p for m in mentions if m.start >= k and (p := roster.resolve(m)) is not None]
    before = [p for m in reversed(mentions) if m.end <= k and (p := roster.resolve(m)) is not None]
    if kind == "visit" and _HOSTING.search(cue.surface):
        return after[0].pid if after else None  # "looks forward to welcoming Prime Minister Starmer": the guest visits
    if kind == "visit" and _SEEING_YOU.search(cue.surface):
        speaker = before[0].pid if before else last  # the one to be seen there visits
        return next((p.pid for p in roster.mains() if p.pid != speaker), None)
    if kind == "visit" and (named := _visit_by(tagged, cue, mentions, roster)) is not None:
        return named or None  # "the upcoming State Visit by ROK President Yoon"
    nearest = next((m for m in reversed(mentions) if m.end <= k), None)
    if kind == "visit" and nearest is not None and roster.resolve(nearest) is None:
        return None  # "President Biden looks forward to his visit": someone who is not a participant
    if kind == "visit" and before:
        return before[0].pid
    if after:
        return after[0].pid
    if before:
        return before[0].pid
    if BOTH_AR.search(tagged.text) or BOTH_EN.search(tagged.text):
        return "both"
    return last
