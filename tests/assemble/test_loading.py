"""Loading inputs: which process reads them."""

from __future__ import annotations

from briefing.assemble.loading import reading_workers


def test_standard_input_is_read_in_this_process():
    assert reading_workers(["a.yaml", "-"], 4) == 1
    assert reading_workers(["a.yaml", "b.yaml"], 4) == 4 and reading_workers(["a.yaml"]) is None
