"""Render the preview's downloads (PDF, DOCX) in a worker process that is replaced after RECYCLE_AFTER renders.

WeasyPrint keeps about 0.5 MB of C memory (fontconfig, Pango, cairo) for every PDF it lays out, which
nothing in Python can free: the same HTML laid out 30 times in one process grew it by 0.54 MB a render
(0.3 MB even with one font configuration shared). So a preview laying out its downloads itself grew
without end. The worker is started on the first download (spawned: none of the server's threads is
copied into it), lays out one download at a time, and is ended after RECYCLE_AFTER of them; the next
one is started and warmed up (its modules imported) at once, off the request path. It ends when the
preview does, even when the preview is killed.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import suppress
from typing import Any, TypeVar

from ..base.errors import RenderError
from ..base.parallel import call_returning_errors, rebuild_error
from ..render.options import RenderOptions
from ..summary.model import Summary

RECYCLE_AFTER = 40  # renders per worker: its growth stays under ~20 MB
PARENT_POLL = 1.0  # seconds between a worker's checks that the preview still runs

T = TypeVar("T")


class DownloadWorker:
    """One worker process that lays out downloads one at a time, replaced after `recycle_after` of them."""

    def __init__(self, recycle_after: int | None = None) -> None:
        self.recycle_after = recycle_after or RECYCLE_AFTER
        self._lock = threading.Lock()
        self._pool: ProcessPoolExecutor | None = None
        self._warming: Future[Any] | None = None
        self._renders = 0
        self._closed = False

    def render(self, task: Callable[[T], bytes], argument: T) -> bytes:
        """Return `task(argument)` computed in the worker; our errors come back with their file and hint."""
        with self._lock:
            if self._closed:
                raise RenderError("the preview is stopping")
            pool = self._pool or self._start()
            try:
                outcome = pool.submit(call_returning_errors, task, argument).result()
            except BrokenProcessPool:
                self._stop()
                raise RenderError("the worker laying out downloads ended unexpectedly", hint="download again") from None
            self._renders += 1
            if self._renders >= self.recycle_after:
                self._stop()
                self._start(warm=True)
        if outcome[0] == "error":
            raise rebuild_error(outcome[1])
        return outcome[1]

    def pid(self) -> int | None:
        """Return the process id of the running worker, if one runs."""
        with self._lock:
            processes = list(getattr(self._pool, "_processes", None) or {})
            return processes[0] if processes else None

    def restart(self) -> None:
        """End the worker, so the next download starts one that reads templates and fonts afresh."""
        with self._lock:
            self._stop()

    def close(self) -> None:
        """End the worker for good (waiting for a render in progress)."""
        with self._lock:
            self._closed = True
            self._stop()

    def _start(self, *, warm: bool = False) -> ProcessPoolExecutor:
        import multiprocessing

        self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                         initializer=_watch_parent, initargs=(os.getpid(),))
        self._renders = 0
        if warm:
            self._warming = self._pool.submit(_warm_up)
        return self._pool

    def _stop(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool, self._warming = None, None


def _watch_parent(parent: int) -> None:
    """End this worker when the preview that started it is gone (killed, too: nothing else would end it)."""
    def watch() -> None:
        while os.getppid() == parent:
            threading.Event().wait(PARENT_POLL)
        os._exit(1)

    threading.Thread(target=watch, name="briefing-watch-parent", daemon=True).start()


def _warm_up() -> None:
    """Import what laying out a download needs, so that the first download in a new worker is not slower."""
    import importlib

    from ..render.pdf import import_weasyprint

    with suppress(ImportError):  # an installation without PDF or DOCX says so when one is asked for
        import_weasyprint()
        importlib.import_module("briefing.render.docx")


def render_note_download(task: tuple[Summary, RenderOptions, str]) -> bytes:
    """Render one note to one format (in the worker)."""
    from ..write.notes import render_note

    summary, options, fmt = task
    return render_note(summary, options, [fmt])[fmt]


def render_pack_download(task: tuple[Sequence[Summary], RenderOptions, str]) -> bytes:
    """Render a folder's summaries as one pack in one format (in the worker)."""
    from .packs import render_summaries_pack

    return render_summaries_pack(*task)
