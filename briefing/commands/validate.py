"""`briefing validate`: check summaries against format 1 and list what a person must still check."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._options import ConfigOption


def validate(
    files: Annotated[list[Path], typer.Argument(metavar="FILE...", help="Summary files (.yaml, .yml, .json; - for stdin).")],
    strict: Annotated[bool, typer.Option("--strict", help="Fail on open review items too (unchecked values, pending translations, no `reviewed`).")] = False,
    config: ConfigOption = None,
) -> None:
    """Check summaries; print one line per problem and per open review item; exit 2 if any is invalid (or open, with --strict)."""
    from ..base.errors import BriefingError, ExitCode, ReviewError
    from ..read.config import load_config
    from ..read.summaries import read_summary
    from ..summary.review import is_draft, open_items

    terms = load_config(config).terms
    failed = 0
    for path in files:
        try:
            summary = read_summary(path, terms=terms)
        except BriefingError as error:
            failed += 1
            typer.echo(f"briefing: {error}", err=True)
            continue
        items = open_items(summary)
        reviewed = summary.reviewed  # None exactly when is_draft(summary)
        state = "draft" if reviewed is None else f"reviewed by {reviewed.by} on {reviewed.on}"
        opened = f", {len(items)} to review" if items else ""
        typer.echo(f"{path}: ok ({summary.note_id}, {len(summary.participants)} participants; {state}{opened})")
        for item in items:
            typer.echo(f"  review: {item}")
        if strict and (items or is_draft(summary)):
            failed += 1
            what = f"{len(items)} open review item{'s' if len(items) != 1 else ''}" if items else "no `reviewed` mark"
            hint = "check it against its release, then: briefing review mark FILE --by NAME" if is_draft(summary) else "fill the pending translations"
            typer.echo(f"briefing: {ReviewError(what, file=path, hint=hint)}", err=True)
    if failed:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(validate)
