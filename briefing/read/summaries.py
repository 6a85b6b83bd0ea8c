"""Read summaries (YAML or JSON) from files and stdin, reporting errors with line numbers."""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from ..base.errors import InputError, SummaryError
from ..summary.model import ReferenceError_, Summary, parse_summary

MAX_BYTES = 5 * 1024 * 1024
SUMMARY_SUFFIXES = (".yaml", ".yml", ".json")
MAX_NODES = 100_000  # values in a summary once YAML aliases are expanded (an alias bomb has billions)
MAX_DEPTH = 64
STDIN = "-"
MAX_SIMPLE_KEY = 1024  # YAML's limit on an implicit key's length
# YAML's printable set less YAML 1.1's extra line breaks (LS, PS; NEL is outside the set): text with any other
# character (tabs and BOMs among them) may read differently, and takes the YAML path (ruamel's). The text is
# matched as one greedy run of the set: searching for a character outside it costs about 7 times as much.
_YAML_TEXT = re.compile(r'[\x0A\x0D\x20-\x7E\xA0-\u2027\u202A-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\U00010000-\U0010FFFF]*')
# Besides, text that JSON and YAML 1.2 may read differently: surrogate escapes (JSON joins pairs), a key's
# colon on the next line (no simple key in YAML).
_ODD_JSON = re.compile(r'\\u[dD][89a-fA-F]|\n\s*:')


def _not_yaml_text(text: str) -> bool:
    """Tell whether the text holds a character outside YAML's printable set, or LS or PS."""
    return _YAML_TEXT.match(text).end() != len(text)  # type: ignore[union-attr] # `*` always matches


def read_bytes(path: str | Path, *, limit: int = MAX_BYTES, hint: str | None = None) -> bytes:
    """Read a regular file (or stdin for `-`), never more than `limit` + 1 bytes."""
    if str(path) == STDIN:
        data = sys.stdin.buffer.read(limit + 1)
        name = "<stdin>"
    else:
        name = str(path)
        data = _read_regular(Path(path), name, limit, hint)
    if len(data) > limit:
        raise InputError(f"input is over the {limit // 1048576} MB limit", file=name, hint=hint)
    return data


def _read_regular(path: Path, name: str, limit: int, hint: str | None) -> bytes:
    """Open without blocking (a FIFO with no writer), refuse devices, pipes and folders, read boundedly."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError("no such file", file=name) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", file=name) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=name) from None
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        os.close(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError("is a folder, not a file", file=name)
        raise InputError("is not a regular file (a device, pipe or socket)", file=name)
    if info.st_size > limit:
        os.close(fd)
        raise InputError(f"file is {info.st_size / 1048576:.1f} MB, over the {limit // 1048576} MB limit", file=name, hint=hint)
    with os.fdopen(fd, "rb") as handle:
        try:
            return handle.read(limit + 1)
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", file=name) from None


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


class _NotPlain(Exception):
    """The text may read differently as YAML: leave it to the YAML parser."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs) or max(map(len, found), default=0) > MAX_SIMPLE_KEY:
        raise _NotPlain  # YAML refuses duplicate keys and over-long simple keys
    return found


def _refuse(_text: str) -> Any:
    raise _NotPlain  # floats, NaN and infinities: YAML spells and resolves them its own way


def load_plain_json(text: str) -> Any | None:
    """Parse JSON that YAML 1.2 reads the same (json's C parser, much faster); None for anything else."""
    if _not_yaml_text(text) or _ODD_JSON.search(text):
        return None
    try:
        return json.loads(text, object_pairs_hook=_pairs, parse_float=_refuse, parse_constant=_refuse)
    except (_NotPlain, ValueError, RecursionError):
        return None


# Text the libyaml path leaves to ruamel: characters outside YAML's printable set, tabs, YAML 1.1's extra line
# breaks (NEL, LS, PS) and BOMs, a lone carriage return, a backslash but before the escapes both parsers read
# alike (a \\u escape of a surrogate passes: libyaml refuses it, so ruamel reads it), a line that starts with
# a key's colon (no simple key across lines in YAML 1.2), and many spaces before a colon (a simple key's limit).
_LONE_CR = re.compile(r'\r(?!\n)')
_ODD_ESCAPE = re.compile(r'\\(?![0abtnvfre "/\\N_LP\n]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})')
_FIRST_LINE_COLON, _LINE_COLON, _SPACED_COLON = re.compile(r' *:'), re.compile(r'\n *:'), re.compile(r' {64,}:')
_PLAIN_INT = re.compile(r"[-+]?[1-9][0-9]*")  # what ruamel's round-trip loader reads as a plain int (0 is a ScalarInt)
_PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # ... and as a datetime.date
_STR, _NULL, _BOOL, _INT, _TIMESTAMP = (f"tag:yaml.org,2002:{name}" for name in ("str", "null", "bool", "int", "timestamp"))
_MAX_PLAIN_KEY = MAX_SIMPLE_KEY // 2  # characters of a key on its line: well inside the simple-key limit


