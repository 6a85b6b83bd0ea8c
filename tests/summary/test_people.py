"""One person, one entry: the same minister under two names in two real releases is one person."""

from __future__ import annotations

from briefing.assemble.collection import assemble_pack
from briefing.read.summaries import read_summary
from briefing.summary.people import gather, name_key
from support import ROOT

TESTS = ROOT / "tests"
ROME = TESTS / "archive" / "corpus" / "2015-08-08-233.gold.yaml"  # "Adel Al-Jubeir"
CAIRO = TESTS / "extract" / "corpus" / "ar" / "dev" / "2015-07-24-1213.gold.yaml"  # "Adel bin Ahmed Al-Jubeir"


def test_a_bin_chain_before_the_family_name_is_the_same_person():
    assert name_key("Adel bin Ahmed Al-Jubeir", "en") == name_key("Adel Al-Jubeir", "en")
    assert name_key("عادل بن أحمد الجبير", "ar") == name_key("عادل الجبير", "ar")
    assert name_key("H.E. Sheikh Sabah Al-Khalid", "en") == name_key("Sabah Al Khalid", "en")


def test_a_chain_without_family_name_keeps_two_princes_apart():
    assert name_key("Mohammed bin Salman bin Abdulaziz", "en") != name_key("Mohammed bin Nayef bin Abdulaziz", "en")


def test_the_pack_index_has_one_entry_for_al_jubeir_with_both_names():
    pack = assemble_pack([read_summary(ROME), read_summary(CAIRO)])
    jubeir = [e for e in pack.participants if "Jubeir" in (e.name.en or "")]
    assert len(jubeir) == 1
    [entry] = jubeir
    assert entry.name.en == "Adel bin Ahmed Al-Jubeir" and {v.en for v in entry.variants} == {"Adel Al-Jubeir", "Adel bin Ahmed Al-Jubeir"}
    assert [m.number for m in entry.meetings] == [1, 2]
    names = {e.name.en for e in pack.participants}
    assert "Adel bin Zaid Al-Turaifi" in names  # another Adel of the same country stays apart


def test_the_same_name_in_two_countries_is_two_people():
    a, b = read_summary(ROME).participants
    moved = b.model_copy(update={"name": a.name})
    assert len(gather([a, moved])) == 2
