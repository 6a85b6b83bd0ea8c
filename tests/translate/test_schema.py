"""The exported XLIFF is valid against the OASIS XLIFF 1.2 strict schema (the copy Debian's
php-symfony-translation ships, with the W3C xml.xsd it imports; installed by scripts/setup.sh test)."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from briefing.summary.model import parse_summary
from briefing.translate.exchange import export_units
from briefing.translate.xliff import Alternative, Unit, XliffFile, build_xliff

SCHEMAS = Path("/usr/share/php/Symfony/Component/Translation/Resources/schemas")
STRICT = SCHEMAS / "xliff-core-1.2-strict.xsd"
pytestmark = pytest.mark.skipif(not STRICT.exists(), reason="php-symfony-translation (the XLIFF 1.2 schema) is not installed")


@pytest.fixture(scope="module")
def schema() -> etree.XMLSchema:
    """The strict schema, its import of xml.xsd pointed at the local copy (no network)."""
    tree = etree.parse(str(STRICT), etree.XMLParser(no_network=True))
    for imp in tree.getroot().iter("{http://www.w3.org/2001/XMLSchema}import"):
        if imp.get("namespace") == "http://www.w3.org/XML/1998/namespace":
            imp.set("schemaLocation", (SCHEMAS / "xml.xsd").as_uri())
    return etree.XMLSchema(tree)


def _validate(schema: etree.XMLSchema, data: bytes) -> None:
    doc = etree.fromstring(data, etree.XMLParser(no_network=True))
    assert schema.validate(doc), schema.error_log.filter_from_errors()


def test_an_export_with_notes_alternatives_and_both_directions_is_valid(schema: etree.XMLSchema) -> None:
    summary = parse_summary({
        "format": 1, "language": "ar", "event": {"type": "meeting", "title": {"ar": "لقاء"}},
        "participants": [{"id": "a", "name": {"ar": "أحمد", "en": "Ahmed"}, "title": {"en": "Minister"}}],
        "positions": [{"speaker": "a", "stance": "emphasis", "text": {"ar": "أكد على أهمية التعاون"}, "source": 2}],
        "context": [{"ar": "سياق <مع> رموز & علامات"}],
    })
    files = export_units([("s.yaml", summary)])
    assert [(f.source_lang, f.target_lang) for f in files] == [("ar", "en"), ("en", "ar")]
    files[0].units[0] = Unit(files[0].units[0].id, files[0].units[0].source, files[0].units[0].notes,
                             (Alternative("لقاء", "Meeting", 91.5, "tm: a.yaml"),))
    _validate(schema, build_xliff(files))
    _validate(schema, build_xliff(files, copy_source=True))


def test_the_schema_check_catches_a_broken_file(schema: etree.XMLSchema) -> None:
    data = build_xliff([XliffFile("s.yaml", "ar", "en", [Unit("event.title.en", "لقاء")])])
    broken = data.replace(b'datatype="plaintext" ', b"")  # <file> needs a datatype
    doc = etree.fromstring(broken)
    assert not schema.validate(doc)
