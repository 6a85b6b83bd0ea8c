"""Read summaries (YAML or JSON) from files and stdin, reporting errors with line numbers."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import InputError, SummaryError
from .model import ReferenceError_, Summary, parse_summary

MAX_BYTES = 5 * 1024 * 1024
SUMMARY_SUFFIXES = (".yaml", ".yml", ".json")
STDIN = "-"


def read_bytes(path: str | Path, *, limit: int = MAX_BYTES, hint: str | None = None) -> bytes:
    """Read a file (or stdin for `-`), refusing what is missing or larger than `limit`."""
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
        name = "<stdin>"
    else:
        p = Path(path)
        name = str(path)
        if not p.exists():
            raise InputError("no such file", file=name)
        if p.is_dir():
            raise InputError("is a folder, not a file", file=name)
        try:
            size = p.stat().st_size
            if size > limit:
                raise InputError(f"file is {size / 1048576:.1f} MB, over the {limit // 1048576} MB limit", file=name, hint=hint)
            data = p.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror}", file=name) from None
    if len(data) > limit:
        raise InputError(f"input is over the {limit // 1048576} MB limit", file=name, hint=hint)
    return data


def decode_utf8(data: bytes, name: str) -> str:
    """Decode UTF-8 (BOM allowed), naming the line of the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(
            f"text is not UTF-8 (byte 0x{data[exc.start]:02x})",
            file=name,
            line=line,
            hint="save the summary as UTF-8",
        ) from None


