"""The editor in a real headless Chromium: correct an extracted summary beside its release, mark it reviewed."""

from __future__ import annotations

import difflib
import json
import re
import shutil
from pathlib import Path

import pytest

from pdftools import pdf_text, require
from support import ROOT, SAMPLES, run_cli

pytestmark = pytest.mark.slow
RENDER_MS = 5000
ARTIFACTS = ROOT / "tests" / "artifacts"  # git-ignored


def expect():
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect


@pytest.fixture
def extracted(tmp_path: Path) -> Path:
    """The seed release extracted by `briefing extract`, with two mistakes put in: Putin's side and country."""
    shutil.copy(SAMPLES / "release-ar.txt", tmp_path / "release-ar.txt")
    result = run_cli("extract", str(tmp_path / "release-ar.txt"), "--date", "2026-04-30", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    summary = tmp_path / "release-ar.yaml"
    text = summary.read_text(encoding="utf-8")
    block = text.index("  - id: vladimir_putin")
    text = text[:block] + text[block:].replace("country: RU", "country: BY", 1).replace("side: host", "side: guest", 1)
    summary.write_text(text, encoding="utf-8")
    return summary


def changes(before: str, after: str) -> list[str]:
    return [line[0] + line[2:] for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def expected_after(before: str) -> str:
    """The extracted file with exactly the editor's changes made by hand (the reviewed line aside)."""
    block = before.index("  - id: vladimir_putin")
    text = before[:block] + before[block:].replace("country: BY", "country: RU", 1).replace("side: guest", "side: host", 1)
    # the side the extractor inferred, now set by a person, says so
    inferred = ("      side:\n        by: inferred\n"
                "        detail: from the lead's verb, the place or who asked for the contact\n")
    text = text[:block] + text[block:].replace(inferred, "      side: {by: person}\n", 1)
    lines = text.splitlines(keepends=True)
    first = next(i for i, line in enumerate(lines) if line.startswith("positions:"))
    # positions[0]: the English side goes after the Arabic one
    ar = next(i for i in range(first, len(lines)) if lines[i].startswith("      ar: "))
    lines.insert(ar + 1, "      en: The two sides discussed cooperation and strategic partnership\n")
    # positions[1] goes, with the comment naming its source sentence
    starts = [i for i in range(first, len(lines)) if lines[i].startswith("  # [")]
    del lines[starts[1]:starts[2]]
    return "".join(lines)


def pdf_of(page, url: str, tmp_path: Path, name: str) -> str:
    response = page.request.get(url + "download/release-ar.yaml?format=pdf")
    assert response.status == 200
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(response.body())
    return pdf_text(path)


def test_correct_drop_translate_and_mark_reviewed(extracted, tmp_path, start_preview, page):
    require("pdftotext")
    before = extracted.read_text(encoding="utf-8")
    preview = start_preview(extracted)
    assert "DRAFT" in pdf_of(page, preview.url, tmp_path, "before")
    page.set_viewport_size({"width": 1500, "height": 1000})
    page.goto(preview.url)
    page.locator("briefing-preview a.edit").click()
    expect()(page.locator("header .status")).to_have_text("draft: not reviewed")
    # the release is beside the fields; a position's field shows its sentence
    page.locator('textarea[data-path="positions[0].text.en"]').focus()
    expect()(page.locator(".release li.highlight")).to_have_attribute("data-sentence", "3")
    assert page.locator('label.pending textarea[data-path="positions[0].text.en"]').count() == 1

    page.locator('select[data-path="participants[1].side"]').select_option("host")
    page.locator('input[data-path="participants[1].country"]').fill("RU")
    page.locator('input.drop[data-path="positions[1]"]').check()
    page.locator('textarea[data-path="positions[0].text.en"]').fill("The two sides discussed cooperation and strategic partnership")
    note = page.frame_locator("iframe.note")
    expect()(note.locator("body")).to_contain_text("The two sides discussed cooperation and strategic partnership", timeout=RENDER_MS)
    expect()(page.locator("header .status")).to_have_text("unsaved changes")
    assert extracted.read_text(encoding="utf-8") == before  # nothing written until saved

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "editor.png"))
    page.locator('input[name="reviewer"]').fill("N. Staff")
    page.locator("button.mark-reviewed").click()
    expect()(page.locator("header .status")).to_contain_text("saved and marked reviewed", timeout=RENDER_MS)
    expect()(page.locator("header .status")).to_contain_text("reviewed by N. Staff on")

    after = extracted.read_text(encoding="utf-8")
    reviewed_line = after.splitlines()[-1]
    assert reviewed_line.startswith("reviewed: {by: N. Staff, on: 20")
    assert after == expected_after(before) + reviewed_line + "\n", "\n".join(changes(expected_after(before), after))

    text = pdf_of(page, preview.url, tmp_path, "after")
    assert "DRAFT" not in text and "مسودة" not in text
    assert "discussed cooperation and strategic" in " ".join(re.sub("[\u200e\u200f\u202a-\u202e]", "", text).split())
    assert page.console_errors == [] and page.outside_requests == []


def test_writes_without_the_token_or_from_another_origin_are_refused(extracted, start_preview, page):
    before = extracted.read_bytes()
    preview = start_preview(extracted)
    page.goto(preview.url + "edit/release-ar.yaml")
    token = page.locator('meta[name="briefing-token"]').get_attribute("content")
    digest = page.evaluate("() => document.documentElement.outerHTML.match(/let digest = \"(\\w+)\"/)[1]")
    body = json.dumps({"digest": digest, "edits": [{"op": "set", "path": "participants[1].side", "value": "host"}]})
    api = preview.url + "api/edit/release-ar.yaml/save"
    origin = preview.url.rstrip("/")
    headers = {"Content-Type": "application/json", "Origin": origin, "X-Briefing-Token": token}
    no_token = page.request.post(api, data=body, headers={**headers, "X-Briefing-Token": ""})
    assert no_token.status == 403 and "token" in no_token.json()["error"]
    wrong_token = page.request.post(api, data=body, headers={**headers, "X-Briefing-Token": token[:-2] + "xx"})
    assert wrong_token.status == 403
    elsewhere = page.request.post(api, data=body, headers={**headers, "Origin": "http://evil.example"})
    assert elsewhere.status == 403 and "own pages" in elsewhere.json()["error"]
    # a page of another origin (localhost is not 127.0.0.1) posting with the browser's own rules
    page.goto(preview.url.replace("127.0.0.1", "localhost"))
    # each fetch gives up after 10 s (page.evaluate itself has no timeout: a stalled request hung a loaded run)
    page.evaluate("""([api, body, token]) => fetch(api, {method: 'POST', mode: 'no-cors', body, signal: AbortSignal.timeout(10000)})
        .catch(() => null)
        .then(() => fetch(api, {method: 'POST', headers: {'Content-Type': 'application/json', 'X-Briefing-Token': token}, body,
                                signal: AbortSignal.timeout(10000)}))
        .catch(() => null)""", [api, body, token])
    assert extracted.read_bytes() == before
    # the same request from the editor's own origin, with the token, is taken
    assert page.request.post(api, data=body, headers=headers).status == 200
    assert extracted.read_bytes() != before
