"""Take out of a tagged PDF's structure tree the `Div`s that only wrap one other element.

Typst tags every grid as a `Div` and every cell of it as a `Div` again, around the cell's one paragraph
(`Span`) or heading: in a pack most cells hold exactly one. A `Div` says nothing to a reader but "these go
together"; around a single element it says nothing at all, and each is an object of its own (a tenth of a
tagged pack's structure). `unwrap_divs` gives the wrapped element the `Div`'s place in its parent (and the
`Div`'s language, when it has none of its own) and drops the `Div`. Only a `Div` as Typst writes it is taken
out: a parent, a language at most, one kid that is a structure element, and nothing else (no attributes, title,
ID or content of its own). Headings, paragraphs, links, tables and lists stay as they are; so does the content
and the parent tree (a `Div` has no marked content of its own).
"""

from __future__ import annotations

import re

from .pdf_objects import STRINGS

_DIV = re.compile(rb"<</Type/StructElem/S/Div/P (\d+) 0 R(/Lang(?:\((?:[^()\\]|\\.)*\)|<[0-9A-Fa-f]*>))?/K(?:\[(\d+) 0 R\]|(\d+) 0 R)>>")
_ELEMENT = re.compile(rb"<</Type/StructElem/S/\w+/P (\d+) 0 R")
_REFERENCE = re.compile(rb"(?<!\d)(\d+) 0 R")  # one pattern for every number: compiling one per Div cost most of the time
_KIDS = re.compile(rb"/K\s*(\[(?:<<[^<>]*>>|[^\[\]<>])*\]|\d+ 0 R)")


def unwrap_divs(objects: dict[int, bytes]) -> set[int]:
    """Take single-child `Div`s out of the structure tree held in `objects` (number -> body); return the numbers taken out."""
    removed: set[int] = set()
    for number in sorted(objects):
        div = _DIV.fullmatch(objects[number])
        if div is None:
            continue
        parent, lang, kid = int(div[1]), div[2] or b"", int(div[3] or div[4])
        kid_body, parent_body = objects.get(kid), objects.get(parent)
        if kid_body is None or parent_body is None:
            continue
        head = _ELEMENT.match(kid_body)
        if head is None or int(head[1]) != number:
            continue
        kids = _KIDS.search(_blank_strings(parent_body))
        if kids is None:
            continue
        # The Div's number names the Div alone: within marked-content and object references it cannot stand for a page or an annotation.
        found = [ref for ref in _REFERENCE.finditer(kids[1]) if int(ref[1]) == number]
        if len(found) != 1:
            continue
        own_lang = b"/Lang" in _blank_strings(kid_body)
        objects[kid] = (kid_body[:head.start(1)] + b"%d" % parent + kid_body[head.end(1):head.end()]
                        + (b"" if own_lang else lang) + kid_body[head.end():])
        at = kids.start(1) + found[0].start(1), kids.start(1) + found[0].end(1)
        objects[parent] = parent_body[:at[0]] + b"%d" % kid + parent_body[at[1]:]
        del objects[number]
        removed.add(number)
    return removed


def _blank_strings(body: bytes) -> bytes:
    """Return a body with every string's text replaced by spaces (its length kept), so that keys inside titles do not count."""
    return STRINGS.sub(lambda m: m[0][:1] + b" " * (len(m[0]) - 2) + m[0][-1:], body)
