"""Our modules import each other without circles, and the package layering holds.

Every ``import`` in every module of the four packages counts, including those inside functions (a
lazy import only hides a circle until someone calls the function): the graph of module -> module
imports must have no cycle. A ``from pkg import name`` counts as an import of ``pkg.name`` when
that is a module, else of ``pkg``.
"""
from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ("workloads", "costmodels", "llm_agents", "h2h")
# which of our packages each package may import (ARCHITECTURE.md)
ALLOWED = {"workloads": {"workloads"}, "costmodels": {"workloads", "costmodels"},
           "llm_agents": {"llm_agents"}, "h2h": set(PACKAGES)}


def _modules() -> dict[str, Path]:
    out = {}
    for pkg in PACKAGES:
        for path in sorted((REPO / pkg).rglob("*.py")):
            parts = path.relative_to(REPO).with_suffix("").parts
            out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The modules of ours that module ``name`` imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for a in node.names:
                found.add(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base)
    return {m for m in found if m in modules and m != name}


def _graph() -> nx.DiGraph:
    modules = _modules()
    g = nx.DiGraph()
    for name, path in modules.items():
        g.add_node(name)
        g.add_edges_from((name, other) for other in _imports(name, path, modules))
    return g


def test_the_import_graph_has_no_cycle():
    g = _graph()
    assert g.number_of_nodes() > 100 and g.number_of_edges() > 100   # the walk found the code
    cycles = [c for c in nx.simple_cycles(g)]
    shown = sorted(" -> ".join([*c, c[0]]) for c in cycles)[:10]
    assert not cycles, f"{len(cycles)} import cycle(s), e.g.:\n" + "\n".join(shown)


def test_packages_import_only_the_layers_beneath_them():
    bad = sorted(f"{a} imports {b}" for a, b in _graph().edges
                 if b.split(".")[0] not in ALLOWED[a.split(".")[0]])
    assert not bad, "\n".join(bad)


def test_the_walk_sees_imports_inside_functions(tmp_path):
    """The checker itself: a lazy import makes an edge."""
    mod = tmp_path / "m.py"
    mod.write_text("def f():\n    from workloads.graph import Workload\n")
    assert _imports("h2h.m", mod, _modules()) == {"workloads.graph"}
