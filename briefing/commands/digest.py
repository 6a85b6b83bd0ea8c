"""`briefing digest`: the week's (or a date range's) diplomatic activity, from the archive."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from ._options import ArchiveOption, ConfigOption, EngineOption, parse_date


def digest(
    week: Annotated[str | None, typer.Option("--week", help="ISO week (2026-W48) or `last` (the week before today's). Default: last.")] = None,
    since: Annotated[str | None, typer.Option("--since", help="First day of a range (YYYY-MM-DD), with --until, instead of --week.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Last day of a range (YYYY-MM-DD), with --since.")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="Folder to write digest-<week>.pdf|.docx|.html into (replaced if present).")] = Path("."),
    formats: Annotated[str, typer.Option("--format", "-f", help="Formats to write, comma-separated: pdf,docx,html.")] = "pdf,docx,html",
    layout: Annotated[str | None, typer.Option("--layout", help="parallel (Arabic right, English left) or stacked (one language after the other).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Languages and their order, e.g. ar,en or en,ar or en.")] = None,
    template: Annotated[Path | None, typer.Option("--template", help="Folder whose files override the shipped templates, one by one.")] = None,
    pdf_variant: Annotated[str | None, typer.Option("--pdf-variant", help="PDF variant for archives: pdf/a-3u, pdf/a-2u or pdf/ua-1.")] = None,
    engine: EngineOption = None,
    wait: Annotated[float, typer.Option("--wait", min=0, help="Seconds to wait for another digest writing into the same folder, then fail.")] = 60.0,
    today: Annotated[str | None, typer.Option("--today", hidden=True, help="Take this date (YYYY-MM-DD) as today, for --week last.")] = None,
    contacts: Annotated[int, typer.Option("--contacts", min=0, help="Earlier contacts listed per set of countries the events bring together (dated before the first day; 0: none).")] = 3,
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Write the digest of a week from the archive: counts, events in both languages, follow-ups opened, closed and open,
    and the earlier contacts between the countries the events bring together."""
    from ..base.io import write_outputs
    from ..base.lock import exclusive
    from ..base.parallel import map_ordered
    from ..read.config import load_config
    from ..write.notes import make_options, parse_formats
    from ._options import refuse_stdout
    from ._output import progress

    refuse_stdout(output, "digest")
    chosen = parse_formats(formats)
    start, end = choose_range(week, parse_date(since, "--since"), parse_date(until, "--until"), parse_date(today, "--today"))
    settings = load_config(config)
    options = make_options(settings, layout=layout, languages=lang, template=template, pdf_variant=pdf_variant, pdf_engine=engine)
    built = _assemble(archive, config, start, end, contacts)
    name = f"digest-{built.week}" if built.week else f"digest-{start.isoformat()}--{end.isoformat()}"
    with progress(len(chosen), "Rendering the digest") as advance:
        data = map_ordered(_render_task, [(built, options, fmt) for fmt in chosen], advance=advance)
    rendered = {output / f"{name}.{fmt}": blob for fmt, blob in zip(chosen, data)}
    output.mkdir(parents=True, exist_ok=True)
    with exclusive(output, wait=wait):  # the folder itself: two digests take turns, and no lock file is left in it
        write_outputs(rendered, force=True)
    for path in rendered:
        typer.echo(str(path))


def choose_range(week: str | None, since: dt.date | None, until: dt.date | None, today: dt.date | None) -> tuple[dt.date, dt.date]:
    """Return the first and last day: the ISO week asked for, the range given, or last week."""
    from ..assemble.collection import iso_week_range
    from ..base.errors import ConfigError

    if since is not None or until is not None:
        if week is not None:
            raise ConfigError("give --week or --since/--until, not both", field="--week")
        if since is None or until is None:
            raise ConfigError("a range needs both --since and --until", field="--since" if since is None else "--until")
        if until < since:
            raise ConfigError("--until is before --since", field="--until")
        return since, until
    return iso_week_range(week or "last", today or dt.date.today())


def render_digest(built, options, fmt: str) -> bytes:  # noqa: ANN001 - a Digest, RenderOptions
    """Render an assembled digest to one format, in memory."""
    from ..render.collection import digest_view
    from ..render.formats import render_as

    return render_as("digest", digest_view(built, options), options, fmt)


def _render_task(task: tuple) -> bytes:
    """Render one format (in a worker process: the formats are laid out side by side)."""
    return render_digest(*task)


def _assemble(archive, config, start: dt.date, end: dt.date, limit: int):  # noqa: ANN001, ANN202
    """Read the range's events and follow-ups as they stood at the end of `end`, and the `limit` last contacts
    before `start` between the countries of each event (closed again before rendering)."""
    from ..assemble.collection import PartyContacts, assemble_digest
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        events = store.events(since=start, until=end)
        opened, closed, still_open = store.followups_of_range(start, end)
        earlier = store.contacts_before(events, start, limit=limit) if limit else []
    return assemble_digest(events, (opened, closed), still_open, start=start, end=end,
                           contacts=[PartyContacts(countries, tuple(found)) for countries, found in earlier])


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(digest)
