"""Positions, agenda topics and context: what was said, by whom (follow-ups in followups.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ._grammar import (
    BOTH_AR,
    BOTH_EN,
    CONTEXT_AR,
    CONTEXT_EN,
    FIRST_PERSON_EN,
    LABEL_BARE_EN,
    LABEL_HEAD_WORDS_EN,
    LABEL_TAIL_EN,
    LABEL_TAIL_WORDS_EN,
    PASSIVE_AR,
    PASSIVE_EN,
    SPLIT_STANCES_AR,
    SPLIT_STANCES_EN,
    SUBORDINATE_AR,
    SWITCH_AR,
    SWITCH_EN,
)
from ._needles import Guarded
from .clauses import (
    TRIM,
    char_span,
    clause,
    cues_of,
    gap_tokens,
    joined_words,
    token_at,
)
from .event import detect_type, first_cue_at, fold
from .followups import ToDo, find_follow_ups
from .mentions import Mention, Tagged
from .participants import Roster
from .vocab import country_code


@dataclass
class Said:
    """A position found in a sentence."""

    speaker: str
    stance: str
    text: str
    sentence: int  # 0-based index into the sentences
    cue: Any = None


@dataclass
class Found:
    """Everything said in a release."""

    positions: list[Said] = field(default_factory=list)
    follow_ups: list[ToDo] = field(default_factory=list)
    agenda: list[tuple[Any, str]] = field(default_factory=list)  # (topic term, surface)
    context: list[int] = field(default_factory=list)  # sentence indexes


@dataclass(frozen=True)
class _CueTerm:
    """A cue found by the grammar rather than the term base."""

    kind: str
    key: str
    attrs: dict[str, str]
    ar: str = ""
    en: str = ""


@dataclass(frozen=True)
class Cue:
    """A stance cue as found in a sentence (possibly two term-base cues joined)."""

    term: Any
    start: int
    end: int
    surface: str


def stance_cues(tagged: Tagged, lang: str) -> list[Cue]:
    """Stance cues in order: term-base cues, a generic "expressed" joined to the cue after it, split phrases."""
    raw = [Cue(m.term, m.start, m.end, m.surface) for m in cues_of(tagged, "stance")]
    if lang == "ar":
        joined, starts = joined_words(tagged)
        for pattern, stance in SPLIT_STANCES_AR.which(joined):
            for m in pattern.finditer(joined):
                start, end = char_span(tagged, starts, joined, m.start(), m.end())
                if tagged.text[start] == "و" and fold(tagged.text[start + 1:start + 4], lang) in ("تبا", "نقل", "حمل", "ابل"):
                    start += 1  # the conjunction is not part of the phrase
                if not any(c.start < end and start < c.end for c in raw if c.term.attrs.get("stance") == stance):
                    raw = [c for c in raw if not (start <= c.start < end)]
                    raw.append(Cue(_CueTerm("stance", stance, {"stance": stance}), start, end, tagged.text[start:end]))
        raw.sort(key=lambda c: c.start)
    if lang == "en":  # "spoke today with X about ...": what both spoke about
        for m in _SPOKE_WITH_ABOUT_EN.finditer(tagged.text):
            start, end = m.start("about"), m.end("about")
            if not any(c.start < end and start < c.end for c in raw):
                raw.append(Cue(_CueTerm("stance", "exchange_views", {"stance": "exchange_views"}), start, end, m["about"]))
        for phrase, stance in SPLIT_STANCES_EN.which(tagged.text):  # "voiced the deep concerns", "expressed her hope"
            for m in phrase.finditer(tagged.text):
                start, end = m.span()
                if not any(c.start < end and start < c.end for c in raw if c.term.attrs.get("stance") == stance):
                    raw = [c for c in raw if not (start <= c.start < end)]
                    raw.append(Cue(_CueTerm("stance", stance, {"stance": stance}), start, end, m.group(0)))
        raw.sort(key=lambda c: c.start)
    out: list[Cue] = []
    for cue in raw:
        if lang == "ar" and _here(tagged, cue):
            continue
        prev = out[-1] if out else None
        if (prev is not None and prev.term.attrs.get("cue") == "express" and cue.term.attrs.get("cue") != "express"
                and (gap_tokens(tagged, prev.end, cue.start) <= 4 or _expressed_about(tagged, prev, cue))):
            out[-1] = Cue(cue.term, prev.start, cue.end, tagged.text[prev.start:cue.end])
            continue
        out.append(cue)
    return out


def remark_label(tagged: Tagged, mentions: list[Mention], roster: Roster) -> tuple[str, int] | None:
    """A transcript's speaker label heading a sentence: (the participant who speaks, where the words begin)."""
    text = tagged.text
    for mention in sorted(mentions, key=lambda m: m.char_start):
        tail = LABEL_TAIL_EN.match(text, mention.char_end)
        if tail is None or (person := roster.resolve(mention)) is None:
            continue
        head = text[:mention.char_start].split()
        if not all(w == "*" or w[:1].isupper() or w.lower() in LABEL_HEAD_WORDS_EN for w in head):
            return None  # "He told Vladimir Putin:": a quotation in a sentence, not a label
        words = re.findall(r"[\w’'-]+", text[mention.char_end:tail.end()])
        if all(w[:1].isupper() or w.lower() in LABEL_TAIL_WORDS_EN for w in words):
            return person.pid, tail.end()
        return None
    if (bare := LABEL_BARE_EN.match(text)) is not None:
        for tok in tagged.tokens:
            if bare.start(1) <= tok.start < bare.end(1) and (person := roster.by_word(tok.norm)) is not None:
                return person.pid, bare.end()
    return None


