"""Font embedding in DOCX: ECMA-376 obfuscation, content-derived keys, package parts."""

from __future__ import annotations

import re

import pytest
import uharfbuzz as hb
from lxml import etree

from briefing.render.docx_fonts import (
    FONT_CONTENT_TYPE,
    EmbeddedFont,
    Usage,
    deobfuscate,
    embed_fonts,
    font_key,
    obfuscate,
    subset_faces,
)
from briefing.render.fonts import default_fonts, subset_font

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
GUID = "{956DD9A8-E299-4389-A474-D1CAE8597932}"  # the key LibreOffice accepted (typesetting notes)


def test_key_is_the_guid_hex_pairs_reversed_and_used_twice():
    key = bytes.fromhex("3279 59E8 CAD1 74A4 8943 99E2 A8D9 6D95".replace(" ", ""))
    data = bytes(64)
    assert obfuscate(data, GUID) == key + key + bytes(32)


def test_only_the_first_32_bytes_change_and_it_round_trips():
    data = bytes(range(256)) * 4
    hidden = obfuscate(data, GUID)
    assert hidden[:32] != data[:32]
    assert hidden[32:] == data[32:]
    assert deobfuscate(hidden, GUID) == data


def test_key_comes_from_the_content():
    first, second = b"font one" * 10, b"font two" * 10
    assert font_key(first) == font_key(first)
    assert font_key(first) != font_key(second)
    assert re.fullmatch(r"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}", font_key(first))


@pytest.fixture(scope="module")
def embedded():
    fonts = default_fonts()
    face = EmbeddedFont(fonts.arabic.family, "Regular", subset_font(fonts.arabic.regular, "سلام abc"))
    bold = EmbeddedFont(fonts.arabic.family, "Bold", subset_font(fonts.arabic.bold, "سلام abc"))
    parts = {
        "word/fontTable.xml": f'<w:fonts xmlns:w="{W[1:-1]}"/>'.encode(),
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        "word/settings.xml": f'<w:settings xmlns:w="{W[1:-1]}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/></w:settings>'.encode(),
    }
    return (face, bold), embed_fonts(parts, [face, bold])


def test_font_table_names_both_faces_with_keys(embedded):
    (face, bold), parts = embedded
    table = etree.fromstring(parts["word/fontTable.xml"])
    [entry] = table.findall(f"{W}font")
    assert entry.get(f"{W}name") == face.family
    regular, heavy = entry.find(f"{W}embedRegular"), entry.find(f"{W}embedBold")
    assert regular.get(f"{W}fontKey") == font_key(face.data)
    assert heavy.get(f"{W}fontKey") == font_key(bold.data)
    assert [etree.QName(c).localname for c in entry][-2:] == ["embedRegular", "embedBold"]


def test_parts_relationships_and_content_types(embedded):
    (face, _), parts = embedded
    rels = etree.fromstring(parts["word/_rels/fontTable.xml.rels"])
    targets = {r.get("Id"): r.get("Target") for r in rels}
    entry = etree.fromstring(parts["word/fontTable.xml"]).find(f"{W}font")
    target = targets[entry.find(f"{W}embedRegular").get(f"{R}id")]
    assert re.fullmatch(r"fonts/font\d+\.odttf", target)
    assert deobfuscate(parts["word/" + target], font_key(face.data)) == face.data
    types = parts["[Content_Types].xml"].decode()
    assert f'PartName="/word/{target}"' in types and FONT_CONTENT_TYPE in types


def test_settings_ask_word_to_keep_subset_fonts_in_schema_order(embedded):
    _, parts = embedded
    settings = etree.fromstring(parts["word/settings.xml"])
    names = [etree.QName(c).localname for c in settings]
    assert names == ["zoom", "embedTrueTypeFonts", "saveSubsetFonts", "defaultTabStop"]


def test_embedded_subset_is_a_font_with_enough_glyphs(embedded):
    (face, _), parts = embedded
    data = deobfuscate(parts["word/fonts/font1.odttf"], font_key(face.data))
    assert hb.Face(hb.Blob(data)).glyph_count >= 26  # LibreOffice skips subset fonts with fewer


def test_a_face_used_for_one_letter_still_has_26_glyphs_and_unused_faces_are_left_out():
    usage = Usage()
    usage.add("ب", True, False)
    usage.add("   ", False, False)
    [only] = subset_faces(default_fonts(), usage)
    assert (only.family, only.weight) == ("Noto Naskh Arabic", "Regular")
    assert hb.Face(hb.Blob(only.data)).glyph_count >= 26


def _with_fs_type(data: bytes, fs_type: int) -> bytes:
    """Return a copy of a font with another OS/2 fsType (found through the table directory)."""
    import struct

    count = struct.unpack(">H", data[4:6])[0]
    for index in range(count):
        tag, _, offset, _ = struct.unpack(">4sIII", data[12 + 16 * index : 28 + 16 * index])
        if tag == b"OS/2":
            return data[: offset + 8] + struct.pack(">H", fs_type) + data[offset + 10 :]
    raise AssertionError("no OS/2 table")


def test_fonts_whose_licence_forbids_embedding_are_not_embedded():
    from briefing.render.docx_fonts import embeddable

    data = subset_font(default_fonts().latin.regular, "abc")
    assert embeddable(data)
    assert embeddable(_with_fs_type(data, 0x0008))  # editable embedding
    assert not embeddable(_with_fs_type(data, 0x0002))  # restricted licence
