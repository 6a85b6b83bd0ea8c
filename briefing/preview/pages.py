"""Assemble preview pages: the note with the toolbar put in, the error page, the folder index."""

from __future__ import annotations

import dataclasses
import html
import importlib.util
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from ..base.errors import BriefingError
from ..render.fonts import default_fonts
from ..render.options import LAYOUTS, RenderOptions
from .choices import LANGUAGE_LABELS, Choice
from .entries import Entry

TOOLBAR_TEMPLATE = "preview.html.j2"
ERROR_TEMPLATE = "preview-error.html.j2"
EDITOR_TEMPLATE = "preview-editor.html.j2"
EVENTS_URL = "/events"
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Chrome:
    """What the toolbar around a page shows and links to."""

    title: str
    version: str
    nonce: str
    path: str = "/"
    choice: Choice | None = None
    download_base: str | None = None
    index_url: str | None = None
    warnings: Sequence[str] = field(default=())
    downloads: bool = True
    edit_url: str | None = None


def note_url(name: str) -> str:
    """Return the URL path of an entry's page."""
    return "/notes/" + quote(name, safe="")


def download_url(name: str) -> str:
    """Return the URL path of an entry's downloads."""
    return "/download/" + quote(name, safe="")


def docx_available() -> bool:
    """Tell whether this installation can write DOCX."""
    return importlib.util.find_spec("briefing.render.docx") is not None


def _downloads(chrome: Chrome) -> list[dict[str, str | None]]:
    if chrome.choice is None or chrome.download_base is None or not chrome.downloads:
        return []
    base = chrome.download_base
    items: list[dict[str, str | None]] = [{"format": "pdf", "label": "PDF", "url": base + chrome.choice.query(format="pdf"), "reason": None}]
    if docx_available():
        items.append({"format": "docx", "label": "DOCX", "url": base + chrome.choice.query(format="docx"), "reason": None})
    else:
        items.append({"format": "docx", "label": "DOCX", "url": None, "reason": "DOCX is not available in this installation"})
    return items


def _context(chrome: Chrome, part: str, options: RenderOptions | None, **extra: Any) -> dict[str, Any]:
    return {
        "part": part,
        "title": chrome.title,
        "version": chrome.version,
        "nonce": chrome.nonce,
        "events_url": EVENTS_URL,
        "action": chrome.path,
        "choice": chrome.choice,
        "layouts": LAYOUTS,
        "language_orders": LANGUAGE_LABELS,
        "downloads": _downloads(chrome),
        "index_url": chrome.index_url,
        "edit_url": chrome.edit_url,
        "warnings": list(chrome.warnings),
        "fonts": (options.fonts if options else default_fonts()),
        "font_css": "",
        **extra,
    }


def _render(template: str, context: dict[str, Any], options: RenderOptions | None) -> str:
    import jinja2

    from ..render.html import css_str
    from ..render.templates import make_environment, search_path, template_error

    env = make_environment(options.template_path() if options else search_path())
    env.filters["css_str"] = css_str
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateError as exc:
        raise template_error(exc) from None


def _full_page(template: str, context: dict[str, Any], options: RenderOptions | None) -> str:
    """Render a whole chrome page with the note's fonts inlined, subset to its text."""
    from ..render.html import font_face_css, inline_font_sources

    draft = _render(template, context, options)
    fonts = context["fonts"]
    return _render(template, {**context, "font_css": font_face_css(fonts, inline_font_sources(fonts, draft))}, options)


def assemble_note(note_html: str, chrome: Chrome, options: RenderOptions | None) -> str:
    """Put the toolbar and the reload script just inside the note's <body>, leaving the note as written."""
    try:
        bar = _render(TOOLBAR_TEMPLATE, _context(chrome, "toolbar", options), options)
    except BriefingError as error:
        return fallback_page(str(error), chrome)
    match = _BODY.search(note_html)
    at = match.end() if match else 0
    return note_html[:at] + bar + note_html[at:]


def assemble_error(message: str, chrome: Chrome, options: RenderOptions | None) -> str:
    """Return the page shown in place of a note that cannot be rendered."""
    try:
        chrome = dataclasses.replace(chrome, downloads=False)
        return _full_page(ERROR_TEMPLATE, _context(chrome, "error", options, message=message), options)
    except BriefingError as error:
        return fallback_page(f"{message}\n{error}", chrome)


def editor_page_html(context: dict[str, Any], nonce: str, options: RenderOptions) -> str:
    """Return the editor page, its own text set in the note's fonts (inlined, subset)."""
    from ..render.html import font_face_css, inline_font_sources

    base = {**context, "nonce": nonce, "fonts": options.fonts, "font_css": ""}
    draft = _render(EDITOR_TEMPLATE, {**base, "note_html": ""}, options)
    css = font_face_css(options.fonts, inline_font_sources(options.fonts, draft))
    return _render(EDITOR_TEMPLATE, {**base, "font_css": css}, options)


def assemble_index(entries: Sequence[Entry], chrome: Chrome, options: RenderOptions | None, *, pack_url: str | None = None) -> str:
    """Return the page listing a folder's summaries and releases (and a link to them as one pack)."""
    rows = [_index_row(entry) for entry in entries]
    try:
        return _full_page(TOOLBAR_TEMPLATE, _context(chrome, "index", options, entries=rows, pack_url=pack_url), options)
    except BriefingError as error:
        return fallback_page(str(error), chrome)


def _index_row(entry: Entry) -> dict[str, Any]:
    from ..read.summaries import is_summary_path

    summary = entry.loaded.summary if entry.loaded else None
    title = summary.event.title if summary and summary.event.title else None
    return {
        "name": entry.name,
        "url": note_url(entry.name),
        "kind": "summary" if is_summary_path(entry.path) else "release",
        "id": summary.note_id if summary else None,
        "title": title,
        "error": entry.error,
        "warnings": list(entry.loaded.warnings) if entry.loaded else [],
    }


def fallback_page(message: str, chrome: Chrome) -> str:
    """Return a bare page for when the preview's own templates fail (still reloading by itself)."""
    text = html.escape(message)
    return (
        '<!DOCTYPE html>\n<html lang="en" dir="ltr"><head><meta charset="utf-8"><title>Preview error</title></head>'
        f'<body><briefing-preview data-version="{html.escape(chrome.version)}" data-events="{EVENTS_URL}"></briefing-preview>'
        f"<pre>{text}</pre>"
        f'<script nonce="{html.escape(chrome.nonce)}">{Markup(RELOAD_SCRIPT)}</script></body></html>\n'
    )


RELOAD_SCRIPT = """(() => {
  const host = document.querySelector('briefing-preview');
  const events = new EventSource(host.dataset.events);
  addEventListener('beforeunload', () => events.close());
  events.addEventListener('version', (e) => { if (e.data !== host.dataset.version) { events.close(); location.reload(); } });
})();"""
