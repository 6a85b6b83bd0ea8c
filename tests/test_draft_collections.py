"""DRAFT / مسودة in packs and digests: a pack's note from an unreviewed summary is marked on each of its pages in
PDF, DOCX (LibreOffice) and HTML, its contents line is tagged and the cover counts the drafts; a digest tags the lines
of unreviewed events and says how many there are; nothing of it once every summary is reviewed."""

from __future__ import annotations

import re
import subprocess
import zipfile

import pytest
from lxml import html as lxml_html

from briefing.summary.model import parse_summary
from pdftools import require
from support import SAMPLES, run_cli

CONFIG = str(SAMPLES / "briefing.toml")
REVIEWED_LINE = re.compile(r"\breviewed: \{by: [^}]*\}\n")
BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# The samples' English titles in pack order; the second (several pages long) is made a draft.
TITLES = ("Telephone call between the UK Foreign", "Official visit of the Minister of", "Meeting of the President of Tajikistan")
DRAFT_NOTE = 1  # index in TITLES
COVER_EN = "Draft notes, not yet reviewed: 1 of 3"
COVER_AR = "مذكرات مسودة لم تُراجع بعد: ١ من أصل ٣"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    """The three samples as shipped (reviewed), and the same with the long visit's `reviewed` line taken out."""
    folder = tmp_path_factory.mktemp("inputs")
    reviewed = sorted(SAMPLES.glob("*.yaml"))
    drafted = []
    for path in reviewed:
        text = path.read_text(encoding="utf-8")
        if path.stem == "visit-long":
            text = REVIEWED_LINE.sub("", text)
            assert "reviewed:" not in text
        (folder / path.name).write_text(text, encoding="utf-8")
        drafted.append(str(folder / path.name))
    return {"reviewed": [str(p) for p in reviewed], "draft": drafted}


def _pack(tmp_path, files, name):
    out = tmp_path / name
    result = run_cli("pack", *files, "-o", str(out), "--config", CONFIG)
    assert result.returncode == 0, result.stderr.decode()
    return out


