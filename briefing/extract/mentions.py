"""Find mentions of people in a sentence: honorifics, titles, names, countries (term base + grammar)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

from ..terms._index import gaps_between
from ..terms.normalise import Token, tokenise
from ._grammar import (
    FUNCTION_AR,
    FUNCTION_EN,
    INSTITUTIONS_AR,
    NAME_JOINERS,
    PLACE_HEADS_AR,
    TIME_AR,
    TIME_NEXT_AR,
    VENUE_HEADS_AR,
    VERBS_AR,
)
from .vocab import Lexicon, country_code

ENTITY_KINDS = ("honorific", "title", "epithet", "person", "country", "organisation", "city")
CUE_KINDS = ("stance", "topic", "followup")
ALL_KINDS = ENTITY_KINDS + CUE_KINDS
_TAG = {"honorific": "H", "title": "T", "epithet": "E", "person": "P", "country": "C",
        "organisation": "O", "city": "Y"}
_HARD = re.compile(r"[,،.؛;:!?()\[\]«»\"“”|؟]|[-–—](?:\s|$)|(?:^|\s)[-–—]")
_MAX_NAME = 6
_BIN = frozenset({"بن", "ابن", "بنت", "bin", "ibn"})
# Ranks of offices complete in themselves: a title with «ل» after one names someone else.
_FULL_OFFICES = frozenset({"head_of_state", "heir", "head_of_government", "minister"})


@dataclass
class Mention:
    """A person (or office) named in a sentence."""

    start: int  # first token
    end: int  # after last token
    name: str | None = None
    name_norm: tuple[str, ...] = ()
    person: Any = None  # Term
    pieces: list[tuple[str, int, bool]] = field(default_factory=list)  # (title text, tokens, after the name)
    title_terms: list[Any] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    city_country: str | None = None  # the country of a city the office is of ("محافظ جدة"): inferred, not written
    epithets: list[Any] = field(default_factory=list)
    honorifics: list[Any] = field(default_factory=list)
    name_start: int = 0
    char_start: int = 0
    char_end: int = 0

    @property
    def country(self) -> str | None:
        """The country the mention names (person's own first, then the title's)."""
        if self.person is not None and self.person.attrs.get("country"):
            return str(self.person.attrs["country"]).upper()
        if self.countries:
            return self.countries[0]
        for term in self.title_terms:
            if term.attrs.get("country"):
                return str(term.attrs["country"]).upper()
        return None

    @property
    def titles(self) -> list[str]:
        """The title pieces kept: after the name when any, a bare "الرئيس"/"الملك" before a name dropped."""
        pre = [p for p in self.pieces if not p[2]]
        post = [p for p in self.pieces if p[2]]
        if self.name and pre and pre[-1][1] == 1 and (post or len(pre) > 1):
            pre = pre[:-1]
        return [p[0] for p in pre + post]

    @property
    def all_titles(self) -> list[str]:
        """Every title piece as written, bare ones included (for coreference)."""
        return [p[0] for p in self.pieces]

    @property
    def title(self) -> str | None:
        """The title chain as written, honorifics left out."""
        return " ".join(self.titles) if self.titles else None


@dataclass
class Tagged:
    """A sentence's tokens with a tag each (H T E P C O Y, S for a cue, F function word, X other)."""

    text: str
    tokens: tuple[Token, ...]
    tags: list[str]
    term_at: list[Any]  # the Match covering each token, or an ISO code for an adjective, or None
    hard: list[bool]  # hard gap after token i
    lang: str
    joined: tuple[str, list[int]] | None = None  # normalised words joined, with offsets (statements)
    matches: list[Any] | None = None  # the term matches, each once, in order (clauses.cues_of)


