"""The package's import graph: no cycles (not even through imports inside functions), and every import points down.

Layers, lowest first; a module may import its own layer and the layers below it:
  0 base:      errors, optional, resources, arabic, model (and briefing/__init__'s version)
  1 read:      dates, config, summaries, sources, io, lock, parallel; extract, terms; fulfilment
  2 assemble:  loading, assemble, archive (stores summaries; judges follow-ups with fulfilment)
  3 render:    render/*
  4 notes:     notes (options + render, for a command)
  5 serve:     preview/*
  6 CLI:       commands/*, cli, __main__
Imports under `if TYPE_CHECKING:` are for type hints only and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

LAYERS = {
    "briefing": 0, "briefing.errors": 0, "briefing.optional": 0, "briefing.resources": 0, "briefing.arabic": 0,
    "briefing.model": 0,
    "briefing.dates": 1, "briefing.config": 1, "briefing.summaries": 1, "briefing.sources": 1, "briefing.io": 1,
    "briefing.lock": 1, "briefing.parallel": 1, "briefing.extract": 1, "briefing.terms": 1, "briefing.fulfilment": 1,
    "briefing.translate": 1, "briefing.review": 1, "briefing.codes": 1, "briefing.editing": 1, "briefing.terminal": 1,
    "briefing.loading": 2, "briefing.assemble": 2, "briefing.archive": 2,
    "briefing.render": 3,
    "briefing.notes": 4,
    "briefing.preview": 5,
    "briefing.commands": 6, "briefing.cli": 6, "briefing.__main__": 6,
}
# Imports allowed to point up a layer (none today; one listed here must exist).
ALLOWED_UPWARD: set[tuple[str, str]] = set()


def module_names(root: Path, package: str) -> dict[str, Path]:
    """Return every module of the package under `root`, by dotted name."""
    names = {}
    for path in (root / package).rglob("*.py"):
        parts = path.relative_to(root).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def _type_checking_only(tree: ast.AST) -> set[int]:
    """Return the ids of import nodes inside `if TYPE_CHECKING:` blocks."""
    hidden = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", getattr(node.test, "attr", None)) == "TYPE_CHECKING":
            hidden |= {id(n) for stmt in node.body for n in ast.walk(stmt)}
    return hidden


def import_graph(root: Path, package: str) -> dict[str, set[str]]:
    """Return module -> the package's modules it imports, at the top or inside functions."""
    modules = module_names(root, package)
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        base = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hidden = _type_checking_only(tree)
        found = set()
        for node in ast.walk(tree):
            if id(node) in hidden:
                continue
            if isinstance(node, ast.Import):
                found |= {a.name for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                parts = base.split(".")
                origin = ".".join(parts[: len(parts) - node.level + 1] + ([node.module] if node.module else [])) if node.level else node.module or ""
                found |= {f"{origin}.{a.name}" if f"{origin}.{a.name}" in modules else origin for a in node.names}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def layer(module: str) -> int:
    """Return the layer of a module: that of its longest listed prefix."""
    prefixes = [p for p in LAYERS if module == p or module.startswith(p + ".")]
    assert prefixes, f"{module} is in no layer: add it to LAYERS in {__file__}"
    return LAYERS[max(prefixes, key=len)]


def upward(graph: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Return the imports that point to a higher layer."""
    return sorted((a, b) for a, targets in graph.items() for b in targets if layer(b) > layer(a))


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph(ROOT, "briefing")


def test_no_module_imports_itself_back_through_others(graph):
    assert cycles(graph) == []


def test_every_import_points_down_the_pipeline(graph):
    found = upward(graph)
    assert [edge for edge in found if edge not in ALLOWED_UPWARD] == []
    assert ALLOWED_UPWARD <= set(found), "an allowed upward import is gone: remove it from ALLOWED_UPWARD"


def test_the_check_sees_cycles_through_function_imports_and_upward_imports(tmp_path):
    package = tmp_path / "briefing"
    (package / "render").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "render" / "__init__.py").write_text("")
    (package / "model.py").write_text("def f():\n    from .render import html\n")
    (package / "render" / "html.py").write_text("from ..model import f\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .. import cli\n")
    (package / "cli.py").write_text("from .render.html import f\n")
    control = import_graph(tmp_path, "briefing")
    assert cycles(control) == [["briefing.model", "briefing.render.html"]]
    assert upward(control) == [("briefing.model", "briefing.render.html")]
    assert "briefing.cli" not in control["briefing.render.html"]
