"""Render a note, a pack or a digest in one format: the one place that picks the renderer for a format."""

from __future__ import annotations

import importlib
from typing import Any, Literal

from ..base.errors import ConfigError
from .options import FORMATS, RenderOptions

Kind = Literal["note", "pack", "digest"]

# kind -> format -> (module, function); modules are imported only when used (WeasyPrint is slow to load).
RENDERERS: dict[str, dict[str, tuple[str, str]]] = {
    "note": {"html": ("html", "render_html"), "pdf": ("pdf", "render_pdf"), "docx": ("docx", "render_docx")},
    "pack": {"html": ("collection", "render_pack_html"), "pdf": ("collection", "render_pack_pdf"),
             "docx": ("docx_collection", "render_pack_docx")},
    "digest": {"html": ("collection", "render_digest_html"), "pdf": ("collection", "render_digest_pdf"),
               "docx": ("docx_collection", "render_digest_docx")},
}
# The kinds whose PDF engine may be chosen (--engine, the config's `engine`); a note is always laid out by WeasyPrint.
COLLECTIONS = ("pack", "digest")
# (kind, engine) -> (module, function): the PDF renderers of engines other than WeasyPrint.
PDF_ENGINE_RENDERERS: dict[tuple[str, str], tuple[str, str]] = {
    ("pack", "typst"): ("typst_pdf", "render_pack_typst"), ("digest", "typst"): ("typst_pdf", "render_digest_typst")}


def render_as(kind: Kind, view: Any, options: RenderOptions, fmt: str, **pdf_options: Any) -> bytes:
    """Render a prepared view (NoteView or CollectionView) in `fmt`; `pdf_options` go to the PDF renderer only."""
    if fmt not in FORMATS:
        raise ConfigError(f"unknown format {fmt!r}", field="--format", hint=f"allowed: {', '.join(FORMATS)}")
    module, name = RENDERERS[kind][fmt]
    if fmt == "pdf" and kind in COLLECTIONS and options.pdf_engine != "weasyprint":
        module, name = PDF_ENGINE_RENDERERS[(kind, options.pdf_engine)]
    render = getattr(importlib.import_module(f"{__package__}.{module}"), name)
    out = render(view, options, **(pdf_options if fmt == "pdf" else {}))
    return out.encode("utf-8") if isinstance(out, str) else out
