"""A folder previewed as one briefing pack (when this installation has the pack feature)."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence

from ..render.options import RenderOptions
from ..summary.model import Summary
from .entries import Entry

PACK_URL = "/pack"
PACK_DOWNLOAD_URL = "/pack/download"


def pack_available() -> bool:
    """Tell whether this installation can assemble packs."""
    return importlib.util.find_spec("briefing.render.collection") is not None


def left_out(entries: Sequence[Entry]) -> list[str]:
    """Return a line for every entry the pack leaves out because it does not load."""
    return [f"left out of the pack: {entry.error}" for entry in entries if entry.loaded is None and entry.error]


def pack_summaries(entries: Sequence[Entry]) -> list[Summary]:
    """Return the summaries of the entries that load (raise InputError when none does)."""
    from ..base.errors import InputError

    summaries = [entry.loaded.summary for entry in entries if entry.loaded is not None]
    if not summaries:
        raise InputError("no summary or release in the folder loads, so there is no pack to show")
    return summaries


def render_pack(entries: Sequence[Entry], options: RenderOptions, fmt: str) -> bytes:
    """Render the entries that load as one pack, in one format (in this process: the page, not the downloads)."""
    return render_summaries_pack(pack_summaries(entries), options, fmt)


def render_summaries_pack(summaries: Sequence[Summary], options: RenderOptions, fmt: str) -> bytes:
    """Render summaries as one pack, in one format."""
    from ..assemble.collection import assemble_pack
    from ..render.collection import pack_view
    from ..render.formats import render_as

    view = pack_view(assemble_pack(list(summaries)), options)
    return render_as("pack", view, options, fmt)