def tag_sentence(text: str, lang: str, lex: Lexicon) -> Tagged:
    """Tokenise a sentence and tag each token from the term base and the grammar."""
    tokens = tokenise(text)
    norms = list(map(itemgetter(0), tokens))
    arabic = lang == "ar"
    tags = ["X"] * len(norms)
    for i in compress(range(len(norms)), map((_FUNCTION_WORDS_AR if arabic else FUNCTION_EN).__contains__, norms)):
        tags[i] = "F"
    if arabic and not TIME_AR.isdisjoint(norms):  # a time of day before a day word ("مساء أمس")
        for i, norm in enumerate(norms):
            if norm in TIME_AR and (i + 1 == len(norms) or norms[i + 1] in TIME_NEXT_AR):
                tags[i] = "F"
    term_at: list[Any] = [None] * len(tokens)
    between = gaps_between(text, tokens)
    for first, size, match in lex.match_tokens(text, lang, ALL_KINDS, tokens=tokens, between=between):
        tag = _TAG.get(match.term.kind, "S")
        for i in range(first, first + size):  # the tokens the match covers
            if term_at[i] is None:
                tags[i] = tag
                term_at[i] = match
    if arabic:
        # Nationality adjectives and the cue vocabulary's nouns all have the article: only those words are looked up.
        for i in compress(range(len(norms)), map(str.startswith, norms, repeat("ال"))):
            norm = norms[i]
            if tags[i] == "X":
                if code := lex.adjective_country(norm):
                    tags[i] = "C"
                    term_at[i] = code
                elif norm in lex.common_ar:
                    tags[i] = "F"  # "وثمن محلب العلاقات": a noun of the cue vocabulary ends a name
    hard = [False] * len(between)
    for i in compress(range(len(between)), map(" ".__ne__, between)):  # most gaps are one space: no break
        gap = between[i]
        hard[i] = gap != "-" and _HARD.search(gap) is not None
    if lang == "en":
        for i, is_hard in enumerate(hard):
            if is_hard and _initial(text, tokens[i], tokens[i + 1]):
                hard[i] = False
    hard.append(True)
    return Tagged(text, tokens, tags, term_at, hard, lang)


# The Arabic words tagged F whatever follows: function words (with «و»/«ف» joined to them) and verbs.
_FUNCTION_WORDS_AR = FUNCTION_AR | VERBS_AR | {c + w for c in "وف" for w in FUNCTION_AR}


def _initial(text: str, a: Token, b: Token) -> bool:
    """An English initial or "Jr." inside a name ("Antony J. Blinken"): its full stop is no gap."""
    word = text[a.start:a.end]
    return text[a.end:b.start] == ". " and ((len(word) == 1 and word.isupper()) or word in _STYLES_EN) and text[b.start:b.start + 1].isupper()


_STYLES_EN = frozenset({"Mr", "Ms", "Mrs", "Dr"})  # "Mr. Finer": the style's full stop is no gap


def find_mentions(tagged: Tagged) -> list[Mention]:
    """Return the people mentioned in a tagged sentence, in order."""
    out: list[Mention] = []
    i, n = 0, len(tagged.tokens)
    while i < n:
        if tagged.tags[i] in "HTEP":
            mention = _parse(tagged, i, out[-1].end if out else 0)
            if mention.name or mention.pieces or mention.epithets:
                _span(tagged, mention)
                out.append(mention)
            i = max(mention.end, i + 1)
        elif (tagged.lang == "en" and tagged.tags[i] == "X" and _is_name_token(tagged, i)
              and (_name_before_title(tagged, i) or _name_after_with(tagged, i))):
            mention = _parse(tagged, i, out[-1].end if out else 0)
            _span(tagged, mention)
            out.append(mention)
            i = max(mention.end, i + 1)
        else:
            i += 1
    if tagged.lang == "en":
        _office_before_comma(tagged, out)
    return out


def _office_before_comma(tagged: Tagged, mentions: list[Mention]) -> None:
    """English: "Special Assistant to the Prime Minister of Pakistan, Ambassador Tariq Fatemi": an office of a
    country, unnamed, then a comma and a titled name with no country of its own: the office is his, and so is its
    country."""
    for prev, cur in zip(mentions, mentions[1:]):
        if (prev.name is None and prev.person is None and prev.countries and cur.name and cur.person is None
                and cur.pieces and not cur.pieces[0][2] and cur.country is None and prev.end == cur.start
                and tagged.text[tagged.tokens[prev.end - 1].end:tagged.tokens[cur.start].start].strip() == ","):
            cur.countries.extend(prev.countries)


