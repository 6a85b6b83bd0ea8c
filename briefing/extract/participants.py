"""Participants: who is present, one record per person however named, and their sides."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..summary.model import slugify
from ..terms.normalise import tokenise, transliterate_ar
from ._grammar import COMMON_GIVEN_NAMES, INITIATIVE_AR, INITIATIVE_EN, NAME_JOINERS
from .event import fold
from .mentions import Mention
from .vocab import Lexicon, country_code

_REPORTERS = frozenset({"spokesman"})
_GREETING = re.compile(r"(?:تحيات|تهاني|تحياته|تمنيات|رساله|رسالة|تعازي|greetings|message|condolences)\s*$")


@dataclass
class Person:
    """A participant being assembled from mentions."""

    pid: str
    name: str | None
    name_norm: tuple[str, ...]
    person: Any = None
    title: str | None = None
    title_terms: list[Any] = field(default_factory=list)
    country: str | None = None
    country_by: str = "release"  # where the country came from: release, term_base or inferred (an `origin` kind)
    side: str = "other"
    epithets: set[str] = field(default_factory=set)
    honorifics: set[str] = field(default_factory=set)
    title_words: set[str] = field(default_factory=set)
    main: bool = False
    caller: bool = False  # one more caller of a round of calls the lead's host received (a principal too)


def name_words(norms: tuple[str, ...] | list[str]) -> list[str]:
    """Distinctive words of a name in order: no joiners, no article."""
    out = []
    for word in norms:
        if word.startswith("ال") and len(word) > 4:
            word = word[2:]
        if word not in NAME_JOINERS and len(word) > 1 and word not in out:
            out.append(word)
    return out


def same_person(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Two names denote one person: same given name and family name, or one word of the other."""
    x, y = name_words(a), name_words(b)
    if not x or not y:
        return False
    if len(x) == 1 or len(y) == 1:
        word, other = (x[0], y) if len(x) == 1 else (y[0], x)
        return word not in COMMON_GIVEN_NAMES and word in other
    if x[0] != y[0] or _father(a) != _father(b):
        return False
    return x[-1] == y[-1] or len(set(x) & set(y)) >= 2


# Which titles an honorific pronoun ("معاليه", "سموه") goes with.
_STYLE_RANKS = {"minister": ("minister",), "president": ("head_of_state",), "king": ("head_of_state",),
                "prince": ("heir",), "prime_minister": ("head_of_government",)}

# Styles addressed with the same pronoun: "سموه" is said of a Highness and of a Royal Highness.
_SAME_STYLE = {"highness": {"royal_highness"}, "royal_highness": {"highness"}}


def _father(norms: tuple[str, ...]) -> str | None:
    """The word after the first "بن" (the father's name), if the name has one."""
    for i, word in enumerate(norms[:-1]):
        if word in ("بن", "ابن", "bin", "ibn"):
            return norms[i + 1]
    return None


