"""A file lock so that two runs writing into the same place take turns (fcntl.flock).

The second run waits up to `wait` seconds for the first to finish, then gives up with one
clear line (exit 1) and writes nothing. A folder is locked as itself, so no file is left
in it; a lock file stays in place: removing it would let a third run lock a different file
than the second. The kernel drops the lock when the process ends, even when it is killed,
so a crashed run never blocks the next one. A thread already holding a lock takes it again
at once (a command holding its output folder while `write_outputs` locks it too).
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from .errors import BriefingError, LockError

POLL = 0.1  # seconds between attempts
_NO_LOCKS = (errno.ENOLCK, errno.EOPNOTSUPP, errno.EBADF, errno.EINVAL)
_held: set[tuple[int, int, int]] = set()  # (thread, device, inode) of the locks this process holds


@contextmanager
def exclusive(path: Path, *, wait: float = 60.0) -> Iterator[None]:
    """Hold an exclusive lock on `path` (a file, created when missing, or a folder), waiting up to `wait` seconds for it."""
    import fcntl

    try:
        if path.is_dir():
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as exc:
        raise BriefingError(f"cannot open the lock {'folder' if path.is_dir() else 'file'}: {exc.strerror}", file=path) from None
    stat = os.fstat(fd)
    key = (threading.get_ident(), stat.st_dev, stat.st_ino)
    if key in _held:  # this thread holds it already: flock on a second descriptor would wait for ourselves
        os.close(fd)
        yield
        return
    try:
        deadline = time.monotonic() + max(0.0, wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise LockError(f"another briefing run has held this lock for more than {wait:g} s", file=path,
                                    hint="wait for it to finish, or raise --wait") from None
                time.sleep(POLL)
            except OSError as exc:
                if exc.errno not in _NO_LOCKS:
                    raise BriefingError(f"cannot lock: {exc.strerror}", file=path) from None
                break  # a file system without locks (some network ones): go on unlocked, as before locks
        _held.add(key)
        try:
            yield
        finally:
            _held.discard(key)
            with suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
