"""`briefing translate export|import` as a translator's desk uses them: units out, translations back, bad files refused."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from lxml import etree

from briefing.read.summaries import read_summary
from support import SAMPLES

NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The summary `briefing extract` writes for the seed release (comments and all), made once."""
    from support import run_cli

    folder = tmp_path_factory.mktemp("extracted")
    result = run_cli("extract", str(SAMPLES / "release-ar.txt"), "-o", str(folder), "--date", "2021-05-05")
    assert result.returncode == 0, result.stderr.decode()
    return folder / "release-ar.yaml"


@pytest.fixture
def desk(extracted: Path, tmp_path: Path) -> Path:
    """A translator's folder holding a fresh copy of the extracted summary."""
    shutil.copy(extracted, tmp_path / "release-ar.yaml")
    return tmp_path


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.yaml"))}


def _export(cli, desk: Path, *extra: str) -> etree._Element:
    result = cli("translate", "export", "release-ar.yaml", "-o", "out.xlf", *extra, cwd=desk)
    assert result.returncode == 0, result.stderr.decode()
    return etree.parse(str(desk / "out.xlf")).getroot()


def _translate(root: etree._Element, done: dict[str, str] | None = None) -> None:
    """Play the translator: write a target for every unit (or those in `done`)."""
    for unit in root.iterfind(".//x:trans-unit", NS):
        target = unit.find("x:target", NS)
        if done is None:
            target.text = f"EN {unit.get('id')}"
        elif unit.get("id") in done:
            target.text = done[unit.get("id")]


def test_export_gives_one_unit_per_pending_side_with_notes_and_tm_matches(cli, desk: Path) -> None:
    summary = read_summary(desk / "release-ar.yaml")
    root = _export(cli, desk, "--tm", str(SAMPLES), "--tmx", "tm.tmx")
    units = root.findall(".//x:trans-unit", NS)
    pending = [u for u in units]
    assert len(pending) == len({u.get("id") for u in units})  # one unit per side
    ids = [u.get("id") for u in units]
    assert "positions[0].text.en" in ids and "positions[8].text.en" not in ids  # [8] was filled by a formula
    assert summary.positions[8].origin["text.en"].by.value == "formula"
    first = root.find(".//x:trans-unit[@id='positions[0].text.en']", NS)
    assert first.find("x:source", NS).text == summary.positions[0].text.ar
    notes = [n.text for n in first.findall("x:note", NS)]
    assert any("position of both sides" in n for n in notes) and any("[3]" in n for n in notes)
    alt = root.find(".//x:trans-unit[@id='source.title.en']/x:alt-trans", NS)
    assert alt.get("match-quality") == "100"
    assert alt.find("x:target", NS).text == "Meeting with the President of the Russian Federation Vladimir Putin"
    file_el = root.find("x:file", NS)
    assert (file_el.get("source-language"), file_el.get("target-language")) == ("ar", "en")
    tbx = (desk / "out.tbx").read_text(encoding="utf-8")
    assert "<term>Tajikistan</term>" in tbx and "<term>طاجيكستان</term>" in tbx
    assert (desk / "tm.tmx").read_text(encoding="utf-8").count("<tu>") > 50


def test_export_is_byte_identical_when_run_twice(cli, desk: Path) -> None:
    _export(cli, desk, "--tm", str(SAMPLES))
    first = (desk / "out.xlf").read_bytes()
    _export(cli, desk, "--tm", str(SAMPLES), "--force")
    assert (desk / "out.xlf").read_bytes() == first


def test_import_writes_translations_back_keeping_comments_and_order(cli, desk: Path) -> None:
    before = (desk / "release-ar.yaml").read_text(encoding="utf-8")
    root = _export(cli, desk)
    _translate(root, {"positions[0].text.en": "The two sides discussed a wide range of cooperation issues"})
    (desk / "back.xlf").write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    result = cli("translate", "import", "back.xlf", cwd=desk)
    assert result.returncode == 0, result.stderr.decode()
    assert "wrote 1 translation(s)" in result.stderr.decode()
    after = (desk / "release-ar.yaml").read_text(encoding="utf-8")
    comments = [line for line in before.splitlines() if line.lstrip().startswith("#")]
    assert comments == [line for line in after.splitlines() if line.lstrip().startswith("#")]
    summary = read_summary(desk / "release-ar.yaml")
    assert summary.positions[0].text.en == "The two sides discussed a wide range of cooperation issues"
    assert summary.positions[0].origin["text.en"].by.value == "person"
    keys = [re.match(r"^(\w+):", line).group(1) for line in after.splitlines() if re.match(r"^\w+:", line)]
    assert keys == [re.match(r"^(\w+):", line).group(1) for line in before.splitlines() if re.match(r"^\w+:", line)]


def _broken(root: etree._Element, how: str) -> None:
    units = root.findall(".//x:trans-unit", NS)
    if how == "edited source":
        units[1].find("x:source", NS).text += " وأكثر"
    elif how == "duplicate unit":
        units[0].addnext(etree.fromstring(etree.tostring(units[0])))
    elif how == "missing target":
        units[2].remove(units[2].find("x:target", NS))
    elif how == "unknown unit":
        units[0].set("id", "positions[99].text.en")
    elif how == "wrong language pair":
        root.find("x:file", NS).set("target-language", "fr")


@pytest.mark.parametrize("how, message", [
    ("edited source", "the source text differs from the summary's"),
    ("duplicate unit", "the unit appears twice"),
    ("missing target", "the unit has no <target>"),
    ("unknown unit", "no such side in release-ar.yaml"),
    ("wrong language pair", "language pair ar->fr does not match"),
])
def test_a_broken_xliff_is_refused_in_one_line_and_nothing_changes(cli, desk: Path, how: str, message: str) -> None:
    root = _export(cli, desk)
    _translate(root)
    _broken(root, how)
    (desk / "back.xlf").write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    before = _digest(desk)
    result = cli("translate", "import", "back.xlf", cwd=desk)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert message in err and "back.xlf" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert _digest(desk) == before


def test_a_summary_edited_since_the_export_is_not_overwritten(cli, desk: Path) -> None:
    root = _export(cli, desk)
    _translate(root)
    (desk / "back.xlf").write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    path = desk / "release-ar.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ar: ناقش الجانبان خلال اللقاء", "ar: ناقش الطرفان خلال اللقاء", 1),
                    encoding="utf-8")
    before = _digest(desk)
    result = cli("translate", "import", "back.xlf", cwd=desk)
    assert result.returncode == 2 and "source text differs" in result.stderr.decode()
    assert _digest(desk) == before


def test_export_takes_a_folder_and_refuses_when_nothing_is_pending(cli, tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "summary.yaml", tmp_path / "summary.yaml")
    result = cli("translate", "export", str(tmp_path), "-o", str(tmp_path / "out.xlf"))
    assert result.returncode == 2
    assert "no side is pending translation" in result.stderr.decode()
    assert not (tmp_path / "out.xlf").exists()


def test_extract_fills_sides_by_formula_and_lists_them_for_review(desk: Path) -> None:
    text = (desk / "release-ar.yaml").read_text(encoding="utf-8")
    summary = read_summary(desk / "release-ar.yaml")
    assert summary.follow_ups[0].what.en == "to pay an official visit to Tajikistan"
    assert "follow_ups[0].what.en: filled by formula; check the translation" in summary.review
    assert "# [14]" in text  # the extractor's source comments survive the fill


