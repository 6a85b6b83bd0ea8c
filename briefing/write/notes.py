"""The note pipeline: read an input, build the view, render each format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..base.errors import ConfigError
from ..read.config import Config
from ..render.options import FORMATS, LAYOUTS, RenderOptions, prepare_note
from ..summary.model import Summary, Text

LANGS = ("ar", "en")


def parse_list(value: str | None, allowed: Sequence[str], option: str) -> tuple[str, ...] | None:
    """Parse `a,b` for an option, checking each value."""
    if value is None:
        return None
    items = tuple(v.strip().lower() for v in value.split(",") if v.strip())
    bad = [v for v in items if v not in allowed]
    if bad or not items or len(set(items)) != len(items):
        raise ConfigError(f"{value!r} is not a valid list", field=option, hint=f"choose from {', '.join(allowed)}, comma-separated, each once")
    return items


def make_options(
    config: Config,
    *,
    layout: str | None = None,
    languages: str | None = None,
    template: Path | None = None,
    pdf_variant: str | None = None,
    pdf_engine: str | None = None,
) -> RenderOptions:
    """Combine the config file and the command-line options (which win)."""
    from ..render.fonts import fonts_from_config
    from ..render.options import Typography

    chosen_layout = (layout or config.layout).lower()
    if chosen_layout not in LAYOUTS:
        raise ConfigError(f"{layout!r} is not a layout", field="--layout", hint=f"allowed: {', '.join(LAYOUTS)}")
    org = config.organisation
    return RenderOptions(
        layout=chosen_layout,
        languages=parse_list(languages, LANGS, "--lang") or tuple(config.languages),
        template_dirs=tuple(p for p in (template, config.templates) if p is not None),
        fonts=fonts_from_config(config.fonts.arabic, config.fonts.latin),
        organisation=Text(ar=org.ar, en=org.en) if (org.ar or org.en) else None,
        logo=org.logo,
        classification=config.classification,
        pdf_variant=pdf_variant,
        pdf_engine=_engine(pdf_engine or config.engine),
        typography=Typography(**config.typography.model_dump()),
    )


def _engine(name: str) -> str:
    """Return the PDF engine named by --engine or, without it, the config's `engine`."""
    from ..render.options import PDF_ENGINES

    engine = name.lower()
    if engine not in PDF_ENGINES:
        raise ConfigError(f"{name!r} is not a PDF engine", field="--engine", hint=f"allowed: {', '.join(PDF_ENGINES)}")
    return engine


def render_note(summary: Summary, options: RenderOptions, formats: Sequence[str], *,
                contacts: tuple[Sequence, Sequence] | None = None) -> dict[str, bytes]:
    """Render one summary to every requested format, in memory; `contacts` (earlier events, open
    follow-ups, from an archive) add the "earlier contacts" sections before the source."""
    from ..render.contacts import with_contacts
    from ..render.formats import render_as

    view = prepare_note(summary, options)
    if contacts is not None:
        view = with_contacts(view, *contacts)
    return {fmt: render_as("note", view, options, fmt) for fmt in formats}


def parse_formats(value: str) -> tuple[str, ...]:
    """Parse `--format pdf,docx,html`."""
    return parse_list(value, FORMATS, "--format") or FORMATS
