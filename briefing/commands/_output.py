"""How commands print: warnings in one format, tables, progress bars."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from ..summary.model import Text


def warn(where: str, message: str) -> None:
    """Print a warning on stderr: `briefing: warning: WHERE: MESSAGE` (errors read `briefing: Kind: WHERE: ...`)."""
    typer.echo(f"briefing: warning: {where}: {message}", err=True)


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]], *, title: str | None = None) -> None:
    """Print a table: drawn by rich on a terminal, tab-separated lines otherwise."""
    from ..base.terminal import printable

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


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[..., None]]:
    """Yield `advance()`: a progress bar on stderr when it is a terminal and there is more than one item.

    `advance()` moves the bar one step; `advance(total=N, completed=M)` changes its total or position
    (for work whose size is known only as it goes, such as the pages of a PDF); `description=` renames
    the stage; `pulse=True` starts a stage with no steps to count (the bar pulses, the time runs).
    """
    if total < 2 or not sys.stderr.isatty():
        yield lambda **_: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)

        def advance(*, total: int | None = None, completed: int | None = None, description: str | None = None,
                    pulse: bool = False) -> None:
            nonlocal task
            if pulse:  # a task of unknown size (rich cannot take a total away from one)
                shown = description or bar.tasks[0].description
                bar.remove_task(task)
                task = bar.add_task(shown, total=None)
            elif total is None and completed is None and description is None:
                bar.advance(task)
            else:
                bar.update(task, total=total, completed=completed, description=description)

        yield advance
