"""Answer the preview's requests: its own routes only, checked queries, strict headers."""

from __future__ import annotations

import secrets
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from ..errors import BriefingError
from .hosts import IDLE_SECONDS, host_allowed
from .choices import DOWNLOADS, Choice, QueryError, choose, choose_format, parse_query
from .packs import PACK_DOWNLOAD_URL, PACK_URL, pack_available
from .pages import (
    Chrome,
    assemble_error,
    assemble_index,
    assemble_note,
    download_url,
    note_url,
)
from .site import Shown

if TYPE_CHECKING:
    from .server import PreviewServer

KEEPALIVE_SECONDS = 15.0
_NOTE_QUERY = ("layout", "lang")
_DOWNLOAD_QUERY = ("layout", "lang", "format")


def content_policy(nonce: str) -> str:
    """Return the Content-Security-Policy of a page: nothing from outside, only our own script."""
    return (
        "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; "
        f"script-src 'nonce-{nonce}'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )


class PreviewHandler(BaseHTTPRequestHandler):
    """One request to the preview server."""

    server: PreviewServer
    server_version = "briefing-preview"
    timeout = IDLE_SECONDS  # idle and slowloris connections are closed, not held for ever

    def version_string(self) -> str:
        """Name the server without the Python version."""
        return self.server_version

    def do_GET(self) -> None:
        """Route a GET request; anything not ours is 404."""
        try:
            self._route()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            self.close_connection = True

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet: the terminal is for re-render reports."""

    def _route(self) -> None:
        if not self._host_allowed():
            return self._text(HTTPStatus.BAD_REQUEST, "unexpected Host header")
        parts = urlsplit(self.path)
        path, query = parts.path, parts.query
        try:
            if path == "/events":
                parse_query(query, ())
                return self._events()
            if path == "/":
                return self._home(query)
            if path in (PACK_URL, PACK_DOWNLOAD_URL) and self.server.site.is_folder and pack_available():
                return self._pack(query) if path == PACK_URL else self._download(None, query)
            for prefix, handler in (("/notes/", self._note), ("/download/", self._download)):
                if path.startswith(prefix):
                    name = unquote(path[len(prefix):], errors="strict")
                    if name and "/" not in name and name in self._names():
                        return handler(name, query)
        except QueryError as error:
            return self._text(HTTPStatus.BAD_REQUEST, str(error))
        except UnicodeDecodeError:
            pass
        return self._text(HTTPStatus.NOT_FOUND, "not found")

    def _host_allowed(self) -> bool:
        return host_allowed(self.headers.get("Host"), self.server.allowed_hosts)

    def _names(self) -> set[str]:
        entries, _ = self.server.site.entries()
        return {e.name for e in entries}

    def _home(self, query: str) -> None:
        site = self.server.site
        if not site.is_folder:
            entries, _ = site.entries()
            return self._note(entries[0].name, query, path="/")
        parse_query(query, ())
        entries, version = site.entries()
        nonce = secrets.token_urlsafe(16)
        chrome = Chrome(title=site.target.name or str(site.target), version=version, nonce=nonce)
        pack_url = PACK_URL if pack_available() and any(e.loaded for e in entries) else None
        self._html(assemble_index(entries, chrome, site.settings.options, pack_url=pack_url), nonce)

    def _note(self, name: str, query: str, path: str | None = None) -> None:
        site = self.server.site
        choice = choose(parse_query(query, _NOTE_QUERY), site.default_choice())
        shown = site.show(name, choice)
        if shown is None:
            return self._text(HTTPStatus.NOT_FOUND, "not found")
        self._page(shown, name, choice, path or note_url(name), download_url(name))

    def _pack(self, query: str) -> None:
        site = self.server.site
        choice = choose(parse_query(query, _NOTE_QUERY), site.default_choice())
        self._page(site.show_pack(choice), "Pack of the folder", choice, PACK_URL, PACK_DOWNLOAD_URL)

    def _page(self, shown: Shown, title: str, choice: Choice, path: str, downloads: str) -> None:
        site = self.server.site
        nonce = secrets.token_urlsafe(16)
        chrome = Chrome(
            title=title, version=shown.version, nonce=nonce, path=path, choice=choice, download_base=downloads,
            index_url="/" if site.is_folder else None, warnings=shown.warnings,
        )
        options = site.settings.options
        if shown.html is not None:
            return self._html(assemble_note(shown.html, chrome, options), nonce)
        self._html(assemble_error(shown.error or "cannot render", chrome, options), nonce)

    def _download(self, name: str | None, query: str) -> None:
        """Send an entry's PDF or DOCX (the folder's pack when `name` is None)."""
        site = self.server.site
        values = parse_query(query, _DOWNLOAD_QUERY)
        fmt = choose_format(values)
        choice: Choice = choose(values, site.default_choice())
        try:
            if name is None:
                filename, data = site.render_pack_download(choice, fmt)
            else:
                filename, data = site.render_download(name, choice, fmt)
        except KeyError:
            return self._text(HTTPStatus.NOT_FOUND, "not found")
        except ModuleNotFoundError:
            return self._text(HTTPStatus.NOT_IMPLEMENTED, f"{fmt.upper()} is not available in this installation")
        except BriefingError as error:
            return self._text(HTTPStatus.CONFLICT, str(error))
        disposition = f"attachment; filename=\"{filename}\"; filename*=UTF-8''{quote(filename, safe='')}"
        self._send(HTTPStatus.OK, data, DOWNLOADS[fmt], {"Content-Disposition": disposition})

    def _events(self) -> None:
        """Stream the site's version as server-sent events until the client or the server goes."""
        site = self.server.site
        self.close_connection = True
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self._common_headers()
        self.end_headers()
        self.wfile.write(b"retry: 1000\n\n")
        seen: str | None = None
        while not site.closed:
            version = site.wait(seen, KEEPALIVE_SECONDS)
            if site.closed:
                break
            message = f"event: version\ndata: {version}\n\n" if version != seen else ": keep-alive\n\n"
            self.wfile.write(message.encode("ascii"))
            self.wfile.flush()
            seen = version

    def _html(self, page: str, nonce: str) -> None:
        self._send(HTTPStatus.OK, page.encode("utf-8"), "text/html; charset=utf-8", {"Content-Security-Policy": content_policy(nonce)})

    def _text(self, status: HTTPStatus, message: str) -> None:
        self._send(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8", {})

    def _common_headers(self) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, headers: dict[str, str]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self._common_headers()
        for key, value in headers.items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)
