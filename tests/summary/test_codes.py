"""Participant countries: ISO 3166-1 or an organisation of the term base, with a suggestion when not."""

from __future__ import annotations

import pytest

from briefing.summary.codes import is_known, suggest
from support import MINIMAL_SUMMARY


def summary_with(tmp_path, code: str):
    path = tmp_path / "s.yaml"
    path.write_text(MINIMAL_SUMMARY + f"    country: {code}\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(("code", "meant"), [("KSA", "SA"), ("SYR", "SY"), ("UK", "GB"), ("UAE", "AE"), ("UNN", "UN")])
def test_validate_refuses_a_wrong_code_and_says_which_was_meant(tmp_path, cli, code, meant):
    path = summary_with(tmp_path, code)
    result = cli("validate", str(path))
    assert result.returncode == 2
    line = result.stderr.decode().strip()
    assert len(line.splitlines()) == 1 and "Traceback" not in line
    assert f"{path}:8:5: participants[0].country: '{code}'" in line
    assert f"did you mean '{meant}'?" in line


def test_a_code_nothing_resembles_gets_the_rule_instead(tmp_path, cli):
    result = cli("validate", str(summary_with(tmp_path, "XX")))
    assert result.returncode == 2
    assert "'XX' is not a country code" in result.stderr.decode() and "did you mean" not in result.stderr.decode()


def test_a_wrong_code_stops_the_note_before_anything_is_written(tmp_path, cli):
    result = cli("note", str(summary_with(tmp_path, "KSA")), "-o", str(tmp_path / "out"), "--format", "html")
    assert result.returncode == 2 and "did you mean 'SA'?" in result.stderr.decode()
    assert not (tmp_path / "out").exists()


def test_countries_and_organisations_of_the_term_base_are_known():
    assert all(is_known(c) for c in ("SA", "SY", "TJ", "UN", "GCC", "ISDB"))
    assert not any(is_known(c) for c in ("KSA", "SYR", "XX", "EU1"))
    assert suggest("SAU") == "SA"


def test_an_organisation_from_the_users_term_file_is_known(tmp_path, cli):
    terms = tmp_path / "mine.tsv"
    terms.write_text("organisation\tGCSB\tهيئة\tGulf Council of Small Banks\t\t\t\n", encoding="utf-8")
    (tmp_path / "briefing.toml").write_text('terms = ["mine.tsv"]\n', encoding="utf-8")
    path = summary_with(tmp_path, "GCSB")
    assert cli("validate", str(path)).returncode == 2
    assert cli("validate", str(path), cwd=tmp_path).returncode == 0


def test_the_iso_codes_are_babels():
    from briefing.summary.codes import iso_countries
    from briefing.terms._cldr import country_codes

    assert iso_countries() == frozenset(country_codes())
