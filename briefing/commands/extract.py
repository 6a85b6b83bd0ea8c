"""`briefing extract`: turn releases into summaries (format 1, YAML with source comments)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._options import DateOption, TermsOption

if TYPE_CHECKING:
    from ..terms import TermBase


def extract(
    releases: Annotated[list[Path], typer.Argument(metavar="RELEASE...", help="Release files (.txt, .md, .html, .htm, .docx; - for stdin).")],
    output: Annotated[
        str, typer.Option("-o", "--output", help="Folder for <name>.yaml files, a .yaml file for one release, or - for stdout.")
    ] = ".",
    lang: Annotated[str, typer.Option("--lang", help="Language of the releases: auto, ar or en.")] = "auto",
    date: DateOption = None,
    terms: TermsOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing summaries (they may hold corrections made by hand).")] = False,
    tm: Annotated[
        list[Path] | None, typer.Option("--tm", help="Accepted summaries (files or folders) whose translations fill close matches (90%+).")
    ] = None,
) -> None:
    """Extract a summary from each release; one bad release is reported and the others are written."""
    from ..base.errors import BriefingError, ExitCode
    from ..extract.run import extract_many
    from ._output import warn

    reference, term_base = _parse_options(lang, date, terms or [])
    results = extract_many(releases, output=output, lang=lang, date=reference, terms=term_base, force=force)
    _fill([r for r in results if r.written], term_base, tm or [])
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


def _fill(results: list, terms: object, tm: list[Path]) -> None:
    """Fill pending sides of the written summaries by diplomatic formula or TM (marked in `origin` and `review`)."""
    from ..base.errors import BriefingError
    from ..translate import build_memory
    from ..translate.files import collect, fill_files, read_files

    terms = terms if terms is not None else _shipped_terms()
    memory = build_memory([(f.path.name, f.summary) for f in read_files(collect(tm))], terms) if tm else None
    for result in results:
        try:
            fill_files([result.written], terms=terms, memory=memory)
        except BriefingError as error:  # the summary stays as extracted
            result.warnings.append(f"translations not filled: {error}")


def _shipped_terms() -> object:
    from ..terms import load_terms

    return load_terms()


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(extract)


def _parse_options(lang: str, date: str | None, terms: list[Path]) -> tuple[dt.date | None, TermBase | None]:
    """Check --lang and --date, and load the term base with the user's files (briefing.toml's, then --terms)."""
    from ..base.errors import ConfigError
    from ..read.config import load_config
    from ._options import parse_date

    if lang not in ("auto", "ar", "en"):
        raise ConfigError(f"--lang must be auto, ar or en, not {lang!r}", field="--lang")
    reference = parse_date(date, "--date")
    files = [*load_config().terms, *terms]
    term_base = None
    if files:
        from ..terms import load_terms

        term_base = load_terms(files)
    return reference, term_base
