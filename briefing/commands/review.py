"""`briefing review list|mark`: what a person must still check in a summary, and recording that they did."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

review_app = typer.Typer(
    help="List what a person must still check in summaries, or mark a summary reviewed.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@review_app.command("list")
def list_items(
    files: Annotated[list[Path], typer.Argument(help="Summary files (.yaml, .yml, .json).")],
) -> None:
    """Print each open review item as `FILE: FIELD: why`, derived from the summary as it stands now."""
    from ..read.summaries import read_summary
    from ..summary.review import open_items

    for path in files:
        for item in open_items(read_summary(path)):
            typer.echo(f"{path}: {item}")


@review_app.command("mark")
def mark(
    file: Annotated[Path, typer.Argument(help="The summary a person checked against its release.")],
    by: Annotated[str, typer.Option("--by", help="Who checked it (name or initials).")],
    on: Annotated[str | None, typer.Option("--on", help="When (YYYY-MM-DD); default: today.")] = None,
) -> None:
    """Write `reviewed: {by, on}` into the summary, keeping its comments and key order."""
    from ..summary.review import open_items
    from ..write.editing import mark_reviewed, open_document, save_document
    from ._options import parse_date

    day = parse_date(on, "--on") or dt.date.today()
    document = open_document(file)
    mark_reviewed(document.tree, by, day)
    summary, _ = save_document(document, document.tree)
    assert summary.reviewed is not None  # mark_reviewed has just written it
    typer.echo(f"{file}: reviewed by {summary.reviewed.by} on {summary.reviewed.on}")
    for item in open_items(summary):
        typer.echo(f"briefing: warning: {file}: still open: {item}", err=True)


def register(app: typer.Typer) -> None:
    """Add the command group to the app."""
    app.add_typer(review_app, name="review")
