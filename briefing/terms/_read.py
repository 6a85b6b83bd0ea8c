"""Parse term files (TSV, one term a line) into rows, naming file, line and field on error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..base.errors import InputError

KINDS = ("country", "organisation", "title", "honorific", "epithet", "person", "city", "stance", "topic", "followup", "event")
FIELDS = ("kind", "key", "ar", "en", "variants_ar", "variants_en", "attrs")
_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.\-]*$")
_ATTR = re.compile(r"^[a-z][a-z0-9_]*$")
_BRACES = re.compile(r"\{([^{}]*)\}")
MAX_EXPANSION = 4096


@dataclass(frozen=True)
class Row:
    """One line of a term file as written (variants already brace-expanded)."""

    kind: str
    key: str
    ar: str
    en: str
    variants_ar: tuple[str, ...]
    variants_en: tuple[str, ...]
    attrs: tuple[tuple[str, str], ...]
    append: tuple[bool, bool]  # variants_ar / variants_en started with "+": add to, not replace
    source: str
    line: int


def expand(pattern: str) -> list[str]:
    """Expand `{a,b} c` alternations into every spelled-out form, in order."""
    m = _BRACES.search(pattern)
    if m is None:
        if "{" in pattern or "}" in pattern:
            raise ValueError("unbalanced or nested braces")
        return [" ".join(pattern.split())]
    out: list[str] = []
    for choice in m.group(1).split(","):
        out.extend(expand(pattern[: m.start()] + choice.strip() + pattern[m.end() :]))
        if len(out) > MAX_EXPANSION:
            raise ValueError(f"braces expand to more than {MAX_EXPANSION} forms")
    return out


def _variants(cell: str) -> tuple[tuple[str, ...], bool]:
    """Split a `a | b | {c,d} e` cell into forms; a leading `+` means append."""
    cell = cell.strip()
    append = cell.startswith("+")
    if append:
        cell = cell[1:]
    forms: list[str] = []
    for part in cell.split("|"):
        if part.strip():
            forms.extend(f for f in expand(part) if f and f not in forms)
    return tuple(forms), append


def _attrs(cell: str) -> tuple[tuple[str, str], ...]:
    """Parse `country=RU; office=president` into pairs."""
    pairs: list[tuple[str, str]] = []
    for part in cell.split(";"):
        if not part.strip():
            continue
        name, eq, value = part.partition("=")
        name, value = name.strip(), value.strip()
        if not eq or not _ATTR.match(name) or not value:
            raise ValueError(f"{part.strip()!r} is not name=value")
        pairs.append((name, value))
    return tuple(pairs)


def parse_rows(text: str, source: str) -> list[Row]:
    """Parse the text of one term file; raise InputError at the first bad line."""
    rows: list[Row] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0].strip() == "kind" and len(rows) == 0:
            continue  # header line
        if len(cells) > len(FIELDS):
            raise InputError(f"{len(cells)} tab-separated fields, at most {len(FIELDS)}", file=source, line=number,
                             hint="fields: " + " TAB ".join(FIELDS))
        cells += [""] * (len(FIELDS) - len(cells))
        kind, key, ar, en = (c.strip() for c in cells[:4])

        def bad(field: str, message: str, hint: str | None = None, number: int = number) -> InputError:
            return InputError(message, file=source, line=number, field=field, hint=hint)

        if kind not in KINDS:
            hint = "fields are separated by TAB characters" if len(line.split("\t")) == 1 else None
            raise bad("kind", f"unknown kind {kind[:40]!r}", hint or "one of: " + ", ".join(KINDS))
        if not _KEY.match(key):
            raise bad("key", f"{key!r} is not a key", "letters, digits, _ . - (no spaces)")
        if kind == "country" and not re.fullmatch(r"[A-Z]{2}", key):
            raise bad("key", f"{key!r} is not an ISO 3166-1 alpha-2 code", "two capital letters, e.g. TJ")
        try:
            var_ar, app_ar = _variants(cells[4])
        except ValueError as exc:
            raise bad("variants_ar", str(exc)) from None
        try:
            var_en, app_en = _variants(cells[5])
        except ValueError as exc:
            raise bad("variants_en", str(exc)) from None
        try:
            attrs = _attrs(cells[6])
        except ValueError as exc:
            raise bad("attrs", str(exc), "write attrs as name=value; name=value") from None
        rows.append(Row(kind, key, ar, en, var_ar, var_en, attrs, (app_ar, app_en), source, number))
    return rows


def read_rows(path: Path) -> list[Row]:
    """Read and parse one term file (UTF-8, BOM allowed)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read term file: {exc.strerror}", file=str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError("term file is not UTF-8", file=str(path), line=line, hint="save it as UTF-8") from None
    return parse_rows(text, str(path))
