"""The editor's requests over HTTP: refused unless same-origin with the token; only the summary shown; no lost edits."""

from __future__ import annotations

import http.client
import json
import re
import shutil
from urllib.parse import urlsplit

import pytest

from briefing.preview.editor import editor_groups, suggest_translations
from briefing.read.summaries import read_summary
from briefing.summary.model import parse_summary
from briefing.translate import build_memory
from support import SAMPLES


def request(url: str, method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None):
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.fixture
def editor(served):
    """The served seed's editor page: its token, digest and a way to post edits as the page does."""
    status, page = request(served.url, "GET", "/edit/summary.yaml")
    assert status == 200
    page = page.decode("utf-8")
    token = re.search(r'name="briefing-token" content="([^"]+)"', page).group(1)
    digest = re.search(r'let digest = "(\w+)"', page).group(1)
    origin = served.url.rstrip("/")

    def post(action: str, data: dict, **headers: str):
        sent = {"Content-Type": "application/json", "Origin": origin, "X-Briefing-Token": token, **headers}
        status, body = request(served.url, "POST", f"/api/edit/summary.yaml/{action}", json.dumps({"digest": digest, **data}).encode(), sent)
        return status, json.loads(body)

    served.post, served.digest, served.token = post, digest, token
    return served


SET_SIDE = {"edits": [{"op": "set", "path": "participants[1].side", "value": "other"}]}


def test_rendering_edits_writes_nothing(editor):
    before = editor.summary.read_bytes()
    status, answer = editor.post("render", {"edits": [{"op": "set", "path": "participants[1].name.en", "value": "V. V. Putin"}]})
    assert status == 200 and "V. V. Putin" in answer["html"]
    assert editor.summary.read_bytes() == before


@pytest.mark.parametrize(("headers", "status"), [
    ({"Origin": "http://evil.example"}, 403),
    ({"Origin": ""}, 403),
    ({"Sec-Fetch-Site": "cross-site"}, 403),
    ({"X-Briefing-Token": ""}, 403),
    ({"Content-Type": "text/plain"}, 415),
])
def test_a_write_without_every_safeguard_is_refused(editor, headers, status):
    before = editor.summary.read_bytes()
    code, answer = editor.post("save", SET_SIDE, **headers)
    assert code == status and answer["error"].startswith("refused")
    assert editor.summary.read_bytes() == before


def test_a_preview_open_to_other_machines_takes_no_writes(editor):
    before = editor.summary.read_bytes()
    editor.preview.server.loopback = False  # as with --host 0.0.0.0, without binding to the network in a test
    code, answer = editor.post("save", SET_SIDE)
    assert code == 403 and "loopback" in answer["error"]
    assert editor.summary.read_bytes() == before


def test_a_change_on_disk_after_opening_is_kept_and_reported(editor):
    editor.edit("Vladimir Putin", "V. Putin")
    code, answer = editor.post("save", SET_SIDE)
    assert code == 409 and "changed on disk" in answer["error"]
    text = editor.summary.read_text(encoding="utf-8")
    assert "V. Putin" in text and "side: other" not in text


@pytest.mark.parametrize(("edit", "message"), [
    ({"op": "set", "path": "participants[1].country", "value": "KSA"}, "did you mean 'SA'?"),
    ({"op": "remove", "path": "participants[1]"}, "only agenda items"),
    ({"op": "set", "path": "event.type", "value": "party"}, "'party' is not allowed"),
    ({"op": "set", "path": "no such thing", "value": "x"}, "not a field path"),
])
def test_an_edit_that_does_not_validate_writes_nothing(editor, edit, message):
    before = editor.summary.read_bytes()
    code, answer = editor.post("save", {"edits": [edit]})
    assert code == 422 and message in answer["error"]
    assert editor.summary.read_bytes() == before


