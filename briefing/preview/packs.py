"""A folder previewed as one briefing pack (when this installation has the pack feature)."""

from __future__ import annotations

import importlib.util
from collections.abc import Sequence

from ..render.options import RenderOptions
from .site import Entry

PACK_URL = "/pack"
PACK_DOWNLOAD_URL = "/pack/download"


def pack_available() -> bool:
    """Tell whether this installation can assemble packs."""
    return importlib.util.find_spec("briefing.render.collection") is not None


def left_out(entries: Sequence[Entry]) -> list[str]:
    """Return a line for every entry the pack leaves out because it does not load."""
    return [f"left out of the pack: {entry.error}" for entry in entries if entry.loaded is None and entry.error]


def render_pack(entries: Sequence[Entry], options: RenderOptions, fmt: str) -> bytes:
    """Render the entries that load as one pack, in one format (PDF laid out in this process)."""
    from ..assemble import assemble_pack
    from ..errors import InputError
    from ..render.collection import pack_view, render_pack_html, render_pack_pdf

    summaries = [entry.loaded.summary for entry in entries if entry.loaded is not None]
    if not summaries:
        raise InputError("no summary or release in the folder loads, so there is no pack to show")
    view = pack_view(assemble_pack(summaries), options)
    if fmt == "html":
        return render_pack_html(view, options).encode("utf-8")
    if fmt == "pdf":
        return render_pack_pdf(view, options)
    from ..render.docx_collection import render_pack_docx

    return render_pack_docx(view, options)
