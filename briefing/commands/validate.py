"""`briefing validate`: check summaries against format 1."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer


def validate(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Summary files (.yaml, .yml, .json; - for stdin).")],
) -> None:
    """Check summaries; print one line per problem and exit 2 if any is invalid."""
    from ..errors import BriefingError, ExitCode
    from ..summaries import read_summary

    failed = 0
    for path in files:
        try:
            summary = read_summary(path)
        except BriefingError as error:
            failed += 1
            typer.echo(f"briefing: {error}", err=True)
            continue
        typer.echo(f"{path}: ok ({summary.note_id}, {len(summary.participants)} participants)")
    if failed:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(validate)
