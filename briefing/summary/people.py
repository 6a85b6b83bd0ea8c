"""One person, one entry: participants of many notes told apart or brought together by name; pure.

Two participants are the same person when they have the same country (or both none) and the
same name key in English or in Arabic. A name key is the name folded (case, accents, Arabic
letter forms), without honorifics ("H.E.", "Sheikh", "Dr", "الشيخ" ...), with "Al-X" written
"alx"; when a chain of "bin X" (ibn, bint, بن, بنت) stands between a first name and a family
name, the chain is dropped: "Adel Al-Jubeir" and "Adel bin Ahmed Al-Jubeir" are one person,
while "Mohammed bin Salman bin Abdulaziz" and "Mohammed bin Nayef bin Abdulaziz" (no family
name after the chain) stay two. (Summaries carry no term-base id for people yet; when they
do, it is to come first.)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Participant, Text

_HONORIFICS_EN = frozenset("his her highness royal excellency he h e sheikh shaikh sheikha prince princess king "
                           "emir amir dr mr mrs ms president minister".split())
_HONORIFICS_AR = frozenset("الشيخ الشيخه الامير الاميره الملك سمو صاحب السمو معالي فخامه الدكتور السيد الرئيس".split())
_NASAB = frozenset({"bin", "ibn", "bint", "ben", "بن", "بنت", "ابن"})
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})


@dataclass(frozen=True)
class Person:
    """One person across notes: the name shown, the other names used, the participants it gathers."""

    name: Text  # the fullest English name (then Arabic) among the variants
    country: str | None
    variants: tuple[Text, ...]  # every distinct name, in first-seen order
    members: tuple[int, ...]  # indexes into the participants given to `gather`


def name_key(text: str | None, lang: str) -> str:
    """Return the folded key of one side of a name ('' for nothing)."""
    if not text:
        return ""
    if lang == "ar":
        plain = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", text)).translate(_ARABIC_FOLD)
        words = [w for w in re.findall(r"\w+", plain) if w not in _HONORIFICS_AR]
    else:
        plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()
        plain = re.sub(r"\bal[-\s]+(?=\w)", "al", plain)
        words = [w for w in re.findall(r"[a-z0-9]+", plain) if w not in _HONORIFICS_EN]
    return " ".join(_drop_nasab(words))


def _drop_nasab(words: list[str]) -> list[str]:
    """Drop `bin X` links between a first name and a family name that follows them."""
    if len(words) < 3 or words[1] not in _NASAB:
        return words
    n = 1
    while n + 1 < len(words) and words[n] in _NASAB:
        n += 2
    return [words[0], *words[n:]] if n < len(words) else words


def gather(people: Sequence[Participant]) -> list[Person]:
    """Group participants into persons (see the module docstring), in order of first appearance."""
    parent = list(range(len(people)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    seen: dict[tuple, int] = {}
    for i, person in enumerate(people):
        for lang in ("en", "ar"):
            key = name_key(person.name.get(lang), lang)
            if key:
                first = seen.setdefault((person.country, lang, key), i)
                parent[root(i)] = root(first)
    groups: dict[int, list[int]] = {}
    for i in range(len(people)):
        groups.setdefault(root(i), []).append(i)
    return [_person([people[i] for i in members], tuple(members)) for members in sorted(groups.values())]


def _person(members: Iterable[Participant], indexes: tuple[int, ...]) -> Person:
    members = list(members)
    variants: list[Text] = []
    for p in members:
        if p.name not in variants:
            variants.append(p.name)
    fullest = max(variants, key=lambda t: (len(t.en or ""), len(t.ar or "")))
    return Person(fullest, members[0].country, tuple(variants), indexes)