def _match_end(tagged: Tagged, i: int) -> int:
    """Index after the last token of the term match at token i."""
    m = tagged.term_at[i]
    j = i + 1
    while j < len(tagged.tokens) and m is not None and tagged.term_at[j] is m:
        j += 1
    return j


def _conjoined(tagged: Tagged, j: int) -> bool:
    """Token j starts with the conjunction و/ف: it begins a new coordinated phrase."""
    tok = tagged.tokens[j]
    m = tagged.term_at[j]
    if m is not None and not isinstance(m, str):
        return m.start > tok.start and tagged.text[tok.start] in "وف"
    return tagged.lang == "ar" and tok.norm.startswith("و") and len(tok.norm) > 3


def _parse(tagged: Tagged, i: int, floor: int) -> Mention:
    n = len(tagged.tokens)
    if tagged.lang == "en" and i > floor and tagged.tags[i] == "T" and tagged.tags[i - 1] in "CO" and not tagged.hard[i - 1]:
        i -= 1  # "Russian Foreign Minister", "UN Secretary-General": the nationality or organisation opens the title
    mention = Mention(start=i, end=i)
    j = _titles(tagged, i, mention, after_name=False)
    gap_ok = j < n and (j == i or not tagged.hard[j - 1] or bool(mention.pieces and _soft_comma(tagged, j)))
    if gap_ok and tagged.tags[j] == "P" and (j == i or not _conjoined(tagged, j)):
        mention.person = tagged.term_at[j].term
        k = _match_end(tagged, j)
        _set_name(tagged, j, k, mention)
        j = _name_tail(tagged, k, mention)
        if _longer_name(tagged, j, mention.person):
            mention.person = None  # "عبدالله بن عبدالعزيز الربيعة" is not "عبدالله بن عبدالعزيز"
            j += 1
            _set_name(tagged, mention.name_start, j, mention)
    elif gap_ok and (_is_name_token(tagged, j) or _styled_name(tagged, j, mention)) and (
            j == i or bool(mention.pieces) or not _conjoined(tagged, j)):
        j = _name(tagged, j, mention)
    elif mention.pieces and not _conjoined(tagged, i) and (back := _name_before(tagged, i, floor)) is not None:
        mention.start = back
        _set_name(tagged, back, i, mention, strip_conj=True)
    if mention.name and j < n and not tagged.hard[j - 1]:
        j = _titles(tagged, j, mention, after_name=True)
    elif mention.name and tagged.lang == "en" and (title_at := _apposed_title(tagged, j)) is not None:
        j = _titles(tagged, title_at, mention, after_name=True)  # "Leo Varadkar, the Taoiseach of Ireland"
    elif mention.name and tagged.lang == "ar" and _apposed_title_ar(tagged, j):
        j = _titles(tagged, j, mention, after_name=True)  # "المستشار أحمد فهمي، المتحدث الرسمي باسم الرئاسة"
    if mention.name and tagged.lang == "en":
        j = _of_country(tagged, j, mention)  # "Kim Sung-han of the Republic of Korea"
    mention.end = max(j, mention.end)
    if (tagged.lang == "ar" and mention.person is None and mention.name_norm and len(mention.name_norm) == 1
            and mention.name_norm[0].endswith("يه")):
        mention.name, mention.name_norm = None, ()  # "لدولة خليجية": an adjective of place, never a one-word name
    return mention


