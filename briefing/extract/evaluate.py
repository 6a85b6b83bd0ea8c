"""Score extraction on ../shared/corpus/dev and the seed: `python -m briefing.extract.evaluate [SHARED]`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _shared(argv: list[str]) -> Path:
    if argv:
        return Path(argv[0])
    return Path(__file__).resolve().parents[3] / "shared"


def extract_folder(releases: list[Path], out: Path) -> list[str]:
    """Extract each release into out/<name>.yaml; return one line per failure."""
    from ..errors import BriefingError
    from ..sources import read_release
    from . import dump_yaml, extract_summary

    failures = []
    for path in releases:
        try:
            extraction = extract_summary(read_release(path))
        except BriefingError as error:
            failures.append(str(error))
            continue
        (out / f"{path.stem}.yaml").write_text(dump_yaml(extraction), encoding="utf-8")
    return failures


def main(argv: list[str] | None = None) -> int:
    """Extract the dev set and the seed into a temporary folder and print the scorer's table."""
    argv = sys.argv[1:] if argv is None else argv
    verbose = "--verbose" in argv
    shared = _shared([a for a in argv if not a.startswith("--")])
    scorer = shared / "tools" / "score_extraction.py"
    if not scorer.exists():
        print(f"evaluate: no scorer at {scorer}", file=sys.stderr)
        return 2
    status = 0
    with tempfile.TemporaryDirectory() as tmp:
        for label, folder in (("dev", shared / "corpus" / "dev"), ("seed", shared / "corpus" / "seed")):
            gold, pred = Path(tmp, label, "gold"), Path(tmp, label, "pred")
            gold.mkdir(parents=True)
            pred.mkdir(parents=True)
            releases = sorted(folder.glob("*.txt"))
            for path in folder.glob("*.gold.yaml"):
                shutil.copy(path, gold / path.name)
            if (folder / "summary.yaml").exists() and len(releases) == 1:
                shutil.copy(folder / "summary.yaml", gold / f"{releases[0].stem}.gold.yaml")
            for line in extract_folder(releases, pred):
                print(f"failed: {line}", file=sys.stderr)
                status = 1
            print(f"== {label} ({len(releases)} releases)", flush=True)
            args = [sys.executable, str(scorer), str(gold), str(pred)] + (["--verbose"] if verbose else [])
            status |= subprocess.run(args, check=False).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
