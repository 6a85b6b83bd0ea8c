"""`briefing pack`: one document with a cover, contents, a note per event and annexes."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ._options import ArchiveOption, ConfigOption, DateOption, EngineOption, TermsOption, parse_date, refuse_stdout

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".html": "html", ".htm": "html"}


def pack(
    inputs: Annotated[list[str] | None, typer.Argument(metavar="[INPUT]...", help="Summaries (.yaml, .yml, .json) or releases (.txt, .html, .docx); none with --from-archive.")] = None,
    output: Annotated[Path, typer.Option("-o", "--output", help="The pack to write: its suffix (.pdf, .docx, .html) picks the format.")] = Path("pack.pdf"),
    title: Annotated[str | None, typer.Option("--title", help="Title on the cover, in Arabic or English (default: Briefing pack).")] = None,
    title_ar: Annotated[str | None, typer.Option("--title-ar", help="The title's Arabic side, when --title is the English one.")] = None,
    from_archive: Annotated[bool, typer.Option("--from-archive", help="Take the events from the archive (filtered by --since, --until, --country, --participant).")] = False,
    since: Annotated[str | None, typer.Option("--since", help="With --from-archive: events on or after this date (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option("--until", help="With --from-archive: events on or before this date (YYYY-MM-DD).")] = None,
    country: Annotated[str | None, typer.Option("--country", help="With --from-archive: events with a participant from this country (ISO code).")] = None,
    participant: Annotated[str | None, typer.Option("--participant", help="With --from-archive: events with a participant whose name or id contains this.")] = None,
    layout: Annotated[str | None, typer.Option("--layout", help="parallel (Arabic right, English left) or stacked (one language after the other).")] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="Languages and their order, e.g. ar,en or en,ar or en.")] = None,
    template: Annotated[Path | None, typer.Option("--template", help="Folder whose files override the shipped templates, one by one.")] = None,
    pdf_variant: Annotated[str | None, typer.Option("--pdf-variant", help="PDF variant for archives: pdf/a-3u, pdf/a-2u or pdf/ua-1.")] = None,
    engine: EngineOption = None,
    workers: Annotated[int | None, typer.Option("--workers", min=1, help="Processes reading the inputs (default: one per core).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite the output file if it exists.")] = False,
    date: DateOption = None,
    terms: TermsOption = None,
    archive: ArchiveOption = None,
    contacts: Annotated[int, typer.Option("--contacts", min=1, help="With --archive: how many earlier contacts each note lists.")] = 5,
    overview: Annotated[bool, typer.Option("--overview", help="Open the pack with a table of its events (date, type, parties, place, title) after the contents.")] = False,
    config: ConfigOption = None,
) -> None:
    """Write a briefing pack: cover, contents, one note per event in date order, participant index and open follow-ups.

    With --archive, each note lists the earlier contacts between its countries and the follow-ups open between them.
    """
    from ..assemble.collection import assemble_pack, attach_contacts
    from ..base.errors import ConfigError, InputError
    from ..base.io import check_writable, write_outputs
    from ..write.notes import make_options
    from ._options import release_settings
    from ._output import progress

    refuse_stdout(output, "pack")
    fmt = SUFFIXES.get(output.suffix.lower())
    if fmt is None:
        raise ConfigError(f"cannot tell the format from {output.name!r}", field="--output", hint="end the name in .pdf, .docx or .html")
    filters = {"--since": since, "--until": until, "--country": country, "--participant": participant}
    if from_archive and inputs:
        raise ConfigError("give input files or --from-archive, not both", field="--from-archive")
    if not from_archive and not inputs:
        raise ConfigError("nothing to put in the pack", hint="give summaries or releases, or --from-archive")
    if not from_archive and (used := [k for k, v in filters.items() if v is not None]):
        raise ConfigError(f"{', '.join(used)} only filter --from-archive", field=used[0])
    check_writable([output], force=force)
    settings, reference, term_files = release_settings(config, date, terms)
    options = make_options(settings, layout=layout, languages=lang, template=template, pdf_variant=pdf_variant, pdf_engine=engine)
    if from_archive:
        items, followups = _from_archive(archive, config, since, until, country, participant)
    else:
        items, followups = _from_files(inputs or [], term_files, reference, workers), None
        if archive:
            followups = _as_archived(archive, config, items)
    built = assemble_pack(items, title=_title(title, title_ar), followups=followups)
    if built.is_empty:
        raise InputError("no event matches", hint="widen the filters; see `briefing archive list`")
    if archive:
        built = attach_contacts(built, _contacts(archive, config, built, contacts))
    with progress(len(built.events) + 2 if fmt == "pdf" else 0, "Laying out the pack") as advance:
        data = render_pack(built, options, fmt, advance=advance, overview=overview)
    write_outputs({output: data}, force=force)
    typer.echo(str(output))


def render_pack(built, options, fmt: str, *, advance=None, overview: bool = False) -> bytes:  # noqa: ANN001
    """Render an assembled pack to one format, in memory (the PDF reports its pages to `advance`)."""
    from ..render.collection import pack_view
    from ..render.formats import render_as

    return render_as("pack", pack_view(built, options, overview=overview), options, fmt, advance=advance)


def _title(title: str | None, title_ar: str | None):  # noqa: ANN202 - a str, Text or None
    """Return the cover title: one language as given, or both sides with --title-ar."""
    if title_ar is None:
        return title
    from ..summary.model import Text

    return Text(ar=title_ar, en=title)


def _from_files(names: list[str], terms, date, workers: int | None) -> list:  # noqa: ANN001
    """Load every input over the cores (a bad one stops the pack: a pack is all or nothing)."""
    from ..assemble.loading import reading_workers
    from ..base.parallel import map_ordered
    from ._output import progress, warn

    with progress(len(names), "Reading") as advance:
        loaded = map_ordered(_load, [(name, tuple(terms), date) for name in names], workers=reading_workers(names, workers),
                             advance=advance)
    for item in loaded:
        for warning in item.warnings:
            warn(item.name, warning)
    return [item.summary for item in loaded]


def _load(task: tuple):  # noqa: ANN202 - a LoadedInput
    """Load one input (run in a worker process)."""
    from ..assemble.loading import load_input

    name, terms, date = task
    return load_input(name, terms=terms, date=date)


def _from_archive(archive, config, since, until, country, participant):  # noqa: ANN001, ANN202
    """Return the matching events and the follow-ups they reported still open (at the end of --until when given)."""
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        end = parse_date(until, "--until")
        events = store.events(since=parse_date(since, "--since"), until=end, country=country, participant=participant)
        ids = {e.id for e in events}
        followups = [f for f in store.followups(open_only=True, as_of=end) if f.event_id in ids]
    return events, followups


def _as_archived(archive, config, summaries):  # noqa: ANN001, ANN202
    """Return the follow-ups of summaries as the archive knows them today; the pack's own reading
    for summaries the archive does not hold."""
    from ..assemble.collection import pack_followups
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        known, unknown = store.followups_reported_by(summaries)
    return known + pack_followups(unknown)


def _contacts(archive, config, built, limit: int) -> list:  # noqa: ANN001
    """Read each note's earlier contacts and the follow-ups open between its countries, as of its date."""
    from ..assemble.collection import Contacts
    from ._options import open_from_options

    with open_from_options(archive, config, create=False) as store:
        found = [store.earlier_contacts(e.summary, limit=limit) for e in built.events]
    return [Contacts(tuple(earlier), tuple(between)) for earlier, between in found]


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(pack)
