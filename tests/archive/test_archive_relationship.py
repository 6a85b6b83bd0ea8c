"""`briefing pack --archive` and `briefing digest`: the earlier contacts between the same countries, in PDF, DOCX and HTML.

The archive holds the real Rome talks (2015-08-07, week 2015-W32) and an earlier visit of
2015-06-01; the pack is of the Rome talks and the return visit to Riyadh on 2015-08-12.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

from briefing.read.summaries import summary_yaml

from ..pdftools import normalise_words, pdf_text
from .test_archive_memory import italian_visit_to_riyadh, rome

W32, W33 = "2015-W32", "2015-W33"


def _fill(cli, archive_url: str, folder: Path, *names: str) -> None:
    made = {"rome": rome(), "june": italian_visit_to_riyadh("2015-06-01", url="https://spa.example/june"),
            "visit": italian_visit_to_riyadh()}
    for name in names:
        (folder / f"{name}.yaml").write_text(summary_yaml(made[name]), encoding="utf-8")
        assert cli("archive", "add", str(folder / f"{name}.yaml"), "--archive", archive_url).returncode == 0


def _docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as docx:
        return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", docx.read("word/document.xml").decode()))


def _plain(html: str) -> str:
    """Return HTML with no-break spaces as spaces (dates are joined with them)."""
    return html.replace("\u00a0", " ")


def _pack(cli, folder: Path, name: str, *args: str) -> Path:
    files = [str(folder / "rome.yaml"), str(folder / "visit.yaml")]
    run = cli("pack", *files, "-o", str(folder / name), *args)
    assert run.returncode == 0, run.stderr
    return folder / name


def test_each_note_of_a_pack_lists_its_earlier_contacts_in_every_format(cli, archive_url, tmp_path):
    _fill(cli, archive_url, tmp_path, "rome", "june")
    (tmp_path / "visit.yaml").write_text(summary_yaml(italian_visit_to_riyadh()), encoding="utf-8")
    text = " ".join(normalise_words(pdf_text(_pack(cli, tmp_path, "pack.pdf", "--archive", archive_url))))
    assert text.count("Earlier contacts between these parties") == 2  # each note its own
    rome_note, visit_note = text.split("Earlier contacts between these parties")[1:]
    assert "1 June 2015" in rome_note and "7 August 2015" not in rome_note.split("Source")[0]  # before the talks only
    assert visit_note.index("7 August 2015") < visit_note.index("1 June 2015")  # latest first
    assert "Open follow ups between these parties" in visit_note and "More visits between senior officials" in visit_note
    html = _pack(cli, tmp_path, "pack.html", "--archive", archive_url).read_text(encoding="utf-8")
    assert html.count("section-earlier_contacts") == 2 and "الاتصالات السابقة بين الطرفين" in html
    docx = _docx_text(_pack(cli, tmp_path, "pack.docx", "--archive", archive_url))
    assert docx.count("Earlier contacts between these parties") == 2 and "الاتصالات السابقة بين الطرفين" in docx


def test_without_an_archive_the_pack_has_no_earlier_contacts(cli, archive_url, tmp_path):
    _fill(cli, archive_url, tmp_path, "rome", "june")
    (tmp_path / "visit.yaml").write_text(summary_yaml(italian_visit_to_riyadh()), encoding="utf-8")
    html = _pack(cli, tmp_path, "plain.html").read_text(encoding="utf-8")
    assert "section-earlier_contacts" not in html and "section-open_between" not in html
    assert "Earlier contacts" not in _docx_text(_pack(cli, tmp_path, "plain.docx"))


def test_a_digest_lists_the_contacts_before_its_week_between_its_countries(cli, archive_url, tmp_path):
    _fill(cli, archive_url, tmp_path, "rome", "june", "visit")
    run = cli("digest", "--week", W33, "--archive", archive_url, "-o", str(tmp_path / "out"))
    assert run.returncode == 0, run.stderr
    html = _plain((tmp_path / "out" / f"digest-{W33}.html").read_text(encoding="utf-8"))
    section = html[html.index("section-contacts-it-sa"):]
    assert "Earlier contacts before the period: Italy — Saudi Arabia" in section and "إيطاليا — المملكة العربية السعودية" in section
    assert section.index("7 August 2015") < section.index("1 June 2015") and "12 August 2015" not in section
    words = " ".join(normalise_words(pdf_text(tmp_path / "out" / f"digest-{W33}.pdf")))
    assert "Earlier contacts before the period" in words
    assert "Earlier contacts before the period: Italy — Saudi Arabia" in _docx_text(tmp_path / "out" / f"digest-{W33}.docx")
    one = cli("digest", "--week", W33, "--archive", archive_url, "--contacts", "1", "-f", "html", "-o", str(tmp_path / "one"))
    assert one.returncode == 0, one.stderr
    section = _plain((tmp_path / "one" / f"digest-{W33}.html").read_text(encoding="utf-8")).split("section-contacts-it-sa")[1]
    assert "7 August 2015" in section and "1 June 2015" not in section
    none = cli("digest", "--week", W33, "--archive", archive_url, "--contacts", "0", "-f", "html", "-o", str(tmp_path / "none"))
    assert none.returncode == 0 and "section-contacts" not in (tmp_path / "none" / f"digest-{W33}.html").read_text(encoding="utf-8")


def test_a_past_weeks_digest_is_unchanged_after_a_later_event_is_added(cli, archive_url, tmp_path):
    _fill(cli, archive_url, tmp_path, "rome", "june")
    before, after = tmp_path / "before", tmp_path / "after"
    assert cli("digest", "--week", W32, "--archive", archive_url, "-o", str(before)).returncode == 0
    html = _plain((before / f"digest-{W32}.html").read_text(encoding="utf-8"))
    assert "1 June 2015" in html[html.index("section-contacts-it-sa"):]
    _fill(cli, archive_url, tmp_path, "visit")  # 2015-08-12, the week after, between the same countries
    assert cli("digest", "--week", W32, "--archive", archive_url, "-o", str(after)).returncode == 0
    for fmt in ("pdf", "docx", "html"):
        assert (before / f"digest-{W32}.{fmt}").read_bytes() == (after / f"digest-{W32}.{fmt}").read_bytes(), fmt


def test_contacts_before_a_day_are_per_set_of_countries_in_order_of_their_first_event(archive, make):
    archive.add_summary(rome())  # IT/SA, 2015-08-07
    archive.add_summary(italian_visit_to_riyadh("2015-06-01", url="https://spa.example/june"))
    archive.add_summary(make("2015-07-01", url="https://other.example/1"))  # RU/TJ
    archive.add_summary(make("2015-08-05", url="https://other.example/2"))  # RU/TJ, in the week
    archive.add_summary(make("2015-08-06", url="https://other.example/3", people=(("rahmon", "TJ", "host"), ("envoy", None, "guest"))))
    week = archive.events(since=dt.date(2015, 8, 3), until=dt.date(2015, 8, 9))
    found = archive.contacts_before(week, dt.date(2015, 8, 3))
    assert [(c, [e.date.isoformat() for e in es]) for c, es in found] == [(("RU", "TJ"), ["2015-07-01"]), (("IT", "SA"), ["2015-06-01"])]
    assert [len(es) for _, es in archive.contacts_before(week, dt.date(2015, 8, 10), limit=1)] == [1, 1]