def remark_cues(tagged: Tagged, cues: list[Cue], start: int) -> list[Cue]:
    """Stance cues of a speaker's own words: first-person ones ("I hope", "thank you for") with the term base's.

    What was discussed is the readout's to say: "to exchange views with you" in a remark is no position.
    """
    out = [c for c in cues if c.start >= start and c.term.attrs.get("stance") != "exchange_views"]
    for pattern, stance in FIRST_PERSON_EN.which(tagged.text):
        for m in pattern.finditer(tagged.text, start):
            if not any(c.start < m.end() and m.start() < c.end for c in out):
                out.append(Cue(_CueTerm("stance", stance, {"stance": stance}), m.start(), m.end(), m.group(0)))
    return sorted(out, key=lambda c: c.start)


def _here(tagged: Tagged, cue: Cue) -> bool:
    """ "هنا" (here) folds to the verb "هنأ" (congratulated): the verb has a person, an office or a country after it."""
    if fold(cue.surface, "ar") != "هنا":
        return False
    k = token_at(tagged, cue.end - 1) + 1
    return k >= len(tagged.tokens) or tagged.hard[k - 1] or tagged.tags[k] not in "PTHEC"


def _expressed_about(tagged: Tagged, prev: Cue, cue: Cue) -> bool:
    """ "أعرب رئيس الحزب خلال استقبال الملك له ... عن شكره": the object of "أعرب" comes after "عن", however far."""
    gap = tagged.text[prev.end:cue.start]
    return (tagged.lang == "ar" and gap_tokens(tagged, prev.end, cue.start) <= 25 and not re.search(r"[.؛;:!?]", gap)
            and (bool(re.search(r"(?:^|\s)عن\s*$", gap)) or fold(cue.surface, "ar").startswith("عن ")))


_SILENT = frozenset({"say", "prayer"})  # cues that introduce speech or a prayer, not a position


def find_statements(sentences: list[Tagged], mentions: list[list[Mention]], roster: Roster,
                    skip: set[int], lead: int, lang: str, reference: Any) -> Found:
    """Walk the sentences once, attributing stance cues and collecting follow-ups, topics and context."""
    found = Found()
    mains = roster.mains()
    last: str | None = mains[0].pid if mains else None
    context_re = CONTEXT_AR if lang == "ar" else CONTEXT_EN
    discussed: set[int] = {lead}
    remarks: str | None = None  # who speaks, once a transcript has begun ("Vladimir Putin: ...")
    for s, tagged in enumerate(sentences):
        if s in skip:
            continue
        text = tagged.text
        label = remark_label(tagged, mentions[s], roster) if lang == "en" else None
        if label is not None:
            remarks, last = label[0], label[0]
        if remarks is None and s > lead and _another_event(tagged, mentions[s], roster, lang):
            found.context.append(s)  # "وعقد الأمير ... اجتماعا مع ...": another meeting, told alongside
            continue
        follow_spans = find_follow_ups(found.follow_ups, tagged, cues_of(tagged, "followup"), mentions[s], roster, s, last,
                                   reference, lang)
        said_here = 0
        prev_end = 0
        prev_speaker: str | None = None  # who holds the cue before, in this sentence
        group: list[str] | None = None  # the participants a plural subject names ("السفراء"), in this sentence
        cues = stance_cues(tagged, lang)
        said_by = mentions[s] + _bare_names(tagged, mentions[s], roster) if lang == "en" and cues else mentions[s]
        if remarks is not None:
            cues = remark_cues(tagged, cues, label[1] if label is not None else 0)
        background = s != lead and context_re.search(fold(text, lang))
        if background and (not cues or background.start() <= len(fold(text[:cues[0].start], lang))):
            cues = []  # "وتجدر الإشارة إلى أن ...": background, not a position
        first_follow = min((a for a, _ in follow_spans), default=None)
        for n, cue in enumerate(cues):
            stance = str(cue.term.attrs.get("stance", "other"))
            if any(a <= cue.start < b for a, b in follow_spans):
                continue
            if lang == "en" and _not_the_speakers(text, cue, stance):
                prev_end = cue.end
                continue  # "thank you for supporting ...", "you have always supported me", "thanks to Russia"
            if n and _inside_clause(tagged, cues[n - 1], cue):
                continue
            if n + 1 < len(cues) and _reporting_frame(tagged, cue, cues[n + 1], lang, mentions[s], roster):
                prev_end = cue.end
                continue
            nxt = cues[n + 1].start if n + 1 < len(cues) else len(text)
            if stance == "call" and first_follow is not None and cue.start < first_follow <= nxt:
                continue  # "دعا X للقيام بزيارة": an invitation, kept as a follow-up
            end = nxt
            group = _group(tagged, cue, roster, group if said_here or n else None) if lang == "ar" and not remarks else None
            same = (lang == "en" and n and _same_subject(text[prev_end:cue.start]) and not BOTH_EN.match(cue.surface)) or (
                lang == "ar" and n and prev_speaker not in (None, "both") and _participle_after_comma(text, prev_end, cue))
            speaker = remarks or (group[0] if group else None) or (prev_speaker if same else None) or _speaker(
                tagged, cue, said_by, roster, last, stance, text[prev_end:cue.start], lang)
            prev_end = cue.end
            prev_speaker = speaker
            if speaker is None:
                continue
            if speaker != "both":
                last = speaker
            if cue.term.attrs.get("cue") in _SILENT:
                continue
            if lang == "en" and _AS_CLAUSE_EN.search(text[max(0, cue.start - 30):cue.start]):
                continue  # "as you have noted", "as outlined in": a comparison, not a position
            if lang == "en" and stance == "welcome" and _reception(tagged, cue, said_by):
                continue  # "welcomed Foreign Minister X to the White House": the host receives, no position
            if lang == "en" and stance == "call" and _courtesy_call(tagged, cue, said_by):
                continue  # "he called on His Majesty Sultan Haitham": a visit paid, not a call for anything
            if lang == "ar" and stance == "exchange_views" and s != lead and _purpose(cue):
                continue  # "يزور موسكو الثلاثاء لبحث ...", "للقاء نظرائه لمناقشة ...": what a trip is for, not what was said
            if lang == "ar" and stance == "exchange_views" and SUBORDINATE_AR.search(fold(text[max(0, cue.start - 12):cue.start], lang)):
                discussed.add(s)
                continue
            words = clause(text[cue.start:end])
            prev = found.positions[-1] if found.positions else None
            if (prev is not None and prev.sentence == s and prev.speaker == speaker and prev.stance == stance
                    and (stance == "exchange_views" or gap_tokens(tagged, prev.cue.end, cue.start) <= 2)):
                start = text.find(prev.text)
                prev.text = text[start:end].strip(TRIM) if start >= 0 else prev.text
                continue
            found.positions.extend(Said(pid, stance, words, s, cue) for pid in (group or [speaker]))
            said_here += 1
            if stance == "exchange_views":
                discussed.add(s)
        if lang == "en" and said_here and not background:
            discussed.add(s)  # English readouts state each topic in a sentence of its own
        if s in discussed:
            topics = _topics(tagged, roster.lex, lang)
            if lang == "en":
                topics += _situations(tagged, roster)
            for term, surface in topics:
                topic = term.attrs.get("topic")
                if topic and all(t.attrs.get("topic") != topic for t, _ in found.agenda):
                    found.agenda.append((term, surface))
        if not said_here and s != lead and context_re.search(fold(text, lang)):
            found.context.append(s)
    return found


