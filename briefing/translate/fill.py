"""Fill pending sides of a summary by formula or from the TM, recording each fill under `origin` and `review`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..summary.model import Summary, parse_summary
from .formulae import Table, apply_formula, shipped_table
from .labels import label_follow_up
from .sides import FILLABLE, TextSide, pending_sides, set_side, speaker_of

TM_FILL_CUTOFF = 90.0  # a TM match fills a side only from this score on; lower ones are offered in the XLIFF
_POSITIONS_PENDING = "positions: clauses are in the release's language only; translation pending"


@dataclass(frozen=True)
class Fill:
    """One side to fill: the text, and where it came from (an `origin` entry)."""

    side: TextSide
    text: str
    origin: dict[str, Any]

    @property
    def how(self) -> str:
        """Return where the text came from, as a person reads it ("formula", "translation memory, 87%")."""
        return "formula" if self.origin["by"] == "formula" else memory_match(self.origin["score"])

    @property
    def review(self) -> str:
        """Return the line listed under `review` for this fill."""
        return f"{self.side.key}: filled by {self.how}; check the translation"


def memory_match(score: float) -> str:
    """Name a translation-memory match with its score, as a person reads it."""
    return f"translation memory, {score:g}%"


def plan_fills(summary: Summary, *, terms: Any = None, memory: Any = None, table: Table | None = None) -> list[Fill]:
    """Return the fills for the summary's pending sides: a formula first, else a close TM match."""
    table = table or shipped_table()
    fills = []
    for side in pending_sides(summary):
        if side.kind not in FILLABLE or side.source is None:
            continue
        found = apply_formula(side.source, side.source_lang, side.kind, _form(summary, side), terms, table)
        if found is not None:
            fills.append(Fill(side, found[0], {"by": "formula", "detail": f"formula: {found[1]}"}))
            continue
        if memory is not None and len(memory):
            best = memory.lookup(side.source, side.source_lang, limit=1, cutoff=TM_FILL_CUTOFF)
            if best:
                fills.append(Fill(side, best[0].text, {"by": "tm", "score": best[0].score,
                                                       "detail": f"tm: {best[0].segment.origin}"}))
                continue
        if side.kind == "follow_up" and side.field == "what":
            follow_up = summary.follow_ups[side.index]
            label = label_follow_up(summary, follow_up, side.lang, terms, table.labels)
            if label is not None:
                fills.append(Fill(side, label, {"by": "formula", "detail": f"label of the {follow_up.kind.value} "
                                                "from its kind, who and place (not a translation of the clause)"}))
    return fills


def _form(summary: Summary, side: TextSide) -> str:
    """Which form of a formula fits the speaker: both sides, a woman (by the source's pronoun), or one."""
    speaker = speaker_of(summary, side)
    if speaker == "both":
        return "both"
    source = f" {side.source or ''} ".lower()
    return "her" if side.source_lang == "en" and " her " in source else "one"


def apply_fills(data: Any, fills: list[Fill]) -> None:
    """Write the fills into summary data (plain or ruamel, in place): text, `origin` entry, `review` line."""
    for fill in fills:
        item = set_side(data, fill.side, fill.text)
        if item.get("origin") is None:
            item["origin"] = {}
        item["origin"][f"{fill.side.field}.{fill.side.lang}"] = dict(fill.origin)
    if not fills:
        return
    review = data.get("review")
    if review is None:
        data["review"] = review = []
    filled = {f.side.key for f in fills}
    for index in reversed(range(len(review))):
        line = str(review[index])
        if any(line.startswith(f"{key}:") for key in filled):
            del review[index]
    for fill in fills:
        review.append(fill.review)


def fill_translations(summary: Summary, *, terms: Any = None, memory: Any = None, table: Table | None = None) -> Summary:
    """Return the summary with pending sides filled by formula or TM, each marked in `origin` and `review`."""
    fills = plan_fills(summary, terms=terms, memory=memory, table=table)
    if not fills:
        return summary
    data = summary.model_dump(mode="json", exclude_none=True)
    apply_fills(data, fills)
    filled = parse_summary(data)
    if not any(s.kind == "position" for s in pending_sides(filled)) and _POSITIONS_PENDING in filled.review:
        filled = filled.model_copy(update={"review": [r for r in filled.review if r != _POSITIONS_PENDING]})
    return filled
