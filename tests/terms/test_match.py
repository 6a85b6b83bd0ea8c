"""Finding terms in Arabic and English text: proclitics, longest match, offsets, lookup."""

from __future__ import annotations

import pytest

from briefing.terms import TermBase, load_terms


@pytest.fixture(scope="module")
def terms() -> TermBase:
    return load_terms()


def keys(terms: TermBase, text: str, lang: str = "ar", kinds: tuple[str, ...] | None = None) -> list[str]:
    return [f"{m.term.kind}:{m.term.key}" for m in terms.match(text, lang, kinds)]


def test_attached_conjunction_does_not_hide_a_name(terms: TermBase) -> None:
    found = terms.match("وبحث الرئيس فلاديمير بوتين", "ar")
    person = [m for m in found if m.term.kind == "person"]
    assert [m.term.key for m in person] == ["vladimir_putin"]
    assert person[0].term.en == "Vladimir Putin"


def test_preposition_and_article_are_tolerated(terms: TermBase) -> None:
    assert keys(terms, "في قصر سموه بالرياض", kinds=("city",)) == ["city:riyadh"]
    assert keys(terms, "وللرئيس", kinds=("title",)) == ["title:president"]
    assert keys(terms, "وبموسكو ولروسيا", kinds=("city", "country")) == ["city:moscow", "country:RU"]


def test_surface_is_the_original_text_without_the_clitic(terms: TermBase) -> None:
    text = "اجتمع  بالرياضِ اليوم"
    (m,) = terms.match(text, "ar", ["city"])
    assert text[m.start : m.end] == m.surface == "الرياضِ"


def test_longest_match_wins(terms: TermBase) -> None:
    assert keys(terms, "ولي ولي العهد", kinds=("title",)) == ["title:deputy_crown_prince"]
    assert keys(terms, "ولي العهد", kinds=("title",)) == ["title:crown_prince"]
    assert keys(terms, "رئيس مجلس الوزراء", kinds=("title",)) == ["title:prime_minister"]
    assert keys(terms, "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود") == [
        "title:custodian", "title:king", "person:salman_bin_abdulaziz"]


def test_names_spelled_with_or_without_spaces_and_marks_match(terms: TermBase) -> None:
    for text in ("عبدالفتاح السيسي", "عبد الفتاح السيسي", "عبدُالفتاح السيسي"):
        assert keys(terms, text, kinds=("person",)) == ["person:abdel_fattah_al_sisi"]
    assert keys(terms, "امام علي رحمان", kinds=("person",)) == ["person:emomali_rahmon"]


def test_terms_do_not_run_across_punctuation(terms: TermBase) -> None:
    assert keys(terms, "ولي، العهد", kinds=("title",)) == []


def test_country_forms_and_adjectives(terms: TermBase) -> None:
    text = "رئيس روسيا الاتحادية ووزير الخارجية الروسي والمملكة العربية السعودية والمملكة"
    assert keys(terms, text, kinds=("country",)) == ["country:RU", "country:RU", "country:SA", "country:SA"]


def test_english_ignores_case_and_possessive(terms: TermBase) -> None:
    text = "PRESIDENT PUTIN's visit to the Kingdom of Saudi Arabia; Saudi Arabia's King"
    assert keys(terms, text, "en", ("person", "country", "title")) == [
        "title:president", "person:vladimir_putin", "country:SA", "country:SA", "title:king"]


def test_kinds_filter_limits_what_is_found(terms: TermBase) -> None:
    assert keys(terms, "استقبل فخامة الرئيس", kinds=("honorific",)) == ["honorific:excellency_president"]


def test_epithets_that_stand_for_the_home_head_of_state(terms: TermBase) -> None:
    found = terms.match("ووصف رئيس دولتنا وزعيم الشعب", "ar", ["epithet"])
    assert [m.term.attrs.get("refers_to") for m in found] == ["home_head_of_state"] * 2


def test_stance_topic_and_followup_cues(terms: TermBase) -> None:
    text = "وأعرب الجانبان عن ارتياحهما لتطوير التجارة، وسيتم تحديد موعد الزيارة عبر القنوات الدبلوماسية"
    found = {m.term.kind: m.term for m in terms.match(text, "ar", ["stance", "topic", "followup"])}
    assert found["stance"].attrs["stance"] == "satisfaction"
    assert found["topic"].attrs["topic"] == "trade"
    assert found["followup"].attrs["status"] == "date_tbd"


def test_lookup_and_get(terms: TermBase) -> None:
    assert terms.lookup("بالرياض", "ar", "city") is terms.get("city", "riyadh")
    assert terms.lookup("Riyadh", "en").key == "riyadh"  # type: ignore[union-attr]
    assert terms.lookup("الرياض اليوم", "ar") is None
    assert terms.get("country", "TJ").attrs["capital"] == "dushanbe"  # type: ignore[union-attr]
    assert terms.get("person", "no_such") is None


def test_same_spelling_of_two_terms_is_reported(terms: TermBase) -> None:
    (m,) = terms.match("سلطنة عمان ثم عمان", "ar", ["city", "country"])[1:]
    assert m.term.key == "OM" and [t.key for t in m.alternatives] == ["amman"]


def test_english_release_wording(terms: TermBase) -> None:
    text = ("Custodian of the Two Holy Mosques King Salman bin Abdulaziz received H.E. Dr. Anwar Gargash; "
            "the invitation was accepted with pleasure")
    assert keys(terms, text, "en") == [
        "title:custodian", "title:king", "person:salman_bin_abdulaziz", "event:received", "honorific:excellency",
        "honorific:doctor", "person:anwar_gargash", "followup:invitation", "followup:invitation_accepted"]


def test_a_kind_filter_keeps_the_terms_of_that_kind_that_share_a_first_word(terms: TermBase) -> None:
    # "Riyadh" begins a city and two people, "Shanghai" a city and an organisation: asked for one kind, the
    # scanner skips words that begin no term of it, never words that begin one among others.
    text = "talks in Riyadh with Riyad al-Maliki on the Shanghai Cooperation Organization"
    assert keys(terms, text, "en", kinds=("city",)) == ["city:riyadh", "city:riyadh", "city:shanghai"]
    assert keys(terms, text, "en", kinds=("person",)) == ["person:riyad_al_maliki"]
    assert keys(terms, text, "en", kinds=("organisation",)) == ["organisation:SCO"]
    assert keys(terms, text, "en", kinds=("title", "epithet")) == []