def _not_plain_yaml(text: str) -> bool:
    """Tell whether the text holds what the libyaml path leaves to ruamel (each pattern only where its first character is)."""
    return bool(_not_yaml_text(text) or ("\r" in text and _LONE_CR.search(text)) or ("\\" in text and _ODD_ESCAPE.search(text))
                or _FIRST_LINE_COLON.match(text) or _LINE_COLON.search(text)
                or (" " * 64 in text and _SPACED_COLON.search(text)))


def _c_parser() -> Any:
    """PyYAML's loader on libyaml's parser, for its events (None without libyaml: all takes the ruamel path)."""
    import yaml

    return yaml.CBaseLoader if getattr(yaml, "__with_libyaml__", False) else None


@functools.lru_cache(maxsize=8192)
def _resolve(value: str) -> str:
    """The tag YAML 1.2 gives a plain scalar: the very resolver `load_yaml` applies (ruamel's, version 1.2)."""
    from ruamel.yaml.nodes import ScalarNode

    return str(_resolver().resolve(ScalarNode, value, (True, False)))


@functools.cache
def _resolver() -> Any:
    from ruamel.yaml import YAML

    return YAML(typ="rt", pure=True).resolver


def _plain_scalar(value: str) -> Any:
    """Construct a plain scalar as ruamel's round-trip loader does, for the forms it reads as built-in types."""
    tag = _resolve(value)
    if tag == _STR:
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return value.lower() == "true"
    if tag == _INT and _PLAIN_INT.fullmatch(value):
        return int(value)  # ValueError over Python's digit limit: ruamel fails too, and says so
    if tag == _TIMESTAMP and _PLAIN_DATE.fullmatch(value):
        return dt.date(int(value[:4]), int(value[5:7]), int(value[8:10]))  # ValueError for 2026-02-30, as ruamel
    raise _NotPlain  # floats, octal, hex, leading zeros, times of day, merge keys: ruamel's own scalar types


def load_plain_yaml(text: str) -> dict[str, Any] | None:
    """Parse YAML with libyaml (C, ~30x faster) when ruamel's loader reads it the same; None for anything else.

    Taken: one document of block and flow mappings and lists whose keys are strings; plain scalars resolved by
    the YAML 1.2 resolver `load_yaml` uses (yes/no/on/off and 1:20 are strings, as there) into str, null,
    bool, decimal int and date; quoted scalars. Left to ruamel: directives, tags, anchors and aliases, block
    scalars (| and >), duplicate and non-string keys, floats and ruamel's other scalar types, odd characters
    (see _not_plain_yaml), a root that is not a mapping, and every syntax error (ruamel names its line).
    """
    parser = _c_parser()
    if parser is None or _not_plain_yaml(text):
        return None
    try:
        return _build(parser(text))  # only its parser's events: neither its resolver nor its constructor
    except Exception:  # _NotPlain, libyaml's errors, ValueError from a scalar: all for ruamel to read or report
        return None


def _build(parser: Any) -> dict[str, Any]:
    """Build plain dicts and lists from libyaml's events, refusing (_NotPlain) what ruamel might read otherwise."""
    from yaml.events import (
        DocumentEndEvent,
        DocumentStartEvent,
        MappingEndEvent,
        MappingStartEvent,
        ScalarEvent,
        SequenceEndEvent,
        SequenceStartEvent,
        StreamEndEvent,
        StreamStartEvent,
    )

    get = parser.get_event
    if type(get()) is not StreamStartEvent:
        raise _NotPlain
    start = get()
    if type(start) is not DocumentStartEvent or start.version is not None or start.tags:
        raise _NotPlain  # %YAML 1.1 switches ruamel's resolver; %TAG, tags: ruamel's constructors
    root: Any = None
    values = 0  # within to_plain's bounds, so that the tree needs no copy (read_summary)
    stack: list[Any] = []  # open containers, innermost last
    keys: list[Any] = []  # per open container: the mapping's pending key, _NO_KEY, or None for a list
    while True:
        event = get()
        kind = type(event)
        if kind is ScalarEvent:
            if event.anchor is not None or event.tag is not None:
                raise _NotPlain
            style = event.style
            if not style:
                value: Any = _plain_scalar(event.value)
            elif style == '"' or style == "'":
                value = event.value
            else:
                raise _NotPlain  # block scalars: ruamel keeps their style in str subclasses
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            if event.anchor is not None or event.tag is not None:
                raise _NotPlain
            value = {} if kind is MappingStartEvent else []
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            keys.pop()
            continue
        elif kind is DocumentEndEvent:
            if type(get()) is not StreamEndEvent or not isinstance(root, dict):
                raise _NotPlain  # another document (ruamel refuses), or not a mapping (ruamel's error)
            return root
        else:
            raise _NotPlain  # an alias
        if not stack:
            root = value
        else:
            key = keys[-1]
            if key is None:
                stack[-1].append(value)
            elif key is _NO_KEY:
                mark, end = event.start_mark, event.end_mark
                if (type(value) is not str or value in stack[-1] or mark.line != end.line
                        or end.column - mark.column > _MAX_PLAIN_KEY):
                    raise _NotPlain  # a non-string, duplicate, multi-line or over-long key
                keys[-1] = value
                continue
            else:
                stack[-1][key] = value
                keys[-1] = _NO_KEY
        values += 1
        if values > MAX_NODES or len(stack) > MAX_DEPTH:
            raise _NotPlain  # over to_plain's bounds: ruamel's path reports them
        if kind is not ScalarEvent:
            stack.append(value)
            keys.append(_NO_KEY if kind is MappingStartEvent else None)