def _pages(pdf) -> list[str]:
    """Return the text of each page, bidi controls taken out."""
    text = subprocess.run([require("pdftotext"), "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [BIDI.sub("", page) for page in text.split("\f")[:-1]]


def _bare(text: str) -> str:
    """Return text without Arabic short vowels and colons (pdftotext moves a vowel before its letter)."""
    return re.sub("[\u064b-\u065f:]", "", text)


def _latin(text: str) -> str:
    return " ".join(re.findall(r"[A-Za-z]+", text))


def _note_pages(pages: list[str], first: str) -> list[range]:
    """Return the pages (0-based) of each note: from the page its title first shows after the contents to the next note's."""
    starts = [next(n for n, text in enumerate(pages) if n > 1 and title in _latin(text)) for title in TITLES]
    annexes = next(n for n, text in enumerate(pages) if first in text)
    ends = starts[1:] + [annexes]
    return [range(s, e) for s, e in zip(starts, ends)]


def _marked(page: str) -> bool:
    return "DRAFT" in page or "مسودة" in page


@pytest.fixture(scope="module")
def draft_pdf(inputs, tmp_path_factory):
    return _pack(tmp_path_factory.mktemp("pdf"), inputs["draft"], "pack.pdf")


def test_every_pdf_page_of_the_draft_note_is_marked_and_no_other_note_page(draft_pdf):
    pages = _pages(draft_pdf)
    notes = _note_pages(pages, "Annex A")
    assert len(notes[DRAFT_NOTE]) >= 3
    for number, pages_of_note in enumerate(notes):
        for n in pages_of_note:
            if number == DRAFT_NOTE:
                assert "DRAFT" in pages[n] and "مسودة" in pages[n], f"page {n + 1} of the draft note is not marked"
            else:
                assert not _marked(pages[n]), f"page {n + 1} of a reviewed note is marked"
    assert not any(_marked(page) for page in pages[notes[-1].stop:])  # the annexes


def test_the_pdf_cover_counts_the_drafts_and_the_contents_tag_the_draft(draft_pdf):
    pages = _pages(draft_pdf)
    cover = " ".join(pages[0].split())
    assert COVER_EN in cover
    assert all(word in _bare(pages[0]) for word in _bare(COVER_AR).split())  # the Arabic line (pdftotext reorders its words)
    contents = [line for line in pages[1].splitlines() if line.strip()]
    assert any(line.startswith("DRAFT " + TITLES[DRAFT_NOTE][:20]) for line in contents), contents
    assert sum("DRAFT" in line for line in contents) == 1 and sum("مسودة" in line for line in contents) == 1


def test_a_pack_of_reviewed_notes_has_no_mark(inputs, tmp_path):
    pages = _pages(_pack(tmp_path, inputs["reviewed"], "pack.pdf"))
    assert not any(_marked(page) or "not yet reviewed" in page for page in pages)
    html = _pack(tmp_path, inputs["reviewed"], "pack.html").read_text(encoding="utf-8")
    body = lxml_html.fromstring(html).body
    assert not body.xpath('//*[@class="draft-mark" or @class="draft-tag" or @class="draft-notice" or contains(@class, " draft")]')
    assert "مسودة" not in html and "DRAFT" not in body.text_content() and "@page draft" not in html
    with zipfile.ZipFile(_pack(tmp_path, inputs["reviewed"], "pack.docx")) as docx:
        parts = {name: docx.read(name).decode() for name in docx.namelist() if name.startswith("word/") and name.endswith(".xml")}
    assert not any("DRAFT" in xml or "مسودة" in xml for xml in parts.values())
    assert "<w:sectPr" in parts["word/document.xml"] and parts["word/document.xml"].count("<w:sectPr") == 1  # one section


def test_the_pack_html_marks_the_draft_note_block(inputs, tmp_path):
    html = _pack(tmp_path, inputs["draft"], "pack.html").read_text(encoding="utf-8")
    page = lxml_html.fromstring(html)
    notes = page.xpath('//section[contains(concat(" ", @class, " "), " pack-note ")]')
    assert [n.get("class") for n in notes] == ["pack-note", "pack-note draft", "pack-note"]
    banner = notes[DRAFT_NOTE].xpath('./div[@class="draft-mark"]')
    assert banner and [(s.get("lang"), s.text) for s in banner[0]] == [("ar", "مسودة"), ("en", "DRAFT")]
    assert not any(n.xpath('.//*[@class="draft-mark"]') for i, n in enumerate(notes) if i != DRAFT_NOTE)
    tags = page.xpath('//nav[@id="contents"]//span[@class="draft-tag"]')
    assert sorted(t.text for t in tags) == ["DRAFT", "مسودة"]
    assert all(TITLES[DRAFT_NOTE] in " ".join(t.xpath("ancestor::tr")[0].text_content().split()) for t in tags)  # the draft's row
    notices = [" ".join(p.text_content().split()) for p in page.xpath('//p[@class="draft-notice"]')]
    assert notices == [COVER_EN, COVER_AR]


def test_a_draft_pack_is_the_same_on_rerun(inputs, tmp_path):
    for name in ("pack.docx", "pack.html"):
        first = _pack(tmp_path / "a", inputs["draft"], name).read_bytes()
        assert _pack(tmp_path / "b", inputs["draft"], name).read_bytes() == first, name


def test_the_pack_docx_heads_the_draft_notes_section_with_the_mark(inputs, tmp_path):
    with zipfile.ZipFile(_pack(tmp_path, inputs["draft"], "pack.docx")) as docx:
        document = docx.read("word/document.xml").decode()
        headers = {name: docx.read(name).decode() for name in docx.namelist() if re.fullmatch(r"word/header\d+\.xml", name)}
    assert document.count("<w:sectPr") == 3  # cover to note 1, note 2 (the draft), note 3 to the annexes
    marked = [name for name, xml in headers.items() if "DRAFT" in xml]
    assert len(marked) == 1 and "مسودة" in headers[marked[0]]
    assert "RESTRICTED" in headers[marked[0]] and all("RESTRICTED" in xml for xml in headers.values())


@pytest.mark.slow
def test_every_libreoffice_page_of_the_draft_note_in_the_pack_docx_is_marked(inputs, tmp_path):
    soffice = require("soffice")
    docx = _pack(tmp_path, inputs["draft"], "pack.docx")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--convert-to", "pdf",
                    "--outdir", str(tmp_path / "lo"), str(docx)], capture_output=True, timeout=240, check=True)
    pages = _pages(tmp_path / "lo" / "pack.pdf")
    starts = [next(n for n, text in enumerate(pages) if f"Note {k}" in text) for k in (1, 2, 3)]
    annexes = next(n for n, text in enumerate(pages) if "Annex A: Index of participants" in text)
    draft = range(starts[DRAFT_NOTE], starts[DRAFT_NOTE + 1])
    assert len(draft) >= 3 and all("DRAFT" in pages[n] and "مسودة" in pages[n] for n in draft)
    assert not any(_marked(pages[n]) for n in [*range(starts[0], starts[1]), *range(starts[2], len(pages))])
    assert annexes > starts[2]
    assert COVER_EN in " ".join(pages[0].split())


