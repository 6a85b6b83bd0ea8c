"""Arabic and English normalisation for matching, tokens with offsets, rough transliteration."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache, partial
from itertools import accumulate, chain, repeat
from typing import NamedTuple

from ..base.arabic import DIGITS, LETTER_VARIANTS

# Marks removed for matching: Latin combining marks, Arabic tashkeel and Quranic marks,
# superscript alef, tatweel, zero-width (non-)joiners and the byte-order mark.
_MARKS = "".join(
    chr(c)
    for rng in ((0x0300, 0x036F), (0x0610, 0x061A), (0x064B, 0x065F), (0x06D6, 0x06ED))
    for c in range(rng[0], rng[1] + 1)
) + "\u0670\u0640\u200c\u200d\u200e\u200f\ufeff"

_MAP = {**LETTER_VARIANTS, **DIGITS}  # one alef, one ya, ha for ta marbuta; ASCII digits
_TABLE: dict[int, str | None] = {**{ord(k): v for k, v in _MAP.items()}, **{ord(c): None for c in _MARKS}}
_SPACES = re.compile(r"\s+")
_TOKEN = re.compile(r"(?:[^\W_]|[" + re.escape(_MARKS) + r"])+")
# The table's most frequent changes in NFKD Arabic text (ta marbuta, alef maksura, the hamza and madda marks
# left by decomposing أ إ آ ؤ ئ, fathatan), done by str.replace; the table itself only for what is left.
_FREQUENT = tuple((c, _TABLE[ord(c)] or "") for c in "\u0629\u0654\u0655\u0649\u064b\u0653")
_RARE = re.compile("[" + re.escape("".join(sorted(chr(k) for k in _TABLE if chr(k) not in dict(_FREQUENT)))) + "]")


class Token(NamedTuple):
    """One word of a text: its normalised form and its span in the original text."""

    norm: str
    start: int
    end: int


@lru_cache(maxsize=1 << 16)
def _fold(word: str) -> str:
    """Normalise one word (either script): decompose, drop marks, unify letters, lower-case."""
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
    return word.translate(_TABLE).lower()


def normalise_ar(text: str) -> str:
    """Return Arabic text folded for matching (no tashkeel/tatweel, one alef, ي for ى, ه for ة, ASCII digits)."""
    return " ".join(_translate(unicodedata.normalize("NFKD", text)).split())  # split(): the whitespace of \s


def _translate(text: str) -> str:
    """Return `text.translate(_TABLE)`, the frequent letters replaced first (no value of the table is a key of it)."""
    for old, new in _FREQUENT:
        text = text.replace(old, new)
    return text.translate(_TABLE) if _RARE.search(text) else text


def normalise_en(text: str) -> str:
    """Return English text folded for matching (no accents, lower case, one space)."""
    return " ".join(_fold(text).split())


def _letter_end(word: str, count: int) -> int:
    """Return the index in `word` just after its first `count` letters (marks that follow included)."""
    seen = 0
    for i, ch in enumerate(word):
        if ch in _MARKS:
            continue
        if seen == count:
            return i
        seen += 1
    return len(word)


@lru_cache(maxsize=1 << 8)
def tokenise(text: str) -> tuple[Token, ...]:
    """Split text into normalised words with their original offsets ("عبدالله" gives "عبد" + "الله").

    Cached: the extractor reads the same sentences and surfaces several times within a release. The cache
    is kept small: each token is an object the garbage collector visits for as long as it is kept (a
    named tuple is never untracked), and 8,192 texts' tokens made its full collections a tenth of a batch.
    """
    if "_" in text:  # the only character of \w that is no word character
        return tuple(chain.from_iterable(_tokens(_fold(m.group()), m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)))
    parts = _WORDS.split(text)  # gap, word, gap, word, ..., gap: C-level, no match objects
    words = parts[1::2]
    norms = _fold_words(words)
    offsets = list(accumulate(map(len, parts)))
    starts, ends = offsets[::2], offsets[1::2]
    tokens = list(map(_new_token, zip(norms, starts, ends)))
    if "" in norms or any(map(str.startswith, norms, repeat("عبد"))):  # words that give no token, or two
        for k in reversed([k for k, norm in enumerate(norms) if not norm or norm.startswith("عبد")]):
            tokens[k:k + 1] = _tokens(norms[k], starts[k], ends[k], words[k])
    return tuple(tokens)


def _fold_words(words: list[str]) -> list[str]:
    """Return `[_fold(w) for w in words]`, folded as one text: words joined by "\n" fold apart (no decomposition,
    reordering of marks nor case mapping crosses a line break, and none of them makes one)."""
    joined = "\n".join(words)
    if not joined.isascii():
        joined = unicodedata.normalize("NFKD", joined)
    norms = _translate(joined).lower().split("\n")
    return norms if len(norms) == len(words) else list(map(_fold, words))


_WORDS = re.compile(r"([\w" + re.escape(_MARKS) + r"]+)")  # _TOKEN's words in a text without "_"
_new_token = partial(tuple.__new__, Token)


def _tokens(norm: str, start: int, end: int, word: str) -> Iterator[Token]:
    """The token(s) of one word: none when it folds to nothing, two for "عبد" joined to a name."""
    if not norm:
        return
    if norm.startswith("عبد") and len(norm) >= 6 and norm[3] != "ه":
        cut = start + _letter_end(word, 3)
        yield Token("عبد", start, cut)
        yield Token(norm[3:], cut, end)
    else:
        yield Token(norm, start, end)


_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m",
    "ن": "n", "ه": "h", "و": "w", "ي": "y", "ء": "", "ة": "a", "ى": "a", "پ": "p",
    "چ": "ch", "ژ": "zh", "گ": "g", "ڤ": "v",
}
_VOWELS = {"ا", "و", "ي", "ى"}
# Usual English spellings of frequent name words (normalised Arabic -> Latin).
_NAMES = {
    "محمد": "Mohammed", "احمد": "Ahmed", "علي": "Ali", "خالد": "Khalid", "سلمان": "Salman",
    "عبدالله": "Abdullah", "عبدالعزيز": "Abdulaziz", "عبدالرحمن": "Abdulrahman", "فيصل": "Faisal",
    "فهد": "Fahd", "سعود": "Saud", "سلطان": "Sultan", "نايف": "Nayef", "تركي": "Turki", "بندر": "Bandar",
    "حمد": "Hamad", "حسن": "Hassan", "حسين": "Hussein", "ابراهيم": "Ibrahim", "يوسف": "Yousef",
    "عمر": "Omar", "عثمان": "Othman", "مصطفي": "Mustafa", "محمود": "Mahmoud", "سعد": "Saad",
    "ناصر": "Nasser", "منصور": "Mansour", "سعيد": "Saeed", "راشد": "Rashid", "زايد": "Zayed",
    "صباح": "Sabah", "جابر": "Jaber", "عادل": "Adel", "سامح": "Sameh", "طارق": "Tariq",
    "مشعل": "Mishal", "متعب": "Miteb", "مساعد": "Musaed", "عيسي": "Issa", "موسي": "Musa",
    "صالح": "Saleh", "وليد": "Walid", "جمال": "Jamal", "كمال": "Kamal", "امين": "Amin",
    "اسماعيل": "Ismail", "نواف": "Nawaf", "تميم": "Tamim", "ثاني": "Thani", "نهيان": "Nahyan",
    "سعودي": "Saudi", "الله": "Allah",
}


def _transliterate_word(word: str) -> str:
    """Transliterate one Arabic word (letters as above, و/ي as vowels between consonants)."""
    if word in _NAMES:
        return _NAMES[word]
    if word.startswith("ال") and word[2:] in _NAMES:
        return "Al-" + _NAMES[word[2:]]
    if word in ("بن", "ابن"):
        return "bin"
    if word == "بنت":
        return "bint"
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "Al-", word[2:]
    out = []
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if ch in ("و", "ي") and i > 0 and nxt not in _VOWELS and word[i - 1] not in _VOWELS:
            out.append("u" if ch == "و" else "i")
        elif ch == "ه" and not nxt and i > 0:
            out.append("a" if word[i - 1] not in _VOWELS else "h")
        else:
            out.append(_LATIN.get(ch, ch))
    latin = "".join(out)
    latin = latin[:1].upper() + latin[1:] if latin else latin
    return prefix + latin


def transliterate_ar(name: str) -> str:
    """Return a rough Latin rendering of an Arabic name (to be reviewed by a person)."""
    words = [_fold(w) for w in _SPACES.split(name.strip()) if w]
    joined: list[str] = []
    for w in words:
        if w in _NAMES:
            joined.append(_NAMES[w])
        elif w.startswith("عبد") and len(w) >= 6 and w[3] != "ه":
            rest = w[3:]
            rest = rest[2:] if rest.startswith("ال") else rest
            joined.append("Abdul" + _transliterate_word(rest).lower())
        elif w == "عبد":
            joined.append("Abd")
        elif w == "ال":
            joined.append("Al")
        else:
            joined.append(_transliterate_word(w))
    return " ".join(joined)
