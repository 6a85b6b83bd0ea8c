"""The `briefing` command line: parse, call one function, map errors to exit codes."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Annotated, Optional

import typer

from . import __version__
from .errors import BriefingError, ExitCode

# Commands appear in --help in this order; modules not listed come after, by name.
COMMAND_ORDER = ("note", "extract", "validate", "review", "schema", "preview", "pack", "digest", "archive", "followups",
                 "translate")

app = typer.Typer(
    name="briefing",
    help="Bilingual (Arabic/English) briefing notes from diplomatic press releases and summaries.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        Optional[bool],
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")] = False,
) -> None:
    """Bilingual (Arabic/English) briefing notes from diplomatic press releases and summaries."""


def _register_commands() -> None:
    """Import every module of `briefing.commands` and let it add its commands."""
    from . import commands

    names = [m.name for m in pkgutil.iter_modules(commands.__path__) if not m.name.startswith("_")]
    rank = {name: i for i, name in enumerate(COMMAND_ORDER)}
    for name in sorted(names, key=lambda n: (rank.get(n, len(rank)), n)):
        importlib.import_module(f"{commands.__name__}.{name}").register(app)


_register_commands()


def report(error: BriefingError) -> None:
    """Print one line for an error on stderr."""
    from .terminal import printable

    print(f"briefing: {printable(str(error))}", file=sys.stderr)


def main() -> None:
    """Run the CLI, turning our errors into one line and an exit code."""
    debug = "--debug" in sys.argv[1:]
    try:
        app()
    except BriefingError as error:
        if debug:
            raise
        report(error)
        sys.exit(int(error.exit_code))
    except KeyboardInterrupt:
        print("briefing: interrupted", file=sys.stderr)
        sys.exit(int(ExitCode.INTERRUPTED))


if __name__ == "__main__":
    main()
