"""Find mentions of people in a sentence: honorifics, titles, names, countries (term base + grammar)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..terms.normalise import Token, tokenise
from ._grammar import FUNCTION_AR, FUNCTION_EN
from .vocab import Lexicon

ENTITY_KINDS = ("honorific", "title", "epithet", "person", "country", "organisation", "city")
CUE_KINDS = ("stance", "topic", "followup")
_TAG = {"honorific": "H", "title": "T", "epithet": "E", "person": "P", "country": "C",
        "organisation": "O", "city": "Y"}
_HARD = re.compile(r"[,،.؛;:!?()\[\]«»\"“”|؟–—]|\s-\s")
_NAME_JOINERS = frozenset({"بن", "ابن", "بنت", "ال", "آل", "عبد", "ابو", "أبو", "ابي", "ولد"})
_MAX_NAME = 6


@dataclass
class Mention:
    """A person (or office) named in a sentence."""

    start: int  # first token
    end: int  # after last token
    name: str | None = None
    name_norm: tuple[str, ...] = ()
    person: Any = None  # Term
    titles: list[str] = field(default_factory=list)
    title_terms: list[Any] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    epithets: list[Any] = field(default_factory=list)
    name_start: int = 0
    char_start: int = 0
    char_end: int = 0

    @property
    def country(self) -> str | None:
        """The country the mention names (person's own first, then the title's)."""
        if self.person is not None and self.person.attrs.get("country"):
            return str(self.person.attrs["country"]).upper()
        return self.countries[0] if self.countries else None

    @property
    def title(self) -> str | None:
        """The title chain as written, honorifics left out."""
        return " ".join(self.titles) if self.titles else None


@dataclass
class Tagged:
    """A sentence's tokens with a tag each (H T E P C O Y, S for a cue, F function word, X other)."""

    text: str
    tokens: list[Token]
    tags: list[str]
    term_at: list[Any]  # the Match covering each token, or None
    hard: list[bool]  # hard gap after token i
    lang: str


def tag_sentence(text: str, lang: str, lex: Lexicon) -> Tagged:
    """Tokenise a sentence and tag each token from the term base and the grammar."""
    tokens = tokenise(text)
    n = len(tokens)
    tags = ["X"] * n
    term_at: list[Any] = [None] * n
    function = FUNCTION_AR if lang == "ar" else FUNCTION_EN
    for i, tok in enumerate(tokens):
        if tok.norm in function:
            tags[i] = "F"
    for kinds, tagger in ((ENTITY_KINDS, lambda k: _TAG[k]), (CUE_KINDS, lambda k: "S")):
        for match in lex.match(text, lang, kinds):
            for i in _covering(tokens, match.start, match.end):
                if term_at[i] is None:
                    tags[i] = tagger(match.term.kind)
                    term_at[i] = match
    for i, tok in enumerate(tokens):
        if tags[i] == "X" and lang == "ar" and (code := lex.adjective_country(tok.norm)):
            tags[i] = "C"
            term_at[i] = code
    hard = [bool(_HARD.search(text[a.end:b.start])) for a, b in zip(tokens, tokens[1:])] + [True]
    return Tagged(text, tokens, tags, term_at, hard, lang)


def find_mentions(tagged: Tagged) -> list[Mention]:
    """Return the people mentioned in a tagged sentence, in order."""
    out: list[Mention] = []
    i, n = 0, len(tagged.tokens)
    while i < n:
        if tagged.tags[i] in "HTEP":
            mention = _parse(tagged, i)
            if mention.name or mention.titles or mention.epithets:
                _span(tagged, mention)
                out.append(mention)
            i = max(mention.end, i + 1)
        elif tagged.lang == "en" and _is_name_token(tagged, i) and _name_before_title(tagged, i):
            mention = _parse(tagged, i)
            _span(tagged, mention)
            out.append(mention)
            i = max(mention.end, i + 1)
        else:
            i += 1
    return out


def _covering(tokens: list[Token], start: int, end: int) -> list[int]:
    return [i for i, t in enumerate(tokens) if t.start < end and t.end > start]


def _match_end(tagged: Tagged, i: int) -> int:
    """Index after the last token of the term match at token i."""
    m = tagged.term_at[i]
    j = i + 1
    while j < len(tagged.tokens) and tagged.term_at[j] is m and m is not None:
        j += 1
    return j


def _parse(tagged: Tagged, i: int) -> Mention:
    mention = Mention(start=i, end=i)
    j = _titles(tagged, i, mention)
    if j < len(tagged.tokens) and tagged.tags[j] == "P" and (j == i or not tagged.hard[j - 1]):
        _person(tagged, j, mention)
        j = _match_end(tagged, j)
        j = _name_tail(tagged, j, mention)
    elif j < len(tagged.tokens) and (j == i or not tagged.hard[j - 1]) and _is_name_token(tagged, j):
        j = _name(tagged, j, mention)
    elif mention.titles and (back := _name_before(tagged, i)) is not None:
        mention.start = back
        _set_name(tagged, back, i, mention)
    if mention.name and j < len(tagged.tokens) and not tagged.hard[j - 1]:
        j = _titles(tagged, j, mention, after_name=True)
    mention.end = max(j, mention.end)
    return mention


