"""The preview's downloads: laid out in a worker process that is replaced, ends with the preview, keeps memory level."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from briefing.base.errors import ConfigError, RenderError
from briefing.preview import Preview, Site
from briefing.preview import downloads as preview_downloads
from briefing.preview.downloads import DownloadWorker, render_note_download
from support import ROOT, SEED


def _gone(pid: int) -> bool:
    """Tell whether a process has ended (a zombie nobody reaps counts as ended)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] == "Z"
    except OSError:
        return True


def _wait_gone(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not _gone(pid):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


def _rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _tree_rss_mb(pid: int) -> float:
    """Return the resident memory of a process and its children (the download worker among them)."""
    total = _rss_mb(pid)
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().split(")")[-1].split()[1]) == pid:
                total += _rss_mb(int(stat.parent.name))
        except (OSError, ValueError, IndexError):
            continue
    return total


def test_the_worker_is_replaced_after_its_renders_and_ends_with_close() -> None:
    worker = DownloadWorker(recycle_after=2)
    try:
        assert worker.render(str.encode, "one") == b"one"
        first = worker.pid()
        assert first is not None and first != os.getpid()
        assert worker.render(str.encode, "two") == b"two"
        second = worker.pid()  # started, and warming up, as soon as the first was ended
        assert second is not None and second != first
        assert _wait_gone(first, 10)
    finally:
        worker.close()
    assert second is not None and _wait_gone(second, 10)
    with pytest.raises(RenderError, match="stopping"):
        worker.render(str.encode, "three")


def test_our_errors_come_back_from_the_worker_whole(tmp_path: Path) -> None:
    site = Site(SEED, cwd=tmp_path)
    site.start()
    entry = site.entry(SEED.name)
    assert entry is not None and entry.loaded is not None and site.settings.options is not None
    options = dataclasses.replace(site.settings.options, pdf_variant="pdf/x-9")
    worker = DownloadWorker()
    try:
        with pytest.raises(ConfigError) as caught:
            worker.render(render_note_download, (entry.loaded.summary, options, "pdf"))
    finally:
        worker.close()
        site.close()
    assert caught.value.field == "--pdf-variant" and caught.value.hint and "pdf/a-3u" in caught.value.hint


KILLED_PREVIEW = """
import os, signal
from briefing.preview.downloads import DownloadWorker
worker = DownloadWorker()
worker.render(str.encode, "x")
print(worker.pid(), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_the_worker_ends_when_the_preview_is_killed() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", KILLED_PREVIEW], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == -signal.SIGKILL, result.stderr
    worker = int(result.stdout.split()[0])
    assert _wait_gone(worker, 10), f"worker {worker} outlived its killed preview"


@pytest.mark.slow
def test_memory_levels_off_over_many_pdf_downloads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before the worker, each PDF laid out in the preview's own process kept ~0.45 MB (WeasyPrint's C memory):
    # +23 MB over these 50 downloads. Now the worker (replaced every 10 here) is measured at the same point
    # of its life each time, and the preview's own process lays out no PDF.
    monkeypatch.setattr(preview_downloads, "RECYCLE_AFTER", 10)
    target = tmp_path / "summary.yaml"
    shutil.copy(SEED, target)
    site = Site(target, cwd=tmp_path)
    site.start()
    preview = Preview(site, host="127.0.0.1", port=0)
    preview.serve_in_thread()
    url = preview.url + "download/summary.yaml?format=pdf"
    marks = {}
    try:
        for count in range(1, 66):
            with urllib.request.urlopen(url, timeout=300) as response:
                assert response.read(5) == b"%PDF-"
            if count in (15, 65):  # five renders into a worker's life, both times
                marks[count] = _tree_rss_mb(os.getpid())
    finally:
        preview.stop()
    assert marks[65] - marks[15] < 10, marks
