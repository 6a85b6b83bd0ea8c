"""Loading inputs: over the cores, each input's summary or error in the inputs' order."""

from __future__ import annotations

import shutil

from briefing.assemble.loading import load_input, load_inputs, reading_workers
from briefing.base.errors import BriefingError
from support import SAMPLES


def one_by_one(names: list[str]) -> list:
    found = []
    for name in names:
        try:
            found.append(load_input(name))
        except BriefingError as error:
            found.append(error)
    return found


def shown(outcomes: list) -> list:
    return [(type(o).__name__, str(o)) if isinstance(o, BriefingError) else o for o in outcomes]


def test_loading_over_the_cores_gives_what_loading_one_by_one_gives(tmp_path):
    good = sorted(str(p) for p in SAMPLES.glob("*.yaml"))
    (tmp_path / "bad.yaml").write_text("format: 1\nlanguage: fr\n", encoding="utf-8")
    (tmp_path / "folder.yaml").mkdir()
    (tmp_path / "empty.json").write_text("", encoding="utf-8")
    shutil.copy(good[0], tmp_path / "copy.yaml")
    names = [good[0], str(tmp_path / "bad.yaml"), good[1], str(tmp_path / "missing.yaml"), str(tmp_path / "folder.yaml"),
             good[2], str(tmp_path / "empty.json"), str(tmp_path / "copy.yaml"), str(tmp_path / "bad.yaml")]
    expected = shown(one_by_one(names))
    assert shown(load_inputs(names, workers=2)) == expected == shown(load_inputs(names, workers=1))
    assert [kind for kind, *_ in (e if isinstance(e, tuple) else ("ok",) for e in expected)] == [
        "ok", "SummaryError", "ok", "InputError", "InputError", "ok", "SummaryError", "ok", "SummaryError"]


def test_standard_input_is_read_in_this_process():
    assert reading_workers(["a.yaml", "-"], 4) == 1
    assert reading_workers(["a.yaml", "b.yaml"], 4) == 4 and reading_workers(["a.yaml"]) is None