class Roster:
    """The participants of one release, with coreference of later mentions."""

    def __init__(self, lex: Lexicon, lang: str) -> None:
        self.lex = lex
        self.lang = lang
        self.people: list[Person] = []
        self.spelled: dict[str, str] = {}  # term key -> the spelling met in the release

    def enrich(self, mention: Mention) -> None:
        """Let a later mention of a known participant (by name) complete its title and country."""
        person = self.resolve(mention, titles=False)
        if person is None and self.lang == "en" and (mention.name or mention.person is not None) and mention.title:
            person = self._name_the_unnamed(mention)
        if person is not None:
            self._merge(person, mention, None)

    def _name_the_unnamed(self, mention: Mention) -> Person | None:
        """English: a principal the lead names by office only ("The President of Russia held talks ...") takes the
        name a later mention gives with the same office ("President of Russia Vladimir Putin:")."""
        words = self._title_words(mention)
        unnamed = [p for p in self.people if p.name is None and p.person is None and p.main and p.title_words
                   and p.title_words <= words and _compatible(p, mention)]
        if len(unnamed) != 1:
            return None
        person = unnamed[0]
        term = mention.person or self.lex.find_person(mention.name_norm)
        person.pid = ""  # not a name of its own any more
        person.pid = self._new_id(mention, term)
        person.name, person.name_norm = mention.name, mention.name_norm
        if term is not None:
            person.person = term
        return person

    def add_unnamed(self, mention: Mention) -> Person | None:
        """A principal named only by office ("السفير الأمريكي"): the title stands in for the name."""
        if not mention.title or self.resolve(mention) is not None:
            return None
        key = mention.title_terms[0].key if mention.title_terms else "official"
        pid, n = key, 2
        while any(p.pid == pid for p in self.people):
            pid, n = f"{key}_{n}", n + 1
        person = Person(pid=pid, name=None, name_norm=(), main=True)
        self._merge(person, mention, None)
        self.people.append(person)
        return person

    def add(self, mention: Mention, *, main: bool, country: str | None = None) -> Person | None:
        """Add a named mention as a participant, merging with one already known."""
        if not mention.name and mention.person is None:
            return None
        if any(t.key in _REPORTERS for t in mention.title_terms):
            return None  # the spokesperson who issues a readout is not at the table
        person_term = mention.person or self.lex.find_person(mention.name_norm)
        if person_term is None and (similar := self.lex.find_similar_person(mention.name_norm)) is not None:
            person_term = similar
            self.spelled[similar.key] = mention.name or ""  # matched by spelling: a person checks it
        existing = self.resolve(mention, titles=False)
        if existing is not None:
            self._merge(existing, mention, person_term)
            existing.main = existing.main or main
            return existing
        person = Person(pid=self._new_id(mention, person_term), name=mention.name, name_norm=mention.name_norm,
                        person=person_term, main=main)
        self._merge(person, mention, person_term)
        if not person.country and country:
            person.country, person.country_by = country, "inferred"  # an attendee takes their delegation's
        self.people.append(person)
        return person

    def resolve(self, mention: Mention, *, titles: bool = True) -> Person | None:
        """The participant a mention refers to: same person, same name, same title, epithet, nationality."""
        if mention.person is not None:
            for p in self.people:
                if p.person is not None and p.person.key == mention.person.key:
                    return p
            candidates = [p for p in self.people if p.person is None]
        else:
            candidates = self.people
        if mention.name_norm:
            for p in candidates:
                if same_person(p.name_norm, mention.name_norm):
                    return p
            if mention.name and len(name_words(mention.name_norm)) > 1:
                return None  # a new name: someone else (one word after a title may be a common noun)
        if not titles:
            return None
        for term in mention.epithets:
            for p in self.people:
                if term.key in p.epithets:
                    return p
            if term.attrs.get("refers_to"):
                return self.home_head()
        words = self._title_words(mention)
        if words:
            candidates = [p for p in self.people if words <= p.title_words and _compatible(p, mention)]
            if candidates:
                return min(candidates, key=lambda p: not p.main)
        if mention.countries:
            mains = [p for p in self.people if p.main and p.country == mention.countries[0]]
            if len(mains) == 1:
                return mains[0]
        return None

    def by_word(self, word: str) -> Person | None:
        """The one participant whose name has this distinctive word ("كارتر", "السيسي")."""
        key = word[2:] if word.startswith("ال") and len(word) > 4 else word
        if key in COMMON_GIVEN_NAMES or key in NAME_JOINERS or len(key) < 3:
            return None
        found = [p for p in self.people if key in name_words(p.name_norm)[1:] or (
            len(name_words(p.name_norm)) == 1 and key in name_words(p.name_norm))]
        return found[0] if len(found) == 1 else None

    def by_honorific(self, key: str) -> Person | None:
        """The one principal addressed with this honorific ("سموه" → the one styled "سمو")."""
        found = [p for p in self.mains() if key in p.honorifics]
        if not found and (term := self.lex.get("honorific", key)) is not None and (style := term.attrs.get("for")):
            ranks = _STYLE_RANKS.get(str(style), ())  # a principal of the office the style goes with, before attendees
            found = [p for p in self.mains() if not p.honorifics and any(t.attrs.get("rank") in ranks for t in p.title_terms)]
        found = found or [p for p in self.people if key in p.honorifics]
        return found[0] if len(found) == 1 else None

    def styled(self, person: Person, key: str) -> bool:
        """The participant may be addressed with this honorific ("سموه" for one styled "صاحب السمو الملكي")."""
        keys = {key} | _SAME_STYLE.get(key, set())
        if person.honorifics & keys:
            return True
        term = self.lex.get("honorific", key)
        ranks = _STYLE_RANKS.get(str(term.attrs.get("for")), ()) if term is not None else ()
        return any(t.attrs.get("rank") in ranks for t in person.title_terms)

    def home_head(self) -> Person | None:
        """The participant an epithet such as "رئيس دولتنا" points to: the one with epithets, else the first."""
        for p in self.people:
            if p.epithets:
                return p
        return self.people[0] if self.people else None

    def mains(self) -> list[Person]:
        """The principal participants (named in the lead), in order."""
        return [p for p in self.people if p.main]

    def _merge(self, person: Person, mention: Mention, term: Any) -> None:
        if term is not None and person.person is None:
            person.person = term
        if mention.title and (not person.title or (" " not in person.title and " " in mention.title)):
            person.title = mention.title
            person.title_terms = list(mention.title_terms)
        person.title_words |= self._title_words(mention)
        person.epithets |= {t.key for t in mention.epithets}
        person.honorifics |= {t.key for t in mention.honorifics}
        if not person.country and not mention.country and mention.title:
            own = re.split(r"\s(?:لدى|لدي|to)\s", mention.title)[0]  # after "لدى": where an envoy serves
            for match in self.lex.match(own, self.lang, ("country", "organisation")):
                person.country = country_code(match.term)
                break
        if not person.country and mention.country:
            person.country = mention.country  # the title's nationality, as the release writes it
        elif not person.country and term is not None and term.attrs.get("country"):
            person.country, person.country_by = str(term.attrs["country"]).upper(), "term_base"
        elif not person.country and mention.city_country:
            person.country, person.country_by = mention.city_country, "inferred"  # the city the office is of

    def _title_words(self, mention: Mention) -> set[str]:
        words: set[str] = set()
        for title in mention.all_titles:
            words |= {t.norm for t in tokenise(title)}
        return words

    def _new_id(self, mention: Mention, term: Any) -> str:
        if term is not None:
            base = slugify(term.key).replace("-", "_")
        else:
            latin = transliterate_ar(mention.name or "") if self.lang == "ar" else (mention.name or "")
            words = [w for w in slugify(latin).split("-") if w not in ("al", "bin", "abd", "el")]
            patronymic = " بن " in f" {mention.name} " or " bin " in f" {mention.name} "
            base = (words[0] if patronymic else words[-1]) if words else "person"
        base = base or "person"
        pid, n = base, 2
        while any(p.pid == pid for p in self.people):
            pid, n = f"{base}_{n}", n + 1
        return pid


