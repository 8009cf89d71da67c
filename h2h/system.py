"""A heterogeneous system: accelerators, the interconnect between them, host memory, technology.

YAML format (see examples/systems/*.yaml)::

    name: hetero4_mid
    description: free text
    technology: {pj_per_mac: 0.23}          # optional, overrides costmodels.technology defaults
    host: {name: host}                      # optional; host memory holds model inputs and weights
    accelerators:
      - {name: nvdla, dataflow: kcp_ws, num_pes: 1024, l1_bytes: 512, l2_bytes: 1048576,
         noc_bw: 64, offchip_bw: 64, clock_ghz: 1.0, dram_capacity_bytes: 268435456,
         dram_bandwidth_gbps: 25.6, static_power_w: 0.1}
    interconnect:                           # one of three kinds
      kind: bus                             # bus: one shared link joins host and all accelerators
      bandwidth_gbps: 8                     # crossbar: one link per pair of nodes, these parameters
      latency_ns: 500                       # links: explicit list, routed over the graph
      pj_per_byte: 8                        # optional; default technology.pj_per_link_byte
      # links:                              # kind: links only
      #   - {between: [host, nvdla], bandwidth_gbps: 8, latency_ns: 100, pj_per_byte: 8}

``latency_s`` may be given instead of ``latency_ns``.

``conventions`` (optional) names the transfer and timing rules the scheduler applies
(``h2h.scheduler``): ``overlapped`` (the default: loads prefetched while the previous layer
computes, activations kept on chip or in local DRAM) or ``h2h_code``, the rules of the H2H
authors' code (xyzxinyizhang/H2H): whole-layer transfers in series with compute, activations through
host memory unless chained on one accelerator, busy power while transferring; and
``h2h_code_unchained``, the same with every activation through host memory (how the code times its
steps 1 and 2). The interconnect is also a ``networkx`` graph
(``System.graph``): nodes are the host and the accelerators (a bus adds a hub node), every edge
names the link (``link`` attribute) that carries it. Routes take the fewest hops; a multi-hop route
is cut-through (``costmodels.comm.cut_through``). Every accelerator must reach every other one and
the host, or the system is rejected.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import yaml

from costmodels.accelerator import AcceleratorSpec
from costmodels.comm import PathCost, cut_through
from costmodels.technology import Technology
from workloads.errors import H2HError, type_name

from .data import EXAMPLES_DIR
from .errors import SystemError_
from .yaml_loader import load_yaml_text, read_text_file

KINDS = ("bus", "crossbar", "links")
CONVENTIONS = ("overlapped", "h2h_code", "h2h_code_unchained")
_BUS_HUB = "__bus__"


@dataclass(frozen=True)
class Link:
    """A link; ``endpoints`` has two nodes, or every node for a shared bus."""

    name: str
    endpoints: tuple[str, ...]
    bandwidth_gbps: float
    latency_s: float
    pj_per_byte: float

    @property
    def cost(self) -> PathCost:
        return PathCost(self.bandwidth_gbps, self.latency_s, self.pj_per_byte)


@dataclass(frozen=True)
class HostMemory:
    """Where model inputs and non-resident weights live, and where model outputs go."""

    name: str = "host"


def _number(data: dict, key: str, item: str, file: str | None, *, default: Any = None,
            positive: bool = False, may_be_infinite: bool = False) -> float:
    """A link number: NaN is never accepted, infinity only where it means an ideal link
    (``may_be_infinite``, bandwidth); an infinite latency or energy would make every result inf."""
    v = data.get(key, default)
    if v is None:
        raise SystemError_(f"missing key '{key}'", file=file, item=item)
    if (isinstance(v, bool) or not isinstance(v, (int, float)) or math.isnan(v) or v < 0
            or (positive and v <= 0)):
        raise SystemError_(f"'{key}' must be a number {'>' if positive else '>='} 0, got {v!r}",
                           file=file, item=item)
    if math.isinf(v) and not may_be_infinite:
        raise SystemError_(f"'{key}' must be a finite number, got {v!r}", file=file, item=item)
    return float(v)


def _latency_s(data: dict, item: str, file: str | None) -> float:
    if "latency_s" in data and "latency_ns" in data:
        raise SystemError_("give latency_s or latency_ns, not both", file=file, item=item)
    if "latency_ns" in data:
        return _number(data, "latency_ns", item, file) * 1e-9
    return _number(data, "latency_s", item, file, default=0.0)


@dataclass(frozen=True)
class Interconnect:
    """The links of a system; for bus and crossbar, ``bandwidth_gbps``/``latency_s``/``pj_per_byte``
    are the parameters every link shares (kept for YAML round trips)."""

    kind: str
    links: tuple[Link, ...]
    bandwidth_gbps: float | None = None
    latency_s: float | None = None
    pj_per_byte: float | None = None

    @classmethod
    def build(cls, kind: str, nodes: list[str], *, bandwidth_gbps: float, latency_s: float,
              pj_per_byte: float) -> "Interconnect":
        """A bus or crossbar over ``nodes`` (host first)."""
        if kind == "bus":
            links = (Link("bus", tuple(nodes), bandwidth_gbps, latency_s, pj_per_byte),)
        elif kind == "crossbar":
            links = tuple(Link(f"{a}<->{b}", (a, b), bandwidth_gbps, latency_s, pj_per_byte)
                          for a, b in itertools.combinations(nodes, 2))
        else:
            raise SystemError_(f"unknown interconnect kind {kind!r}; expected one of {KINDS}",
                               item="interconnect")
        return cls(kind, links, bandwidth_gbps, latency_s, pj_per_byte)

    @classmethod
    def from_dict(cls, data: Any, nodes: list[str], technology: Technology, *,
                  file: str | None = None) -> "Interconnect":
        item = "interconnect"
        if not isinstance(data, dict):
            raise SystemError_(f"'interconnect' must be a mapping with 'kind', got {data!r}", file=file,
                               item=item)
        kind = data.get("kind")
        if kind not in KINDS:
            raise SystemError_(f"'kind' must be one of {list(KINDS)}, got {kind!r}", file=file, item=item)
        if kind in ("bus", "crossbar"):
            allowed = {"kind", "bandwidth_gbps", "latency_s", "latency_ns", "pj_per_byte"}
            unknown = sorted(set(data) - allowed)
            if unknown:
                raise SystemError_(f"unknown key(s) {unknown} for a {kind}; expected {sorted(allowed)}",
                                   file=file, item=item)
            return cls.build(kind, nodes,
                             bandwidth_gbps=_number(data, "bandwidth_gbps", item, file, positive=True,
                                                    may_be_infinite=True),
                             latency_s=_latency_s(data, item, file),
                             pj_per_byte=_number(data, "pj_per_byte", item, file,
                                                 default=technology.pj_per_link_byte))
        unknown = sorted(set(data) - {"kind", "links"})
        if unknown:
            raise SystemError_(f"unknown key(s) {unknown} for explicit links; expected kind, links",
                               file=file, item=item)
        raw = data.get("links")
        if not isinstance(raw, list) or not raw:
            raise SystemError_("'links' must be a non-empty list", file=file, item=item)
        links, seen_pairs, seen_names = [], set(), set()
        allowed = {"name", "between", "bandwidth_gbps", "latency_s", "latency_ns", "pj_per_byte"}
        for i, d in enumerate(raw):
            li = f"interconnect.links[{i}]"
            if not isinstance(d, dict):
                raise SystemError_(f"a link must be a mapping, got {d!r}", file=file, item=li)
            unknown = sorted(set(d) - allowed)
            if unknown:
                raise SystemError_(f"unknown key(s) {unknown}; expected some of {sorted(allowed)}",
                                   file=file, item=li)
            between = d.get("between")
            if (not isinstance(between, list) or len(between) != 2 or between[0] == between[1]
                    or not all(isinstance(x, str) for x in between)):
                raise SystemError_(f"'between' must name two different nodes, got {between!r}",
                                   file=file, item=li)
            for end in between:
                if end not in nodes:
                    raise SystemError_(f"unknown node '{end}'; expected the host or an accelerator "
                                       f"({', '.join(nodes)})", file=file, item=li)
            pair = frozenset(between)
            if pair in seen_pairs:
                raise SystemError_(f"a second link between {between[0]} and {between[1]}", file=file,
                                   item=li)
            seen_pairs.add(pair)
            name = str(d.get("name") or f"{between[0]}<->{between[1]}")
            if name in seen_names:
                raise SystemError_(f"duplicate link name '{name}'", file=file, item=li)
            seen_names.add(name)
            links.append(Link(name, (between[0], between[1]),
                              _number(d, "bandwidth_gbps", li, file, positive=True, may_be_infinite=True),
                              _latency_s(d, li, file),
                              _number(d, "pj_per_byte", li, file, default=technology.pj_per_link_byte)))
        return cls("links", tuple(links))

    def to_dict(self) -> dict[str, Any]:
        if self.kind in ("bus", "crossbar"):
            return {"kind": self.kind, "bandwidth_gbps": self.bandwidth_gbps, "latency_s": self.latency_s,
                    "pj_per_byte": self.pj_per_byte}
        return {"kind": "links", "links": [
            {"name": k.name, "between": list(k.endpoints), "bandwidth_gbps": k.bandwidth_gbps,
             "latency_s": k.latency_s, "pj_per_byte": k.pj_per_byte} for k in self.links]}


@dataclass(frozen=True)
class System:
    """Accelerators + interconnect + host memory + technology; see the module docstring."""

    name: str
    accelerators: tuple[AcceleratorSpec, ...]
    interconnect: Interconnect
    host: HostMemory = HostMemory()
    technology: Technology = Technology()
    description: str = ""
    source: str | None = field(default=None, compare=False)
    conventions: str = "overlapped"
    _routes: dict = field(default=None, init=False, repr=False, compare=False)  # type: ignore[assignment]

    def __post_init__(self) -> None:
        object.__setattr__(self, "accelerators", tuple(self.accelerators))
        if self.conventions not in CONVENTIONS:
            raise SystemError_(f"'conventions' must be one of {list(CONVENTIONS)}, got {self.conventions!r}",
                               file=self.source, item=f"system '{self.name}'")
        if not self.accelerators:
            raise SystemError_("a system needs at least one accelerator", file=self.source,
                               item=f"system '{self.name}'")
        seen = {self.host.name}
        for acc in self.accelerators:
            if acc.name in seen or acc.name == _BUS_HUB:
                what = "the host's name" if acc.name == self.host.name else "a duplicate name"
                raise SystemError_(f"accelerator name '{acc.name}' is {what}", file=self.source,
                                   item=f"accelerator '{acc.name}'")
            seen.add(acc.name)
        for link in self.links:
            strangers = sorted(set(link.endpoints) - seen)
            if strangers:
                raise SystemError_(f"link '{link.name}' joins unknown node(s) {strangers}; expected the "
                                   f"host or an accelerator", file=self.source, item=f"system '{self.name}'")
        object.__setattr__(self, "_routes", self._compute_routes())

    # ---- topology -------------------------------------------------------------------------------
    @property
    def nodes(self) -> list[str]:
        """The host first, then the accelerators in order."""
        return [self.host.name, *self.accelerator_names]

    @property
    def accelerator_names(self) -> list[str]:
        return [a.name for a in self.accelerators]

    def accelerator(self, name: str) -> AcceleratorSpec:
        for a in self.accelerators:
            if a.name == name:
                return a
        raise SystemError_(f"no such accelerator; expected one of {self.accelerator_names}",
                           file=self.source, item=f"accelerator '{name}'")

    @property
    def links(self) -> tuple[Link, ...]:
        return self.interconnect.links

    @property
    def graph(self) -> nx.Graph:
        """Nodes: host, accelerators (and a hub for a bus); edges carry ``link`` (its name)."""
        g = nx.Graph(name=self.name)
        g.add_node(self.host.name, kind="host")
        for a in self.accelerators:
            g.add_node(a.name, kind="accelerator")
        for link in self.links:
            attrs = dict(link=link.name, bandwidth_gbps=link.bandwidth_gbps, latency_s=link.latency_s,
                         pj_per_byte=link.pj_per_byte)
            if len(link.endpoints) == 2:
                g.add_edge(*link.endpoints, **attrs)
            else:
                hub = f"{_BUS_HUB}{link.name}"
                g.add_node(hub, kind="bus")
                for end in link.endpoints:
                    g.add_edge(hub, end, **attrs)
        return g

    def _compute_routes(self) -> dict[tuple[str, str], tuple[Link, ...]]:
        g = self.graph
        by_name = {k.name: k for k in self.links}
        routes: dict[tuple[str, str], tuple[Link, ...]] = {}
        for u, v in itertools.permutations(self.nodes, 2):
            try:
                path = nx.shortest_path(g, u, v)
            except (nx.NetworkXNoPath, nx.NodeNotFound):
                raise SystemError_(f"no path between '{u}' and '{v}' in the interconnect",
                                   file=self.source, item=f"system '{self.name}'") from None
            names: list[str] = []
            for a, b in zip(path, path[1:]):
                name = g.edges[a, b]["link"]
                if not names or names[-1] != name:
                    names.append(name)
            routes[(u, v)] = tuple(by_name[n] for n in names)
        return routes

    def route(self, src: str, dst: str) -> tuple[Link, ...]:
        """The links a transfer from ``src`` to ``dst`` holds (empty when src == dst)."""
        if src == dst:
            return ()
        try:
            return self._routes[(src, dst)]
        except KeyError:
            raise SystemError_(f"unknown node in route {src!r} -> {dst!r}; expected one of {self.nodes}",
                               file=self.source, item=f"system '{self.name}'") from None

    def path_cost(self, src: str, dst: str) -> PathCost:
        """Uncontended cost of moving bytes from ``src`` to ``dst`` (cut-through over the route)."""
        return cut_through(k.cost for k in self.route(src, dst))

    # ---- plain data -----------------------------------------------------------------------------
    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name}
        if self.description:
            out["description"] = self.description
        out["technology"] = self.technology.to_dict()
        out["host"] = {"name": self.host.name}
        out["accelerators"] = [a.to_dict() for a in self.accelerators]
        out["interconnect"] = self.interconnect.to_dict()
        if self.conventions != "overlapped":
            out["conventions"] = self.conventions
        return out

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None) -> "System":
        if not isinstance(data, dict):
            raise SystemError_(f"a system must be a mapping with 'accelerators' and 'interconnect', "
                               f"got {type_name(data)}", file=file)
        allowed = {"name", "description", "technology", "host", "accelerators", "interconnect", "conventions"}
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise SystemError_(f"unknown top-level key(s) {unknown}; expected some of {sorted(allowed)}",
                               file=file)
        try:
            tech = Technology.from_dict(data.get("technology"), file=file)
            host_raw = data.get("host") or {}
            if not isinstance(host_raw, dict) or set(host_raw) - {"name"}:
                raise SystemError_(f"'host' must be a mapping with an optional 'name', got {host_raw!r}",
                                   file=file, item="host")
            host = HostMemory(str(host_raw.get("name", "host")))
            raw_accs = data.get("accelerators")
            if not isinstance(raw_accs, list) or not raw_accs:
                raise SystemError_("'accelerators' must be a non-empty list", file=file)
            accs = tuple(_checked_dataflows(AcceleratorSpec.from_dict(a, file=file), file) for a in raw_accs)
            names = [host.name, *(a.name for a in accs)]
            if "interconnect" not in data:
                raise SystemError_("missing key 'interconnect'", file=file)
            ic = Interconnect.from_dict(data["interconnect"], names, tech, file=file)
            return cls(str(data.get("name") or (Path(file).stem if file else "system")), accs, ic, host,
                       tech, str(data.get("description") or "").strip(), source=file,
                       conventions=data.get("conventions", "overlapped"))
        except SystemError_:
            raise
        except H2HError as e:  # from costmodels (accelerator, technology): same message, our class
            raise SystemError_(e.message, file=e.file or file, item=e.item) from None

    def save(self, path: str | Path) -> None:
        Path(path).write_text(yaml.safe_dump(self.to_dict(), sort_keys=False))

    def __repr__(self) -> str:
        return (f"System({self.name!r}, {len(self.accelerators)} accelerators, "
                f"{self.interconnect.kind} with {len(self.links)} link(s))")


def _checked_dataflows(acc: AcceleratorSpec, file: str | None) -> AcceleratorSpec:
    """Resolve ``.m`` paths against the system file's folder and make sure every dataflow loads."""
    from dataclasses import replace

    from costmodels.dataflow import load_dataflow

    changes = {}
    for key in ("dataflow", "dsconv_dataflow", "gemm_dataflow"):
        spec = getattr(acc, key)
        head = spec.split(":")[0]
        if file and head.endswith(".m") and not Path(head).is_absolute():
            spec = str(Path(file).resolve().parent / spec)
            changes[key] = spec
        try:
            load_dataflow(spec)
        except H2HError as e:
            raise SystemError_(f"'{key}': {e}", file=file, item=f"accelerator '{acc.name}'") from None
    return replace(acc, **changes) if changes else acc


