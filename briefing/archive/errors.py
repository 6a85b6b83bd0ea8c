"""The archive's error type (to move into briefing/errors.py)."""

from __future__ import annotations

from ..errors import BriefingError, ExitCode


class ArchiveError(BriefingError):
    """The archive cannot be opened, or holds a record that cannot be read."""

    exit_code = ExitCode.FAILURE
    kind = "Archive error"
