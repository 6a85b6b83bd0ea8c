"""Run one function over many items in a process pool, results in the items' order.

The pool forks from the running process (on Linux), so workers start with the modules
already imported. One item, or one worker, runs in this process. Errors of our own types
come back with their file, line and hint intact; the first one raised (in item order) wins.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from .errors import BriefingError

T = TypeVar("T")
R = TypeVar("R")
_FIELDS = ("file", "line", "column", "field", "hint")


def default_workers() -> int:
    """Return the number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def map_ordered(func: Callable[[T], R], items: Sequence[T], *, workers: int | None = None,
                advance: Callable[[], None] | None = None) -> list[R]:
    """Return `[func(item) for item in items]`, computed over `workers` processes (default: every core)."""
    count = min(workers or default_workers(), len(items))
    if count <= 1:
        results = []
        for item in items:
            results.append(func(item))
            if advance:
                advance()
        return results
    return _in_pool(func, items, count, advance)


def _in_pool(func: Callable[[T], R], items: Sequence[T], count: int, advance: Callable[[], None] | None) -> list[R]:
    import multiprocessing
    from concurrent.futures import FIRST_EXCEPTION, ProcessPoolExecutor, wait

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_die_with_parent,
                             initargs=(os.getpid(),)) as pool:
        futures = [pool.submit(call_returning_errors, func, item) for item in items]
        pending = set(futures)
        while pending:
            done, pending = wait(pending, return_when=FIRST_EXCEPTION)
            if advance:
                for _ in done:
                    advance()
            if any(f.exception() is not None or f.result()[0] == "error" for f in done):
                for future in pending:
                    future.cancel()
                break
        outcomes = [f.result() if f.done() and not f.cancelled() and f.exception() is None else None for f in futures]
    for future, outcome in zip(futures, outcomes):
        if outcome is None and future.done() and not future.cancelled() and (error := future.exception()) is not None:
            raise error
        if outcome is not None and outcome[0] == "error":
            raise rebuild_error(outcome[1])
    return [outcome[1] for outcome in outcomes]  # type: ignore[index]


def _die_with_parent(parent: int) -> None:
    """Make a worker end when its parent does, even when the parent is killed (Linux: PR_SET_PDEATHSIG)."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return  # not Linux: the pool's own shutdown is all there is
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def call_returning_errors(func: Callable[[Any], Any], item: Any) -> tuple[str, Any]:
    """Run `func` in a worker; send our errors back as plain data (their fields do not survive pickling)."""
    try:
        return ("ok", func(item))
    except BriefingError as error:
        return ("error", (type(error), error.message, {k: getattr(error, k) for k in _FIELDS}))


def rebuild_error(data: tuple[type[BriefingError], str, dict[str, Any]]) -> BriefingError:
    """Rebuild in this process an error a worker sent back with `call_returning_errors`."""
    cls, message, fields = data
    error = cls.__new__(cls)
    BriefingError.__init__(error, message, **fields)
    return error
