#!/usr/bin/env python3
"""Pick the extraction development and held-out sets from ../shared, reproducibly.

English readouts (public domain / CC0 / CC BY 4.0) are copied into tests/extract/corpus/en/dev|heldout/;
SaudiNewsNet items (CC BY-NC-SA 4.0) are only named, in tests/extract/corpus/ar/candidates.tsv, in a
random order the annotators follow: their texts stay in ../shared and are rebuilt from it when scored.

Usage: scripts/devset.py [SHARED]   (run once; the annotators then write NAME.gold.yaml files)
       scripts/devset.py --more-en N SEED [SHARED]
           add N more English dev readouts per publisher, drawn at random (seed SEED) from the
           readouts not yet in en/index.tsv; their rows are appended to en/index.tsv
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "extract" / "corpus"
PUBLISHERS = {
    "whitehouse": ("us_whitehouse_readouts_en.jsonl", "The White House"),
    "state": ("us_state_dept_readouts_en.jsonl", "U.S. Department of State"),
    "kremlin": ("kremlin_readouts_en.jsonl", "President of Russia (en.kremlin.ru)"),
}
DEV_EN, HELDOUT_EN = 15, 3
DEV_AR, HELDOUT_AR = 26, 6
_URL_DATE = re.compile(r"(?<!\d)(20\d\d)([/-]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def pick_english(shared: Path) -> None:
    out = CORPUS / "en"
    out.mkdir(parents=True, exist_ok=True)
    rows = ["id\tpublisher\tsplit\tpublished\turl\tlicence"]
    for publisher, (name, _credit) in PUBLISHERS.items():
        items = [json.loads(line) for line in (shared / "corpus" / "readouts-en" / name).open(encoding="utf-8")]
        chosen = random.Random(f"briefing-{publisher}").sample(items, DEV_EN + HELDOUT_EN)
        for i, item in enumerate(chosen):
            split = "dev" if i < DEV_EN else "heldout"
            (out / split).mkdir(exist_ok=True)
            (out / split / f"{item['id']}.txt").write_text(f"{item['title']}\n\n{item['content']}\n", encoding="utf-8")
            rows.append("\t".join([item["id"], publisher, split, item["date"], item["url"], item["licence"]]))
    (out / "index.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def more_english(shared: Path, per_publisher: int, seed: str) -> list[str]:
    """Add `per_publisher` readouts of each publisher to en/dev/, at random among those not yet picked."""
    out = CORPUS / "en"
    index = out / "index.tsv"
    lines = index.read_text(encoding="utf-8").splitlines()
    taken = {line.split("\t")[0] for line in lines[1:]}
    added = []
    for publisher, (name, _credit) in PUBLISHERS.items():
        items = [json.loads(line) for line in (shared / "corpus" / "readouts-en" / name).open(encoding="utf-8")]
        items = sorted((item for item in items if item["id"] not in taken), key=lambda item: item["id"])
        for item in random.Random(f"{seed}-{publisher}").sample(items, per_publisher):
            (out / "dev" / f"{item['id']}.txt").write_text(f"{item['title']}\n\n{item['content']}\n", encoding="utf-8")
            lines.append("\t".join([item["id"], publisher, "dev", item["date"], item["url"], item["licence"]]))
            added.append(item["id"])
    index.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return added


def published_from_url(url: str) -> str:
    """The publication date an article's URL carries (e.g. /2015/07/22/ or Issues/20150723), else ''."""
    match = _URL_DATE.search(url)
    return f"{match[1]}-{match[3]}-{match[4]}" if match else ""


def pick_arabic(shared: Path) -> None:
    out = CORPUS / "ar"
    out.mkdir(parents=True, exist_ok=True)
    taken = {p.name.split(".")[0] for p in (shared / "corpus" / "dev").glob("*.gold.yaml")}
    items = [json.loads(line) for line in (shared / "corpus" / "saudinewsnet" / "candidates.jsonl").open(encoding="utf-8")]
    items = [item for item in items if item["id"] not in taken]
    order = random.Random("briefing-saudinewsnet").sample(items, 90)
    rows = ["id\tpublisher\torder\tpublished\turl"]
    for i, item in enumerate(order):
        rows.append("\t".join([item["id"], item["source"], str(i), published_from_url(item["url"]), item["url"]]))
    (out / "candidates.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def main(argv: list[str]) -> int:
    if argv[:1] == ["--more-en"]:
        shared = Path(argv[3]) if len(argv) > 3 else ROOT.parent / "shared"
        for rid in more_english(shared, int(argv[1]), argv[2]):
            print(rid)
        return 0
    shared = Path(argv[0]) if argv else ROOT.parent / "shared"
    pick_english(shared)
    pick_arabic(shared)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