# Plural nouns of office that name several participants at once, with the title they hold.
_GROUP_NOUNS_AR = {"السفراء": "ambassador", "الوزراء": "minister", "السفيران": "ambassador", "الوزيران": "minister"}


def _group(tagged: Tagged, cue: Cue, roster: Roster, before: list[str] | None) -> list[str] | None:
    """Arabic: a plural subject of office right after the verb ("وأبدى السفراء إعجابهم"): every participant who holds
    that office; a plural participle later in the sentence ("معربين") goes on with the same people."""
    k = token_at(tagged, cue.start)
    if k + 1 < len(tagged.tokens) and (key := _GROUP_NOUNS_AR.get(tagged.tokens[k + 1].norm)) is not None:
        ranks = {"minister"} if key == "minister" else set()
        members = [p.pid for p in roster.people
                   if any(t.key == key or t.attrs.get("rank") in ranks for t in p.title_terms)]
        return members if len(members) >= 2 else None
    words = fold(cue.surface, "ar").split()
    if before and words and words[0].startswith("م") and words[0].endswith("ين"):
        return before  # "معربين عن ...": the same plural subject
    return None


def _topics(tagged: Tagged, lex: Any, lang: str) -> list[tuple[Any, str]]:
    """Topic cues of a sentence, with the topics a joined phrase holds ("الأوضاع الدولية والإقليمية")."""
    out = []
    for match in cues_of(tagged, "topic"):
        if lang == "ar" and _office_of(tagged, match.start):
            continue  # "وزراء الشباب والرياضة", "وزارة الثقافة": the name of an office, not a topic
        if lang == "en" and _inside_a_name_en(tagged.text, match.start, match.end):
            continue  # "National Security Advisor", "Secretary of Homeland Security Mayorkas": a title, not a topic
        out.append((match.term, match.surface))
        rest = match.surface.split(maxsplit=1)
        if lang == "ar" and len(rest) == 2:  # in English the last word is the head: "food security" is no security
            out.extend((m.term, m.surface) for m in lex.match(rest[1], lang, ("topic",)) if m.term is not match.term)
    return out


_CAPITALISED_BEFORE_EN = re.compile(r"\b(?:[A-Z][a-z]+|of)\s+$")
_CAPITALISED_AFTER_EN = re.compile(r"^\s+[A-Z][a-z]")