def _apposed_title(tagged: Tagged, j: int) -> int | None:
    """English: a comma, maybe "the", then a title right after a name: where the title starts."""
    n = len(tagged.tokens)
    if j >= n or tagged.text[tagged.tokens[j - 1].end:tagged.tokens[j].start].strip() != ",":
        return None
    k = j + 1 if tagged.tokens[j].norm == "the" and j + 1 < n else j
    while (k < n and tagged.tags[k] in "FS" and tagged.text[tagged.tokens[k].start].isupper()
           and tagged.tokens[k].norm not in ("and", "the", "of", "to", "with") and k - j < 3):
        k += 1  # "National Security Advisor": capitalised words of the office
    if k >= n or tagged.tags[k] not in "TC":
        return None
    end = k
    while end < n and not tagged.hard[end] and (tagged.tags[end] in "TC" or tagged.tokens[end].norm in ("of", "the")):
        end += 1
    if end < n and not tagged.hard[end - 1] and _is_name_token(tagged, end):
        return None  # "Mircea Geoana, Polish Deputy Foreign Minister Marcin Przydacz": the next person of a list
    return k


def _apposed_title_ar(tagged: Tagged, j: int) -> bool:
    """Arabic: a comma, then a title that no name follows (the clause goes on with a verb or a comma): the
    title of the person just named ("أحمد فهمي، المتحدث الرسمي باسم رئاسة الجمهورية، بأن ..."), not the next
    person of a list ("... فهمي، وزير الخارجية سامح شكري")."""
    n = len(tagged.tokens)
    if j >= n or tagged.tags[j] != "T" or _conjoined(tagged, j):
        return False
    if tagged.text[tagged.tokens[j - 1].end:tagged.tokens[j].start].strip() not in (",", "،"):
        return False
    scratch = Mention(start=j, end=j)
    end = _titles(tagged, j, scratch, after_name=True)
    if end >= n:
        return True
    return tagged.hard[end - 1] and tagged.tags[end] != "P" and not _is_name_token(tagged, end)


def _of_country(tagged: Tagged, j: int, mention: Mention) -> int:
    """English: "of (the) <country>" right after a name or its title gives the person's country."""
    n = len(tagged.tokens)
    k = j
    if k < n and tagged.tokens[k].norm == "of" and not tagged.hard[k - 1]:
        k += 1
        if k < n and tagged.tokens[k].norm == "the":
            k += 1
        if k < n and tagged.tags[k] == "C" and not tagged.hard[k - 1]:
            code = _country(tagged, k)
            if code not in mention.countries:
                mention.countries.append(code)
            return _match_end(tagged, k) if tagged.term_at[k] is not None else k + 1
    return j


def _soft_comma(tagged: Tagged, j: int) -> bool:
    """A title, a comma, then a name ending the clause ("وزير الدولة، أنور قرقاش"; in Arabic also a known person:
    "وزير الشؤون الخارجية ...، ناصر بوريطة، اليوم")."""
    gap = tagged.text[tagged.tokens[j - 1].end:tagged.tokens[j].start].strip()
    return gap in (",", "،") and (_is_name_token(tagged, j) or (tagged.lang == "ar" and tagged.tags[j] == "P"))


