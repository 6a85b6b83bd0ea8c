"""Change a summary file in place, keeping its comments, order and style (ruamel.yaml round trip)."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..base.errors import ConflictError, InputError
from ..base.io import write_atomic
from ..read.summaries import decode_utf8, load_yaml, read_bytes, summary_from_tree, yaml_writer
from ..summary.model import Summary

_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")
_ITEM_LISTS = ("participants", "agenda", "positions", "follow_ups")


@dataclass(frozen=True)
class Document:
    """A summary file as opened for editing: its path, text, round-trip tree and the digest of its bytes."""

    path: Path
    text: str
    tree: Any
    digest: str


def digest_of(data: bytes) -> str:
    """Return the digest that identifies one version of a file."""
    return hashlib.sha256(data).hexdigest()


def open_document(path: Path, *, terms: Sequence[Path] = ()) -> Document:
    """Read a summary file for editing (it must parse and validate as it stands)."""
    data = read_bytes(path)
    text = decode_utf8(data, str(path))
    tree = load_yaml(text, str(path), keep_quotes=True)
    summary_from_tree(tree, str(path), terms=terms)
    return Document(path, text, tree, digest_of(data))


def parse_path(path: str) -> list[str | int]:
    """Split `participants[0].name.en` into ['participants', 0, 'name', 'en']."""
    steps: list[str | int] = []
    for part in path.split("."):
        match = _STEP.fullmatch(part)
        if match is None:
            raise InputError(f"{path!r} is not a field path", hint="write e.g. participants[0].side")
        steps.append(match.group(1))
        if match.group(2) is not None:
            steps.append(int(match.group(2)))
    return steps


def _walk(tree: Any, steps: Sequence[str | int], *, create: bool, language: str | None = None) -> Any:
    from ruamel.yaml.comments import CommentedMap

    node = tree
    for number, step in enumerate(steps):
        if isinstance(step, int):
            if not isinstance(node, list) or not 0 <= step < len(node):
                raise InputError(f"no item {step} here", field=".".join(map(str, steps)))
            node = node[step]
        else:
            if not isinstance(node, dict):
                raise InputError(f"{step!r} is not inside a mapping", field=".".join(map(str, steps)))
            if node.get(step) is None:
                if not create:
                    raise InputError(f"no field {step!r}", field=".".join(map(str, steps)))
                node[step] = CommentedMap()
            elif isinstance(node[step], str) and create and language and number == len(steps) - 1:
                # a text written as a plain string is in the summary's language: make it {lang: ...}
                node[step] = CommentedMap({language: node[step]})
                node[step].fa.set_flow_style()
            node = node[step]
    return node


def _item_and_key(steps: list[str | int]) -> tuple[list[str | int], str] | None:
    """Return (path of the item that owns an `origin`, the origin key) for a value's path."""
    if len(steps) >= 3 and steps[0] in _ITEM_LISTS and isinstance(steps[1], int):
        return steps[:2], ".".join(str(s) for s in steps[2:])
    if len(steps) >= 2 and steps[0] in ("event", "source"):
        return steps[:1], ".".join(str(s) for s in steps[1:])
    return None


def set_value(tree: Any, path: str, value: Any, *, language: str | None = None) -> None:
    """Set (or, with None, remove) one value; an origin recorded for it becomes `person`."""
    from ruamel.yaml.comments import CommentedMap

    steps = parse_path(path)
    parent = _walk(tree, steps[:-1], create=value is not None, language=language)
    last = steps[-1]
    if value is None:
        if isinstance(parent, dict):
            parent.pop(last, None)
    elif isinstance(parent, dict) and isinstance(last, str):
        parent[last] = value
    else:
        raise InputError("cannot set a list item by index", field=path)
    owner = _item_and_key(steps)
    if owner is not None:
        item = _walk(tree, owner[0], create=False)
        origin = item.get("origin") if isinstance(item, dict) else None
        if isinstance(origin, dict) and owner[1] in origin:
            entry = CommentedMap(by="person")
            entry.fa.set_flow_style()
            origin[owner[1]] = entry


def remove_item(tree: Any, path: str) -> None:
    """Drop one list item, e.g. `positions[2]` (and references to nothing are left for validation)."""
    steps = parse_path(path)
    if not steps or not isinstance(steps[-1], int):
        raise InputError(f"{path!r} does not name a list item", field=path)
    parent = _walk(tree, steps[:-1], create=False)
    if not isinstance(parent, list) or not 0 <= steps[-1] < len(parent):
        raise InputError("no such item", field=path)
    del parent[steps[-1]]


def mark_reviewed(tree: Any, by: str, on: dt.date) -> None:
    """Record who checked the summary and when, as the last top-level key."""
    from ruamel.yaml.comments import CommentedMap

    if not by.strip():
        raise InputError("a reviewer's name is required", field="reviewed.by")
    entry = CommentedMap(by=by.strip(), on=on)
    entry.fa.set_flow_style()
    if "reviewed" in tree:
        tree["reviewed"] = entry
    else:
        tree.insert(len(tree), "reviewed", entry)


def dump_tree(tree: Any) -> str:
    """Write the tree back as YAML in the style of our summaries (two-space maps, `  - ` lists, null)."""
    yaml = yaml_writer(keep_quotes=True)
    yaml.representer.add_representer(type(None), lambda r, _: r.represent_scalar("tag:yaml.org,2002:null", "null"))
    out = io.StringIO()
    yaml.dump(tree, out)
    return out.getvalue()


def validate_tree(document: Document, tree: Any, *, terms: Sequence[Path] = ()) -> tuple[Summary, str]:
    """Return the summary an edited tree makes, as it would be written, and that text."""
    text = dump_tree(tree)
    name = str(document.path)
    return summary_from_tree(load_yaml(text, name), name, terms=terms), text


def save_document(document: Document, tree: Any, *, terms: Sequence[Path] = ()) -> tuple[Summary, str]:
    """Validate the edited tree, check the file did not change meanwhile, write it: (summary, new digest)."""
    summary, text = validate_tree(document, tree, terms=terms)
    name = str(document.path)
    try:
        current = document.path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror}", file=name) from None
    if digest_of(current) != document.digest:
        raise ConflictError("the file changed on disk since it was opened; nothing was written", file=name,
                            hint="reload to see the other change, then edit again")
    data = text.encode("utf-8")
    write_atomic(document.path, data)
    return summary, digest_of(data)

