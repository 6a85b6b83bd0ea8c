"""Answer the preview's requests: its own routes only, checked queries, strict headers."""

from __future__ import annotations

import secrets
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import TYPE_CHECKING
from urllib.parse import quote, unquote, urlsplit

from ..base.errors import BriefingError
from .choices import DOWNLOADS, Choice, QueryError, choose, choose_format, parse_query
from .entries import Shown
from .hosts import IDLE_SECONDS, host_allowed
from .packs import PACK_DOWNLOAD_URL, PACK_URL, pack_available
from .pages import (
    Chrome,
    assemble_error,
    assemble_index,
    assemble_note,
    download_url,
    note_url,
)

if TYPE_CHECKING:
    from .server import PreviewServer

KEEPALIVE_SECONDS = 15.0
MAX_POST_BYTES = 1024 * 1024
TOKEN_HEADER = "X-Briefing-Token"
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

    def do_HEAD(self) -> None:
        """Answer as GET would, with the same status and headers and no body."""
        self.do_GET()

    def do_POST(self) -> None:
        """Route a write request (the editor's); refused unless same-origin, with the session token, as JSON."""
        try:
            self._post()
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
            for prefix, handler in (("/notes/", self._note), ("/download/", self._download), ("/edit/", self._editor)):
                if path.startswith(prefix):
                    name = unquote(path[len(prefix):], errors="strict")
                    if name and "/" not in name and name in self._names():
                        return handler(name, query)
        except QueryError as error:
            return self._text(HTTPStatus.BAD_REQUEST, str(error))
        except UnicodeDecodeError:
            pass
        return self._text(HTTPStatus.NOT_FOUND, "not found")

    def _post(self) -> None:
        from .editing_routes import handle_edit

        refusal = self._write_refusal()
        if refusal is not None:
            self.close_connection = True
            return self._json(refusal[0], {"error": refusal[1]})
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length)
        path = urlsplit(self.path).path
        parts = path.split("/")
        if len(parts) != 5 or parts[:3] != ["", "api", "edit"]:
            return self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
        try:
            name = unquote(parts[3], errors="strict")
        except UnicodeDecodeError:
            return self._json(HTTPStatus.NOT_FOUND, {"error": "not found"})
        status, answer = handle_edit(self.server.site, name, parts[4], body)
        self._json(status, answer)

    def _write_refusal(self) -> tuple[HTTPStatus, str] | None:
        """Say why a write request is refused: wrong host, another origin, no token, not JSON, too large."""
        if not self.server.loopback:  # other machines may read the preview; none may write through it
            return HTTPStatus.FORBIDDEN, "refused: the editor saves only when the preview listens on loopback (--host 127.0.0.1)"
        if not self._host_allowed():
            return HTTPStatus.BAD_REQUEST, "unexpected Host header"
        host = self.headers.get("Host") or ""
        if self.headers.get("Origin") != f"http://{host}" or self.headers.get("Sec-Fetch-Site", "same-origin") != "same-origin":
            return HTTPStatus.FORBIDDEN, "refused: the request does not come from this preview's own pages"
        token = self.headers.get(TOKEN_HEADER) or ""
        if not secrets.compare_digest(token.encode(), self.server.site.token.encode()):
            return HTTPStatus.FORBIDDEN, "refused: missing or wrong session token"
        if (self.headers.get("Content-Type") or "").split(";")[0].strip().lower() != "application/json":
            return HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "refused: the body must be JSON"
        try:
            length = int(self.headers.get("Content-Length") or "")
        except ValueError:
            return HTTPStatus.LENGTH_REQUIRED, "refused: no Content-Length"
        if not 0 <= length <= MAX_POST_BYTES:
            return HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "refused: the request is too large"
        return None

    def _editor(self, name: str, query: str) -> None:
        from .editing_routes import editor_page

        parse_query(query, ())
        nonce = secrets.token_urlsafe(16)
        status, page = editor_page(self.server.site, name, nonce)
        if status != HTTPStatus.OK:
            return self._text(status, page)
        self._html(page, nonce)

    def _json(self, status: HTTPStatus, data: object) -> None:
        import json

        self._send(status, json.dumps(data, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8", {})

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
        from .editing_routes import edit_url, editable

        entry = site.entry(title)
        chrome = Chrome(
            title=title, version=shown.version, nonce=nonce, path=path, choice=choice, download_base=downloads,
            index_url="/" if site.is_folder else None, warnings=shown.warnings,
            edit_url=edit_url(title) if downloads != PACK_DOWNLOAD_URL and editable(entry) else None,
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
        if self.command == "HEAD":
            return
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
        if self.command != "HEAD":
            self.wfile.write(body)
