"""Read PDFs with poppler's command-line tools, as a person checking a file would."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pytest

# The faces in fonts/, as `PdfFont.face` spells them whichever engine named them.
SHIPPED_FACES = {"NotoNaskhArabic", "NotoNaskhArabicBold", "NotoSerif", "NotoSerifBold"}


@dataclass(frozen=True)
class PdfFont:
    """One row of `pdffonts`."""

    name: str
    family: str
    embedded: bool
    subset: bool

    @property
    def face(self) -> str:
        """The face without the engine's spelling: WeasyPrint writes Noto-Naskh-Arabic-Bold, Typst NotoNaskhArabic-Bold."""
        return self.family.replace("-", "").removesuffix("Regular")


def require(tool: str) -> str:
    """Return the path of a tool, or fail (in CI) / skip (elsewhere) when it is missing."""
    import os

    path = shutil.which(tool)
    if path is None:
        if os.environ.get("CI"):
            pytest.fail(f"{tool} is not installed; the set-up script should have installed it")
        pytest.skip(f"{tool} is not installed")
    return path


def pdf_fonts(pdf: Path) -> list[PdfFont]:
    """Return the fonts `pdffonts` lists for a PDF."""
    out = subprocess.run([require("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    fonts = []
    for line in out.splitlines()[2:]:
        parts = line.split()
        if len(parts) < 7:
            continue
        name = parts[0]
        # columns from the right: emb sub uni object-number generation
        emb, sub = parts[-5], parts[-4]
        family = name.split("+", 1)[1] if re.match(r"^[A-Z]{6}\+", name) else name
        fonts.append(PdfFont(name, family, emb == "yes", sub == "yes"))
    return fonts


def pdf_text(pdf: Path) -> str:
    """Return the text `pdftotext` extracts from a PDF."""
    return subprocess.run([require("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def normalise_words(text: str) -> list[str]:
    """Return the words of a text, NFKC-normalised, without marks or tatweel (pdftotext adds stray spaces before marks)."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if not unicodedata.category(c).startswith("M") and c != "\u0640")
    return re.findall(r"\w+", text)


@dataclass(frozen=True)
class Word:
    """One word of `pdftotext -bbox` with its box in points (y grows downwards)."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def height(self) -> float:
        """Return the box height, which grows with the font size."""
        return self.y1 - self.y0

    def is_arabic(self) -> bool:
        """Tell whether the word has an Arabic letter."""
        return any("\u0600" <= c <= "\u06ff" and c.isalpha() for c in self.text)

    def is_latin(self) -> bool:
        """Tell whether the word has a Latin letter."""
        return any(c.isascii() and c.isalpha() for c in self.text)


@dataclass(frozen=True)
class Page:
    """The words of one page and its size in points."""

    width: float
    height: float
    words: tuple[Word, ...]


def pdf_pages(pdf: Path) -> list[Page]:
    """Return the pages of a PDF as positioned words (`pdftotext -bbox`; Arabic words come in visual order)."""
    import html

    out = subprocess.run([require("pdftotext"), "-bbox", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for size, body in re.findall(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', out, re.S):
        height = float(re.search(rf'<page width="{re.escape(size)}" height="([\d.]+)"', out).group(1))
        words = tuple(
            Word(html.unescape(text), float(a), float(b), float(c), float(d))
            for a, b, c, d, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', body)
        )
        pages.append(Page(float(size), height, words))
    return pages


# The samples' English titles, in date order (the undated meeting last): how pack tests find each note.
SAMPLE_TITLES = {
    "phone-call-en": "Telephone call between the UK Foreign",
    "visit-long": "Official visit of the Minister of",
    "summary": "Meeting of the President of Tajikistan",
}


def page_texts(pdf: Path, *, layout: bool = False) -> list[str]:
    """Return the text of each page of a PDF (pdftotext page by page)."""
    pages = int(re.search(rb"Pages:\s+(\d+)", subprocess.run([require("pdfinfo"), str(pdf)], capture_output=True, check=True).stdout)[1])
    return [subprocess.run([require("pdftotext"), "-enc", "UTF-8", *(["-layout"] if layout else []), "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, pages + 1)]


def latin_words(text: str) -> str:
    """Return the Latin words of a text in order (pdftotext interleaves the two columns' lines)."""
    return " ".join(re.findall(r"[A-Za-z]+", text))


def note_starts(pages: list[str]) -> dict[str, int]:
    """Return the page (1-based) on which each sample's note starts: the first page after the contents with its title."""
    return {key: next(n for n, text in enumerate(pages[2:], 3) if title in latin_words(text)) for key, title in SAMPLE_TITLES.items()}


def index_annex(pdf: Path) -> str:
    """Return the pack's Annex A as laid out, after checking that each "note (page)" gives the page the note starts on
    and that each sample participant has one line with a reference."""
    starts = list(note_starts(page_texts(pdf)).values())  # note n starts on starts[n - 1]
    text = "\n".join(page_texts(pdf, layout=True))  # one line of text per table row
    annex = text[text.index("Annex A: Index of participants"):text.index("Annex B: Open follow-ups")]
    refs = re.findall(r"\b(\d+) \((\d+)\)", annex)
    assert refs, annex
    for note, page in refs:
        assert starts[int(note) - 1] == int(page), f"note {note} is said to start on page {page}: {starts}"
    for name in ("Eleanor Hartley", "Emomali Rahmon", "Vladimir Putin"):
        lines = [line for line in annex.splitlines() if name in line]
        assert len(lines) == 1 and re.search(r"\d+ \(\d+\)", lines[0]), f"{name}: {lines}"
    return annex
