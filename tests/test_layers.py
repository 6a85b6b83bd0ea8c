"""The package's import graph: no cycles (not even through imports inside functions), and every import points down.

The folders are the pipeline's stages; layers, lowest first; a module may import its own layer and the layers below:
  0 base:      base/ (errors, optional imports, resources, Arabic letters, atomic writing, locks, a process pool)
  1 terms:     terms/ (the bilingual term base)
  2 summary:   summary/ (the format-1 model, country codes, review, follow-up fulfilment, people; pure)
  3 read:      read/ (releases, summaries, dates in text, the settings file)
  4 extract:   extract/ (release -> summary), translate/ (fill pending translations)
  5 assemble:  assemble/ (load inputs; packs and digests as data), archive/ (stored events and follow-ups)
  6 render:    render/
  7 write:     write/ (a note's formats from an input; summaries changed in place)
  8 serve:     preview/
  9 CLI:       commands/, cli, __main__
Imports under `if TYPE_CHECKING:` are for type hints only and are not counted.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from support import ROOT

LAYERS = {
    "briefing": 0, "briefing.base": 0,
    "briefing.terms": 1,
    "briefing.summary": 2,
    "briefing.read": 3,
    "briefing.extract": 4, "briefing.translate": 4,
    "briefing.assemble": 5, "briefing.archive": 5,
    "briefing.render": 6,
    "briefing.write": 7,
    "briefing.preview": 8,
    "briefing.commands": 9, "briefing.cli": 9, "briefing.__main__": 9,
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
    (package / "summary").mkdir()
    (package / "__init__.py").write_text("")
    (package / "render" / "__init__.py").write_text("")
    (package / "summary" / "__init__.py").write_text("")
    (package / "summary" / "model.py").write_text("def f():\n    from ..render import html\n")
    (package / "render" / "html.py").write_text("from ..summary.model import f\nfrom typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .. import cli\n")
    (package / "cli.py").write_text("from .render.html import f\n")
    control = import_graph(tmp_path, "briefing")
    assert cycles(control) == [["briefing.render.html", "briefing.summary.model"]]
    assert upward(control) == [("briefing.summary.model", "briefing.render.html")]
    assert "briefing.cli" not in control["briefing.render.html"]
