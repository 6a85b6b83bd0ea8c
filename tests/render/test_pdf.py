"""The PDF note, checked with poppler: shipped fonts only, text that comes back out, metadata."""

from __future__ import annotations

import re
import subprocess

import pytest
from pypdf import PdfReader

from briefing.read.summaries import read_summary
from briefing.render.options import RenderOptions, prepare_note
from briefing.render.pdf import make_url_fetcher, render_pdf
from pdftools import SHIPPED_FACES, normalise_words, pdf_fonts, pdf_text, require
from support import SAMPLES, SEED


def write_pdf(tmp_path, summary, name="note.pdf", **options):
    opts = RenderOptions(**options)
    path = tmp_path / name
    path.write_bytes(render_pdf(prepare_note(summary, opts), opts))
    return path


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
@pytest.mark.parametrize("layout", ["parallel", "stacked"])
def test_only_shipped_fonts_embedded_and_subset(tmp_path, sample, layout):
    pdf = write_pdf(tmp_path, read_summary(SAMPLES / sample), layout=layout)
    fonts = pdf_fonts(pdf)
    assert fonts, "no fonts listed"
    assert {f.face for f in fonts} <= SHIPPED_FACES, [f.name for f in fonts]
    assert {"Noto-Naskh-Arabic", "Noto-Serif"} <= {f.family for f in fonts}
    assert all(f.embedded and f.subset for f in fonts)


def test_arabic_participant_names_come_back_out(tmp_path):
    summary = read_summary(SAMPLES / "visit-long.yaml")
    words = set(normalise_words(pdf_text(write_pdf(tmp_path, summary))))
    for participant in summary.participants:
        assert set(normalise_words(participant.name.ar)) <= words, participant.name.ar
        assert set(normalise_words(participant.name.en)) <= words, participant.name.en


def test_footer_numbers_pages_in_both_digit_systems(tmp_path):
    text = pdf_text(write_pdf(tmp_path, read_summary(SAMPLES / "visit-long.yaml")))
    pages = int(re.search(r"Page 1 of (\d+)", text).group(1))
    assert pages >= 2
    assert "صفحة" in text and "١" in text
    assert f"Page {pages} of {pages}" in text


def test_metadata_title_language_author_and_tags(tmp_path):
    from briefing.summary.model import Text

    pdf = write_pdf(tmp_path, read_summary(SEED), organisation=Text(ar="وزارة", en="Ministry of Examples"))
    info = subprocess.run([require("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "Ministry of Examples" in info
    assert "لقاء رئيس جمهورية طاجيكستان" in info
    assert re.search(r"Tagged:\s+yes", info)
    root = PdfReader(pdf).trailer["/Root"]
    assert root["/Lang"] == "ar"
    assert root["/MarkInfo"]["/Marked"]


def test_pdf_a3u_variant(tmp_path):
    pdf = write_pdf(tmp_path, read_summary(SEED), pdf_variant="pdf/a-3u")
    xmp = PdfReader(pdf).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert re.search(rb"pdfaid:part[^0-9]{0,3}3", xmp), xmp[:400]
    assert re.search(rb"pdfaid:conformance[^A-Z]{0,3}U", xmp)


def test_same_input_same_bytes(tmp_path):
    summary = read_summary(SAMPLES / "phone-call-en.yaml")
    assert write_pdf(tmp_path, summary, "a.pdf").read_bytes() == write_pdf(tmp_path, summary, "b.pdf").read_bytes()


def test_creation_date_comes_from_the_summary(tmp_path):
    pdf = write_pdf(tmp_path, read_summary(SAMPLES / "phone-call-en.yaml"))
    info = subprocess.run([require("pdfinfo"), "-isodates", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "2026-11-18" in info


def test_url_fetcher_refuses_files_outside_and_network(tmp_path):
    (tmp_path / "secret.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    fetcher = make_url_fetcher([SAMPLES])
    for url in ((tmp_path / "secret.png").as_uri(), "http://127.0.0.1:9/x.png", "file:///etc/hostname"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert fetcher.fetch((SAMPLES / "logo.svg").as_uri()).read().startswith(b"<svg")
    assert len(fetcher.refused) == 3


def _png(path):
    from PIL import Image

    Image.new("RGB", (8, 8), (200, 30, 30)).save(path)
    return path


def _images(pdf) -> int:
    listed = subprocess.run([require("pdfimages"), "-list", str(pdf)], capture_output=True, text=True, check=True)
    return len(listed.stdout.splitlines()) - 2  # two header lines


@pytest.mark.parametrize("inside", [False, True], ids=["outside-refused", "inside-control"])
def test_template_cannot_pull_in_outside_files(tmp_path, monkeypatch, inside):
    import briefing.render.pdf as pdf_module

    fetchers = []
    original = pdf_module.make_url_fetcher
    monkeypatch.setattr(pdf_module, "make_url_fetcher", lambda roots: fetchers.append(original(roots)) or fetchers[-1])
    templates = tmp_path / "theme"
    templates.mkdir()
    image = _png((templates if inside else tmp_path) / "secret.png")
    (templates / "note.css").write_text(f"body::before {{ content: url('{image.as_uri()}'); }}\n", encoding="utf-8")
    pdf = write_pdf(tmp_path, read_summary(SEED), template_dirs=(templates,))
    refused = [url for fetcher in fetchers for url in fetcher.refused]
    if inside:  # the negative control: the same picture in the template folder is drawn
        assert refused == [] and _images(pdf) > 0
    else:
        assert refused == [image.as_uri()] and _images(pdf) == 0