def load_yaml(text: str, name: str, *, keep_quotes: bool = False) -> Any:
    """Parse YAML 1.2 (JSON included), keeping line numbers on mappings and lists (and quoting, to write back)."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError

    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = keep_quotes
    try:
        return yaml.load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "cannot parse"
        raise SummaryError(
            f"YAML does not parse: {problem}",
            file=name,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except Exception as exc:  # ruamel raises several unrelated types on odd input
        raise SummaryError(f"YAML does not parse: {exc}", file=name) from None


def to_plain(node: Any) -> Any:
    """Turn ruamel's commented containers into plain dicts and lists."""
    if isinstance(node, Mapping):
        return {str(k) if not isinstance(k, (int, bool)) else k: to_plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [to_plain(v) for v in node]
    return node


def locate(root: Any, loc: Iterable[str | int]) -> tuple[int | None, int | None]:
    """Return the 1-based (line, column) of the node at `loc` in a ruamel tree."""
    node, line, col = root, None, None
    for key in loc:
        lc = getattr(node, "lc", None)
        try:
            if isinstance(node, Mapping) and key in node:
                if lc is not None:
                    line, col = lc.key(key)
                node = node[key]
            elif isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
                if lc is not None:
                    line, col = lc.item(key)
                node = node[key]
            else:
                break
        except (KeyError, TypeError, AttributeError):
            break
    if line is None and getattr(root, "lc", None) is not None:
        line, col = root.lc.line, root.lc.col
    return (line + 1 if line is not None else None, col + 1 if col is not None else None)


def field_path(loc: Iterable[str | int]) -> str:
    """Render a pydantic location as `participants[0].side`."""
    text = ""
    for key in loc:
        if isinstance(key, int):
            text += f"[{key}]"
        elif "[" in str(key):  # pydantic's validator steps, e.g. "function-before[...]"
            continue
        else:
            text += f".{key}" if text else str(key)
    return text or "(top level)"


def _model_at(loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """Return the model class that owns the field at `loc` (for key suggestions)."""
    model: Any = Summary
    for key in loc:
        if isinstance(key, int):
            continue
        field = model.model_fields.get(key) if isinstance(model, type) and issubclass(model, BaseModel) else None
        if field is None:
            return None
        model = _inner_model(field.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    from typing import get_args

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _describe(error: Mapping[str, Any], loc: tuple[str | int, ...]) -> tuple[str, str | None]:
    """Return (message, hint) for one pydantic error in plain words."""
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        owner = _model_at(loc[:-1])
        known = list(owner.model_fields) if owner else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f"did you mean {close[0]!r}?" if close else (f"valid keys: {', '.join(known)}" if known else None)
        return f"unknown key {loc[-1]!r}", hint
    if kind in ("enum", "literal_error"):
        expected = error.get("ctx", {}).get("expected", "")
        return f"{value!r} is not allowed", f"allowed: {expected.replace(chr(39), '')}"
    if kind == "missing":
        return "is required", None
    if kind == "too_short" and isinstance(value, list):
        return "must not be empty", "list at least one"
    if kind == "string_pattern_mismatch":
        return f"{value!r} has the wrong form", f"expected to match {error.get('ctx', {}).get('pattern')}"
    message = error["msg"]
    message = message.removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return message, None


def _first_error(exc: ValidationError) -> tuple[tuple[str | int, ...], str, str | None]:
    error = exc.errors(include_url=False)[0]
    loc = tuple(k for k in error["loc"] if not (isinstance(k, str) and ("[" in k or "(" in k)))
    original = (error.get("ctx") or {}).get("error")
    if isinstance(original, ReferenceError_):
        return original.loc, str(original), None
    message, hint = _describe(error, loc)
    extra = len(exc.errors()) - 1
    if extra:
        message += f" (and {extra} more problem{'s' if extra > 1 else ''})"
    return loc, message, hint


def summary_from_tree(tree: Any, name: str, *, terms: Sequence[Path] = ()) -> Summary:
    """Validate a parsed YAML tree, mapping the first error to its line."""
    if not isinstance(tree, Mapping):
        raise SummaryError("a summary must be a mapping of keys (format, language, event, participants, ...)", file=name)
    try:
        summary = parse_summary(to_plain(tree))
    except ValidationError as exc:
        loc, message, hint = _first_error(exc)
        line, column = locate(tree, loc)
        raise SummaryError(message, file=name, line=line, column=column, field=field_path(loc), hint=hint) from None
    check_codes(summary, tree, name, terms=terms)
    return summary


def check_codes(summary: Summary, tree: Any, name: str, *, terms: Sequence[Path] = ()) -> None:
    """Refuse a participant country that is neither ISO 3166-1 nor an organisation of the term base."""
    from .codes import is_known, suggest

    for index, participant in enumerate(summary.participants):
        code = participant.country
        if code is None or is_known(code, terms):
            continue
        loc = ("participants", index, "country")
        line, column = locate(tree, loc)
        close = suggest(code, terms)
        hint = f"did you mean {close!r}?" if close else "use an ISO 3166-1 alpha-2 code, or an organisation's acronym from the term base"
        raise SummaryError(f"{code!r} is not a country code (ISO 3166-1 alpha-2) nor a known organisation",
                           file=name, line=line, column=column, field=field_path(loc), hint=hint)


def read_summary(path: str | Path, *, terms: Sequence[Path] = ()) -> Summary:
    """Read and validate one summary file (`-` for stdin); `terms` adds organisations to the known codes."""
    name = "<stdin>" if str(path) == STDIN else str(path)
    text = decode_utf8(read_bytes(path), name)
    if not text.strip():
        raise SummaryError("file is empty", file=name)
    return summary_from_tree(load_yaml(text, name), name, terms=terms)


def is_summary_path(path: str | Path) -> bool:
    """Tell whether a path names a summary (by suffix) rather than a release."""
    return str(path) == STDIN or Path(path).suffix.lower() in SUMMARY_SUFFIXES


def dump_summary(summary: Summary) -> dict[str, Any]:
    """Return the summary as plain data in format 1 key order, without empty values."""
    return summary.model_dump(mode="json", exclude_none=True, exclude_defaults=False)


def summary_yaml(summary: Summary, *, comment: str | None = None) -> str:
    """Return a summary as format-1 YAML (keys in model order, empty values left out) that reads back equal."""
    import io

    from ruamel.yaml import YAML

    data = {k: v for k, v in dump_summary(summary).items() if v not in ([], {}, None)}
    yaml = YAML()
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    if comment:
        out.write(f"# {comment}\n")
    yaml.dump(data, out)
    return out.getvalue()
