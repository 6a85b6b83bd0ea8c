"""The summary model: format 1 as the contract says."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from briefing.summary.model import derive_id, parse_summary, summary_json_schema


def minimal(**extra):
    data = {"format": 1, "language": "ar", "event": {"type": "meeting"}, "participants": [{"id": "a", "name": "أحمد"}]}
    data.update(extra)
    return data


def test_plain_string_is_taken_in_the_summary_language():
    summary = parse_summary(minimal())
    assert summary.participants[0].name.ar == "أحمد"
    assert summary.participants[0].name.en is None
    assert summary.participants[0].name.pending("en")


def test_english_summary_plain_string_goes_to_en():
    summary = parse_summary(minimal(language="en", participants=[{"id": "a", "name": "Ahmed"}]))
    assert summary.participants[0].name.en == "Ahmed"


def test_positions_must_name_a_participant_or_both():
    with pytest.raises(ValidationError):
        parse_summary(minimal(positions=[{"speaker": "zz", "stance": "emphasis", "text": "x"}]))
    ok = parse_summary(minimal(positions=[{"speaker": "both", "stance": "emphasis", "text": "x"}]))
    assert ok.positions[0].speaker == "both"


def test_participant_ids_are_unique():
    with pytest.raises(ValidationError):
        parse_summary(minimal(participants=[{"id": "a", "name": "x"}, {"id": "a", "name": "y"}]))


def test_derived_id_uses_date_countries_and_place():
    summary = parse_summary(
        minimal(
            event={"type": "meeting", "date": "2026-05-14", "place": {"ar": "موسكو", "en": "Moscow"}},
            participants=[{"id": "a", "name": "x", "country": "tj"}, {"id": "b", "name": "y", "country": "RU"}],
        )
    )
    assert derive_id(summary) == "2026-05-14-tj-ru-moscow"
    assert summary.note_id == "2026-05-14-tj-ru-moscow"
    assert parse_summary(minimal(id="BN-117")).note_id == "BN-117"


def test_json_schema_lists_the_vocabularies():
    schema = summary_json_schema()
    text = str(schema)
    for word in ("phone_call", "counter_terrorism", "exchange_views", "scheduled"):
        assert word in text
    assert "participants" in schema["required"]


def test_clean_text_refuses_exactly_the_control_characters_and_lone_surrogates_at_any_code_point():
    import sys

    from briefing.summary.model import _CONTROL, _SURROGATE, clean_text

    for code in range(sys.maxunicode + 1):
        text = f"a{chr(code)}b"
        bad = bool(_CONTROL.search(text) or _SURROGATE.search(text))
        try:
            assert clean_text(text) == text and not bad, hex(code)
        except ValueError:
            assert bad, hex(code)
