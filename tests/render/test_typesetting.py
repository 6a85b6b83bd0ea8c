"""Typesetting a typographer would sign off, read back from the PDF with poppler: sizes per script,
headings kept with what they head, one digit system per language, isolated codes, bilingual markings."""

from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest

from briefing.assemble.loading import load_input
from briefing.read.summaries import read_summary
from briefing.render.options import RenderOptions, Typography, prepare_note
from briefing.render.pdf import render_pdf
from briefing.render.view import NoteView
from briefing.summary.model import Summary
from pdftools import Page, Word, normalise_words, pdf_pages, pdf_text
from support import SAMPLES, SEED, SHARED

MARGIN = 56  # pt: the 20 mm page margins hold only the running marking and page numbers
ASCII_DIGITS = re.compile(r"[0-9]")
ARABIC_INDIC = re.compile(r"[\u0660-\u0669]")


def pdf_of(tmp_path: Path, summary: Summary, name: str = "note", **options) -> tuple[Path, NoteView]:
    opts = RenderOptions(**options)
    view = prepare_note(summary, opts)
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(render_pdf(view, opts))
    return path, view


def body(page: Page) -> list[Word]:
    """Return the words of a page between the top and bottom margins."""
    return [w for w in page.words if w.y0 > MARGIN and w.y1 < page.height - MARGIN]


def median_height(pages: list[Page], test) -> float:
    return statistics.median(w.height for p in pages for w in body(p) if test(w))


def with_file(summary: Summary, file: str) -> Summary:
    return summary.model_copy(update={"source": summary.source.model_copy(update={"file": file})})


# -- 1. sizes per script, whatever the language order ---------------------------------

def test_each_script_keeps_its_size_whatever_the_language_order(tmp_path):
    summary = read_summary(SEED)
    ar_first, _ = pdf_of(tmp_path, summary, "ar-en", languages=("ar", "en"))
    en_first, _ = pdf_of(tmp_path, summary, "en-ar", languages=("en", "ar"))
    a, e = pdf_pages(ar_first), pdf_pages(en_first)
    assert len(a) == len(e)
    for test in (Word.is_arabic, Word.is_latin):
        assert median_height(a, test) == pytest.approx(median_height(e, test), rel=0.01)
    # Arabic is set larger than the Latin text (12.5 pt against 10 pt): Naskh reads small.
    latin, arabic = median_height(a, Word.is_latin), median_height(a, Word.is_arabic)
    assert arabic / latin > 1.3, (arabic, latin)


def test_arabic_size_is_a_setting(tmp_path):
    summary = read_summary(SEED)
    small, _ = pdf_of(tmp_path, summary, "small", typography=Typography(arabic_size=10))
    large, _ = pdf_of(tmp_path, summary, "large")
    ratio = median_height(pdf_pages(large), Word.is_arabic) / median_height(pdf_pages(small), Word.is_arabic)
    assert ratio == pytest.approx(1.25, rel=0.03)


# -- 5. heading hierarchy in Arabic-only and stacked notes ------------------------------

@pytest.mark.parametrize("languages", [("ar",), ("ar", "en")])
def test_arabic_title_and_section_heads_are_larger_than_the_text(tmp_path, languages):
    summary = read_summary(SEED)
    path, view = pdf_of(tmp_path, summary, layout="stacked", languages=languages)
    pages = pdf_pages(path)
    text = median_height(pages, Word.is_arabic)
    heading = set(normalise_words(view.sections[0].heading.ar))
    title = set(normalise_words(view.title.ar))
    heads = [w for w in body(pages[0]) if set(normalise_words(w.text[::-1])) & heading]
    titles = [w for w in body(pages[0]) if set(normalise_words(w.text[::-1])) & title]
    assert heads and max(w.height for w in heads) > 1.08 * text  # "الحدث" also in the label "نوع الحدث"
    assert titles and max(w.height for w in titles) > 1.25 * text


# -- 2. no heading as the last line of a page -----------------------------------------

def headings(view: NoteView) -> list[set[str]]:
    """Return the words of every heading of a note (sections, speakers), per language."""
    texts = [s.heading for s in view.sections] + [g.heading for s in view.sections for g in s.groups]
    return [set(normalise_words(side)) for t in texts for side in (t.ar, t.en) if side]


def last_rows(page: Page) -> list[set[str]]:
    """Return the words of the lowest line of each half of a page (each column of the parallel layout)."""
    rows = []
    for left in (True, False):
        words = [w for w in body(page) if ((w.x0 + w.x1) / 2 < page.width / 2) == left]
        if not words:
            continue
        bottom = max(w.y1 for w in words)
        row = [w for w in words if w.y1 > bottom - 4]
        rows.append(set(normalise_words(" ".join(w.text[::-1] if w.is_arabic() else w.text for w in row))))
    return rows


def stranded(path: Path, view: NoteView) -> list[tuple[int, set[str]]]:
    heads = headings(view)
    return [(n, row) for n, page in enumerate(pdf_pages(path)[:-1], 1) for row in last_rows(page) if row in heads]


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
@pytest.mark.parametrize("layout", ["parallel", "stacked"])
def test_no_heading_ends_a_page_in_the_samples(tmp_path, sample, layout):
    path, view = pdf_of(tmp_path, read_summary(SAMPLES / sample), layout=layout)
    assert not stranded(path, view)


