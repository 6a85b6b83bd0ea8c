"""Embed subset fonts in a DOCX package the way Word does (ECMA-376 Part 1, §17.8.1)."""

from __future__ import annotations

import hashlib
import string
import struct
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from lxml import etree

from ._ooxml import FONT_ORDER, R_NS, W_NS, embed_fonts_setting, insert_in_order
from .fonts import FontSet, subset_font

FONT_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
FONT_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_NAMESPACE = uuid.UUID("6f1d2c1e-8a55-5b8e-9d55-b61e0f0b7a11")  # ours: names the font keys of briefing
_W = f"{{{W_NS}}}"
# Always in every subset: list numbers, bullets, dashes, and enough glyphs for LibreOffice (>= 26).
ALWAYS = string.ascii_letters + string.digits + string.punctuation + "٠١٢٣٤٥٦٧٨٩•—–“”«»"
# The whole Arabic alphabet with its marks and punctuation goes into the Arabic faces, so a person
# editing the DOCX can type any Arabic word (a subset of the note's letters lacked «غ»): ~40 KB more.
ARABIC_ALPHABET = "".join(chr(c) for c in (*range(0x060C, 0x0610), *range(0x061B, 0x0620), *range(0x0621, 0x0656), 0x0670, 0x0640, 0x066A, 0x066B, 0x066C))


@dataclass(frozen=True)
class EmbeddedFont:
    """One face of a family, ready to embed: `weight` is 'Regular' or 'Bold'."""

    family: str
    weight: str
    data: bytes


@dataclass
class Usage:
    """The characters drawn with each face: (script, bold) -> characters."""

    chars: dict[tuple[str, bool], set[str]] = field(default_factory=dict)

    def add(self, text: str, rtl: bool, bold: bool) -> None:
        """Record `text` as drawn in the Arabic (rtl) or Latin face."""
        self.chars.setdefault(("arabic" if rtl else "latin", bold), set()).update(text)


def subset_faces(fonts: FontSet, usage: Usage) -> list[EmbeddedFont]:
    """Subset each face that draws something to the characters of its script (plus ASCII and digits)."""
    embedded = []
    for script, face in (("arabic", fonts.arabic), ("latin", fonts.latin)):
        for bold, weight, path in ((False, "Regular", face.regular), (True, "Bold", face.bold)):
            if not any(not c.isspace() for c in usage.chars.get((script, bold), ())):
                continue
            # both weights get every character of the script: bold also comes from styles not tracked here
            chars = usage.chars.get((script, False), set()) | usage.chars.get((script, True), set())
            data = subset_font(path, "".join(sorted(chars)) + ALWAYS + (ARABIC_ALPHABET if script == "arabic" else ""))
            if embeddable(data):
                embedded.append(EmbeddedFont(face.family, weight, data))
    return embedded


def embeddable(data: bytes) -> bool:
    """Tell whether a font's licence allows embedding (OS/2 fsType without the 'restricted' bit 0x0002)."""
    import uharfbuzz as hb

    table = hb.Face(hb.Blob(data)).reference_table("OS/2").data
    return len(table) < 10 or not struct.unpack(">H", table[8:10])[0] & 0x0002


def font_key(data: bytes) -> str:
    """Return the GUID that obfuscates `data`, derived from its content: `{XXXXXXXX-XXXX-...}`."""
    digest = hashlib.sha256(data).hexdigest()
    return "{" + str(uuid.uuid5(_NAMESPACE, digest)).upper() + "}"


def _key_bytes(guid: str) -> bytes:
    """Return the 16-byte XOR key: the GUID's hex pairs in written order, reversed."""
    hex_digits = guid.strip("{}").replace("-", "")
    return bytes.fromhex(hex_digits)[::-1]


def obfuscate(data: bytes, guid: str) -> bytes:
    """XOR bytes 0-15 and 16-31 of a font with the key of `guid`; the rest is unchanged."""
    key = _key_bytes(guid)
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + data[32:]


