"""The preview under hostile clients: Host checks on every address, idle and slow connections closed."""

from __future__ import annotations

import http.client
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

from briefing.preview import Preview, Site
from briefing.preview.handler import PreviewHandler
from briefing.preview.hosts import MAX_CONNECTIONS, allowed_hosts, host_allowed
from support import SEED


@pytest.mark.parametrize(
    ("header", "bound", "extra", "ok"),
    [
        ("127.0.0.1:8000", "127.0.0.1", (), True),
        ("localhost:8000", "0.0.0.0", (), True),
        ("[::1]:8000", "::", (), True),
        ("evil.example:8000", "0.0.0.0", (), False),
        ("evil.example", "127.0.0.1", (), False),
        ("briefing.lan:8000", "0.0.0.0", ("briefing.lan",), True),
        ("192.168.1.5:8000", "192.168.1.5", (), True),
        ("", "0.0.0.0", (), False),
        ("0.0.0.0:8000", "0.0.0.0", (), False),
    ],
)
def test_the_host_header_is_checked_on_every_address(header: str, bound: str, extra: tuple[str, ...], ok: bool) -> None:
    assert host_allowed(header, allowed_hosts(bound, extra)) is ok


def _start(tmp_path: Path, host: str, **options: object) -> Preview:
    target = tmp_path / "summary.yaml"
    shutil.copy(SEED, target)
    site = Site(target, cwd=tmp_path)
    site.start()
    preview = Preview(site, host=host, port=0, **options)  # type: ignore[arg-type]
    preview.serve_in_thread()
    return preview


def _status(port: int, host_header: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/", headers={"Host": host_header})
    status = conn.getresponse().status
    conn.close()
    return status


def test_listening_on_all_addresses_keeps_the_host_check(tmp_path: Path) -> None:
    preview = _start(tmp_path, "0.0.0.0", allow_hosts=("briefing.lan",))
    try:
        port = preview.server.server_address[1]
        assert _status(port, f"rebind.evil.example:{port}") == 400
        assert _status(port, f"briefing.lan:{port}") == 200
        assert _status(port, f"127.0.0.1:{port}") == 200
    finally:
        preview.stop()


def test_idle_connections_are_bounded_and_closed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(PreviewHandler, "timeout", 1.0)
    preview = _start(tmp_path, "127.0.0.1")
    try:
        port = preview.server.server_address[1]
        before = threading.active_count()
        idle = [socket.create_connection(("127.0.0.1", port)) for _ in range(MAX_CONNECTIONS + 40)]
        for sock in idle[-40:]:
            sock.settimeout(10)
        time.sleep(0.5)
        assert threading.active_count() <= before + MAX_CONNECTIONS
        for sock in idle[-40:]:  # beyond the limit: closed at once
            assert sock.recv(1) == b""
        for sock in idle[:1]:  # within it: closed once idle for the handler's timeout
            sock.settimeout(10)
            assert sock.recv(1) == b""
        time.sleep(1.5)
        assert _status(port, f"127.0.0.1:{port}") == 200  # the slots came back
        for sock in idle:
            sock.close()
    finally:
        preview.stop()


def test_a_yaml_alias_bomb_shows_its_error_and_the_preview_keeps_serving(tmp_path: Path) -> None:
    from bounded import summary

    target = tmp_path / "bomb.yaml"
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * 10) + "]" for n in range(1, 9)]
    target.write_text(summary() + "\n".join(lines) + "\n")
    started = time.monotonic()
    site = Site(target, cwd=tmp_path)
    site.start()
    preview = Preview(site, host="127.0.0.1", port=0)
    preview.serve_in_thread()
    try:
        port = preview.server.server_address[1]
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("GET", "/", headers={"Host": f"127.0.0.1:{port}"})
        body = conn.getresponse().read().decode("utf-8")
        conn.close()
        assert "aliases" in body
        assert time.monotonic() - started < 30
    finally:
        preview.stop()
