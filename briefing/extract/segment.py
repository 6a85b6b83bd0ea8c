"""Clean a release of page noise and cut it into a title, a dateline and sentences."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..terms.normalise import normalise_ar
from ._grammar import AGENCIES, CUT_FROM, INLINE_NOISE, NOISE_LINE

MAX_SENTENCE = 1200  # characters; a longer "sentence" is cut at commas (keeps extraction linear)
_MARKDOWN = re.compile(r"^(?:#{1,6}\s+|>\s+|[-*+]\s+(?=\S))|\*\*|__|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)")
# Runs of spaces, tabs, no-break spaces and direction marks, each to be one space: only the runs that are not
# one space already are matched (replacing " " by " " changes nothing, and costs a match per word).
_SPACES = re.compile(r"[\t\u00a0\u200f\u200e][ \t\u00a0\u200f\u200e]*| [ \t\u00a0\u200f\u200e]+")
_NEXT_PREVIOUS = re.compile(r"^(?:Next\s+Previous|Previous\s+Next)\s*", re.IGNORECASE)
# A full stop ends a sentence, except after an initial ("Joseph R. Biden"), a title or an
# abbreviation ("Jr.", "Dr.", "U.S.", "Gen."), where the next word goes on with the name.
_ABBREVIATIONS = ("Jr", "Sr", "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm",
                  "Prof", "Sen", "Rep", "Gov", "Amb", "Hon", "Rev", "No", "Nos", "Vol", "Art", "Fig", "Mt", "Ft",
                  "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs", "etc",
                  "Inc", "Ltd", "Co", "Corp")
_NO_END = "".join(rf"(?<!\b{a}\.)" for a in _ABBREVIATIONS)
# (After "..", which also ends in one of .!?؟, the split needs no space: the look-behind is shared.)
_SENTENCE_END = re.compile(
    rf"(?:(?<=[.!?؟])|(?<=[.!?؟][”\"»]))(?:(?<!\b[A-Z]\.)(?<!\b[A-Z]\.[A-Z]\.){_NO_END}\s+(?![a-z,;])|(?<=\.\.)\s*)|\n+"
)
# Where _SENTENCE_END can match in a line without "\n": just after a mark that ends a sentence, or after its closing
# quote. The pattern, opening with look-behinds, gives the engine nothing to skip ahead to; these marks do.
_END_MARK = re.compile(r"[.!?؟][”\"»]?")
_DATELINE_HINT = re.compile(r"\d|واس|(?:^|\s)[–-](?:\s|$)|\(.*\)")
_DATED = re.compile(r"\d{4}|\d{1,2}\s+[A-Za-z\u0600-\u06ff]{3,}|[A-Za-z]{3,}\.?\s+\d{1,2}")
# A dateline run into the first paragraph: a place and maybe a date, the agency in brackets or between
# slashes, maybe a dash, then the text ("الكويت - 12 - 10 (كونا) -- استقبل ...", "BEIJING, April 14 (Xinhua) -- ...").
_RUN_IN_DATELINE = re.compile(
    r"^(?P<place>[^\s()/.!?؟:][^()/.!?؟:\n]{1,58}?)\s*(?:\(\s*(?P<bracketed>[^()\n]{2,20}?)\s*\)|/\s*(?P<slashed>[^/\n]{2,20}?)\s*/)"
    r"\s*(?:--|[-–—:])?\s+(?=\S)"
)
_ABBREVIATION = re.compile(r"[A-Z]{2,6}")  # "(AP)", "(PTI)", "(KUNA)"
_VERBISH = re.compile(r"(?:^|\s)(?:استقبل|التقى|التقي|أجرى|اجرى|تلقى|تلقي|قام|عقد|بحث|أكد|اكد)(?:\s|$)")


@dataclass(frozen=True)
class Segmented:
    """A release cut up: title (or None), dateline (or None) and numbered sentences."""

    title: str | None
    dateline: str | None
    sentences: tuple[str, ...]  # sentence 1 is the title when there is one

    def number(self, index: int) -> int:
        """Return the 1-based sentence number of `sentences[index]`."""
        return index + 1


def clean_text(text: str) -> list[str]:
    """Return the release's lines with page chrome, captions and agency trailers removed."""
    if m := CUT_FROM.search(text):
        text = text[: m.start()]
    text = text.replace("\u0640", "")
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _NEXT_PREVIOUS.sub("", _SPACES.sub(" ", raw).strip())
        spaced = line  # one space between words: unless markdown or noise is taken out, it stays so
        if _may_be_markdown(line):
            line = _MARKDOWN.sub("", line)
        line = line.strip()
        if not line or NOISE_LINE.match(line):
            lines.append("")
            continue
        if "/" in line or "(" in line or ":" in line or "عدد المشاهدات" in line:  # what INLINE_NOISE needs
            line = INLINE_NOISE.sub(" ", line)
        lines.append(line if line == spaced else _SPACES.sub(" ", line).strip())
    return lines


