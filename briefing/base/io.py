"""Write output files atomically: one file by a rename, a note's set of files by a commit a later run finishes.

One file is written to a temporary name in its folder, then renamed over the old one. A set of files (a
note's PDF, DOCX and HTML) is written into a hidden staging folder beside them, `.briefing-<pid>-<random>.set`;
once every file is there, that folder is renamed `....commit` (the commit point) and its files are renamed
into place, all under a lock on the output folder. POSIX has no rename of several files at once, so a run
killed between two of those renames leaves a mixed set until the next run that writes into the folder
(or checks it before writing): that run finishes the renames from the `.commit` folder first. A run killed
before the commit point leaves a `.set` folder that a later run removes (its process is gone), and the old
set untouched. Temporary names are short whatever the output's name.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

from .errors import InputError, OutputError, OutputExistsError
from .lock import exclusive

TEMP_PREFIX = ".briefing-"
TEMP_SUFFIX = ".part"
SET_SUFFIX = ".set"  # a set of files being staged (discarded when its run is gone)
COMMIT_SUFFIX = ".commit"  # a set of files committed, being renamed into place (finished by the next run)
_OURS = re.compile(r"^\.briefing-(\d+)-[^/]*\.(part|set)$")
_OLD_STYLE = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.part$")  # `.NAME.XXXXXXXX.part` of earlier versions
_OLD_AGE = 3600.0  # seconds after which an old-style temporary file is surely abandoned
LOCK_WAIT = 60.0  # seconds to wait for another run's commit into the same folder


def check_writable(paths: list[Path], *, force: bool) -> None:
    """Refuse to overwrite existing files unless `force`, before any work is done (interrupted commits finished first)."""
    for folder in dict.fromkeys(path.parent for path in paths):
        if folder.is_dir():
            finish_interrupted(folder)
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
    """Remove temporary files and staging folders that killed runs left in `folder` (their process is gone)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return
    now = time.time()
    for entry in entries:
        try:
            if (match := _OURS.match(entry.name)) and not _alive(int(match[1])):
                _remove(Path(entry.path))
            elif _OLD_STYLE.match(entry.name) and now - entry.stat().st_mtime > _OLD_AGE:
                os.unlink(entry.path)
        except OSError:
            continue


def _remove(path: Path) -> None:
    """Remove a temporary file or staging folder."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def finish_interrupted(folder: Path) -> None:
    """Finish the commits that killed runs left in `folder`, and remove their temporary files."""
    with exclusive(folder, wait=LOCK_WAIT):
        _finish_commits(folder)
        remove_stale_parts(folder)


def _finish_commits(folder: Path) -> None:
    """Rename into place the files of every committed set still in `folder` (call with the folder locked).

    A committed set exists only while its run holds the lock, so one seen under the lock is a killed run's.
    """
    try:
        commits = [Path(e.path) for e in os.scandir(folder) if e.name.startswith(TEMP_PREFIX) and e.name.endswith(COMMIT_SUFFIX)]
    except OSError:
        return
    for commit in commits:
        try:
            _rename_all(commit, folder)
        except OSError:
            continue  # left for a later run (a target became a folder, the disk went read-only)


def _rename_all(commit: Path, folder: Path) -> None:
    """Rename every file of a committed set into `folder`, then remove the emptied set."""
    for name in sorted(os.listdir(commit)):
        _rename_in(commit / name, folder / name)
    os.rmdir(commit)


def _rename_in(staged: Path, target: Path) -> None:
    """Move one staged file into place."""
    os.replace(staged, target)


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


def _write_new(path: Path, data: bytes) -> None:
    """Write `data` to a new file `path` (in a staging folder)."""
    with open(path, "xb") as handle:
        handle.write(data)
    os.chmod(path, 0o644)


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader never sees a half-written file (raises OSError)."""
    remove_stale_parts(path.parent)
    tmp = _stage(path, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _one_folder(paths: list[Path]) -> Path:
    """Return the folder of a set of outputs (a set is committed in one folder)."""
    folders = {path.parent for path in paths}
    if len(folders) != 1:
        raise ValueError(f"a set of outputs must share one folder, not {sorted(map(str, folders))}")
    return folders.pop()


def _stage_set(folder: Path, outputs: Mapping[Path, bytes]) -> Path:
    """Write every file of a set into a new staging folder in `folder`; return it (raises OutputError)."""
    current = next(iter(outputs))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{os.getpid()}-", suffix=SET_SUFFIX, dir=folder))
    except OSError as exc:
        raise OutputError(f"cannot write: {exc.strerror or exc}", file=current, hint="none of this note's files was written") from None
    try:
        for current, data in outputs.items():
            _write_new(staging / current.name, data)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise OutputError(f"cannot write: {exc.strerror or exc}", file=current, hint="none of this note's files was written") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return staging


def write_outputs(outputs: Mapping[Path, bytes], *, force: bool) -> list[Path]:
    """Write a set of finished files (one folder) all or none: staged together, committed, renamed into place."""
    paths = list(outputs)
    if not paths:
        return paths
    folder = _one_folder(paths)
    for path in paths:
        if path.is_dir():
            raise InputError("output path is a folder", file=path)
    check_writable(paths, force=force)
    staging = _stage_set(folder, outputs)
    commit = staging.with_name(staging.name[: -len(SET_SUFFIX)] + COMMIT_SUFFIX)
    with exclusive(folder, wait=LOCK_WAIT):
        _finish_commits(folder)
        try:
            os.rename(staging, commit)
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            raise OutputError(f"cannot write: {exc.strerror or exc}", file=paths[0], hint="none of this note's files was written") from None
        try:
            _rename_all(commit, folder)
        except OSError as exc:
            raise OutputError(f"cannot write: {exc.strerror or exc}", file=folder,
                              hint="the note's files are committed; the next run writing into this folder finishes them") from None
    return paths
