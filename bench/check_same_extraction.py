"""Check that two versions of the package extract the same YAML (and warnings) from every corpus release.

Each version runs in its own process (PYTHONPATH=its tree) over: the SaudiNewsNet candidates with and
without their URL's date, ../shared/corpus/dev and seed, samples/release-ar.txt, the English readouts of
../shared/corpus/readouts-en with and without their date, and tests/extract/corpus/en.

Usage: python bench/check_same_extraction.py OLD_TREE [NEW_TREE]   (NEW_TREE: this checkout)
       e.g. git archive main briefing | tar -x -C /tmp/old && python bench/check_same_extraction.py /tmp/old
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BRIEFING_SHARED", ROOT.parent / "shared")) / "corpus"
_URL_DATE = re.compile(r"(?<!\d)(20\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def url_date(url: str) -> dt.date | None:
    """The publication date an article's URL carries, else None."""
    m = _URL_DATE.search(url or "")
    return dt.date(int(m[1]), int(m[3]), int(m[4])) if m else None


def items() -> Iterator[tuple[str, str, dt.date | None, str]]:
    """(key, text, date, name) of every release to extract."""
    rows = [json.loads(line) for line in (SHARED / "saudinewsnet" / "candidates.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip()]
    for r in rows:
        text = f"{r['title']}\n\n{r['content']}"
        yield f"snn-nodate/{r['id']}", text, None, r["id"]
        yield f"snn-date/{r['id']}", text, url_date(r["url"]), r["id"]
    by_id = {r["id"]: r for r in rows}
    for p in sorted((SHARED / "dev").glob("*.txt")):
        yield f"dev/{p.stem}", p.read_text(encoding="utf-8"), url_date(by_id.get(p.stem, {}).get("url", "")), p.stem
    for p in sorted((SHARED / "seed").glob("*.txt")):
        yield f"seed/{p.stem}", p.read_text(encoding="utf-8"), None, p.stem
    yield "samples/release-ar", (ROOT / "samples" / "release-ar.txt").read_text(encoding="utf-8"), None, "release-ar"
    for f in sorted((SHARED / "readouts-en").glob("*.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                text = f"{r['title']}\n\n{r['content']}"
                yield f"en/{r['id']}", text, dt.date.fromisoformat(r["date"]), r["id"]
                yield f"en-nodate/{r['id']}", text, None, r["id"]
    for p in sorted((ROOT / "tests" / "extract" / "corpus" / "en").glob("*/*.txt")):
        yield f"en-corpus/{p.parent.name}/{p.stem}", p.read_text(encoding="utf-8"), None, p.stem


def dump(out: Path) -> None:
    """Extract every release with the `briefing` on sys.path; write {key: yaml, warnings, sentences} as JSON."""
    from briefing.extract import dump_yaml, extract_summary
    from briefing.read.sources import release_from_bytes

    found: dict[str, dict] = {}
    for key, text, date, name in items():
        release = release_from_bytes(text.encode("utf-8"), name=name, file=f"{name}.txt", suffix=".txt")
        try:
            extraction = extract_summary(release, date=date)
            found[key] = {"yaml": dump_yaml(extraction), "warnings": extraction.warnings, "sentences": extraction.sentences}
        except Exception as error:  # noqa: BLE001 - a failure is an output to compare too
            found[key] = {"error": f"{type(error).__name__}: {error}"}
    out.write_text(json.dumps(found, ensure_ascii=False, sort_keys=True), encoding="utf-8")


def main(argv: list[str]) -> int:
    """Dump both versions and print how many extractions differ (exit 1 when any does)."""
    if argv[:1] == ["--dump"]:
        dump(Path(argv[1]))
        return 0
    if not argv:
        print(__doc__)
        return 2
    trees = [Path(argv[0]).resolve(), Path(argv[1]).resolve() if len(argv) > 1 else ROOT]
    with tempfile.TemporaryDirectory() as tmp:
        outs = []
        for n, tree in enumerate(trees):
            out = Path(tmp, f"{n}.json")
            subprocess.run([sys.executable, __file__, "--dump", str(out)], check=True,
                           env={**os.environ, "PYTHONPATH": str(tree), "BRIEFING_SHARED": str(SHARED.parent)})
            outs.append(json.loads(out.read_text(encoding="utf-8")))
    old, new = outs
    differ = sorted(k for k in old.keys() | new.keys() if old.get(k) != new.get(k))
    print(f"compared {len(old)} extractions: {len(differ)} differ")
    for key in differ[:20]:
        print(f"  {key}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
