"""A real CAT tool in the loop: OmegaT (console mode) translates the exported XLIFF from a TMX, and the
translations come back into the summary with `briefing translate import`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from briefing.read.summaries import read_summary
from briefing.translate.xliff import build_tmx
from support import SAMPLES

pytestmark = pytest.mark.slow
NS = {"x": "urn:oasis:names:tc:xliff:document:1.2"}
OMEGAT = shutil.which("omegat")

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>ar</source_lang>
    <target_lang>en</target_lang>
    <source_tok>org.omegat.tokenizer.LuceneArabicTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""


@pytest.mark.skipif(OMEGAT is None, reason="omegat is not installed (scripts/setup.sh test installs it)")
def test_omegat_fills_the_units_and_import_fills_the_pending_sides(cli, tmp_path: Path) -> None:
    desk = tmp_path / "desk"
    result = cli("extract", str(SAMPLES / "release-ar.txt"), "-o", str(desk), "--date", "2021-05-05")
    assert result.returncode == 0, result.stderr.decode()
    result = cli("translate", "export", "release-ar.yaml", "-o", "out.xlf", "--copy-source",
                 "--tm", str(SAMPLES), "--tmx", "tm.tmx", cwd=desk)
    assert result.returncode == 0, result.stderr.decode()
    units = etree.parse(str(desk / "out.xlf")).getroot().findall(".//x:trans-unit", NS)
    sources = {u.get("id"): u.find("x:source", NS).text for u in units}
    assert len(sources) >= 5

    # The translator's memory: the project TM we exported (it holds the release title), plus their own
    # translations of the positions of this release but one, which stays untranslated.
    project = tmp_path / "project"
    for sub in ("source", "target", "tm/auto", "glossary", "dictionary", "omegat"):
        (project / sub).mkdir(parents=True)
    (project / "omegat.project").write_text(PROJECT, encoding="utf-8")
    shutil.copy(desk / "out.xlf", project / "source" / "out.xlf")
    shutil.copy(desk / "tm.tmx", project / "tm" / "auto" / "project.tmx")
    shutil.copy(desk / "out.tbx", project / "glossary" / "out.tbx")
    positions = sorted(uid for uid in sources if uid.startswith("positions"))
    left_out = positions[-1]
    mine = [(sources[uid], f"Translation of {uid}", "translator") for uid in positions if uid != left_out]
    (project / "tm" / "auto" / "translator.tmx").write_bytes(build_tmx(mine, srclang="ar"))

    run = subprocess.run([OMEGAT, str(project), "--mode=console-translate"], capture_output=True, timeout=600,
                         env={"HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stdout.decode()[-2000:]
    translated = project / "target" / "out.xlf"
    targets = {u.get("id"): u.find("x:target", NS).text
               for u in etree.parse(str(translated)).getroot().findall(".//x:trans-unit", NS)}
    assert targets[positions[0]] == f"Translation of {positions[0]}"
    assert targets["source.title.en"] == "Meeting with the President of the Russian Federation Vladimir Putin"

    shutil.copy(translated, desk / "back.xlf")
    result = cli("translate", "import", "back.xlf", cwd=desk)
    assert result.returncode == 0, result.stderr.decode()
    filled = len(positions) - 1 + 1  # the positions translated, and the title from the project TM
    untranslated = len(sources) - filled
    assert f"wrote {filled} translation(s)" in result.stderr.decode()
    assert f"{untranslated} unit(s) still untranslated" in result.stderr.decode()
    summary = read_summary(desk / "release-ar.yaml")
    assert summary.positions[0].text.en == "Translation of positions[0].text.en"
    assert summary.positions[0].origin["text.en"].by.value == "person"
    from briefing.translate import pending_sides

    assert summary.source.title.en == "Meeting with the President of the Russian Federation Vladimir Putin"
    still = [s.key for s in pending_sides(summary)]
    assert left_out in still and len(still) == untranslated
    assert not any(k.startswith("positions") and k != left_out for k in still)
