"""The HTML note: standalone, bilingual, escaped, overridable."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lxml import html as lxml_html

from briefing.read.summaries import read_summary
from briefing.render.html import render_html
from briefing.render.options import RenderOptions, prepare_note
from briefing.summary.model import parse_summary
from golden import check_golden
from support import SAMPLES, SEED

ARABIC = re.compile(r"[\u0600-\u06FF]")


def render(summary, **options) -> str:
    opts = RenderOptions(**options)
    return render_html(prepare_note(summary, opts), opts)


def without_fonts(page: str) -> str:
    """Replace the inlined font data (it changes with any glyph) by a placeholder."""
    return re.sub(r"data:font/ttf;base64,[A-Za-z0-9+/=]+", "data:font/ttf;base64,…", page)


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
def test_golden_html(sample):
    page = render(read_summary(SAMPLES / sample))
    check_golden(f"{Path(sample).stem}.html", without_fonts(page))


def test_standalone_no_external_resources():
    page = render(read_summary(SEED))
    urls = re.findall(r"""(?:src|href)\s*=\s*["']([^"']+)|url\(\s*["']?([^"')]+)""", page)
    resources = [u for pair in urls for u in pair if u]
    assert resources, "expected inlined fonts"
    fonts = [u for u in resources if u.startswith("data:font/ttf;base64,")]
    assert len(fonts) == 4  # two faces, regular and bold
    assert all(u.startswith("data:") for u in resources)


def test_every_text_block_has_lang_and_dir_and_arabic_is_rtl():
    page = render(read_summary(SEED))
    tree = lxml_html.fromstring(page.encode("utf-8"))
    body = tree.find("body")
    checked = 0
    for element in body.iter():
        own_text = (element.text or "").strip()
        if not own_text or element.tag in ("style", "script"):
            continue
        holder = next((a for a in [element, *element.iterancestors()] if a.get("lang")), None)
        assert holder is not None and holder.get("dir") in ("rtl", "ltr"), lxml_html.tostring(element)[:120]
        if ARABIC.search(own_text) and not re.search(r"[A-Za-z]{3,}", own_text):
            assert holder.get("lang") == "ar" and holder.get("dir") == "rtl", own_text
        checked += 1
    assert checked > 50


def test_parallel_puts_english_left_and_arabic_right():
    page = render(read_summary(SEED))
    tree = lxml_html.fromstring(page.encode("utf-8"))
    rows = tree.xpath('//table[contains(@class, "parallel")]//tr[contains(@class, "pair")]')
    assert rows
    for row in rows:
        cells = row.xpath("./td|./th")
        assert [c.get("lang") for c in cells] == ["en", "ar"]


def test_stacked_puts_languages_in_the_given_order():
    page = render(read_summary(SEED), layout="stacked", languages=("en", "ar"))
    tree = lxml_html.fromstring(page.encode("utf-8"))
    assert [a.get("lang") for a in tree.xpath("//article")] == ["en", "ar"]
    assert tree.get("lang") == "en"


def test_single_language_note_has_no_arabic_column():
    page = render(read_summary(SEED), languages=("en",))
    tree = lxml_html.fromstring(page.encode("utf-8"))
    assert not tree.xpath('//article[@lang="ar"]') and tree.xpath('//article[@lang="en"]')


def _summary(**extra):
    data = {
        "format": 1,
        "language": "ar",
        "event": {"type": "meeting"},
        "participants": [{"id": "a", "name": {"ar": "أحمد", "en": "Ahmed"}}],
    }
    data.update(extra)
    return parse_summary(data)


def test_missing_translation_is_shown_as_pending_in_both_directions():
    summary = _summary(positions=[{"speaker": "a", "stance": "emphasis", "text": "أكد على أهمية التعاون"}], context=[{"en": "Only English"}])
    page = render(summary)
    assert "[translation pending]" in page and "[ترجمة معلقة]" in page
    assert "أكد على أهمية التعاون" in page.split("[translation pending]", 1)[1]


def test_summary_text_is_escaped_and_never_a_template():
    summary = _summary(participants=[{"id": "a", "name": {"ar": "<script>alert(1)</script>", "en": "{{ 7*7 }} {% raw %}"}}])
    page = render(summary)
    assert "<script>alert(1)" not in page and "&lt;script&gt;" in page
    assert "{{ 7*7 }}" in page and "49" not in re.sub(r"data:[^\"')]+", "", page)


def test_empty_sections_are_left_out_and_missing_date_is_said():
    page = render(_summary())
    assert "Agenda" not in page and "Follow-ups" not in page and "Positions" not in page
    assert "Date not given" in page and "لم يُذكر التاريخ" in page


def test_template_folder_overrides_one_file(tmp_path):
    (tmp_path / "labels.yaml").write_text("sections:\n  participants: {ar: الحضور, en: Attendees}\n", encoding="utf-8")
    (tmp_path / "note.css").write_text("h2 { color: rgb(1, 2, 3); }\n", encoding="utf-8")
    page = render(read_summary(SEED), template_dirs=(tmp_path,))
    assert "Attendees" in page and "الحضور" in page and "Participants" not in page
    assert "rgb(1, 2, 3)" in page
    assert "Agenda" in page  # labels not overridden keep the shipped wording


def test_labels_read_by_libyaml_are_ruamels_and_a_broken_file_is_a_config_error(tmp_path):
    from ruamel.yaml import YAML

    from briefing.base.errors import ConfigError
    from briefing.render.templates import _read_labels, search_path

    shipped = search_path()[-1] / "labels.yaml"
    assert _read_labels(shipped) == YAML(typ="safe", pure=True).load(shipped.read_text(encoding="utf-8"))
    (tmp_path / "labels.yaml").write_text("sections: {participants: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="labels do not parse"):
        _read_labels(tmp_path / "labels.yaml")


def test_hijri_and_gregorian_dates_in_both_languages():
    page = render(_summary(event={"type": "visit", "date": "2026-11-24"})).replace("\u00a0", " ")  # dates never break
    assert "24 November 2026" in page and "٢٤ نوفمبر ٢٠٢٦" in page
    assert "1448 AH" in page and "١٤٤٨ هـ" in page


def test_a_date_and_a_label_never_break_from_what_follows():
    page = render(_summary(event={"type": "visit", "date": "2026-11-24"}))
    assert "24\u00a0November\u00a02026" in page and "٢٤\u00a0نوفمبر\u00a0٢٠٢٦" in page
    assert '<span class="label">Date:</span>&nbsp;24' in page
