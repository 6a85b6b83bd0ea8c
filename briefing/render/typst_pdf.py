"""Render a pack or a digest to PDF with Typst: a `.typ` source from the Jinja2 templates, laid out in one call.

The source is written by `pack.typ.j2` or `digest.typ.j2` (found on the template search path,
as the HTML templates are) from the same CollectionView as the HTML and WeasyPrint renderings. Every value
the template prints becomes a Typst string literal (`typst_string`), so nothing in a
summary is read as Typst markup or code. Typst tags the PDF, subsets each face once,
makes the outline from the template's bookmarked headings and resolves page references
in its own layout passes. Its many small objects (one per structure element) are then packed
into compressed object streams (pdf_objects.py), its page content written compactly
(pdf_content.py), the hinting taken out of its font subsets (fonts.unhinted) and the Divs
that wrap a single element taken out of its structure tree (pdf_structure.py).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from markupsafe import Markup

from .. import __version__
from ..base.errors import ConfigError, RenderError
from ..summary.model import Text
from .collection import CollectionView, outline_label
from .fonts import FontSet, font_bytes, unhinted
from .formatting import isolate_ltr, localise_digits
from .options import RenderOptions, creation_time
from .pdf_content import compact_content
from .pdf_objects import pack_objects
from .pdf_structure import unwrap_divs
from .templates import template_error
from .view import Section

TYPST_TEMPLATES = {"pack": "pack.typ.j2", "digest": "digest.typ.j2"}
# --pdf-variant -> Typst's PDF standards (a tagged PDF/A-3u is what archives ask for).
TYPST_STANDARDS = {"pdf/a-3u": "a-3u", "pdf/a-2u": "a-2u", "pdf/ua-1": "ua-1"}
_LTR_CODE = "\u2066([^\u2066-\u2069]*)\u2069"
# Inside a Typst string only the backslash and the quote mean something; control characters are written as escapes.
_STRING_ESCAPES = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n"} | {
    c: f"\\u{{{c:x}}}" for c in [*range(0x20), 0x7F] if c != ord("\n")}


def typst_string(value: object) -> str:
    """Quote a value as a Typst string literal: the one escape of every text the templates print."""
    return '"' + str(value).translate(_STRING_ESCAPES) + '"'


def as_content(value: object) -> Markup:
    """Return a value as Typst markup that prints it literally (`#"...";`; the `;` ends the expression)."""
    if isinstance(value, Markup):
        return value
    return Markup(f"#{typst_string(value)};")


def as_literal(value: object) -> Markup:
    """Return a value as a Typst string literal for code (`"..."`), as the `str` filter."""
    return Markup(typst_string(value))


def as_number(value: object) -> Markup:
    """Return a number as a Typst number literal (the `num` filter); anything else is an error."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise RenderError(f"not a number: {value!r}")
    return Markup(repr(value))


def as_name(value: object) -> Markup:
    """Return a Typst identifier (the `name` filter: `en`, `ar`); anything else is an error."""
    if not isinstance(value, str) or not re.fullmatch(r"[a-z][a-z0-9-]*", value):
        raise RenderError(f"not a Typst name: {value!r}")
    return Markup(value)


def with_codes(value: object) -> Markup:
    """Print a text, its left-to-right isolates (file names, references) in the Latin face (`code`)."""
    parts = re.split(_LTR_CODE, str(value))
    out = []
    for n, part in enumerate(parts):
        if not part:
            continue
        out.append(f"#code({typst_string(chr(0x2066) + part + chr(0x2069))});" if n % 2 else as_content(part))
    return Markup("".join(out))


def typst_environment(path: Sequence[Path]) -> Any:
    """Return a sandboxed Jinja2 environment over `path` whose every printed value is a Typst string."""
    return _environment(tuple(path))


@cache
def _environment(path: tuple[Path, ...]) -> Any:
    """Autoescape with `as_content` as the escape: finalize turns each value into Markup before Jinja2's escape sees it."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(
        loader=jinja2.FileSystemLoader([str(p) for p in path]),
        autoescape=True, finalize=as_content, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
    )
    env.filters["str"] = as_literal
    env.filters["codes"] = with_codes
    env.filters["num"] = as_number
    env.filters["name"] = as_name
    env.globals.update(section_rows=section_rows, ltr=isolate_ltr)
    return env


Row = tuple[str, Any, Any]


def section_rows(section: Section, empty: Text | None = None) -> list[Row]:
    """Return a section's rows in reading order as (kind, a, b): fact, link, row, item, group, statement, or `none` (`empty`)."""
    rows: list[Row] = [("fact", label, value) for label, value in section.facts]
    rows += [("link", url, None) for url in section.links]
    if section.table is not None:
        rows += [("row", section.table, row) for row in section.table.rows]
    rows += [("item", n, item) for n, item in enumerate(section.items, 1)]
    for group in section.groups:
        rows.append(("group", group.heading, None))
        rows += [("statement", stance, text) for stance, text in group.items]
    if not rows and empty is not None:
        rows.append(("none", empty, None))
    return rows


