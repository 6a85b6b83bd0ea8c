"""The `briefing` command line: parse, call one function, map errors to exit codes."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from typing import Annotated, Any

import typer
import typer.main
from typer.core import TyperArgument, TyperOption

from . import __version__
from .base.errors import BriefingError, ExitCode

# Commands appear in --help in this order; modules not listed come after, by name.
COMMAND_ORDER = ("note", "extract", "validate", "review", "schema", "preview", "pack", "digest", "archive", "followups",
                 "translate")

app = typer.Typer(
    name="briefing",
    help="Bilingual (Arabic/English) briefing notes from diplomatic press releases and summaries.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=True,  # --install-completion / --show-completion (bash, zsh, fish, PowerShell)
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        print(f"briefing {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show a traceback when something goes wrong (also after the command).")] = False,
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


# The value shown after an option in help, where its declaration gives none (default: its name in capitals).
METAVARS = {"output": "PATH", "formats": "FORMATS", "layout": "parallel|stacked", "lang": "LANGS", "template": "DIR",
            "pdf_variant": "VARIANT", "title": "TEXT", "title_ar": "TEXT", "since": "DATE", "until": "DATE",
            "today": "DATE", "on": "DATE", "by": "EVENT", "workers": "N", "wait": "SECONDS", "country": "XX",
            "participant": "NAME"}


class _PlainArgument(TyperArgument):
    """An argument shown as `INPUT...` in usage and help, without Typer's `{...}` and `<list[str]>`."""

    def display_type_rich(self, ctx: Any) -> str | None:
        return None

    def _rich_display_name(self) -> str:
        return self._plain_name()

    def _usage_display_name(self) -> str:
        name = self._plain_name()
        return name if self.required else f"[{name}]"

    def _plain_name(self) -> str:
        name = (self.metavar or self.name or "").rstrip(".").strip("[]").upper()
        return name + ("..." if self.nargs != 1 else "")


def _plain_help(command: Any) -> None:
    """Give every option a metavar and every argument a plain name, in all (sub-)commands."""
    for param in command.params:
        if isinstance(param, TyperArgument):
            param.__class__ = _PlainArgument
        elif isinstance(param, TyperOption) and not param.is_flag and param.metavar is None and param.name:
            param.metavar = METAVARS.get(param.name, param.name.upper())
    for sub in getattr(command, "commands", {}).values():
        _plain_help(sub)


def _split_debug(args: list[str]) -> tuple[bool, list[str]]:
    """Take `--debug` from anywhere before `--`, so it works after the sub-command too."""
    end = args.index("--") if "--" in args else len(args)
    kept = [a for a in args[:end] if a != "--debug"] + args[end:]
    return len(kept) != len(args), kept


def report(error: BriefingError) -> None:
    """Print one line for an error on stderr."""
    from .base.terminal import printable

    print(f"briefing: {printable(str(error))}", file=sys.stderr)


def main() -> None:
    """Run the CLI, turning our errors into one line and an exit code."""
    debug, args = _split_debug(sys.argv[1:])
    command = typer.main.get_command(app)
    _plain_help(command)
    try:
        command(args=args)
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