def test_the_heading_check_sees_a_stranded_heading(tmp_path):
    """Negative control: without the keep-with-next rule, a speaker's name ends page 1 of this note."""
    theme = tmp_path / "theme"
    theme.mkdir()
    css = (SAMPLES.parent / "templates" / "note.css").read_text(encoding="utf-8")
    (theme / "note.css").write_text(css.replace("break-after: avoid; page-break-after: avoid;", ""), encoding="utf-8")
    summary = read_summary(SAMPLES / "phone-call-en.yaml")
    found = []
    for size in (9.0, 9.5, 10.0, 10.5, 11.0):
        path, view = pdf_of(tmp_path, summary, f"n{size}", template_dirs=(theme,), typography=Typography(latin_size=size, arabic_size=size * 1.25))
        found += stranded(path, view)
    assert found


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="10 real releases come from ../shared/corpus/dev")
@pytest.mark.parametrize("layout", ["parallel", "stacked"])
def test_no_heading_ends_a_page_in_ten_real_releases(tmp_path, layout):
    releases = sorted((SHARED / "corpus" / "dev").glob("*.txt"))[:10]
    assert len(releases) == 10
    found = {}
    for release in releases:
        path, view = pdf_of(tmp_path, load_input(release).summary, release.stem, layout=layout)
        if stranded(path, view):
            found[release.name] = stranded(path, view)
    assert not found


# -- 4. one digit system per language ---------------------------------------------------

def column_words(path: Path) -> tuple[list[str], list[str]]:
    """Return the body words of the English (left) and Arabic (right) columns of a parallel note."""
    left, right = [], []
    for page in pdf_pages(path):
        for w in body(page):
            (left if (w.x0 + w.x1) / 2 < page.width / 2 else right).append(w.text)
    return left, right


def test_arabic_column_uses_arabic_indic_digits_only(tmp_path):
    summary = read_summary(SAMPLES / "visit-long.yaml")  # dates, "2018-2028" and "29 April" in the text
    path, _ = pdf_of(tmp_path, summary)
    english, arabic = column_words(path)
    western_numbers = [w for w in arabic if ASCII_DIGITS.search(w) and not re.search(r"[A-Za-z]", w)]
    assert not western_numbers
    assert any(ARABIC_INDIC.search(w) for w in arabic)
    assert not [w for w in english if ARABIC_INDIC.search(w)]
    # Latin codes inside Arabic keep their digits: "CASA-1000".
    assert any("CASA-1000" in w or "1000-CASA" in w for w in arabic)


def test_western_digits_for_arabic_is_a_setting(tmp_path):
    summary = read_summary(SAMPLES / "visit-long.yaml")
    path, _ = pdf_of(tmp_path, summary, typography=Typography(arabic_digits="western"))
    pages = pdf_pages(path)
    assert not [w.text for p in pages for w in p.words if ARABIC_INDIC.search(w.text)]  # footer included


def test_a_due_date_is_printed_once_and_what_else_it_says_stays(tmp_path):
    summary = read_summary(SAMPLES / "visit-long.yaml")  # due 2027-03-16, written "16 March 2027, Kuwait City"
    path, _ = pdf_of(tmp_path, summary, layout="stacked", languages=("en",))
    text = " ".join(pdf_text(path).split())  # split() also splits at the no-break spaces inside dates
    assert text.count("16 March 2027") == 2  # once for each of the two follow-ups due that day
    assert "16 March 2027 (8 Shawwal 1448 AH) — Kuwait City" in text


# -- 7. isolated codes ----------------------------------------------------------------

@pytest.mark.parametrize("layout", ["parallel", "stacked"])
def test_file_name_starting_with_a_digit_reads_left_to_right(tmp_path, layout):
    summary = with_file(read_summary(SEED), "7-04-08-2015.txt")
    path, _ = pdf_of(tmp_path, summary, layout=layout)
    words = [w.text for p in pdf_pages(path) for w in p.words]
    assert words.count("7-04-08-2015.txt") == 2, [w for w in words if "txt" in w]


# -- 10. bilingual markings -----------------------------------------------------------

def test_classification_is_marked_in_both_languages_at_top_and_foot(tmp_path):
    summary = read_summary(SEED).model_copy(update={"classification": "RESTRICTED"})
    path, _ = pdf_of(tmp_path, summary)
    for page in pdf_pages(path):
        top = [w.text for w in page.words if w.y1 < MARGIN]
        foot = [w.text for w in page.words if w.y0 > page.height - MARGIN]
        for zone in (top, foot):
            assert "RESTRICTED" in zone and ("مقيد" in zone or "مقيد"[::-1] in zone), zone
        assert [w.text for w in body(page)].count("RESTRICTED") == 0


def marked_in_both_languages(words: list[str]) -> bool:
    return "RESTRICTED" in words and ("مقيد" in words or "مقيد"[::-1] in words)


