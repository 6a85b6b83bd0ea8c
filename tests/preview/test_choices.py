"""Query strings a preview page accepts: only its own parameters, only the values it offers."""

from __future__ import annotations

import pytest

from briefing.preview.choices import (
    Choice,
    QueryError,
    choose,
    choose_format,
    parse_query,
)

DEFAULT = Choice("parallel", ("ar", "en"))


def test_the_query_overrides_the_default():
    assert choose(parse_query("layout=stacked&lang=en%2Car", ("layout", "lang")), DEFAULT) == Choice("stacked", ("en", "ar"))
    assert choose(parse_query("lang=ar", ("layout", "lang")), DEFAULT) == Choice("parallel", ("ar",))
    assert choose(parse_query("", ("layout", "lang")), DEFAULT) == DEFAULT


@pytest.mark.parametrize("query", ["evil=1", "layout=stacked&layout=parallel", "layout", "a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9"])
def test_unknown_repeated_or_malformed_parameters_are_refused(query):
    with pytest.raises(QueryError):
        parse_query(query, ("layout", "lang"))


@pytest.mark.parametrize("query", ["layout=grid", "lang=fr", "lang=ar,ar", "lang=", "layout=%3Cscript%3E"])
def test_values_not_offered_are_refused(query):
    with pytest.raises(QueryError):
        choose(parse_query(query, ("layout", "lang")), DEFAULT)


def test_download_formats():
    assert choose_format({"format": "pdf"}) == "pdf"
    assert choose_format({"format": "docx"}) == "docx"
    for bad in ({"format": "html"}, {"format": "../../etc/passwd"}, {}):
        with pytest.raises(QueryError):
            choose_format(bad)


def test_a_choice_writes_its_own_query():
    assert Choice("stacked", ("en", "ar")).query(format="pdf") == "?layout=stacked&lang=en%2Car&format=pdf"
