"""WordprocessingML that python-docx cannot write: direction, complex-script runs, fields, settings."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from xml.sax.saxutils import quoteattr

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Child orders from the ECMA-376 schema (Part 1, transitional), the elements we may insert.
PPR_ORDER = tuple(
    "w:" + n
    for n in (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
        "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc textDirection "
        "textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split()
)
RPR_ORDER = tuple(
    "w:" + n
    for n in (
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof snapToGrid "
        "vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd fitText vertAlign rtl "
        "cs em lang eastAsianLayout specVanish oMath rPrChange"
    ).split()
)
TBLPR_ORDER = tuple(
    "w:" + n
    for n in (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc tblCellSpacing "
        "tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription tblPrChange"
    ).split()
)
TRPR_ORDER = tuple(
    "w:" + n for n in "cnfStyle divId gridBefore gridAfter wBefore wAfter cantSplit trHeight tblHeader tblCellSpacing jc hidden".split()
)
SETTINGS_ORDER = tuple(
    "w:" + n
    for n in (
        "writeProtection view zoom removePersonalInformation removeDateAndTime doNotDisplayPageBoundaries "
        "displayBackgroundShape printPostScriptOverText printFractionalCharacterWidth printFormsData "
        "embedTrueTypeFonts embedSystemFonts saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
        "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
        "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
        "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView trackRevisions "
        "doNotTrackMoves doNotTrackFormatting documentProtection autoFormatOverride styleLockTheme "
        "styleLockQFSet defaultTabStop autoHyphenation consecutiveHyphenLimit hyphenationZone "
        "doNotHyphenateCaps showEnvelope summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders "
        "bookFoldRevPrinting bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
        "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery displayVerticalDrawingGridEvery "
        "doNotUseMarginsForDrawingGridOrigin drawingGridHorizontalOrigin drawingGridVerticalOrigin "
        "doNotShadeFormData noPunctuationKerning characterSpacingControl printTwoOnOne strictFirstAndLastChars "
        "noLineBreaksAfter noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml "
        "ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly "
        "useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields "
        "hdrShapeDefaults footnotePr endnotePr compat docVars rsids mathPr attachedSchema themeFontLang "
        "clrSchemeMapping doNotIncludeSubdocsInStats doNotAutoCompressPictures forceUpgrade captions "
        "readModeInkLockDown smartTagType schemaLibrary shapeDefaults doNotEmbedSmartTags decimalSymbol "
        "listSeparator"
    ).split()
)
FONT_ORDER = tuple(
    "w:" + n
    for n in "altName panose1 charset family notTrueType pitch sig embedRegular embedBold embedItalic embedBoldItalic".split()
)


def insert_in_order(parent: etree._Element, child: etree._Element, order: Sequence[str]) -> etree._Element:
    """Insert `child` into `parent` before the first sibling the schema puts after it; return it."""
    later = _later_tags(tuple(order), child.tag)
    for index, sibling in enumerate(parent):
        if sibling.tag in later:
            parent.insert(index, child)
            return child
    parent.append(child)
    return child


@cache
def _later_tags(order: tuple[str, ...], tag: str) -> frozenset[str]:
    """Return the qualified tags the schema order puts after `tag` (asked once per order and tag)."""
    tags = [qn(t) for t in order]
    return frozenset(tags[tags.index(tag) + 1 :])


_RUN, _TEXT, _SPACE = qn("w:r"), qn("w:t"), qn("xml:space")


def append_text_run(p: etree._Element, text: str) -> etree._Element:
    """Append a run holding `text` to a paragraph: python-docx's `add_run(text)`, without its pass over every
    character when there is no tab or line break to turn into an element (a long digest has tens of thousands of runs)."""
    if "\t" in text or "\r" in text or "\n" in text:
        run = p.add_r()  # a CT_P
        run.text = text
        return run
    run = etree.SubElement(p, _RUN)
    if text:
        t = etree.SubElement(run, _TEXT)
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_SPACE, "preserve")
    return run


def set_child(parent: etree._Element, tag: str, order: Sequence[str], **attrs: str) -> etree._Element:
    """Get or add the child `tag` in schema order and set its w: attributes."""
    child = parent.find(qn(tag))
    if child is None:
        child = insert_in_order(parent, OxmlElement(tag), order)
    for name, value in attrs.items():
        child.set(qn("w:" + name), value)
    return child


def remove_children(parent: etree._Element, *tags: str) -> None:
    """Remove every child with one of `tags`."""
    for tag in tags:
        for child in parent.findall(qn(tag)):
            parent.remove(child)


def set_paragraph_direction(p: etree._Element, rtl: bool, align: str | None = None) -> None:
    """Make a paragraph right-to-left (`w:bidi`) or not, with an optional `w:jc` (start = natural side)."""
    if not rtl and align is None:
        return
    ppr = p.get_or_add_pPr()
    if rtl:
        set_child(ppr, "w:bidi", PPR_ORDER)
    if align is not None:
        set_child(ppr, "w:jc", PPR_ORDER, val=align)


def set_run_script(r: etree._Element, rtl: bool) -> None:
    """Mark a run as right-to-left complex script (`w:rtl`, Arabic language) or as English."""
    set_script(r.get_or_add_rPr(), rtl)


def set_script(rpr: etree._Element, rtl: bool) -> None:
    """Set `w:rtl` and `w:lang w:bidi="ar-SA"` (Arabic) or `w:lang w:val="en-GB"` on run properties."""
    if rtl:
        set_child(rpr, "w:rtl", RPR_ORDER)
        set_child(rpr, "w:lang", RPR_ORDER, bidi="ar-SA")
    else:
        set_child(rpr, "w:lang", RPR_ORDER, val="en-GB")


def set_run_format(
    rpr: etree._Element,
    *,
    bold: bool = False,
    italic: bool = False,
    size: int | None = None,
    color: str | None = None,
    size_cs: int | None = None,
) -> None:
    """Set bold, italic, size (half-points; `size_cs` for Arabic, else the same) and colour on both scripts."""
    if bold:
        set_child(rpr, "w:b", RPR_ORDER)
        set_child(rpr, "w:bCs", RPR_ORDER)
    if italic:
        set_child(rpr, "w:i", RPR_ORDER)
        set_child(rpr, "w:iCs", RPR_ORDER)
    if color:
        set_child(rpr, "w:color", RPR_ORDER, val=color)
    if size:
        set_child(rpr, "w:sz", RPR_ORDER, val=str(size))
        set_child(rpr, "w:szCs", RPR_ORDER, val=str(size_cs or size))


def set_fonts(rpr: etree._Element, latin: str, arabic: str) -> None:
    """Name the Latin (ascii, hAnsi, eastAsia) and complex-script (cs) fonts, dropping theme fonts."""
    fonts = set_child(rpr, "w:rFonts", RPR_ORDER)
    for name in list(fonts.attrib):
        del fonts.attrib[name]
    for attr, family in (("ascii", latin), ("hAnsi", latin), ("eastAsia", latin), ("cs", arabic)):
        fonts.set(qn("w:" + attr), family)


def set_cs_font(rpr: etree._Element, family: str) -> None:
    """Name the complex-script font of one run (`w:rFonts/@w:cs`)."""
    set_child(rpr, "w:rFonts", RPR_ORDER, cs=family)


def set_table_direction(tbl: etree._Element, rtl: bool) -> None:
    """Lay a table out right to left (`w:bidiVisual`): its first cell on the right."""
    tblpr = tbl.tblPr
    if rtl:
        set_child(tblpr, "w:bidiVisual", TBLPR_ORDER)
    else:
        remove_children(tblpr, "w:bidiVisual")


def set_table_look(tbl: etree._Element, header: bool) -> None:
    """Tell the table style whether the first row is a header row."""
    set_child(
        tbl.tblPr, "w:tblLook", TBLPR_ORDER, val="04A0" if header else "0400", firstRow="1" if header else "0",
        lastRow="0", firstColumn="0", lastColumn="0", noHBand="1", noVBand="1",
    )


def set_table_width(tbl: etree._Element, width: int) -> None:
    """Give a table a fixed layout and width in twips."""
    set_child(tbl.tblPr, "w:tblW", TBLPR_ORDER, w=str(width), type="dxa")
    set_child(tbl.tblPr, "w:tblLayout", TBLPR_ORDER, type="fixed")


def mark_row(tr: etree._Element, header: bool) -> None:
    """Keep a row on one page; a header row repeats at the top of every page (`w:tblHeader`)."""
    trpr = tr.get_or_add_trPr()
    set_child(trpr, "w:cantSplit", TRPR_ORDER)
    if header:
        set_child(trpr, "w:tblHeader", TRPR_ORDER)


def keep_row_with_next(tr: etree._Element) -> None:
    """Keep a table row (a heading) on the page of the next one: `w:keepNext` on its paragraphs, `w:cantSplit`."""
    set_child(tr.get_or_add_trPr(), "w:cantSplit", TRPR_ORDER)
    for p in tr.iter(qn("w:p")):
        set_child(p.get_or_add_pPr(), "w:keepNext", PPR_ORDER)


def add_field(p: etree._Element, instruction: str, result: str, rpr: etree._Element | None) -> None:
    """Append a complex field (begin, instruction, separate, cached result, end) to a paragraph."""
    import copy

    def char(kind: str) -> etree._Element:
        return OxmlElement("w:fldChar", {qn("w:fldCharType"): kind})

    def text(tag: str, value: str) -> etree._Element:
        element = OxmlElement(tag, {"{http://www.w3.org/XML/1998/namespace}space": "preserve"})
        element.text = value
        return element

    for child in (char("begin"), text("w:instrText", f" {instruction} "), char("separate"), text("w:t", result), char("end")):
        r = OxmlElement("w:r")
        if rpr is not None:
            r.append(copy.deepcopy(rpr))
        r.append(child)
        p.append(r)


def add_hyperlink(p: etree._Element, r_id: str) -> etree._Element:
    """Append an empty `w:hyperlink` pointing at relationship `r_id` and return it (runs go inside)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), r_id)
    link.set(qn("w:history"), "1")
    p.append(link)
    return link