def assert_every_page_marked(path: Path) -> list[Page]:
    """Every page carries «مقيد / RESTRICTED» at its top and foot; return the pages."""
    pages = pdf_pages(path)
    for number, page in enumerate(pages, 1):
        top = [w.text for w in page.words if w.y1 < MARGIN]
        foot = [w.text for w in page.words if w.y0 > page.height - MARGIN]
        assert marked_in_both_languages(top) and marked_in_both_languages(foot), (number, top, foot)
    return pages


def test_every_page_of_a_pack_is_marked_in_both_languages(tmp_path):
    """Cover, contents, overview, notes (one without a level of its own) and annexes: the pack's marking, as its notes'."""
    from briefing.assemble.collection import assemble_pack
    from briefing.render.collection import pack_view, render_pack_pdf

    opts = RenderOptions()
    summaries = [read_summary(SEED), read_summary(SAMPLES / "phone-call-en.yaml")]  # RESTRICTED, and none
    assert [s.classification for s in summaries] == [None, "RESTRICTED"]
    path = tmp_path / "pack.pdf"
    path.write_bytes(render_pack_pdf(pack_view(assemble_pack(summaries), opts, overview=True), opts))
    pages = assert_every_page_marked(path)
    cover = [w.text for w in body(pages[0])]
    assert marked_in_both_languages(cover), cover  # the cover's own line
    assert "Classification" not in cover


def test_every_page_of_a_digest_is_marked_in_both_languages(tmp_path):
    from briefing.assemble.collection import assemble_digest
    from briefing.render.collection import digest_view, render_digest_pdf

    opts = RenderOptions(classification="restricted")  # any case, as in the configuration
    summary = read_summary(SAMPLES / "visit-long.yaml")
    day = summary.event.date
    digest = assemble_digest([summary], ((), ()), (), start=day, end=day)
    path = tmp_path / "digest.pdf"
    path.write_bytes(render_digest_pdf(digest_view(digest, opts), opts))
    pages = assert_every_page_marked(path)
    first = [w.text for w in pages[0].words if w.y1 < MARGIN]
    assert first.count("RESTRICTED") == 1, first  # once above the heading, not again in it
    assert "RESTRICTED" not in [w.text for w in body(pages[0])]


# -- the same in the HTML (read through its DOM) ---------------------------------------

def text_by_language(page: str) -> dict[str, list[str]]:
    """Return the text nodes of an HTML note by the language they are shown in (untranslated originals and links left out)."""
    from lxml import html

    root = html.fromstring(page)
    found: dict[str, list[str]] = {"ar": [], "en": []}
    for element in root.iter():
        if not isinstance(element.tag, str) or element.tag in ("style", "script", "a") or "original" in element.get("class", ""):
            continue
        lang = next((e.get("lang") for e in element.iterancestors() if e.get("lang")), None) if not element.get("lang") else element.get("lang")
        for text in (element.text, *(child.tail for child in element)):
            if text and text.strip():
                found[lang].append(text)
    return found


@pytest.mark.parametrize("digits", ["arabic-indic", "western"])
def test_html_shows_one_digit_system_per_language(digits):
    from briefing.render.html import render_html

    opts = RenderOptions(typography=Typography(arabic_digits=digits))
    summary = with_file(read_summary(SAMPLES / "visit-long.yaml"), "7-04-08-2015.txt")
    page = render_html(prepare_note(summary, opts), opts)
    texts = text_by_language(page)
    arabic = [re.sub("\u2066[^\u2069]*\u2069", "", t) for t in texts["ar"]]  # isolated codes keep their digits
    # Western digits in Arabic only right after a Latin word ("CASA-1000", "500 kV" is Latin-led: "kV" follows)
    strays = [t for t in arabic if re.search(r"(?<![A-Za-z\-])(?<![A-Za-z]-)\b[0-9]+", t) and not re.search(r"[A-Za-z]-?[0-9]", t)]
    if digits == "arabic-indic":
        assert not strays, strays[:5]
        assert any(ARABIC_INDIC.search(t) for t in arabic)
    else:
        assert not [t for t in arabic if ARABIC_INDIC.search(t)]
    assert not [t for t in texts["en"] if ARABIC_INDIC.search(t)]
    # the file name in the Arabic column: isolated left to right, and set as Latin text
    assert page.count('<bdi class="code" dir="ltr" lang="en">\u20667-04-08-2015.txt\u2069</bdi>') == 1


# -- 6. copying Arabic out of the PDF (partly: poppler orders lines by the page's main direction) --

def test_pdftotext_gives_labelled_arabic_lines_in_logical_order_on_arabic_pages(tmp_path):
    path, _ = pdf_of(tmp_path, read_summary(SAMPLES / "phone-call-en.yaml"), layout="stacked", languages=("ar",))
    lines = [normalise_words(line) for line in pdf_text(path).splitlines()]  # words in order (the colon may move)
    assert normalise_words("نوع الحدث: اتصال هاتفي") in lines
    assert normalise_words("المرجع: BN-2026/118") in lines
