"""`briefing pack`: the pack laid out by Typst (the default engine), checked with poppler and pypdf as the WeasyPrint pack is."""

from __future__ import annotations

import re
import subprocess

import pytest

from pdftools import SAMPLE_TITLES, SHIPPED_FACES, index_annex, note_starts, page_texts, pdf_fonts, pdf_text, require
from support import SAMPLES, run_cli

pytest.importorskip("typst")

CONFIG = str(SAMPLES / "briefing.toml")
SPECIAL = r"#x $y$ *b* _e_ @ref <lbl> `c` \n [br] // /* «q»"


def _samples() -> list[str]:
    return [str(p) for p in sorted(SAMPLES.glob("*.yaml"))]


def _pack(out, *extra: str, inputs: list[str] | None = None):
    result = run_cli("pack", *(inputs or _samples()), "-o", str(out), "--config", CONFIG, "--title", "Central Asia file",
                     "--engine", "typst", *extra)
    assert result.returncode == 0, result.stderr.decode()
    return out


@pytest.fixture(scope="module")
def pack_pdf(tmp_path_factory):
    return _pack(tmp_path_factory.mktemp("typst") / "pack.pdf")


def test_typst_pack_embeds_each_shipped_face_once_as_a_subset(pack_pdf):
    fonts = pdf_fonts(pack_pdf)
    assert {f.face for f in fonts} == SHIPPED_FACES, fonts
    assert all(f.embedded and f.subset for f in fonts)
    assert len(fonts) == len(SHIPPED_FACES)


