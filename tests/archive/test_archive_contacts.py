"""`briefing note --archive`: the earlier contacts between the same countries, in PDF, DOCX and HTML, both languages.

The archive holds the real Rome talks (2015-08-07, with an open follow-up: more visits) and
an earlier visit of 2015-06-01; the note is of the return visit to Riyadh on 2015-08-12.
"""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

from briefing.read.summaries import summary_yaml

from ..pdftools import normalise_words, pdf_text, require
from .test_archive_memory import italian_visit_to_riyadh, rome


def _setup(cli, archive_url: str, folder: Path) -> Path:
    for name, summary in (("rome", rome()), ("june", italian_visit_to_riyadh("2015-06-01", url="https://spa.example/june"))):
        (folder / f"{name}.yaml").write_text(summary_yaml(summary), encoding="utf-8")
        assert cli("archive", "add", str(folder / f"{name}.yaml"), "--archive", archive_url).returncode == 0
    note = folder / "visit.yaml"
    note.write_text(summary_yaml(italian_visit_to_riyadh()), encoding="utf-8")
    return note


def test_the_note_lists_earlier_contacts_and_open_follow_ups_in_every_format(cli, archive_url, tmp_path):
    note = _setup(cli, archive_url, tmp_path)
    run = cli("note", str(note), "--archive", archive_url, "-o", str(tmp_path / "with"))
    assert run.returncode == 0, run.stderr
    [pdf] = (tmp_path / "with").glob("*.pdf")
    words = normalise_words(pdf_text(pdf))
    text = " ".join(words)
    assert "Earlier contacts between these parties" in text and "Open follow ups between these parties" in text
    assert set(normalise_words("الاتصالات السابقة بين الطرفين المتابعات المفتوحة")) <= set(words)
    assert text.index("7 August 2015") < text.index("1 June 2015")  # latest first
    assert "More visits between senior officials" in text
    html = pdf.with_suffix(".html").read_text(encoding="utf-8")
    assert "section-earlier_contacts" in html and "المتابعات المفتوحة بين الطرفين" in html and "Rome" in html
    with zipfile.ZipFile(pdf.with_suffix(".docx")) as docx:
        body = docx.read("word/document.xml").decode()
    assert "Earlier contacts between these parties" in body and "الاتصالات السابقة بين الطرفين" in body
    soffice = require("soffice")
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo", "--convert-to", "txt:Text",
                    "--outdir", str(tmp_path / "lo-out"), str(pdf.with_suffix(".docx"))], check=True, capture_output=True, timeout=180)
    shown = next((tmp_path / "lo-out").glob("*.txt")).read_text(encoding="utf-8")
    assert "Earlier contacts between these parties" in shown and "Open follow-ups between these parties" in shown


def test_without_an_archive_the_note_is_as_before(cli, archive_url, tmp_path):
    note = _setup(cli, archive_url, tmp_path)
    plain = cli("note", str(note), "-f", "html", "-o", str(tmp_path / "plain"))
    assert plain.returncode == 0, plain.stderr
    html = next((tmp_path / "plain").glob("*.html")).read_text(encoding="utf-8")
    assert "Earlier contacts" not in html and "section-open_between" not in html


def test_only_contacts_between_the_same_countries_and_before_the_note(archive, make):
    archive.add_summary(rome())
    archive.add_summary(italian_visit_to_riyadh("2015-06-01", url="https://spa.example/june"))
    archive.add_summary(italian_visit_to_riyadh("2015-09-01", url="https://spa.example/after"))  # after the note
    archive.add_summary(make("2015-07-01", url="https://other.example/1"))  # RU/TJ
    earlier, between = archive.earlier_contacts(italian_visit_to_riyadh(), limit=1)
    assert [e.date.isoformat() for e in earlier] == ["2015-08-07"]
    assert [f.what.en.split()[0] for f in between] == ["More"]
    before_rome, none_open = archive.earlier_contacts(italian_visit_to_riyadh("2015-07-01"))
    assert [e.date.isoformat() for e in before_rome] == ["2015-06-01"] and none_open == []
