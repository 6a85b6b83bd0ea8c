"""The digest's paragraph per event, worded from the shipped labels.yaml (or a theme's)."""

from __future__ import annotations

from briefing.render.paragraphs import MAX_TOPICS, digest_paragraph
from briefing.render.templates import load_labels, search_path
from briefing.summary.model import parse_summary

LABELS = load_labels(search_path())


def summary(title=None, agenda=()):
    title = title or {"en": "Talks in Moscow", "ar": "مباحثات في موسكو"}
    return parse_summary({
        "format": 1, "language": "en",
        "event": {"type": "talks", "date": "2026-11-24", "title": title, "place": {"en": "Moscow", "ar": "موسكو"}},
        "participants": [{"id": i, "name": {"en": i.title(), "ar": "اسم " + i}, "country": c, "side": s}
                         for i, c, s in (("rahmon", "TJ", "guest"), ("putin", "RU", "host"))],
        "agenda": [{"label": label} for label in agenda],
    })


def paragraph(s):
    return digest_paragraph(s, LABELS)


def test_paragraph_in_both_languages():
    text = paragraph(summary(agenda=({"en": "Trade", "ar": "التجارة"}, {"en": "Energy", "ar": "الطاقة"})))
    assert text.en == "Talks in Moscow. Participants: Rahmon and Putin. Place: Moscow. Topics: Trade; Energy."
    assert text.ar == "مباحثات في موسكو. المشاركون: اسم rahmon واسم putin. المكان: موسكو. المواضيع: التجارة؛ الطاقة."


def test_paragraph_side_is_pending_when_the_title_lacks_it():
    text = paragraph(summary(title={"en": "Talks"}))
    assert text.ar is None and text.en.startswith("Talks.")


def test_paragraph_without_title_uses_the_event_type():
    text = paragraph(parse_summary({"format": 1, "language": "en", "event": {"type": "phone_call"},
                                    "participants": [{"id": "a", "name": {"en": "A", "ar": "أ"}}]}))
    assert (text.en, text.ar) == ("Phone call. Participants: A.", "اتصال هاتفي. المشاركون: أ.")


def test_topics_past_the_limit_are_counted():
    topics = [{"en": f"T{i}", "ar": f"م{i}"} for i in range(MAX_TOPICS + 2)]
    text = paragraph(summary(agenda=topics))
    assert text.en.endswith("Topics: T0; T1; T2; T3; and 2 more.")
    assert text.ar.endswith("المواضيع: م0؛ م1؛ م2؛ م3؛ و2 غيرها.")


def test_a_theme_can_reword_the_paragraph(tmp_path):
    (tmp_path / "labels.yaml").write_text("digest:\n  participants: {ar: الحضور, en: Present}\n", encoding="utf-8")
    labels = load_labels(search_path(tmp_path))
    text = digest_paragraph(summary(), labels)
    assert "Present: Rahmon and Putin." in text.en and "الحضور: اسم rahmon واسم putin." in text.ar
