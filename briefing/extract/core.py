"""From a release to a summary: segment, find the event, the participants and what was said."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..base.errors import InputError
from ..summary.model import Summary
from ._grammar import ATTEND_AR, ATTEND_EN, FUTURE_AR, FUTURE_EN, HONORIFIC_HADRA, PAST_CONTACT_AR, PAST_CONTACT_EN
from .build import build_summary
from .clauses import clause
from .event import (
    detect_type,
    find_event_date,
    find_place,
    first_cue_at,
    fold,
    place_country,
    reference_date,
    surface_country,
)
from .followups import ToDo
from .mentions import find_mentions, tag_sentence
from .participants import Roster, apply_initiative, assign_sides, is_greeted
from .segment import segment
from .statements import find_statements
from .vocab import country_code, lexicon_for


@dataclass
class Extraction:
    """A summary with the warnings met on the way and the numbered sentences it cites."""

    summary: Summary
    warnings: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)


def extract_summary(release: Any, *, lang: str = "auto", date: dt.date | None = None, terms: Any = None) -> Extraction:
    """Extract a format-1 summary from a Release (see briefing.read.sources.read_release)."""
    language = release.language if lang == "auto" else lang
    if language not in ("ar", "en"):
        raise InputError("the release is neither Arabic nor English", file=release.file or release.name,
                         hint="give --lang ar or --lang en to force a language")
    lex = lexicon_for(terms)
    seg = segment(release.text, title=getattr(release, "title", None))
    sentences = list(seg.sentences)
    if not sentences:
        raise InputError("the release has no sentences", file=release.file or release.name)
    warnings: list[str] = []
    first_body = 1 if seg.title else 0
    tagged = [tag_sentence(s, language, lex) for s in sentences]
    mentions = [find_mentions(t) for t in tagged]
    attend_re = ATTEND_AR if language == "ar" else ATTEND_EN
    attend = {i for i, s in enumerate(sentences)
              if i >= first_body and attend_re.search(fold(_without_hadra(s) if language == "ar" else s, language))}
    lead = _lead_index(sentences, first_body, language, attend, tagged)
    event_type, role = detect_type(sentences[lead], seg.title, language)
    if language == "en" and role in ("other", "meet"):
        lead_type, lead_role = detect_type(sentences[lead], None, language)
        if lead_type == event_type and lead_role in ("host", "guest"):
            role = lead_role  # "Call with ..." in the headline, "received a call from" in the lead

    roster = Roster(lex, language)
    _add_mains(roster, sentences, mentions, lead, attend, bool(seg.title), tagged[lead])
    if event_type == "visit":
        _add_visited(roster, sentences, mentions, lead, language)
    for sentence_mentions in mentions:
        for m in sentence_mentions:
            roster.enrich(m)

    anchor = reference_date(seg.dateline, release.date_hint, date)
    reference = anchor.date
    found_date, date_sentence = find_event_date(sentences, lead, seg.dateline, reference, language)
    skip_spans = [(m.char_start, m.char_end) for m in mentions[lead]]
    place, place_surface = find_place(sentences[lead], seg.dateline, seg.title, language, lex, skip_spans, event_type,
                                      tuple(sentences[lead + 1:lead + 3]))
    place_cc = place_country(place, lex) or (surface_country(place_surface, lex) if language == "en" else None)
    if language == "en" and role == "meet" and _MARGINS_EN.search(sentences[lead]):
        role = "other"  # met on the margins of a summit or assembly: a multilateral setting, nobody's ground
    assign_sides(roster, role, place_cc, event_type, language)
    apply_initiative(roster, sentences, language)
    _home_country(roster, place_cc)
    if language == "ar" and event_type == "phone_call" and role == "host":
        _add_callers(roster, tagged, mentions, lead, attend)
    for i in sorted(attend):
        _add_attendees(roster, tagged[i], mentions[i], place_cc)

    skip = {0} if seg.title else set()
    found = find_statements(tagged, mentions, roster, skip, lead, language, reference)
    if language == "en" and event_type in ("meeting", "talks") and not _VIDEO_EN.search(sentences[lead]):
        _thanked_for_the_welcome(roster, found.positions)
    if event_type != "other" and _announced(sentences[lead], found_date, reference, language):
        # The release announces the contact: it is still to happen, a follow-up, not the event.
        kind = "visit" if event_type == "visit" else "meeting"
        due = found_date.date if found_date is not None else None
        due_text = found_date.text if found_date is not None and due else None
        mains = roster.mains()
        found.follow_ups.insert(0, ToDo(kind, "scheduled" if due else "proposed", mains[0].pid if mains else None,
                                        clause(sentences[lead]), lead, due_text=due_text,
                                        due_date=due))
        event_type, found_date, date_sentence = "other", None, None
        place, place_surface = None, None  # where it will be is the follow-up's, not a place of this release
        for p in roster.people:
            p.side = "other"

    if event_type == "other":
        warnings.append("not a report of a bilateral meeting, call or visit: event type is `other`")
    if len(roster.people) < 2:
        warnings.append(f"found {len(roster.people)} participant(s): check who took part")
    if found_date is not None and found_date.date is None:
        warnings.append(f"the date {found_date.text!r} could not be resolved: give --date YYYY-MM-DD")
    summary, review = build_summary(
        release=release, language=language, lex=lex, seg=seg, sentences=sentences, event_type=event_type,
        found_date=found_date, place=place, place_surface=place_surface, roster=roster, found=found,
        anchor=anchor, date_sentence=date_sentence, lead=lead, given_date=date,
    )
    warnings.extend(f"review: {r}" for r in review if r.startswith("participants") and "name" in r)
    return Extraction(summary=summary, warnings=warnings, sentences=sentences)


def _without_hadra(sentence: str) -> str:
    """The sentence without the honorific «حضرة» (which folds like «حضره», attended it)."""
    return HONORIFIC_HADRA.sub("", sentence) if "حضرة" in sentence else sentence


def _announced(lead: str, found_date: Any, reference: dt.date | None, lang: str) -> bool:
    """The lead speaks of the contact in the future tense, or dates it after the release."""
    text = fold(lead, lang) if lang == "ar" else lead
    if (PAST_CONTACT_AR if lang == "ar" else PAST_CONTACT_EN).search(text):
        return False  # "وصل أمس ... وسيلتقي اليوم": a report that also looks ahead
    if found_date is not None and found_date.date is not None and reference is not None and found_date.date > reference:
        return True
    return bool((FUTURE_AR if lang == "ar" else FUTURE_EN).search(text))


def _lead_index(sentences: list[str], first_body: int, lang: str, attend: set[int], tagged: list[Any]) -> int:
    """The first body sentence that reports the event (else the first body sentence)."""
    for i in range(first_body, min(len(sentences), first_body + 3)):
        if (i not in attend or _attended_at(tagged[i]) is not None) and detect_type(sentences[i], None, lang)[0] != "other":
            return i
    return first_body if first_body < len(sentences) else 0


_ATTEND_WORDS_AR = frozenset({"بحضور", "وبحضور"})


def _attended_at(tagged: Any) -> int | None:
    """Arabic: the token of «بحضور» in a sentence that opens with its event verb ("استقبل ... بحضور ...")."""
    if tagged.lang != "ar" or not tagged.tokens:
        return None
    at = next((k for k, tok in enumerate(tagged.tokens) if tok.norm in _ATTEND_WORDS_AR), None)
    if at is None or first_cue_at(tagged.text, "ar") >= len(fold(tagged.text[:tagged.tokens[at].start], "ar")):
        return None
    return at


def _attendees_named(tagged: Any, mentions: list[Any]) -> list[Any]:
    """The mentions listed right after «بحضور» (joined by «و» or commas): present, not principals."""
    at = _attended_at(tagged)
    if at is None:
        return []
    out: list[Any] = []
    nxt = at + 1
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start < nxt:
            continue
        if m.start > nxt + 1 or any(tagged.tags[j] not in "F" for j in range(nxt, m.start)):
            break
        out.append(m)
        nxt = m.end
    return out


_VIDEO_EN = re.compile(r"\bvideo", re.IGNORECASE)
_MARGINS_EN = re.compile(r"\bon\s+the\s+(?:margins|sidelines)\s+of\b", re.IGNORECASE)
_WELCOME_THANKS_EN = re.compile(r"\bfor\b(?![^.]*\baccepting\b)[^.]{0,120}?\b(?:reception|hospitality|welcome|invitation|inviting)\b", re.IGNORECASE)


def _thanked_for_the_welcome(roster: Roster, positions: list[Any]) -> None:
    """English: when nothing said who received whom, the principal who thanks the other "for the warm welcome",
    "for the invitation" or "for the hospitality" is the guest, the other the host."""
    mains = roster.mains()[:2]
    if len(mains) < 2 or any(p.side != "other" for p in mains):
        return
    for said in positions:
        if said.stance == "thanks" and _WELCOME_THANKS_EN.search(said.text):
            guest = next((p for p in mains if p.pid == said.speaker), None)
            if guest is not None:
                for p in mains:
                    p.side = "guest" if p is guest else "host"
                return


def _home_country(roster: Roster, place_cc: str | None) -> None:
    """A host named without a country is at home: the place's country."""
    mains = roster.mains()
    for p in mains:
        others = {q.country for q in mains if q is not p}
        if not p.country and place_cc and (p.side == "host" or (p is mains[0] and place_cc not in others)):
            p.country, p.country_by = place_cc, "inferred"