def _inside_a_name_en(text: str, start: int, end: int) -> bool:
    """English: a title-case topic word between capitalised words ("Deputy National Security Advisor Jon Finer")."""
    surface = text[start:end]
    if not surface[:1].isupper() or surface.isupper() or not text[:start].strip() or text[:start].rstrip()[-1:] in ".:":
        return False
    before = text[max(0, start - 40):start]
    if before.endswith("of ") and not re.search(r"\b[A-Z][a-z]+\s+of\s+$", before):
        return False
    return bool(_CAPITALISED_BEFORE_EN.search(before)) and bool(_CAPITALISED_AFTER_EN.match(text[end:end + 4]))


_OFFICE_NOUNS_AR = frozenset({"وزير", "وزيره", "وزراء", "وزاره", "وزارات", "ووزير", "ووزيره", "ووزراء", "ووزاره"})


def _office_of(tagged: Tagged, start: int) -> bool:
    """Arabic: one of the two words before a topic word is a minister or ministry noun, with no gap between."""
    k = token_at(tagged, start)
    return any(j >= 0 and tagged.tokens[j].norm in _OFFICE_NOUNS_AR and not any(tagged.hard[j:k])
               for j in (k - 1, k - 2))


def _another_event(tagged: Tagged, mentions: list[Mention], roster: Roster, lang: str) -> bool:
    """A sentence reporting a contact of its own (an event cue) whose subject is not one of the two principals."""
    if not any(m.name or m.person is not None for m in mentions):
        return False
    text = tagged.text
    for cue in cues_of(tagged, "followup"):
        if cue.term.attrs.get("status") in ("proposed", "scheduled"):
            text = text[:cue.start] + " " * (cue.end - cue.start) + text[cue.end:]
    kind, _ = detect_type(text, None, lang)
    if kind == "other":
        return False  # no contact, or only one still to come ("looks forward to his visit"): a follow-up
    principals = {p.pid for p in roster.mains()[:2]} | {p.pid for p in roster.people if p.caller}
    cue_at = first_cue_at(tagged.text, lang) if lang == "en" else 0
    for mention in sorted(mentions, key=lambda m: m.char_start):
        if lang == "ar" and (_object(tagged, mention) or re.search(r"(?:^|\s)مع\s*$", tagged.text[:mention.char_start])):
            continue  # "مع كارتر", "للرئيس": objects; the first other name is the subject
        if lang == "en" and (mention.char_end > cue_at or re.search(r"\b(?:with|of|on|by)\s+(?:the\s+)?$", tagged.text[:mention.char_start])):
            return False  # English puts it before; a name after the verb is its object
        if not mention.name and mention.person is None:
            continue
        person = roster.resolve(mention)
        return person is None or person.pid not in principals
    return False


def _situations(tagged: Tagged, roster: Roster) -> list[tuple[Any, str]]:
    """A third country discussed ("Russia's war against Ukraine", "the situation in Afghanistan"): the regional situation."""
    own = {p.country for p in roster.mains() if p.country}
    term = roster.lex.get("topic", "regional_situation")
    if term is None:
        return []
    for i, tag in enumerate(tagged.tags):
        found = tagged.term_at[i]
        if tag == "C" and found is not None and not isinstance(found, str) and found.term.kind == "country":
            if country_code(found.term) not in own and not _adjective_before_title(tagged, i):
                return [(term, found.surface)]
    return []


def _adjective_before_title(tagged: Tagged, i: int) -> bool:
    """ "Ukrainian Foreign Minister": a nationality naming a person's office, not a topic."""
    return i + 1 < len(tagged.tags) and tagged.tags[i + 1] in "TH"


def _reporting_frame(tagged: Tagged, cue: Cue, nxt: Cue, lang: str, mentions: list[Mention],
                     roster: Roster) -> bool:
    """ "أوضح المتحدث ... أن الرئيس هادي أكد": the first verb only reports what a participant said."""
    gap = tagged.text[cue.end:nxt.start]
    words = fold(gap, lang).split()
    if re.search(r"[.؛;]", gap) or not ("ان" in words or "that" in words) or len(words) > 14:
        return False
    if nxt.surface.startswith(("م", "و")):
        return False
    that = cue.end + max(gap.find(" أن "), gap.find(" ان "), gap.find(" that "))
    return any(that <= m.char_start < nxt.start and roster.resolve(m) is not None for m in mentions)


def _inside_clause(tagged: Tagged, prev: Cue, cue: Cue) -> bool:
    """A cue inside the clause of the one before (no comma, no new verb): "مؤكدا استمرار ... دعمها"."""
    if tagged.lang != "ar" or prev.term.attrs.get("cue") in _SILENT:
        return False  # "قال ... إن المباحثات كانت مثمرة": what was said is the position
    gap = tagged.text[prev.end:cue.start]
    if re.search(r"[,،.؛;:!?]", gap) or gap_tokens(tagged, prev.end, cue.start) < 1:
        return False
    word = cue.surface.split()[0] if cue.surface.split() else ""
    return not word.startswith(("م", "و", "ف")) and not _dual(cue, "ar") and cue.term.attrs.get("stance") != "exchange_views"


