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


def _glyphs(data: bytes) -> list[tuple[int, tuple]]:
    """Return each glyph's advance and outline (its points, in order)."""
    font = hb.Font(hb.Face(hb.Blob(data)))
    out = []
    for gid in range(hb.Face(hb.Blob(data)).glyph_count):
        points: list = []
        font.draw_glyph_with_pen(gid, _Pen(points))
        out.append((font.get_glyph_h_advance(gid), tuple(points)))
    return out


class _Pen:
    """Collect a glyph's drawing as a list of operations."""

    def __init__(self, points: list) -> None:
        self.points = points

    def moveTo(self, p): self.points.append(("M", p))  # noqa: E704, N802
    def lineTo(self, p): self.points.append(("L", p))  # noqa: E704, N802
    def qCurveTo(self, *ps): self.points.append(("Q", ps))  # noqa: E704, N802
    def curveTo(self, *ps): self.points.append(("C", ps))  # noqa: E704, N802
    def closePath(self): self.points.append(("Z",))  # noqa: E704, N802


def test_unhinted_font_keeps_every_glyph_where_and_as_it_was():
    from briefing.render.fonts import unhinted

    for path in (default_fonts().arabic.regular, default_fonts().latin.bold):
        program = subset_font(path, "".join(STRINGS) + "Title: Minister · 2026")
        bare = unhinted(program)
        assert len(bare) < len(program)
        assert all(hb.Face(hb.Blob(bare)).reference_table(tag).data == b"" for tag in ("fpgm", "prep", "cvt "))
        assert _glyphs(bare) == _glyphs(program)
    assert unhinted(b"OTTO not a TrueType program") == b"OTTO not a TrueType program"
