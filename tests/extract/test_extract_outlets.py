"""Releases as other outlets write them: datelines run into the first paragraph (the agency in brackets or
slashes), styles and venues of other courts."""

from __future__ import annotations

import datetime as dt

import pytest

from briefing.extract import extract_summary
from briefing.extract.segment import segment
from briefing.read.sources import release_from_bytes
from briefing.summary.model import Summary


def _extract(text: str, date: dt.date) -> Summary:
    release = release_from_bytes(text.encode("utf-8"), name="release", file="release.txt", suffix=".txt")
    return extract_summary(release, date=date).summary


KUNA_AR = ("سمو أمير البلاد يستقبل وزير الخارجية الأردني\n\n"
           "الكويت - 12 - 10 (كونا) -- استقبل حضرة صاحب السمو أمير البلاد الشيخ نواف الأحمد الجابر الصباح في قصر بيان "
           "اليوم الخميس وزير الخارجية وشؤون المغتربين الأردني أيمن الصفدي.\n"
           "وتم خلال اللقاء بحث العلاقات الثنائية بين البلدين الشقيقين.\n")


_REST = "Another sentence of the paragraph follows here, long enough for a paragraph of a real release."


@pytest.mark.parametrize(("first_line", "dateline", "lead"), [
    ("الكويت - 12 - 10 (كونا) -- استقبل الأمير الوزير.", "الكويت - 12 - 10 (كونا)", "استقبل الأمير الوزير"),
    ("أبوظبي في 15 أغسطس / وام / استقبل الرئيس الوزير.", "أبوظبي في 15 أغسطس / وام /", "استقبل الرئيس الوزير"),
    ("الدوحة / قنا / تلقى الأمير اتصالا هاتفيا.", "الدوحة / قنا /", "تلقى الأمير اتصالا هاتفيا"),
    ("BEIJING, April 14 (Xinhua) -- President Xi held talks.", "BEIJING, April 14 (Xinhua)", "President Xi held talks"),
    ("New Delhi, Mar 10 (PTI) Minister Jaishankar met Minister Wong.", "New Delhi, Mar 10 (PTI)", "Minister Jaishankar met Minister Wong"),
    ("JEDDAH, Saudi Arabia (XYZ) — Secretary Blinken met the Crown Prince.", "JEDDAH, Saudi Arabia (XYZ)",
     "Secretary Blinken met the Crown Prince"),
])
def test_a_dateline_run_into_the_first_paragraph_is_split_off(first_line: str, dateline: str, lead: str) -> None:
    seg = segment(f"Title\n\n{first_line} {_REST}\nThe second sentence.\n")
    assert seg.dateline == dateline
    assert seg.sentences[1] == lead


@pytest.mark.parametrize("first_line", [
    "عقد الرئيس اليمني عبد ربه منصور هادي اليوم (الاثنين) اجتماعا.",  # a weekday in brackets, after a verb
    "قال رئيس الشركة الوطنية للألومنيوم في الهند (نالكو) إن الشركة ...",  # a company's initials
    "Following the DPRK's May 25 (KST) ballistic missile launches, Deputy Secretary of State Wendy R. Sherman spoke "
    "with her counterparts.",  # no place in capitals
    "President Biden (D) met the Speaker.",
])
def test_brackets_that_are_no_agency_leave_the_paragraph_whole(first_line: str) -> None:
    seg = segment(f"Title\n\n{first_line} {_REST}\nThe second sentence.\n")
    assert seg.dateline is None
    assert seg.sentences[1].startswith(first_line[:20])


def test_a_kuna_release_is_dated_placed_and_sided() -> None:
    summary = _extract(KUNA_AR, dt.date(2023, 10, 12))
    assert summary.event.date == dt.date(2023, 10, 12)  # "اليوم الخميس" from the lead, not lost behind the dateline
    assert summary.event.place is not None and summary.event.place.ar == "قصر بيان"
    assert {p.id: p.side.value for p in summary.participants} == {"nawaf_al_ahmad": "host", "ayman_safadi": "guest"}


def test_the_honorific_hadra_does_not_make_the_lead_a_list_of_attendees() -> None:
    # «حضرة صاحب السمو» is a style; «الذي حضره صاحب السمو» (who attended it) still names an attendee.
    summary = _extract(KUNA_AR, dt.date(2023, 10, 12))
    assert summary.event.type.value == "meeting" and len(summary.participants) == 2
    attended = ("أمير قطر يستقبل الوزراء\n\n"
                "استقبل صاحب السمو الشيخ تميم بن حمد آل ثاني أمير دولة قطر اليوم وزير الخارجية الأمريكي جون كيري.\n"
                "وتم خلال الاستقبال الذي حضره صاحب السمو الشيخ عبدالله بن حمد آل ثاني نائب أمير دولة قطر استعراض العلاقات.\n")
    ids = {p.id: p.side.value for p in _extract(attended, dt.date(2015, 8, 3)).participants}
    assert ids.get("abdullah_bin_hamad") == "other"


