"""Formulae and the TM fill pending sides, each marked in `origin` and `review`; nothing else changes."""

from __future__ import annotations

from briefing.read.summaries import read_summary
from briefing.summary.model import parse_summary
from briefing.terms import load_terms
from briefing.translate import build_memory, fill_translations, pending_sides
from support import SAMPLES

TERMS = load_terms()


def _summary(language: str, positions: list[dict], **extra) -> object:
    data = {
        "format": 1, "language": language, "event": {"type": "phone_call"},
        "participants": [{"id": "putin", "name": {"en": "Vladimir Putin", "ar": "فلاديمير بوتين"}},
                         {"id": "erdogan", "name": {"en": "Recep Tayyip Erdogan", "ar": "رجب طيب أردوغان"}}],
        "positions": positions, **extra,
    }
    return parse_summary(data)


def test_a_formula_fills_the_arabic_side_with_term_base_slots_and_says_so() -> None:
    summary = _summary("en", [{"speaker": "both", "stance": "emphasis", "text": {
        "en": "reaffirmed their intention to further promote the mutually beneficial partnership between Russia and Turkey"}}])
    filled = fill_translations(summary, terms=TERMS)
    position = filled.positions[0]
    assert position.text.ar == "أكد الجانبان عزمهما على مواصلة تعزيز الشراكة بين روسيا وتركيا"
    assert position.origin["text.ar"].by.value == "formula"
    assert "positions[0].text.ar: filled by formula; check the translation" in filled.review
    assert summary.positions[0].text.ar is None  # the input is not changed


def test_the_verb_agrees_with_the_speaker() -> None:
    text = {"en": "agreed to continue contacts at various levels"}
    one = fill_translations(_summary("en", [{"speaker": "putin", "stance": "agreement", "text": text}]), terms=TERMS)
    both = fill_translations(_summary("en", [{"speaker": "both", "stance": "agreement", "text": text}]), terms=TERMS)
    assert one.positions[0].text.ar == "اتفق على مواصلة الاتصالات على مختلف المستويات"
    assert both.positions[0].text.ar == "اتفق الجانبان على مواصلة الاتصالات على مختلف المستويات"


def test_arabic_to_english_titles_read_as_a_translator_writes_them() -> None:
    summary = _summary("ar", [], event={"type": "meeting", "title": {"ar": "لقاء رئيس جمهورية طاجيكستان مع رئيس الاتحاد الروسي"}})
    filled = fill_translations(summary, terms=TERMS)
    assert filled.event.title.en == "Meeting of the President of Tajikistan with the President of Russia"
    assert filled.event.origin["title.en"].detail == "formula: title_meeting"


def test_a_title_before_a_country_loses_its_article_in_arabic() -> None:
    summary = _summary("en", [], event={"type": "phone_call", "title": {"en": "Phone call of Vladimir Putin with the Prime Minister of Armenia"}})
    filled = fill_translations(summary, terms=TERMS)
    assert filled.event.title.ar == "اتصال هاتفي بين فلاديمير بوتين ورئيس وزراء أرمينيا"


def test_a_clause_with_a_word_outside_the_term_base_stays_pending() -> None:
    summary = _summary("en", [{"speaker": "both", "stance": "exchange_views",
                               "text": {"en": "discussed the situation in the flibbertigibbet region"}}])
    filled = fill_translations(summary, terms=TERMS)
    assert filled.positions[0].text.ar is None
    assert filled.positions[0].origin == {}
    assert [s.key for s in pending_sides(filled)] == ["positions[0].text.ar"]


def test_the_tm_fills_a_close_match_with_the_numbers_of_the_new_sentence() -> None:
    accepted = _summary("en", [{"speaker": "both", "stance": "agreement", "text": {
        "en": "agreed to hold 3 rounds of consultations on the energy dialogue next spring",
        "ar": "اتفقا على عقد 3 جولات من المشاورات بشأن حوار الطاقة في الربيع المقبل"}}],
        reviewed={"by": "translator", "on": "2024-01-10"})
    memory = build_memory([("accepted.yaml", accepted)], TERMS)
    new = _summary("en", [{"speaker": "both", "stance": "agreement", "text": {
        "en": "agreed to hold 4 rounds of consultations on the energy dialogue next spring"}}])
    filled = fill_translations(new, terms=TERMS, memory=memory)
    assert filled.positions[0].text.ar == "اتفقا على عقد 4 جولات من المشاورات بشأن حوار الطاقة في الربيع المقبل"
    origin = filled.positions[0].origin["text.ar"]
    assert origin.by.value == "tm" and 90 <= origin.score < 100 and origin.detail == "tm: accepted.yaml"


def test_the_tm_keeps_only_accepted_summaries_and_carries_names_over() -> None:
    seed = read_summary(SAMPLES / "summary.yaml")  # every side written by a person
    draft = _summary("en", [{"speaker": "both", "stance": "other", "text": {"en": "x", "ar": "y"}}, {"speaker": "both", "stance": "other", "text": {"en": "pending"}}])
    memory = build_memory([("summary.yaml", seed), ("draft.yaml", draft)], TERMS)
    assert {s.origin for s in memory.segments} == {"summary.yaml"}
    found = memory.lookup("لقاء مع رئيس الاتحاد الروسي فلاديمير بوتين", "ar")
    assert found[0].score == 100.0
    assert found[0].text == "Meeting with the President of the Russian Federation Vladimir Putin"


def test_a_note_made_from_a_release_gets_the_formula_fills_marked_for_review() -> None:
    from briefing.assemble.loading import load_input

    loaded = load_input(SAMPLES / "release-ar.txt")
    follow_up = loaded.summary.follow_ups[0]
    assert follow_up.what.en == "to pay an official visit to Tajikistan"
    assert follow_up.origin["what.en"].by.value == "formula"
    assert any("follow_ups[0].what.en: translated by a shipped formula" in w for w in loaded.warnings)


def test_a_follow_up_no_formula_translates_gets_a_label_from_its_kind_who_and_place() -> None:
    follow_ups = [
        {"kind": "visit", "who": "erdogan", "status": "scheduled",
         "what": {"en": "looks forward to welcoming President Erdogan in Moscow in the spring for talks"}},
        {"kind": "other", "who": "putin", "what": {"en": "will accelerate the delivery of grain shipments"}},
        {"kind": "meeting", "what": {"en": "expects to meet Foreign Minister Lavrov in Geneva"}},
    ]
    filled = fill_translations(_summary("en", [], follow_ups=follow_ups), terms=TERMS)
    visit, other, meeting = filled.follow_ups
    assert visit.what.ar == "زيارة رجب طيب أردوغان إلى موسكو"
    assert visit.origin["what.ar"].by.value == "formula"
    assert "label" in (visit.origin["what.ar"].detail or "")
    assert "follow_ups[0].what.ar: filled by formula; check the translation" in filled.review
    assert other.what.ar is None  # an undertaking of its own kind has no label: it stays for the translator
    assert meeting.what.ar is None  # who is to act is not known: no name to put in the label
