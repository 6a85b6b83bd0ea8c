"""Render a note view to HTML with the Jinja2 templates (standalone file, or the PDF's source)."""

from __future__ import annotations

import base64
import functools
import mimetypes
import re
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import __version__
from ..base.errors import ConfigError
from .fonts import FontSet, subset_font
from .options import RenderOptions, creation_time
from .templates import make_environment, template_error
from .view import NoteView, localise_number

NOTE_TEMPLATE = "note.html.j2"
_WEIGHTS = (("regular", 400), ("bold", 700))


def css_str(value: object) -> Markup:
    """Quote a value as a CSS string literal, safe inside a <style> element."""
    text = str(value)
    out = []
    for char in text:
        if char in '"\\<>&' or ord(char) < 0x20 or char == "\x7f":
            out.append(f"\\{ord(char):x} ")
        else:
            out.append(char)
    return Markup('"' + "".join(out) + '"')


def mark_codes(value: object) -> Markup:
    """Escape a text and set its left-to-right isolates (file names, references) as `<bdi dir=ltr lang=en>`.

    The code then reads left to right in the Arabic column and takes the Latin size and face.
    """
    from markupsafe import escape

    text = str(escape(value))
    return Markup(re.sub("\u2066([^\u2066-\u2069]*)\u2069", '<bdi class="code" dir="ltr" lang="en">\u2066\\1\u2069</bdi>', text))


def font_face_css(fonts: FontSet, sources: dict[tuple[str, str], str]) -> Markup:
    """Return @font-face rules for every face and weight, with the given `src` URLs."""
    rules = []
    for face in fonts.faces():
        for weight_name, weight in _WEIGHTS:
            url = sources[(face.family, weight_name)]
            rules.append(
                f"@font-face {{ font-family: {css_str(face.family)}; font-style: normal; "
                f"font-weight: {weight}; src: url({css_str(url)}); }}"
            )
    return Markup("\n".join(rules))


def inline_font_sources(fonts: FontSet, text: str) -> dict[tuple[str, str], str]:
    """Subset every font to `text` and return data: URLs for them."""
    sources = {}
    for face in fonts.faces():
        for weight_name, path in face.files():
            data = base64.b64encode(subset_font(path, text)).decode("ascii")
            sources[(face.family, weight_name)] = f"data:font/ttf;base64,{data}"
    return sources


def file_font_sources(fonts: FontSet) -> dict[tuple[str, str], str]:
    """Return file: URLs of the font files (WeasyPrint subsets them itself)."""
    return {(face.family, weight): path.resolve().as_uri() for face in fonts.faces() for weight, path in face.files()}


def logo_data_url(path: Path | None) -> str | None:
    """Return the organisation's logo as a data: URL."""
    if path is None:
        return None
    if not path.is_file():
        raise ConfigError("logo file does not exist", file=path, field="organisation.logo")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if not mime.startswith("image/"):
        raise ConfigError("logo is not an image (png, jpeg, svg)", file=path, field="organisation.logo")
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _context(view: NoteView, options: RenderOptions) -> dict[str, Any]:
    return {
        "note": view,
        "labels": view.labels,
        "languages": options.languages,
        "layout": options.layout,
        "fonts": options.fonts,
        "logo": logo_data_url(options.logo),
        "version": __version__,
        "created": creation_time(view.date).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "localise_number": localise_number,
    }


def _render(template_name: str, context: dict[str, Any], options: RenderOptions) -> str:
    import jinja2

    context = {**context, "typography": options.typography,
               "localise_number": functools.partial(localise_number, digits=options.typography.arabic_digits)}
    env = make_environment(options.template_path())
    env.filters.setdefault("css_str", css_str)
    env.filters.setdefault("codes", mark_codes)
    try:
        page_css = env.get_template("page.css.j2").render(context)
        return env.get_template(template_name).render(context, page_css=Markup(page_css))
    except jinja2.TemplateError as exc:
        raise template_error(exc) from None


def render_template(template_name: str, context: dict[str, Any], options: RenderOptions, *, medium: str) -> str:
    """Render any page template with fonts inlined (html) or linked (pdf)."""
    if medium == "pdf":
        return _render(template_name, {**context, "font_css": font_face_css(options.fonts, file_font_sources(options.fonts))}, options)
    draft = _render(template_name, {**context, "font_css": ""}, options)
    sources = inline_font_sources(options.fonts, draft)
    return _render(template_name, {**context, "font_css": font_face_css(options.fonts, sources)}, options)


def render_html(view: NoteView, options: RenderOptions, *, medium: str = "html") -> str:
    """Render one note to a standalone HTML page (`medium="pdf"` links fonts for WeasyPrint)."""
    return render_template(NOTE_TEMPLATE, _context(view, options), options, medium=medium)
