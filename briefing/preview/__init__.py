"""A local preview server: the note as a web page that re-renders and reloads while you edit."""

from __future__ import annotations

from .server import Preview
from .site import Site

__all__ = ["Preview", "Site"]