_TOPIC_START_EN = re.compile(r"\b(?:to discuss|to review|discussed|about|regarding|concerning|on the (?:situation|margins|sidelines)|on his|on her|on their)\b")


def _add_mains(roster: Roster, sentences: list[str], mentions: list[list[Any]], lead: int, attend: set[int],
               titled: bool, tagged: Any = None) -> None:
    """The principals: people named in the lead (then the next sentence, then the title)."""
    topic = _TOPIC_START_EN.search(sentences[lead]) if roster.lang == "en" else None
    present = _attendees_named(tagged, mentions[lead]) if lead in attend else []
    for m in mentions[lead]:
        if any(m is a for a in present):
            continue  # "استقبل ... وبحضور ولي العهد ...": an attendee, added with the others
        if topic is not None and m.char_start >= topic.start() and len(roster.mains()) >= 2:
            continue  # "... spoke with Kuleba to discuss his meeting with Lavrov": Lavrov is a topic
        if not is_greeted(sentences[lead], m):
            roster.add(m, main=True)
    extra = [lead + 1] if lead + 1 < len(sentences) and lead + 1 not in attend else []
    extra += [0] if titled else []
    for i in extra:
        for m in mentions[i]:
            if len(roster.mains()) < 2 and not is_greeted(sentences[i], m) and roster.resolve(m) is None:
                roster.add(m, main=True)
    for m in mentions[lead]:
        if len(roster.mains()) < 2 and not m.name and m.person is None and not is_greeted(sentences[lead], m):
            roster.add_unnamed(m)


