"""Extraction rules a user relies on, on releases of other outlets: dates, places, sides, who took part."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import docx

from briefing.extract import extract_summary
from briefing.extract.mentions import find_mentions, tag_sentence
from briefing.extract.participants import Roster
from briefing.extract.vocab import default_lexicon
from briefing.read.sources import read_release, release_from_bytes
from briefing.summary.model import Summary
from support import ROOT

CORPUS = ROOT / "tests" / "extract" / "corpus" / "en" / "dev"


def _extract(text: str, *, date: dt.date | None = None, name: str = "release") -> Summary:
    release = release_from_bytes(text.encode("utf-8"), name=name, file=f"{name}.txt", suffix=".txt")
    return extract_summary(release, date=date).summary


def _sides(summary: Summary) -> dict[str, str]:
    return {p.id: p.side.value for p in summary.participants}


def test_a_readout_of_a_call_is_a_call_with_no_place_and_no_host() -> None:
    summary = _extract((CORPUS / "wh-8b9b6984ebca.txt").read_text(encoding="utf-8"), date=dt.date(2022, 2, 20))
    assert summary.event.type.value == "phone_call"
    assert summary.event.place is None
    assert _sides(summary) == {"joe_biden": "other", "emmanuel_macron": "other"}
    assert summary.event.date == dt.date(2022, 2, 20)  # "spoke today", counted from --date
    assert summary.event.origin["date"].by.value == "option"
    assert summary.source is not None and summary.source.published == dt.date(2022, 2, 20)


def test_the_side_that_asked_for_the_call_is_the_guest() -> None:
    summary = _extract((CORPUS / "kremlin-926c3325e3c2.txt").read_text(encoding="utf-8"))
    assert _sides(summary) == {"vladimir_putin": "host", "bashar_al_assad": "guest"}


def test_a_city_discussed_is_not_the_place_but_the_venue_is() -> None:
    text = ("Foreign Minister meets Egyptian counterpart\n\n"
            "Secretary of State Antony J. Blinken met with Egyptian Foreign Minister Sameh Shoukry to discuss "
            "the situation in Gaza. The two discussed humanitarian access.\n")
    assert _extract(text).event.place is None
    there = text.replace("met with", "met in Cairo with")
    place = _extract(there).event.place
    assert place is not None and place.en == "Cairo"


def test_arabic_place_comes_from_the_venue_not_from_a_topic() -> None:
    text = ("وزير الخارجية يستقبل السفير الفلسطيني\n\n"
            "استقبل وزير الخارجية عادل الجبير في مكتبه بالرياض اليوم سفير دولة فلسطين باسم الآغا، "
            "وبحث معه تطورات الأوضاع في غزة.\n")
    place = _extract(text, date=dt.date(2015, 8, 1)).event.place
    assert place is not None and place.en == "Riyadh"


def test_a_date_in_the_file_name_is_shown_for_review_never_used(tmp_path: Path) -> None:
    path = tmp_path / "2026-12-01-x.txt"
    path.write_text("الجبير يستقبل سفير مصر\n\nاستقبل وزير الخارجية عادل الجبير اليوم سفير مصر.\n", encoding="utf-8")
    extraction = extract_summary(read_release(path))
    assert extraction.summary.event.date is None
    assert any("file name gives 2026-12-01" in line for line in extraction.summary.review)


def test_a_documents_creation_date_is_not_the_events_date(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("President Putin meets President Rahmon")
    document.add_paragraph("Vladimir Putin held talks with President of Tajikistan Emomali Rahmon today.")
    document.core_properties.created = dt.datetime(2013, 5, 4, 10, 0)
    buffer = io.BytesIO()
    document.save(buffer)
    path = tmp_path / "release.docx"
    path.write_bytes(buffer.getvalue())
    summary = extract_summary(read_release(path)).summary
    assert summary.event.date is None
    assert any("creation date gives 2013-05-04" in line for line in summary.review)
    assert summary.source is None or summary.source.published is None


def test_an_html_pages_published_time_anchors_today_and_is_marked(tmp_path: Path) -> None:
    page = ("<html><head><meta property='article:published_time' content='2021-04-29T10:00:00Z'></head><body>"
            "<article><h1>Putin meets Rahmon</h1><p>Russian President Vladimir Putin received President of "
            "Tajikistan Emomali Rahmon at the Kremlin today. The two leaders discussed trade.</p></article>"
            "<footer>© 2015 Agency. All rights reserved.</footer></body></html>")
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    summary = extract_summary(read_release(path)).summary
    assert summary.event.date == dt.date(2021, 4, 29)
    assert summary.event.origin["date"].by.value == "metadata"
    assert any(line.startswith("event.date:") for line in summary.review)


def test_a_dateline_with_an_agency_tag_dates_and_places_the_event() -> None:
    text = ("Leaders of Tajikistan and Uzbekistan meet\n\n"
            "Dushanbe, 12 October 2021 (Khovar). President Emomali Rahmon met with President of Uzbekistan "
            "Shavkat Mirziyoyev. The sides discussed water and energy.\n")
    summary = _extract(text)
    assert summary.event.date == dt.date(2021, 10, 12)
    assert summary.event.place is not None and summary.event.place.en == "Dushanbe"


def test_a_numeric_date_is_read_by_the_weekday_it_names() -> None:
    text = ("Ministers meet\n\nOn Friday 11/10/2023 Foreign Minister Sameh Shoukry received Foreign Minister "
            "Ayman Safadi in Cairo.\n")
    assert _extract(text).event.date == dt.date(2023, 11, 10)


def test_an_announced_visit_is_a_follow_up_not_the_event() -> None:
    text = ("ولي ولي العهد يزور مصر غدا\n\n"
            "سيغادر صاحب السمو الملكي الأمير محمد بن سلمان بن عبدالعزيز ولي ولي العهد يوم غد إلى جمهورية مصر "
            "العربية في زيارة عمل يلتقي خلالها الرئيس عبدالفتاح السيسي.\n")
    summary = _extract(text, date=dt.date(2015, 7, 29))
    assert summary.event.type.value == "other"
    assert summary.event.date is None
    assert [(f.kind.value, f.status.value, f.due.date if f.due else None) for f in summary.follow_ups][:1] == [
        ("visit", "scheduled", dt.date(2015, 7, 30))]


def test_people_only_mentioned_or_reporting_are_not_participants() -> None:
    summary = _extract((CORPUS / "state-2880b139014b.txt").read_text(encoding="utf-8"), date=dt.date(2022, 3, 11))
    ids = {p.id for p in summary.participants}
    assert ids == {"antony_blinken", "dmytro_kuleba"}  # not Lavrov, Cavusoglu, nor the spokesperson Ned Price


def test_a_second_meeting_told_in_the_release_speaks_in_context_not_in_positions() -> None:
    text = ("خادم الحرمين يبحث مع وزير الدفاع الأميركي مستجدات المنطقة\n\n"
            "بحث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في قصر السلام بجدة مع وزير الدفاع الأميركي "
            "آشتون كارتر العلاقات بين البلدين.\n"
            "من جانبه، عقد الأمير محمد بن سلمان ولي ولي العهد وزير الدفاع اجتماعا ثنائيا مع كارتر أكدا خلاله "
            "أهمية التعاون الدفاعي.\n")
    summary = _extract(text)
    assert all(p.source != 3 for p in summary.positions)
    assert any("اجتماعا ثنائيا" in (c.ar or "") for c in summary.context)


def test_an_agreement_signed_at_the_event_is_not_an_open_follow_up() -> None:
    text = ("وزير الخارجية يستقبل نظيره المصري\n\n"
            "استقبل وزير الخارجية عادل الجبير في الرياض وزير الخارجية المصري سامح شكري، وتم التوقيع على مذكرة "
            "تفاهم للتعاون في مجال التدريب الدبلوماسي.\n")
    assert [f for f in _extract(text).follow_ups if f.kind.value == "agreement"] == []


def test_an_adjective_before_a_title_is_not_a_person() -> None:
    text = ("وزير الخارجية السوري في مسقط\n\n"
            "أكد وزير الخارجية العماني يوسف بن علوي في مسقط اليوم أهمية إنهاء النزاع، وذلك خلال أول زيارة لدولة "
            "خليجية يقوم بها وزير الخارجية السوري وليد المعلم منذ سنوات.\n")
    names = [p.name.ar for p in _extract(text).participants]
    assert "خليجية" not in " ".join(n or "" for n in names)


def test_a_known_person_spelled_one_letter_off_is_matched_and_flagged() -> None:
    text = ("Secretary Blinken meets Kazakh President\n\n"
            "Secretary of State Antony Blinken met today with President of Kazakhstan Kassym-Jomart Tokaev in Astana.\n")
    summary = _extract(text)
    tokayev = next(p for p in summary.participants if p.id == "kassym_jomart_tokayev")
    assert (tokayev.country, tokayev.name.ar) == ("KZ", "قاسم جومارت توكاييف")
    assert tokayev.origin["name.ar"].by.value == "inferred"
    assert any("Tokaev" in line and "check" in line for line in summary.review)


def test_a_side_decided_by_rule_is_recorded_as_inferred() -> None:
    summary = _extract((CORPUS / "kremlin-926c3325e3c2.txt").read_text(encoding="utf-8"))
    assert {p.id: p.origin["side"].by.value for p in summary.participants if "side" in p.origin} == {
        "vladimir_putin": "inferred", "bashar_al_assad": "inferred"}


def _said(summary: Summary) -> list[tuple[str, str]]:
    return [(p.speaker, p.stance.value) for p in summary.positions]


def _follow_ups(summary: Summary) -> list[tuple[str, str]]:
    return [(f.kind.value, f.status.value) for f in summary.follow_ups]


def test_a_visit_the_principal_looks_forward_to_is_a_follow_up_not_another_event() -> None:
    text = ("Secretary Blinken's Call with Israeli Prime Minister Lapid\n\n"
            "Secretary of State Antony J. Blinken spoke today with Israeli Prime Minister Yair Lapid. "
            "The Secretary noted President Biden looks forward to his visit to Israel next month.\n")
    assert _follow_ups(_extract(text, date=dt.date(2022, 6, 20))) == [("visit", "scheduled")]


def test_what_a_scheduling_word_announces_gives_the_kind_of_follow_up() -> None:
    base = "استقبل وزير الخارجية عادل الجبير في الرياض اليوم وزير الخارجية الفرنسي لوران فابيوس. "
    meeting = _extract(base + "ومن المقرر أن يلتقي فابيوس غدا ولي العهد.", date=dt.date(2015, 8, 1))
    delivery = _extract(base + "ومن المنتظر تسليم الفرقاطة لمصر.", date=dt.date(2015, 8, 1))
    assert [k for k, _ in _follow_ups(meeting)] == ["meeting"]
    assert [k for k, _ in _follow_ups(delivery)] == ["other"]


def test_two_meetings_to_come_in_one_sentence_are_two_follow_ups() -> None:
    text = ("كيري يصل إلى القاهرة\n\n"
            "وصل وزير الخارجية الأمريكي جون كيري أمس إلى القاهرة، وسيلتقي اليوم نظيره المصري سامح شكري، "
            "وينتقل غدا إلى الدوحة حيث سيلتقي نظراءه في دول مجلس التعاون الخليجي.\n")
    assert [k for k, _ in _follow_ups(_extract(text, date=dt.date(2015, 8, 2)))] == ["meeting", "meeting"]


def test_thanks_for_the_invitation_is_the_event_itself_and_a_past_signing_is_no_follow_up() -> None:
    text = ("Talks with Prime Minister of India\n\n"
            "Vladimir Putin held talks with Prime Minister of India Narendra Modi in New Delhi. "
            "Vladimir Putin said it was Russia's turn to come to India and thanked Narendra Modi for his invitation. "
            "He said it had been important to sign the long-term contracts last year.\n")
    assert _follow_ups(_extract(text, date=dt.date(2021, 12, 6))) == []


def test_a_transcripts_remarks_are_positions_of_the_speaker_its_labels_name() -> None:
    text = ("Talks with Prime Minister of Hungary Viktor Orban\n\n"
            "Vladimir Putin held talks with Prime Minister of Hungary Viktor Orban in the Kremlin. "
            "* * * President of Russia Vladimir Putin: Mr Prime Minister, dear Viktor, I am very happy to see you! "
            "I hope our cooperation will continue. "
            "Prime Minister of Hungary Viktor Orban Orban ViktorPrime Minister of Hungary (retranslated): "
            "Thank you for giving us the opportunity to sign them. Vladimir Putin: Yes, I know. "
            "Viktor Orban: We favour a political solution. He told Vladimir Putin: we are grateful.\n")
    said = _said(_extract(text, date=dt.date(2022, 2, 1)))
    assert ("vladimir_putin", "hope") in said
    assert ("orban", "thanks") in said
    assert ("orban", "support") in said  # a bare-name label hands the floor back
    assert ("vladimir_putin", "thanks") not in said  # "He told Vladimir Putin:" quotes, it is no label
    assert all(stance != "exchange_views" for _, stance in said)


def test_a_commitment_told_to_the_other_side_is_a_follow_up_but_continuing_is_not() -> None:
    text = ("Secretary Blinken's Meeting with Afghan President Ghani\n\n"
            "Secretary of State Antony J. Blinken met with Afghan President Ashraf Ghani today. "
            "Secretary Blinken informed President Ghani that the United States will accelerate the tempo of visa flights. "
            "Secretary Blinken told President Ghani that the United States will continue to support Afghanistan.\n")
    todos = _extract(text, date=dt.date(2021, 4, 27)).follow_ups
    assert [(f.kind.value, f.who) for f in todos] == [("other", "antony_blinken")]
    assert "accelerate the tempo" in (todos[0].what.en or "")


def test_a_noun_of_the_cue_vocabulary_ends_an_arabic_name_and_a_spokesman_is_no_participant() -> None:
    lex = default_lexicon()
    tagged = tag_sentence("والتقى إبراهيم محلب، رئيس الوزراء المصري يوم السبت وزير الدفاع الفرنسي جان ايف لودريان، "
                          "وثمن محلب العلاقات المتطورة بين البلدين", "ar", lex)
    assert [m.name for m in find_mentions(tagged) if m.name] == ["إبراهيم محلب", "جان ايف لودريان", "محلب"]
    spokesman = find_mentions(tag_sentence("وأكد المتحدث باسم الرئاسة النيجيرية فهمي عاديسينا أن الزيارة مهمة", "ar", lex))
    assert [Roster(lex, "ar").add(m, main=False) for m in spokesman] == [None]  # he reports the talks


def test_the_body_an_office_belongs_to_is_not_the_persons_name() -> None:
    text = ("Deputy Secretary Sherman’s Call with European External Action Service Secretary General Sannino\n\n"
            "Deputy Secretary Wendy R. Sherman spoke today with European External Action Service Secretary General "
            "Stefano Sannino. The Deputy Secretary and Secretary General discussed global food security.\n")
    names = [p.name.en for p in _extract(text, date=dt.date(2022, 6, 1)).participants if p.name is not None]
    assert names == ["Wendy R. Sherman", "Stefano Sannino"]


def test_a_town_named_with_its_country_is_the_place_and_held_talks_are_talks() -> None:
    pope = _extract("Readout of President Biden’s Meeting with His Holiness Pope Francis\n\n"
                    "President Joseph R. Biden, Jr. met with His Holiness Pope Francis today on the margins of the "
                    "G7 Leaders’ Summit in Apulia, Italy. The leaders discussed the humanitarian crisis in Gaza.\n",
                    date=dt.date(2024, 6, 14))
    assert pope.event.place is not None and pope.event.place.en == "Apulia, Italy"
    talks = _extract("Meeting with President of Belarus Alexander Lukashenko\n\n"
                     "Vladimir Putin held talks with President of Belarus Alexander Lukashenko at Vostochny Cosmodrome.\n")
    assert talks.event.type.value == "talks"


def test_what_a_trip_is_for_is_not_a_position() -> None:
    text = ("كيري يصل إلى القاهرة\n\n"
            "وصل وزير الخارجية الأمريكي جون كيري أمس إلى القاهرة والتقى نظيره المصري سامح شكري. "
            "ويتوجه كيري غدا إلى الدوحة للتباحث مع نظرائه في دول مجلس التعاون.\n")
    stances = [p.stance.value for p in _extract(text, date=dt.date(2015, 8, 2)).positions]
    assert stances.count("exchange_views") == 0


def test_arabic_what_was_said_is_the_position_and_here_is_no_congratulation() -> None:
    text = ("وزير الخارجية يستقبل نظيره الإيطالي\n\n"
            "استقبل وزير الخارجية عادل الجبير في الرياض اليوم وزير الخارجية الإيطالي باولو جينتيلوني. "
            "وقال الجبير إن المباحثات كانت مثمرة وبناءة، وكان هناك تطابق في الآراء. "
            "وقال جينتيلوني إنه سعيد بوجوده هنا في الرياض.\n")
    said = _said(_extract(text, date=dt.date(2015, 8, 8)))
    assert ("adel_al_jubeir", "satisfaction") in said
    assert ("adel_al_jubeir", "agreement") in said
    assert all(stance != "congratulation" for _, stance in said)  # «هنا» is "here", not «هنأ»


def test_who_visits_is_the_guest_welcomed_and_nobody_when_the_visitor_is_not_a_participant() -> None:
    welcome = _extract("Readout of President Biden’s Call with Prime Minister Starmer of the United Kingdom\n\n"
                       "President Joseph R. Biden, Jr. spoke today with Prime Minister Keir Starmer of the United Kingdom. "
                       "President Biden looks forward to welcoming Prime Minister Starmer to the Washington Summit next week.\n",
                       date=dt.date(2024, 7, 5))
    assert [(f.kind.value, f.who) for f in welcome.follow_ups] == [("visit", "keir_starmer")]
    other = _extract("Secretary Blinken’s Call with Israeli Prime Minister Lapid\n\n"
                     "Secretary of State Antony J. Blinken spoke today with Israeli Prime Minister Yair Lapid. "
                     "The Secretary noted President Biden looks forward to his visit to Israel next month.\n",
                     date=dt.date(2022, 6, 20))
    assert [(f.kind.value, f.who) for f in other.follow_ups] == [("visit", None)]


def test_a_country_not_written_with_the_name_is_recorded_as_inferred() -> None:
    text = ("محافظ الطائف يستقبل السفير الياباني\n\n"
            "استقبل محافظ الطائف فهد بن عبدالعزيز بن معمر في الطائف اليوم سفير اليابان لدى المملكة تسوكاسا أويمورا.\n")
    summary = _extract(text, date=dt.date(2015, 8, 1))
    by_country = {p.country: p.origin.get("country") for p in summary.participants}
    host = by_country.get("SA")
    assert host is not None and host.by.value == "inferred"  # Taif is in Saudi Arabia: the tool's inference
    assert by_country.get("JP") is None  # «سفير اليابان»: written in the release


def test_arabic_greetings_with_congratulations_are_a_congratulation() -> None:
    text = ("ولي ولي العهد يستقبل رئيس المالديف\n\n"
            "استقبل الأمير منصور بن متعب في الرياض اليوم رئيس جمهورية المالديف عبدالله يمين. "
            "ونقل سموه خلال الاستقبال تحيات وتهاني خادم الحرمين الشريفين لفخامته بيوم الاستقلال. "
            "وأعرب الرئيس للأمير عن تهاني شعب المالديف بنجاح موسم الحج.\n")
    stances = [stance for _, stance in _said(_extract(text, date=dt.date(2015, 7, 27)))]
    assert stances.count("congratulation") == 2 and "other" not in stances


def test_arabic_a_speaker_styled_may_god_support_him_is_the_head_of_state() -> None:
    text = ("خادم الحرمين الشريفين يستقبل وزير الخارجية المصري\n\n"
            "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة اليوم معالي وزير الخارجية المصري سامح شكري. "
            "ونقل معاليه تحيات الرئيس عبدالفتاح السيسي. "
            "وقد حمل الملك المفدى معاليه نقل تحياته للرئيس، مؤكداً - أيده الله - عمق العلاقات الأخوية بين البلدين.\n")
    assert ("salman_bin_abdulaziz", "emphasis") in _said(_extract(text, date=dt.date(2015, 7, 24)))


def test_arabic_more_calls_the_host_received_are_one_round_each_caller_a_guest() -> None:
    text = ("ولي العهد يتلقى اتصالين هاتفيين\n\n"
            "تلقى ولي العهد الأمير محمد بن نايف اليوم اتصالا هاتفيا من الأمير خالد بن سعيد آل حمدان "
            "ولي العهد نائب القائد الأعلى رئيس مجلس الوزراء في مملكة البحرين أعرب خلاله عن إدانته للهجوم. "
            "كما تلقى سموه اتصالا هاتفيا من الفريق الركن الشيخ مبارك بن راشد آل سالم وزير الداخلية بدولة الكويت "
            "أعرب فيه عن استنكاره للهجوم، وعبر سموه عن تعازيه لأسر الضحايا.\n")
    summary = _extract(text, date=dt.date(2015, 8, 7))
    people = {p.name.ar: p for p in summary.participants if p.name is not None and p.name.ar}
    assert "نائب القائد الأعلى" not in people  # a title, not a name
    caller = people["مبارك بن راشد آل سالم"]
    assert caller.side.value == "guest"
    said = _said(summary)
    assert (caller.id, "condemnation") in said and (caller.id, "condolence") in said


def test_arabic_a_korean_ambassador_speaks_and_for_his_part_after_a_comma_is_the_other_side() -> None:
    text = ("أمير المنطقة يستقبل السفير الكوري\n\n"
            "استقبل أمير منطقة حائل الأمير سعد بن فهد في مكتبه اليوم السفير الكوري لدى المملكة كيم سونغ مين. "
            "وأشاد السفير الكوري بالنهضة التنموية في المنطقة. "
            "من جانبه، أكد سموه عمق العلاقات بين البلدين.\n")
    summary = _extract(text, date=dt.date(2015, 8, 7))
    guest = next(p for p in summary.participants if p.name is not None and p.name.ar == "كيم سونغ مين")
    assert guest.country == "KR"  # «الكوري»: Korean is South Korean, as in the English term base
    host = next(p for p in summary.participants if p.id != guest.id)
    assert _said(summary) == [(guest.id, "satisfaction"), (host.id, "emphasis")]


def test_arabic_speakers_by_style_office_epithet_and_counterpart() -> None:
    text = ("خادم الحرمين يستقبل وزير الخارجية الأردني\n\n"
            "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة اليوم وزير الخارجية الأردني ناصر جودة. "
            "وحضر الاستقبال معالي وزير الدولة مساعد العيبان ومعالي وزير الثقافة والإعلام عادل الطريفي. "
            "ونقل معاليه للملك المفدى تحيات العاهل الأردني. "
            "واستعرض الملك المفدى مع جودة آفاق التعاون بين البلدين. "
            "وأعرب الملك المفدى عن شكره. "
            "ونقل وزير الخارجية لخادم الحرمين الشريفين تحيات بلاده وشعبها.\n")
    assert [(p.source, p.speaker, p.stance.value) for p in _extract(text, date=dt.date(2015, 7, 24)).positions] == [
        (4, "nasser_judeh", "other"),  # «معاليه»: the minister among the principals, before the attendees styled so
        (5, "both", "exchange_views"),  # «مع جودة»: the counterpart by his family name
        (6, "salman_bin_abdulaziz", "thanks"),  # «الملك المفدى»: «المفدى» is an epithet
        (7, "nasser_judeh", "other"),  # «لخادم الحرمين» after a minister's office is someone else
    ]


def test_arabic_an_object_with_lil_is_not_the_speaker_and_a_relative_stands_for_its_antecedent() -> None:
    call = ("خادم الحرمين يتلقى اتصالا هاتفيا من ملك البحرين\n\n"
            "تلقى خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز اتصالا هاتفيا اليوم من الملك حمد بن عيسى آل خليفة "
            "ملك مملكة البحرين أدان فيه الهجوم. "
            "وقدم خادم الحرمين الشريفين شكره وتقديره للشيخ حمد بن عيسى على مشاعره.\n")
    assert ("salman_bin_abdulaziz", "thanks") in _said(_extract(call, date=dt.date(2015, 8, 7)))
    visit = ("أمير المنطقة يستقبل المهنئين\n\n"
             "استقبل أمير منطقة حائل الأمير سعد بن فهد في مكتبه اليوم رئيس المحكمة العامة الشيخ ناصر بن حمد الراشد، "
             "الذي هنأ سموه بحلول العيد.\n")
    summary = _extract(visit, date=dt.date(2015, 7, 20))
    guest = next(p.id for p in summary.participants if p.name is not None and p.name.ar == "ناصر بن حمد الراشد")
    assert _said(summary) == [(guest, "congratulation")]


def test_arabic_a_style_written_with_bi_after_a_title_begins_the_object() -> None:
    text = ("أمير المنطقة يستقبل رئيس الهيئة\n\n"
            "استقبل الشيخ سعد بن فهد أمير دولة الكويت في قصره اليوم الأمير خالد بن سعود رئيس الهيئة العامة للرياضة. "
            "ورحب أمير دولة الكويت بالأمير خالد بن سعود في بلده الثاني.\n")
    summary = _extract(text, date=dt.date(2015, 7, 20))
    host = next(p.id for p in summary.participants if p.name is not None and p.name.ar == "سعد بن فهد")
    assert (host, "welcome") in _said(summary)


def test_arabic_a_lead_with_in_the_presence_of_is_still_the_lead_and_the_one_present_no_principal() -> None:
    text = ("أمير الكويت يستقبل رئيس الهيئة\n\n"
            "الرياضي الكويت\n"
            "استقبل الشيخ سعد بن فهد أمير دولة الكويت وبحضور الشيخ ناصر بن حمد ولي عهد دولة الكويت اليوم في قصر بيان "
            "الأمير خالد بن سعود رئيس الهيئة العامة للرياضة.\n")
    summary = _extract(text, date=dt.date(2015, 7, 20))
    assert summary.event.type.value == "meeting"
    sides = {p.name.ar: p.side.value for p in summary.participants if p.name is not None}
    assert sides == {"سعد بن فهد": "host", "خالد بن سعود": "guest", "ناصر بن حمد": "other"}


def test_arabic_the_name_of_a_ministry_is_no_topic() -> None:
    text = ("وزير الخارجية يستقبل نظيره\n\n"
            "استقبل وزير الخارجية عادل الجبير في الرياض اليوم وزير الثقافة والسياحة الأردني سامي الخطيب، "
            "وبحث معه العلاقات الثنائية.\n")
    topics = [a.topic for a in _extract(text, date=dt.date(2015, 7, 20)).agenda]
    assert "culture" not in topics


def test_arabic_a_plural_office_as_subject_is_each_participant_holding_it() -> None:
    text = ("مدير المركز يستقبل سفيرين\n\n"
            "استقبل مدير المركز الدكتور سعد بن فهد في مكتبه اليوم سفير مملكة السويد لدى المملكة لارس نيلسون، "
            "وسفير جمهورية النمسا كارل هوبر. "
            "وأبدى السفراء إعجابهم بإنجازات المركز، معربين عن شكرهم للمركز.\n")
    summary = _extract(text, date=dt.date(2015, 8, 11))
    envoys = sorted(p.id for p in summary.participants if p.country in ("SE", "AT"))
    assert len(envoys) == 2
    said = _said(summary)
    assert all((pid, stance) in said for pid in envoys for stance in ("satisfaction", "thanks"))


def test_arabic_expressed_the_appreciation_of_his_government_is_satisfaction() -> None:
    text = ("وزير الخارجية يستقبل نظيره\n\n"
            "استقبل وزير الخارجية عادل الجبير في الرياض اليوم وزير الخارجية الأردني ناصر جودة. "
            "وأعرب الوزير الأردني عن تقدير حكومة بلاده لدور المملكة.\n")
    assert _said(_extract(text, date=dt.date(2015, 7, 20))) == [("nasser_judeh", "satisfaction")]


def test_arabic_expressed_far_from_its_object_that_opens_with_an() -> None:
    text = ("خادم الحرمين يستقبل رئيس الوزراء الأردني\n\n"
            "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة اليوم رئيس الوزراء الأردني عبدالله النسور. "
            "وأعرب رئيس الوزراء الأردني خلال استقبال الملك له مساء اليوم في قصر السلام بجدة عن شكره وتقديره للمملكة.\n")
    said = _said(_extract(text, date=dt.date(2015, 7, 22)))
    assert said == [(said[0][0], "thanks")] and said[0][0] != "salman_bin_abdulaziz"


def test_an_agenda_item_is_translated_as_written_or_its_gloss_marked_inferred() -> None:
    """Both sides of a label say the same: "NATO" is «حلف شمال الأطلسي», "Syria" «سوريا» (the term base's); a cue
    such as "the Syrian crisis" gets the topic's name in the other language, recorded as inferred for review."""
    text = ("Secretary Blinken's Call with Turkish Foreign Minister Cavusoglu\n\n"
            "Secretary of State Antony J. Blinken spoke with Turkish Foreign Minister Mevlut Cavusoglu today. "
            "They discussed cooperation in NATO and the situation in Syria.\n")
    agenda = {a.label.en: a for a in _extract(text, date=dt.date(2021, 3, 1)).agenda}
    assert agenda["NATO"].label.ar == "حلف شمال الأطلسي" and agenda["NATO"].origin["label.ar"].by.value == "term_base"
    assert agenda["Syria"].label.ar == "سوريا" and agenda["Syria"].origin["label.ar"].by.value == "term_base"
    arabic = ("وزير الخارجية يستقبل السفير الروسي\n\n"
              "استقبل وزير الخارجية عادل الجبير في مكتبه بالرياض اليوم سفير روسيا، وبحث معه الأزمة السورية.\n")
    item = next(a for a in _extract(arabic, date=dt.date(2015, 8, 1)).agenda if a.topic == "regional_situation")
    assert item.label.ar == "الأزمة السورية" and item.label.en == "Regional situation"
    assert item.origin["label.en"].by.value == "inferred" and "الأزمة السورية" in item.origin["label.en"].detail


def test_an_english_call_gets_an_arabic_title_an_arabic_reader_would_write() -> None:
    """«اتصال هاتفي بين ... و...» (the noun and its adjective take no genitive), and "Turkish Foreign Minister" is
    «وزير خارجية تركيا» (the title loses its article before the country), not «وزير الخارجية في تركيا»."""
    text = ("Secretary Blinken's Call with Turkish Foreign Minister Cavusoglu\n\n"
            "Secretary of State Antony J. Blinken spoke with Turkish Foreign Minister Mevlut Cavusoglu today.\n")
    summary = _extract(text, date=dt.date(2021, 3, 1))
    assert summary.event.title is not None and summary.event.title.ar == "اتصال هاتفي بين وزير الخارجية ووزير خارجية تركيا"
    titles = {p.id: p.title.ar for p in summary.participants if p.title}
    assert "وزير خارجية تركيا" in titles.values()


def _call(*body: str) -> Summary:
    """A made-up State Department readout of a call, with the body's sentences after the lead."""
    return _extract("Secretary Blinken’s Call with Italian Foreign Minister Rossi\n\n"
                    "Secretary of State Antony J. Blinken spoke today with Italian Foreign Minister Marco Rossi. "
                    + " ".join(body) + "\n", date=dt.date(2022, 5, 31))


def test_english_the_taoiseach_and_a_deputy_foreign_minister_are_titles() -> None:
    irish = _extract("Readout of the Vice President’s Call with Taoiseach Seán Kelly of Ireland\n\n"
                     "Vice President Kamala Harris spoke today with Taoiseach Seán Kelly of Ireland. "
                     "The Vice President and the Taoiseach discussed trade.\n", date=dt.date(2022, 3, 16))
    assert sorted(p.name.en for p in irish.participants) == ["Kamala Harris", "Seán Kelly"]
    assert _said(irish) == [("both", "exchange_views")]
    omani = _extract("Deputy Secretary Sherman’s Call with Omani Deputy Foreign Minister Hamdan\n\n"
                     "Deputy Secretary of State Wendy Sherman spoke today with Omani Deputy Foreign Minister Talal Hamdan.\n")
    assert {p.name.en: p.country for p in omani.participants}["Talal Hamdan"] == "OM"


def test_english_a_title_after_a_comma_and_before_a_name_opens_the_next_person_of_a_list() -> None:
    summary = _extract("Deputy Secretary Sherman’s Call with NATO and OSCE officials\n\n"
                       "Deputy Secretary of State Wendy Sherman spoke today with NATO Deputy Secretary General Mircea "
                       "Popescu, Polish Deputy Foreign Minister Marek Nowak, and OSCE Secretary General Anna Berg.\n")
    countries = {p.name.en: p.country for p in summary.participants}
    assert countries["Marek Nowak"] == "PL" and countries.get("Mircea Popescu") != "PL"


def test_english_stance_phrases_of_readouts() -> None:
    cases = {
        "The Secretary expressed her regret that the meeting was postponed.": "concern",
        "The Secretary expressed deep concern over the fighting.": "concern",
        "The Secretary expressed strong support for the UN envoy.": "support",
        "The Secretary pledged continued U.S. support for the talks.": "support",
        "The hope was expressed that the talks would resume.": "hope",
        "The Secretary wished him a happy New Year.": "congratulation",
        "The two had an in-depth exchange of opinions on trade.": "exchange_views",
        "The Secretary outlined the U.S. approach to the talks.": "other",
        "The Secretary recalled that the alliance is seventy years old.": "emphasis",
    }
    for sentence, stance in cases.items():
        assert [s for _, s in _said(_call(sentence))] == [stance], sentence
    assert _said(_call("They agreed on the steps as outlined in the statement.")) == [("both", "agreement")]


def test_english_names_keep_their_lower_case_particles_and_mr_is_no_full_stop() -> None:
    summary = _extract("Deputy Secretary Sherman’s Call with Omani Foreign Minister Al-Harthy\n\n"
                       "Deputy Secretary of State Wendy Sherman spoke today with Omani Foreign Minister Khalifa al-Harthy.\n")
    assert sorted(p.name.en for p in summary.participants) == ["Khalifa al-Harthy", "Wendy Sherman"]
    finer = _extract("Readout of Jon Finer’s Meeting with Colombian Foreign Minister Luis Murillo\n\n"
                     "Principal Deputy National Security Advisor Jon Finer met today with Colombian Foreign Minister "
                     "Luis Murillo. Mr. Finer thanked Foreign Minister Murillo for Colombia’s leadership.\n",
                     date=dt.date(2024, 12, 11))
    ids = {p.name.en: p.id for p in finer.participants}
    assert _said(finer) == [(ids["Jon Finer"], "thanks")]
    gordon = _extract("Readout of Dr. Phil Gordon’s Meeting with Guatemalan Foreign Minister Mario Búcaro\n\n"
                      "National Security Advisor to the Vice President Dr. Phil Gordon met today with Guatemalan "
                      "Foreign Minister Mario Búcaro.\n", date=dt.date(2023, 9, 1))
    assert "Phil Gordon" in [p.name.en for p in gordon.participants]


def test_english_a_verb_after_and_or_a_listing_comma_has_the_subject_of_the_verb_before() -> None:
    joint = _call("Secretary Blinken and Foreign Minister Rossi discussed the war and affirmed their commitment to peace.")
    assert _said(joint) == [("both", "exchange_views"), ("both", "emphasis")]
    listing = _call("The Secretary expressed appreciation to the Foreign Minister for Italy’s role, reaffirmed Italy as a "
                    "critical ally, and stressed the importance of unity.")
    assert {speaker for speaker, _ in _said(listing)} == {"antony_blinken"}


def test_english_a_name_right_after_a_verb_is_its_object_not_the_speaker() -> None:
    summary = _extract("Readout of Jon Finer’s Meeting with Colombian Foreign Minister Luis Murillo\n\n"
                       "Principal Deputy National Security Advisor Jon Finer welcomed Colombian Foreign Minister Luis "
                       "Murillo to the White House yesterday to discuss regional issues.\n", date=dt.date(2024, 12, 11))
    assert ("both", "exchange_views") in _said(summary)


def test_english_a_participant_named_without_title_or_one_letter_off_still_speaks() -> None:
    cuba = _extract("Telephone conversation with President of Cuba Miguel Diaz-Canel Bermudez\n\n"
                    "Vladimir Putin had a telephone conversation with President of the Republic of Cuba Miguel "
                    "Diaz-Canel Bermudez. Vladimir Putin and Miguel Diaz-Canel Bermudez reaffirmed their commitment "
                    "to strengthening bilateral relations.\n")
    assert _said(cuba) == [("both", "emphasis")]
    germany = _extract("Telephone conversation with Federal Chancellor of Germany Olaf Scholz\n\n"
                       "Vladimir Putin had a telephone conversation with Federal Chancellor of Germany Olaf Scholz. "
                       "Vladimir Putin outlined Russia’s approaches. Olaf Scholtz expressed concern over the hostilities.\n")
    assert _said(germany) == [("vladimir_putin", "other"), ("olaf_scholz", "concern")]


def test_english_the_country_met_in_is_the_place_when_the_lead_names_no_city() -> None:
    text = ("Readout of National Security Advisor Jake Sullivan’s Meeting with Foreign Minister Wang Yi\n\n"
            "National Security Advisor Jake Sullivan met on September 16 with Chinese Foreign Minister Wang Yi in Malta. "
            "The two sides discussed the bilateral relationship.\n")
    place = _extract(text, date=dt.date(2023, 9, 17)).event.place
    assert place is not None and place.en == "Malta"
    topic = text.replace("Wang Yi in Malta. The two sides discussed the bilateral relationship.",
                         "Wang Yi to discuss human rights in Malta.")
    assert _extract(topic, date=dt.date(2023, 9, 17)).event.place is None


def test_english_welcomed_to_a_venue_is_the_place_and_a_reception_not_a_welcome() -> None:
    summary = _extract("Readout of Jon Finer’s Meeting with Colombian Foreign Minister Luis Murillo\n\n"
                       "Principal Deputy National Security Advisor Jon Finer welcomed Colombian Foreign Minister Luis "
                       "Murillo to the White House yesterday to discuss regional issues. Mr. Finer welcomed "
                       "Colombia’s leadership on migration.\n", date=dt.date(2024, 12, 11))
    assert summary.event.place is not None and summary.event.place.en == "White House"
    assert [s for _, s in _said(summary)].count("welcome") == 1


def test_english_a_principal_named_by_office_takes_the_name_said_later_with_that_office() -> None:
    summary = _extract("Talks with Federal Chancellor of Germany Olaf Scholz\n\n"
                       "The President of Russia held talks with Federal Chancellor of Germany Olaf Scholz in the Kremlin. "
                       "The discussion focused on European security. President of Russia Vladimir Putin: Mr Federal Chancellor, I would like to note that Germany "
                       "is among our priority partners.\n")
    assert sorted(p.id for p in summary.participants) == ["olaf_scholz", "vladimir_putin"]
    assert _said(summary) == [("both", "exchange_views"), ("vladimir_putin", "emphasis")]


def test_english_as_you_have_noted_is_no_position() -> None:
    assert _said(_call("The Secretary stressed the value of unity, as he had noted in March.")) == [
        ("antony_blinken", "emphasis")]


def test_english_who_thanks_the_other_for_the_warm_welcome_is_the_guest() -> None:
    text = ("Talks with President of Kyrgyzstan Sadyr Japarov\n\n"
            "Vladimir Putin held talks with President of Kyrgyzstan Sadyr Japarov.\n\n"
            "President of Kyrgyzstan Sadyr Japarov: Thank you for the warm welcome, Mr President.\n")
    assert _sides(_extract(text)) == {"vladimir_putin": "host", "sadyr_japarov": "guest"}
    video = text.replace("held talks with", "held talks, via videoconference, with")
    assert _sides(_extract(video)) == {"vladimir_putin": "other", "sadyr_japarov": "other"}


def test_english_a_country_as_subject_speaks_for_its_principal() -> None:
    summary = _extract("Deputy Secretary Sherman’s Meeting with President Tebboune of Algeria\n\n"
                       "Deputy Secretary of State Wendy Sherman met today with Algerian President Abdelmadjid Tebboune "
                       "in Algiers. Deputy Secretary Sherman conveyed to President Tebboune that the United States "
                       "looks forward to the fair.\n", date=dt.date(2022, 3, 10))
    assert ("abdelmadjid_tebboune", "hope") not in _said(summary)
    assert ("wendy_sherman", "hope") in _said(summary)


def test_english_the_sides_committed_to_is_an_agreement_of_both() -> None:
    assert _said(_call("The two sides committed to maintain this channel of communication.")) == [("both", "agreement")]
    assert _said(_call("The Secretary expressed support for the talks in Rome, and they committed to work together.")) == [
        ("antony_blinken", "support"), ("both", "agreement")]
    assert _said(_call("The Secretary said the United States remains committed to peace.")) == []


def test_english_agreed_to_speak_again_is_a_call_to_come() -> None:
    summary = _call("The two agreed to speak again in the coming days.")
    assert _follow_ups(summary) == [("call", "proposed")]
    assert ("both", "agreement") in _said(summary)


def test_the_side_that_asked_is_the_guest_when_the_phrase_opens_the_sentence() -> None:
    summary = _extract("Telephone conversation with President of Uzbekistan Shavkat Mirziyoyev\n\n"
                       "At the initiative of the Uzbek side, Vladimir Putin had a telephone conversation with "
                       "President of the Republic of Uzbekistan Shavkat Mirziyoyev.\n\n"
                       "The presidents discussed trade.\n")
    assert _sides(summary) == {"vladimir_putin": "host", "shavkat_mirziyoyev": "guest"}


def test_a_lower_case_particle_e_or_y_stays_inside_an_english_name() -> None:
    summary = _extract("Readout of the Secretary's Meeting with Foreign Minister Rui Figueiredo e Soares of Cabo Verde\n\n"
                       "Secretary of State Antony J. Blinken met today with Foreign Minister Rui Figueiredo e Soares of "
                       "the Republic of Cabo Verde. They discussed trade.\n")
    names = {p.name.en: p.country for p in summary.participants if p.name is not None}
    assert names.get("Rui Figueiredo e Soares") == "CV"


def test_a_town_written_with_its_country_decides_who_is_at_home() -> None:
    summary = _extract("Readout of President Biden's Meeting with President Milei of Argentina\n\n"
                       "President Joseph R. Biden, Jr. met today with President Javier Milei of Argentina in Ushuaia, "
                       "Argentina. The two leaders discussed trade.\n", date=dt.date(2024, 5, 2))
    assert summary.event.place is not None and summary.event.place.en == "Ushuaia, Argentina"
    assert sorted(_sides(summary).values()) == ["guest", "host"]
    assert next(p.side.value for p in summary.participants if p.country == "AR") == "host"


def test_a_meeting_on_the_margins_of_a_summit_has_no_host() -> None:
    summary = _extract("Readout of the Vice President's Meeting with Prime Minister Marape of Papua New Guinea\n\n"
                       "Vice President Kamala Harris met today with Prime Minister James Marape of Papua New Guinea on "
                       "the sidelines of the Leaders’ Meeting in San Francisco, California. They discussed climate.\n",
                       date=dt.date(2023, 11, 16))
    assert set(_sides(summary).values()) == {"other"}


def test_every_counterpart_a_host_receives_is_a_guest() -> None:
    summary = _extract("Secretary Blinken’s Meeting with Foreign Ministers of Chile and Peru\n\n"
                       "The below is attributable to Spokesperson Ned Price:\n\n"
                       "Secretary of State Antony J. Blinken met with Chilean Foreign Minister Antonia Urrejola and "
                       "Peruvian Foreign Minister César Landa at the State Department in Washington, DC. "
                       "They discussed migration.\n")
    sides = {p.country: p.side.value for p in summary.participants}
    assert sides == {"US": "host", "CL": "guest", "PE": "guest"}


def test_a_named_venue_without_an_article_is_the_place() -> None:
    summary = _extract("Readout of the President's Meeting with President Macron of France\n\n"
                       "President Joseph R. Biden, Jr. met today with President Emmanuel Macron of France at Schaumburg Palace "
                       "to discuss Ukraine.\n", date=dt.date(2024, 6, 8))
    assert summary.event.place is not None and summary.event.place.en == "Schaumburg Palace"


def _follow_ups_who(summary: Summary) -> list[tuple[str, str, str | None]]:
    return [(f.kind.value, f.status.value, f.who) for f in summary.follow_ups]


def test_a_promise_to_act_is_a_follow_up() -> None:
    summary = _extract("Telephone conversation with Prime Minister of Italy Mario Draghi\n\n"
                       "Vladimir Putin had a telephone conversation with Prime Minister of Italy Mario Draghi.\n\n"
                       "The President of Russia asked for help with the evacuation of students. "
                       "Mario Draghi promised to raise the matter with the European Commission.\n")
    assert _follow_ups_who(summary) == [("other", "proposed", "mario_draghi")]


def test_a_standing_commission_or_meeting_someones_needs_is_no_meeting_to_come() -> None:
    summary = _extract("Talks with President of Serbia Aleksandar Vucic\n\n"
                       "Vladimir Putin held talks in Sochi with President of the Republic of Serbia Aleksandar Vucic.\n\n"
                       "President of Russia Vladimir Putin: The Intergovernmental Commission is working regularly. "
                       "I hope that a solution will be found that will meet the interests of all people in the region.\n")
    assert _follow_ups_who(summary) == []


def test_visits_expected_or_looked_forward_to_are_follow_ups() -> None:
    summary = _extract("Talks with President of Serbia Aleksandar Vucic\n\n"
                       "Vladimir Putin held talks in Sochi with President of the Republic of Serbia Aleksandar Vucic.\n\n"
                       "President of Russia Vladimir Putin: We expect the Speaker of the Serbian Parliament to visit "
                       "Moscow in spring.\n\nAleksandar Vucic: We are looking forward to seeing you in Belgrade.\n")
    found = _follow_ups_who(summary)
    assert [kind for kind, _, _ in found] == ["visit", "visit"]
    assert found[1][2] == "vladimir_putin"


def test_a_date_written_as_an_attribute_of_another_event_is_not_the_events() -> None:
    summary = _extract("Secretary Blinken’s Call with Polish Foreign Minister Rau\n\n"
                       "The below is attributable to Spokesperson Ned Price:\n\n"
                       "Secretary of State Antony J. Blinken spoke today with Polish Foreign Minister Zbigniew Rau to "
                       "follow up on their March 5 meeting in Rzeszow. They discussed Ukraine.\n",
                       date=dt.date(2022, 3, 20))
    assert summary.event.date == dt.date(2022, 3, 20)


def _stances(summary: Summary) -> list[tuple[str, str]]:
    return sorted((p.speaker, p.stance.value) for p in summary.positions)


def test_support_thanked_for_or_someone_elses_and_thanks_to_are_no_stance_of_the_speaker() -> None:
    summary = _extract("Secretary Blinken’s Call with Norwegian Foreign Minister Huitfeldt\n\n"
                       "The below is attributable to Spokesperson Ned Price:\n\n"
                       "Secretary of State Antony J. Blinken spoke today with Norwegian Foreign Minister Anniken "
                       "Huitfeldt. Secretary Blinken thanked Norway for supporting Ukraine’s energy security. "
                       "The Secretary noted that the supplies continued largely thanks to the coordinated efforts of "
                       "the allies.\n", date=dt.date(2022, 6, 1))
    assert _stances(summary) == [("antony_blinken", "emphasis"), ("antony_blinken", "thanks")]


def test_a_purpose_infinitive_is_the_subjects_position_and_appreciation_may_be_qualified() -> None:
    summary = _extract("Secretary Blinken’s Call with Spanish Foreign Minister Albares\n\n"
                       "The below is attributable to Spokesperson Ned Price:\n\n"
                       "Secretary of State Antony J. Blinken spoke today with Spanish Foreign Minister José Manuel "
                       "Albares to reaffirm the strong U.S.-Spain alliance. Secretary Blinken expressed strong "
                       "appreciation for Spain’s support to Ukraine. The Secretary and the Foreign Minister also shared "
                       "views on the situation in the Sahel.\n", date=dt.date(2022, 3, 1))
    assert _stances(summary) == [("antony_blinken", "emphasis"), ("antony_blinken", "satisfaction"),
                                 ("both", "exchange_views")]


def test_congratulating_in_order_to_is_the_subjects_congratulation() -> None:
    summary = _extract("Readout of President Biden’s Call with European Council President Charles Michel\n\n"
                       "President Joseph R. Biden, Jr. spoke today with European Council President Charles Michel to "
                       "congratulate him on his re-election and reiterate our commitment to the partnership.\n",
                       date=dt.date(2022, 3, 25))
    assert _stances(summary) == [("joe_biden", "congratulation"), ("joe_biden", "emphasis")]


def test_hosting_the_next_summit_and_participation_looked_forward_to_are_follow_ups() -> None:
    summary = _extract("Readout of President Biden’s Meeting with President Noboa of Ecuador\n\n"
                       "President Biden met with President Daniel Noboa of Ecuador. President Biden thanked President "
                       "Noboa for hosting the next Summit on Migration planned for later this year and emphasized the "
                       "importance of regional cooperation. President Noboa said that Ecuador looks forward to "
                       "participating in the Americas Partnership.\n")
    assert [kind for kind, _, _ in _follow_ups_who(summary)] == ["meeting", "other"]
    assert ("joe_biden", "emphasis") in _stances(summary)


def test_games_to_be_held_are_no_meeting_to_come() -> None:
    summary = _extract("Talks with President of China Xi Jinping\n\n"
                       "Vladimir Putin held talks with President of the People's Republic of China Xi Jinping.\n\n"
                       "President of Russia Vladimir Putin: I have no doubt that the upcoming Winter Games will be held "
                       "at the highest level.\n")
    assert _follow_ups_who(summary) == []


def test_he_before_a_verb_is_the_last_speaker_not_the_object_after_it() -> None:
    summary = _extract("Telephone conversation with President of France Emmanuel Macron\n\n"
                       "Vladimir Putin had a telephone conversation with President of the French Republic Emmanuel "
                       "Macron.\n\nVladimir Putin reaffirmed Russia's readiness for cooperation. He urged the President "
                       "of France to join the efforts to evacuate foreign nationals.\n")
    assert ("vladimir_putin", "call") in _stances(summary)
    assert ("emmanuel_macron", "call") not in _stances(summary)


def test_support_as_a_gerund_or_in_iran_backed_is_no_stance() -> None:
    summary = _extract("Readout of the Vice President’s Call with King Abdullah II of Jordan\n\n"
                       "Vice President Kamala Harris spoke today with King Abdullah II of Jordan. The Vice President "
                       "commended the King for Jordan’s leadership in supporting stability in the region. She "
                       "condemned the Iran-backed attacks on shipping.\n", date=dt.date(2024, 1, 5))
    assert _stances(summary) == [("kamala_harris", "condemnation"), ("kamala_harris", "satisfaction")]


def _topics_of(summary: Summary) -> set[str]:
    return {a.topic.value for a in summary.agenda if a.topic is not None}


def test_a_topic_word_in_a_title_or_the_head_of_a_compound_is_no_topic() -> None:
    summary = _extract("Readout of National Security Advisor Jake Sullivan’s Meeting with Foreign Minister Cohen\n\n"
                       "National Security Advisor Jake Sullivan met today with Foreign Minister Eli Cohen of Israel. "
                       "They discussed food security and climate change.\n", date=dt.date(2023, 3, 1))
    assert "security" not in _topics_of(summary)
    assert {"agriculture", "environment"} <= _topics_of(summary)


def test_covid_and_vaccines_are_health() -> None:
    summary = _extract("Telephone conversation with President of Argentina Alberto Fernandez\n\n"
                       "Vladimir Putin had a telephone conversation with President of Argentina Alberto Fernandez.\n\n"
                       "The presidents discussed cooperation in countering COVID-19, including deliveries of vaccines.\n")
    assert "health" in _topics_of(summary)


def test_what_the_two_spoke_about_is_an_exchange_of_views() -> None:
    summary = _extract("Secretary Blinken’s Call with Estonian Foreign Minister Liimets\n\n"
                       "The below is attributable to Spokesperson Ned Price:\n\n"
                       "Secretary of State Antony J. Blinken spoke today with Estonian Foreign Minister Eva-Maria "
                       "Liimets about the security situation in Europe.\n", date=dt.date(2022, 1, 20))
    assert _stances(summary) == [("both", "exchange_views")]


def test_summing_up_covering_and_commenting_are_positions() -> None:
    summary = _extract("Telephone conversation with President of Turkey Recep Tayyip Erdogan\n\n"
                       "Vladimir Putin had a telephone conversation with President of Turkey Recep Tayyip Erdogan.\n\n"
                       "The presidents summed up the results of bilateral cooperation. The conversation also covered "
                       "energy. Vladimir Putin commented on the situation in Syria.\n")
    assert _stances(summary) == [("both", "exchange_views"), ("both", "exchange_views"), ("vladimir_putin", "other")]


def test_a_known_residence_places_the_meeting_in_its_country() -> None:
    summary = _extract("Meeting with President of Kazakhstan Kassym-Jomart Tokayev\n\n"
                       "Vladimir Putin met with President of the Republic of Kazakhstan Kassym-Jomart Tokayev at the "
                       "Constantine Palace.\n\nThe presidents discussed trade.\n")
    assert _sides(summary) == {"vladimir_putin": "host", "kassym_jomart_tokayev": "guest"}
    assert summary.event.place is not None and summary.event.place.ar == "قصر قسطنطين"


def test_a_stance_noun_after_a_possessive_an_adjective_or_whom_it_was_told_keeps_its_stance() -> None:
    summary = _extract("Readout of the Vice President’s Call with Prime Minister Støre of Norway\n\n"
                       "Vice President Kamala Harris spoke today with Prime Minister Jonas Gahr Støre of Norway. "
                       "The Vice President voiced the grave concerns of the United States about the famine. "
                       "She expressed her hope for a lasting truce. She reaffirmed her steadfast support for the "
                       "Ukrainian people. She shared with the Prime Minister her assessment of the talks.\n",
                       date=dt.date(2024, 2, 1))
    assert _stances(summary) == [("kamala_harris", "concern"), ("kamala_harris", "hope"), ("kamala_harris", "other"),
                                 ("kamala_harris", "support")]


def test_making_clear_drawing_attention_and_speaking_in_support_are_positions() -> None:
    summary = _extract("Telephone conversation with President of Finland Sauli Niinisto\n\n"
                       "Vladimir Putin had a telephone conversation with President of Finland Sauli Niinisto.\n\n"
                       "Vladimir Putin made clear that the treaty remains in force. He drew President Niinisto's "
                       "attention to the border incidents. Vladimir Putin conveyed the importance of trade. "
                       "The presidents spoke in support of more contacts between regions. Vladimir Putin said it would "
                       "be expedient for the ministers to meet.\n")
    assert _stances(summary) == [("both", "support"), ("vladimir_putin", "call"), ("vladimir_putin", "emphasis"),
                                 ("vladimir_putin", "emphasis"), ("vladimir_putin", "emphasis")]


def test_a_meeting_planned_to_be_convened_is_a_follow_up() -> None:
    summary = _extract("Secretary Blinken’s Meeting with Korean Foreign Minister Park\n\n"
                       "Secretary of State Antony J. Blinken met today with Republic of Korea Foreign Minister Park Jin. "
                       "The Secretary and the Foreign Minister planned to convene a session of the bilateral energy "
                       "dialogue next autumn.\n", date=dt.date(2022, 6, 13))
    assert [kind for kind, _, _ in _follow_ups_who(summary)] == ["meeting"]


def test_the_town_closing_the_gathering_met_on_the_sidelines_of_is_the_place() -> None:
    summary = _extract("Secretary Blinken’s Meeting with Indian External Affairs Minister Jaishankar\n\n"
                       "Secretary of State Antony J. Blinken met with Indian External Affairs Minister Subrahmanyam "
                       "Jaishankar on the sidelines of the G7 Foreign Ministers Meeting in Karuizawa.\n",
                       date=dt.date(2022, 7, 12))
    assert summary.event.place is not None and summary.event.place.en == "Karuizawa"


def test_agreeing_to_hold_the_next_meeting_stays_an_agreement_beside_the_follow_up() -> None:
    summary = _extract("Meeting with President of Armenia Armen Sarkissian\n\n"
                       "Vladimir Putin met with President of Armenia Armen Sarkissian in the Kremlin.\n\n"
                       "The two sides agreed to hold the next session of the intergovernmental commission in Yerevan.\n")
    assert ("both", "agreement") in _stances(summary)
    assert [kind for kind, _, _ in _follow_ups_who(summary)] == ["meeting"]


def test_an_organisation_before_an_office_is_the_officials() -> None:
    summary = _extract("Deputy Secretary Sherman’s Call with OSCE Secretary General Schmid\n\n"
                       "Deputy Secretary of State Wendy Sherman spoke today with OSCE Secretary General Helga Schmid "
                       "and with European External Action Service Secretary General Belen Martinez about Ukraine.\n",
                       date=dt.date(2022, 2, 1))
    countries = {p.id: p.country for p in summary.participants}
    assert countries.get("schmid") == "OSCE" and countries.get("martinez") == "EU"
    schmid = next(p for p in summary.participants if p.id == "schmid")
    assert schmid.title is not None and schmid.title.ar == "الأمين العام لمنظمة الأمن والتعاون في أوروبا"


def test_an_unnamed_office_of_a_country_before_a_comma_and_a_titled_name_is_that_persons() -> None:
    summary = _extract("Deputy Secretary Sherman’s Meeting with Ambassador Rahimi\n\n"
                       "Deputy Secretary of State Wendy Sherman met today with Senior Adviser to the President of "
                       "Tajikistan, Ambassador Farrukh Rahimi, to discuss regional security.\n",
                       date=dt.date(2022, 5, 4))
    assert {p.id: p.country for p in summary.participants}.get("rahimi") == "TJ"


def test_a_gathering_named_with_dates_after_the_release_is_a_meeting_to_come() -> None:
    text = ("Secretary Blinken’s Call with Norwegian Foreign Minister Eide\n\n"
            "Secretary of State Antony J. Blinken spoke today with Norwegian Foreign Minister Espen Barth Eide. "
            "They discussed preparations for the October 5-6 Arctic Council Ministerial in Tromso.\n")
    coming = _extract(text, date=dt.date(2023, 9, 1))
    assert [(f.kind.value, f.status.value) for f in coming.follow_ups] == [("meeting", "scheduled")]
    assert coming.follow_ups[0].due is not None and coming.follow_ups[0].due.date == dt.date(2023, 10, 5)
    assert _extract(text, date=dt.date(2023, 11, 1)).follow_ups == []  # already held
