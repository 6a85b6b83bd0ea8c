"""Run a preview: bind the server, watch the inputs, stop cleanly."""

from __future__ import annotations

import errno
import ipaddress
import socket
import threading
from http.server import ThreadingHTTPServer
from typing import Self

from ..base.errors import BriefingError
from .handler import PreviewHandler
from .hosts import MAX_CONNECTIONS, allowed_hosts
from .site import Site
from .watcher import watch_site


class PreviewServer(ThreadingHTTPServer):
    """A threaded HTTP server that knows its site and whether it listens on loopback only."""

    daemon_threads = True

    def __init__(self, host: str, port: int, site: Site, allow_hosts: tuple[str, ...] = ()) -> None:
        self.site = site
        self.loopback = _is_loopback(host)
        self.allowed_hosts = allowed_hosts(host, allow_hosts)
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self._held: dict[int, _Slot] = {}  # id(request) -> its slot, until its thread ends
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), PreviewHandler)

    def process_request(self, request, client_address) -> None:  # noqa: ANN001 - socketserver's types
        """Serve a connection in a thread if fewer than MAX_CONNECTIONS are open; else close it at once."""
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)
            return
        slot = self._held[id(request)] = _Slot(self._slots)
        try:
            super().process_request(request, client_address)
        except BaseException:  # Ctrl-C may land after the thread started: whichever comes first frees the slot
            self._held.pop(id(request), None)
            slot.release()
            raise

    def process_request_thread(self, request, client_address) -> None:  # noqa: ANN001
        try:
            super().process_request_thread(request, client_address)
        finally:
            if (slot := self._held.pop(id(request), None)) is not None:
                slot.release()


class _Slot:
    """One connection's place under MAX_CONNECTIONS, given back once however many ways end it."""

    def __init__(self, semaphore: threading.BoundedSemaphore) -> None:
        self._semaphore = semaphore
        self._lock = threading.Lock()
        self._held = True

    def release(self) -> None:
        """Give the place back, the first time only."""
        with self._lock:
            held, self._held = self._held, False
        if held:
            self._semaphore.release()


class Preview:
    """A running preview: its server, its watcher thread, and how to stop both."""

    def __init__(self, site: Site, *, host: str = "127.0.0.1", port: int = 8000, log=None,
                 allow_hosts: tuple[str, ...] = ()) -> None:
        self.site = site
        self._log = log or (lambda message: None)
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self._serving_in_thread = False
        try:
            self.server = PreviewServer(host, port, site, allow_hosts)
        except OSError as exc:
            raise _bind_error(host, port, exc) from None

    @property
    def url(self) -> str:
        """Return the address of the preview's home page."""
        host, port = self.server.server_address[:2]
        host = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{host}]" if ":" in host else host
        return f"http://{shown}:{port}/"

    def watch(self) -> None:
        """Start the watcher thread that re-renders on change."""
        thread = threading.Thread(target=watch_site, args=(self.site, self._stop), kwargs={"log": self._log},
                                  name="briefing-preview-watch", daemon=True)
        thread.start()
        self._threads.append(thread)

    def serve_forever(self) -> None:
        """Serve in this thread until stopped (Ctrl-C raises KeyboardInterrupt here)."""
        self.server.serve_forever(poll_interval=0.2)

    def serve_in_thread(self) -> None:
        """Serve from a background thread (for tests and embedding)."""
        thread = threading.Thread(target=self.serve_forever, name="briefing-preview-serve", daemon=True)
        thread.start()
        self._threads.append(thread)
        self._serving_in_thread = True

    def stop(self) -> None:
        """Stop watching and serving, end the event streams, close the socket."""
        self._stop.set()
        self.site.close()
        if self._serving_in_thread:
            self.server.shutdown()
        self.server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _bind_error(host: str, port: int, exc: OSError) -> BriefingError:
    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        return BriefingError(f"cannot listen on {where}: the port is in use", hint="choose another with --port, or --port 0 for any free port")
    if exc.errno == errno.EACCES:
        return BriefingError(f"cannot listen on {where}: permission denied", hint="use a port above 1023")
    if isinstance(exc, socket.gaierror) or exc.errno == errno.EADDRNOTAVAIL:
        return BriefingError(f"cannot listen on {where}: no such address on this machine", hint="use --host 127.0.0.1")
    return BriefingError(f"cannot listen on {where}: {exc.strerror or exc}")
