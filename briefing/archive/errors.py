"""The archive's error type (defined with the others in briefing/errors.py)."""

from __future__ import annotations

from ..errors import ArchiveError

__all__ = ["ArchiveError"]
