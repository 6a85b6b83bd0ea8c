"""Where the sources of one event disagree, and what changed between two versions of a source (pure)."""

from __future__ import annotations

from briefing.archive.history import changes
from briefing.archive.merge import conflicts, source_order

from .test_archive_memory import italian_visit_to_riyadh, rome


def test_the_same_account_twice_has_no_conflict_and_nesting_places_agree():
    assert conflicts([(1, rome()), (2, rome(event__place={"en": "Rome, Italy"}))]) == ()


def test_a_visit_to_riyadh_and_talks_in_rome_disagree_on_type_place_and_sides():
    found = conflicts([(1, rome()), (2, italian_visit_to_riyadh("2015-08-07"))])
    assert [(c.field, c.values) for c in found] == [
        ("type", ((1, "talks"), (2, "visit"))), ("place", ((1, "Rome"), (2, "Riyadh"))),
        ("hosts", ((1, "IT"), (2, "SA"))), ("guests", ((1, "SA"), (2, "IT")))]


def test_the_picked_source_comes_first_then_urls_before_files():
    keys = [("file:a.txt", 1), ("url:b.example/2", 2), ("url:a.example/3", 3)]
    assert [sid for _, sid in sorted(keys, key=lambda k: source_order(*k, None))] == [3, 2, 1]
    assert [sid for _, sid in sorted(keys, key=lambda k: source_order(*k, 1))] == [1, 3, 2]


def test_history_names_the_fields_a_correction_changed():
    assert list(changes(rome(), rome(event__date="2015-08-06", event__type="meeting"))) == [
        ("date", "2015-08-07", "2015-08-06"), ("type", "talks", "meeting")]
