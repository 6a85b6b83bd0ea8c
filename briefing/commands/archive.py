"""`briefing archive add|list|people|show|history|pick|remove`: keep summaries as events with their sources."""

from __future__ import annotations

from collections.abc import Iterator
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
    """Store each input as an event; the same event from another source joins it as a source.

    Every input is read first; those that read are then stored in one transaction (all or none).
    """
    from ..assemble.loading import load_input
    from ..base.errors import BriefingError, ExitCode
    from ._options import open_from_options, release_settings
    from ._output import progress, warn

    _, reference, term_files = release_settings(config, date, terms)
    failed, loaded = 0, []
    with open_from_options(archive, config, create=True) as store:
        with progress(len(inputs), "Reading") as advance:
            for name in inputs:
                try:
                    loaded.append(load_input(name, terms=term_files, date=reference))
                except BriefingError as error:
                    if len(inputs) == 1:
                        raise
                    failed += 1
                    typer.echo(f"briefing: {error}", err=True)
                else:
                    for warning in loaded[-1].warnings:
                        warn(loaded[-1].name, warning)
                advance()
        with progress(len(loaded), "Archiving") as advance:
            results = store.add_summaries(_stepping([item.summary for item in loaded], advance))
    for item, result in zip(loaded, results, strict=True):
        typer.echo(_describe(item.name, result))
    if failed:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


def _stepping(items: list, advance) -> Iterator:  # noqa: ANN001 - progress's advance()
    """Yield the items, moving the progress bar after each."""
    for item in items:
        yield item
        advance()


def _describe(name: str, result) -> str:  # noqa: ANN001 - an AddResult
    words = {"new": "new event", "merged": "another source of event", "updated": "updated source of event",
             "moved": "corrected source moved to event", "unchanged": "already stored as event"}[result.outcome]
    parts = [f"{name}: {words} {result.event_id}" + (f" (from event {result.moved_from})" if result.moved_from else "")]
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


@archive_app.command("people")
def people(
    country: Annotated[str | None, typer.Option("--country", metavar="XX", help="Only events with a participant from this country (ISO code).")] = None,
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """List each person once across the archive's events, with the other names the summaries give them."""
    from ._options import open_from_options
    from ._output import either, print_table

    with open_from_options(archive, config, create=False) as store:
        found = store.people(country=country)
    rows = [(either(p.name), p.country or "", str(len(ids)), ",".join(map(str, ids)),
             "; ".join(either(v) for v in p.variants if v != p.name)) for p, ids in found]
    rows.sort(key=lambda r: (r[0].casefold(), r[1]))
    print_table(("NAME", "COUNTRY", "EVENTS", "IDS", "ALSO CALLED"), rows)


@archive_app.command("show")
def show(
    event_id: Annotated[int, typer.Argument(help="Event id (see `briefing archive list`).", metavar="ID")],
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Print the event's stored summaries as YAML (one document per source), after the fields they disagree on."""
    from ..read.summaries import summary_yaml
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        event = store.event(event_id)
    head = [f"# conflict: {c.field}: " + " · ".join(f"{value!r} (source {sid})" for sid, value in c.values)
            for c in event.conflicts]
    if head:
        rule = f"source {event.picked} (picked)" if event.picked else f"source {event.sources[0].id} (first by key)"
        head.append(f"# the event follows {rule}; choose with `briefing archive pick {event.id} SOURCE`")
    documents = [summary_yaml(s.summary, comment=f"event {event.id}, source {n} of {len(event.sources)}: {s.key} (source id {s.id})")
                 for n, s in enumerate(event.sources, 1)]
    typer.echo("".join(line + "\n" for line in head) + "---\n".join(documents), nl=False)


@archive_app.command("history")
def history(
    event_id: Annotated[int, typer.Argument(help="Event id (see `briefing archive list`); a removed event's id works too.", metavar="ID")],
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Show every version of the event's sources: when stored, under which event, and what changed."""
    from ..archive.history import describe_versions
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        versions = store.history(event_id)
    for line in describe_versions(versions):
        typer.echo(line)


@archive_app.command("pick")
def pick(
    event_id: Annotated[int, typer.Argument(help="Event id (see `briefing archive show ID` for its conflicts).", metavar="ID")],
    source_id: Annotated[int | None, typer.Argument(help="Source id whose account the event follows; leave out to go back to the rule.", metavar="SOURCE")] = None,
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Choose which source's account (type, place, sides) an event follows where its sources disagree."""
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        event = store.pick_source(event_id, source_id)
    typer.echo(f"event {event.id} follows source {event.sources[0].id} ({event.sources[0].key}): {event.type.value}")


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
