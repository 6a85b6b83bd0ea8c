"""What the `archive` and `followups` commands share: opening the archive, tables, YAML, progress."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..model import Summary, Text
    from .store import Archive

ARCHIVE_HELP = ("Archive file or database URL (postgresql://user@host/db). Default: $BRIEFING_ARCHIVE, "
                "the config's `archive`, or $XDG_DATA_HOME/briefing/archive.sqlite.")
CONFIG_HELP = "Settings file (default: briefing.toml in the working folder, if any)."


def open_from_options(archive: str | None, config: Path | None, *, create: bool) -> Archive:
    """Open the archive named by --archive, BRIEFING_ARCHIVE, the config, or the per-user default."""
    from ..config import load_config
    from .location import resolve_archive
    from .store import open_archive

    settings = load_config(config)
    return open_archive(resolve_archive(archive, settings.archive), create=create)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str | None = None) -> None:
    """Print a table: drawn by rich on a terminal, tab-separated lines otherwise."""
    from ..terminal import printable

    rows = [[printable(cell) for cell in row] for row in rows]  # titles from summaries: no escape sequences
    if sys.stdout.isatty():
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text as RichText

        table = Table(*headers, title=title, show_lines=False)
        for row in rows:
            table.add_row(*(RichText(cell) for cell in row))  # as text, not rich markup
        Console().print(table)
        return
    out = sys.stdout
    out.write("\t".join(headers) + "\n")
    for row in rows:
        out.write("\t".join(row) + "\n")


def either(text: Text | None, default: str = "") -> str:
    """Return the English side, else the Arabic side, else `default`."""
    if text is None:
        return default
    return text.en or text.ar or default


def summary_yaml(summary: Summary, *, comment: str | None = None) -> str:
    """Return a summary as format-1 YAML (keys in model order, empty values left out)."""
    from ruamel.yaml import YAML

    from ..summaries import dump_summary

    data = {k: v for k, v in dump_summary(summary).items() if v not in ([], {}, None)}
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    if comment:
        out.write(f"# {comment}\n")
    yaml.dump(data, out)
    return out.getvalue()


@contextmanager
def progress(total: int, label: str) -> Iterator:
    """Yield `advance()`: a progress bar on stderr when it is a terminal and there is more than one item.

    `advance()` moves the bar one step; `advance(total=N, completed=M)` changes its total or position
    (for work whose size is known only as it goes, such as the pages of a PDF).
    """
    if total < 2 or not sys.stderr.isatty():
        yield lambda **_: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)

        def advance(*, total: int | None = None, completed: int | None = None) -> None:
            if total is None and completed is None:
                bar.advance(task)
            else:
                bar.update(task, total=total, completed=completed)

        yield advance