def _add_visited(roster: Roster, sentences: list[str], mentions: list[list[Any]], lead: int, lang: str) -> None:
    """A visit's hosts: the people the visitor "met with" in the sentences after the lead."""
    for i in range(lead + 1, min(len(sentences), lead + 4)):
        kind, role = detect_type(sentences[i], None, lang)
        cue = _MET_WITH.search(fold(sentences[i], lang) if lang == "ar" else sentences[i])
        if not mentions[i] or (kind not in ("meeting", "talks") and (lang == "ar" or cue is None)):
            continue  # "During the visit, he called on ... and held talks with ...": a meeting of the visit
        if lang == "en" and cue is not None and kind not in ("meeting", "talks"):
            cue = _CALLED_ON_EN.search(sentences[i]) or cue
        start = cue.end() if cue else 0
        for m in mentions[i]:
            if lang == "en" and m.char_start < start:
                continue
            named = m.person is not None or len((m.name or "").split()) > 1
            if named and not is_greeted(sentences[i], m) and roster.resolve(m, titles=False) is None:
                person = roster.add(m, main=True)
                if person is not None:
                    person.side = "host"


def _add_callers(roster: Roster, tagged: list[Any], mentions: list[list[Any]], lead: int, attend: set[int]) -> None:
    """Arabic: the lead's host "also received a call from" someone else ("كما تلقى سموه اتصالا هاتفيا من ..."):
    one round of calls reported together, each caller a guest of it."""
    mains = roster.mains()
    if not mains or mains[0].side != "host":
        return
    host = mains[0]
    for i in range(lead + 1, len(tagged)):
        if i in attend:
            continue
        caller = _caller(tagged[i], mentions[i], roster, host)
        if caller is not None and roster.resolve(caller, titles=False) is None:
            person = roster.add(caller, main=True)
            if person is not None:
                person.side, person.caller = "guest", True