def _purpose(cue: Cue) -> bool:
    """Arabic: a verbal noun of discussion with the purpose «ل» ("لبحث", "لمناقشة", "للتباحث")."""
    word = fold(cue.surface, "ar").split()[0] if cue.surface.split() else ""
    if not word.startswith("ل") or len(word) < 4 or not hasattr(cue.term, "surfaces"):
        return False
    bare = "ال" + word[2:] if word.startswith("لل") else word[1:]
    return bare in _first_words(cue.term)


def _dual(cue: Any, lang: str) -> bool:
    """A verb in the dual ("أكدا", "بحثا", "اتفقا"): its singular is also a form of the cue."""
    if lang != "ar" or not hasattr(cue.term, "surfaces"):
        return False
    words = fold(cue.surface, lang).split()
    if words and words[0].startswith("م") and words[0].endswith("ين") and len(words[0]) >= 5:
        return True  # a plural participle ("مؤكدين"): the sides together
    if not words or not words[0].endswith("ا") or words[0].startswith("م"):
        return False
    return words[0][:-1] in _first_words(cue.term)


_FIRST_WORDS: dict[tuple[str, str], frozenset[str]] = {}


def _first_words(term: Any) -> frozenset[str]:
    """First words of a cue term's Arabic forms (normalised), computed once per term."""
    key = (term.kind, term.key)
    if key not in _FIRST_WORDS:
        _FIRST_WORDS[key] = frozenset(fold(v, "ar").split()[0] for v in term.surfaces("ar") if v.strip())
    return _FIRST_WORDS[key]


def _speaker(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster, last: str | None,
             stance: str, before_text: str, lang: str) -> str | None:
    """Who holds a position: the subject next to the cue, both sides, the other side, or the last speaker."""
    both_re, switch_re, passive_re = (BOTH_AR, SWITCH_AR, PASSIVE_AR) if lang == "ar" else (BOTH_EN, SWITCH_EN, PASSIVE_EN)
    after = fold(tagged.text[cue.end:cue.end + 30], lang)
    before = fold(before_text, lang)
    after_both = stance != "call" or lang == "ar"  # "urged the two sides to ...": the sides are whom it is urged on
    if _dual(cue, lang) or both_re.search(fold(cue.surface, lang) + " " + after[:20] * after_both) or both_re.search(before[-25:]):
        return "both"
    if passive_re.search(fold(cue.surface, lang)[:12]) or (lang == "en" and passive_re.search(before[-14:])):
        return "both"  # "جرى بحث", "تم استعراض", "it was noted": the sides together
    if stance == "exchange_views" and re.match(r"\s*(?:معه|معها|معهم|with (?:him|her|them))\b", after):
        return "both"  # "وبحث معه": discussed together
    if lang == "ar" and stance in ("exchange_views", "agreement") and _with_counterpart(tagged, cue, mentions, roster):
        return "both"  # "بحث خادم الحرمين الشريفين مع رئيس الوزراء ...": discussed together
    k = token_at(tagged, cue.start)
    k_end = token_at(tagged, cue.end - 1) + 1
    if (lang == "en" and stance != "exchange_views" and _PURPOSE_EN.match(cue.surface)
            and not _joint_subject(tagged, cue, mentions, roster, before_text)):
        subject = next((p.pid for m in sorted(mentions, key=lambda m: m.start)
                        if m.end <= k and (p := roster.resolve(m)) is not None), None)
        if subject is not None:
            return subject  # "Secretary Blinken spoke with X to reaffirm ...": the sentence's subject, not X
    if lang == "en" and last is not None and _PRONOUN_SUBJECT_EN.search(before_text[-24:]):
        return last  # "He urged the President of France ...": the one speaking before, not the object after the verb
    if lang == "en" and (side := _country_subject(tagged, cue, roster)) is not None:
        return side  # "the United States looks forward to ...", "Russia noted ...": that country's principal
    if lang == "en" and _joint_subject(tagged, cue, mentions, roster, before_text):
        return "both"  # "Secretary Blinken and Foreign Minister Wong welcomed ..."
    if lang == "en" and (subject := _english_subject(tagged, cue, mentions, roster, before_text)) is not None:
        return subject  # English puts the subject before its verb: "The President of Russia thanked ..."
    if lang == "en" and both_re.match(before.lstrip()):
        return "both"  # "The leaders also marked ... and reaffirmed ...": the clause's subject is both
    if lang == "ar" and _RELATIVE_AR.search(before[-12:]):
        near = [m for m in mentions if m.end <= k and (m.name or m.person is not None or m.title)]
        if near and (person := roster.resolve(max(near, key=lambda m: m.start))) is not None:
            return person.pid  # "... سامح شكري والوفد المرافق له، الذي نقل ...": who the relative stands for
    if lang == "ar" and (styled := _styled_subject(tagged, k, k_end, roster)) is not None:
        return styled  # "ونقل معاليه ...", "مؤكدا - أيده الله - ...": the subject by how it is styled
    if lang == "ar" and (subject := _subject_after_that(tagged, k, mentions, roster)) is not None:
        return subject  # "وأضاف المتحدث أن الرئيس رحب ...": after «أن» the subject comes before its verb
    for mention in sorted(mentions, key=lambda m: m.start):
        if k < mention.start <= k_end + 2 and not _object(tagged, mention):
            person = roster.resolve(mention)
            if person is not None:
                return person.pid
    for j in range(k + 1, min(len(tagged.tokens), k_end + 2)):
        if tagged.tags[j] == "X" and (person := roster.by_word(tagged.tokens[j].norm)) is not None:
            return person.pid
        if tagged.tags[j] == "H" and tagged.text[tagged.tokens[j].end - 1] == "ه" and (
                person := roster.by_honorific(tagged.term_at[j].term.key)) is not None:
            return person.pid  # "وأكد سموه", "ونقل معاليه"
    for mention in mentions:
        if mention.end <= k and k - mention.end <= 1:
            person = roster.resolve(mention)
            if person is not None:
                return person.pid
    for j in range(k + 1, k_end + 1):
        if (nationality := _by_nationality(tagged, j, roster)) is not None:
            return nationality
    if passive_re.search(before[-40:]) or stance == "exchange_views":
        return "both"
    clause_start = tagged.text.rfind(before_text, 0, cue.start + 1) if before_text else cue.start
    for mention in sorted(mentions, key=lambda m: m.start):
        if clause_start <= mention.char_start and mention.end <= k and not _object(tagged, mention):
            person = roster.resolve(mention)
            if person is not None:
                return person.pid
    mains = roster.mains()
    if switch_re.search(before) and len(mains) >= 2 and last is not None:
        others = [p.pid for p in mains[:2] if p.pid != last]
        return others[0] if others else last
    return last or (mains[0].pid if mains else None)