def _titles(tagged: Tagged, j: int, mention: Mention, *, after_name: bool) -> int:
    """Consume honorifics, epithets and title chains from token j."""
    tags, n = tagged.tags, len(tagged.tokens)
    first = j
    office_end = -1  # where the last title term ended
    while j < n:
        tag = tags[j]
        if (j > first or after_name) and _conjoined(tagged, j):
            break
        if tag == "H":
            if j > first and mention.pieces and (_prefixed(tagged, j, "ب") or _after_office(tagged, j, mention, office_end)):
                break  # "رحب أمير دولة الكويت بالأمير ...": a style with «ب» after a title begins an object
            mention.honorifics.append(tagged.term_at[j].term)
            term = tagged.term_at[j].term
            pronoun = tagged.text[tagged.tokens[j].end - 1] == "ه" and not term.ar.endswith("ه")
            j = _match_end(tagged, j)
            if pronoun:
                break  # "سموه", "معاليه": a complete reference, no title follows
            if term.attrs.get("needs") == "name" and j < n and tags[j] == "T" and _match_end(tagged, j) == j + 1:
                break  # "الأمير سلطان": after a prince's style a one-word title is his name
        elif tag == "E":
            mention.epithets.append(tagged.term_at[j].term)
            j = _match_end(tagged, j)
        elif tag == "T" or (tag in "CO" and tagged.lang == "en" and j + 1 < n and tags[j + 1] == "T"):
            if mention.pieces and _genitive(tagged, mention.start):
                break
            if j > first and _prefixed(tagged, j, "ب"):
                break  # "رحب خادم الحرمين برئيس الوزراء": an object begins
            if j > first and _after_office(tagged, j, mention, office_end):
                break  # "نقل وزير الخارجية لخادم الحرمين": a minister's office takes no "of the King" (an adviser's does)
            if (mention.pieces and mention.pieces[-1][1] == 1 and _match_end(tagged, j) == j + 1
                    and _has_article(tagged, j) and _has_article(tagged, j - 1)):
                break  # "استقبل الوزير السفير": two bare offices are two people
            start = j
            if tag in "CO":
                mention.countries.append(_country(tagged, j))
                j = _match_end(tagged, j)
            mention.title_terms.append(tagged.term_at[j].term)
            j = office_end = _match_end(tagged, j)
            accredited = False  # after "لدى"/"to" a country is where the envoy serves, not his own
            while j < n and not tagged.hard[j - 1] and tags[j] != "T" and _continues(tagged, j):
                accredited = accredited or tagged.tokens[j].norm in ("لدي", "to")
                if tags[j] in "CO" and not accredited:
                    code = _country(tagged, j)
                    if code not in mention.countries:
                        mention.countries.append(code)
                elif tags[j] == "Y" and not accredited and mention.city_country is None:
                    mention.city_country = _city_country(tagged, j)  # "أمير منطقة الرياض", "Mayor of London"
                j = _match_end(tagged, j) if tagged.term_at[j] is not None else j + 1
            m = tagged.term_at[start]
            char_start = m.start if m is not None and not isinstance(m, str) else tagged.tokens[start].start
            mention.pieces.append((tagged.text[char_start:tagged.tokens[j - 1].end], j - start, after_name))
        else:
            break
        if j < n and tagged.hard[j - 1]:
            break
    return j


def _after_office(tagged: Tagged, j: int, mention: Mention, office_end: int) -> bool:
    """Arabic: a title or style with «ل» right after a complete office ("وزير الخارجية لخادم الحرمين", not
    "رئيس الشؤون الخاصة لسمو ولي العهد" nor an adviser's "المستشار الخاص لخادم الحرمين"): someone else."""
    return (j == office_end and bool(mention.title_terms) and _prefixed(tagged, j, "ل")
            and mention.title_terms[-1].attrs.get("rank") in _FULL_OFFICES)


def _continues(tagged: Tagged, j: int) -> bool:
    """Tell whether token j continues a title chain (genitive, adjective, country, institution)."""
    tag, norm = tagged.tags[j], tagged.tokens[j].norm
    if _conjoined(tagged, j) and tag not in "XS":
        return False
    if tag in "COY":
        return True
    nxt = tagged.tags[j + 1] if j + 1 < len(tagged.tags) else ""
    if tagged.lang == "en":
        return tag == "F" and norm in ("of", "for", "to", "the") and nxt in "TCOYX"
    if tag == "H":
        return nxt in "CO" or tagged.tokens[j].norm.endswith("دوله")
    if tag == "F":
        return norm in ("لدي", "في", "الي") and (nxt in "CO" or _institution(tagged, j + 1))
    if tag not in "XS":
        return False
    if norm == "باسم":
        return nxt in "CO" or _institution(tagged, j + 1)  # "المتحدث الرسمي باسم وزارة الخارجية"
    if norm[:1] == "ب" and norm[1:] in VENUE_HEADS_AR:
        return False  # "عاهل البلاد المعظم بقصر الصخير": the venue, not the office
    if _institution(tagged, j) or (j > 0 and tagged.tokens[j - 1].norm in PLACE_HEADS_AR and tagged.tags[j - 1] != "X"):
        return True
    if _has_article(tagged, j) or (norm.startswith("وال") and tagged.text[tagged.tokens[j].start + 1:tagged.tokens[j].start + 3] == "ال"):
        return True
    if norm.startswith(("لل", "بال")):
        return True
    return norm[:1] in "بل" and len(norm) > 3 and (nxt in "COT" or (j + 1 < len(tagged.tokens) and _has_article(tagged, j + 1)))