def add_page_break(p: etree._Element) -> None:
    """Append a page break run to a paragraph."""
    r = OxmlElement("w:r")
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    r.append(br)
    p.append(r)


def set_doc_defaults(styles: etree._Element, latin: str, arabic: str, size: int, size_cs: int) -> None:
    """Fonts, size, language, kerning and spacing (after 80, line 240) for the whole document."""
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, latin, arabic)
    set_child(rpr, "w:kern", RPR_ORDER, val="2")
    set_run_format(rpr, size=size, size_cs=size_cs)
    lang = set_child(rpr, "w:lang", RPR_ORDER, val="en-GB", bidi="ar-SA")
    lang.attrib.pop(qn("w:eastAsia"), None)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    set_child(ppr, "w:spacing", PPR_ORDER, after="80", line="240", lineRule="auto")


def clean_settings(settings: etree._Element) -> None:
    """Drop revision ids, the document id and the preview picture; set the proofing languages."""
    remove_children(settings, "w:rsids", "w:savePreviewPicture", "w:proofState")
    for child in list(settings):
        if etree.QName(child).localname == "docId":
            settings.remove(child)
    set_child(settings, "w:themeFontLang", SETTINGS_ORDER, val="en-GB", bidi="ar-SA").attrib.pop(qn("w:eastAsia"), None)


