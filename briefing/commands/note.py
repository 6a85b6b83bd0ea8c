"""`briefing note`: render summaries (or releases) to PDF, DOCX and HTML notes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

CONFIG_HELP = "Settings file (default: briefing.toml in the working folder, if any)."


def note(
    inputs: Annotated[list[str], typer.Argument(help="Summaries (.yaml, .yml, .json; - for stdin) or releases (.txt, .html, .docx).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write <id>.pdf|.docx|.html into.")] = Path("."),
    formats: Annotated[str, typer.Option("--format", "-f", help="Formats to write, comma-separated: pdf,docx,html.")] = "pdf,docx,html",
    layout: Annotated[Optional[str], typer.Option("--layout", help="parallel (Arabic right, English left) or stacked (one language after the other).")] = None,
    lang: Annotated[Optional[str], typer.Option("--lang", help="Languages and their order, e.g. ar,en or en,ar or en.")] = None,
    template: Annotated[Optional[Path], typer.Option("--template", help="Folder whose files override the shipped templates, one by one.")] = None,
    pdf_variant: Annotated[Optional[str], typer.Option("--pdf-variant", help="PDF variant for archives, e.g. pdf/a-3u.")] = None,
    date: Annotated[Optional[str], typer.Option("--date", help="For releases: the date that 'today'/'yesterday'/weekdays refer to (YYYY-MM-DD).")] = None,
    terms: Annotated[Optional[list[Path]], typer.Option("--terms", help="For releases: extra term-base file (TSV); may be given more than once.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")] = False,
    archive: Annotated[Optional[str], typer.Option("--archive", help="Archive file or database URL: add the earlier contacts between the same countries and the follow-ups open between them.")] = None,
    contacts: Annotated[int, typer.Option("--contacts", min=1, help="With --archive: how many earlier events to list.")] = 5,
    config: Annotated[Optional[Path], typer.Option("--config", help=CONFIG_HELP)] = None,
) -> None:
    """Write a bilingual briefing note per input: DIR/<id>.pdf, .docx and .html."""
    from ..config import load_config
    from ..errors import BriefingError, ExitCode
    from ..io import check_writable, write_outputs
    from ..loading import load_input
    from ..notes import make_options, parse_formats, render_note
    from ._options import parse_date

    settings = load_config(config)
    reference = parse_date(date, "--date")
    term_files = [*settings.terms, *(terms or [])]
    chosen = parse_formats(formats)
    options = make_options(settings, layout=layout, languages=lang, template=template, pdf_variant=pdf_variant)
    failed = 0
    produced: dict[str, str] = {}
    for name in inputs:
        try:
            loaded = load_input(name, terms=term_files, date=reference)
            for warning in loaded.warnings:
                typer.echo(f"briefing: warning: {loaded.name}: {warning}", err=True)
            note_id = loaded.summary.note_id
            if note_id in produced:
                raise BriefingError(f"gives the same id {note_id!r} as {produced[note_id]}", file=loaded.name, hint="set a distinct `id` in one of the summaries")
            targets = {fmt: output / f"{note_id}.{fmt}" for fmt in chosen}
            check_writable(list(targets.values()), force=force)
            earlier = _earlier(archive, loaded.summary, contacts) if archive else None
            rendered = render_note(loaded.summary, options, chosen, contacts=earlier)
            write_outputs({targets[fmt]: data for fmt, data in rendered.items()}, force=force)
            produced[note_id] = loaded.name
            for path in targets.values():
                typer.echo(str(path))
        except BriefingError as error:
            if len(inputs) == 1:
                raise
            failed += 1
            typer.echo(f"briefing: {error}", err=True)
    if failed:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


def _earlier(archive: str, summary, limit: int):  # noqa: ANN001, ANN202 - a Summary; (events, follow-ups)
    """Read the earlier contacts of a summary from the archive named by --archive."""
    from ..archive.location import resolve_archive
    from ..archive.store import open_archive

    with open_archive(resolve_archive(archive, None), create=False) as store:
        return store.earlier_contacts(summary, limit=limit)


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(note)
