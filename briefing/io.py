"""Write output files atomically: to a temporary name in the same folder, then rename."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import InputError, OutputExistsError


def check_writable(paths: list[Path], *, force: bool) -> None:
    """Refuse to overwrite existing files unless `force`, before any work is done."""
    if force:
        return
    for path in paths:
        if path.exists():
            raise OutputExistsError("file exists", file=path, hint="use --force to overwrite it")


def write_atomic(path: Path, data: bytes) -> None:
    """Write `data` to `path` so that a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_outputs(outputs: Mapping[Path, bytes], *, force: bool) -> list[Path]:
    """Write several finished files (all rendered beforehand), each atomically."""
    paths = list(outputs)
    check_writable(paths, force=force)
    for path in paths:
        if path.exists() and path.is_dir():
            raise InputError("output path is a folder", file=path)
    for path, data in outputs.items():
        write_atomic(path, data)
    return paths
