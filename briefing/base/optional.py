"""Import an optional dependency (a pip extra), or say in one line which extra to install."""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingExtraError

EXTRAS = {"trafilatura": "html", "psycopg": "postgresql"}  # module -> extra in pyproject.toml


def import_optional(module: str, purpose: str) -> ModuleType:
    """Return the imported module; MissingExtraError naming the extra when it cannot be imported."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra = EXTRAS[module]
        raise MissingExtraError(f"{purpose} needs {module}", hint=f"pip install 'briefing[{extra}]'") from None