def _may_be_markdown(line: str) -> bool:
    """Whether `_MARKDOWN` can match in a line: it needs "*" or "_", or a line opening with "#", ">", "-" or "+"."""
    return "*" in line or "_" in line or line.startswith(("#", ">", "-", "+"))


def segment(text: str, *, title: str | None = None) -> Segmented:
    """Cut a release into title, dateline and sentences (the title is sentence 1)."""
    lines = clean_text(text)
    while lines and not lines[0]:
        lines.pop(0)
    if title is None and len(lines) > 1 and _is_title(lines[0], lines[1:]):
        title = lines.pop(0)
    elif title is not None and lines and lines[0].strip() == title.strip():
        lines.pop(0)
    body = [line for line in lines if line]
    dateline = None
    if body and (run_in := _run_in_dateline(body[0])) is not None:
        dateline, body[0] = body[0][:run_in].rstrip(" -–—:"), body[0][run_in:]
    elif body and _is_dateline(body[0]):
        dateline = body.pop(0)
    sentences: list[str] = [title] if title else []
    for line in body:
        for part in split_sentences(line):
            for piece in _bounded(part.strip(" .")):
                if len(piece) > 1:
                    sentences.append(piece)
    first = 1 if title else 0
    if dateline is None and len(sentences) > first + 1 and _is_dateline(sentences[first]) and _DATED.search(sentences[first]):
        dateline = sentences.pop(first)  # "Dushanbe, 12 October 2021 (Khovar). President ..." on one line
    return Segmented(title, dateline, tuple(sentences))


def split_sentences(line: str) -> list[str]:
    """Return `_SENTENCE_END.split(line)`, trying the pattern only where it can match (after an end mark)."""
    if "\n" in line:
        return _SENTENCE_END.split(line)
    out, last = [], 0
    for mark in _END_MARK.finditer(line):
        for at in (mark.start() + 1, mark.end()) if mark.end() > mark.start() + 1 else (mark.end(),):
            if (found := _SENTENCE_END.match(line, at)) is not None:
                out.append(line[last:found.start()])
                last = found.end()
    out.append(line[last:])
    return out


def _bounded(sentence: str) -> list[str]:
    """Cut a run-on "sentence" (pasted text with no full stops) at commas, then spaces, to bounded lengths."""
    if len(sentence) <= MAX_SENTENCE:
        return [sentence]
    out, rest = [], sentence
    while len(rest) > MAX_SENTENCE:
        window = rest[:MAX_SENTENCE]
        cut = max(window.rfind("،"), window.rfind(","))
        if cut < MAX_SENTENCE // 3:
            cut = window.rfind(" ")
        cut = cut if cut > 0 else MAX_SENTENCE
        out.append(rest[:cut].strip(" ،,"))
        rest = rest[cut:].strip(" ،,")
    return [*out, rest]


def _is_title(first: str, rest: list[str]) -> bool:
    """A first line is a title when it is short and does not end a sentence."""
    return len(first) < 200 and not first.rstrip().endswith((".", ":")) and any(rest)


def _run_in_dateline(line: str) -> int | None:
    """Where the text starts after a dateline run into the first paragraph, if it opens with one.

    The agency must be one datelines use (a known name, or an abbreviation in capitals after a place in
    capitals: "JEDDAH (XYZ)"), and the place part short and verbless, so "اليوم (الثلاثاء)" is no dateline.
    """
    m = _RUN_IN_DATELINE.match(line)
    if m is None or _VERBISH.search(m.group("place")) or len(m.group("place").split()) > 8:
        return None
    agency = m.group("bracketed") or m.group("slashed")
    known = normalise_ar(agency).casefold() in AGENCIES
    first = m.group("place").split()[0].rstrip(",،")
    abbreviated = bool(_ABBREVIATION.fullmatch(agency)) and first.isupper() and len(first) > 1
    return m.end() if known or abbreviated else None


def _is_dateline(line: str) -> bool:
    """A short first line with a date, an agency mark or a dash, and no verb."""
    if len(line) >= 90:
        return False
    hint = bool(_DATELINE_HINT.search(line)) or _AGENCY_NAMED.search(normalise_ar(line).casefold()) is not None
    return hint and not _VERBISH.search(line)


# An agency named as a word of a short line ("دمشق-سانا", "Doha (QNA)").
_AGENCY_NAMED = re.compile(r"(?:^|[\s\-–—/(])(?:" + "|".join(sorted(map(re.escape, AGENCIES), key=len, reverse=True))
                           + r")(?=$|[\s\-–—/).,])")