def font_family(path: Path) -> str:
    """Return the family name a font file gives itself (Typst selects faces by it, not by the configured name)."""
    import uharfbuzz as hb

    face = hb.Face(hb.Blob(font_bytes(path)))
    name = face.get_name(hb.OTNameIdPredefined.TYPOGRAPHIC_FAMILY) or face.get_name(hb.OTNameIdPredefined.FONT_FAMILY)
    if not name:
        raise ConfigError("font file has no family name", file=path, field="fonts")
    return str(name)


def _families(fonts: FontSet) -> dict[str, str]:
    """Return the families of the Arabic and Latin faces as Typst knows them."""
    return {"arabic": font_family(fonts.arabic.regular), "latin": font_family(fonts.latin.regular)}


def collection_source(kind: str, view: CollectionView, options: RenderOptions, *, logo: str | None = None,
                      on_note: Callable[[], None] | None = None) -> str:
    """Return the Typst source of a pack or a digest (`logo`: the logo's file name beside the source).

    `on_note()` is called as each note's source is written (the template calls `note_written()`).
    """
    import jinja2

    def note_written() -> str:
        if on_note is not None:
            on_note()
        return ""

    created = creation_time(view.date)
    digits = options.typography.arabic_digits
    context = {
        "doc": view, "labels": view.labels, "languages": options.languages, "layout": options.layout,
        "fonts": _families(options.fonts), "typography": options.typography, "logo": logo, "version": __version__,
        "created": created, "outline": lambda text: outline_label(text, options.languages),
        "ar_number": lambda n: localise_digits(str(n), "ar", digits),
        "ar_numbering": "١" if digits == "arabic-indic" else "1", "note_written": note_written,
    }
    try:
        return str(typst_environment(options.template_path()).get_template(TYPST_TEMPLATES[kind]).render(context))
    except jinja2.TemplateError as exc:
        raise template_error(exc) from None


def compile_typst(source: str, options: RenderOptions, *, files: dict[str, Path] | None = None) -> bytes:
    """Lay out a Typst source with the configured fonts only (no system font, no package) and return the PDF."""
    import typst
    variant = options.pdf_variant
    if variant is not None and variant not in TYPST_STANDARDS:
        raise ConfigError(f"unknown PDF variant {variant!r}", field="--pdf-variant", hint=f"allowed: {', '.join(TYPST_STANDARDS)}")
    standards: Any = [TYPST_STANDARDS[variant]] if variant else []
    with tempfile.TemporaryDirectory(prefix="briefing-typst-") as tmp:
        root = Path(tmp)
        (root / "document.typ").write_text(source, encoding="utf-8")
        for name, path in (files or {}).items():
            shutil.copyfile(path, root / name)
        try:
            return bytes(typst.compile(str(root / "document.typ"), root=str(root), font_paths=[str(p) for p in options.fonts.folders()],
                                       ignore_system_fonts=True, pdf_standards=standards, pdf_tags=True))
        except Exception as exc:  # the binding raises TypstError and RuntimeError with Typst's diagnostics
            raise RenderError(f"PDF layout failed (Typst): {_first_line(exc)}") from exc


def _first_line(exc: Exception) -> str:
    """Return Typst's message and where in the generated source it arose (`document.typ:LINE:COLUMN`)."""
    text = str(exc).strip() or type(exc).__name__
    where = re.search(r"document\.typ:\d+:\d+", str(getattr(exc, "diagnostic", "") or ""))
    return f"{text.splitlines()[0]} ({where[0]})" if where else text.splitlines()[0]


def render_pack_typst(view: CollectionView, options: RenderOptions, *, advance: Callable[..., None] | None = None) -> bytes:
    """Render a pack to PDF with Typst: tagged, one subset per face, outline in both languages, page references."""
    return _render("pack", view, options, advance)


def render_digest_typst(view: CollectionView, options: RenderOptions) -> bytes:
    """Render a digest to PDF with Typst: tagged, one subset per face, its sections in the outline in both languages."""
    return _render("digest", view, options, None)


def _render(kind: str, view: CollectionView, options: RenderOptions, advance: Callable[..., None] | None) -> bytes:
    """Write the source, lay it out, pack its small objects; `advance` moves a progress bar note by note, then pulses."""
    files = {}
    if options.logo is not None:
        if not options.logo.is_file():
            raise ConfigError("logo file does not exist", file=options.logo, field="organisation.logo")
        files["logo" + options.logo.suffix.lower()] = options.logo
    if advance is not None:
        advance(total=max(len(view.notes), 1), completed=0, description=f"Writing the {kind} (notes)")
    source = collection_source(kind, view, options, logo=next(iter(files), None), on_note=advance)
    if advance is not None:  # Typst lays the document out in one call that reports nothing: the bar pulses
        advance(pulse=True, description=f"Laying out the {kind} (Typst)")
    return pack_objects(compile_typst(source, options, files=files), content=compact_content, structure=unwrap_divs, fonts=unhinted)
