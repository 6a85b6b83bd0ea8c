"""The DOCX package: saved parts cleaned of template leftovers, fonts embedded, a deterministic zip."""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

from lxml import etree

from ._ooxml import strip_rsids
from .docx_fonts import Usage, embed_fonts, subset_faces
from .fonts import FontSet

if TYPE_CHECKING:
    from docx.document import Document

FIXED_TIME = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml", "word/document.xml")


def read_parts(data: bytes) -> dict[str, bytes]:
    """Return the members of a zip as {name: bytes}."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _order(name: str) -> tuple[int, str]:
    return (_FIRST.index(name), "") if name in _FIRST else (len(_FIRST), name)


def write_parts(parts: dict[str, bytes]) -> bytes:
    """Zip the parts: content types first, the rest in name order, fixed time and compression."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(parts, key=_order):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            archive.writestr(info, parts[name], compresslevel=9)
    return buffer.getvalue()


def _xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def app_properties(organisation: str) -> bytes:
    """Return docProps/app.xml naming our application (not the template's Word version)."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns})
    for name, value in (
        ("Application", "briefing"), ("DocSecurity", "0"), ("ScaleCrop", "false"), ("Company", organisation),
        ("LinksUpToDate", "false"), ("SharedDoc", "false"), ("HyperlinksChanged", "false"),
    ):
        etree.SubElement(root, f"{{{ns}}}{name}").text = value
    return _xml_bytes(root)


def package_document(document: Document, usage: Usage, fonts: FontSet, *, embed: bool = True) -> bytes:
    """Save a document as deterministic DOCX bytes, with subset fonts embedded unless `embed` is off."""
    buffer = io.BytesIO()
    document.save(buffer)
    parts = read_parts(buffer.getvalue())
    for name, data in parts.items():
        if name.startswith("word/") and name.endswith(".xml"):
            root = etree.fromstring(data)
            strip_rsids(root)
            parts[name] = _xml_bytes(root)
    parts["docProps/app.xml"] = app_properties(document.core_properties.author or "")
    if embed:
        parts = embed_fonts(parts, subset_faces(fonts, usage))
    return write_parts(parts)