deobfuscate = obfuscate  # XOR is its own inverse


def _os2(data: bytes) -> tuple[str, str, str]:
    """Return the PANOSE, Unicode-range and code-page signature of a font as fontTable hex strings."""
    import uharfbuzz as hb

    table = hb.Face(hb.Blob(data)).reference_table("OS/2").data
    panose = table[32:42].hex().upper() if len(table) >= 42 else "0" * 20
    ranges = struct.unpack(">4I", table[42:58]) if len(table) >= 58 else (0, 0, 0, 0)
    pages = struct.unpack(">2I", table[78:86]) if len(table) >= 86 else (0, 0)
    usb = " ".join(f'w:usb{i}="{v:08X}"' for i, v in enumerate(ranges))
    csb = " ".join(f'w:csb{i}="{v:08X}"' for i, v in enumerate(pages))
    return panose, usb, csb


def _font_entry(family: str, data: bytes) -> etree._Element:
    panose, usb, csb = _os2(data)
    xml = (
        f'<w:font xmlns:w="{W_NS}" w:name={quoteattr(family)}><w:panose1 w:val="{panose}"/><w:charset w:val="00"/>'
        f'<w:family w:val="roman"/><w:pitch w:val="variable"/><w:sig {usb} {csb}/></w:font>'
    )
    return etree.fromstring(xml)


def _rels_xml(targets: list[tuple[str, str]]) -> bytes:
    root = etree.Element(f"{{{REL_NS}}}Relationships", nsmap={None: REL_NS})
    for r_id, target in targets:
        etree.SubElement(root, f"{{{REL_NS}}}Relationship", Id=r_id, Type=FONT_REL, Target=target)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _xml(data: bytes) -> etree._Element:
    return etree.fromstring(data, etree.XMLParser(remove_blank_text=True))


def _bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def embed_fonts(parts: dict[str, bytes], fonts: Iterable[EmbeddedFont]) -> dict[str, bytes]:
    """Return the package parts with `fonts` obfuscated in word/fonts/, listed in fontTable.xml."""
    fonts = list(fonts)
    if not fonts:
        return parts
    parts = dict(parts)
    table = _xml(parts["word/fontTable.xml"])
    types = _xml(parts["[Content_Types].xml"])
    rels: list[tuple[str, str]] = []
    entries: dict[str, etree._Element] = {}
    for number, font in enumerate(fonts, start=1):
        entry = entries.get(font.family)
        if entry is None:
            for old in [f for f in table.findall(f"{_W}font") if f.get(f"{_W}name") == font.family]:
                table.remove(old)
            entry = entries[font.family] = _font_entry(font.family, font.data)
            table.append(entry)
        guid = font_key(font.data)
        name = f"font{number}.odttf"
        parts[f"word/fonts/{name}"] = obfuscate(font.data, guid)
        r_id = f"rId{number}"
        rels.append((r_id, f"fonts/{name}"))
        embed = etree.Element(f"{_W}embed{font.weight}", nsmap={"w": W_NS, "r": R_NS})
        embed.set(f"{{{R_NS}}}id", r_id)
        embed.set(f"{_W}fontKey", guid)
        embed.set(f"{_W}subsetted", "1")
        insert_in_order(entry, embed, FONT_ORDER)
        override = etree.SubElement(types, f"{{{CT_NS}}}Override")
        override.set("PartName", f"/word/fonts/{name}")
        override.set("ContentType", FONT_CONTENT_TYPE)
    parts["word/fontTable.xml"] = _bytes(table)
    parts["word/_rels/fontTable.xml.rels"] = _rels_xml(rels)
    parts["[Content_Types].xml"] = _bytes(types)
    settings = _xml(parts["word/settings.xml"])
    embed_fonts_setting(settings)
    parts["word/settings.xml"] = _bytes(settings)
    return parts