def _caller(tagged: Any, mentions: list[Any], roster: Roster, host: Any) -> Any:
    """The one named after "تلقى <the host> اتصالا هاتفيا ... من", when the receiver is the host."""
    toks = tagged.tokens
    for k, tok in enumerate(toks):
        if tok.norm not in ("تلقي", "وتلقي", "تلقت", "وتلقت"):
            continue
        call = next((j for j in range(k + 1, min(len(toks), k + 16)) if toks[j].norm in ("اتصالا", "اتصال")), None)
        if call is None or any(tagged.hard[j] for j in range(k, call - 1)):
            continue
        subject = [m for m in mentions if k < m.start < call]
        styled = [j for j in range(k + 1, call) if tagged.tags[j] == "H" and tagged.text[toks[j].end - 1] == "ه"]
        if not ((subject and roster.resolve(subject[0]) is host)
                or (not subject and styled and roster.styled(host, tagged.term_at[styled[0]].term.key))):
            continue
        frm = next((j for j in range(call + 1, min(len(toks), call + 6)) if toks[j].norm == "من"), None)
        if frm is None:
            continue
        after = [m for m in mentions if m.start > frm and (m.name or m.person is not None)]
        if after and not any(tagged.hard[j] for j in range(frm, after[0].start)):
            return after[0]  # "من الفريق الركن الشيخ راشد ...": the caller, after a rank or a style
        return None
    return None


_CALLED_ON_EN = re.compile(r"\bcalled on\b")
_MET_WITH = re.compile(r"\b(?:met|meets|meeting)\s+(?:\w+\s+){0,2}?with\b|\b(?:met|received|hosted)\b|\b(?:held|holds)\s+talks\s+with\b|\bcalled on\b|(?:^|\s)(?:التقي|التقت|استقبل|استقبلت)(?:\s|$)")


def _add_attendees(roster: Roster, tagged: Any, mentions: list[Any], place_cc: str | None) -> None:
    """People named as present: side other, country from "من الجانب X", a delegation, or the host."""
    by_side = {p.side: p.country for p in roster.mains() if p.country}
    default = by_side.get("host") or next((p.country for p in roster.mains() if p.country), None) or place_cc
    text = fold(tagged.text, tagged.lang)
    if "الوفد" in text and ("المرافق" in text or "الرسمي" in text or "يضم" in text) and by_side.get("guest"):
        default = by_side["guest"]
    marks = [(tok.start, tagged.term_at[k + 2]) for k, tok in enumerate(tagged.tokens[:-2])
             if tok.norm == "من" and tagged.tokens[k + 1].norm == "الجانب" and tagged.tags[k + 2] == "C"]
    for m in mentions:
        if is_greeted(tagged.text, m):
            continue
        country = default
        for start, term in marks:
            if start < m.char_start:
                country = term if isinstance(term, str) else country_code(term.term)
        roster.add(m, main=False, country=country)