def _titles(tagged: Tagged, j: int, mention: Mention, after_name: bool = False) -> int:
    """Consume honorifics, epithets and title chains from token j."""
    tags, n = tagged.tags, len(tagged.tokens)
    while j < n:
        tag = tags[j]
        if tag == "H":
            j = _match_end(tagged, j)
        elif tag == "E":
            mention.epithets.append(tagged.term_at[j].term)
            j = _match_end(tagged, j)
        elif tag == "T" or (tag in "CO" and mention.titles):
            start = j
            if tag == "T":
                mention.title_terms.append(tagged.term_at[j].term)
            j = _match_end(tagged, j)
            while j < n and not tagged.hard[j - 1] and _continues(tagged, j):
                if tags[j] == "C":
                    mention.countries.append(_country(tagged, j))
                if tags[j] == "T":
                    mention.title_terms.append(tagged.term_at[j].term)
                j = _match_end(tagged, j) if tagged.term_at[j] is not None else j + 1
            for k in range(start, j):
                if tags[k] == "C" and _country(tagged, k) not in mention.countries:
                    mention.countries.append(_country(tagged, k))
            mention.titles.append(tagged.text[tagged.tokens[start].start:tagged.tokens[j - 1].end])
        else:
            break
        if j < n and tagged.hard[j - 1]:
            break
    return j


def _continues(tagged: Tagged, j: int) -> bool:
    """Tell whether token j continues a title chain (genitive, adjective, country, office)."""
    tag, norm = tagged.tags[j], tagged.tokens[j].norm
    if tag in "TCOY":
        return True
    if tagged.lang == "en":
        return tag == "F" and norm in ("of", "for", "to", "the") and j + 1 < len(tagged.tags) and tagged.tags[j + 1] in "TCOYX"
    if tag == "F":
        return norm in ("لدي", "في", "الي") and j + 1 < len(tagged.tags) and tagged.tags[j + 1] in "CO"
    if tag != "X":
        return False
    return norm.startswith(("ال", "لل", "بال", "لشو", "لشئ", "بمكتب", "بدوله", "لدوله", "بجمهوريه", "لجمهوريه")) or (
        norm[:1] in "بل" and len(norm) > 3 and j + 1 < len(tagged.tags) and tagged.tags[j + 1] in "COT")


def _country(tagged: Tagged, j: int) -> str:
    m = tagged.term_at[j]
    if isinstance(m, str):
        return m
    term = m.term
    code = term.attrs.get("code") or term.attrs.get("iso") or term.key
    return str(code).upper()


def _is_name_token(tagged: Tagged, j: int) -> bool:
    tok, tag = tagged.tokens[j], tagged.tags[j]
    if tag != "X" or len(tok.norm) < 2:
        return False
    if tagged.lang == "en":
        return tagged.text[tok.start:tok.start + 1].isupper()
    return not tok.norm.startswith(("ال", "لل", "و")) and not tok.norm.isdigit()


def _name(tagged: Tagged, j: int, mention: Mention) -> int:
    k = j + 1
    n = len(tagged.tokens)
    while k < n and k - j < _MAX_NAME and not tagged.hard[k - 1] and tagged.tags[k] == "X":
        norm = tagged.tokens[k].norm
        if norm.isdigit() or (tagged.lang == "en" and not tagged.text[tagged.tokens[k].start].isupper()):
            break
        if tagged.lang == "ar" and norm.startswith("و") and norm not in _NAME_JOINERS and len(norm) > 3 and k - j >= 2:
            break
        k += 1
    while k - 1 > j and tagged.tokens[k - 1].norm in _NAME_JOINERS:
        k -= 1
    _set_name(tagged, j, k, mention)
    return k


def _name_tail(tagged: Tagged, j: int, mention: Mention) -> int:
    """Extend a term-base name with following name words ("بن عبدالعزيز آل سعود")."""
    n = len(tagged.tokens)
    k = j
    while k < n and k - j < 4 and not tagged.hard[k - 1] and tagged.tags[k] == "X" and (
            tagged.tokens[k].norm in _NAME_JOINERS or tagged.tokens[k - 1].norm in _NAME_JOINERS):
        k += 1
    if k > j:
        _set_name(tagged, mention.name_start, k, mention)
    return k


def _person(tagged: Tagged, j: int, mention: Mention) -> None:
    mention.person = tagged.term_at[j].term
    _set_name(tagged, j, _match_end(tagged, j), mention)


def _name_before(tagged: Tagged, i: int) -> int | None:
    """A name written just before a title ("عادل الجبير وزير الخارجية")."""
    k = i
    while k > 0 and i - k < 4 and not tagged.hard[k - 1] and tagged.tags[k - 1] == "X":
        k -= 1
    while k < i and not _is_name_token(tagged, k):
        k += 1
    if i - k < 2 or tagged.tokens[k].norm in _VERBS:
        if i - k >= 3 and tagged.tokens[k].norm in _VERBS:
            return k + 1
        return None
    return k


_VERBS = frozenset("""استقبل التقي اجري تلقي قام عقد بحث ناقش غادر وصل زار بعث هنا اكد اعرب عبر قال اوضح نقل
واستقبل والتقي واجري وتلقي وقام وعقد وبحث وناقش وغادر ووصل وزار واكد واعرب وعبر وقال واوضح ونقل يستقبل يلتقي""".split())


def _set_name(tagged: Tagged, j: int, k: int, mention: Mention) -> None:
    mention.name_start = j
    mention.name = tagged.text[tagged.tokens[j].start:tagged.tokens[k - 1].end]
    mention.name_norm = tuple(t.norm for t in tagged.tokens[j:k])


def _name_before_title(tagged: Tagged, i: int) -> bool:
    """English: capitalised words followed by a title ("Adel al-Jubeir, Foreign Minister")."""
    k = i
    while k < len(tagged.tokens) and k - i < 5 and _is_name_token(tagged, k):
        k += 1
    return k > i + 1 and k < len(tagged.tokens) and tagged.tags[k] in "TH"


def _span(tagged: Tagged, mention: Mention) -> None:
    end = max(mention.end, mention.start + 1)
    mention.end = end
    mention.char_start = tagged.tokens[mention.start].start
    mention.char_end = tagged.tokens[end - 1].end
