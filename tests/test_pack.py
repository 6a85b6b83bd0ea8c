"""`briefing pack`: the samples as one PDF, HTML and DOCX with cover, contents, notes and annexes."""

from __future__ import annotations

import re
import zipfile

import pytest

from pdftools import SHIPPED_FAMILIES, normalise_words, pdf_fonts, pdf_text, require
from support import SAMPLES, run_cli

CONFIG = str(SAMPLES / "briefing.toml")
TITLES = {  # the samples' English titles, in date order (the undated meeting last)
    "phone-call-en": "Telephone call between the UK Foreign",
    "visit-long": "Official visit of the Minister of",
    "summary": "Meeting of the President of Tajikistan",
}


def _samples() -> list[str]:
    return [str(p) for p in sorted(SAMPLES.glob("*.yaml"))]


@pytest.fixture(scope="module")
def pack_pdf(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pack")
    result = run_cli("pack", *_samples(), "-o", str(folder / "pack.pdf"), "--config", CONFIG, "--title", "Central Asia file")
    assert result.returncode == 0, result.stderr.decode()
    return folder / "pack.pdf"


def _page_texts(pdf) -> list[str]:
    import subprocess

    pages = int(re.search(rb"Pages:\s+(\d+)", subprocess.run([require("pdfinfo"), str(pdf)], capture_output=True, check=True).stdout)[1])
    return [subprocess.run([require("pdftotext"), "-enc", "UTF-8", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout for n in range(1, pages + 1)]


def _latin(text: str) -> str:
    """Return the Latin words of a text in order (pdftotext interleaves the two columns' lines)."""
    return " ".join(re.findall(r"[A-Za-z]+", text))


def test_pack_pdf_uses_only_the_shipped_fonts(pack_pdf):
    fonts = pdf_fonts(pack_pdf)
    assert fonts and {f.family for f in fonts} <= SHIPPED_FAMILIES
    assert all(f.embedded and f.subset for f in fonts)


def test_pack_pdf_contents_give_the_page_each_note_starts_on(pack_pdf):
    pages = _page_texts(pack_pdf)
    contents = pages[0]
    assert "Central Asia file" in contents and "Contents" in contents and "RESTRICTED" in contents
    starts = []
    for title in TITLES.values():
        assert title in _latin(contents)
        starts.append(next(n for n, text in enumerate(pages[1:], 2) if title in _latin(text)))
    annexes = next(n for n, text in enumerate(pages, 1) if "Annex A: Index of participants" in text)
    assert starts == sorted(starts) and starts[0] == 2
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s*$", contents, re.MULTILINE)]
    for page in (*starts, annexes):
        assert page in numbers, f"page {page} is not in the contents: {numbers}"
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text


def test_pack_pdf_annexes_index_participants_and_open_follow_ups(pack_pdf):
    text = pdf_text(pack_pdf)
    annex = text[text.index("Annex A: Index of participants"):]
    assert "Annex B: Open follow-ups" in annex
    words = normalise_words(annex)
    for name in ("Eleanor", "Hartley", "Rahmon", "Putin"):
        assert name in words
    assert "Met" in annex or "Meetings" in annex
    assert "18 November 2026 (note 1)" in " ".join(annex.split())


def test_pack_pdf_has_an_outline_and_working_contents_links(pack_pdf):
    from pypdf import PdfReader

    reader = PdfReader(pack_pdf)
    outline = [item.title for item in reader.outline]
    assert len(outline) == 1 + len(TITLES) + 1
    targets = {reader.get_destination_page_number(item) for item in reader.outline}
    links = [a.get_object() for a in reader.pages[0].get("/Annots", [])]
    assert len(links) >= len(TITLES) + 1
    assert {reader.get_page_number(reader.pages[0]) for _ in links} == {0}
    assert len(targets) == len(outline)


def test_pack_pdf_is_the_same_serial_or_parallel_and_on_rerun(pack_pdf, tmp_path):
    for workers in ("1", "2"):
        out = tmp_path / f"pack-{workers}.pdf"
        result = run_cli("pack", *_samples(), "-o", str(out), "--config", CONFIG, "--title", "Central Asia file", "--workers", workers)
        assert result.returncode == 0, result.stderr.decode()
        assert out.read_bytes() == pack_pdf.read_bytes()


def test_pack_html_is_one_page_with_links_to_each_note(tmp_path):
    out = tmp_path / "pack.html"
    result = run_cli("pack", *_samples(), "-o", str(out), "--layout", "stacked")
    assert result.returncode == 0, result.stderr.decode()
    html = out.read_text(encoding="utf-8")
    anchors = re.findall(r'<section class="pack-note" id="([^"]+)"', html)
    assert len(anchors) == 3
    for anchor in anchors:
        assert f'href="#{anchor}"' in html
    assert "Annex A: Index of participants" in html and "الملحق أ: فهرس المشاركين" in html
    assert "data:font/ttf;base64," in html and "http://" not in html.split("<body")[0]
    positions = [html.index(TITLES[k]) for k in ("phone-call-en", "visit-long", "summary")]
    assert positions == sorted(positions)


def test_pack_docx_has_a_toc_field_and_a_heading_per_note(tmp_path):
    out = tmp_path / "pack.docx"
    result = run_cli("pack", *_samples(), "-o", str(out), "--config", CONFIG)
    assert result.returncode == 0, result.stderr.decode()
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        document = archive.read("word/document.xml").decode()
        settings = archive.read("word/settings.xml").decode()
    assert re.search(r"<w:instrText[^>]*> TOC \\h \\z \\t &quot;Briefing Pack Heading,1&quot; </w:instrText>", document) or \
        re.search(r'<w:instrText[^>]*> TOC \\h \\z \\t "Briefing Pack Heading,1" </w:instrText>', document)
    assert '<w:updateFields w:val="true"/>' in settings
    for kind in ("begin", "separate", "end"):
        assert document.count(f'w:fldCharType="{kind}"') >= 1
    assert document.count('w:anchor="_TocPack') == 4  # three notes and the annexes, cached in the field
    assert document.count('<w:bookmarkStart') >= 4


@pytest.mark.slow
def test_pack_docx_opens_in_libreoffice_with_the_contents_shown(tmp_path):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    out = tmp_path / "pack.docx"
    assert run_cli("pack", *_samples(), "-o", str(out)).returncode == 0
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(out)], capture_output=True, timeout=240, check=True)
    text = _latin(pdf_text(tmp_path / "pack.pdf"))
    contents = text[: text.index("Annexes")]
    for title in TITLES.values():
        assert title in contents


def test_pack_from_the_archive_with_a_filter(tmp_path):
    archive = str(tmp_path / "a.sqlite")
    assert run_cli("archive", "add", "--archive", archive, *_samples()).returncode == 0
    out = tmp_path / "gb.html"
    result = run_cli("pack", "--from-archive", "--archive", archive, "--country", "GB", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    html = out.read_text(encoding="utf-8")
    assert html.count('class="pack-note"') == 1 and TITLES["phone-call-en"] in html
    none = run_cli("pack", "--from-archive", "--archive", archive, "--country", "FR", "-o", str(tmp_path / "fr.pdf"))
    assert none.returncode == 2 and b"no event matches" in none.stderr and not (tmp_path / "fr.pdf").exists()


@pytest.mark.parametrize("args, message", [
    (("-o", "pack.odt"), b"cannot tell the format"),
    (("--since", "2026-11-01", "-o", "pack.pdf"), b"only filter --from-archive"),
    (("--from-archive", "-o", "pack.pdf"), b"not both"),
])
def test_bad_options_give_one_line_and_no_file(tmp_path, args, message):
    result = run_cli("pack", *_samples(), *args, cwd=tmp_path)
    assert result.returncode == 2 and message in result.stderr
    assert len(result.stderr.decode().strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_bad_input_stops_the_pack_without_writing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("format: 1\nlanguage: xx\n", encoding="utf-8")
    result = run_cli("pack", *_samples(), str(bad), "-o", str(tmp_path / "pack.pdf"))
    assert result.returncode == 2 and len(result.stderr.decode().strip().splitlines()) == 1
    assert not (tmp_path / "pack.pdf").exists()


def test_an_existing_pack_is_kept_without_force(tmp_path):
    out = tmp_path / "pack.html"
    out.write_text("mine", encoding="utf-8")
    result = run_cli("pack", *_samples(), "-o", str(out))
    assert result.returncode == 2 and out.read_text(encoding="utf-8") == "mine"
    assert run_cli("pack", *_samples(), "-o", str(out), "--force").returncode == 0


def test_a_title_in_both_languages(tmp_path):
    out = tmp_path / "pack.html"
    result = run_cli("pack", *_samples(), "-o", str(out), "--title", "Central Asia file", "--title-ar", "ملف آسيا الوسطى")
    assert result.returncode == 0, result.stderr.decode()
    cover = out.read_text(encoding="utf-8").split('<nav class="contents"')[0].split("<body")[1]
    assert "Central Asia file" in cover and "ملف آسيا الوسطى" in cover and "ترجمة معلقة" not in cover