_NO_KEY = object()


def to_plain(node: Any, name: str = "<summary>") -> Any:
    """Turn ruamel's commented containers into plain dicts and lists, bounding what aliases expand to."""
    budget = [MAX_NODES]

    def plain(value: Any, depth: int) -> Any:
        budget[0] -= 1
        if budget[0] < 0:
            raise SummaryError(f"the YAML expands to more than {MAX_NODES:,} values (aliases?)", file=name,
                               hint="write the summary without anchors and aliases (&, *)")
        if depth > MAX_DEPTH:
            raise SummaryError(f"the YAML is nested more than {MAX_DEPTH} levels deep", file=name)
        if isinstance(value, Mapping):
            return {str(k) if not isinstance(k, (int, bool)) else k: plain(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            return [plain(v, depth + 1) for v in value]
        return value

    return plain(node, 0)


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


def input_loc(loc: Iterable[str | int], data: Any) -> tuple[str | int, ...]:
    """Keep the steps of a pydantic location that are keys of the input, dropping validator names."""
    kept: list[str | int] = []
    steps = list(loc)
    for index, key in enumerate(steps):
        if isinstance(data, Mapping) and key in data:
            kept.append(key)
            data = data[key]
        elif isinstance(data, list) and isinstance(key, int) and 0 <= key < len(data):
            kept.append(key)
            data = data[key]
        elif index == len(steps) - 1 and not (isinstance(key, str) and "[" in key and key.endswith("]")):
            kept.append(key)  # a missing key: not in the input, but the user's word
    return tuple(kept)


def _first_error(exc: ValidationError, tree: Any) -> tuple[tuple[str | int, ...], str, str | None]:
    error = exc.errors(include_url=False)[0]
    loc = input_loc(error["loc"], tree)
    original = (error.get("ctx") or {}).get("error")
    if isinstance(original, ReferenceError_):
        return original.loc, str(original), None
    message, hint = _describe(error, loc)
    extra = len(exc.errors()) - 1
    if extra:
        message += f" (and {extra} more problem{'s' if extra > 1 else ''})"
    return loc, message, hint


def summary_from_tree(tree: Any, name: str, *, terms: Sequence[Path] = (), plain: bool = False) -> Summary:
    """Validate a parsed YAML tree, mapping the first error to its line (`plain`: a tree load_plain_yaml built, used as it is)."""
    if not isinstance(tree, Mapping):
        raise SummaryError("a summary must be a mapping of keys (format, language, event, participants, ...)", file=name)
    plain_tree = tree if plain else to_plain(tree, name)
    try:
        summary = parse_summary(plain_tree)
    except ValidationError as exc:
        loc, message, hint = _first_error(exc, plain_tree)
        line, column = locate(tree, loc)
        raise SummaryError(message, file=name, line=line, column=column, field=field_path(loc), hint=hint) from None
    check_codes(summary, tree, name, terms=terms)
    return summary


def check_codes(summary: Summary, tree: Any, name: str, *, terms: Sequence[Path] = ()) -> None:
    """Refuse a participant country that is neither ISO 3166-1 nor an organisation of the term base."""
    from ..summary.codes import is_known, suggest

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
    plain = load_plain_json(text) if text.lstrip().startswith("{") else None
    built = plain is None  # libyaml's tree is plain data within to_plain's bounds already; json's is not bounded
    if built:
        plain = load_plain_yaml(text)
    if plain is not None:
        try:
            return summary_from_tree(plain, name, terms=terms, plain=built)
        except SummaryError:
            pass  # the YAML path says the same with the line and column
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

    data = {k: v for k, v in dump_summary(summary).items() if v not in ([], {}, None)}
    out = io.StringIO()
    if comment:
        out.write(f"# {comment}\n")
    yaml_writer().dump(data, out)
    return out.getvalue()


def yaml_writer(*, keep_quotes: bool = False) -> Any:
    """The one style of every summary the tool writes: two-space maps, `  - ` lists, long lines whole, UTF-8.

    `keep_quotes` keeps a hand-written file's quoting when it is written back (round trip).
    """
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt", pure=True)
    yaml.width = 4096
    yaml.allow_unicode = True
    yaml.preserve_quotes = keep_quotes
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml
