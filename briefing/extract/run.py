"""Run extraction over many releases: read, extract, write atomically; one failure stops nothing."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..base.errors import BriefingError, ConfigError, InputError, OutputExistsError
from ..base.io import write_atomic


@dataclass
class Result:
    """What happened to one release."""

    label: str
    written: str | None = None
    warnings: list[str] = field(default_factory=list)
    error: BriefingError | None = None


def extract_many(
    releases: list[Path], *, output: str, lang: str, date: dt.date | None, terms: Any, force: bool = False
) -> list[Result]:
    """Extract each release and write `<output>/<name>.yaml`, the file `output` (.yaml, .yml) for one release, or stdout (`-`)."""
    from ..read.sources import read_release
    from . import dump_yaml, extract_summary

    results = []
    names: dict[str, int] = {}
    out_dir = None if output == "-" else Path(output)
    out_file = None
    if out_dir is not None and out_dir.suffix.lower() in (".yaml", ".yml") and not out_dir.is_dir():
        if len(releases) > 1:
            raise ConfigError(f"one file for {len(releases)} releases", file=out_dir, field="--output",
                              hint="give a folder: each release is written to <folder>/<name>.yaml")
        out_dir, out_file = out_dir.parent, out_dir
    if out_dir is not None and out_dir.exists() and not out_dir.is_dir():
        raise ConfigError("is not a folder", file=out_dir, field="--output")
    for path in releases:
        label = "<stdin>" if str(path) == "-" else str(path)
        result = Result(label)
        results.append(result)
        try:
            release = read_release(path)
            extraction = extract_summary(release, lang=lang, date=date, terms=terms)
            text = dump_yaml(extraction)
        except BriefingError as error:
            result.error = error
            continue
        except Exception as error:  # noqa: BLE001 - a bug must not sink the rest of the batch
            result.error = InputError(f"extraction failed ({error.__class__.__name__}: {error})", file=label)
            continue
        result.warnings = extraction.warnings
        if out_dir is None:
            sys.stdout.write(text if len(releases) == 1 else f"---\n{text}")
            sys.stdout.flush()
            continue
        name = release.name
        names[name] = names.get(name, 0) + 1
        if names[name] > 1:
            name = f"{name}-{names[name]}"
        target = out_file or out_dir / f"{name}.yaml"
        if target.exists() and not force:
            result.error = OutputExistsError("file exists (it may hold corrections made by hand)", file=target, hint="use --force to overwrite it")
            continue
        try:
            write_atomic(target, text.encode("utf-8"))
        except OSError as error:
            result.error = InputError(f"cannot write: {error.strerror}", file=target)
            continue
        result.written = str(target)
    return results