_PARTICIPLE_AR = re.compile(r"م\S{2,}ا")  # "مؤكدا", "منوها", "معربا" (folded): a singular participle of state


def _participle_after_comma(text: str, prev_end: int, cue: Cue) -> bool:
    """Arabic: «، مؤكداً» after a clause goes on with that clause's subject ("هنأ X الرئيس ...، منوها بأن")."""
    words = fold(cue.surface, "ar").split()
    return (bool(words) and _PARTICIPLE_AR.fullmatch(words[0]) is not None
            and text[prev_end:cue.start].rstrip().endswith(("،", ",")))


_THAT_AR = frozenset({"ان", "بان", "وان"})


def _subject_after_that(tagged: Tagged, k: int, mentions: list[Mention], roster: Roster) -> str | None:
    """Arabic: a person named between «أن» and the verb at token k ("أن الرئيس رحب") is its subject."""
    for mention in mentions:
        if mention.end == k and mention.start > 0 and tagged.tokens[mention.start - 1].norm in _THAT_AR:
            person = roster.resolve(mention)
            if person is not None:
                return person.pid
    return None


_SPOKE_WITH_ABOUT_EN = Guarded(re.compile(r"\b(?:spoke|talked)\s+(?:today\s+|yesterday\s+|by\s+phone\s+)?with\s+(?:[A-Z]|his\s|her\s|their\s)"
                                  r"[^.;:]{0,150}?\s(?P<about>about)\s"))
_PRONOUN_SUBJECT_EN = re.compile(r"(?:^|[.;,]\s*|\band\s+)(?:He|She|he|she)\s+(?:also\s+|further\s+|then\s+)?$")
_PURPOSE_EN = re.compile(r"(?:to|and)\s", re.IGNORECASE)
_RELATIVE_AR = re.compile(r"(?:^|\s)و?(?:الذي|التي)\s*$")


def _styled_subject(tagged: Tagged, k: int, k_end: int, roster: Roster) -> str | None:
    """Arabic: right after the verb, an honorific with its pronoun ("معاليه": the one styled so) or the formula
    "أيده الله" (the one head of state among the principals)."""
    for j in (k + 1, *range(k_end, k_end + 3)):
        found = tagged.term_at[j] if j < len(tagged.tokens) else None
        if found is None or isinstance(found, str):
            continue
        if tagged.tags[j] == "H" and j in (k + 1, k_end) and tagged.text[tagged.tokens[j].end - 1] == "ه":
            if j + 1 < len(tagged.tokens) and tagged.tokens[j + 1].norm == "و":
                return "both"  # "وبحث سموه و وزير الخارجية ...": the two together
            person = roster.by_honorific(found.term.key)
            return person.pid if person is not None else None
        if found.term.kind == "epithet" and found.term.key == "god_protect_him":
            heads = [p for p in roster.mains() if any(t.attrs.get("rank") == "head_of_state" for t in p.title_terms)]
            return heads[0].pid if len(heads) == 1 else None
    return None


_VERB_BEFORE_EN = re.compile(r"\b(?:[a-z]+ed|told|met|thanks|urges|congratulates|informs|briefs)\s+(?:the\s+)?$")
_OBJECT_BEFORE_EN = re.compile(r"\b(?:to|with|from|by|of|for|about|on|than|against|toward|towards)\s+(?:the\s+)?$", re.IGNORECASE)