def test_typst_pack_is_tagged_with_the_pack_title(pack_pdf):
    info = subprocess.run([require("pdfinfo"), str(pack_pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    assert re.search(r"^Title:\s+Central Asia file$", info, re.MULTILINE), info


def test_typst_pack_cover_contents_and_page_numbers(pack_pdf):
    pages = page_texts(pack_pdf)
    assert pages[0].count("Central Asia file") == 2 and "Contents" not in pages[0] and "RESTRICTED" in pages[0]
    assert "Contents" in pages[1] and "المحتويات" in pages[1]
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text
        assert "RESTRICTED" in text  # the pack's marking on every page


def test_typst_pack_contents_give_the_page_each_note_starts_on(pack_pdf):
    pages = page_texts(pack_pdf)
    starts = note_starts(pages)
    assert sorted(starts.values()) == list(starts.values()) and starts["phone-call-en"] == 3
    annexes = next(n for n, text in enumerate(pages, 1) if "Annex A: Index of participants" in text)
    layout = page_texts(pack_pdf, layout=True)[1]  # one line per contents row: number, titles, page
    for key, title in SAMPLE_TITLES.items():
        row = next(line for line in layout.splitlines() if " ".join(title.split()[:3]) in line)
        assert int(re.search(r"(\d+)\s*$", row)[1]) == starts[key], row
    annex_row = next(line for line in layout.splitlines() if "Annexes" in line)
    assert int(re.search(r"(\d+)\s*$", annex_row)[1]) == annexes, annex_row


HEADINGS = {"Event": "الحدث", "Participants": "المشاركون", "Agenda": "جدول الأعمال", "Positions stated": "المواقف المعلنة",
            "Follow-ups": "المتابعات", "Context": "السياق", "Source": "المصدر"}


def test_typst_pack_repeats_a_sections_heading_on_each_page_it_runs_onto(pack_pdf):
    pages = page_texts(pack_pdf, layout=True)
    starts = sorted(note_starts(page_texts(pack_pdf)).values())
    annexes = next(n for n, text in enumerate(pages, 1) if "Annex A: Index of participants" in text)
    continued = [n for n in range(starts[0], annexes) if n not in starts]  # a note's second and later pages
    assert len(continued) >= 3, continued
    for n in continued:
        lines = [line for line in pages[n - 1].splitlines() if line.strip() and "RESTRICTED" not in line]
        english = lines[0].split("  ")[0].strip()
        assert english in HEADINGS and HEADINGS[english] in lines[0], f"page {n} starts with {lines[0]!r}"


def test_typst_pack_index_gives_note_and_page(pack_pdf):
    index_annex(pack_pdf)


def test_typst_pack_outline_has_every_part_in_both_languages(pack_pdf):
    from pypdf import PdfReader

    reader = PdfReader(pack_pdf)
    starts = note_starts(page_texts(pack_pdf))
    top = [item for item in reader.outline if not isinstance(item, list)]
    children = next(item for item in reader.outline if isinstance(item, list))
    titles = [item.title for item in top]
    assert len(top) == 1 + 1 + len(SAMPLE_TITLES) + 1, titles  # cover, contents, notes, annexes
    assert titles[0] == "Central Asia file"  # the same name on both sides, said once
    assert titles[1] == "المحتويات / Contents" and titles[-1] == "الملاحق / Annexes"
    for item, (key, title) in zip(top[2:], SAMPLE_TITLES.items()):
        assert title in item.title and re.search(r"[\u0600-\u06ff]", item.title), item.title
        assert reader.get_destination_page_number(item) + 1 == starts[key]
    assert [c.title for c in children] == ["الملحق أ: فهرس المشاركين / Annex A: Index of participants",
                                           "الملحق ب: المتابعات المفتوحة / Annex B: Open follow-ups"]
    text = pdf_text(pack_pdf)
    assert "/ Annex" not in text and "/ Contents" not in text  # the outline's labels are not printed on the pages


def test_typst_pack_is_the_same_bytes_on_rerun(pack_pdf, tmp_path):
    again = _pack(tmp_path / "again.pdf", "--workers", "2")
    assert again.read_bytes() == pack_pdf.read_bytes()


def test_typst_pack_arabic_is_extractable_in_reading_order(pack_pdf):
    text = pdf_text(pack_pdf)
    for phrase in ("اتصال هاتفي بين وزيرة خارجية", "فهرس المشاركين", "المتابعات المفتوحة"):
        assert phrase in text, phrase


@pytest.mark.parametrize(("variant", "pattern"), [("pdf/a-3u", r"pdfaid:part>3<.*pdfaid:conformance>U<"), ("pdf/ua-1", r"pdfuaid:part>1<")])
def test_typst_pack_pdf_variants_declare_themselves(tmp_path, variant, pattern):
    """veraPDF is not packaged for Debian: Typst checks the standard's rules while writing, and we check what it declares."""
    from pypdf import PdfReader

    out = _pack(tmp_path / "pack.pdf", "--pdf-variant", variant)
    reader = PdfReader(out)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(pattern, xmp, re.DOTALL), xmp[:400]
    assert "/StructTreeRoot" in reader.trailer["/Root"]
    if variant == "pdf/a-3u":
        assert "/OutputIntents" in reader.trailer["/Root"]
    assert all(f.embedded for f in pdf_fonts(out))


def test_typst_pack_refuses_an_unknown_engine_and_other_documents(tmp_path):
    bad = run_cli("pack", *_samples(), "-o", str(tmp_path / "x.pdf"), "--engine", "tex")
    assert bad.returncode == 2 and b"--engine" in bad.stderr and not (tmp_path / "x.pdf").exists()


def test_typst_pack_marks_the_pages_of_an_unreviewed_note_as_a_draft(tmp_path):
    text = (SAMPLES / "visit-long.yaml").read_text(encoding="utf-8")
    draft = tmp_path / "visit-long.yaml"
    draft.write_text(re.sub(r"(?m)^reviewed:.*\n", "", text), encoding="utf-8")
    out = _pack(tmp_path / "pack.pdf", inputs=[str(SAMPLES / "phone-call-en.yaml"), str(draft), str(SAMPLES / "summary.yaml")])
    pages = page_texts(out)
    starts = note_starts(pages)
    marked = [n for n, text in enumerate(pages, 1) if re.search(r"^DRAFT$", text, re.MULTILINE) and "مسودة" in text]
    assert marked == list(range(starts["visit-long"], starts["summary"])), (marked, starts)
    assert "Draft notes, not yet reviewed: 1 of 3" in pages[0]


def test_typst_markup_in_names_and_text_is_printed_as_written(tmp_path):
    text = (SAMPLES / "phone-call-en.yaml").read_text(encoding="utf-8")
    text = text.replace("name: {en: Eleanor Hartley,", f"name: {{en: '{SPECIAL} Hartley',")
    title = "Telephone call between the UK Foreign Secretary and the Foreign Minister of Oman"
    text = text.replace(f"en: {title}", f"en: '{SPECIAL} {title}'", 1)
    source = tmp_path / "phone-call-en.yaml"
    source.write_text(text, encoding="utf-8")
    out = _pack(tmp_path / "pack.pdf", inputs=[str(source)])
    extracted = " ".join(pdf_text(out).split())
    assert extracted.count(f"{SPECIAL} Hartley") >= 2, extracted[:3000]  # the name in the note and in the index
    assert extracted.count(SPECIAL) >= 3, extracted[:3000]  # and the title, at least once


def test_typst_string_escapes_every_markup_character():
    from briefing.render.typst_pdf import as_content, typst_string, with_codes

    assert typst_string('a"b\\c\nd\x01') == '"a\\"b\\\\c\\nd\\u{1}"'
    for char in "#$*_@<>`[]~=-+/'":
        assert typst_string(char) == f'"{char}"'  # inside a string literal no markup character means anything
    assert as_content("#set page(width: 1pt)") == '#"#set page(width: 1pt)";'
    assert with_codes("الملف \u2066a_b.txt\u2069") == '#"الملف ";#code("\u2066a_b.txt\u2069");'


def test_typst_string_makes_typst_print_the_characters(tmp_path):
    import typst

    from briefing.render.typst_pdf import as_content

    source = tmp_path / "t.typ"
    source.write_text(f"{as_content(SPECIAL)}.len() {as_content('x')}(1)", encoding="utf-8")
    (tmp_path / "t.pdf").write_bytes(typst.compile(str(source)))
    assert pdf_text(tmp_path / "t.pdf").split() == [*SPECIAL.split()[:-1], "«q».len()", "x(1)"]


def _producer(pdf) -> str:
    from pypdf import PdfReader

    info = PdfReader(pdf).metadata or {}
    return f"{info.get('/Producer', '')} {info.get('/Creator', '')}"


def test_typst_lays_out_packs_unless_the_config_or_the_option_says_weasyprint(tmp_path):
    assert run_cli("pack", *_samples(), "-o", "default.pdf", cwd=tmp_path).returncode == 0
    assert "Typst" in _producer(tmp_path / "default.pdf")
    (tmp_path / "briefing.toml").write_text('engine = "weasyprint"\n', encoding="utf-8")
    assert run_cli("pack", *_samples(), "-o", "weasy.pdf", cwd=tmp_path).returncode == 0
    assert "WeasyPrint" in _producer(tmp_path / "weasy.pdf")
    assert run_cli("pack", *_samples(), "-o", "pack.pdf", "--engine", "typst", cwd=tmp_path).returncode == 0
    assert "Typst" in _producer(tmp_path / "pack.pdf")
    note = run_cli("note", _samples()[0], "-o", "notes", "--format", "pdf", cwd=tmp_path)  # notes: WeasyPrint, whatever the engine
    assert note.returncode == 0, note.stderr.decode()
    assert "WeasyPrint" in _producer(next((tmp_path / "notes").glob("*.pdf")))
    (tmp_path / "briefing.toml").write_text('layout = "parallel"\nengine = "tex"\n', encoding="utf-8")
    bad = run_cli("pack", *_samples(), "-o", "bad.pdf", cwd=tmp_path)
    assert bad.returncode == 2 and b"briefing.toml:2" in bad.stderr and b"typst" in bad.stderr, bad.stderr
    assert not (tmp_path / "bad.pdf").exists()
