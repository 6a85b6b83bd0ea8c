"""Fixtures for the preview: a summary in a temporary folder, a running server, a real Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.preview import Preview, Site
from support import SEED

CHROMIUM = Path(os.environ.get("BRIEFING_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


class Running:
    """A preview server started for one test: its URL, its site, and the files it shows."""

    def __init__(self, preview: Preview, summary: Path) -> None:
        self.preview = preview
        self.url = preview.url
        self.summary = summary

    def edit(self, old: str, new: str) -> None:
        """Change the summary in place, as an editor saving it would."""
        text = self.summary.read_text(encoding="utf-8")
        assert old in text
        self.summary.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def summary_file(tmp_path: Path) -> Path:
    """A copy of the sample summary, free to edit."""
    target = tmp_path / "notes" / "summary.yaml"
    target.parent.mkdir()
    shutil.copy(SEED, target)
    return target


def _start(target: Path, **site_options) -> Preview:
    """Start a preview of `target` on a free loopback port, serving and watching from threads."""
    site = Site(target, cwd=target.parent if target.is_file() else target, **site_options)
    site.start()
    preview = Preview(site, host="127.0.0.1", port=0)
    preview.watch()
    preview.serve_in_thread()
    return preview


@pytest.fixture
def start_preview() -> Iterator:
    """Start previews of any file or folder; every one is stopped after the test."""
    started: list[Preview] = []

    def start(target: Path, **site_options) -> Preview:
        started.append(_start(target, **site_options))
        return started[-1]

    try:
        yield start
    finally:
        for preview in started:
            preview.stop()


@pytest.fixture
def served(summary_file: Path, start_preview) -> Running:
    """A preview of one summary, stopped after the test."""
    return Running(start_preview(summary_file), summary_file)


@pytest.fixture(scope="session")
def browser():
    """Debian's headless Chromium driven by Playwright; in CI a missing browser fails the tests."""
    if not CHROMIUM.is_file():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install chromium)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    if os.environ.get("CI", "").lower() == "true":
        from playwright.sync_api import sync_playwright
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
        sync_playwright = sync_api.sync_playwright
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records console errors (CSP violations among them) and requests leaving the machine."""
    context = browser.new_context(accept_downloads=True, locale="en-GB")
    page = context.new_page()
    page.console_errors = []
    page.outside_requests = []
    page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("request", lambda req: None if req.url.startswith(("http://127.0.0.1:", "data:")) else page.outside_requests.append(req.url))
    try:
        yield page
    finally:
        leave_pages(context)
        context.close()


def leave_pages(context) -> None:
    """Take every page of `context` to about:blank, so that none is mid-reload when the context closes.

    A preview page reloads itself when its summary changes. Chromium 156 stalled closing a context
    whose page had begun such a reload (a minute or more, then for good: a whole CI run timed out in
    the teardown of the editor's browser test). A reload that starts just as we leave interrupts the
    way to about:blank, so it is taken again until the page is there; on about:blank no script is left
    to start another.
    """
    for open_page in context.pages:
        for _attempt in range(5):
            try:
                open_page.goto("about:blank", timeout=10_000)
            except Exception:  # noqa: BLE001 (interrupted by the page's own reload: go again)
                continue
            if open_page.url == "about:blank":
                break
