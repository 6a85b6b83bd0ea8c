"""`briefing archive add|list|show|remove`: keep summaries as events with their sources."""

from __future__ import annotations

from typing import Annotated

import typer

from ._options import ArchiveOption, ConfigOption, DateOption, TermsOption, parse_date

archive_app = typer.Typer(
    help="Store summaries (or releases, extracted on the way in) in the archive; list, show, remove events.",
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@archive_app.command("add")
def add(
    inputs: Annotated[list[str], typer.Argument(metavar="INPUT...", help="Summaries (.yaml, .yml, .json; - for stdin) or releases (.txt, .html, .docx).")],
    date: DateOption = None,
    terms: TermsOption = None,
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Store each input as an event; the same event from another source joins it as a source."""
    from ..archive import ArchiveError
    from ..errors import BriefingError, ExitCode
    from ..loading import load_input
    from ._options import open_from_options, release_settings
    from ._output import progress, warn

    _, reference, term_files = release_settings(config, date, terms)
    failed = 0
    with open_from_options(archive, config, create=True) as store, progress(len(inputs), "Archiving") as advance:
        for name in inputs:
            try:
                loaded = load_input(name, terms=term_files, date=reference)
                for warning in loaded.warnings:
                    warn(loaded.name, warning)
                result = store.add_summary(loaded.summary)
                typer.echo(_describe(loaded.name, result))
            except ArchiveError:
                raise
            except BriefingError as error:
                if len(inputs) == 1:
                    raise
                failed += 1
                typer.echo(f"briefing: {error}", err=True)
            advance()
    if failed:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


def _describe(name: str, result) -> str:  # noqa: ANN001 - an AddResult
    words = {"new": "new event", "merged": "another source of event", "updated": "updated source of event",
             "unchanged": "already stored as event"}[result.outcome]
    parts = [f"{name}: {words} {result.event_id}"]
    parts += [f"follow-up {f} opened" for f in result.opened]
    parts += [f"follow-up {f} done" for f in result.closed]
    parts += [f"follow-up {f} to confirm" for f in result.to_confirm]
    return "; ".join(parts)


@archive_app.command("list")
def list_(
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help="Only events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", metavar="DATE", help="Only events on or before this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option("--country", metavar="XX", help="Only events with a participant from this country (ISO code, e.g. TJ).")] = None,
    participant: Annotated[str | None, typer.Option("--participant", help="Only events with a participant whose name or id contains this.")] = None,
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """List the archive's events in date order (undated last)."""
    from ._options import open_from_options
    from ._output import either, print_table

    start, end = parse_date(since, "--since"), parse_date(until, "--until")
    with open_from_options(archive, config, create=False) as store:
        found = store.events(since=start, until=end, country=country, participant=participant)
    rows = [(str(e.id), e.date.isoformat() if e.date else "undated", e.type.value, ",".join(e.countries),
             either(e.summary.event.place), str(len(e.sources)), either(e.summary.event.title, e.note_id)) for e in found]
    print_table(("ID", "DATE", "TYPE", "COUNTRIES", "PLACE", "SOURCES", "TITLE"), rows)


@archive_app.command("show")
def show(
    event_id: Annotated[int, typer.Argument(help="Event id (see `briefing archive list`).", metavar="ID")],
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Print the event's stored summaries as YAML (one document per source)."""
    from ..summaries import summary_yaml
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        event = store.event(event_id)
    documents = [summary_yaml(s.summary, comment=f"event {event.id}, source {n} of {len(event.sources)}: {s.key}")
                 for n, s in enumerate(event.sources, 1)]
    typer.echo("---\n".join(documents), nl=False)


@archive_app.command("remove")
def remove(
    event_id: Annotated[int, typer.Argument(help="Event id (see `briefing archive list`).", metavar="ID")],
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Delete an event with its sources; follow-ups it closed are open again."""
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        sources = len(store.event(event_id).sources)
        store.remove_event(event_id)
    typer.echo(f"removed event {event_id} ({sources} source{'s' if sources != 1 else ''})")


def register(app: typer.Typer) -> None:
    """Add the `archive` command group to the app."""
    app.add_typer(archive_app, name="archive")
