"""Release text to a format-1 summary, rule-based, with a bilingual term base."""

from __future__ import annotations

from .core import Extraction, extract_summary
from .yamlout import dump_yaml

__all__ = ["Extraction", "dump_yaml", "extract_summary"]
