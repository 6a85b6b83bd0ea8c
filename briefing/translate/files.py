"""Summary files for translation: collect them, read them round-trip, write changes back keeping comments."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base.errors import InputError
from ..read.summaries import SUMMARY_SUFFIXES, decode_utf8, load_yaml, read_bytes, summary_from_tree
from ..summary.model import Summary


@dataclass
class SummaryFile:
    """A summary read from a file: the ruamel tree (comments kept) and the validated model."""

    path: Path
    tree: Any
    summary: Summary

    @property
    def label(self) -> str:
        """Return the path as the user wrote it."""
        return str(self.path)


def collect(inputs: Sequence[Path]) -> list[Path]:
    """Return the summary files named, a folder giving its *.yaml/*.yml/*.json files in name order."""
    found: list[Path] = []
    for path in inputs:
        if path.is_dir():
            found.extend(sorted(p for p in path.iterdir() if p.suffix.lower() in SUMMARY_SUFFIXES and p.is_file()))
        elif not path.exists():
            raise InputError("no such file or folder", file=path)
        else:
            found.append(path)
    return found


def read_file(path: Path) -> SummaryFile:
    """Read and validate one summary file, keeping its comments and order."""
    name = str(path)
    tree = load_yaml(decode_utf8(read_bytes(path), name), name)
    return SummaryFile(path, tree, summary_from_tree(tree, name))


def read_files(paths: Iterable[Path]) -> list[SummaryFile]:
    """Read several summary files (the first bad one stops everything)."""
    return [read_file(p) for p in paths]


def dump(tree: Any) -> str:
    """Return a ruamel tree as YAML written the way `briefing extract` writes it."""
    from ..read.summaries import yaml_writer

    out = io.StringIO()
    yaml_writer().dump(tree, out)
    return out.getvalue()


def checked(file: SummaryFile) -> bytes:
    """Return the changed tree as file bytes, after checking it is still a valid summary."""
    text = dump(file.tree)
    summary_from_tree(load_yaml(text, file.label), file.label)
    return text.encode("utf-8")


def write_all(changed: dict[Path, bytes]) -> None:
    """Write every changed file (each rendered and checked beforehand), atomically."""
    from ..base.io import write_atomic

    for path, data in changed.items():
        try:
            write_atomic(path, data)
        except OSError as error:
            raise InputError(f"cannot write: {error.strerror}", file=path) from None


def fill_files(paths: Iterable[str | Path], *, terms: Any = None, memory: Any = None) -> dict[str, int]:
    """Fill the pending sides of summary files in place (formula or TM), keeping their comments; count per file."""
    from .fill import apply_fills, plan_fills

    counts: dict[str, int] = {}
    changed: dict[Path, bytes] = {}
    for path in paths:
        file = read_file(Path(path))
        fills = plan_fills(file.summary, terms=terms, memory=memory)
        counts[file.label] = len(fills)
        if fills:
            apply_fills(file.tree, fills)
            changed[file.path] = checked(file)
    write_all(changed)
    return counts
