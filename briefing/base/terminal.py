"""Make text safe to print on a terminal: no control characters, escape sequences or lone surrogates."""

from __future__ import annotations

import re

# C0 (tab and newline too: a table cell or an error is one line), DEL, C1 (CSI is U+009B), bidi overrides.
_CONTROLS = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")


def printable(text: str) -> str:
    """Return `text` with every control character shown as a space and lone surrogates as U+FFFD."""
    return _SURROGATES.sub("\ufffd", _CONTROLS.sub(" ", text))
