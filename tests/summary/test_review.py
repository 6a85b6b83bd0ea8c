"""The review list is derived from the summary as it stands: origins, pending translations, notes; never stale."""

from __future__ import annotations

from pathlib import Path

from briefing.read.summaries import read_summary
from briefing.summary.review import is_draft, open_items, review_items
from support import MINIMAL_SUMMARY, SAMPLES

EXTRACTED = """format: 1
language: ar
event:
  type: visit
  date: 2026-11-24
  origin:
    date: {by: metadata, detail: "file name 2026-11-24-17.txt"}
participants:
  - id: rahmon
    name: {ar: إمام علي رحمان, en: Emomali Rahmon}
    country: TJ
    side: guest
  - id: betancur
    name: {ar: خوسيه بيتانكور, en: Khusih Bitankur}
    country: PE
    side: host
    origin:
      name.en: {by: transliterated}
      side: {by: inferred, detail: named second}
positions:
  - speaker: betancur
    stance: emphasis
    text: {ar: أكد أهمية التعاون}
review:
  - "participants[1].name.en: transliterated, not in the term base (خوسيه بيتانكور)"
  - "participants[2].name.en: transliterated, not in the term base (فلان)"
  - Confirm the date with the embassy
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_unchecked_origins_pending_sides_and_notes_are_listed(tmp_path):
    items = [str(i) for i in review_items(read_summary(write(tmp_path, EXTRACTED)))]
    assert items == [
        "event.date: read from file or page metadata (file name 2026-11-24-17.txt)",
        "participants[1].name.en: transliterated from the other script",
        "participants[1].side: inferred by a rule (named second)",
        "positions[0].text.en: pending translation",
        "review: Confirm the date with the embassy",
    ]


def test_deleting_a_participant_by_hand_takes_its_items_with_it(tmp_path):
    text = EXTRACTED.split("  - id: betancur")[0] + "positions:" + EXTRACTED.split("positions:")[1]
    text = text.replace("speaker: betancur", "speaker: rahmon")
    items = [str(i) for i in review_items(read_summary(write(tmp_path, text)))]
    assert not any("participants[1]" in i or "خوسيه" in i or "Bitankur" in i for i in items), items
    assert "positions[0].text.en: pending translation" in items


def test_filling_a_translation_closes_its_item(tmp_path):
    filled = EXTRACTED.replace("text: {ar: أكد أهمية التعاون}", "text: {ar: أكد أهمية التعاون, en: Stressed cooperation}")
    items = [i.path for i in review_items(read_summary(write(tmp_path, filled)))]
    assert "positions[0].text.en" not in items


def test_a_review_closes_checked_values_but_not_pending_translations(tmp_path):
    reviewed = EXTRACTED + "reviewed: {by: N. Staff, on: 2026-11-25}\n"
    summary = read_summary(write(tmp_path, reviewed))
    assert not is_draft(summary)
    assert [str(i) for i in open_items(summary)] == ["positions[0].text.en: pending translation"]


def test_an_unreviewed_summary_is_a_draft_even_with_nothing_to_check(tmp_path):
    summary = read_summary(write(tmp_path, MINIMAL_SUMMARY.replace("name: أحمد", "name: {ar: أحمد, en: Ahmad}")))
    assert is_draft(summary) and open_items(summary) == []


def test_the_shipped_samples_are_reviewed(samples):
    assert samples and all(not is_draft(read_summary(p)) for p in samples)
    assert [i.path for i in open_items(read_summary(SAMPLES / "phone-call-en.yaml"))] == ["positions[4].text.ar", "positions[6].text.ar"]
