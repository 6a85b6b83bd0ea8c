"""Write briefing/terms/data/countries.tsv from CLDR (through Babel): run after upgrading Babel."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.terms._cldr import render_countries  # noqa: E402


def main() -> None:
    """Render the file and replace it atomically."""
    target = ROOT / "briefing" / "terms" / "data" / "countries.tsv"
    tmp = target.with_suffix(".tmp")
    tmp.write_text(render_countries(), encoding="utf-8")
    os.replace(tmp, target)
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
