"""What the preview shows: its settings, its entries with their rendered pages, and failures."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..assemble.loading import LoadedInput
from ..render.options import RenderOptions
from .choices import Choice


@dataclass(frozen=True)
class Settings:
    """Options built from the config file and the command line, or why they cannot be."""

    options: RenderOptions | None
    terms: tuple[Path, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class Entry:
    """One input the preview shows: as loaded, with its rendered pages (HTML or an error line)."""

    name: str
    path: Path
    loaded: LoadedInput | None = None
    error: str | None = None
    pages: dict[Choice, str | Failure] = field(default_factory=dict)


@dataclass(frozen=True)
class Failure:
    """Why a note could not be rendered: the one-line message."""

    message: str


@dataclass(frozen=True)
class Shown:
    """What a page shows: its HTML or an error, what to check, and the version it belongs to."""

    html: str | None
    error: str | None
    version: str
    warnings: tuple[str, ...] = ()
