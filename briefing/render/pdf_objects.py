"""Pack a PDF's objects that are not streams into compressed object streams (PDF 1.5), with a cross-reference stream.

A tagged pack is mostly small dictionaries: one per structure element, link and outline
entry. Typst writes each as a plain object with a classic cross-reference table; packed
and compressed they take about a tenth of the space. Objects of one kind are packed side by
side (structure elements by role, annotations, parent-tree arrays: deflate finds their
repeats) and all objects are numbered anew in the order they are written, every reference
rewritten; their text is otherwise kept byte for byte, but for one default: `/Suspects false`
in the catalog's `/MarkInfo` (false is what an absent key means, and poppler prints "Suspects
object is wrong type" for it on every run of pdftotext or pdffonts). Streams keep their data,
deflated again at zlib's best level when that is smaller (the same bytes once decoded). The
cross-reference stream's fields are as wide as they need be and its rows PNG-Up predicted (about
1 KB for 10,000 objects, against 20 KB). Callers may also rewrite page content, embedded
TrueType programs and the structure tree on the way (`pack_objects`' hooks; typst_pdf uses
pdf_content, fonts.unhinted and pdf_structure). The result is deterministic, and allowed by
PDF/A-2, PDF/A-3 and PDF/UA-1.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable

from ..base.errors import RenderError

_OBJECT = re.compile(rb"(\d+) 0 obj\s")
_XREF_ENTRY = re.compile(rb"(\d{10}) (\d{5}) ([nf])")
_SUSPECTS = re.compile(rb"(/MarkInfo\s*<<[^<>]*?)\s*/Suspects\s+false")
# What tells objects' kinds apart: a structure element's role, an annotation's subtype, a page, an outline item's parent.
_REFERENCE = re.compile(rb"(?<![\d.])(\d+)\s+\d+\s+R\b")
# PDF strings, as Typst writes them: literal (escapes, parentheses balanced one level deep) and hexadecimal.
LITERAL_STRING = rb"\((?:[^()\\]++|\\.|\((?:[^()\\]++|\\.)*+\))*+\)"
HEX_STRING = rb"<[0-9A-Fa-f\s]*+>"
STRINGS = re.compile(LITERAL_STRING + rb"|" + HEX_STRING, re.S)
_REFERENCE_OR_STRING = re.compile(STRINGS.pattern + rb"|(?<![\d.])(\d+)\s+0\s+R\b", re.S)
_FONT_FILE = re.compile(rb"/FontFile2\s*(\d+)\s+0\s+R")
_PAGE = re.compile(rb"<<\s*/Type\s*/Page\b")  # a page object as Typst writes it (its /Type first)
_ROLE = re.compile(rb"/S\s*/\w+")
_KIND = re.compile(rb"/Subtype\s*/\w+|/Type\s*/\w+|/Parent\b")
# A stream whose dictionary is flat (no << inside), compressed with deflate alone and its length given directly.
_FLATE_STREAM = re.compile(rb"(\d+ 0 obj\s*<<)([^<>]*?/Length )(\d+)([^<>]*)(>>\s*stream\r?\n)")
PER_STREAM = 1000  # objects per object stream: readers load a whole stream to reach one object
LEVEL = 9  # zlib's best compression: deterministic, and a fraction of a second for a pack


def pack_objects(pdf: bytes, content: Callable[[bytes], bytes] | None = None,
                 structure: Callable[[dict[int, bytes]], set[int]] | None = None,
                 fonts: Callable[[bytes], bytes] | None = None) -> bytes:
    """Return `pdf` with its non-stream objects in object streams; a PDF already using them, or not simple, is returned as is.

    `content`, if given, rewrites the decoded content of each page (pdf_content.compact_content for Typst's pages);
    `fonts` each embedded TrueType program (`/FontFile2`, fonts.unhinted);
    `structure` may rewrite and drop non-stream objects (pdf_structure.unwrap_divs), returning the numbers it dropped:
    its changes are kept only if nothing left refers to a dropped object.
    """
    try:
        offsets, trailer, xref_at = _read_classic(pdf)
    except ValueError:
        return pdf
    header = pdf[:min(offsets.values())]
    ends = sorted([*offsets.values(), xref_at])
    after = {start: end for start, end in zip(ends, ends[1:])}
    streams: list[tuple[int, bytes]] = []
    packed: list[tuple[int, bytes]] = []
    for number, start in sorted(offsets.items()):
        chunk = pdf[start:after[start]].rstrip()
        if not chunk.endswith(b"endobj"):
            raise RenderError(f"PDF object {number} does not end in endobj")
        opening = _OBJECT.match(chunk)
        if opening is None or int(opening[1]) != number:
            raise RenderError(f"PDF object {number} is not where the cross-reference table says")
        body = chunk[opening.end():-len(b"endobj")].strip()
        if body.endswith(b"endstream"):
            streams.append((number, chunk))
        else:
            packed.append((number, _SUSPECTS.sub(rb"\1", body)))
    if structure is not None:
        packed = _restructured(packed, [chunk[:chunk.find(b"stream")] for _, chunk in streams], structure)
    pages = {int(n) for _, body in packed if _PAGE.match(body) for n in _page_contents(body)} if content else set()
    programs = {int(n) for _, body in packed for n in _FONT_FILE.findall(body)} if fonts else set()
    streams = [(number, _recompressed(chunk, content if number in pages else fonts if number in programs else None))
               for number, chunk in streams]
    packed.sort(key=_kind)  # like objects side by side: deflate finds their repeats within its 32 KB window
    streams, packed, trailer = _renumbered(streams, packed, trailer)
    size = max(number for number, _ in [*streams, *packed]) + 1
    out = bytearray(header)
    xref: dict[int, tuple[int, int, int]] = {0: (0, 0, 65535)}
    for number, chunk in streams:
        xref[number] = (1, len(out), 0)
        out += chunk + b"\n"
    for first in range(0, len(packed), PER_STREAM):
        group, number = packed[first:first + PER_STREAM], size
        size += 1
        index, data = [], bytearray()
        for position, (packed_number, body) in enumerate(group):
            index.append(b"%d %d" % (packed_number, len(data)))
            data += body + b"\n"
            xref[packed_number] = (2, number, position)
        head = b" ".join(index) + b"\n"
        stream = zlib.compress(head + bytes(data), LEVEL)
        xref[number] = (1, len(out), 0)
        out += b"%d 0 obj\n<</Type/ObjStm/N %d/First %d/Filter/FlateDecode/Length %d>>\nstream\n" % (number, len(group), len(head), len(stream))
        out += stream + b"\nendstream\nendobj\n"
    number, size = size, size + 1
    xref[number] = (1, len(out), 0)
    out += _xref_stream(number, [xref.get(n, (0, 0, 0)) for n in range(size)], trailer)
    out += b"startxref\n%d\n%%%%EOF\n" % xref[number][1]
    return bytes(out)


def _xref_stream(number: int, entries: list[tuple[int, int, int]], trailer: bytes) -> bytes:
    """Return the cross-reference stream object: each field as wide as its largest value needs, rows PNG-Up predicted.

    With the Up predictor a row is stored as its difference from the row above: the entries of objects packed one after
    another in the same object stream differ by one in their index, and deflate makes almost nothing of them.
    """
    widths = [1, *(max(1, (max(entry[i] for entry in entries).bit_length() + 7) // 8) for i in (1, 2))]
    rows = [b"".join(value.to_bytes(width, "big") for value, width in zip(entry, widths)) for entry in entries]
    predicted, above = bytearray(), bytes(sum(widths))
    for row in rows:
        predicted.append(2)  # PNG filter type 2 (Up)
        predicted += bytes((a - b) & 0xFF for a, b in zip(row, above))
        above = row
    stream = zlib.compress(bytes(predicted), LEVEL)
    fields = b"%d %d %d" % (widths[0], widths[1], widths[2])
    return (b"%d 0 obj\n<</Type/XRef/Size %d/W[%s]%s/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns %d>>/Length %d>>\n"
            b"stream\n" % (number, len(entries), fields, trailer, sum(widths), len(stream)) + stream + b"\nendstream\nendobj\n")


def _kind(item: tuple[int, bytes]) -> tuple[bytes, int]:
    """Return a sort key that puts objects of one kind together: structure elements by role, annotations, arrays, others.

    Typst numbers objects in the order it writes them, a structure element's next to the link annotation and the
    parent-tree array of its page; sorted by kind, the object streams of a tagged pack come out about a third smaller.
    """
    number, body = item
    kind = _ROLE.search(body[:200]) or _KIND.search(body[:200])
    return (kind[0] if kind else body[:1]), number


def _renumbered(streams: list[tuple[int, bytes]], packed: list[tuple[int, bytes]],
                trailer: bytes) -> tuple[list[tuple[int, bytes]], list[tuple[int, bytes]], bytes]:
    """Number the objects 1, 2, 3 ... in the order they are written (streams, then the packed ones in packing order).

    The cross-reference stream then runs through each object stream in order (its rows differ by one, which the
    predictor and deflate make almost nothing of) and has no gaps. Every reference is rewritten (never text in a
    string); if one names an object that does not exist, nothing is renumbered.
    """
    order = [number for number, _ in streams] + [number for number, _ in packed]
    new = {old: n for n, old in enumerate(order, 1)}
    missing = False

    def refer(match: re.Match[bytes]) -> bytes:
        nonlocal missing
        if match[1] is None:
            return match[0]
        if int(match[1]) not in new:
            missing = True
            return match[0]
        return b"%d 0 R" % new[int(match[1])]

    renumbered_streams = []
    for number, chunk in streams:
        opening = _OBJECT.match(chunk)
        data_at = chunk.index(b"stream", opening.end() if opening else 0)
        head = b"%d 0 obj\n" % new[number] + _REFERENCE_OR_STRING.sub(refer, chunk[opening.end() if opening else 0:data_at])
        renumbered_streams.append((new[number], head + chunk[data_at:]))
    renumbered = [(new[number], _REFERENCE_OR_STRING.sub(refer, body)) for number, body in packed]
    trailer = _REFERENCE_OR_STRING.sub(refer, trailer)
    if missing:
        return streams, packed, trailer
    return renumbered_streams, renumbered, trailer


def _restructured(packed: list[tuple[int, bytes]], stream_heads: list[bytes],
                  structure: Callable[[dict[int, bytes]], set[int]]) -> list[tuple[int, bytes]]:
    """Return the non-stream objects as `structure` rewrites them, or as they were if a kept object refers to a dropped one."""
    objects = dict(packed)
    dropped = structure(objects)
    if not dropped:
        return packed
    referred = {int(n) for body in [*objects.values(), *stream_heads] for n in _REFERENCE.findall(STRINGS.sub(b"()", body))}
    if referred & dropped:
        return packed
    return sorted(objects.items())


def _page_contents(page: bytes) -> list[bytes]:
    """Return the object numbers of a page's content streams (`/Contents N 0 R` or an array of them)."""
    found = re.search(rb"/Contents\s*(?:(\d+)\s+0\s+R|\[([\d\sR]*)\])", page)
    if found is None:
        return []
    return [found[1]] if found[1] else re.findall(rb"(\d+)\s+0\s+R", found[2])


def _recompressed(chunk: bytes, rewrite: Callable[[bytes], bytes] | None = None) -> bytes:
    """Return a stream object with its deflated data (rewritten by `rewrite`, if given) deflated at zlib's best level.

    Typst deflates quickly; page content (every line a positioned, tagged run of glyphs) is most of a pack, and
    level 9 makes it about 2% smaller. Only a flat dictionary with /FlateDecode as its one filter and no parameters is touched;
    without `rewrite`, the stream is kept as it was unless level 9 is smaller.
    """
    head = _FLATE_STREAM.match(chunk)
    if head is not None and b"/Length1" in head[0]:  # the length of a font program before deflating: kept as it is
        rewrite = None
    if head is None or b"/DecodeParms" in head[0] or not re.search(rb"/Filter\s*/FlateDecode\b(?!\s*/[A-Z]\w*Decode)", head[0]):
        return chunk
    start, length = head.end(), int(head[3])
    if not chunk[start + length:].lstrip().startswith(b"endstream"):
        return chunk
    try:
        data = zlib.decompress(chunk[start:start + length])
    except zlib.error:
        return chunk
    if rewrite is not None:
        data = rewrite(data)
    packed = zlib.compress(data, LEVEL)
    if rewrite is None and len(packed) >= length:
        return chunk
    return b"%s%s%d%s%s%s%s" % (head[1], head[2], len(packed), head[4], head[5], packed, chunk[start + length:])


def _read_classic(pdf: bytes) -> tuple[dict[int, int], bytes, int]:
    """Return the offsets of the objects (generation 0), the trailer's /Root, /Info and /ID, and where `xref` starts."""
    found = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf)
    if found is None:
        raise ValueError("no startxref")
    xref_at = int(found[1])
    if not pdf.startswith(b"xref", xref_at):
        raise ValueError("not a classic cross-reference table")
    section = re.match(rb"xref\s+0 (\d+)\s+", pdf[xref_at:])
    if section is None:
        raise ValueError("more than one cross-reference subsection")
    count = int(section[1])
    entries = _XREF_ENTRY.findall(pdf, xref_at + section.end(), xref_at + section.end() + 20 * count + 20)
    offsets = {n: int(off) for n, (off, gen, kind) in enumerate(entries[:count]) if kind == b"n" and int(gen) == 0}
    if len(entries) < count or any(kind == b"n" and int(gen) != 0 for off, gen, kind in entries[:count]):
        raise ValueError("unexpected cross-reference entries")
    trailer = pdf[xref_at:].split(b"trailer", 1)[1]
    if b"/Encrypt" in trailer or b"/Prev" in trailer:
        raise ValueError("encrypted or updated file")
    kept = b"".join(m[0] for m in re.finditer(rb"/(?:Root|Info) \d+ 0 R|/ID\s*\[[^\]]*\]", trailer))
    return offsets, kept, xref_at