def test_a_country_opening_the_dateline_is_the_place_when_the_lead_names_none() -> None:
    text = ("Amir receives Jordanian FM\n\n"
            "KUWAIT, Oct 12 (KUNA) -- His Highness the Amir Sheikh Nawaf Al-Ahmad Al-Jaber Al-Sabah received on Thursday "
            "Jordanian Foreign Minister Ayman Safadi.\n")
    summary = _extract(text, dt.date(2023, 10, 13))
    assert summary.event.place is not None and summary.event.place.en == "Kuwait"
    assert summary.event.date == dt.date(2023, 10, 12)


def test_a_venue_with_bi_after_a_title_is_the_place_not_part_of_the_office() -> None:
    text = ("جلالة الملك المعظم يستقبل رئيس وزراء اليونان\n\n"
            "المنامة في 20 فبراير / بنا / استقبل حضرة صاحب الجلالة الملك حمد بن عيسى آل خليفة عاهل البلاد المعظم بقصر "
            "الصخير اليوم دولة السيد كيرياكوس ميتسوتاكيس رئيس وزراء الجمهورية اليونانية الصديقة.\n")
    summary = _extract(text, dt.date(2024, 2, 20))
    king = next(p for p in summary.participants if p.id == "hamad_bin_isa")
    assert king.title is not None and "قصر" not in king.title.ar
    assert summary.event.place is not None and summary.event.place.ar == "قصر الصخير"


EGYPT_PRESIDENCY = ("الرئيس السيسي يستقبل رئيس وزراء اليابان\n\n"
                    "صرح المستشار أحمد فهمي، المتحدث الرسمي باسم رئاسة الجمهورية، بأن السيد الرئيس عبد الفتاح السيسي "
                    "استقبل اليوم بقصر الاتحادية السيد فوميو كيشيدا رئيس وزراء اليابان، بحضور الدكتور مصطفى مدبولي "
                    "رئيس مجلس الوزراء.\n")


def test_a_spokesman_named_before_his_office_and_a_comma_is_no_participant() -> None:
    # «X، المتحدث الرسمي باسم ...، بأن»: the office after the comma is X's; the president he reports on hosts.
    summary = _extract(EGYPT_PRESIDENCY, dt.date(2024, 3, 3))
    sides = {p.id: p.side.value for p in summary.participants}
    assert sides.get("abdel_fattah_al_sisi") == "host" and sides.get("fumio_kishida") == "guest"
    assert not any("فهمي" in p.name.ar for p in summary.participants if p.name is not None)


def test_a_venue_ends_before_the_style_of_the_guest() -> None:
    summary = _extract(EGYPT_PRESIDENCY, dt.date(2024, 3, 3))
    assert summary.event.place is not None and summary.event.place.ar == "قصر الاتحادية"  # not «قصر الاتحادية السيد»


def test_a_dateline_without_a_year_is_dated_from_the_publication_date() -> None:
    text = ("عبدالله بن زايد يتلقى اتصالاً هاتفياً من وزير خارجية الصين\n\n"
            "أبوظبي في 2 مارس/ وام/ تلقى سمو الشيخ عبدالله بن زايد آل نهيان وزير الخارجية اتصالاً هاتفياً من معالي "
            "وانغ يي وزير خارجية جمهورية الصين الشعبية.\n"
            "وبحث الجانبان خلال الاتصال علاقات الصداقة والتعاون بين البلدين.\n")
    summary = _extract(text, dt.date(2024, 3, 3))
    assert summary.event.date == dt.date(2024, 3, 2) and summary.event.date_text == "2 مارس"


def _speakers(summary: Summary) -> list[tuple[str, str]]:
    return [(p.speaker, p.stance.value) for p in summary.positions]


def test_after_anna_the_subject_comes_before_its_verb_and_a_participle_goes_on_with_it() -> None:
    # «أن الرئيس رحب بزيارة رئيس الوزراء الياباني، مؤكداً ...»: the president welcomes and stresses; the guest
    # named after the verb is its object. «وأكد رئيس الوزراء الياباني حرص بلاده»: no name "حرص بلاده".
    text = EGYPT_PRESIDENCY + ("وأضاف المتحدث الرسمي أن الرئيس رحب بزيارة رئيس الوزراء الياباني، مؤكداً اعتزاز مصر "
                               "بالعلاقات التاريخية مع اليابان.\n"
                               "وأكد رئيس الوزراء الياباني حرص بلاده على تعزيز الاستثمارات في مصر.\n")
    assert _speakers(_extract(text, dt.date(2024, 3, 3))) == [
        ("abdel_fattah_al_sisi", "welcome"), ("abdel_fattah_al_sisi", "emphasis"), ("fumio_kishida", "emphasis")]


