"""The fonts a note is set in, and subsetting them to the characters it uses."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..base.errors import ConfigError
from ..base.resources import data_dir

ARABIC_FAMILY = "Noto Naskh Arabic"
LATIN_FAMILY = "Noto Serif"


@dataclass(frozen=True)
class Face:
    """A font family with its regular and bold files."""

    family: str
    regular: Path
    bold: Path

    def files(self) -> tuple[tuple[str, Path], ...]:
        """Return (weight name, file) pairs."""
        return (("regular", self.regular), ("bold", self.bold))


@dataclass(frozen=True)
class FontSet:
    """The Arabic face and its Latin companion."""

    arabic: Face
    latin: Face

    def faces(self) -> tuple[Face, Face]:
        """Return the faces, Arabic first."""
        return (self.arabic, self.latin)

    def folders(self) -> tuple[Path, ...]:
        """Return the folders holding the font files (for the url fetcher)."""
        return tuple(sorted({p.parent.resolve() for face in self.faces() for _, p in face.files()}))


def default_fonts() -> FontSet:
    """Return the shipped fonts: Noto Naskh Arabic with Noto Serif."""
    folder = data_dir("fonts")
    return FontSet(
        arabic=Face(ARABIC_FAMILY, folder / "NotoNaskhArabic-Regular.ttf", folder / "NotoNaskhArabic-Bold.ttf"),
        latin=Face(LATIN_FAMILY, folder / "NotoSerif-Regular.ttf", folder / "NotoSerif-Bold.ttf"),
    )


def fonts_from_config(arabic: object | None, latin: object | None) -> FontSet:
    """Return the configured fonts (config.Fonts faces), shipped ones where none is set."""
    shipped = default_fonts()
    faces = []
    for configured, fallback in ((arabic, shipped.arabic), (latin, shipped.latin)):
        if configured is None:
            faces.append(fallback)
            continue
        face = Face(configured.family, Path(configured.regular), Path(configured.bold))  # type: ignore[attr-defined]
        for _, path in face.files():
            if not path.is_file():
                raise ConfigError("font file does not exist", file=path, field="fonts")
        faces.append(face)
    return FontSet(*faces)


@cache
def font_bytes(path: Path) -> bytes:
    """Read a font file once."""
    return path.read_bytes()


@cache
def cmap(path: Path) -> frozenset[int]:
    """Return the code points a font maps to glyphs."""
    import uharfbuzz as hb

    face = hb.Face(hb.Blob(font_bytes(path)))
    return frozenset(face.unicodes)


def subset_font(path: Path, text: Iterable[str] | str) -> bytes:
    """Subset a font to the characters of `text`, keeping every layout feature (Arabic shaping)."""
    import uharfbuzz as hb

    chars = set("".join(text) if not isinstance(text, str) else text)
    codepoints = {ord(c) for c in chars} | {0x20, 0x200C, 0x200D, 0x200E, 0x200F, 0x25CC}
    face = hb.Face(hb.Blob(font_bytes(path)))
    subset_input = hb.SubsetInput()
    subset_input.unicode_set.update(codepoints & cmap(path))
    features = subset_input.sets(hb.SubsetInputSets.LAYOUT_FEATURE_TAG)
    features.clear()
    features.invert()  # keep all features: init/medi/fina/rlig/mark... are what join Arabic
    result = hb.subset(face, subset_input)
    if result is None:
        raise ConfigError("font could not be subset", file=path)
    return result.blob.data


def unhinted(program: bytes) -> bytes:
    """Return an embedded TrueType font program without its hinting (fpgm, prep, cvt and each glyph's instructions).

    Glyph ids, outlines, advances and names stay as they were, glyph names go (the PDF maps glyphs to text with its
    ToUnicode map and addresses them by id); hints only steer how screens round
    outlines to pixels at small sizes, which PDF viewers (pdf.js, PDFium, poppler) do without. Typst keeps them in
    its subsets: a third of each face's bytes in a pack. Anything that does not come back whole (not TrueType, a
    glyph count that changes) is returned as it was.
    """
    import uharfbuzz as hb

    if program[:4] not in (b"\x00\x01\x00\x00", b"true"):
        return program
    face = hb.Face(hb.Blob(program))
    subset_input = hb.SubsetInput()
    subset_input.glyph_set.update(range(face.glyph_count))
    subset_input.flags = (hb.SubsetFlags.RETAIN_GIDS | hb.SubsetFlags.NO_HINTING | hb.SubsetFlags.NOTDEF_OUTLINE
                          | hb.SubsetFlags.NAME_LEGACY)
    subset_input.sets(hb.SubsetInputSets.NAME_ID).invert()  # every name record
    result = hb.subset(face, subset_input)
    if result is None or hb.Face(result.blob).glyph_count != face.glyph_count:
        return program
    return result.blob.data
