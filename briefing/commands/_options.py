"""Options shared by several commands (declared once, with their help) and parsing of their values; light to import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..base.errors import ConfigError
from ..read.dates import parse_iso

if TYPE_CHECKING:
    from ..archive.store import Archive
    from ..read.config import Config

CONFIG_HELP = ("Settings file (default: briefing.toml in the working folder, else "
               "$XDG_CONFIG_HOME/briefing/briefing.toml, if any).")
ARCHIVE_HELP = ("Archive file or database URL (postgresql://user@host/db). Default: $BRIEFING_ARCHIVE, "
                "the config's `archive`, or $XDG_DATA_HOME/briefing/archive.sqlite.")

ConfigOption = Annotated[Path | None, typer.Option("--config", metavar="FILE", help=CONFIG_HELP)]
ArchiveOption = Annotated[str | None, typer.Option("--archive", metavar="PATH|URL", help=ARCHIVE_HELP)]
# Every command that reads releases takes these two, with the same meaning.
DateOption = Annotated[str | None, typer.Option(
    "--date", metavar="DATE", help="For releases: the publication date that 'today', 'yesterday' and weekdays refer to (YYYY-MM-DD).")]
TermsOption = Annotated[list[Path] | None, typer.Option(
    "--terms", metavar="FILE", help="For releases: extra term-base file (TSV), after the config's `terms`; may be given more than once.")]
# The PDF engine of packs and digests: Typst (the default) or WeasyPrint (which lays out every note).
EngineOption = Annotated[str | None, typer.Option(
    "--engine", metavar="NAME", help="PDF layout engine of a pack or digest: typst (default; many times faster on long ones) or weasyprint.")]


def parse_date(value: str | None, option: str) -> dt.date | None:
    """Parse an ISO date option (YYYY-MM-DD)."""
    if value is None:
        return None
    if (date := parse_iso(value)) is None:
        raise ConfigError(f"{value!r} is not a date", field=option, hint="write YYYY-MM-DD")
    return date


def release_settings(config: Path | None, date: str | None, terms: list[Path] | None) -> tuple[Config, dt.date | None, list[Path]]:
    """Return the settings, the --date and the term files (config's, then --terms) for reading releases."""
    from ..read.config import load_config

    settings = load_config(config)
    return settings, parse_date(date, "--date"), [*settings.terms, *(terms or [])]


def refuse_stdout(output: Path | str, command: str) -> None:
    """Refuse `-o -` where the output is a binary file or a folder: `-` never becomes a file of that name."""
    if str(output) == "-":
        raise ConfigError(f"`briefing {command}` writes files, not standard output", field="--output",
                          hint="give a folder or file name; `-o -` is for `briefing extract`")


def open_from_options(archive: str | None, config: Path | None, *, create: bool) -> Archive:
    """Open the archive named by --archive, BRIEFING_ARCHIVE, the config, or the per-user default."""
    from ..archive.location import resolve_archive
    from ..archive.store import open_archive
    from ..read.config import load_config

    settings = load_config(config)
    return open_archive(resolve_archive(archive, settings.archive), create=create)


TmOption = Annotated[list[Path] | None, typer.Option(
    "--tm", help="Accepted summaries (files or folders) for the translation memory; may be given more than once.")]
