"""Render a note to PDF with WeasyPrint, fetching only from the template and font folders."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, SupportsInt, cast
from urllib.parse import unquote, urlparse

from ..base.errors import ConfigError, RenderError
from .html import render_html
from .options import RenderOptions
from .view import NoteView

PDF_VARIANTS = ("pdf/a-3u", "pdf/a-2u", "pdf/ua-1")


def _allowed(path: Path, roots: Iterable[Path]) -> bool:
    resolved = path.resolve()
    return any(resolved.is_relative_to(root) for root in roots)


def make_url_fetcher(roots: Iterable[Path]) -> object:
    """Return a WeasyPrint URL fetcher that serves data: URLs and files below `roots`, nothing else."""
    URLFetcher: Any = import_weasyprint().URLFetcher
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


def import_weasyprint() -> Any:
    """Import WeasyPrint without its ~0.3 s of library probing on Linux.

    WeasyPrint tries several names per C library ("libpango-1.0-0", ..., "libpango-1.0.so.0");
    for each name that is not a file, cffi calls ctypes.util.find_library, which runs
    ldconfig and gcc. On Linux the ".so.0" names load directly, so the probing is skipped
    while WeasyPrint loads; if that fails, the import is retried the ordinary way.
    """
    if "weasyprint" in sys.modules or not sys.platform.startswith("linux"):
        import weasyprint

        return weasyprint
    import ctypes.util

    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        import weasyprint

        return weasyprint
    except OSError:
        for name in [m for m in sys.modules if m == "weasyprint" or m.startswith("weasyprint.")]:
            del sys.modules[name]
    finally:
        ctypes.util.find_library = original
    import weasyprint

    return weasyprint


def pdf_from_html(html: str, options: RenderOptions, *, on_page: PageEvents | None = None) -> bytes:
    """Lay out an HTML page (from our templates) and return PDF bytes.

    `on_page(stage, number, pages)` hears of each page laid out (`"layout"`, 1-based number,
    again when a page is laid out anew), of the page count (`"laid-out"`) and of each page
    drawn into the PDF (`"draw"`): a long document's progress bar follows the work.
    """
    HTML = import_weasyprint().HTML

    if options.pdf_variant is not None and options.pdf_variant not in PDF_VARIANTS:
        raise ConfigError(f"unknown PDF variant {options.pdf_variant!r}", field="--pdf-variant", hint=f"allowed: {', '.join(PDF_VARIANTS)}")
    path = options.template_path()
    fetcher = make_url_fetcher([*path, *options.fonts.folders()])
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    settings = {"pdf_variant": options.pdf_variant, "pdf_tags": True, "pdf_identifier": False}
    try:
        document = HTML(string=html, base_url=path[0].as_uri() + "/", url_fetcher=fetcher)
        if on_page is None:
            return document.write_pdf(**settings)
        with _layout_events(on_page):
            rendered = document.render(**settings)
        on_page("laid-out", len(rendered.pages), len(rendered.pages))
        for number, page in enumerate(rendered.pages, 1):
            page.paint = _reporting(page.paint, on_page, number)
        return rendered.write_pdf(**settings)
    except Exception as exc:  # WeasyPrint raises many types; report one line
        raise RenderError(f"PDF layout failed: {exc}") from exc


PageEvents = Callable[[str, int, "int | None"], None]
_PAGE_LAID_OUT = "Step 5 - Creating layout - Page %d"


@contextmanager
def _layout_events(on_page: PageEvents) -> Iterator[None]:
    """Pass WeasyPrint's progress log lines for pages laid out to `on_page` while the block runs."""
    logger = logging.getLogger("weasyprint.progress")

    class Pages(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.msg == _PAGE_LAID_OUT and isinstance(record.args, tuple) and record.args:
                on_page("layout", int(cast(SupportsInt, record.args[0])), None)

    handler, level, propagate = Pages(), logger.level, logger.propagate
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        logger.propagate = propagate


def _reporting(paint: Callable[..., Any], on_page: PageEvents, number: int) -> Callable[..., Any]:
    """Wrap a page's paint method so that drawing it is reported."""
    def paint_and_report(*args: Any, **kwargs: Any) -> Any:
        result = paint(*args, **kwargs)
        on_page("draw", number, None)
        return result

    return paint_and_report


def render_pdf(view: NoteView, options: RenderOptions) -> bytes:
    """Render one note to PDF."""
    return pdf_from_html(render_html(view, options, medium="pdf"), options)
