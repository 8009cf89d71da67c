"""A workload: one or more DNN models as a DAG of layers.

The graph is a ``networkx.DiGraph`` whose nodes are layer names (attribute ``layer``) and whose
edges carry the tensor passed along (attributes ``elements``, ``bytes`` and ``port``, the consumer
input it feeds). Models are told apart by ``Layer.model``; edges may cross models (fusion points,
shared backbones). A layer's inputs that no edge supplies come from host memory (model inputs);
layers without successors write model outputs back to host memory.

A ``Workload`` is immutable: search code builds new ones instead of editing.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .errors import WorkloadError, type_name
from .layer import Layer, Op


def cycle_text(graph: nx.DiGraph, name: Callable[[Any], str] = str) -> str:
    """One cycle of ``graph`` for an error message, closing the loop: ``a -> b -> c -> a``."""
    edges = nx.find_cycle(graph)
    return " -> ".join([*(name(u) for u, _ in edges), name(edges[0][0])])


@dataclass(frozen=True)
class Edge:
    """A tensor from ``src``'s output to input ``port`` of ``dst``."""

    src: str
    dst: str
    elements: int
    bytes: int
    port: int = 0

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"src": self.src, "dst": self.dst}
        if self.port:
            out["port"] = self.port
        return out


class Workload:
    """A validated DAG of :class:`Layer` nodes."""

    def __init__(
        self,
        name: str,
        layers: Iterable[Layer],
        edges: Iterable[tuple[str, str] | tuple[str, str, int] | Edge],
        *,
        source: str | None = None,
    ) -> None:
        self.name = name
        self.source = source  # the file it came from, for error messages
        g = nx.DiGraph(name=name)
        for layer in layers:
            if not isinstance(layer, Layer):
                raise WorkloadError(f"expected a Layer, got {type(layer).__name__}", file=source)
            if layer.name in g:
                raise WorkloadError("duplicate layer name", file=source, item=f"layer '{layer.name}'")
            g.add_node(layer.name, layer=layer)
        for e in edges:
            src, dst, port = (e.src, e.dst, e.port) if isinstance(e, Edge) else (*e, 0)[:3]
            for end in (src, dst):
                if end not in g:
                    raise WorkloadError(f"edge names unknown layer '{end}'", file=source,
                                        item=f"edge '{src}' -> '{dst}'")
            if g.has_edge(src, dst):
                raise WorkloadError("duplicate edge", file=source, item=f"edge '{src}' -> '{dst}'")
            producer: Layer = g.nodes[src]["layer"]
            g.add_edge(src, dst, elements=producer.output_elements, bytes=producer.output_bytes,
                       port=int(port))
        if not nx.is_directed_acyclic_graph(g):
            raise WorkloadError(f"the graph has a cycle: {cycle_text(g)}", file=source, item=f"workload '{name}'")
        self.graph = g
        self._order: list[str] = list(nx.lexicographical_topological_sort(g, key=self._rank_key()))
        self._check_shapes()

    def _rank_key(self):
        insertion = {n: i for i, n in enumerate(self.graph.nodes)}
        return lambda n: insertion[n]

    def _check_shapes(self) -> None:
        g = self.graph
        for dst in self._order:
            layer: Layer = g.nodes[dst]["layer"]
            if layer.op is Op.PASSTHROUGH:
                continue
            ins = [(u, d) for u, _, d in g.in_edges(dst, data=True)]
            total = sum(d["elements"] for _, d in ins)
            for src, d in ins:
                item = f"edge '{src}' -> '{dst}'"
                want = layer.operand_elements(d["port"])
                if want is not None and d["elements"] != want:
                    raise WorkloadError(
                        f"shape mismatch: '{src}' gives {d['elements']} elements, "
                        f"'{dst}' ({layer.op}) expects {want} on input {d['port']}",
                        file=self.source, item=item)
                if layer.op in (Op.ADD, Op.MUL) and layer.output_elements % d["elements"]:
                    raise WorkloadError(
                        f"shape mismatch: '{src}' gives {d['elements']} elements, which does not "
                        f"broadcast to the {layer.output_elements} of '{dst}'",
                        file=self.source, item=item)
            if layer.op is Op.CONCAT and ins and total > layer.output_elements:
                raise WorkloadError(
                    f"shape mismatch: inputs total {total} elements, more than the "
                    f"{layer.output_elements} of the concat output", file=self.source,
                    item=f"layer '{dst}'")

    # ---- access ---------------------------------------------------------------------------------
    @property
    def layers(self) -> list[Layer]:
        """Layers in a deterministic topological order."""
        nodes = self.graph.nodes
        return [nodes[n]["layer"] for n in self._order]

    @property
    def layer_names(self) -> list[str]:
        return list(self._order)

    def layer(self, name: str) -> Layer:
        try:
            return self.graph.nodes[name]["layer"]
        except KeyError:
            raise WorkloadError("no such layer", item=f"layer '{name}'",
                                file=self.source) from None

    def __contains__(self, name: object) -> bool:
        return name in self.graph

    def __len__(self) -> int:
        return self.graph.number_of_nodes()

    def __iter__(self) -> Iterator[Layer]:
        return iter(self.layers)

    @property
    def edges(self) -> list[Edge]:
        pos = {n: i for i, n in enumerate(self._order)}
        out = [Edge(u, v, d["elements"], d["bytes"], d["port"]) for u, v, d in self.graph.edges(data=True)]
        return sorted(out, key=lambda e: (pos[e.dst], e.port, pos[e.src]))

    def predecessors(self, name: str) -> list[str]:
        return list(self.graph.predecessors(name))

    def successors(self, name: str) -> list[str]:
        return list(self.graph.successors(name))

    @property
    def models(self) -> list[str]:
        """Model tags in order of first appearance."""
        return list(dict.fromkeys(layer.model for layer in self.layers))

    @property
    def total_macs(self) -> int:
        return sum(layer.macs for layer in self.layers)

    @property
    def total_weight_bytes(self) -> int:
        return sum(layer.weight_bytes for layer in self.layers)

    def external_input_elements(self, name: str) -> int:
        """Input elements that no edge supplies, read from host memory (model inputs)."""
        layer = self.layer(name)
        if layer.op is Op.PASSTHROUGH:
            return 0 if self.graph.in_degree(name) else layer.output_elements
        supplied = sum(d["elements"] for _, _, d in self.graph.in_edges(name, data=True))
        return max(0, layer.input_elements - supplied)

    def is_output(self, name: str) -> bool:
        return self.graph.out_degree(name) == 0

    @property
    def is_mmmt(self) -> bool:
        """Multi-modal or multi-task: more than one model tag."""
        return len(self.models) > 1

    # ---- plain data -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "layers": [layer.to_dict() for layer in self.layers],
            "edges": [e.to_dict() for e in self.edges],
        }

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None) -> "Workload":
        if not isinstance(data, dict):
            raise WorkloadError(f"a workload must be a mapping with 'layers', got {type_name(data)}",
                                file=file)
        unknown = sorted(set(data) - {"name", "layers", "edges", "description"})
        if unknown:
            raise WorkloadError(f"unknown top-level key(s) {unknown}; expected name, layers, edges",
                                file=file)
        raw_layers = data.get("layers")
        if not isinstance(raw_layers, list) or not raw_layers:
            raise WorkloadError("'layers' must be a non-empty list", file=file)
        layers = [Layer.from_dict(d, file=file) for d in raw_layers]
        edges = []
        for i, e in enumerate(data.get("edges") or []):
            if not isinstance(e, dict) or not {"src", "dst"} <= set(e) or set(e) - {"src", "dst", "port"}:
                raise WorkloadError(f"an edge is a mapping with src, dst and optional port, got {e!r}",
                                    file=file, item=f"edges[{i}]")
            edges.append((str(e["src"]), str(e["dst"]), int(e.get("port", 0))))
        return cls(str(data.get("name") or "workload"), layers, edges, source=file)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Workload) and self.to_dict() == other.to_dict()

    def __repr__(self) -> str:
        return (f"Workload({self.name!r}, {len(self)} layers, {len(self.models)} model(s), "
                f"{self.total_macs / 1e9:.3g} GMACs)")
