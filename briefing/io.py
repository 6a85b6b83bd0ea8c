"""Write output files atomically: to a temporary name in the same folder, then rename.

Temporary files are named `.briefing-<pid>-<random>.part`, short whatever the output's name,
so that a later run can remove those a killed run left behind (their process is gone).
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from .errors import InputError, OutputError, OutputExistsError

TEMP_PREFIX = ".briefing-"
TEMP_SUFFIX = ".part"
_OURS = re.compile(r"^\.briefing-(\d+)-[^/]*\.part$")
_OLD_STYLE = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")  # `.NAME.XXXXXXXX.part` of earlier versions
_OLD_AGE = 3600.0  # seconds after which an old-style temporary file is surely abandoned


def check_writable(paths: list[Path], *, force: bool) -> None:
    """Refuse to overwrite existing files unless `force`, before any work is done."""
    if force:
        return
    for path in paths:
        if path.exists():
            raise OutputExistsError("file exists", file=path, hint="use --force to overwrite it")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # another user's process
    return True


def remove_stale_parts(folder: Path) -> None:
    """Remove temporary files that killed runs left in `folder` (their process is gone)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        try:
            if (match := _OURS.match(entry.name)) and not _alive(int(match[1])) or (
                _OLD_STYLE.match(entry.name) and now - entry.stat().st_mtime > _OLD_AGE
            ):
                os.unlink(entry.path)
        except OSError:
            continue


def _stage(path: Path, data: bytes) -> str:
    """Write `data` to a new temporary file beside `path`; return its name."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader never sees a half-written file (raises OSError)."""
    remove_stale_parts(path.parent)
    tmp = _stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(outputs: Mapping[Path, bytes], *, force: bool) -> list[Path]:
    """Write several finished files all or none: every one staged first, then each renamed into place."""
    paths = list(outputs)
    check_writable(paths, force=force)
    for path in paths:
        if path.is_dir():
            raise InputError("output path is a folder", file=path)
    for folder in {path.parent for path in paths}:
        remove_stale_parts(folder)
    staged: dict[Path, str] = {}
    renamed = 0
    current = paths[0] if paths else Path(".")
    try:
        for current, data in outputs.items():
            staged[current] = _stage(current, data)
        for current, tmp in staged.items():
            os.replace(tmp, current)
            renamed += 1
    except OSError as exc:
        hint = "none of this note's files was written" if not renamed else "the note's other files were written"
        raise OutputError(f"cannot write: {exc.strerror or exc}", file=current, hint=hint) from None
    finally:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
    return paths
