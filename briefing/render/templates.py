"""Find templates through an ordered search path and load the note's fixed wording."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

from ..base.errors import ConfigError, RenderError
from ..base.resources import data_dir
from ..summary.model import Text

LABELS_FILE = "labels.yaml"


def search_path(*user_dirs: Path | None) -> list[Path]:
    """Return the template folders to search, the user's first, the shipped theme last."""
    dirs = []
    for folder in user_dirs:
        if folder is None:
            continue
        if not folder.is_dir():
            raise ConfigError("template folder does not exist", file=folder)
        dirs.append(folder.resolve())
    dirs.append(data_dir("templates"))
    return dirs


def load_labels(path: Sequence[Path]) -> dict[str, dict[str, Text]]:
    """Load labels.yaml from every folder on the path, the earlier folders winning."""
    merged: dict[str, dict[str, Text]] = {}
    for folder in reversed(path):
        file = folder / LABELS_FILE
        if not file.is_file():
            continue
        data = _read_labels(file)
        for group, entries in (data or {}).items():
            if not isinstance(entries, dict):
                raise ConfigError("expected a mapping of labels", file=file, field=str(group))
            for key, value in entries.items():
                if not isinstance(value, dict) or set(value) - {"ar", "en"}:
                    raise ConfigError("a label needs `ar` and `en`", file=file, field=f"{group}.{key}")
                merged.setdefault(group, {})[key] = Text(**value)
    return merged


def _read_labels(file: Path) -> Any:
    """Parse a labels file: libyaml when it reads it as ruamel does (see summaries.load_plain_yaml), else ruamel."""
    from ..read.summaries import load_plain_yaml

    text = file.read_text(encoding="utf-8")
    data = load_plain_yaml(text)
    if data is not None:
        return data
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe", pure=True).load(text)
    except Exception as exc:
        raise ConfigError(f"labels do not parse: {exc}", file=file) from None


def make_environment(path: Sequence[Path]) -> Any:
    """Return a Jinja2 environment over `path`: autoescaped, strict about undefined names."""
    return _environment(tuple(path))


def _bytecode_cache() -> Any:
    """Return a per-user cache of compiled templates (saves ~0.1 s per run), or None."""
    import os

    import jinja2

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    folder = Path(base) / "briefing" / "templates"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None

    class _Cache(jinja2.FileSystemBytecodeCache):
        """A cache that a full disk or a read-only home never turns into an error (it is only a speed-up)."""

        def dump_bytecode(self, bucket: Any) -> None:
            try:
                super().dump_bytecode(bucket)
            except OSError:
                pass

        def load_bytecode(self, bucket: Any) -> None:
            try:
                super().load_bytecode(bucket)
            except (OSError, EOFError, ValueError):
                bucket.reset()

    return _Cache(str(folder))


@cache
def _environment(path: tuple[Path, ...]) -> Any:
    """Themes are trusted to lay out, not to run code: templates run in Jinja2's sandbox."""
    import jinja2
    from jinja2.sandbox import SandboxedEnvironment

    return SandboxedEnvironment(
        bytecode_cache=_bytecode_cache(),
        loader=jinja2.FileSystemLoader([str(p) for p in path]),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def template_error(exc: Exception) -> RenderError:
    """Turn a Jinja2 error into our RenderError, naming the template file and line."""
    name = getattr(exc, "filename", None) or getattr(exc, "name", None)
    return RenderError(getattr(exc, "message", None) or str(exc), file=name, line=getattr(exc, "lineno", None))
