"""Which files a preview depends on, and what a change to each of them calls for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..render.options import RenderOptions

ENTRY_SUFFIXES = (".yaml", ".yml", ".json", ".txt", ".md", ".html", ".htm", ".docx")


@dataclass(frozen=True)
class Scope:
    """What a set of changes calls for: new settings (and reloading every input), a new render, fresh caches."""

    settings: bool = True
    render: bool = True


@dataclass(frozen=True)
class Watched:
    """The files and folders a preview depends on, resolved."""

    inputs: frozenset[Path]  # single input files
    entry_folder: Path | None  # a folder input: every summary or release in it
    settings: frozenset[Path]  # config and term files
    settings_folders: frozenset[Path]  # the shipped term base
    render_folders: frozenset[Path]  # templates and fonts

    def roots(self) -> list[Path]:
        """Return the folders to watch (not recursively), those that exist."""
        folders = {p.parent for p in self.inputs | self.settings} | self.settings_folders | self.render_folders
        if self.entry_folder is not None:
            folders.add(self.entry_folder)
        return sorted(f for f in folders if f.is_dir())

    def matters(self, path: Path) -> bool:
        """Tell whether a change to `path` can change what the preview shows."""
        path = path.resolve()
        if path in self.inputs or path in self.settings:
            return True
        if path.parent in self.settings_folders or path.parent in self.render_folders:
            return not path.name.startswith(".")
        return (path.parent == self.entry_folder and path.suffix.lower() in ENTRY_SUFFIXES
                and not path.name.startswith("."))

    def classify(self, paths: set[Path] | None) -> Scope:
        """Return what changes to `paths` call for (None: everything)."""
        if paths is None:
            return Scope()
        settings = any(p in self.settings or p.parent in self.settings_folders for p in paths)
        render = any(p.parent in self.render_folders for p in paths)
        return Scope(settings=settings, render=render or settings)


def find_watched(target: Path, options: RenderOptions | None, config_file: Path, terms: Sequence[Path]) -> Watched:
    """Return what a preview of `target` depends on, with these options."""
    render: set[Path] = set()
    if options is not None:
        render.update(p.resolve() for p in options.template_dirs)
        render.update(options.fonts.folders())
    from ..base.resources import data_dir

    render.add(data_dir("templates"))
    render.add(data_dir("fonts"))
    target = target.resolve()
    return Watched(
        inputs=frozenset() if target.is_dir() else frozenset({target}),
        entry_folder=target if target.is_dir() else None,
        settings=frozenset({config_file.resolve(), *(Path(p).resolve() for p in terms)}),
        settings_folders=frozenset(_shipped_terms()),
        render_folders=frozenset(render),
    )


def _shipped_terms() -> list[Path]:
    """Return the folder of the shipped term base, if the package has one."""
    folder = Path(__file__).resolve().parent.parent / "terms" / "data"
    return [folder] if folder.is_dir() else []