def _bare_names(tagged: Tagged, mentions: list[Mention], roster: Roster) -> list[Mention]:
    """English: capitalised words without a title that name a participant ("Mr. Finer", "Miguel Diaz-Canel
    Bermudez", or one letter off: "Olaf Scholtz" for Olaf Scholz), as mentions for telling who speaks."""
    covered = {k for m in mentions for k in range(m.start, m.end)}
    out: list[Mention] = []
    k, n = 0, len(tagged.tokens)
    while k < n:
        if k in covered or tagged.tags[k] != "X" or not tagged.text[tagged.tokens[k].start].isupper():
            k += 1
            continue
        j = k + 1
        while j < n and j not in covered and not tagged.hard[j - 1] and tagged.tags[j] == "X" and (
                tagged.text[tagged.tokens[j].start].isupper() or tagged.text[tagged.tokens[j - 1].end:tagged.tokens[j].start] == "-"):
            j += 1
        norms = tuple(t.norm for t in tagged.tokens[k:j])
        mention = Mention(start=k, end=j, name=tagged.text[tagged.tokens[k].start:tagged.tokens[j - 1].end], name_norm=norms,
                          char_start=tagged.tokens[k].start, char_end=tagged.tokens[j - 1].end)
        if roster.resolve(mention, titles=False) is not None:
            out.append(mention)
        else:
            near = [p for p in roster.people if p.name_norm and len(norms) >= 2 and norms[0] == p.name_norm[0]
                    and _one_letter(norms[-1], p.name_norm[-1])]
            if len(near) == 1:
                mention.name_norm = near[0].name_norm
                out.append(mention)
        k = j
    return out


