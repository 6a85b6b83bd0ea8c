"""`briefing note`: render summaries (or releases) to PDF, DOCX and HTML notes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._options import ConfigOption, DateOption, TermsOption


def note(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="Summaries (.yaml, .yml, .json; - for stdin) or releases (.txt, .html, .docx).")],
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write <id>.pdf|.docx|.html into.")] = Path("."),
    formats: Annotated[str, typer.Option("--format", "-f", help="Formats to write, comma-separated: pdf,docx,html.")] = "pdf,docx,html",
    layout: Annotated[str | None, typer.Option("--layout", help="parallel (Arabic right, English left) or stacked (one language after the other).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Languages and their order, e.g. ar,en or en,ar or en.")] = None,
    template: Annotated[Path | None, typer.Option("--template", help="Folder whose files override the shipped templates, one by one.")] = None,
    pdf_variant: Annotated[str | None, typer.Option("--pdf-variant", help="PDF variant for archives, e.g. pdf/a-3u.")] = None,
    date: DateOption = None,
    terms: TermsOption = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing output files.")] = False,
    final: Annotated[bool, typer.Option("--final", help="Refuse a summary no person has marked reviewed (instead of marking the note DRAFT).")] = False,
    archive: Annotated[str | None, typer.Option("--archive", metavar="PATH|URL", help="Archive file or database URL: add the earlier contacts between the same countries and the follow-ups open between them.")] = None,
    contacts: Annotated[int, typer.Option("--contacts", min=1, help="With --archive: how many earlier events to list.")] = 5,
    config: ConfigOption = None,
) -> None:
    """Write a bilingual briefing note per input: DIR/<id>.pdf, .docx and .html."""
    from ..assemble.loading import load_input
    from ..base.errors import BriefingError, ExitCode, InputError, ReviewError
    from ..base.io import check_writable, write_outputs
    from ..read.summaries import is_summary_path
    from ..summary.review import is_draft
    from ..write.notes import make_options, parse_formats, render_note
    from ._options import refuse_stdout, release_settings
    from ._output import warn

    refuse_stdout(output, "note")
    settings, reference, term_files = release_settings(config, date, terms)
    chosen = parse_formats(formats)
    options = make_options(settings, layout=layout, languages=lang, template=template, pdf_variant=pdf_variant)
    failed = 0
    claimed: dict[str, str] = {}  # note id -> the input that gave it
    for name in inputs:
        try:
            loaded = load_input(name, terms=term_files, date=reference)
            for warning in loaded.warnings:
                warn(loaded.name, warning)
            if final and is_draft(loaded.summary):
                hint = ("check it against its release, then: briefing review mark FILE --by NAME" if is_summary_path(name)
                        else "extract it (briefing extract), check the summary, then: briefing review mark FILE --by NAME")
                raise ReviewError("no person has marked this summary reviewed; a final note needs it", file=loaded.name, hint=hint)
            note_id = loaded.summary.note_id
            if note_id in claimed:
                raise InputError(f"gives the same id {note_id!r} as {claimed[note_id]}: nothing written for it",
                                 file=loaded.name, hint="set a distinct `id` in one of them")
            claimed[note_id] = loaded.name  # claimed even if its writing fails: a batch never writes one id twice
            targets = {fmt: output / f"{note_id}.{fmt}" for fmt in chosen}
            check_writable(list(targets.values()), force=force)
            earlier = _earlier(archive, loaded.summary, contacts) if archive else None
            rendered = render_note(loaded.summary, options, chosen, contacts=earlier)
            write_outputs({targets[fmt]: data for fmt, data in rendered.items()}, force=force)
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