def _prefixed(tagged: Tagged, j: int, letters: str) -> bool:
    """Token j is a term written with a proclitic among `letters` ("برئيس")."""
    m = tagged.term_at[j]
    tok = tagged.tokens[j]
    return (m is not None and not isinstance(m, str) and m.start > tok.start
            and tagged.text[m.start - 1] in letters)


def _genitive(tagged: Tagged, i: int) -> bool:
    """A mention opened by "لسمو"/"لفخامة" names a possessor: it holds one title only."""
    m = tagged.term_at[i]
    return (tagged.tags[i] == "H" and m is not None and not isinstance(m, str)
            and m.start > tagged.tokens[i].start and tagged.text[tagged.tokens[i].start] in "لب")


def _institution(tagged: Tagged, j: int) -> bool:
    if j >= len(tagged.tokens):
        return False
    norm = tagged.tokens[j].norm
    for prefix in ("", "ب", "ل", "بال", "لل", "ال"):
        if norm.startswith(prefix) and norm[len(prefix):] in INSTITUTIONS_AR:
            return True
    return False


def _has_article(tagged: Tagged, j: int) -> bool:
    """The word starts with the article ال as written (not أل/إل of a foreign name)."""
    tok = tagged.tokens[j]
    return tagged.text[tok.start:tok.start + 2] == "ال" and len(tok.norm) > 3


def _country(tagged: Tagged, j: int) -> str:
    m = tagged.term_at[j]
    if isinstance(m, str):
        return m
    return country_code(m.term)


def _city_country(tagged: Tagged, j: int) -> str | None:
    """The country of a city an office is of: "أمير منطقة الرياض", "محافظ جدة", "رئيس المحكمة العامة بالرياض",
    "Mayor of London"; not a city that only follows the title ("رئيس جمهورية الشيشان جدة البارحة": the
    verb's object) nor where an envoy serves ("السفير ... في الرياض")."""
    m = tagged.term_at[j]
    if m is None or isinstance(m, str):
        return None
    prev = tagged.tokens[j - 1].norm
    if tagged.lang == "en":
        of_office = prev == "of"
    else:
        proclitic = m.start > tagged.tokens[j].start
        of_office = proclitic or prev in PLACE_HEADS_AR or (tagged.tags[j - 1] == "T" and not _has_article(tagged, j - 1))
    code = m.term.attrs.get("country")
    return str(code).upper() if code and of_office else None


def _is_name_token(tagged: Tagged, j: int) -> bool:
    tok, tag = tagged.tokens[j], tagged.tags[j]
    if tok.norm == "علي" and j + 1 < len(tagged.tokens) and not tagged.hard[j]:
        return tagged.tokens[j + 1].norm == "بن"  # "علي بن ...": the name Ali, not the preposition
    if tag != "X" or len(tok.norm) < 2 or tok.norm.isdigit():
        return False
    if tagged.lang == "en":
        return tagged.text[tok.start:tok.start + 1].isupper()
    return not _has_article(tagged, j) and not tok.norm.startswith("لل")


def _styled_name(tagged: Tagged, j: int, mention: Mention) -> bool:
    """A one-word title right after "الأمير"/"الشيخ" is a given name ("سلطان", "أمير")."""
    return (tagged.tags[j] == "T" and bool(mention.honorifics) and mention.honorifics[-1].attrs.get("needs") == "name"
            and _match_end(tagged, j) == j + 1)


