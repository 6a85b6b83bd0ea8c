"""The archive's error type (defined with the others in briefing/base/errors.py)."""

from __future__ import annotations

from ..base.errors import ArchiveError

__all__ = ["ArchiveError"]
