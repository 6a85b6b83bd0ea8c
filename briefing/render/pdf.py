"""Render a note to PDF with WeasyPrint, fetching only from the template and font folders."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import unquote, urlparse

from ..errors import ConfigError, RenderError
from .html import render_html
from .options import RenderOptions
from .view import NoteView

PDF_VARIANTS = ("pdf/a-3u", "pdf/a-2u", "pdf/ua-1")


def _allowed(path: Path, roots: Iterable[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(root) for root in roots)


def make_url_fetcher(roots: Iterable[Path]) -> object:
    """Return a WeasyPrint URL fetcher that serves data: URLs and files below `roots`, nothing else."""
    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    allowed_roots = tuple(Path(r).resolve() for r in roots)

    class RestrictedFetcher(URLFetcher):
        """Refuses network URLs and files outside the template and font folders."""

        refused: list[str]

        def fetch(self, url: str, headers: object = None) -> object:
            scheme = urlparse(url).scheme.lower()
            if scheme == "data":
                return super().fetch(url, headers)
            if scheme == "file":
                path = Path(unquote(urlparse(url).path))
                if _allowed(path, allowed_roots) and path.is_file():
                    return URLFetcherResponse(path.as_uri(), path.read_bytes())
            self.refused.append(url)
            raise ValueError(f"briefing does not fetch {url}")

    fetcher = RestrictedFetcher(allowed_protocols=("data", "file"))
    fetcher.refused = []
    return fetcher


def pdf_from_html(html: str, options: RenderOptions) -> bytes:
    """Lay out an HTML page (from our templates) and return PDF bytes."""
    from weasyprint import HTML

    if options.pdf_variant is not None and options.pdf_variant not in PDF_VARIANTS:
        raise ConfigError(f"unknown PDF variant {options.pdf_variant!r}", field="--pdf-variant", hint=f"allowed: {', '.join(PDF_VARIANTS)}")
    path = options.template_path()
    fetcher = make_url_fetcher([*path, *options.fonts.folders()])
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        document = HTML(string=html, base_url=path[0].as_uri() + "/", url_fetcher=fetcher)
        return document.write_pdf(pdf_variant=options.pdf_variant, pdf_tags=True, pdf_identifier=False)
    except Exception as exc:  # WeasyPrint raises many types; report one line
        raise RenderError(f"PDF layout failed: {exc}") from exc


def render_pdf(view: NoteView, options: RenderOptions) -> bytes:
    """Render one note to PDF."""
    return pdf_from_html(render_html(view, options, medium="pdf"), options)
