"""`briefing digest`: a week from a SQLite archive filled here, as an unattended job would write it."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import zipfile

import pytest

from briefing.summary.model import parse_summary
from pdftools import SHIPPED_FACES, pdf_fonts, pdf_text
from support import ROOT, run_cli

WEEK = "2026-W48"  # Monday 23 to Sunday 29 November 2026


def _summary(date, type, people, *, title, place=None, follow_ups=(), agenda=()):
    data = {
        "format": 1, "language": "en",
        "event": {"type": type, "date": date, "title": title},
        "participants": [{"id": i, "name": {"en": i.title(), "ar": ar}, "country": c, "side": s} for i, ar, c, s in people],
        "follow_ups": list(follow_ups), "agenda": [{"label": a} for a in agenda],
    }
    if place:
        data["event"]["place"] = place
    return parse_summary(data)


TJ_RU = (("rahmon", "رحمان", "TJ", "host"), ("putin", "بوتين", "RU", "guest"))


@pytest.fixture
def archive(tmp_path):
    """An archive with one event the week before (opening a visit), two in the week (closing it, opening a call), one after."""
    from briefing.archive.store import open_archive

    path = tmp_path / "archive.sqlite"
    visit = {"kind": "visit", "who": "putin", "what": {"en": "Official visit to Tajikistan", "ar": "زيارة رسمية إلى طاجيكستان"}, "status": "accepted"}
    call = {"kind": "call", "who": "lammy", "what": {"en": "A call on Yemen", "ar": "اتصال بشأن اليمن"}, "status": "proposed"}
    summaries = [
        _summary("2026-11-17", "meeting", (("rahmon", "رحمان", "TJ", "guest"), ("putin", "بوتين", "RU", "host")),
                 title={"en": "Talks in Moscow", "ar": "مباحثات في موسكو"}, place={"en": "Moscow", "ar": "موسكو"}, follow_ups=[visit]),
        _summary("2026-11-26", "phone_call", (("lammy", "لامي", "GB", "guest"), ("albusaidi", "البوسعيدي", "OM", "host")),
                 title={"en": "Call between London and Muscat", "ar": "اتصال بين لندن ومسقط"}, follow_ups=[call],
                 agenda=({"en": "Yemen", "ar": "اليمن"},)),
        _summary("2026-11-24", "visit", TJ_RU, title={"en": "Visit to Dushanbe", "ar": "زيارة إلى دوشنبه"},
                 place={"en": "Dushanbe", "ar": "دوشنبه"}, agenda=({"en": "Energy", "ar": "الطاقة"},)),
        _summary("2026-12-01", "summit", TJ_RU, title={"en": "Summit in Astana", "ar": "قمة في أستانا"}),
    ]
    with open_archive(f"sqlite:///{path}") as store:
        for s in summaries:
            store.add_summary(s)
    return path


def _digest(archive, out, *args):
    return run_cli("digest", "--archive", str(archive), "-o", str(out), *args)


def _section(html: str, key: str) -> str:
    start = html.index(f'section-{key}"')
    end = html.find("<table class=\"parallel section-", start + 1)
    return html[start:end if end > 0 else None]


def test_digest_of_a_week_counts_lists_and_tracks_follow_ups(archive, tmp_path):
    out = tmp_path / "out"
    result = _digest(archive, out, "--week", WEEK)
    assert result.returncode == 0, result.stderr.decode()
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == [
        f"digest-{WEEK}.docx", f"digest-{WEEK}.html", f"digest-{WEEK}.pdf"]
    html = (out / f"digest-{WEEK}.html").read_text(encoding="utf-8")
    types = _section(html, "by_type")
    assert "Visit" in types and "Phone call" in types and "Meeting" not in types and "Summit" not in types
    countries = _section(html, "by_country")
    for name in ("Tajikistan", "Russia", "United Kingdom", "Oman"):
        assert name in countries
    events = _section(html, "events")
    assert events.index("Visit to Dushanbe") < events.index("Call between London and Muscat")
    assert "24 November 2026: Visit to Dushanbe." in events and "زيارة إلى دوشنبه" in events
    assert "Talks in Moscow" not in events and "Summit in Astana" not in html
    assert "Talks in Moscow" in _section(html, "contacts-ru-tj")  # the week before: an earlier contact, not an event
    gb_om = _section(html, "contacts-gb-om")  # no earlier contact: said so
    assert "Earlier contacts before the period: United Kingdom — Oman" in gb_om and "None." in gb_om
    assert "A call on Yemen" in _section(html, "followups-opened")
    closed = _section(html, "followups-closed")
    assert "Official visit to Tajikistan" in closed and "Done" in closed and "A call on Yemen" not in closed
    still = _section(html, "followups-open")
    assert "A call on Yemen" in still and "Official visit to Tajikistan" not in still


def test_digest_pdf_and_docx_say_the_same(archive, tmp_path):
    out = tmp_path / "out"
    assert _digest(archive, out, "--week", WEEK).returncode == 0
    pdf = out / f"digest-{WEEK}.pdf"
    assert {f.face for f in pdf_fonts(pdf)} <= SHIPPED_FACES
    text = " ".join(re.findall(r"[A-Za-z0-9-]+", pdf_text(pdf)))  # the Latin words in order (the columns' lines interleave)
    for words in ("Weekly digest of diplomatic activity", WEEK, "Events by type", "Follow-ups closed", "Visit to Dushanbe"):
        assert words in text
    with zipfile.ZipFile(out / f"digest-{WEEK}.docx") as docx:
        assert docx.testzip() is None
        document = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", docx.read("word/document.xml").decode()))
    assert "Visit to Dushanbe" in document and "Follow-ups still open" in document


def test_a_week_without_events_says_so(archive, tmp_path):
    out = tmp_path / "out"
    result = _digest(archive, out, "--week", "2026-W50")
    assert result.returncode == 0, result.stderr.decode()
    html = (out / "digest-2026-W50.html").read_text(encoding="utf-8")
    assert "No events were recorded in this period." in html and "لم تُسجَّل أحداث في هذه الفترة." in html
    assert "section-by_type" not in html
    assert "A call on Yemen" in _section(html, "followups-open")
    assert "No events were recorded" in " ".join(pdf_text(out / "digest-2026-W50.pdf").split())


def test_rerunning_a_week_gives_identical_bytes(archive, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    assert _digest(archive, first, "--week", WEEK).returncode == 0
    assert _digest(archive, second, "--week", "last", "--today", "2026-12-02").returncode == 0
    for fmt in ("pdf", "docx", "html"):
        assert (first / f"digest-{WEEK}.{fmt}").read_bytes() == (second / f"digest-{WEEK}.{fmt}").read_bytes(), fmt
    assert _digest(archive, first, "--week", WEEK).returncode == 0  # a rerun replaces the files
    assert (first / f"digest-{WEEK}.pdf").read_bytes() == (second / f"digest-{WEEK}.pdf").read_bytes()


def test_a_date_range_names_its_files_after_it(archive, tmp_path):
    result = _digest(archive, tmp_path, "--since", "2026-11-24", "--until", "2026-11-25", "--format", "html")
    assert result.returncode == 0, result.stderr.decode()
    html = (tmp_path / "digest-2026-11-24--2026-11-25.html").read_text(encoding="utf-8")
    assert "Visit to Dushanbe" in html and "Call between London" not in html
    assert "Digest of diplomatic activity" in html


def test_two_digests_at_once_both_finish_with_whole_files(archive, tmp_path):
    out = tmp_path / "out"
    command = [sys.executable, "-m", "briefing", "digest", "--archive", str(archive), "-o", str(out), "--week", WEEK]
    runs = [subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    outcomes = [(run.wait(timeout=300), run.communicate()[1].decode()) for run in runs]
    for code, err in outcomes:
        assert code == 0 or (code == 1 and err.startswith("briefing: Busy:")), err
    assert any(code == 0 for code, _ in outcomes)
    reference = tmp_path / "reference"
    assert _digest(archive, reference, "--week", WEEK).returncode == 0
    for fmt in ("pdf", "docx", "html"):
        assert (out / f"digest-{WEEK}.{fmt}").read_bytes() == (reference / f"digest-{WEEK}.{fmt}").read_bytes()
    assert not [p for p in out.iterdir() if p.name.endswith(".part")]


def test_a_digest_waiting_too_long_for_the_lock_fails_cleanly(archive, tmp_path):
    from briefing.base.lock import exclusive

    out = tmp_path / "out"
    out.mkdir()
    with exclusive(out):
        result = _digest(archive, out, "--week", WEEK, "--wait", "0.2")
    assert result.returncode == 1
    assert re.fullmatch(r"briefing: Busy: .*out: .*--wait\)\n", result.stderr.decode())
    assert list(out.iterdir()) == []


def test_a_digest_leaves_only_its_files_in_the_folder(archive, tmp_path):
    out = tmp_path / "out"
    assert _digest(archive, out, "--week", WEEK, "-f", "html").returncode == 0
    assert [p.name for p in out.iterdir()] == [f"digest-{WEEK}.html"]


def test_an_unreachable_archive_gives_one_line_and_no_file(tmp_path):
    result = _digest("postgresql://briefing@127.0.0.1:1/x", tmp_path / "out", "--week", WEEK)
    assert result.returncode == 1
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefing: Archive error: cannot open the archive")
    assert not (tmp_path / "out").exists()


def test_a_missing_archive_file_is_not_created(tmp_path):
    result = _digest(tmp_path / "none.sqlite", tmp_path / "out", "--week", WEEK)
    assert result.returncode == 1 and b"no archive here yet" in result.stderr
    assert not (tmp_path / "none.sqlite").exists() and not (tmp_path / "out").exists()


def test_a_damaged_record_gives_one_line_and_no_file(archive, tmp_path):
    with sqlite3.connect(archive) as db:
        db.execute("UPDATE sources SET summary = '{\"format\": 1}' WHERE event_id IN (SELECT id FROM events WHERE event_date = '2026-11-24')")
    db.close()
    result = _digest(archive, tmp_path / "out", "--week", WEEK)
    assert result.returncode == 1, result.stderr.decode()
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "not a valid summary" in lines[0]
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("args, field", [
    (("--week", "2026-W60"), "--week"),
    (("--week", WEEK, "--since", "2026-11-01", "--until", "2026-11-02"), "--week"),
    (("--since", "2026-11-01"), "--until"),
    (("--since", "2026-11-05", "--until", "2026-11-01"), "--until"),
    (("--format", "odt"), "--format"),
])
def test_bad_ranges_and_formats_are_option_errors(archive, tmp_path, args, field):
    result = _digest(archive, tmp_path / "out", *args)
    assert result.returncode == 2 and field.encode() in result.stderr
    assert not (tmp_path / "out").exists()


def test_digest_counts_are_tables_in_every_format(archive, tmp_path):
    import subprocess

    out = tmp_path / "out"
    assert _digest(archive, out, "--week", WEEK).returncode == 0
    html = (out / f"digest-{WEEK}.html").read_text(encoding="utf-8")
    table = html[html.index('<table class="grid counts section-by_type">'):]
    table = table[:table.index("</table>")]
    assert re.search(r"<td[^>]*>Visit</td><td class=\"count\">1</td><td[^>]*>زيارة</td>", table), table
    layout = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", str(out / f"digest-{WEEK}.pdf"), "-"],
                            capture_output=True, text=True, check=True).stdout
    layout = re.sub("[\u202a-\u202e\u2066-\u2069]", "", layout)  # pdftotext marks embeddings of isolated runs
    visit = [line for line in layout.splitlines() if "Visit" in line and "زيارة" in line]
    assert visit and re.search(r"Visit\s+1\s", visit[0]), visit  # one row: label, count, label
    with zipfile.ZipFile(out / f"digest-{WEEK}.docx") as docx:
        document = docx.read("word/document.xml").decode()
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<w:tc>.*?</w:tc>", document, re.DOTALL)]
    assert "Visit" in cells or any(c.strip() == "Visit" for c in cells), cells[:20]


def _outline(pdf) -> list[tuple[str, int]]:
    from pypdf import PdfReader

    reader = PdfReader(pdf)
    return [(item.title, reader.get_destination_page_number(item) + 1) for item in reader.outline if not isinstance(item, list)]


def test_typst_digest_says_what_the_weasyprint_one_says_tagged_with_each_face_once(archive, tmp_path):
    pytest.importorskip("typst")
    from pdftools import require

    typst, weasy = tmp_path / "typst", tmp_path / "weasy"
    result = _digest(archive, typst, "--week", WEEK, "-f", "pdf", "--engine", "typst")
    assert result.returncode == 0, result.stderr.decode()
    assert _digest(archive, weasy, "--week", WEEK, "-f", "pdf", "--engine", "weasyprint").returncode == 0
    pdf = typst / f"digest-{WEEK}.pdf"
    info = subprocess.run([require("pdfinfo"), str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.MULTILINE), info
    assert re.search(r"^Title:\s+الموجز الأسبوعي للنشاط الدبلوماسي — ٢٣ نوفمبر ٢٠٢٦ – ٢٩ نوفمبر ٢٠٢٦$", info, re.MULTILINE), info
    fonts = pdf_fonts(pdf)
    assert len(fonts) == len({f.family for f in fonts}) == 4 and all(f.embedded and f.subset for f in fonts), fonts
    assert [title for title, _ in _outline(pdf)] == [title for title, _ in _outline(weasy / f"digest-{WEEK}.pdf")]
    text = " ".join(re.findall(r"[A-Za-z0-9-]+", pdf_text(pdf)))
    for words in ("Weekly digest of diplomatic activity", WEEK, "Events by type", "Follow-ups closed", "Visit to Dushanbe",
                  "Earlier contacts before the period"):
        assert words in text
    arabic = pdf_text(pdf)
    assert "زيارة إلى دوشنبه" in arabic and "المتابعات التي ما زالت مفتوحة" in arabic
    layout = re.sub("[\u202a-\u202e\u2066-\u2069]", "", subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    visit = [line for line in layout.splitlines() if "Visit" in line and "زيارة" in line]
    assert visit and re.search(r"Visit\s+1\s", visit[0]), visit  # the counts are a table: label, count, label
    again = tmp_path / "again"
    assert _digest(archive, again, "--week", WEEK, "-f", "pdf", "--engine", "typst").returncode == 0
    assert (again / f"digest-{WEEK}.pdf").read_bytes() == pdf.read_bytes()


def test_typst_digest_repeats_a_sections_heading_on_each_page_it_runs_onto(tmp_path):
    pytest.importorskip("typst")
    from briefing.archive.store import open_archive
    from pdftools import page_texts

    path = tmp_path / "archive.sqlite"
    agenda = tuple({"en": f"Topic number {n} of a long agenda", "ar": f"الموضوع رقم {n} من جدول أعمال طويل"} for n in range(12))
    with open_archive(f"sqlite:///{path}") as store:
        for n in range(24):
            country = "RU CN IN KZ UZ KG TR IR PK AF AE SA QA KW OM BH EG JO FR DE GB US JP KR".split()[n]  # 24 events, not one a day
            guests = (("rahmon", "رحمان", "TJ", "host"), (f"envoy-{n}", f"المبعوث {n}", country, "guest"))
            store.add_summary(_summary(f"2026-11-{23 + n % 7}", "visit", guests, agenda=agenda,
                                       title={"en": f"Visit number {n} to Dushanbe", "ar": f"الزيارة رقم {n} إلى دوشنبه"}))
    result = _digest(path, tmp_path / "out", "--week", WEEK, "-f", "pdf", "--engine", "typst")
    assert result.returncode == 0, result.stderr.decode()
    pages = page_texts(tmp_path / "out" / f"digest-{WEEK}.pdf")
    events = [text for text in pages if "Visit number" in text]
    assert len(events) >= 3, "the events should run over several pages"
    for text in events:
        assert "Events of the period" in text and "أحداث الفترة" in text


@pytest.mark.parametrize("args", [("--layout", "stacked"), ("--lang", "en"), ("--pdf-variant", "pdf/a-3u")])
def test_typst_digest_lays_out_every_layout_language_and_variant(archive, tmp_path, args):
    pytest.importorskip("typst")
    result = _digest(archive, tmp_path, "--week", WEEK, "-f", "pdf", "--engine", "typst", *args)
    assert result.returncode == 0, result.stderr.decode()
    text = " ".join(pdf_text(tmp_path / f"digest-{WEEK}.pdf").split())
    assert "Visit to Dushanbe" in text and "A call on Yemen" in text
    assert ("زيارة إلى دوشنبه" in text) == ("en" not in args)
