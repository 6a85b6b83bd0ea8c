"""`briefing extract`: turn releases into summaries (format 1, YAML with source comments)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._options import DateOption, TermsOption


def extract(
    releases: Annotated[list[Path], typer.Argument(metavar="RELEASE...", help="Release files (.txt, .md, .html, .htm, .docx; - for stdin).")],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Folder for <name>.yaml files, or - for stdout.")
    ] = ".",
    lang: Annotated[str, typer.Option("--lang", help="Language of the releases: auto, ar or en.")] = "auto",
    date: DateOption = None,
    terms: TermsOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing summaries (they may hold corrections made by hand).")] = False,
) -> None:
    """Extract a summary from each release; one bad release is reported and the others are written."""
    from ..errors import BriefingError, ExitCode
    from ..extract.run import extract_many, parse_options
    from ._output import warn

    reference, term_base = parse_options(lang, date, terms or [])
    results = extract_many(releases, output=output, lang=lang, date=reference, terms=term_base, force=force)
    failed = 0
    for result in results:
        if isinstance(result.error, BriefingError):
            failed += 1
            typer.echo(f"briefing: {result.error}", err=True)
            continue
        for warning in result.warnings:
            warn(result.label, warning)
        if result.written:
            typer.echo(f"{result.label}: wrote {result.written}", err=True)
    if failed:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(extract)
