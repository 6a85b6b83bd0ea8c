"""The preview server over HTTP: its own routes only, checked queries, downloads, escaping, events."""

from __future__ import annotations

import http.client
import io
import shutil
import socket
import threading
import zipfile
from urllib.parse import urlsplit

import pytest

from briefing.base.errors import BriefingError
from briefing.preview import Preview, Site
from support import SEED


def get(url: str, path: str, headers: dict[str, str] | None = None, method: str = "GET") -> tuple[int, dict[str, str], bytes]:
    """Send the path exactly as written (no client-side clean-up) and return status, headers, body."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.putrequest(method, path, skip_host=bool(headers and "Host" in headers))
        for key, value in (headers or {}).items():
            conn.putheader(key, value)
        conn.endheaders()
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        conn.close()


def test_the_note_page_carries_toolbar_script_and_a_strict_policy(served):
    status, headers, body = get(served.url, "/")
    page = body.decode("utf-8")
    assert status == 200 and headers["content-type"] == "text/html; charset=utf-8"
    assert page.count("<briefing-preview") == 1 and "Emomali Rahmon" in page
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in page
    assert headers["x-content-type-options"] == "nosniff" and headers["cache-control"] == "no-store"


@pytest.mark.parametrize("path", ["/", "/download/summary.yaml?format=html", "/nowhere", "/events"])
def test_head_answers_as_get_without_a_body(served, path):
    head_status, head_headers, head_body = get(served.url, path, method="HEAD")
    assert head_body == b""
    if path == "/events":  # a stream: the headers only
        assert head_status == 200 and head_headers["content-type"].startswith("text/event-stream")
        return
    status, headers, body = get(served.url, path)
    assert head_status == status and head_headers["content-type"] == headers["content-type"]
    assert int(head_headers["content-length"]) == len(body) > 0


@pytest.mark.parametrize("path", [
    "/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/notes/..%2f..%2fetc%2fpasswd", "/notes/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/notes/../../etc/passwd", "/download/..%2f..%2fetc%2fpasswd?format=pdf", "/notes/summary.yaml%00", "/notes/%ff",
    "/etc/passwd", "/templates/note.html.j2", "/fonts/NotoNaskhArabic-Regular.ttf", "/notes/", "//etc/passwd", "/notes/summary.yaml/",
    "/..%5c..%5cetc%5cpasswd",
])
def test_paths_outside_the_routes_are_404(served, path):
    status, _, body = get(served.url, path)
    assert status == 404, path
    assert b"root:" not in body


@pytest.mark.parametrize("query", ["?evil=1", "?layout=grid", "?lang=fr", "?layout=stacked&layout=parallel", "?lang=%3Cscript%3E"])
def test_unknown_query_values_are_400(served, query):
    status, _, body = get(served.url, "/notes/summary.yaml" + query)
    assert status == 400
    assert b"<script>" not in body


def test_a_foreign_host_header_is_refused(served):
    """A page on another site that rebinds its name to 127.0.0.1 must not read the note."""
    assert get(served.url, "/", {"Host": "attacker.example:8000"})[0] == 400
    assert get(served.url, "/", {"Host": f"localhost:{urlsplit(served.url).port}"})[0] == 200


def test_downloads_are_rendered_from_the_same_summary(served):
    status, headers, pdf = get(served.url, "/download/summary.yaml?format=pdf&layout=stacked&lang=en")
    assert status == 200 and pdf.startswith(b"%PDF-")
    assert headers["content-type"] == "application/pdf"
    assert headers["content-disposition"].startswith('attachment; filename="undated-tj-ru-moscow.pdf"')
    status, headers, docx = get(served.url, "/download/summary.yaml?format=docx")
    assert status == 200 and docx.startswith(b"PK")
    assert headers["content-type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert "Emomali Rahmon" in zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml").decode("utf-8")
    assert get(served.url, "/download/summary.yaml?format=html")[0] == 400


def test_a_broken_summary_is_shown_on_the_page_and_the_server_stays_up(served):
    served.edit("side: guest", "side: visitor")
    served.preview.site.refresh({served.summary})
    status, _, body = get(served.url, "/")
    page = body.decode("utf-8")
    assert status == 200 and 'class="message"' in page and "participants[0].side" in page
    assert get(served.url, "/download/summary.yaml?format=pdf")[0] == 409
    served.edit("side: visitor", "side: guest")
    served.preview.site.refresh({served.summary})
    assert "Emomali Rahmon" in get(served.url, "/")[2].decode("utf-8")


def test_everything_from_the_summary_is_escaped(tmp_path, start_preview):
    folder = tmp_path / "in"
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8").replace("en: Emomali Rahmon", 'en: "<script>alert(1)</script> Rahmon"')
    (folder / "a<img src=x onerror=alert(1)>.yaml").write_text(text, encoding="utf-8")
    (folder / "bad.yaml").write_text("format: 1\nlanguage: <b>xx</b>\n", encoding="utf-8")
    preview = start_preview(folder)
    try:
        index = get(preview.url, "/")[2].decode("utf-8")
        assert "<img src=x" not in index and "&lt;img src=x onerror=alert(1)&gt;.yaml" in index
        assert "<b>xx</b>" not in index
        note = get(preview.url, "/notes/a%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E.yaml")
        assert note[0] == 200
        page = note[2].decode("utf-8")
        assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Rahmon" in page
        error = get(preview.url, "/notes/bad.yaml")[2].decode("utf-8")
        assert "<b>xx</b>" not in error and "&lt;b&gt;xx&lt;/b&gt;" in error
    finally:
        preview.stop()


def test_the_event_stream_announces_each_new_version(served):
    parts = urlsplit(served.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", "/events")
    response = conn.getresponse()
    assert response.getheader("Content-Type") == "text/event-stream; charset=utf-8"

    def next_version() -> str:
        for line in iter(response.fp.readline, b""):
            if line.startswith(b"data: "):
                return line[6:].strip().decode("ascii")
        raise AssertionError("stream ended")

    first = next_version()
    served.edit("Emomali Rahmon", "Emomali Rahmon Sr")
    second = next_version()  # the watcher re-renders and announces it: no waiting in the test
    assert second != first
    conn.close()


def test_a_port_in_use_is_one_line(summary_file):
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    try:
        site = Site(summary_file, cwd=summary_file.parent)
        with pytest.raises(BriefingError) as caught:
            Preview(site, host="127.0.0.1", port=blocker.getsockname()[1])
        assert "the port is in use" in str(caught.value) and "\n" not in str(caught.value)
    finally:
        blocker.close()


def test_stopping_ends_open_event_streams(summary_file, start_preview):
    preview = start_preview(summary_file)
    parts = urlsplit(preview.url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    conn.request("GET", "/events")
    response = conn.getresponse()
    ended = threading.Event()
    threading.Thread(target=lambda: (response.read(), ended.set()), daemon=True).start()
    preview.stop()
    assert ended.wait(5)
    conn.close()


def test_a_folder_index_links_each_entry(tmp_path, start_preview):
    shutil.copy(SEED, tmp_path / "one.yaml")
    shutil.copy(SEED, tmp_path / "ملخص 2.yaml")
    preview = start_preview(tmp_path)
    try:
        index = get(preview.url, "/")[2].decode("utf-8")
        quoted = "/notes/%D9%85%D9%84%D8%AE%D8%B5%202.yaml"
        assert 'href="/notes/one.yaml"' in index and f'href="{quoted}"' in index
        assert get(preview.url, quoted)[0] == 200
        assert get(preview.url, "/notes/three.yaml")[0] == 404
    finally:
        preview.stop()


def test_a_folder_is_also_previewed_as_one_pack(tmp_path, start_preview):
    from support import SAMPLES

    for name in ("summary.yaml", "phone-call-en.yaml"):
        shutil.copy(SAMPLES / name, tmp_path / name)
    (tmp_path / "broken.yaml").write_text("format: 1\n", encoding="utf-8")
    preview = start_preview(tmp_path)
    assert 'href="/pack"' in get(preview.url, "/")[2].decode("utf-8")
    status, _, body = get(preview.url, "/pack?layout=stacked")
    page = body.decode("utf-8")
    assert status == 200 and "Emomali Rahmon" in page and "<briefing-preview" in page
    assert "left out of the pack: Invalid summary:" in page and "broken.yaml" in page
    status, headers, pdf = get(preview.url, "/pack/download?format=pdf")
    assert status == 200 and pdf.startswith(b"%PDF-") and 'filename="pack.pdf"' in headers["content-disposition"]
    status, headers, docx = get(preview.url, "/pack/download?format=docx")
    assert status == 200 and zipfile.is_zipfile(io.BytesIO(docx))
    assert get(preview.url, "/pack?evil=1")[0] == 400


def test_a_single_summary_has_no_pack(served):
    assert get(served.url, "/pack")[0] == 404


def test_without_docx_the_button_says_so(served, monkeypatch):
    import briefing.preview.pages as pages

    monkeypatch.setattr(pages, "docx_available", lambda: False)
    page = get(served.url, "/")[2].decode("utf-8")
    assert '<button class="download" data-format="docx" type="button" disabled' in page
    assert "DOCX is not available in this installation" in page


def test_a_release_is_extracted_and_its_review_warnings_are_on_the_toolbar(tmp_path, start_preview):
    from support import SAMPLES

    release = tmp_path / "release-ar.txt"
    shutil.copy(SAMPLES / "release-ar.txt", release)
    preview = start_preview(release)
    status, _, body = get(preview.url, "/")
    page = body.decode("utf-8")
    assert status == 200 and 'dir="rtl"' in page
    toolbar = page.split("<briefing-preview", 1)[1].split("</briefing-preview>", 1)[0]
    assert '<ul class="warnings">' in toolbar and "extracted from a release; check before it goes out" in toolbar


def test_ctrl_c_landing_after_a_connection_thread_started_frees_its_slot_once(monkeypatch, tmp_path):
    # Ctrl-C can arrive in the serving thread just after a connection's thread started: both the serving
    # thread and the connection's thread then end the connection, and its slot must be given back once
    # ("Semaphore released too many times" was printed on a loaded machine).
    import socketserver

    from briefing.preview import server as server_module

    started = threading.Event()
    original = socketserver.ThreadingMixIn.process_request

    def start_then_interrupt(self, request, client_address):
        original(self, request, client_address)
        started.wait(5)
        raise KeyboardInterrupt

    monkeypatch.setattr(socketserver.ThreadingMixIn, "process_request", start_then_interrupt)
    errors: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: errors.append(args.exc_value))
    server = server_module.PreviewServer("127.0.0.1", 0, Site(SEED, cwd=SEED.parent))
    monkeypatch.setattr(server, "finish_request", lambda request, address: started.set())
    left, right = socket.socketpair()
    try:
        with pytest.raises(KeyboardInterrupt):
            server.process_request(left, ("127.0.0.1", 1))
        for thread in threading.enumerate():
            if thread.name.startswith("Thread") and thread is not threading.current_thread():
                thread.join(timeout=5)
        assert not errors, errors
        acquired = [server._slots.acquire(blocking=False) for _ in range(server_module.MAX_CONNECTIONS + 1)]
        assert acquired.count(True) == server_module.MAX_CONNECTIONS  # every place is free again, no more
    finally:
        right.close()
        server.server_close()
