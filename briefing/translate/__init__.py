"""Fill pending translations (diplomatic formulae, a translation memory) and hand the rest to a CAT tool."""

from __future__ import annotations

from .fill import fill_translations
from .memory import Memory, build_memory
from .sides import TextSide, pending_sides, text_sides

__all__ = ["Memory", "TextSide", "build_memory", "fill_translations", "pending_sides", "text_sides"]
