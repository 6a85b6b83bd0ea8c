"""Font subsetting keeps Arabic shaping and drops what the note does not use."""

from __future__ import annotations

import uharfbuzz as hb

from briefing.render.fonts import default_fonts, subset_font

STRINGS = ["إمام علي رحمان", "فلاديمير بوتين في موسكو", "الحدود الطاجيكية الأفغانية", "لا سيما الإرهاب", "مشروع CASA-1000 بنسبة 30%"]


def shape(data: bytes, text: str) -> list[tuple[int, int]]:
    """Return (advance, cluster) pairs: the shape a reader sees."""
    font = hb.Font(hb.Face(hb.Blob(data)))
    buf = hb.Buffer()
    buf.add_str(text)
    buf.guess_segment_properties()
    hb.shape(font, buf, {})
    return [(p.x_advance, i.cluster) for p, i in zip(buf.glyph_positions, buf.glyph_infos)]


def test_subset_shapes_like_the_full_font():
    path = default_fonts().arabic.regular
    full = path.read_bytes()
    small = subset_font(path, "".join(STRINGS))
    assert len(small) < len(full) / 3
    for text in STRINGS:
        assert shape(small, text) == shape(full, text), text


def test_subset_is_deterministic_and_depends_on_text():
    path = default_fonts().latin.bold
    assert subset_font(path, "Moscow") == subset_font(path, "Moscow")
    assert len(subset_font(path, "Moscow")) < len(subset_font(path, "Moscow Dushanbe Riyadh Kuwait"))
