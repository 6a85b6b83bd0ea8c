"""Compare text with a golden file; BRIEFING_UPDATE_GOLDEN=1 rewrites it instead."""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "render" / "golden"


def check_golden(name: str, text: str) -> None:
    """Assert `text` equals golden/`name` (or refresh it when asked explicitly)."""
    path = GOLDEN / name
    if os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.is_file(), f"missing golden file {path}; run with BRIEFING_UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert text == expected, f"{name} differs from its golden file (BRIEFING_UPDATE_GOLDEN=1 refreshes it after a deliberate change)"