def _name_word(tagged: Tagged, k: int) -> bool:
    """Token k may continue a name already begun."""
    tok, tag = tagged.tokens[k], tagged.tags[k]
    if tagged.lang == "en":
        hyphen = tagged.text[tagged.tokens[k - 1].end:tok.start] == "-"  # "Sung-han", "Jean-Yves"
        return tag == "X" and (tagged.text[tok.start].isupper() or hyphen or _particle_en(tagged, k))
    if tok.norm == "علي" and tag == "F":  # "علي" is the name Ali when a name word follows
        return k + 1 < len(tagged.tokens) and tagged.tags[k + 1] == "X" and not tagged.hard[k]
    if tag == "P" and (tagged.tokens[k - 1].norm in ("بن", "ابن", "بنت") or (
            tagged.tags[k - 1] == "P" and tagged.term_at[k] is tagged.term_at[k - 1])):
        return True  # a father's name that is also someone's name ("سلطان بن سلمان بن عبدالعزيز")
    return tag == "X" and not tok.norm.isdigit() and not _conjoined(tagged, k)


# Lower-case particles inside English spellings of names ("Khalifa al-Harthy", "Khalid bin Salman").
_PARTICLES_EN = frozenset({"al", "el", "bin", "ibn", "bint", "abu", "von", "van", "der", "de", "da", "di", "du", "dos", "del",
                          "do", "das", "e", "y"})


def _particle_en(tagged: Tagged, k: int) -> bool:
    """English: a lower-case name particle, inside a name begun, with a capitalised name word (or another
    particle, "von der") right after it."""
    n = len(tagged.tokens)
    if tagged.tokens[k].norm not in _PARTICLES_EN or tagged.hard[k] or k + 1 >= n:
        return False
    nxt = tagged.tokens[k + 1]
    return tagged.tags[k + 1] in "XP" and (tagged.text[nxt.start].isupper() or (
        nxt.norm in _PARTICLES_EN and k + 2 < n and not tagged.hard[k + 1] and tagged.text[tagged.tokens[k + 2].start].isupper()))


def _name(tagged: Tagged, j: int, mention: Mention) -> int:
    k = j + 1
    n = len(tagged.tokens)
    words = 1
    patronymic, surname = tagged.tokens[j].norm in _BIN, False
    while k < n and words < _MAX_NAME and not tagged.hard[k - 1] and _name_word(tagged, k):
        norm = tagged.tokens[k].norm
        if patronymic and tagged.tokens[k - 1].norm not in NAME_JOINERS and norm not in NAME_JOINERS:
            if surname or not _has_article(tagged, k):
                break  # "X بن Y": only one family name (with the article) may follow
            surname = True
        patronymic = patronymic or norm in _BIN
        words += norm not in NAME_JOINERS
        k += 1
    while k - 1 > j and tagged.tokens[k - 1].norm in NAME_JOINERS:
        k -= 1
    if tagged.lang == "ar" and any(tagged.tokens[m].norm in _HIS_COUNTRY_AR for m in range(j + 1, k)):
        return j  # "وأكد وزير الخارجية الأمريكي دعم بلاده": a noun of "his country", no name
    _set_name(tagged, j, k, mention)
    return k


_HIS_COUNTRY_AR = frozenset({"بلاده", "بلادها", "بلادهم", "حكومته", "حكومتها", "دولته", "دولتها", "شعبه", "شعبها"})


def _longer_name(tagged: Tagged, j: int, person: Any) -> bool:
    """A family name written right after a term-base name that the person's names never carry."""
    n = len(tagged.tokens)
    if j >= n or tagged.hard[j - 1] or tagged.tags[j] != "X" or not _has_article(tagged, j):
        return False
    if (j + 1 < n and not tagged.hard[j] and tagged.tags[j + 1] == "X" and not _has_article(tagged, j + 1)
            and not tagged.tokens[j + 1].norm.startswith(("ب", "ل", "و"))):
        return False  # "... الربيعة بمقر المركز": a preposition after the family name does not count
    words = {t.norm for surface in person.surfaces(tagged.lang) for t in tokenise(surface)}
    return tagged.tokens[j].norm not in words


