"""`briefing pack`: the samples as one PDF, HTML and DOCX with cover, contents, notes and annexes."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from pdftools import SAMPLE_TITLES, SHIPPED_FACES, index_annex, latin_words, note_starts, page_texts, pdf_fonts, require
from support import SAMPLES, run_cli

CONFIG = str(SAMPLES / "briefing.toml")


def _samples() -> list[str]:
    return [str(p) for p in sorted(SAMPLES.glob("*.yaml"))]


@pytest.fixture(scope="module", params=["typst", "weasyprint"])
def engine(request) -> str:
    """Each PDF engine: Typst (the default) and WeasyPrint (`--engine weasyprint`)."""
    return request.param


@pytest.fixture(scope="module")
def pack_pdf(tmp_path_factory, engine):
    folder = tmp_path_factory.mktemp("pack")
    result = run_cli("pack", *_samples(), "-o", str(folder / "pack.pdf"), "--config", CONFIG, "--title", "Central Asia file",
                     "--engine", engine)
    assert result.returncode == 0, result.stderr.decode()
    return folder / "pack.pdf"








def test_pack_pdf_uses_each_shipped_face_once(pack_pdf):
    fonts = pdf_fonts(pack_pdf)
    assert fonts and {f.face for f in fonts} <= SHIPPED_FACES
    assert all(f.embedded and f.subset for f in fonts)
    faces = [f.face for f in fonts]
    assert len(faces) == len(set(faces)), f"a face is embedded more than once: {faces}"
    assert len({f.name for f in fonts}) == len(fonts)  # one subset tag per subset


def test_pack_pdf_is_tagged(pack_pdf):
    import subprocess

    info = subprocess.run([require("pdfinfo"), str(pack_pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info


def test_pack_pdf_cover_has_its_own_page_and_the_title_on_both_sides(pack_pdf):
    pages = page_texts(pack_pdf)
    cover = pages[0]
    assert cover.count("Central Asia file") == 2  # a one-language title is the pack's name on both sides
    assert "RESTRICTED" in cover and "Contents" not in cover and "ترجمة معلقة" not in cover
    assert "Contents" in pages[1]


def test_pack_pdf_contents_give_the_page_each_note_starts_on(pack_pdf):
    pages = page_texts(pack_pdf)
    contents = pages[1]
    starts = note_starts(pages)
    annexes = next(n for n, text in enumerate(pages, 1) if "Annex A: Index of participants" in text)
    assert list(starts) == list(SAMPLE_TITLES) and sorted(starts.values()) == list(starts.values())
    assert starts["phone-call-en"] == 3  # cover, contents, then the first note
    layout = page_texts(pack_pdf, layout=True)[1]  # one line per contents row: number, titles, page
    for key, title in SAMPLE_TITLES.items():
        first_words = " ".join(title.split()[:3])
        row = next(line for line in layout.splitlines() if first_words in line)
        assert int(re.search(r"(\d+)\s*$", row)[1]) == starts[key], row
    numbers = [int(n) for n in re.findall(r"^\s*(\d+)\s*$", contents, re.MULTILINE)]
    for page in (*starts.values(), annexes):
        assert page in numbers, f"page {page} is not in the contents: {numbers}"
    for number, text in enumerate(pages, 1):
        assert f"Page {number} of {len(pages)}" in text


def test_pack_pdf_index_is_one_line_per_person_with_note_and_page(pack_pdf):
    annex = index_annex(pack_pdf)
    assert "Met" not in annex and "Meetings" not in annex


def test_pack_pdf_outline_has_every_part_in_both_languages(pack_pdf):
    from pypdf import PdfReader

    reader = PdfReader(pack_pdf)
    pages = page_texts(pack_pdf)
    starts = note_starts(pages)
    top = [item for item in reader.outline if not isinstance(item, list)]
    children = next(item for item in reader.outline if isinstance(item, list))
    titles = [item.title for item in top]
    assert len(top) == 1 + 1 + len(SAMPLE_TITLES) + 1  # cover, contents, notes, annexes
    assert titles[1] == "المحتويات / Contents" and titles[-1] == "الملاحق / Annexes"
    for item, (key, title) in zip(top[2:], SAMPLE_TITLES.items()):
        assert title in item.title and re.search(r"[\u0600-\u06ff]", item.title), item.title
        assert reader.get_destination_page_number(item) + 1 == starts[key]
    assert [c.title for c in children] == ["الملحق أ: فهرس المشاركين / Annex A: Index of participants",
                                           "الملحق ب: المتابعات المفتوحة / Annex B: Open follow-ups"]
    links = [a.get_object() for a in reader.pages[1].get("/Annots", [])]
    assert len(links) >= len(SAMPLE_TITLES) + 1


def test_pack_pdf_is_the_same_on_rerun(pack_pdf, engine, tmp_path):
    out = tmp_path / "again.pdf"
    result = run_cli("pack", *_samples(), "-o", str(out), "--config", CONFIG, "--title", "Central Asia file", "--workers", "2",
                     "--engine", engine)
    assert result.returncode == 0, result.stderr.decode()
    assert out.read_bytes() == pack_pdf.read_bytes()


@pytest.mark.slow
def test_pack_pdf_a3u_when_asked(tmp_path):
    """veraPDF is not packaged for Debian; this checks what PDF/A-3u asks of the file that poppler and pypdf can see."""
    from pypdf import PdfReader

    out = tmp_path / "pack.pdf"
    result = run_cli("pack", *_samples(), "-o", str(out), "--config", CONFIG, "--pdf-variant", "pdf/a-3u")
    assert result.returncode == 0, result.stderr.decode()
    reader = PdfReader(out)
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", xmp) and re.search(r"pdfaid:conformance[^A-Z]*U", xmp)
    assert "/OutputIntents" in reader.trailer["/Root"] and "/StructTreeRoot" in reader.trailer["/Root"]
    assert all(f.embedded for f in pdf_fonts(out))
    bad = run_cli("pack", *_samples(), "-o", str(tmp_path / "x.pdf"), "--pdf-variant", "pdf/z")
    assert bad.returncode == 2 and b"--pdf-variant" in bad.stderr and not (tmp_path / "x.pdf").exists()


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
    positions = [html.index(SAMPLE_TITLES[k]) for k in ("phone-call-en", "visit-long", "summary")]
    assert positions == sorted(positions)


def test_pack_docx_contents_is_a_table_with_page_fields(tmp_path):
    out = tmp_path / "pack.docx"
    result = run_cli("pack", *_samples(), "-o", str(out), "--config", CONFIG)
    assert result.returncode == 0, result.stderr.decode()
    with zipfile.ZipFile(out) as archive:
        assert archive.testzip() is None
        document = archive.read("word/document.xml").decode()
        settings = archive.read("word/settings.xml").decode()
    assert "TOC \\" not in document and '<w:updateFields w:val="true"/>' in settings
    contents = document[:document.index("</w:tbl>", document.index("_TocPackAnnexes"))]
    for name in ("_TocPack0001", "_TocPack0002", "_TocPack0003", "_TocPackAnnexes"):
        assert f"PAGEREF {name} \\h" in contents
        assert '<w:bookmarkStart w:id="' in document and f'w:name="{name}"' in document
    assert contents.count('w:anchor="_TocPack') == 2 * 4  # each row's English and Arabic title link to the note


def _libreoffice_pdf(docx, folder):
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/lo", "--convert-to", "pdf",
                    "--outdir", str(folder), str(docx)], capture_output=True, timeout=240, check=True)
    return folder / (docx.stem + ".pdf")


@pytest.mark.slow
def test_pack_docx_in_libreoffice_shows_contents_with_the_right_pages(tmp_path):
    import subprocess

    out = tmp_path / "pack.docx"
    assert run_cli("pack", *_samples(), "-o", str(out), "--config", CONFIG).returncode == 0
    pdf = _libreoffice_pdf(out, tmp_path)
    pages = page_texts(pdf)
    layout = page_texts(pdf, layout=True)
    assert "Contents" not in pages[0] and "Contents" in pages[1]  # the cover has its own page
    starts = [next(n for n, text in enumerate(pages, 1) if f"Note {k}" in text) for k in range(1, len(SAMPLE_TITLES) + 1)]
    annex = next(n for n, text in enumerate(pages, 1) if "Annex A: Index of participants" in text)
    order = []
    for title, start in zip(SAMPLE_TITLES.values(), starts):
        row = next(line for line in layout[1].splitlines() if " ".join(title.split()[:3]) in line)
        assert re.match(r"\s*\d+\s+\S", row) and re.search(r"[\u0600-\u06ff]", row), row  # number, English, page, Arabic on one line
        assert int(re.search(r"\s(\d+)\s+[^\d\s]", row[row.index(title.split()[2]):])[1]) == start, (row, starts)
        order.append(layout[1].index(row))
    assert order == sorted(order)
    annexes_row = next(line for line in layout[1].splitlines() if "Annexes" in line)
    assert int(re.search(r"Annexes\s+(\d+)", annexes_row)[1]) == annex
    index = "\n".join(layout[annex - 1:])
    refs = re.findall(r"\b(\d) \((\d+)\)", index[:index.index("Annex B")])
    assert refs and all(starts[int(n) - 1] == int(p) for n, p in refs), (refs, starts)
    png = tmp_path / "contents"
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "2", "-l", "2", "-singlefile", str(pdf), str(png)], check=True)
    assert png.with_suffix(".png").stat().st_size > 2000  # drawn, not blank


def test_pack_from_the_archive_with_a_filter(tmp_path):
    archive = str(tmp_path / "a.sqlite")
    assert run_cli("archive", "add", "--archive", archive, *_samples()).returncode == 0
    out = tmp_path / "gb.html"
    result = run_cli("pack", "--from-archive", "--archive", archive, "--country", "GB", "-o", str(out))
    assert result.returncode == 0, result.stderr.decode()
    html = out.read_text(encoding="utf-8")
    assert html.count('class="pack-note"') == 1 and SAMPLE_TITLES["phone-call-en"] in html
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


def _on_a_terminal(*args: str) -> str:
    """Run `briefing pack ARGS` with stderr on a terminal; return what the terminal showed, colours removed."""
    import os
    import pty
    import subprocess
    import sys
    import threading

    master, slave = pty.openpty()
    run = subprocess.Popen([sys.executable, "-m", "briefing", "pack", *args],
                           stdout=subprocess.PIPE, stderr=slave, env={**os.environ, "TERM": "xterm", "COLUMNS": "120"})
    os.close(slave)
    seen = bytearray()

    def read() -> None:  # drain the terminal while the pack runs, so the bar never blocks on a full buffer
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            seen.extend(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    run.communicate(timeout=300)
    reader.join(timeout=10)
    os.close(master)
    assert run.returncode == 0
    return re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", bytes(seen).decode("utf-8", "replace"))


def _positions(text: str, stage: str) -> list[tuple[int, int]]:
    """Every `done/total` the bar showed in `stage`."""
    return [(int(a), int(b)) for a, b in re.findall(re.escape(stage) + r"\S*\s.*?(\d+)/(\d+)", text)]


@pytest.mark.slow
def test_pack_progress_bar_moves_with_the_pages_on_a_terminal(tmp_path):
    text = _on_a_terminal(*_samples(), "-o", str(tmp_path / "pack.pdf"), "--engine", "weasyprint")
    shown = _positions(text, "Laying out the pack (pages)")
    positions = sorted({a for a, _ in shown})
    assert len(positions) >= 4, shown[:20]  # the bar moved through the run, not in one jump
    assert max(b for _, b in shown) >= 2 * 15  # laid out and drawn, page by page (the samples make ~20 pages)


@pytest.mark.slow
def test_typst_pack_progress_bar_moves_note_by_note_then_pulses_while_typst_lays_out(tmp_path):
    import json

    from briefing.read.summaries import dump_summary, read_summary

    notes = []
    for n in range(36):  # the samples again and again, each an event of its own
        data = json.loads(json.dumps(dump_summary(read_summary(Path(_samples()[n % 3]))), default=str))
        data["id"], data["event"]["date"] = f"copy-{n:02d}", f"2026-04-{1 + n % 28:02d}"
        notes.append(tmp_path / f"copy-{n:02d}.json")
        notes[-1].write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    text = _on_a_terminal(*map(str, notes), "-o", str(tmp_path / "pack.pdf"))
    written = _positions(text, "Writing the pack (notes)")
    assert {total for _, total in written} == {36}, written[:20]
    assert len({done for done, _ in written}) >= 3, written  # the bar moved as the notes were written
    laying = text[text.rindex("Writing the pack (notes)"):]
    assert re.search(r"Laying out the pack \(Typst\)\S*\s.*?\d+/\?", laying), laying[-400:]  # no total: the bar pulses


def test_overview_lists_every_note_after_the_contents_in_every_format(tmp_path):
    pdf = tmp_path / "pack.pdf"
    result = run_cli("pack", *_samples(), "-o", str(pdf), "--config", CONFIG, "--overview")
    assert result.returncode == 0, result.stderr.decode()
    pages = page_texts(pdf)
    assert "Contents" in pages[1] and "The pack's events at a glance" in pages[2] and "أحداث الملف في لمحة" in pages[2]
    for title in SAMPLE_TITLES.values():
        assert title in latin_words(pages[2]), title
    assert min(note_starts(pages[:2] + pages[3:]).values()) == 3  # the notes follow on the next page
    for fmt in ("html", "docx"):
        assert run_cli("pack", *_samples(), "-o", str(tmp_path / f"pack.{fmt}"), "--config", CONFIG, "--overview").returncode == 0
    html = (tmp_path / "pack.html").read_text(encoding="utf-8")
    overview = html[html.index('id="overview"'):html.index('class="pack-note')]
    assert all(title.split()[0] in overview for title in SAMPLE_TITLES.values()) and overview.count('class="row-unit"') == 2 * len(SAMPLE_TITLES)
    from html import unescape

    with zipfile.ZipFile(tmp_path / "pack.docx") as docx:
        body = unescape("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", docx.read("word/document.xml").decode())))
    assert body.index("Contents") < body.index("The pack's events at a glance") < body.index("Note 1")


def test_without_overview_the_pack_has_none(tmp_path):
    result = run_cli("pack", *_samples(), "-o", str(tmp_path / "pack.html"), "--config", CONFIG)
    assert result.returncode == 0, result.stderr.decode()
    assert 'id="overview"' not in (tmp_path / "pack.html").read_text(encoding="utf-8")


def test_a_pack_reads_standard_input_among_other_inputs(tmp_path):
    out = tmp_path / "pack.html"
    first, *others = _samples()
    with open(first, "rb") as handle:
        result = run_cli("pack", "-", *others, "-o", str(out), stdin=handle.read())
    assert result.returncode == 0, result.stderr.decode()  # a worker's standard input is /dev/null: read here
    assert len(re.findall(r'<section class="pack-note"', out.read_text(encoding="utf-8"))) == 3
