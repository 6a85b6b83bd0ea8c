"""Diplomatic formulae: a shipped bilingual table of recurring clauses, slots filled from the term base."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..terms import normalise_ar, normalise_en
from ..terms.normalise import tokenise
from ..terms.phrases import arabic_title

DATA = Path(__file__).parent / "data" / "formulae.yaml"
# Term kinds a slot may be made of: names of people, offices, countries, organisations, places.
SLOT_KINDS = ("person", "title", "country", "organisation", "city", "honorific")
_SLOT = re.compile(r"\{([a-z][a-z0-9_]*)\}")
_PUNCT = re.compile(r"[,،;؛:()«»\"]")


@dataclass(frozen=True)
class Formula:
    """One recurring clause: patterns that recognise it in each language, and how each language writes it."""

    id: str
    kinds: frozenset[str]
    patterns: dict[str, tuple[re.Pattern[str], ...]]  # each pattern in the ways it can split between slots
    write: dict[str, dict[str, str]]  # lang -> form (one, her, both) -> template


@dataclass(frozen=True)
class Table:
    """The formulae and the phrase lexicon their slots may use."""

    formulae: tuple[Formula, ...]
    lexicon: dict[str, dict[tuple[str, ...], str]]  # source lang -> words -> other side
    labels: dict[str, Any] = field(default_factory=dict)  # follow_up_labels and places (see labels.py)


def fold(text: str, lang: str) -> str:
    """Fold a clause for matching (Arabic normalised; English lower case) without final punctuation."""
    text = text.replace("’", "'").replace("‘", "'")
    folded = normalise_ar(text) if lang == "ar" else normalise_en(text)
    return folded.strip(" .;,:،؛")


def _fold_part(part: str, lang: str) -> str:
    """Fold the literal text of a pattern as the clause is folded, keeping the spaces at its edges."""
    if not part.strip():
        return part
    lead = " " if part[0].isspace() else ""
    trail = " " if part[-1].isspace() else ""
    body = part.replace("’", "'")
    return lead + (normalise_ar(body) if lang == "ar" else normalise_en(body)) + trail


def _compile(pattern: str, lang: str, first: int = 0, lazy: bool = True) -> re.Pattern[str]:
    """Compile a pattern: literal text folded, `{slot}` a named group (the first of `first` words when not 0)."""
    parts, last = [], 0
    for k, m in enumerate(_SLOT.finditer(pattern)):
        parts.append(_fold_part(pattern[last : m.start()], lang))
        body = rf"\S+(?: \S+){{{first - 1}}}" if k == 0 and first else (".+?" if lazy else ".+")
        parts.append(f"(?P<{m.group(1)}>{body})")
        last = m.end()
    parts.append(_fold_part(pattern[last:], lang))
    return re.compile("".join(parts))


def _variants(pattern: str, lang: str) -> tuple[re.Pattern[str], ...]:
    """Compile a pattern several ways, so that a clause can be split between two slots at every word."""
    if len(_SLOT.findall(pattern)) < 2:
        return (_compile(pattern, lang),)
    return (_compile(pattern, lang), *(_compile(pattern, lang, n) for n in range(1, 7)), _compile(pattern, lang, lazy=False))


def _words(text: str) -> tuple[str, ...]:
    return tuple(t.norm for t in tokenise(text))


def parse_table(data: Any) -> Table:
    """Build the table from its YAML data (see data/formulae.yaml)."""
    lexicon: dict[str, dict[tuple[str, ...], str]] = {"ar": {}, "en": {}}
    for entry in data.get("lexicon", []):
        ar, en = entry["ar"], entry["en"]
        for surface in [ar, *entry.get("ar_also", [])]:
            lexicon["ar"].setdefault(_words(surface), en)
        for surface in [en, *entry.get("en_also", [])]:
            lexicon["en"].setdefault(_words(surface), ar)
    formulae = []
    for entry in data.get("formulae", []):
        patterns = {lang: tuple(v for p in entry.get("match", {}).get(lang, []) for v in _variants(p, lang))
                    for lang in ("ar", "en")}
        write = {}
        for lang in ("ar", "en"):
            form = entry["write"].get(lang)
            if form is not None:
                write[lang] = {"one": form} if isinstance(form, str) else dict(form)
        formulae.append(Formula(entry["id"], frozenset(entry.get("kinds", [])), patterns, write))
    labels = {key: data[key] for key in ("follow_up_labels", "places") if key in data}
    return Table(tuple(formulae), lexicon, labels)


@lru_cache(maxsize=1)
def shipped_table() -> Table:
    """Return the shipped table (parsed once)."""
    from ruamel.yaml import YAML

    return parse_table(YAML(typ="safe", pure=True).load(DATA.read_text(encoding="utf-8")))


def apply_formula(text: str, src: str, kind: str, form: str, terms: Any, table: Table) -> tuple[str, str] | None:
    """Translate `text` (language `src`) by the first formula that matches it whole: (translation, formula id)."""
    dst = "en" if src == "ar" else "ar"
    folded = fold(text, src)
    for formula in table.formulae:
        if formula.kinds and kind not in formula.kinds or dst not in formula.write:
            continue
        for pattern in formula.patterns[src]:
            m = pattern.fullmatch(folded)
            if m is None:
                continue
            slots = {}
            for name, value in m.groupdict().items():
                done = translate_phrase(value, src, terms, table, topic=name.startswith("topic"))
                if done is None:
                    break
                slots[name] = done
            else:
                forms = formula.write[dst]
                template = forms.get(form) or forms.get("one") or next(iter(forms.values()))
                text = _finish(_SLOT.sub(functools.partial(_slot_value, slots), template), dst)
                if dst == "en" and template.startswith("{"):  # a sentence that opens with a slot
                    text = text[:1].upper() + text[1:]
                return text, formula.id
    return None


def _finish(text: str, lang: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    if lang != "ar":
        return text
    text = re.sub(r"(^| )و ", r"\1و", text)
    return text.replace("لـالل", "لل").replace("لـال", "لل").replace("بـال", "بال")


def translate_phrase(text: str | None, src: str, terms: Any, table: Table, *, topic: bool = False) -> str | None:
    """Translate a short phrase made only of terms, lexicon phrases and numbers; None if any word is not covered.

    A phrase with punctuation inside is not one phrase; a `topic` needs a lexicon phrase (a bare country is no topic).
    """
    if not text or _PUNCT.search(text):  # a side with no text (a date-only due) has nothing to translate
        return None
    pieces: list[tuple[str, str]] = []  # (kind, translation)
    last = 0
    matches = terms.match(text, src, SLOT_KINDS) if terms is not None else []
    for m in [*matches, None]:
        gap = text[last : (m.start if m is not None else len(text))]
        covered = _cover(_words(gap), src, table)
        if covered is None:
            return None
        pieces.extend(covered)
        if m is None:
            break
        other = m.term.en if src == "ar" else m.term.ar
        if not other:
            return None
        pieces.append((m.term.kind, other))
        last = m.end
    if not any(kind != "lex" or word for kind, word in pieces):
        return None
    if topic and not any(kind == "lex" and word for kind, word in pieces):
        return None
    return _join(pieces, src)


def _cover(words: tuple[str, ...], src: str, table: Table) -> list[tuple[str, str]] | None:
    """Cover the words with lexicon phrases (longest first) and numbers; None if a word is left over."""
    lexicon = table.lexicon[src]
    out, i = [], 0
    while i < len(words):
        for size in range(min(8, len(words) - i), 0, -1):
            chunk = words[i : i + size]
            if chunk in lexicon:
                out.append(("lex", lexicon[chunk]))
                i += size
                break
            if src == "ar" and chunk[0].startswith("و") and len(chunk[0]) > 2 and (chunk[0][1:],) + chunk[1:] in lexicon:
                out.extend([("lex", "and"), ("lex", lexicon[(chunk[0][1:],) + chunk[1:]])])
                i += size
                break
        else:
            if words[i].isdigit():
                out.append(("num", words[i]))
                i += 1
            else:
                return None
    return out


def _join(pieces: list[tuple[str, str]], src: str) -> str:
    """Join translated pieces: English titles take "the" and "of"; Arabic titles agree with what follows."""
    pieces = [p for p in pieces if p[1]]
    words: list[str] = []
    for k, (kind, word) in enumerate(pieces):
        following = pieces[k + 1][0] if k + 1 < len(pieces) else None
        if src == "ar" and kind in ("country", "organisation") and k and pieces[k - 1][0] == "title":
            words.append("of")
        if src == "ar" and kind == "title" and following != "person" and (not words or words[-1] in ("and", "of")):
            words.append("the")
        if src == "en" and kind == "title":
            word = arabic_title(word, following)
        words.append(word)
    text = " ".join(words)
    if src == "en":
        text = re.sub(r"(^| )و ", r"\1و", text)
    return text


def _slot_value(slots: dict[str, str], match: re.Match[str]) -> str:
    """The text a formula's `{slot}` is filled with."""
    return slots[match.group(1)]