def test_only_the_summaries_shown_can_be_edited(tmp_path, start_preview):
    shutil.copy(SAMPLES / "summary.yaml", tmp_path / "summary.yaml")
    shutil.copy(SAMPLES / "release-ar.txt", tmp_path / "release-ar.txt")
    preview = start_preview(tmp_path)
    assert request(preview.url, "GET", "/edit/summary.yaml")[0] == 200
    for name in ("release-ar.txt", "..%2fsummary.yaml", "%2e%2e%2f%2e%2e%2fetc%2fpasswd", "other.yaml"):
        assert request(preview.url, "GET", f"/edit/{name}")[0] == 404, name
        headers = {"Content-Type": "application/json", "Origin": preview.url.rstrip("/"), "X-Briefing-Token": preview.site.token}
        assert request(preview.url, "POST", f"/api/edit/{name}/save", b'{"edits": []}', headers)[0] == 404, name


def test_every_value_is_a_field_and_pending_sides_are_marked():
    groups = editor_groups(read_summary(SAMPLES / "phone-call-en.yaml"))
    paths = {f.path: f for g in groups for f in g.fields}
    assert paths["participants[0].side"].choices == ("host", "guest", "other")
    assert paths["positions[4].text.ar"].pending and not paths["positions[4].text.en"].pending
    assert {g.path for g in groups if g.droppable} >= {"positions[0]", "follow_ups[0]"}
    assert paths["follow_ups[0].due.text.en"].value == "December 2026" and paths["source.title.en"].value


def test_a_draft_says_so_above_the_note_with_a_link_to_the_editor(tmp_path, start_preview):
    draft = tmp_path / "draft.yaml"
    draft.write_text(SAMPLES.joinpath("summary.yaml").read_text(encoding="utf-8").replace("reviewed: {by: briefing maintainers, on: 2026-12-01}\n", ""), encoding="utf-8")
    preview = start_preview(draft)
    page = request(preview.url, "GET", "/")[1].decode("utf-8")
    assert "draft: no person has marked this summary reviewed; 0 items to check" in page
    assert 'class="edit" href="/edit/draft.yaml"' in page
    assert b'<div class="draft-mark"' in request(preview.url, "GET", "/notes/draft.yaml")[1]


_TAKEN = "رحب بنمو الاستثمارات البريطانية في المنطقة الاقتصادية الخاصة بالدقم"


def _accepted_with(source: str) -> dict:
    """An accepted summary whose one position translates a sentence like `source`."""
    return {"format": 1, "language": "en", "event": {"type": "meeting"}, "reviewed": {"by": "a translator", "on": "2026-11-30"},
            "participants": [{"id": "a", "name": {"en": "A", "ar": "أ"}}],
            "positions": [{"speaker": "a", "stance": "welcome", "text": {"en": source.replace("British", "UK"), "ar": _TAKEN}}]}


def test_a_pending_side_offers_the_translation_memorys_suggestion_to_take_or_leave():
    summary = read_summary(SAMPLES / "phone-call-en.yaml")
    accepted = parse_summary(_accepted_with(summary.positions[4].text.en))
    suggestions = suggest_translations(summary, memory=build_memory([("accepted.yaml", accepted)]))
    fields = {f.path: f for g in editor_groups(summary, suggestions) for f in g.fields}
    offered = fields["positions[4].text.ar"]
    assert offered.pending and offered.value == ""  # offered, not written: the person takes it or not
    assert offered.suggestion == _TAKEN
    assert (offered.suggested_by or "").startswith("translation memory, ")
    assert fields["positions[6].text.ar"].suggestion is None  # nothing like it in the memory
    assert editor_groups(summary)[0].fields[0].suggestion is None  # no memory, no suggestion


def test_the_preview_given_a_memory_shows_its_suggestion_in_the_editor(tmp_path, start_preview):
    shutil.copy(SAMPLES / "phone-call-en.yaml", tmp_path / "call.yaml")
    (tmp_path / "tm").mkdir()
    source = read_summary(SAMPLES / "phone-call-en.yaml").positions[4].text.en
    (tmp_path / "tm" / "accepted.json").write_text(json.dumps(_accepted_with(source), ensure_ascii=False), encoding="utf-8")
    preview = start_preview(tmp_path / "call.yaml", tm=(tmp_path / "tm",))
    status, page = request(preview.url, "GET", "/edit/call.yaml")
    assert status == 200 and _TAKEN in page.decode("utf-8") and 'class="suggestion"' in page.decode("utf-8")