def _name_tail(tagged: Tagged, j: int, mention: Mention) -> int:
    """Extend a term-base name with following name words ("بن عبدالعزيز آل سعود")."""
    n = len(tagged.tokens)
    k = j
    while k < n and k - j < 4 and not tagged.hard[k - 1] and _name_word(tagged, k) and (
            tagged.tokens[k].norm in NAME_JOINERS or tagged.tokens[k - 1].norm in NAME_JOINERS):
        k += 1
    if k > j:
        _set_name(tagged, mention.name_start, k, mention)
    return k


def _name_before(tagged: Tagged, i: int, floor: int) -> int | None:
    """A name written just before a title ("عادل الجبير وزير الخارجية", "وخالد العيسى وزير الدولة")."""
    k = i
    while k > floor and i - k < 4 and not tagged.hard[k - 1] and tagged.tags[k - 1] == "X":
        k -= 1
        if _conjoined(tagged, k):
            break
    while k < i and not (_is_name_token(tagged, k) or _conjoined(tagged, k)):
        k += 1
    if i - k < 2 or any(_conjoined(tagged, x) for x in range(k + 1, i)):
        return None
    opens = k == 0 or tagged.hard[k - 1]
    if opens and i - k >= 3 and tagged.tokens[k].norm not in NAME_JOINERS and tagged.tokens[k + 1].norm not in NAME_JOINERS:
        k += 1  # a sentence opens with its verb: "أقر سمير جعجع رئيس ..."
    start = tagged.tokens[k].start + (1 if _conjoined(tagged, k) else 0)
    if tagged.text[start:start + 2] == "ال":
        return None
    if any(_institution(tagged, x) for x in range(k, i)) or tagged.tokens[i - 1].norm.endswith("يه"):
        return None  # "لدولة خليجية وزير ...", "مفوضية الاتحاد": a noun and its adjective, not a name
    return k


def _set_name(tagged: Tagged, j: int, k: int, mention: Mention, *, strip_conj: bool = False) -> None:
    mention.name_start = j
    start = tagged.tokens[j].start
    first = tagged.tokens[j].norm
    m = tagged.term_at[j]
    if m is not None and not isinstance(m, str) and m.start > start:
        start, first = m.start, first[m.start - start:]
    elif strip_conj and _conjoined(tagged, j):
        start, first = start + 1, first[1:]
    mention.name = tagged.text[start:tagged.tokens[k - 1].end]
    mention.name_norm = (first,) + tuple(t.norm for t in tagged.tokens[j + 1:k])


def _name_after_with(tagged: Tagged, i: int) -> bool:
    """English: two or more capitalised words right after "with" ("met today with Kim Sung-han, ...")."""
    if i == 0 or tagged.tokens[i - 1].norm != "with" or tagged.hard[i - 1]:
        return False
    k = i + 1
    return k < len(tagged.tokens) and not tagged.hard[i] and _name_word(tagged, k) and not _office_of(tagged, i)


def _name_before_title(tagged: Tagged, i: int) -> bool:
    """English: capitalised words followed by a title ("Adel al-Jubeir, Foreign Minister")."""
    k = i
    while k < len(tagged.tokens) and k - i < 5 and _is_name_token(tagged, k):
        k += 1
    return k > i + 1 and k < len(tagged.tokens) and tagged.tags[k] in "TH" and not _office_of(tagged, i)


def _office_of(tagged: Tagged, i: int) -> bool:
    """English: capitalised words, a title, then a name: the words name the office's body, not the person
    ("European External Action Service Secretary General Stefano Sannino")."""
    k = i
    while k < len(tagged.tokens) and k - i < 5 and _is_name_token(tagged, k) and not tagged.hard[k]:
        k += 1
    if k >= len(tagged.tokens) or tagged.tags[k] not in "TH":
        return False
    end = _match_end(tagged, k)
    return end < len(tagged.tokens) and not tagged.hard[end - 1] and _is_name_token(tagged, end)


def _span(tagged: Tagged, mention: Mention) -> None:
    end = max(mention.end, mention.start + 1)
    mention.end = end
    mention.char_start = tagged.tokens[mention.start].start
    mention.char_end = tagged.tokens[end - 1].end
