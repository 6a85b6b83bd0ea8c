#!/usr/bin/env python3
"""Show what poppler (pdftotext) and PDFium read from an Arabic line with and without ActualText spans.

An experiment for issue 12, item 6 (docs/pdf-text-layer.md has the results): a page where Latin
text outnumbers Arabic, as in a parallel note, then one Arabic line with a label, a colon,
parentheses, vowel marks and the Allah ligature. WeasyPrint draws it three ways:

  none  as briefing does today;
  line  inside one /Span << /ActualText (the line, logical) >> BDC ... EMC;
  word  each word in an inline box of its own, each box inside a span with the word as ActualText;
  glyph each glyph in a span of its own with the text of its cluster (what WeasyPrint's ToUnicode
        gives the glyph's first use, here per use; "" for a cluster's later glyphs).

The spans are added by wrapping WeasyPrint's `draw_first_line` here only; briefing does not.

Usage: scripts/pdf_text_layer.py [OUTDIR]   (needs pdftotext and pypdfium2; writes none|line|word|glyph.pdf)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pydyf
import pypdfium2 as pdfium
import weasyprint
import weasyprint.draw.text as weasy_text

FONTS = Path(__file__).resolve().parents[1] / "fonts"
LINE = "نوع الحدث: لم يُذكر التاريخ (كما ورد: «اليوم») البنّاء عبد الله"
PHRASES = ("نوع الحدث", "لم يُذكر التاريخ", "البنّاء", "عبد الله")
_ARABIC = re.compile("[\u0600-\u06ff]")
_EMBEDDINGS = re.compile("[\u202a-\u202e]")  # the marks pdftotext puts around each direction's run


def page(words_in_boxes: bool) -> str:
    """A page where Latin letters outnumber Arabic ones (poppler then reads the page left to right)."""
    arabic = " ".join(f"<span>{w}</span>" for w in LINE.split(" ")) if words_in_boxes else LINE
    return f"""<html><head><style>
@font-face {{ font-family: Naskh; src: url({(FONTS / 'NotoNaskhArabic-Regular.ttf').as_uri()}); }}
@font-face {{ font-family: Serif; src: url({(FONTS / 'NotoSerif-Regular.ttf').as_uri()}); }}
body {{ font-family: Serif, Naskh; }} p[dir=rtl] {{ font-family: Naskh, Serif; font-size: 14pt; }}
</style></head><body><p>{'The quick brown fox jumps over the lazy dog. ' * 8}</p>
<p dir="rtl" lang="ar">{arabic}</p></body></html>"""


def glyph_texts(textbox) -> list[str]:  # noqa: ANN001 - a WeasyPrint TextBox
    """Return, for each glyph WeasyPrint draws for the line, the text of its cluster ("" after a cluster's first glyph)."""
    from weasyprint.text.ffi import ffi, pango

    line, _ = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    texts = []
    run = line.runs[0]
    while run != ffi.NULL:
        item, run = run.data, run.next
        count, clusters = item.glyphs.num_glyphs, item.glyphs.log_clusters
        rtl, offset, length = item.item.analysis.level % 2, item.item.offset, item.item.length
        for i in range(count):
            if item.glyphs.glyphs[i].glyph == pango.PANGO_GLYPH_EMPTY:
                continue
            start = clusters[i]
            end = (length if i == 0 else clusters[i - 1]) if rtl else (length if i == count - 1 else clusters[i + 1])
            texts.append(utf8[offset + start:offset + end].decode() if end > start else "")
    return texts


def span_each_glyph(ops: list, texts: list[str]) -> list:
    """Split WeasyPrint's TJ operations glyph by glyph, each glyph in a span with its cluster's text as ActualText."""
    out, k = [], 0
    for op in ops:
        if not (isinstance(op, bytes) and op.startswith(b"[") and op.endswith(b"] TJ")):
            out.append(op)
            continue
        pending = b""
        for hexes, number in re.findall(rb"<([0-9a-f]*)>|(-?[0-9.]+)", op[1:-4]):
            if number:
                pending += number + b" "
                continue
            for j in range(0, len(hexes), 4):
                if pending:
                    out.append(b"[" + pending + b"] TJ")
                    pending = b""
                text = texts[k] if k < len(texts) else ""
                k += 1
                out.append(b"/Span <</ActualText <feff" + text.encode("utf-16-be").hex().encode() + b">>> BDC")
                out.append(b"[<" + hexes[j:j + 4] + b">] TJ")
                out.append(b"EMC")
        if pending:
            out.append(b"[" + pending + b"] TJ")
    return out


def render(mode: str, path: Path) -> None:
    original = weasy_text.draw_first_line

    def spanned(stream, textbox, *args, **kwargs):  # noqa: ANN001, ANN202 - WeasyPrint's own signature
        if mode == "none" or not _ARABIC.search(textbox.text):
            return original(stream, textbox, *args, **kwargs)
        if mode == "glyph":
            start = len(stream.stream)
            result = original(stream, textbox, *args, **kwargs)
            stream.stream[start:] = span_each_glyph(stream.stream[start:], glyph_texts(textbox))
            return result
        stream.begin_marked_content("Span", pydyf.Dictionary({"ActualText": pydyf.String(textbox.text)}))
        result = original(stream, textbox, *args, **kwargs)
        stream.end_marked_content()
        return result

    weasy_text.draw_first_line = spanned
    try:
        weasyprint.HTML(string=page(mode == "word")).write_pdf(path)
    finally:
        weasy_text.draw_first_line = original


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    print(f"logical: {LINE}")
    for mode in ("none", "line", "word", "glyph"):
        path = out / f"{mode}.pdf"
        render(mode, path)
        poppler = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        text = pdfium.PdfDocument(str(path))[0].get_textpage()
        found = [p for p in PHRASES if text.search(p).get_next() is not None]
        pdfium_line = text.get_text_range().strip().splitlines()[-1]
        print(f"\n{mode}\n  pdftotext: {_EMBEDDINGS.sub('', poppler)}\n  PDFium:    {pdfium_line}")
        missed = [p for p in PHRASES if p not in found]
        print(f"  PDFium's search finds: {' | '.join(found) or '-'}; misses: {' | '.join(missed) or '-'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("pdf-text-layer"))
