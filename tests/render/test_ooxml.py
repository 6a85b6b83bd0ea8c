"""The WordprocessingML python-docx cannot write, inserted in schema order."""

from __future__ import annotations

from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from briefing.render import _ooxml as ox

NS = f'xmlns:w="{ox.W_NS}"'


def names(element):
    return [etree.QName(c).localname for c in element]


def test_run_properties_keep_schema_order_whatever_the_call_order():
    r = parse_xml(f"<w:r {NS}><w:rPr><w:rStyle w:val='X'/><w:u w:val='single'/></w:rPr><w:t>نص</w:t></w:r>")
    ox.set_run_script(r, True)
    ox.set_run_format(r.rPr, bold=True, size=24)
    ox.set_cs_font(r.rPr, "Noto Serif")
    assert names(r.rPr) == ["rStyle", "rFonts", "b", "bCs", "sz", "szCs", "u", "rtl", "lang"]
    assert r.rPr.find(qn("w:lang")).get(qn("w:bidi")) == "ar-SA"
    assert r.rPr.find(qn("w:szCs")).get(qn("w:val")) == "24"


def test_english_run_gets_its_language_and_no_rtl():
    r = parse_xml(f"<w:r {NS}><w:t>text</w:t></w:r>")
    ox.set_run_script(r, False)
    assert names(r.rPr) == ["lang"]
    assert r.rPr.find(qn("w:lang")).get(qn("w:val")) == "en-GB"


def test_paragraph_direction_goes_between_style_and_spacing():
    p = parse_xml(f"<w:p {NS}><w:pPr><w:pStyle w:val='Title'/><w:spacing w:after='0'/><w:rPr/></w:pPr></w:p>")
    ox.set_paragraph_direction(p, True, "center")
    assert names(p.pPr) == ["pStyle", "bidi", "spacing", "jc", "rPr"]


def test_english_paragraph_gets_no_empty_properties():
    p = parse_xml(f"<w:p {NS}/>")
    ox.set_paragraph_direction(p, False)
    assert p.pPr is None


def test_table_direction_after_style_before_width():
    tbl = parse_xml(f"<w:tbl {NS}><w:tblPr><w:tblStyle w:val='T'/><w:tblW w:w='0' w:type='auto'/></w:tblPr></w:tbl>")
    ox.set_table_direction(tbl, True)
    ox.set_table_look(tbl, True)
    assert names(tbl.tblPr) == ["tblStyle", "bidiVisual", "tblW", "tblLook"]
    ox.set_table_direction(tbl, False)
    assert "bidiVisual" not in names(tbl.tblPr)


def test_header_row_properties_in_order():
    tr = parse_xml(f"<w:tr {NS}><w:trPr><w:jc w:val='center'/></w:trPr></w:tr>")
    ox.mark_row(tr, header=True)
    assert names(tr.trPr) == ["cantSplit", "tblHeader", "jc"]


def test_settings_cleaned_and_fonts_switched_on():
    settings = parse_xml(
        f"<w:settings {NS} xmlns:w14='http://schemas.microsoft.com/office/word/2010/wordml'>"
        "<w:zoom w:val='bestFit'/><w:proofState w:spelling='clean'/><w:defaultTabStop w:val='720'/>"
        "<w:savePreviewPicture/><w:rsids><w:rsidRoot w:val='00B47730'/></w:rsids>"
        "<w:themeFontLang w:val='en-US' w:eastAsia='ja-JP'/><w:decimalSymbol w:val='.'/><w14:docId w14:val='1'/></w:settings>"
    )
    ox.clean_settings(settings)
    ox.embed_fonts_setting(settings)
    assert names(settings) == ["zoom", "embedTrueTypeFonts", "saveSubsetFonts", "defaultTabStop", "themeFontLang", "decimalSymbol"]
    lang = settings.find(qn("w:themeFontLang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:bidi")), lang.get(qn("w:eastAsia"))) == ("en-GB", "ar-SA", None)


def test_field_has_begin_instruction_separate_result_end():
    p = parse_xml(f"<w:p {NS}/>")
    ox.add_field(p, "PAGE", "1", None)
    kinds = [(c[0].get(qn("w:fldCharType")) or etree.QName(c[0]).localname, c[0].text) for c in p]
    assert kinds == [("begin", None), ("instrText", " PAGE "), ("separate", None), ("t", "1"), ("end", None)]


def test_numbering_restarts_with_a_start_override():
    import docx

    numbering = docx.Document().part.numbering_part.element
    ox.add_abstract_num(numbering, 60, "hindiNumbers", "%1.", "Noto Naskh Arabic")
    first, second = ox.add_num(numbering, 60), ox.add_num(numbering, 60)
    assert first != second
    tags = names(numbering)
    assert tags.index("abstractNum") < tags.index("num")
    assert max(i for i, t in enumerate(tags) if t == "abstractNum") < min(i for i, t in enumerate(tags) if t == "num")
    num = numbering.num_having_numId(second)
    assert num.find(qn("w:lvlOverride")).find(qn("w:startOverride")).get(qn("w:val")) == "1"


def test_rsids_are_stripped():
    root = parse_xml(f"<w:body {NS}><w:p w:rsidR='00AA' w:rsidRDefault='00BB'/><w:style><w:rsid w:val='00CC'/></w:style></w:body>")
    ox.strip_rsids(root)
    assert b"rsid" not in etree.tostring(root)


def test_svg_size_from_attributes_or_viewbox():
    assert ox.svg_size(b'<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="60"/>') == (120.0, 60.0)
    assert ox.svg_size(b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 30 10"/>') == (30.0, 10.0)