def _compatible(p: Person, mention: Mention) -> bool:
    return not mention.countries or p.country is None or p.country in mention.countries


def is_greeted(sentence: str, mention: Mention) -> bool:
    """A person named only as the sender of greetings ("نقل تحيات الرئيس ..."), not present."""
    return bool(_GREETING.search(sentence[max(0, mention.char_start - 40):mention.char_start].strip()))


def assign_sides(roster: Roster, role: str, place_country: str | None, event_type: str, lang: str = "ar") -> None:
    """Host/guest for the lead's subject and object, by the verb and the place.

    "Met with" says nothing of whose ground it was: the place decides. Arabic releases put
    the host first ("التقى ولي العهد ..."); an English readout met at no stated place, or at a
    third country's, has no host.
    """
    mains = roster.mains()
    if event_type == "other" or len(mains) < 2:
        return
    subject, obj = mains[0], mains[1]
    if role == "meet":
        if place_country and obj.country == place_country and subject.country != place_country:
            role = "guest"
        elif lang == "en" and place_country != subject.country:
            role = "other"
        else:
            role = "host"
    if role == "host":
        subject.side, obj.side = "host", "guest"
    elif role == "guest":
        subject.side, obj.side = "guest", "host"
    else:
        return
    if lang != "en" or not subject.country or obj.country in (None, subject.country):
        return
    for other in mains[2:]:  # "met with A, B, and C": the other counterparts are on the object's side too
        if other.country and other.country != subject.country and (obj.side == "guest" or other.country == obj.country):
            other.side = obj.side  # hosts only of the host's country; guests of any other


def apply_initiative(roster: Roster, sentences: list[str], lang: str) -> None:
    """The side that asked for the contact ("at the initiative of the Syrian side") is the guest."""
    mains = roster.mains()[:2]
    if len(mains) < 2:
        return
    pattern = INITIATIVE_AR if lang == "ar" else INITIATIVE_EN
    for sentence in sentences:
        text = fold(sentence, "ar") if lang == "ar" else sentence  # normalise_ar, remembered per sentence
        match = pattern.search(text)
        if match is None:
            continue
        words = next(g for g in match.groups() if g)
        codes = {country_code(m.term) for m in roster.lex.match(words, lang, ("country", "organisation"))}
        if lang == "ar" and (code := roster.lex.adjective_country(words)):
            codes.add(code)
        asker = [p for p in mains if p.country in codes]
        if len(asker) == 1:
            for p in mains:
                p.side = "guest" if p is asker[0] else "host"
        return