def test_a_known_person_after_an_office_and_a_comma_holds_that_office() -> None:
    # Maghreb agencies set the name off with commas: «وزير الشؤون الخارجية ...، ناصر بوريطة، اليوم ...».
    text = ("بوريطة يجري مباحثات مع نظيره الإسباني\n\n"
            "الرباط - أجرى وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج، ناصر بوريطة، اليوم "
            "الخميس بالرباط، مباحثات مع وزير الشؤون الخارجية الإسباني خوسيه مانويل ألباريس.\n")
    bourita = next(p for p in _extract(text, dt.date(2024, 2, 29)).participants if p.id == "nasser_bourita")
    assert bourita.title is not None and bourita.title.ar.startswith("وزير الشؤون الخارجية والتعاون الإفريقي")


def test_a_line_naming_an_agency_is_a_dateline_even_without_spaces_or_digits() -> None:
    text = ("الرئيس الأسد يبحث مع عبد اللهيان العلاقات الثنائية\n\n"
            "دمشق-سانا\n"
            "بحث الرئيس بشار الأسد مع وزير الخارجية الإيراني حسين أمير عبد اللهيان اليوم العلاقات الثنائية.\n")
    summary = _extract(text, dt.date(2024, 3, 4))
    assert summary.event.place is not None and summary.event.place.en == "Damascus"
    assert segment(text).dateline == "دمشق-سانا"


def test_the_city_or_country_a_guest_is_visiting_places_the_event() -> None:
    city = ("رئيس الوزراء يلتقي وزير الدفاع الفرنسي\n\n"
            "التقى رئيس الوزراء المصري إبراهيم محلب يوم السبت وزير الدفاع الفرنسي جان إيف لودريان، الذي يزور القاهرة حاليا.\n")
    country = ("شكري يلتقي نظيرته الكرواتية\n\n"
               "استقبل سامح شكري وزير الخارجية المصري فيسنا بوسيتش وزيرة خارجية كرواتيا، التي تزور مصر لمتابعة الجهود.\n")
    past = ("الرئيس النيجيري في الكاميرون\n\n"
            "بعد زيارة ناجحة إلى واشنطن الأسبوع الماضي، التقى الرئيس النيجيري محمد بخاري نظيره الكاميروني بول بيا.\n")
    assert _extract(city, dt.date(2015, 7, 26)).event.place.en == "Cairo"
    assert _extract(country, dt.date(2015, 8, 7)).event.place.en == "Egypt"
    assert _extract(past, dt.date(2015, 7, 31)).event.place is None or _extract(past, dt.date(2015, 7, 31)).event.place.en != "Washington"


def test_an_office_of_a_city_gives_the_citys_country_and_a_city_after_an_office_does_not() -> None:
    from briefing.extract.mentions import find_mentions, tag_sentence
    from briefing.extract.vocab import default_lexicon

    def countries(sentence: str) -> list[str | None]:
        return [m.city_country for m in find_mentions(tag_sentence(sentence, "ar", default_lexicon())) if m.name]

    assert countries("استقبل الأمير فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض أمس السفير الكوري كيم جين")[0] == "SA"
    assert countries("واستقبل الأمير مشعل بن ماجد محافظ جدة اليوم القنصل")[0] == "SA"
    assert countries("وغادر فخامة الرئيس رمضان أحمد قاديروف رئيس جمهورية الشيشان جدة البارحة")[0] is None
    text = ("أمير الرياض يستقبل السفير\n\nاستقبل صاحب السمو الملكي الأمير فيصل بن بندر بن عبدالعزيز أمير منطقة الرياض "
            "في مكتبه بقصر الحكم أمس سفير كوريا لدى المملكة.\n")
    emir = _extract(text, dt.date(2015, 8, 1)).participants[0]
    assert emir.country == "SA" and emir.origin["country"].by.value == "inferred"  # the tool's inference, for review


def test_during_a_visit_those_the_visitor_called_on_and_held_talks_with_are_hosts_and_no_call_is_a_stance() -> None:
    text = ("Visit of External Affairs Minister to Oman (December 23-25, 2023)\n\n"
            "External Affairs Minister Dr. S. Jaishankar paid an official visit to Muscat on 24 December 2023. "
            "During the visit, he called on His Majesty Sultan Haitham bin Tarik and held talks with Foreign Minister "
            "Sayyid Badr Albusaidi.\n")
    summary = _extract(text, dt.date(2023, 12, 25))
    assert {p.id: p.side.value for p in summary.participants} == {
        "subrahmanyam_jaishankar": "guest", "haitham_bin_tarik": "host", "badr_albusaidi": "host"}
    assert "call" not in {p.stance.value for p in summary.positions}  # "called on" a person is a courtesy call
