"""Our exception types and the exit codes they map to."""

from __future__ import annotations

from enum import IntEnum
from pathlib import Path


class ExitCode(IntEnum):
    """Process exit codes of the `briefing` command."""

    OK = 0
    FAILURE = 1  # the tool could not do its job (rendering, archive, lock)
    BAD_INPUT = 2  # the user's input or options are wrong
    INTERRUPTED = 130


class BriefingError(Exception):
    """Base of every error the CLI turns into one line and an exit code."""

    exit_code: ExitCode = ExitCode.FAILURE
    kind: str = "Error"

    def __init__(
        self,
        message: str,
        *,
        file: str | Path | None = None,
        line: int | None = None,
        column: int | None = None,
        field: str | None = None,
        hint: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.file = str(file) if file is not None else None
        self.line = line
        self.column = column
        self.field = field
        self.hint = hint

    def where(self) -> str:
        """Return `file:line:col` (as much of it as is known)."""
        parts = [p for p in (self.file, self.line, self.column) if p is not None]
        return ":".join(str(p) for p in parts)

    def __str__(self) -> str:
        text = f"{self.kind}: "
        if where := self.where():
            text += f"{where}: "
        if self.field:
            text += f"{self.field}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class InputError(BriefingError):
    """An input file is missing, unreadable, too large or not valid."""

    exit_code = ExitCode.BAD_INPUT
    kind = "Bad input"


class SummaryError(InputError):
    """A summary does not follow the summary format."""

    kind = "Invalid summary"


class ConfigError(InputError):
    """The configuration file or a command-line option is wrong."""

    kind = "Bad configuration"


class OutputExistsError(BriefingError):
    """An output file exists and `--force` was not given."""

    exit_code = ExitCode.BAD_INPUT
    kind = "Output exists"


class OutputError(BriefingError):
    """An output file cannot be written (full disk, read-only folder)."""

    kind = "Cannot write"


class RenderError(BriefingError):
    """A note could not be rendered (template or font problem)."""

    kind = "Render error"


class ArchiveError(BriefingError):
    """The archive cannot be opened, or holds a record that cannot be read."""

    kind = "Archive error"


class MissingExtraError(BriefingError):
    """An optional part of briefing (a pip extra) is needed but not installed."""

    kind = "Not installed"


class LockError(BriefingError):
    """Another run holds the lock on the same output."""

    kind = "Busy"


class ReviewError(BriefingError):
    """A summary is not reviewed, or has open review items, where a checked one is required."""

    exit_code = ExitCode.BAD_INPUT
    kind = "Not reviewed"


class ConflictError(InputError):
    """A file changed on disk since it was opened for editing."""

    kind = "Conflict"