EXAMPLE_SYSTEMS_DIR = EXAMPLES_DIR / "systems"   # shipped, so that a wheel install can name them too


def system_names() -> list[str]:
    """The systems that ship with h2h (``examples/systems/``), which can be named instead of a path."""
    return sorted(p.stem for p in EXAMPLE_SYSTEMS_DIR.glob("*.yaml"))


def system_path(spec: str | Path, base_dir: Path | None = None) -> Path:
    """The file ``spec`` names: a path (relative ones against ``base_dir`` if given) or, when no such
    file exists and ``spec`` is a bare name such as ``hetero4_mid``, the shipped system of that name.
    The path returned may not exist (the caller reports that)."""
    p = Path(spec).expanduser()
    if not p.is_absolute() and base_dir is not None:
        p = base_dir / p
    text = str(spec)
    if p.is_file() or "/" in text or "\\" in text or p.suffix.lower() in (".yaml", ".yml"):
        return p
    shipped = EXAMPLE_SYSTEMS_DIR / f"{text}.yaml"
    return shipped if shipped.is_file() else p


def builtin_systems_hint() -> str:
    """The tail of a "no such system" error: what could have been named instead."""
    return f"(built-in systems: {', '.join(system_names())})"


def load_system(path: str | Path) -> System:
    """Read a system YAML file (see the module docstring for the format), or a built-in system by
    name (:func:`system_names`)."""
    if not isinstance(path, (str, Path)):
        raise SystemError_(f"expected a system YAML path or a built-in name ({', '.join(system_names())}), "
                           f"got {type_name(path)}")
    file = str(path)
    p = system_path(path)
    if not p.is_file():
        raise SystemError_(f"no such system file {builtin_systems_hint()}", file=file)
    file = str(p) if p != Path(path) else file
    text = read_text_file(p, what="system file", error=SystemError_)
    data = load_yaml_text(text, source=file, error=SystemError_)
    return System.from_dict(data, file=file)
