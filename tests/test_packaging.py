"""The built wheel carries the templates, fonts and data, and works from any folder."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

import pytest

from support import ROOT, SEED


@pytest.mark.slow
def test_wheel_installed_elsewhere_finds_templates_and_fonts(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next(wheels.glob("briefing-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    for needed in ("briefing/_data/templates/note.html.j2", "briefing/_data/fonts/NotoNaskhArabic-Regular.ttf", "briefing/_data/fonts/OFL.txt", "briefing/terms/data/persons.tsv"):
        assert needed in names
    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), str(wheel)], check=True, capture_output=True, timeout=300)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}
    where = subprocess.run([sys.executable, "-c", "import briefing; print(briefing.__file__)"], cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout
    assert where.startswith(str(site))
    result = subprocess.run([sys.executable, "-m", "briefing", "note", str(SEED), "-o", "out", "--format", "html,pdf"], cwd=elsewhere, env=env, capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (elsewhere / "out" / "undated-tj-ru-moscow.pdf").read_bytes().startswith(b"%PDF")
