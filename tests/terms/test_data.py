"""The shipped data: CLDR country names, coverage of office holders, consistency."""

from __future__ import annotations

import pytest
from babel import Locale

from briefing.terms import DATA_DIR, DATA_FILES, TermBase, load_terms
from briefing.terms._cldr import country_codes, render_countries

G20 = "AR AU BR CA CN FR DE IN ID IT JP KR MX RU SA ZA TR GB US".split()
ARAB_LEAGUE = "DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE".split()
CENTRAL_ASIA = "KZ KG TJ TM UZ".split()
ROLES = ("head_of_state", "head_of_government", "foreign_minister")


@pytest.fixture(scope="module")
def terms() -> TermBase:
    return load_terms()


def test_countries_file_is_what_the_generator_writes() -> None:
    shipped = (DATA_DIR / "countries.tsv").read_text(encoding="utf-8")
    body = [line for line in shipped.splitlines() if not line.startswith("#")]
    expected = [line for line in render_countries().splitlines() if not line.startswith("#")]
    assert body == expected, "countries.tsv is stale: run scripts/gen_countries.py"


def test_country_names_come_from_cldr_in_both_languages(terms: TermBase) -> None:
    ar, en = Locale("ar").territories, Locale("en").territories
    overridden = {"PS"}  # primary names set in countries-extra.tsv; CLDR's stay as variants
    for code in country_codes():
        term = terms.get("country", code)
        assert term is not None, code
        if code in overridden:
            assert ar[code] in term.variants_ar and en[code] in term.variants_en
        else:
            assert (term.ar, term.en) == (ar[code], en[code])
    assert len(terms.entries("country")) >= 240


@pytest.mark.parametrize("code", sorted(set(G20 + ARAB_LEAGUE + CENTRAL_ASIA + ["IR"])))
def test_each_group_country_has_its_leaders_and_foreign_minister(terms: TermBase, code: str) -> None:
    people = [p for p in terms.entries("person") if p.attrs.get("country") == code]
    monarchs = [p for p in terms.entries("person") if code in p.attrs.get("realms", "").split(",")]
    roles = {r for p in people for r in p.attrs.get("roles", "").split(",")}
    if monarchs:
        roles.add("head_of_state")  # Commonwealth realms: the monarch is head of state
    assert set(ROLES) <= roles, f"{code}: missing {set(ROLES) - roles}"
    assert any("to" not in p.attrs for p in people), f"{code}: no one in office now"
    for p in people:
        assert p.ar and p.en and p.attrs.get("office"), p.key


def test_people_name_real_countries_and_years(terms: TermBase) -> None:
    for p in terms.entries("person"):
        where = p.attrs.get("country") or p.attrs.get("organisation")
        assert where and (terms.get("country", where) or terms.get("organisation", where)), p.key
        for year in (p.attrs.get("from"), p.attrs.get("to")):
            assert year is None or 1950 < int(year) < 2030, p.key


def test_capitals_are_cities_of_their_country(terms: TermBase) -> None:
    for country in terms.entries("country"):
        capital = country.attrs.get("capital")
        if capital:
            city = terms.get("city", capital)
            assert city is not None, capital
            assert city.attrs["country"] == country.key or capital == "jerusalem"


def test_cue_terms_carry_vocabulary_keys(terms: TermBase) -> None:
    stances = {"satisfaction", "emphasis", "concern", "call", "support", "welcome", "condemnation",
               "congratulation", "condolence", "thanks", "hope", "agreement", "exchange_views", "other"}
    topics = {"trade", "economy", "investment", "energy", "transport", "security", "defence",
              "counter_terrorism", "border", "migration", "humanitarian", "culture", "education", "health",
              "agriculture", "water", "environment", "regional_situation", "international_situation",
              "multilateral", "bilateral_relations"}
    assert {t.attrs["stance"] for t in terms.entries("stance")} == stances
    assert {t.attrs["topic"] for t in terms.entries("topic")} == topics
    for t in terms.entries("followup"):
        assert t.attrs["kind"] in {"visit", "invitation", "agreement", "meeting", "call", "other"}
        assert t.attrs["status"] in {"proposed", "accepted", "scheduled", "done", "declined", "date_tbd"}


def test_every_data_file_names_its_source_and_licence() -> None:
    for name in DATA_FILES:
        head = (DATA_DIR / name).read_text(encoding="utf-8")[:1500]
        assert "licen" in head.lower() and "Fields (TAB-separated)" in head, name


def test_no_person_is_written_with_a_title_in_front(terms: TermBase) -> None:
    """"King Salman bin Abdulaziz" must read as title + name, so no name starts with a one-word title."""
    from briefing.terms.normalise import tokenise

    one_word = {(lang, tokenise(s)[0].norm) for kind in ("title", "honorific") for t in terms.entries(kind)
                for lang in ("ar", "en") for s in t.surfaces(lang) if len(tokenise(s)) == 1}
    family_names = {"hossein_amir_abdollahian"}  # "أمير" is part of his name
    for p in terms.entries("person"):
        for lang in ("ar", "en"):
            for s in p.surfaces(lang):
                assert p.key in family_names or (lang, tokenise(s)[0].norm) not in one_word, (p.key, s)
