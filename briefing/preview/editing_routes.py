"""The editor's two routes: its page, and its render/save requests (only ever for the summary file shown)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

from ..base.errors import BriefingError, ConflictError
from ..read.summaries import is_summary_path
from .editor import apply_edits, editor_groups, parse_edits, release_sentences, review_lines, suggest_translations
from .site import Entry, Site

_SAVING = threading.Lock()  # one save at a time: the digest check and the write belong together


def edit_url(name: str) -> str:
    """Return the URL path of an entry's editor."""
    return "/edit/" + quote(name, safe="")


def editable(entry: Entry | None) -> bool:
    """Tell whether an entry is a summary file the editor may write (never a release)."""
    return entry is not None and is_summary_path(entry.path) and entry.path.is_file()


def editor_page(site: Site, name: str, nonce: str) -> tuple[HTTPStatus, str]:
    """Return the editor page of a summary entry: its fields, its release, the rendered note."""
    from ..terms import load_terms
    from ..write.editing import open_document, validate_tree
    from ..write.notes import render_note
    from .pages import editor_page_html

    entry = site.entry(name)
    if entry is None or not editable(entry):
        return HTTPStatus.NOT_FOUND, "not found"
    options = site.settings.options
    if options is None:
        return HTTPStatus.CONFLICT, site.settings.error or "no settings"
    try:
        document = open_document(entry.path, terms=site.settings.terms)
        summary, _ = validate_tree(document, document.tree, terms=site.settings.terms)
        note = render_note(summary, options, ["html"])["html"].decode("utf-8")
        sentences = release_sentences(entry.path, summary)
        suggestions = suggest_translations(summary, terms=load_terms(site.settings.terms), memory=site.memory())
    except BriefingError as error:
        return HTTPStatus.CONFLICT, f"{error}\n(correct the file by hand, the editor opens valid summaries only)"
    context: dict[str, Any] = {
        "name": name, "token": site.token, "digest": document.digest, "groups": editor_groups(summary, suggestions),
        "sentences": sentences, "language": summary.language, "review": review_lines(summary), "reviewed": summary.reviewed,
        "note_html": note, "note_url": "/notes/" + quote(name, safe=""), "api": "/api/edit/" + quote(name, safe=""),
    }
    return HTTPStatus.OK, editor_page_html(context, nonce, options)


def handle_edit(site: Site, name: str, action: str, body: bytes) -> tuple[HTTPStatus, dict[str, Any]]:
    """Render (`render`) or write (`save`) a summary with the edits of one request."""
    from ..write.editing import open_document, save_document, validate_tree
    from ..write.notes import render_note

    entry = site.entry(name)
    if action not in ("render", "save") or entry is None or not editable(entry):
        return HTTPStatus.NOT_FOUND, {"error": "not found"}
    terms = site.settings.terms
    try:
        data = parse_edits(body)
        with _SAVING:
            document = open_document(entry.path, terms=terms)
            if action == "save" and data.get("digest") != document.digest:
                raise ConflictError("the file changed on disk since the editor opened it; nothing was written",
                                    file=entry.path, hint="reload the editor to see the other change")
            tree = apply_edits(document, data, dt.date.today())
            if action == "save":
                summary, digest = save_document(document, tree, terms=terms)
            else:
                summary, _ = validate_tree(document, tree, terms=terms)
                digest = document.digest
        answer: dict[str, Any] = {"digest": digest, "review": review_lines(summary), "reviewed": summary.reviewed is not None}
        if action == "render" and site.settings.options is not None:
            options = dataclasses.replace(site.settings.options)
            answer["html"] = render_note(summary, options, ["html"])["html"].decode("utf-8")
        if action == "save":
            site.refresh([entry.path])
        return HTTPStatus.OK, answer
    except ConflictError as error:
        return HTTPStatus.CONFLICT, {"error": str(error)}
    except BriefingError as error:
        return HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(error)}
