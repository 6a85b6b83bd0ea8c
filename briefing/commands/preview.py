"""`briefing preview`: serve a note as a web page that re-renders and reloads itself while you edit."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Annotated

import typer

from ._options import ConfigOption, DateOption, TermsOption, TmOption


def preview(
    target: Annotated[Path, typer.Argument(metavar="INPUT", help="A summary (.yaml, .yml, .json), a release (.txt, .html, .docx), or a folder of them (also shown as one pack).")],
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on (0: any free port).")] = 8000,
    host: Annotated[str, typer.Option("--host", help="Address to listen on; the default lets only this machine connect.")] = "127.0.0.1",
    allow_host: Annotated[list[str] | None, typer.Option("--allow-host", help="Another name this machine is reached by (Host header), e.g. with --host 0.0.0.0; may be given more than once.")] = None,
    open_browser: Annotated[bool, typer.Option("--open", help="Open the page in the default web browser.")] = False,
    template: Annotated[Path | None, typer.Option("--template", help="Folder whose files override the shipped templates, one by one.")] = None,
    date: DateOption = None,
    terms: TermsOption = None,
    tm: TmOption = None,
    config: ConfigOption = None,
) -> None:
    """Serve the note at http://127.0.0.1:8000/; it re-renders and reloads when its files change."""
    from ..preview import Preview, Site
    from ._options import parse_date
    from ._output import warn

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    site = Site(target, config=config, template=template, log=log, date=parse_date(date, "--date"), terms=tuple(terms or ()),
                tm=tuple(tm or ()))
    site.start()
    running = Preview(site, host=host, port=port, log=log, allow_hosts=tuple(allow_host or ()))
    signal.signal(signal.SIGTERM, _interrupt)  # stopped by a service manager: end the download worker too
    try:
        running.watch()
        print(f"Previewing {target} at {running.url} (Ctrl-C to stop)", flush=True)
        if not running.server.loopback:
            warn(f"listening on {host}", "other machines can read these notes"
                 f" (requests must name {', '.join(sorted(running.server.allowed_hosts))}; add names with --allow-host)")
        if open_browser:
            import webbrowser

            webbrowser.open(running.url)
        running.serve_forever()
    except KeyboardInterrupt:
        log("briefing: preview stopped")
    finally:
        running.stop()


def _interrupt(signum: int, frame: object) -> None:
    """Stop the preview on SIGTERM as on Ctrl-C."""
    raise KeyboardInterrupt


def register(app: typer.Typer) -> None:
    """Add the command to the app."""
    app.command()(preview)