def _one_letter(a: str, b: str) -> bool:
    """Two words of five letters or more one letter apart (one added, left out or changed)."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


_AS_CLAUSE_EN = re.compile(r"(?:^|[^\w’'])(?<!well )(?<!such )as\s+(?:(?:I|we|you|he|she|they|it|was|were|is|are|has|have|had|been|already|also|just)\s+){0,3}$", re.IGNORECASE)


def _reception(tagged: Tagged, cue: Cue, mentions: list[Mention]) -> bool:
    """English: "welcomed <a person> to <a place>" (to the White House, back to Moscow): a reception."""
    for mention in mentions:
        if cue.end <= mention.char_start and gap_tokens(tagged, cue.end, mention.char_start) <= 1:
            return bool(re.match(r"[\s,]*(?:back\s+)?to\s+(?:the\s+)?[A-Z]", tagged.text[mention.char_end:mention.char_end + 40]))
    return False


def _courtesy_call(tagged: Tagged, cue: Cue, mentions: list[Mention]) -> bool:
    """English: "called on <a person>" with no "to <do>" after them: a courtesy call, not a call for something."""
    if not cue.surface.lower().startswith("called on"):
        return False
    for mention in mentions:
        if cue.end <= mention.char_start and gap_tokens(tagged, cue.end, mention.char_start) <= 1:
            return re.match(r"[\s,]*to\s+\w", tagged.text[mention.char_end:mention.char_end + 20]) is None
    return False


_AND_VERB_EN = re.compile(r"(?:\s(?:and|but)\s+(?:also\s+|further\s+|then\s+)?|\S,\s*)$")


def _same_subject(gap: str) -> bool:
    """English: "X discussed A and affirmed B", "X thanked A, reaffirmed B": a verb right after "and" (or after the
    comma of a list of verbs) has the subject of the verb before."""
    return bool(_AND_VERB_EN.search(gap)) and not re.search(r"[;:]", gap)


def _country_subject(tagged: Tagged, cue: Any, roster: Roster) -> str | None:
    """English: a country written right before the cue (maybe with "also", "strongly") as its subject, when one
    principal is of that country."""
    k = token_at(tagged, cue.start) - 1
    while k >= 0 and tagged.tokens[k].norm in ("also", "strongly", "fully", "firmly", "further") and not tagged.hard[k]:
        k -= 1
    if k < 0 or tagged.tags[k] != "C" or tagged.hard[k] or tagged.term_at[k] is None:
        return None
    found = tagged.term_at[k]
    j = token_at(tagged, found.start) - 1 if not isinstance(found, str) else k - 1
    if j >= 0 and not tagged.hard[j] and tagged.tokens[j].norm == "the":
        j -= 1
    if j >= 0 and not tagged.hard[j] and tagged.tokens[j].norm not in ("that", "which", "but", "while"):
        return None  # "Keir Starmer of the United Kingdom", "the presidents of Russia and France": not a subject
    code = found if isinstance(found, str) else country_code(found.term)
    same = [p for p in roster.mains() if p.country == code]
    return same[0].pid if len(same) == 1 else None


def _english_subject(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster, before_text: str) -> str | None:
    """The participant named last before the cue in its clause, when not the object of a preposition."""
    clause_start = tagged.text.rfind(before_text, 0, cue.start + 1) if before_text else cue.start
    clause_start = max(clause_start, tagged.text.rfind(",", 0, cue.start) + 1 if _comma_clause(tagged, cue) else 0)
    for mention in sorted(mentions, key=lambda m: m.char_start, reverse=True):
        if clause_start <= mention.char_start and mention.char_end <= cue.start:
            if _OBJECT_BEFORE_EN.search(tagged.text[max(0, mention.char_start - 12):mention.char_start]):
                continue
            if _VERB_BEFORE_EN.search(tagged.text[max(0, mention.char_start - 20):mention.char_start]):
                continue  # "Vladimir Putin informed Recep Tayyip Erdogan ...": the object of a verb
            person = roster.resolve(mention)
            if person is not None:
                return person.pid
    return None


def _comma_clause(tagged: Tagged, cue: Any) -> bool:
    """ "..., and he stressed": a comma then a conjunction right before the cue opens a new clause."""
    head = tagged.text[:cue.start]
    return bool(re.search(r",\s*(?:and|while|but|as)\s+[^,]*$", head))


def _with_counterpart(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster) -> bool:
    """Arabic: "مع" then another principal within the clause that follows the cue."""
    rest = tagged.text[cue.end:cue.end + 160]
    cut = re.search(r"[.؛;:]", rest)
    rest = rest[:cut.start()] if cut else rest
    match = re.search(r"(?:^|\s)مع(?:\s|$)", rest)
    if match is None:
        return False
    at = cue.end + match.end()
    people = {p.pid for m in mentions if cue.end <= m.char_start and (p := roster.resolve(m)) is not None and p.main}
    after = {p.pid for m in mentions if m.char_start >= at and (p := roster.resolve(m)) is not None and p.main}
    j = token_at(tagged, at)
    if j < len(tagged.tokens) and tagged.tokens[j].start >= at and tagged.tags[j] == "X" and (
            (person := roster.by_word(tagged.tokens[j].norm)) is not None and person.main):
        after.add(person.pid)  # "مع شكري": a principal by his family name alone
        people.add(person.pid)
    return bool(after) and len(people) >= 2


def _joint_subject(tagged: Tagged, cue: Any, mentions: list[Mention], roster: Roster, before_text: str) -> bool:
    """English: two principals named as the subject of the clause before the cue, joined by "and"."""
    clause_start = tagged.text.rfind(before_text, 0, cue.start + 1) if before_text else cue.start
    named: list[tuple[Any, int]] = []  # (principal, where named), the last naming of each
    for mention in sorted(mentions, key=lambda m: m.char_start):
        if clause_start <= mention.char_start and mention.char_end <= cue.start:
            person = roster.resolve(mention)
            if person is not None and person.main:
                named = [(p, at) for p, at in named if p is not person] + [(person, mention.char_start)]
    if len(named) < 2:
        return False
    between = tagged.text[named[-2][1]:cue.start]  # from the earlier of the last two principals named
    if cue.term.attrs.get("stance") in ("exchange_views", "agreement") and re.search(r"\bwith\b", between):
        return True  # "Secretary Blinken spoke today with Foreign Minister Kuleba to discuss ...": together
    return " and " in between and not re.search(r"\b(?:with|to|from|for|by)\b", between)


def _by_nationality(tagged: Tagged, k: int, roster: Roster) -> str | None:
    """ "أعرب المسؤول الإماراتي": a noun and a nationality right after the cue name the speaker by country."""
    if k + 1 >= len(tagged.tokens) or tagged.tags[k] != "X" or tagged.tags[k + 1] != "C":
        return None
    found = tagged.term_at[k + 1]
    code = found if isinstance(found, str) else country_code(found.term)
    same = [p for p in roster.mains() if p.country == code]
    return same[0].pid if len(same) == 1 else None


def _object(tagged: Tagged, mention: Mention) -> bool:
    """A mention written with ل/ب ("للرئيس", "بفخامة") is an object, not the speaker."""
    tok = tagged.tokens[mention.start]
    m = tagged.term_at[mention.start]
    if m is not None and not isinstance(m, str) and m.start > tok.start:
        return tagged.text[tok.start] in "لب" or tagged.text[tok.start:tok.start + 2] in ("ول", "وب", "فل")
    if m is not None and not isinstance(m, str) and tok.norm.startswith(("لل", "ولل", "فلل")):
        return True  # "للملك": ل with the article, the match spans the whole word
    return False


# Support named as the reason of thanks ("thank you for invariably supporting"), or someone else's
# ("you have always supported me", "our colleagues supported your proposals"): not the speaker's stance.
_SUPPORT_NOT_SAID_EN = re.compile(r"(?:\bfor|\byou|\bthey|\bcolleagues|\bpartners)\s+(?:have\s+|had\s+|all\s+)?(?:[a-z]+ly\s+)?$"
                                  r"|(?:\bincluding|\bin|\bby|\bof|\bon|\babout)\s+$|-$", re.IGNORECASE)


def _not_the_speakers(text: str, cue: Cue, stance: str) -> bool:
    """English: a stance word that states no stance of the one speaking ("thanks to", support thanked for)."""
    if stance == "support" and cue.surface.lower().startswith(("support", "backed", "backs")):  # "Iran-backed"
        return bool(_SUPPORT_NOT_SAID_EN.search(text[max(0, cue.start - 40):cue.start]))
    # "largely thanks to the coordinated efforts": because of; "many thanks to you", "thanks to your efforts" are thanks
    return stance == "thanks" and cue.surface.lower() == "thanks" and bool(_THANKS_TO_EN.match(text[cue.end:]))


_THANKS_TO_EN = re.compile(r"\s+to\s+(?!you\b|your\b)", re.IGNORECASE)

