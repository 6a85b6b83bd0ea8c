"""Write the page content of a Typst PDF more compactly, drawing the same glyphs at the same places.

Typst draws every run of text (a line, or the part of a line in one colour and face) as

    q 1 0 0 -1 X Y cm /c0 cs R G B scn BT 0 Tr /f2 9.2 Tf 1 0 0 -1 0 0 Tm [(...)] TJ ET Q

and an Arabic run word by word, each word with `0 Tr /f3 11.5 Tf 1 0 0 -1 DX 0 Tm` again. A tagged pack
has some 15,000 runs and as many words: this bookkeeping is most of its page content. `compact_content`
writes such a run as

    q /c0 cs R G B scn BT /f2 9.2 Tf X' Y' Td <...> TJ ET Q

folding the flip of `cm` into the text position (the two flips cancel), giving each word its offset from the
one before (`Td`), dropping what repeats (`0 Tr` when the page sets no other mode, the same `Tf` again) and
writing glyph strings in hex. Where a run or a word starts is rounded to 1/10 pt (at most 0.05 pt, 18 micrometres:
under half a dot of a 600 dpi printer; a word's glyphs stay placed by the font's advances within it) and other
decimals to three places (a colour by less than a tenth of one of 255 steps). Marked content (tags,
`ReversedChars`, `ActualText`), colours, faces and paths are kept; each run keeps its own `q`/`Q`. A run
with anything else in it is left as written, and so are lines with strings, arrays or dictionaries outside runs.
The result is deterministic (the same content gives the same bytes).
"""

from __future__ import annotations

import codecs
import re

from .pdf_objects import HEX_STRING as _HEX
from .pdf_objects import LITERAL_STRING as _STR

_NUM = rb"[+-]?(?:\d+\.?\d*|\.\d+)"
_DICT = rb"<<(?:[^<>()]++|" + _STR + rb"|" + _HEX + rb")*>>"
# What a run's text object holds: marked content, mode, face, position, glyphs.
_ITEM = (rb"(/ReversedChars\s*BMC|EMC|/Span\s*" + _DICT + rb"\s*BDC)|(" + _NUM + rb")\s+Tr|(/[\w.+-]+\s+" + _NUM
         + rb")\s+Tf|1 0 0 -1 (" + _NUM + rb") (" + _NUM + rb") Tm|(\[(?:" + _STR + rb"|" + _HEX + rb"|" + _NUM
         + rb"|\s)*\]\s*TJ|(?:" + _STR + rb"|" + _HEX + rb")\s*Tj)")
_COLOUR = rb"(?:/[\w.+-]+\s*(?:cs|CS)|(?:" + _NUM + rb"\s+)+(?:scn|SCN|sc|SC|g|G|rg|RG|k|K))"
_RUN = re.compile(rb"q\s+1 0 0 -1 (" + _NUM + rb") (" + _NUM + rb") cm\s*((?:" + _COLOUR + rb"\s*)*)BT(.*?)ET\s+Q", re.S)
_ITEMS = re.compile(rb"\s*(?:" + _ITEM + rb")", re.S)
_STRING = re.compile(_STR, re.S)
_DECIMAL = re.compile(rb"(?<![\w./])([+-]?\d*\.\d{4,})(?![\w.])")
_PLAIN_LINE = re.compile(rb"[^()<>\[\]%]*\Z")
_MODE_ZERO = re.compile(rb"(?<![\w.])0 Tr\b")
# Escapes that mean the same to Python's escape decoder and to a PDF reader (after \( \) \\ are taken out).
_SAFE_ESCAPES = re.compile(rb"\\(?![0-7nrtbf\\])")
_PARENS = re.compile(rb"\\([\\()])")


def _decimals(value: bytes, places: int) -> bytes:
    """Write a number with at most `places` decimals and no trailing zeros (`-0` as `0`)."""
    text = b"%.*f" % (places, float(value))
    if b"." in text:
        text = text.rstrip(b"0").rstrip(b".")
    return b"0" if text in (b"-0", b"") else text


def _hundredths(value: int) -> bytes:
    """Write a whole number of hundredths of a point as a decimal (1234 -> 12.34, -5 -> -0.05, 100 -> 1)."""
    sign, value = (b"-" if value < 0 else b""), abs(value)
    whole, cents = divmod(value, 100)
    return sign + (b"%d" % whole if not cents else (b"%d.%02d" % (whole, cents)).rstrip(b"0"))


def _hex_string(match: re.Match[bytes]) -> bytes:
    """Return a literal string in hex, or as written when it has an escape this does not decode."""
    body = _PARENS.sub(lambda m: m[0] if m[1] == b"\\" else m[1], match[0][1:-1])
    if _SAFE_ESCAPES.search(body.replace(b"\\\\", b"")):
        return match[0]
    return b"<" + codecs.escape_decode(body)[0].hex().encode() + b">"


def _rewrite_run(run: re.Match[bytes], only_mode_zero: bool, hexed: dict[bytes, bytes]) -> bytes:
    """Return one run of text written compactly (see the module); as written if it shows glyphs before placing them."""
    x0, y0 = float(run[1]), float(run[2])
    colour = _DECIMAL.sub(lambda m: _decimals(m[1], 3), run[3].strip())
    out = [b"q", colour, b"BT"] if colour else [b"q", b"BT"]
    font, at_x, at_y, placed, end, body = None, 0, 0, False, 0, run[4]
    for item in _ITEMS.finditer(body):
        if item.start() != end:  # something that is not one of a run's items: keep the run as it is
            return run[0]
        end = item.end()
        other, mode, face, tx, ty, glyphs = item.groups()
        if tx:
            x, y = round((x0 + float(tx)) * 10) * 10, round((y0 - float(ty)) * 10) * 10  # tenths, in hundredths
            out.append(_hundredths(x - at_x) + b" " + _hundredths(y - at_y) + b" Td")
            at_x, at_y, placed = x, y, True
        elif glyphs:
            if not placed:  # drawn where `cm` alone puts them: keep the run as it is
                return run[0]
            text = hexed.get(glyphs)
            if text is None:
                text = hexed[glyphs] = _STRING.sub(_hex_string, glyphs)
            out.append(text)
        elif face:
            if face != font:
                out.append(face + b" Tf")
                font = face
        elif mode:
            if not (only_mode_zero and float(mode) == 0):
                out.append(mode + b" Tr")
        else:
            out.append(other)
    if body[end:].strip():
        return run[0]
    out += [b"ET", b"Q"]
    return b"\n".join(out)


def _round_lines(text: bytes) -> bytes:
    """Return content outside runs with decimals to three places on lines without strings, arrays or dictionaries."""
    if not _DECIMAL.search(text):
        return text
    return b"\n".join(_DECIMAL.sub(lambda m: _decimals(m[1], 3), line) if _PLAIN_LINE.match(line) else line
                      for line in text.split(b"\n"))


def compact_content(data: bytes) -> bytes:
    """Return page content with Typst's runs of text written compactly (see the module); anything else as it was."""
    only_mode_zero = data.count(b"Tr") == len(_MODE_ZERO.findall(data))
    hexed: dict[bytes, bytes] = {}
    out, at = [], 0
    for run in _RUN.finditer(data):
        out.append(_round_lines(data[at:run.start()]))
        out.append(_rewrite_run(run, only_mode_zero, hexed))
        at = run.end()
    out.append(_round_lines(data[at:]))
    return b"".join(out)