def embed_fonts_setting(settings: etree._Element) -> None:
    """Ask Word to keep the embedded (subset) fonts: `w:embedTrueTypeFonts`, `w:saveSubsetFonts`."""
    set_child(settings, "w:embedTrueTypeFonts", SETTINGS_ORDER)
    set_child(settings, "w:saveSubsetFonts", SETTINGS_ORDER)


def strip_rsids(root: etree._Element) -> None:
    """Remove revision-session ids (`w:rsid*` attributes and elements) left by the template."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name in [a for a in element.attrib if a.startswith(f"{{{W_NS}}}rsid")]:
            del element.attrib[name]
    for element in list(root.iter(qn("w:rsid"))):
        element.getparent().remove(element)


def add_abstract_num(numbering: etree._Element, abstract_id: int, fmt: str, text: str, font: str | None) -> None:
    """Add a one-level list definition (before every `w:num`, as the schema wants).

    The indent is given on both sides: Word reads `w:left` as the start side of a right-to-left
    paragraph, LibreOffice as the physical left; with both, the marker hangs inside the text
    column in either (it hung into the right margin in LibreOffice).
    """
    from docx.oxml import parse_xml

    name = quoteattr(font) if font else ""  # a family name may hold & or "
    fonts = f"<w:rFonts w:ascii={name} w:hAnsi={name} w:cs={name}/>" if font else ""
    xml = (
        f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="{abstract_id}">'
        '<w:multiLevelType w:val="singleLevel"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="397" w:right="397" w:hanging="397"/></w:pPr>'
        f"<w:rPr>{fonts}</w:rPr></w:lvl></w:abstractNum>"
    )
    element = parse_xml(xml)
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(element)
    else:
        numbering.append(element)


def add_num(numbering: etree._Element, abstract_id: int) -> int:
    """Add a list instance that starts again at 1 (`w:startOverride`); return its numId."""
    num = numbering.add_num(abstract_id)
    num.add_lvlOverride(ilvl=0).add_startOverride(1)
    return int(num.numId)


def set_numbering(p: etree._Element, num_id: int) -> None:
    """Make a paragraph an item of list `num_id` (level 0)."""
    numpr = set_child(p.get_or_add_pPr(), "w:numPr", PPR_ORDER)
    numpr.append(OxmlElement("w:ilvl", {qn("w:val"): "0"}))
    numpr.append(OxmlElement("w:numId", {qn("w:val"): str(num_id)}))


def table_style_xml(
    style_id: str, name: str, borders: bool, header_fill: str | None, size: int | None, size_cs: int | None = None
) -> etree._Element:
    """Return a table style: thin grey grid (or none), cell margins, a bold shaded header row."""
    from docx.oxml import parse_xml

    edge = '<w:{0} w:val="single" w:sz="4" w:space="0" w:color="A6A6A6"/>'
    none = '<w:{0} w:val="nil"/>'
    pad = 40 if borders else 0
    lines = "".join((edge if borders else none).format(e) for e in ("top", "left", "bottom", "right", "insideH", "insideV"))
    header = (
        '<w:tblStylePr w:type="firstRow"><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/><w:bCs/></w:rPr>'
        f'<w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/></w:tcPr></w:tblStylePr>'
        if header_fill
        else ""
    )
    xml = (
        f'<w:style xmlns:w="{W_NS}" w:type="table" w:customStyle="1" w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:qFormat/>'
        '<w:pPr><w:spacing w:before="20" w:after="20"/></w:pPr>'
        + (f'<w:rPr><w:sz w:val="{size}"/><w:szCs w:val="{size_cs or size}"/></w:rPr>' if size else "")
        +         f'<w:tblPr><w:tblBorders>{lines}</w:tblBorders><w:tblCellMar><w:top w:w="{pad}" w:type="dxa"/>'
        f'<w:left w:w="85" w:type="dxa"/><w:bottom w:w="{pad}" w:type="dxa"/><w:right w:w="85" w:type="dxa"/>'
        f"</w:tblCellMar></w:tblPr>{header}</w:style>"
    )
    return parse_xml(xml)


def character_style_xml(style_id: str, name: str, rpr: str) -> etree._Element:
    """Return a character style with the given run properties (already in schema order)."""
    from docx.oxml import parse_xml

    custom = "" if style_id == "Hyperlink" else ' w:customStyle="1"'
    xml = (
        f'<w:style xmlns:w="{W_NS}" w:type="character"{custom} w:styleId="{style_id}">'
        f'<w:name w:val="{name}"/><w:basedOn w:val="DefaultParagraphFont"/><w:uiPriority w:val="1"/><w:qFormat/>'
        f"<w:rPr>{rpr}</w:rPr></w:style>"
    )
    return parse_xml(xml)


# style id: (size as a multiple of the body size, colour, space before, after); colours as in note.css
_HEADINGS = {"Title": (1.6, "1D3557", 0, 120), "Heading1": (1.3, "1D3557", 200, 60), "Heading2": (1.1, "1D3557", 100, 40)}
PENDING_COLOR = "A4161A"  # .pending in note.css: no italics (Arabic has none), a colour instead
_DROP_TABLE_STYLES = ("TableNormal", "TableGrid")


def prepare_styles(styles: etree._Element, latin: str, arabic: str, sizes: tuple[float, float] = (10.0, 12.5)) -> None:
    """Set our fonts and sizes (pt: Latin, Arabic) on the defaults and headings, add the briefing styles, drop unused table styles."""
    def half_points(scale: float) -> tuple[int, int]:
        return round(sizes[0] * scale * 2), round(sizes[1] * scale * 2)

    set_doc_defaults(styles, latin, arabic, *half_points(1))
    for style in styles.findall(qn("w:style")):
        style_id = style.get(qn("w:styleId"))
        fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
        if fonts is not None and any(name.endswith("Theme") or name.endswith("theme") for name in fonts.attrib):
            set_fonts(fonts.getparent(), latin, arabic)  # theme fonts (Calibri, Cambria) would bypass ours
        if style.get(qn("w:type")) == "table" and style_id not in _DROP_TABLE_STYLES:
            styles.remove(style)
        elif style_id in _HEADINGS:
            scale, color, before, after = _HEADINGS[style_id]
            ppr, rpr = style.find(qn("w:pPr")), style.find(qn("w:rPr"))
            remove_children(ppr, "w:pBdr", "w:contextualSpacing")
            set_child(ppr, "w:spacing", PPR_ORDER, before=str(before), after=str(after))
            remove_children(rpr, "w:color", "w:spacing", "w:kern")
            set_fonts(rpr, latin, arabic)
            size, size_cs = half_points(scale)
            set_run_format(rpr, bold=True, size=size, size_cs=size_cs, color=color)
    styles.append(table_style_xml("BriefingTable", "Briefing Table", True, "E8EEF5", *half_points(0.9)))
    styles.append(table_style_xml("BriefingColumns", "Briefing Columns", False, None, None))
    styles.append(character_style_xml("BriefingLabel", "Briefing Label", "<w:b/><w:bCs/>"))
    styles.append(character_style_xml("BriefingField", "Briefing Field", '<w:color w:val="555555"/>'))  # .label in note.css
    styles.append(character_style_xml("BriefingPending", "Briefing Pending", f'<w:color w:val="{PENDING_COLOR}"/>'))
    styles.append(character_style_xml("Hyperlink", "Hyperlink", '<w:color w:val="1D3557"/>'))


SVG_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
ASVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def svg_size(data: bytes) -> tuple[float, float]:
    """Return an SVG's width and height (from width/height, else its viewBox)."""
    import re

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    width, height = root.get("width"), root.get("height")
    if width and height:
        return float(re.sub(r"[a-z%]+$", "", width)), float(re.sub(r"[a-z%]+$", "", height))
    box = (root.get("viewBox") or "").replace(",", " ").split()
    if len(box) == 4:
        return float(box[2]), float(box[3])
    raise ValueError("the SVG gives neither width/height nor a viewBox")


def add_svg_blip(inline: etree._Element, r_id: str) -> None:
    """Point a picture's blip at an SVG part too (`a:extLst/asvg:svgBlip`), as Word 2016 and later write it."""
    blip = inline.find(f".//{{{A_NS}}}blip")
    ext_list = etree.SubElement(blip, f"{{{A_NS}}}extLst")
    ext = etree.SubElement(ext_list, f"{{{A_NS}}}ext", uri=SVG_EXT)
    svg = etree.SubElement(ext, f"{{{ASVG_NS}}}svgBlip", nsmap={"asvg": ASVG_NS})
    svg.set(f"{{{R_NS}}}embed", r_id)
