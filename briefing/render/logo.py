"""Draw an SVG logo as a PNG (WeasyPrint lays it out, PDFium rasterises it), for viewers without SVG."""

from __future__ import annotations

import base64
import io

from ..base.errors import RenderError

DPI = 300


def rasterise_svg(data: bytes, width_pt: float, height_pt: float) -> bytes:
    """Return a PNG of an SVG drawn at `width_pt` × `height_pt` points, 300 dpi, transparent background."""
    import pypdfium2

    from .pdf import import_weasyprint

    url = "data:image/svg+xml;base64," + base64.b64encode(data).decode("ascii")
    html = (
        f"<style>@page {{ size: {width_pt}pt {height_pt}pt; margin: 0 }} html, body {{ margin: 0 }}"
        f" img {{ display: block; width: {width_pt}pt; height: {height_pt}pt }}</style><img src='{url}'>"
    )
    try:
        pdf = import_weasyprint().HTML(string=html).write_pdf(pdf_identifier=False)
        document = pypdfium2.PdfDocument(pdf)
        bitmap = document[0].render(scale=DPI / 72, may_draw_forms=False, fill_color=(255, 255, 255, 0))
        image = bitmap.to_pil()
    except Exception as exc:  # WeasyPrint and PDFium raise their own types
        raise RenderError(f"the SVG logo cannot be drawn: {exc}") from None
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
