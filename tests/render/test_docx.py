"""The DOCX note as Word sees it: direction, styles, tables, footer fields, fonts, determinism."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from functools import cache

import pytest
from lxml import etree

from briefing.read.summaries import read_summary
from briefing.render import _ooxml as ox
from briefing.render.docx import render_docx, render_docx_document, segment_directions
from briefing.render.options import RenderOptions, creation_time, prepare_note
from golden import check_golden
from support import ROOT, SAMPLES, SEED

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
ARABIC = re.compile(r"[\u0600-\u06FF]")


@cache
def rendered(sample: str = "summary.yaml", layout: str = "parallel", languages: tuple[str, ...] = ("ar", "en")) -> bytes:
    opts = RenderOptions(layout=layout, languages=languages)
    return render_docx(prepare_note(read_summary(SAMPLES / sample), opts), opts)


def part(data: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read(name))


def names(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.namelist()


def text_of(element: etree._Element) -> str:
    return "".join(t.text or "" for t in element.iter(f"{W}t"))


def paragraphs(data: bytes):
    return part(data, "word/document.xml").iter(f"{W}p")


def test_arabic_paragraphs_are_rtl_and_their_arabic_runs_complex_script():
    checked = 0
    for p in paragraphs(rendered()):
        text = text_of(p)
        first = re.search(r"[A-Za-z\u0600-\u06FF]", text)
        if not first or not ARABIC.match(first.group()):
            continue  # an English paragraph (maybe quoting Arabic) is checked elsewhere
        checked += 1
        assert p.find(f"{W}pPr/{W}bidi") is not None, text
        for r in p.iter(f"{W}r"):
            if ARABIC.search(text_of(r)):
                assert r.find(f"{W}rPr/{W}rtl") is not None, text_of(r)
                assert r.find(f"{W}rPr/{W}lang").get(f"{W}bidi") == "ar-SA"
    assert checked > 30


def test_english_paragraphs_are_ltr_and_in_english():
    for p in paragraphs(rendered("phone-call-en.yaml")):
        runs = list(p.iter(f"{W}r"))
        if runs and all(not ARABIC.search(text_of(r)) for r in runs) and re.search("[A-Za-z]{3}", text_of(p)):
            if p.find(f"{W}pPr/{W}bidi") is not None:
                continue  # an Arabic paragraph showing the English side of a pending translation
            for r in runs:
                assert r.find(f"{W}rPr/{W}rtl") is None
                lang = r.find(f"{W}rPr/{W}lang")
                assert lang is None or lang.get(f"{W}val") == "en-GB"


def test_latin_words_inside_arabic_are_left_to_right_runs():
    assert segment_directions("مشروع CASA-1000 لنقل", True) == [("مشروع ", True), ("CASA-1000", False), (" لنقل", True)]
    assert segment_directions("as written: “اليوم”)", False) == [("as written: “", False), ("اليوم", True), ("”)", False)]


def test_text_in_the_paragraphs_direction_is_one_run_whatever_its_neutrals():
    assert segment_directions("(اجتماع ١٢، «الرياض») - 2024", True) == [("(اجتماع ١٢، «الرياض») - 2024", True)]
    assert segment_directions("(talks, 12 May) - “Riyadh”", False) == [("(talks, 12 May) - “Riyadh”", False)]
    assert segment_directions("", True) == []


def test_tables_with_arabic_are_laid_out_right_to_left():
    tables = list(part(rendered(), "word/document.xml").iter(f"{W}tbl"))
    assert len(tables) >= 8
    for tbl in tables:
        if ARABIC.search(text_of(tbl)):
            assert tbl.find(f"{W}tblPr/{W}bidiVisual") is not None
    stacked = part(rendered(layout="stacked", languages=("en",)), "word/document.xml")
    assert all(t.find(f"{W}tblPr/{W}bidiVisual") is None for t in stacked.iter(f"{W}tbl"))


def test_data_tables_use_the_table_style_and_repeat_their_header_row():
    doc = part(rendered("visit-long.yaml", "stacked"), "word/document.xml")
    data = [t for t in doc.iter(f"{W}tbl") if t.find(f"{W}tblPr/{W}tblStyle").get(f"{W}val") == "BriefingTable"]
    headed = [t for t in data if t.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None]
    assert len(headed) == 4  # participants and follow-ups, in each language
    participants = max(headed, key=lambda t: len(t.findall(f"{W}tr")))
    assert len(participants.findall(f"{W}tr")) == 21


def test_parallel_participants_are_two_columns_not_eight():
    """Eight narrow columns broke names mid-word ("Abdulrahma|n"): each side gets half the page."""
    doc = part(rendered("visit-long.yaml"), "word/document.xml")
    widest = max(len(t.findall(f"{W}tblGrid/{W}gridCol")) for t in doc.iter(f"{W}tbl"))
    assert widest <= 4  # the facts table: label and value on each side
    rows = [tr for tr in doc.iter(f"{W}tr") if "Abdulaziz Nasser Al-Mutairi" in text_of(tr) and "Country" in text_of(tr)]
    assert len(rows) == 1 and "عبدالعزيز ناصر المطيري" in text_of(rows[0])
    assert len(rows[0].findall(f"{W}tc")) == 2


def test_real_word_styles_carry_the_fonts():
    data = rendered()
    styles = part(data, "word/styles.xml")
    used = {s.get(f"{W}val") for s in part(data, "word/document.xml").iter(f"{W}pStyle")}
    assert {"Title", "Heading1", "Heading2", "ListNumber", "ListBullet"} <= used
    by_id = {s.get(f"{W}styleId"): s for s in styles.iter(f"{W}style")}
    for style_id in ("Title", "Heading1", "Heading2"):
        fonts = by_id[style_id].find(f"{W}rPr/{W}rFonts")
        assert fonts.get(f"{W}cs") == "Noto Naskh Arabic" and fonts.get(f"{W}ascii") == "Noto Serif"
        assert by_id[style_id].find(f"{W}rPr/{W}bCs") is not None
    assert by_id["BriefingTable"].get(f"{W}type") == "table"
    defaults = styles.find(f"{W}docDefaults")
    assert defaults.find(f".//{W}kern").get(f"{W}val") == "2"
    spacing = defaults.find(f".//{W}spacing")
    assert (spacing.get(f"{W}after"), spacing.get(f"{W}line")) == ("80", "240")
    assert defaults.find(f".//{W}rFonts").get(f"{W}cs") == "Noto Naskh Arabic"


def test_every_inserted_element_is_in_schema_order():
    orders = {"pPr": ox.PPR_ORDER, "rPr": ox.RPR_ORDER, "tblPr": ox.TBLPR_ORDER, "trPr": ox.TRPR_ORDER, "settings": ox.SETTINGS_ORDER}
    data = rendered("phone-call-en.yaml")
    checked = 0
    for name in ("word/document.xml", "word/styles.xml", "word/settings.xml", "word/footer1.xml", "word/numbering.xml"):
        for element in part(data, name).iter(*(f"{W}{tag}" for tag in orders)):
            rank = [f"{W}{t[2:]}" for t in orders[etree.QName(element).localname]]
            positions = [rank.index(c.tag) for c in element if c.tag in rank]
            assert positions == sorted(positions), (name, [etree.QName(c).localname for c in element])
            checked += 1
    assert checked > 200


def test_footer_has_page_x_of_y_fields_in_both_languages():
    data = rendered("phone-call-en.yaml")
    footer = part(data, "word/footer1.xml")
    instructions = [t.text.strip() for t in footer.iter(f"{W}instrText")]
    assert instructions == ["PAGE \\* HINDIARABIC", "NUMPAGES \\* HINDIARABIC", "PAGE", "NUMPAGES"]
    text = text_of(footer)
    assert "صفحة" in text and "Page" in text and "RESTRICTED" in text
    assert "RESTRICTED" in text_of(part(data, "word/header1.xml"))


def test_lists_restart_for_each_language():
    data = rendered()
    doc, numbering = part(data, "word/document.xml"), part(data, "word/numbering.xml")
    agenda = [p for p in doc.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle[@{W}val='ListNumber']") is not None]
    ids = {p.find(f".//{W}numId").get(f"{W}val") for p in agenda}
    assert len(agenda) == 24 and len(ids) == 2 and "0" in ids  # Arabic: numbered in the text (numId 0)
    for num_id in ids - {"0"}:
        num = numbering.find(f"{W}num[@{W}numId='{num_id}']")
        assert num.find(f"{W}lvlOverride/{W}startOverride").get(f"{W}val") == "1"
    arabic = [text_of(p) for p in agenda if p.find(f".//{W}numId").get(f"{W}val") == "0"]
    assert [re.match(r"[٠-٩]+\.", t).group() for t in arabic] == ["١.", "٢.", "٣.", "٤.", "٥.", "٦.", "٧.", "٨.", "٩.", "١٠.", "١١.", "١٢."]


def test_pending_translation_is_shown_not_blank():
    doc = part(rendered("phone-call-en.yaml"), "word/document.xml")
    pending = [r for r in doc.iter(f"{W}r") if r.find(f"{W}rPr/{W}rStyle[@{W}val='BriefingPending']") is not None]
    marks: dict = {}
    for r in pending:
        marks[r.getparent()] = marks.get(r.getparent(), "") + text_of(r)
    assert list(marks.values()) == ["[ترجمة معلقة]"] * 2
    original = next(iter(marks)).getnext()  # in a paragraph of its own, left to right, not italic
    assert "Expressed hope that the next round" in text_of(original)
    assert original.find(f"{W}pPr/{W}bidi") is None and original.find(f"{W}pPr/{W}jc").get(f"{W}val") == "left"
    styles = part(rendered("phone-call-en.yaml"), "word/styles.xml")
    pending_style = styles.find(f"{W}style[@{W}styleId='BriefingPending']")
    assert pending_style.find(f".//{W}i") is None and pending_style.find(f".//{W}iCs") is None


def test_source_link_is_a_hyperlink():
    data = rendered("phone-call-en.yaml")
    links = list(part(data, "word/document.xml").iter(f"{W}hyperlink"))
    assert len(links) == 2
    rels = part(data, "word/_rels/document.xml.rels")
    targets = {r.get("Id"): (r.get("Target"), r.get("TargetMode")) for r in rels}
    target, mode = targets[links[0].get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")]
    assert target.startswith("https://www.example.org/") and mode == "External"


def test_stacked_puts_the_first_language_first_then_a_page_break():
    doc = part(rendered(layout="stacked", languages=("en", "ar")), "word/document.xml")
    body = text_of(doc)
    assert body.index("Participants") < body.index("المشاركون")
    assert len(list(doc.iter(f"{W}br"))) == 1


def test_one_language_only_embeds_only_its_faces():
    data = rendered("phone-call-en.yaml", layout="stacked", languages=("en",))
    assert not ARABIC.search(text_of(part(data, "word/document.xml")))
    fonts = part(data, "word/fontTable.xml")
    embedded = {f.get(f"{W}name") for f in fonts.iter(f"{W}font") if len(f.findall(f"{W}embedRegular"))}
    assert embedded == {"Noto Serif"}


def test_core_properties_are_the_notes_not_the_templates():
    summary = read_summary(SAMPLES / "phone-call-en.yaml")
    from briefing.summary.model import Text

    opts = RenderOptions(organisation=Text(ar="وزارة الخارجية", en="Ministry of Foreign Affairs"))
    view = prepare_note(summary, opts)
    data = render_docx(view, opts)
    core = etree.tostring(part(data, "docProps/core.xml"), encoding="unicode")
    assert "<dc:creator>Ministry of Foreign Affairs</dc:creator>" in core
    assert "<dc:title>اتصال هاتفي بين وزيرة خارجية المملكة المتحدة ووزير خارجية سلطنة عُمان</dc:title>" in core
    assert "<dc:language>ar-SA</dc:language>" in core
    stamp = creation_time(view.date).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert stamp == "2026-11-18T00:00:00Z" and core.count(stamp) == 2
    assert "python-docx" not in core and "2013" not in core
    app = etree.tostring(part(data, "docProps/app.xml"), encoding="unicode")
    assert "Microsoft" not in app and "Ministry of Foreign Affairs" in app


def test_no_template_leftovers():
    data = rendered()
    members = names(data)
    assert not [n for n in members if "thumbnail" in n or "customXml" in n or "stylesWithEffects" in n]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in members:
            if name.endswith(".xml") or name.endswith(".rels"):
                assert b"rsid" not in archive.read(name), name
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    assert members[:2] == ["[Content_Types].xml", "_rels/.rels"]


def test_same_input_same_bytes_across_processes(tmp_path):
    script = (
        "import sys; from briefing.render.options import RenderOptions, prepare_note;"
        "from briefing.render.docx import render_docx; from briefing.read.summaries import read_summary;"
        "o = RenderOptions(); sys.stdout.buffer.write(render_docx(prepare_note(read_summary(sys.argv[1]), o), o))"
    )
    runs = [subprocess.run([sys.executable, "-c", script, str(SEED)], capture_output=True, check=True, cwd=ROOT).stdout for _ in range(2)]
    assert runs[0] == runs[1] == rendered()


@pytest.mark.parametrize("sample", ["summary.yaml", "phone-call-en.yaml", "visit-long.yaml"])
def test_size_with_fonts_embedded(sample):
    data = rendered(sample)
    assert len(data) < 200_000
    assert sum(n.startswith("word/fonts/") for n in names(data)) == 4


def test_several_notes_in_one_document():
    opts = RenderOptions()
    views = [prepare_note(read_summary(SAMPLES / s), opts) for s in ("summary.yaml", "phone-call-en.yaml")]
    doc = part(render_docx_document(views, opts), "word/document.xml")
    titles = [text_of(p) for p in doc.iter(f"{W}p") if p.find(f"{W}pPr/{W}pStyle[@{W}val='Title']") is not None]
    assert len(titles) == 4


def test_svg_logo_is_embedded_as_word_does():
    opts = RenderOptions(logo=SAMPLES / "logo.svg")
    data = render_docx(prepare_note(read_summary(SEED), opts), opts)
    assert "word/media/logo1.svg" in names(data)
    assert b"svgBlip" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def normalised_document(data: bytes) -> str:
    root = part(data, "word/document.xml")
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


GOLDEN_CASES = [(p.name, "parallel") for p in sorted(SAMPLES.glob("*.yaml"))] + [("summary.yaml", "stacked")]


@pytest.mark.parametrize(("sample", "layout"), GOLDEN_CASES)
def test_document_xml_matches_golden(sample, layout):
    check_golden(f"{sample.removesuffix('.yaml')}-{layout}.docx.document.xml", normalised_document(rendered(sample, layout)))



def test_python_docx_reads_it_back_and_no_style_uses_theme_fonts():
    import docx

    data = rendered()
    document = docx.Document(io.BytesIO(data))
    assert document.core_properties.title == "لقاء رئيس جمهورية طاجيكستان مع رئيس الاتحاد الروسي"
    assert {"Title", "Heading 1", "Heading 2", "Briefing Table", "Briefing Label", "Briefing Pending"} <= {s.name for s in document.styles}
    for fonts in part(data, "word/styles.xml").iter(f"{W}rFonts"):
        assert not [a for a in fonts.attrib if a.lower().endswith("theme")], fonts.attrib
