"""Extraction of the seed release and of crafted releases: what a reader of the summary would check."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.base.errors import InputError
from briefing.extract import extract_summary
from briefing.read.sources import Release, read_release
from support import SEED_RELEASE as SEED


def _release(text: str, language: str = "ar", date_hint: dt.date | None = None) -> Release:
    return Release(text=text, name="test", language=language, date_hint=date_hint, file="test.txt")


@pytest.fixture(scope="module")
def seed():
    return extract_summary(read_release(SEED))


def test_seed_is_a_meeting_in_moscow_with_two_principals(seed) -> None:
    summary = seed.summary
    assert summary.event.type.value == "meeting"
    assert summary.event.place.ar == "موسكو" and summary.event.place.en == "Moscow"
    assert summary.event.date is None and summary.event.date_text == "اليوم"
    people = {p.id: p for p in summary.participants}
    assert set(people) == {"emomali_rahmon", "vladimir_putin"}


def test_the_president_named_four_ways_is_one_participant_without_honorifics(seed) -> None:
    rahmon = seed.summary.participant("emomali_rahmon")
    assert rahmon.name.ar == "إمام علي رحمان" and rahmon.name.en == "Emomali Rahmon"
    assert "فخامة" not in rahmon.name.ar and "زعيم" not in (rahmon.title.ar or "")
    assert rahmon.country == "TJ" and rahmon.side.value == "guest"
    assert seed.summary.participant("vladimir_putin").side.value == "host"
    speakers = {p.speaker for p in seed.summary.positions}
    assert speakers <= {"emomali_rahmon", "vladimir_putin", "both"}


def test_seed_positions_carry_stance_speaker_and_source(seed) -> None:
    found = {(p.speaker, p.stance.value, p.source) for p in seed.summary.positions}
    assert ("emomali_rahmon", "satisfaction", 5) in found
    assert ("both", "emphasis", 6) in found
    assert ("emomali_rahmon", "concern", 8) in found
    for position in seed.summary.positions:
        assert position.text.ar and position.text.en is None  # a free clause stays pending
        assert position.text.ar.split()[0] in seed.sentences[position.source - 1]


def test_seed_invitation_is_an_accepted_visit_with_date_through_diplomatic_channels(seed) -> None:
    (visit,) = seed.summary.follow_ups
    assert (visit.kind.value, visit.status.value, visit.who) == ("visit", "accepted", "vladimir_putin")
    assert "القنوات الدبلوماسية" in visit.due.text.ar and visit.due.text.en


def test_seed_agenda_uses_the_vocabulary_and_the_release_wording(seed) -> None:
    topics = {a.topic.value for a in seed.summary.agenda if a.topic}
    assert {"trade", "economy", "investment", "security", "counter_terrorism", "border"} <= topics
    trade = next(a for a in seed.summary.agenda if a.topic and a.topic.value == "trade")
    assert trade.label.ar == "التجارة" and trade.label.en


def test_seed_background_goes_to_context(seed) -> None:
    assert any("تترأس" in c.ar for c in seed.summary.context)


def test_relative_day_resolves_against_given_date() -> None:
    extraction = extract_summary(read_release(SEED), date=dt.date(2021, 5, 8))
    assert extraction.summary.event.date == dt.date(2021, 5, 8)


def test_dateline_gives_the_reference_date() -> None:
    text = ("سمو ولي العهد يستقبل وزير الخارجية الإيطالي\n\n"
            "جدة 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس\n"
            "استقبل صاحب السمو الملكي الأمير محمد بن نايف بن عبدالعزيز في جدة مساء أمس وزير الخارجية الإيطالي باولو جينتيلوني.")
    summary = extract_summary(_release(text)).summary
    assert summary.event.date == dt.date(2015, 8, 9) and summary.event.date_text == "مساء أمس"


def test_phone_call_sides_follow_who_placed_the_call() -> None:
    text = ("اتصال هاتفي\n\n"
            "تلقى وزير الخارجية المصري سامح شكري اتصالا هاتفيا اليوم من وزير الخارجية الأمريكي جون كيري.\n"
            "وجرى خلال الاتصال بحث العلاقات الثنائية.")
    summary = extract_summary(_release(text)).summary
    assert summary.event.type.value == "phone_call"
    sides = {p.name.ar: (p.side.value, p.country) for p in summary.participants}
    assert sides["سامح شكري"] == ("host", "EG") and sides["جون كيري"] == ("guest", "US")
    assert [(p.speaker, p.stance.value) for p in summary.positions] == [("both", "exchange_views")]


def test_unknown_name_is_transliterated_and_marked_for_review() -> None:
    text = ("لقاء\n\nاستقبل وزير الخارجية عادل الجبير اليوم سفير جمهورية بيرو لدى المملكة خوسيه بيتانكور.")
    summary = extract_summary(_release(text)).summary
    envoy = next(p for p in summary.participants if "بيتانكور" in p.name.ar)
    assert envoy.name.en and envoy.name.en.isascii()
    assert any("transliterated" in r and "بيتانكور" in r for r in summary.review)


def test_a_press_statement_is_other_with_a_warning() -> None:
    text = ("تصريح\n\nأكد المتحدث الرسمي باسم وزارة الخارجية أن المملكة ترحب بالاتفاق.")
    extraction = extract_summary(_release(text))
    assert extraction.summary.event.type.value == "other"
    assert any("other" in w for w in extraction.warnings)


def test_a_third_language_is_an_input_error() -> None:
    with pytest.raises(InputError, match="neither Arabic nor English"):
        extract_summary(_release("Le ministre a reçu l'ambassadeur.", language="other"))


def test_english_release_gets_the_arabic_side_from_the_term_base() -> None:
    text = ("Call\n\nForeign Minister Adel al-Jubeir received a phone call today from Russian Foreign Minister "
            "Sergey Lavrov.\nDuring the call, the two sides discussed bilateral relations.\n"
            "Lavrov invited al-Jubeir to visit Moscow, and the invitation was accepted.")
    summary = extract_summary(_release(text, "en")).summary
    lavrov = summary.participant("sergey_lavrov")
    assert lavrov.name.ar and lavrov.country == "RU" and lavrov.side.value == "guest"
    assert summary.participant("adel_al_jubeir").side.value == "host"
    assert summary.agenda[0].label.ar
    (visit,) = summary.follow_ups
    assert visit.kind.value == "visit" and visit.status.value == "accepted"


def test_same_input_same_summary() -> None:
    first = extract_summary(read_release(SEED)).summary.model_dump()
    assert extract_summary(read_release(SEED)).summary.model_dump() == first


def test_a_palace_is_the_place_when_no_city_is_named_and_envoys_keep_their_country() -> None:
    text = ("استقبال\n\nاستقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام اليوم "
            "وزير الخارجية المصري سامح شكري.\n"
            "حضر الاستقبال سفير خادم الحرمين الشريفين لدى جمهورية مصر العربية أحمد قطان.")
    summary = extract_summary(_release(text)).summary
    assert summary.event.place.ar == "قصر السلام" and summary.event.place.en is None
    assert any(r.startswith("event.place.en") for r in summary.review)
    envoy = next(p for p in summary.participants if "قطان" in p.name.ar)
    assert envoy.country == "SA" and envoy.side.value == "other"


def test_a_saved_news_page_gives_article_facts_and_its_date_resolves_yesterday() -> None:
    from pathlib import Path

    release = read_release(Path(__file__).with_name("page-ar.html"))
    assert "مواضيع ذات صلة" not in release.text and "المشاهدات" not in release.text
    assert "النصر يلتقي الهلال" not in release.text and "جميع الحقوق" not in release.text
    extraction = extract_summary(release)
    summary = extraction.summary
    assert summary.source.published == dt.date(2015, 7, 22)
    assert summary.event.date == dt.date(2015, 7, 21) and summary.event.date_text == "مساء أمس"
    assert [p.id for p in summary.participants] == ["mohammed_bin_nayef", "sameh_shoukry"]
    assert not any("انتهى" in s for s in extraction.sentences)


def test_english_meeting_release_end_to_end() -> None:
    from pathlib import Path

    extraction = extract_summary(read_release(Path(__file__).with_name("release-en.txt")), date=dt.date(2021, 4, 29))
    summary = extraction.summary
    assert summary.language == "en" and summary.event.type.value == "meeting"
    assert summary.event.date == dt.date(2021, 4, 29) and summary.event.place.ar == "موسكو"
    sides = {p.id: p.side.value for p in summary.participants}
    assert sides == {"vladimir_putin": "host", "emomali_rahmon": "guest"}
    assert summary.participant("emomali_rahmon").title.ar == "رئيس طاجيكستان"
    stances = [(p.speaker, p.stance.value) for p in summary.positions]
    assert ("emomali_rahmon", "satisfaction") in stances and ("both", "agreement") in stances
    assert ("vladimir_putin", "welcome") in stances
    (meeting,) = summary.follow_ups
    assert meeting.kind.value == "meeting" and "Dushanbe" in meeting.what.en and meeting.what.ar is None
    assert summary.context and "Shanghai" in summary.context[0].en
    assert {a.topic.value for a in summary.agenda} >= {"trade", "security"}


def test_officials_named_only_by_office_are_two_participants_with_their_titles_as_names() -> None:
    summary = extract_summary(_release("استقبل الوزير السفير اليوم وبحث معه العلاقات الثنائية.")).summary
    names = [(p.name.ar, p.side.value) for p in summary.participants]
    assert names == [("الوزير", "host"), ("السفير", "guest")]
    assert sum("not named in the release" in r for r in summary.review) == 2
    assert [(p.speaker, p.stance.value) for p in summary.positions] == [("both", "exchange_views")]