# -- digests -----------------------------------------------------------------------

WEEK = "2026-W48"


def _summary(date, title, people, *, reviewed):
    data = {
        "format": 1, "language": "en", "event": {"type": "meeting", "date": date, "title": title},
        "participants": [{"id": i, "name": {"en": i.title(), "ar": ar}, "country": c, "side": s} for i, ar, c, s in people],
    }
    if reviewed:
        data["reviewed"] = {"by": "A. Editor", "on": "2026-11-28"}
    return parse_summary(data)


def _archive(path, *, all_reviewed: bool):
    from briefing.archive.store import open_archive

    summaries = [
        _summary("2026-11-24", {"en": "Talks in Dushanbe", "ar": "مباحثات في دوشنبه"},
                 (("rahmon", "رحمان", "TJ", "host"), ("putin", "بوتين", "RU", "guest")), reviewed=True),
        _summary("2026-11-26", {"en": "Meeting in Muscat", "ar": "لقاء في مسقط"},
                 (("albusaidi", "البوسعيدي", "OM", "host"), ("lammy", "لامي", "GB", "guest")), reviewed=all_reviewed),
    ]
    with open_archive(f"sqlite:///{path}") as store:
        for s in summaries:
            store.add_summary(s)
    return path


def _digest(tmp_path, *, all_reviewed: bool):
    archive = _archive(tmp_path / "archive.sqlite", all_reviewed=all_reviewed)
    out = tmp_path / "out"
    result = run_cli("digest", "--archive", str(archive), "-o", str(out), "--week", WEEK)
    assert result.returncode == 0, result.stderr.decode()
    return {fmt: out / f"digest-{WEEK}.{fmt}" for fmt in ("pdf", "docx", "html")}


def test_a_digest_tags_the_unreviewed_event_and_counts_it_in_its_header(tmp_path):
    files = _digest(tmp_path, all_reviewed=False)
    page = lxml_html.fromstring(files["html"].read_text(encoding="utf-8"))
    notices = [" ".join(p.text_content().split()) for p in page.xpath('//p[@class="draft-notice"]')]
    assert notices == ["Events from summaries not yet reviewed (draft): 1 of 2", "أحداث من ملخصات لم تُراجع بعد (مسودة): ١ من أصل ٢"]
    items = [" ".join(i.text_content().split()) for i in page.xpath('//table[contains(@class, "section-events")]//div[@class="item"]')]
    assert "1. 24 November 2026: Talks in Dushanbe." in items[0] and "DRAFT" not in items[0]
    assert items[2].startswith("2. DRAFT 26 November 2026: Meeting in Muscat.")
    assert items[3].startswith("٢. مسودة ") and "لقاء في مسقط" in items[3] and "مسودة" not in items[1]
    text = " ".join(_pages(files["pdf"])[0].split())
    assert "Events from summaries not yet reviewed (draft): 1 of 2" in text and "DRAFT 26 November 2026: Meeting in Muscat." in text
    assert text.count("DRAFT") == 1  # the event's line; a digest's pages carry no running mark
    with zipfile.ZipFile(files["docx"]) as docx:
        words = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", docx.read("word/document.xml").decode()))
    assert "Events from summaries not yet reviewed (draft): 1 of 2" in words
    assert "DRAFT 26 November 2026: Meeting in Muscat." in words and "مسودة" in words
    assert "DRAFT 24 November" not in words


def test_a_digest_of_reviewed_events_has_no_mark(tmp_path):
    files = _digest(tmp_path, all_reviewed=True)
    html = files["html"].read_text(encoding="utf-8")
    body = lxml_html.fromstring(html).body
    assert not body.xpath('//*[@class="draft-tag" or @class="draft-notice"]')
    assert "مسودة" not in html and "DRAFT" not in body.text_content()
    assert not any(_marked(page) or "not yet reviewed" in page for page in _pages(files["pdf"]))
    with zipfile.ZipFile(files["docx"]) as docx:
        assert not any("DRAFT" in docx.read(n).decode() for n in docx.namelist() if n.endswith(".xml"))
