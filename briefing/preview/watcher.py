"""Watch what a preview depends on and re-render when it changes (debounced)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from .site import Site

STEP_MS = 50  # quiet time that ends a burst of changes
DEBOUNCE_MS = 800  # longest a burst is gathered before re-rendering
IDLE_MS = 500  # how often the watcher wakes when nothing changes


def watch_site(site: Site, stop: threading.Event, *, log: Callable[[str], None] | None = None,
               force_polling: bool | None = None) -> None:
    """Re-render `site` after each burst of relevant changes until `stop` is set."""
    from watchfiles import watch

    report = log or (lambda message: None)
    while not stop.is_set():
        watched = site.watched()
        caught_up = False
        try:
            for changes in watch(*watched.roots(), watch_filter=_path_filter(watched.matters),
                                 debounce=DEBOUNCE_MS, step=STEP_MS, stop_event=stop, recursive=False,
                                 raise_interrupt=False, force_polling=force_polling, rust_timeout=IDLE_MS,
                                 yield_on_timeout=True):
                if changes:
                    _refresh(site, {Path(path) for _change, path in changes}, report)
                elif not caught_up:  # the watch is up: catch what changed while it was starting
                    _refresh(site, None, report)
                caught_up = True
                if site.watched() != watched:
                    break  # the config changed what to watch: start again with the new set
        except Exception as exc:  # noqa: BLE001 (a watcher failure must not take the server down)
            report(f"briefing: watching for changes failed ({type(exc).__name__}: {exc}); retrying with polling")
            force_polling = True
            stop.wait(1.0)


def _refresh(site: Site, paths: set[Path] | None, report: Callable[[str], None]) -> None:
    """Re-render, reporting (not raising) what goes wrong, so watching goes on."""
    try:
        site.refresh(paths)
    except Exception as exc:  # noqa: BLE001 (reported; watching goes on)
        report(f"briefing: re-rendering failed ({type(exc).__name__}: {exc})")


def _path_filter(matters: Callable[[Path], bool]) -> Callable[[object, str], bool]:
    """Return a watchfiles filter that keeps the changes to paths that `matters`."""
    return lambda _change, path: matters(Path(path))
