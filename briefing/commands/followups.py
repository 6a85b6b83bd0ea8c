"""`briefing followups [show|confirm|reject|close]`: the follow-ups kept in the archive, and a person's decisions."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ._options import ArchiveOption, ConfigOption, parse_date

followups_app = typer.Typer(
    help="List the follow-ups kept in the archive (proposed, accepted, scheduled, done); confirm, reject or close by hand.",
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@followups_app.callback()
def list_followups(
    ctx: typer.Context,
    open_only: Annotated[bool, typer.Option("--open", help="Only follow-ups still open (proposed, accepted, scheduled).")] = False,
    to_confirm: Annotated[bool, typer.Option("--to-confirm", help="Only open follow-ups that a later event may have fulfilled: a person should confirm.")] = False,
    country: Annotated[str | None, typer.Option("--country", metavar="XX", help="Only follow-ups concerning this country (ISO code, e.g. TJ).")] = None,
    since: Annotated[str | None, typer.Option("--since", metavar="DATE", help="Only follow-ups opened or closed on or after this date (YYYY-MM-DD).")] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", metavar="DATE", help="As they stood at the end of this day (YYYY-MM-DD): later reports, closures and events left out.")] = None,
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """List follow-ups; those an event may have fulfilled say `to confirm` with that event."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"archive": archive, "config": config}
        return
    from ._options import open_from_options
    from ._output import either, print_table

    start, day = parse_date(since, "--since"), parse_date(as_of, "--as-of")
    with open_from_options(archive, config, create=False) as store:
        found = store.followups(open_only=open_only, country=country, since=start, as_of=day)
    if to_confirm:
        found = [f for f in found if f.to_confirm]
    rows = [(str(f.id), _state(f), f.kind.value, either(f.who_name, f.who or "") + (f" ({f.who_country})" if f.who_country else ""),
             f.target_country or "", either(f.what), f.opened_on.isoformat() if f.opened_on else "undated",
             _due(f), _link(f)) for f in found]
    print_table(("ID", "STATUS", "KIND", "WHO", "TARGET", "WHAT", "OPENED", "DUE", "EVENT"), rows)


def _state(record) -> str:  # noqa: ANN001 - a FollowUpRecord
    if record.to_confirm:
        return f"{record.status.value}, to confirm"
    return record.status.value + (" (by hand)" if record.manual else "")


def _due(record) -> str:  # noqa: ANN001
    if record.due_date:
        return record.due_date.isoformat()
    if record.due_text:
        return record.due_text.en or record.due_text.ar or ""
    return ""


def _link(record) -> str:  # noqa: ANN001
    if record.closed_by is not None:
        return f"closed by event {record.closed_by}" + (f" on {record.closed_on}" if record.closed_on else "")
    if not record.is_open and record.closed_on:
        return f"closed on {record.closed_on}"
    if record.confirm_event is not None:
        return f"event {record.confirm_event}? {record.confirm_reason or ''}".strip()
    return f"from event {record.event_id}"


@followups_app.command("close")
def close(
    ctx: typer.Context,
    followup_id: Annotated[int, typer.Argument(help="Follow-up id (see `briefing followups`).", metavar="ID")],
    by: Annotated[int | None, typer.Option("--by", help="Event id that fulfilled it (see `briefing archive list`).", metavar="EVENT")] = None,
    on: Annotated[str | None, typer.Option("--on", metavar="DATE", help="Date it was closed (default: the event's date with --by, else today).")] = None,
    declined: Annotated[bool, typer.Option("--declined", help="Close it as declined rather than done.")] = False,
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Close a follow-up by hand as done (or declined), linked to the event that fulfilled it."""
    from ._options import open_from_options

    parent = ctx.obj or {}
    when = parse_date(on, "--on")  # checked before the archive is opened
    if when is None and by is None:
        when = dt.date.today()
    with open_from_options(archive or parent.get("archive"), config or parent.get("config"), create=False) as store:
        record = store.close_followup(followup_id, by=by, on=when, status="declined" if declined else "done")
    linked = f" by event {record.closed_by}" if record.closed_by is not None else ""
    typer.echo(f"follow-up {record.id} {record.status.value}{linked} on {record.closed_on or 'an unknown date'}")


@followups_app.command("show")
def show(
    ctx: typer.Context,
    followup_id: Annotated[int, typer.Argument(help="Follow-up id (see `briefing followups`).", metavar="ID")],
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Show a follow-up, its reports and its candidate events, best first (see docs/followups.md)."""
    from ._options import open_from_options
    from ._output import either, print_table

    parent = ctx.obj or {}
    with open_from_options(archive or parent.get("archive"), config or parent.get("config"), create=False) as store:
        record = _one(store, followup_id)
    typer.echo(f"follow-up {record.id}: {record.kind.value} · {_state(record)} · {either(record.what)}")
    typer.echo(f"opened {record.opened_on or 'undated'} by event {record.event_id}; {_link(record)}")
    for day, status in record.reports:
        typer.echo(f"reported {status.value} on {day or 'an unknown date'}")
    rows = [(str(n), str(c.event_id), c.date.isoformat(), str(c.score), c.reason) for n, c in enumerate(record.candidates, 1)]
    print_table(("RANK", "EVENT", "DATE", "SCORE", "WHY"), rows, title="Candidates")


@followups_app.command("confirm")
def confirm(
    ctx: typer.Context,
    followup_id: Annotated[int, typer.Argument(help="Follow-up id (see `briefing followups`).", metavar="ID")],
    by: Annotated[int, typer.Option("--by", help="Event id that fulfilled it (see `briefing followups show ID`).", metavar="EVENT")],
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Confirm that an event fulfilled a follow-up: it is done, on that event's date."""
    from ._options import open_from_options

    parent = ctx.obj or {}
    with open_from_options(archive or parent.get("archive"), config or parent.get("config"), create=False) as store:
        record = store.confirm_followup(followup_id, by)
    typer.echo(f"follow-up {record.id} done by event {record.closed_by} on {record.closed_on or 'an unknown date'} (confirmed)")


@followups_app.command("reject")
def reject(
    ctx: typer.Context,
    followup_id: Annotated[int, typer.Argument(help="Follow-up id (see `briefing followups`).", metavar="ID")],
    event_id: Annotated[int, typer.Argument(help="The candidate event that did not fulfil it.", metavar="EVENT")],
    archive: ArchiveOption = None,
    config: ConfigOption = None,
) -> None:
    """Reject a candidate event: it is never proposed for this follow-up again; the next one is."""
    from ._options import open_from_options

    parent = ctx.obj or {}
    with open_from_options(archive or parent.get("archive"), config or parent.get("config"), create=False) as store:
        record = store.reject_candidate(followup_id, event_id)
    nxt = f"; next candidate: event {record.confirm_event}" if record.confirm_event is not None else "; no other candidate"
    typer.echo(f"follow-up {record.id}: event {event_id} rejected, {record.status.value}{nxt}")


def _one(store, followup_id: int):  # noqa: ANN001, ANN202 - an Archive; a FollowUpRecord
    from ..base.errors import InputError

    found = [f for f in store.followups() if f.id == followup_id]
    if not found:
        raise InputError(f"no follow-up {followup_id} in the archive", hint="see `briefing followups`")
    return found[0]


def register(app: typer.Typer) -> None:
    """Add the `followups` command group to the app."""
    app.add_typer(followups_app, name="followups")
