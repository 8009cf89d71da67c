"""Facts a hardware expert would need to propose designs, computed from the space and the cost model.

A language model answering a search's requests knows DNNs and accelerators in general, not this
space: how its objectives are computed, what its variables mean, what each layer type costs on each
dataflow at the PE counts it may pick. This module derives those facts for any space (never from an
accuracy table, never as designs to copy) and hands them to ``llm_agents`` as plain text in the task
context (``goal`` and ``facts``), so the prompt states them and ``llm_agents`` imports nothing of ours.

Every number here comes from :class:`~costmodels.cost_table.CostTable` on single-accelerator systems
built by the space itself, so the table and the search price layers identically.
"""
from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Mapping, Sequence
from typing import Any

from llm_agents.task import Objective

from .space import Space

MAX_LAYER_ROWS = 28          # layer types in the cost table; the rest are summarised in one line
PE_COLUMNS = 5               # PE counts of the space shown per dataflow (all of them up to this many)
DATAFLOW_STYLES = {"kcp_ws": "NVDLA-like weight stationary", "yxp_os": "ShiDianNao-like output stationary",
                   "rs": "Eyeriss-like row stationary", "xp_ws": "weight stationary over X",
                   "dw": "depthwise", "gemm_mp": "GEMM, M-parallel", "gemm_np": "GEMM, N-parallel"}
_ARCH_ROLES = ("nb201_op", "depth", "width", "expansion", "kernel", "resolution", "backbone")


# ---- the goal -----------------------------------------------------------------------------------
def goal_lines(objectives: Sequence[Objective], metric_bounds: Mapping[str, Mapping[str, float]],
               budgeted: Sequence[str] = ()) -> list[str]:
    """What the search is scored on: the Pareto front over every objective, with directions and
    bounds, and what makes a proposal useful. Budgets (``budgeted``) are named, not quoted: their
    number is the constraint's, which a warm-start request may lower."""
    def bound_text(name: str) -> str:
        parts = [f"{'<=' if op == 'le' else '>='} {v:g}" for op, v in metric_bounds.get(name, {}).items()]
        if name in budgeted:
            parts.append("within its budget under Constraints")
        return f", must be {' and '.join(parts)}" if parts else ""

    names = [f"{o.name} ({'maximise' if o.direction == 'max' else 'minimise'}{bound_text(o.name)})"
             for o in objectives]
    lines = [
        "The search keeps the set of best trade-offs (the Pareto front) over all of these objectives "
        f"at once: {'; '.join(names)}. It is scored by the hypervolume that front covers.",
        "A design is on the front when no other design is at least as good on every objective and "
        "better on one. Designs all along the front count: the design best on any single objective "
        f"(e.g. the {_extreme(objectives[-1])} one) counts as much as the one best on another "
        f"(e.g. the {_extreme(objectives[0])} one), and so do the balanced designs between them.",
        "A useful proposal is a new design likely to join the front: better than a front design on "
        "some objective without being worse on all the others, or filling a gap between front designs. "
        "A design outside a bound scores nothing.",
        "The hypervolume is measured with each objective normalised between its best and worst value on "
        "the final front (reference point 1.1 beyond the worst): a design that is best or near best on "
        "several objectives at once "
        + ("(e.g. small and frugal and still accurate) " if any(o.name == "accuracy" for o in objectives) else "")
        + "adds the most volume.",
    ]
    order = [o.name for o in sorted(objectives, key=lambda o: o.priority)]
    if len(order) > 1:
        lines.append(f"Priority given by the user, for when trade-offs are otherwise equal: {' > '.join(order)}. "
                     "It is a priority, not the only goal.")
    return lines


def _extreme(o: Objective) -> str:
    words = {"accuracy": "most accurate", "latency_s": "fastest", "energy_j": "most frugal in energy",
             "area_mm2": "smallest", "unfairness": "fairest"}
    return words.get(o.name, f"{'highest' if o.direction == 'max' else 'lowest'}-{o.name}")


# ---- how the objectives compose -----------------------------------------------------------------
def objective_lines(space: Space, workload: Any, one_network: bool = False) -> list[str]:
    """How latency, energy and area are computed for a candidate of ``space`` (``workload``: its
    largest network; ``one_network``: the only one)."""
    hw = space.hardware
    searched = hasattr(hw, "per_acc")
    mappers = ", ".join(space.mappers)
    lines = [f"latency_s is the makespan of one inference: the {mappers} mapper places every layer on "
             "one accelerator; each accelerator runs its layers one at a time; layers on different "
             "accelerators overlap only where the network has parallel branches; activations that move "
             "between accelerators, weights and network inputs/outputs cross the interconnect "
             f"({_interconnect_kind(hw)}: one transfer at a time on a shared bus)."]
    parallel = _parallel_share(workload)
    if parallel is not None:
        which = ("In the network" if one_network else "In the network of this space with the most MACs")
        tail = "." if one_network else "; smaller networks of the space may have fewer parallel branches."
        lines.append(f"{which} ({workload.total_macs / 1e6:.4g} M), {parallel:.1%} of the MACs lie off its "
                     "heaviest path, so spreading its layers over several accelerators can cut compute time by "
                     f"at most {1 / max(1e-9, 1 - parallel):.3g}x (before transfer costs){tail}")
    system = _sample_system(space)
    tech = None if system is None else system.technology
    static = 0.0 if system is None else float(sum(a.static_power_w for a in system.accelerators))
    if tech is not None and workload is not None and len(workload):
        biggest = max(layer.output_bytes for layer in workload.layers)
        lines.append("An activation stays on chip only when the very next layer on the same accelerator "
                     "consumes it; otherwise (a skip edge's tensor that waits for an add, a branch run later, "
                     "a tensor for another accelerator) it goes to DRAM and is read back "
                     f"(2 x {tech.pj_per_dram_byte:g} pJ per byte) or crosses the interconnect. The largest "
                     f"activation of this space's networks is {biggest / 1e3:.3g} KB: one DRAM round trip "
                     f"costs {2 * tech.pj_per_dram_byte * biggest * 1e-6:.3g} uJ. The per-layer tables below "
                     "exclude this traffic.")
    lines.append("energy_j = MAC energy + on-chip buffer accesses (both depend on the dataflow and the layer "
                 "shapes: see the energy table) + DRAM passes"
                 + (f" ({tech.pj_per_dram_byte:g} pJ per byte)" if tech else "")
                 + " + interconnect bytes" + (f" ({tech.pj_per_link_byte:g} pJ per byte)" if tech else "")
                 + (f" + static power ({static:g} W summed over the accelerators) x latency (the whole "
                    "makespan, busy or idle)." if static else
                    "; static power is 0 here, so energy does not grow with latency."))
    if searched:
        m = hw.area_model
        lines.append(f"area_mm2 = sum over the accelerators of PEs x ({m.mac_um2 / 1e6:.5f} mm^2 per MAC + "
                     f"{m.l1_um2_per_byte / 1e6:.3g} mm^2 per L1 byte per PE) + "
                     f"{m.l2_um2_per_byte:.3g} mm^2 per MB of L2. "
                     "It counts only the accelerators that exist (num_accelerators).")
        lines.append("Cost no area: the dataflow (it changes latency and energy, see the tables)"
                     + ("; bandwidth_gbps costs neither area nor energy: it only shortens transfers (latency), "
                        "and only where transfers are on the critical path" if hw.bandwidth.var is not None else "")
                     + ". Larger L1/L2 buffers cost area and help only layers whose tiles do not fit.")
        lines += _area_table(space)
        lines.append(_smallest_hardware(space, one_network))
    return lines


def _smallest_hardware(space: Space, one_network: bool = False) -> str:
    """The least area any design of the space can have (one accelerator, every size at its least)."""
    hw = space.hardware
    pes, l1s, l2s = (min(hw.per_acc[k].values or [0]) for k in ("pe_count", "l1_bytes", "l2_bytes"))
    area = hw.area_model.accelerator_mm2(pes, l1s, l2s)
    return (f"The smallest hardware of this space, one accelerator with {pes} PEs, L1 {l1s} B per PE and L2 "
            f"{l2s} B, takes {area:.3g} mm^2; with area an objective, "
            + ("the network's" if one_network else "each network's")
            + " cheapest-area design sits there (on whichever dataflow suits it best).")


def _sample_system(space: Space) -> Any:
    """A system of the space (a drawn design's), for what every design shares: technology, power."""
    try:
        return space.hardware.system(space.description.complete(space.sample(random.Random(0), feasible=False)))
    except Exception:  # noqa: BLE001 -- a hint, never a reason to stop
        return None


def _interconnect_kind(hw: Any) -> str:
    if hasattr(hw, "interconnect") and isinstance(hw.interconnect, Mapping):
        return str(hw.interconnect.get("kind", "bus"))
    system = hw.system({})
    return system.interconnect.kind


def _parallel_share(workload: Any) -> float | None:
    """Share of the MACs not on the heaviest path of the graph (0 for a chain)."""
    import networkx as nx

    if workload is None or not getattr(workload, "total_macs", 0):
        return None
    g = workload.graph
    macs = {layer.name: float(layer.macs) for layer in workload.layers}
    best: dict[str, float] = {}
    for n in nx.topological_sort(g):
        best[n] = macs.get(n, 0.0) + max((best[p] for p in g.predecessors(n)), default=0.0)
    return 1.0 - max(best.values()) / float(workload.total_macs)


def _area_table(space: Space) -> list[str]:
    """Area of one accelerator for each PE count and L1 size of the space (smallest L2)."""
    hw = space.hardware
    pes, l1s, l2s = (hw.per_acc[k].values for k in ("pe_count", "l1_bytes", "l2_bytes"))
    if not pes or not l1s or not l2s:
        return []
    l2 = min(l2s)
    l2_text = ", ".join(f"{b} B = {hw.area_model.accelerator_mm2(0, 0, b):.3f} mm^2" for b in sorted(l2s))
    rows = [f"Area of one accelerator in mm^2, including the smallest L2 ({l2} bytes). L2 areas: {l2_text}; "
            "a larger L2 adds the difference:",
            "| PEs | " + " | ".join(f"L1 {b} B/PE" for b in l1s) + " |"]
    for p in pes:
        rows.append(f"| {p} | " + " | ".join(f"{hw.area_model.accelerator_mm2(p, b, l2):.2f}" for b in l1s) + " |")
    return rows


# ---- what the variables mean --------------------------------------------------------------------
def variable_lines(space: Space) -> list[str]:
    """Semantics of the architecture variables and which variables the program fills itself."""
    summary = space.arch.template().get("summary")
    lines = [summary] if summary else []
    lines += list(getattr(space.arch, "semantics", lambda: [])())
    if hasattr(space.hardware, "per_acc"):
        styles = "; ".join(f"{d}: {DATAFLOW_STYLES[d]}" for d in (space.hardware.per_acc["dataflow"].values or [])
                           if d in DATAFLOW_STYLES)
        lines.append("Accelerator i exists when num_accelerators >= i + 1; each has its own dataflow"
                     + (f" ({styles})" if styles else "") + ", PE count, L1 bytes per PE and L2 bytes.")
    else:
        system = space.hardware.system({})
        accs = "; ".join(f"{a.name}: {a.dataflow}, {a.num_pes} PEs, L1 {a.l1_bytes} B/PE, L2 {a.l2_bytes} B"
                         for a in system.accelerators)
        lines.append(f"The hardware is fixed: {accs}.")
    inactive = [v for v in space.description.variables if v.active_if]
    if inactive:
        lines.append("Variables that only matter under a condition (e.g. the acc2_* variables when "
                     "num_accelerators < 3) may be left out of a design: the program fills them and "
                     "they change nothing.")
    return lines


# ---- per-layer-type costs -----------------------------------------------------------------------
def _pick(values: Sequence[Any], k: int) -> list[Any]:
    """``k`` values spread over ``values`` (all of them when there are at most ``k``)."""
    values = list(values)
    if len(values) <= k:
        return values
    return [values[round(i * (len(values) - 1) / (k - 1))] for i in range(k)]


def representative_workloads(space: Space) -> list[Any]:
    """Networks that together hold every layer type of the space: a network with every architecture
    variable at its last option, and for each architecture role and each option, that network with
    every variable of the role set to it; the one with the most MACs first."""
    desc = space.description
    try:
        base = space.sample(random.Random(0), feasible=False)
    except Exception:  # noqa: BLE001
        return []
    arch_vars = [v for v in desc.variables if v.role in _ARCH_ROLES]
    for v in arch_vars:
        grid = v.grid() or list(v.options)
        base[v.name] = grid[-1]
    designs = [dict(base)]
    for role in dict.fromkeys(v.role for v in arch_vars):
        members = [v for v in arch_vars if v.role == role]
        for option in (members[0].grid() or list(members[0].options)):
            d = dict(base)
            for v in members:
                if option in (v.grid() or list(v.options)):
                    d[v.name] = option
            designs.append(d)
    out, seen = [], set()
    for d in designs:
        try:
            w = space.arch.workload(desc.complete(d))
        except Exception:  # noqa: BLE001 -- a design that cannot be built adds no facts
            continue
        if hasattr(w, "total_macs") and id(w) not in seen:   # a layer graph (not, e.g., a scenario)
            seen.add(id(w))
            out.append(w)
    out.sort(key=lambda w: -w.total_macs)  # the largest (most MACs) first
    return out


def _layer_label(layer: Any) -> str:
    op = layer.op.value
    if op in ("conv2d", "dwconv", "pool"):
        (kh, kw), (sh, _) = layer.kernel, layer.stride
        return (f"{op} {kh}x{kw}{'/s' + str(sh) if sh > 1 else ''} {layer.in_channels}->{layer.out_channels} "
                f"out {layer.out_h}x{layer.out_w}")
    if op in ("gemm", "matmul"):
        return f"{op} {layer.m}x{layer.k} by {layer.k}x{layer.n}"
    shape = "x".join(str(d) for d in layer.output_shape)
    inputs = f" of {layer.num_inputs} inputs" if op in ("add", "mul") and layer.num_inputs > 1 else ""
    return f"{op}{inputs} out {shape}"


def _probe_accelerators(space: Space) -> list[tuple[str, Any]]:
    """``(column label, AcceleratorSpec)``: for a searched system, one accelerator per dataflow and
    picked PE count (smallest L1/L2, the frugal end); for a fixed system, its own accelerators."""
    hw = space.hardware
    if not hasattr(hw, "per_acc"):
        return [(f"{a.name} ({a.dataflow}, {a.num_pes} PEs)", a) for a in hw.system({}).accelerators]
    pes = _pick(hw.per_acc["pe_count"].values or [], PE_COLUMNS)
    dfs = hw.per_acc["dataflow"].values or []
    l1s, l2s = hw.per_acc["l1_bytes"].values or [], hw.per_acc["l2_bytes"].values or []
    out = []
    for df in dfs:
        for p in pes:
            cand = {"num_accelerators": 1, "acc0_dataflow": df, "acc0_pe_count": p,
                    "acc0_l1_bytes": min(l1s), "acc0_l2_bytes": min(l2s)}
            cand = {k: v for k, v in cand.items() if k in space.names}
            full = space.description.complete({**space.sample(random.Random(0), feasible=False), **cand})
            out.append((f"{df} {p}", hw.system(full).accelerators[0]))
    return out


def layer_cost_lines(space: Space, workloads: Sequence[Any]) -> list[str]:
    """A compact table: per layer type of the space's networks, MACs, weights, and latency (us) and
    energy (uJ) on each probe accelerator; never cut mid-value (extra rows are summarised)."""
    from costmodels.cost_table import CostTable

    probes = _probe_accelerators(space)
    if not probes or not workloads:
        return []
    layers: dict[tuple, Any] = {}
    for w in workloads:
        for layer in w.layers:
            if layer.op.value in ("concat", "reshape", "passthrough"):
                continue
            layers.setdefault(layer.signature(), layer)
    counts: dict[tuple, int] = {}
    for layer in workloads[0].layers:
        counts[layer.signature()] = counts.get(layer.signature(), 0) + 1
    ranked = sorted(layers.values(), key=lambda lay: -(lay.macs or 0))
    shown, hidden = ranked[:MAX_LAYER_ROWS], ranked[MAX_LAYER_ROWS:]
    from workloads.graph import Workload

    renamed = [dataclasses.replace(lay, name=f"t{i}") for i, lay in enumerate(shown)]
    table = CostTable(Workload("layer_types", renamed, []), [a for _, a in probes])
    if hasattr(space.hardware, "per_acc"):
        hw = space.hardware
        l1, l2 = min(hw.per_acc["l1_bytes"].values or [0]), min(hw.per_acc["l2_bytes"].values or [0])
        intro = ("Cost of each layer type of this space's networks, alone on one accelerator (columns: "
                 f"dataflow and PE count, with the smallest buffers: L1 {l1} B per PE, L2 {l2} B; '-' = does "
                 "not fit these buffers, a larger L1/L2 may fit it):")
    else:
        intro = ("Cost of each layer type of this space's networks on each accelerator of the system "
                 "('-' = cannot run there):")
    rows = [intro]
    for what, values, scale in (("latency in microseconds", table.compute_latency_s, 1e6),
                                ("energy in microjoules", table.compute_energy_j, 1e6)):
        rows += [f"{what.capitalize()}:",
                 "| layer type | in largest net | MMACs | weight KB | "
                 + " | ".join(label for label, _ in probes) + " |"]
        for i, layer in enumerate(shown):
            cells = [_fmt(values[i, a] * scale, table.feasible[i, a]) for a in range(len(probes))]
            rows.append(f"| {_layer_label(layer)} | {counts.get(layer.signature(), 0)} | {layer.macs / 1e6:.3g} | "
                        f"{table.weight_bytes[i] / 1e3:.3g} | " + " | ".join(cells) + " |")
    if hidden:
        most = max(lay.macs or 0 for lay in hidden)
        rows.append(f"({len(hidden)} smaller layer types not shown, "
                    + (f"each at most {most / 1e6:.3g} MMACs.)" if most else "none with MACs.)"))
    return rows


def _fmt(value: float, ok: bool) -> str:
    if not ok or not math.isfinite(value):
        return "-"
    return f"{value:.3g}"


# ---- everything -------------------------------------------------------------------------------
def search_facts(space: Space, objectives: Sequence[Objective],
                 metric_bounds: Mapping[str, Mapping[str, float]] | None = None,
                 evaluator: Any = None) -> dict[str, Any]:
    """``{"goal": [lines], "facts": {section title: [lines]}}`` for the task context; an evaluator
    with ``agent_facts()`` says where its metrics come from."""
    workloads = representative_workloads(space)
    largest = workloads[0] if workloads else None
    facts: dict[str, list[str]] = {}
    for title, make in (("How the objectives are computed",
                         lambda: list(getattr(evaluator, "agent_facts", lambda: [])())
                         + objective_lines(space, largest, len(workloads) == 1)),
                        ("What the variables mean", lambda: variable_lines(space)),
                        ("Per layer type costs", lambda: layer_cost_lines(space, workloads))):
        try:
            lines = make()
        except Exception as e:  # noqa: BLE001 -- facts are hints; say what is missing instead of stopping
            lines = [f"(not available: {type(e).__name__})"]
        if lines:
            facts[title] = lines
    budgeted = [c.name for c in space.description.constraints]
    return {"goal": goal_lines(objectives, metric_bounds or {}, budgeted), "facts": facts}


__all__ = ["goal_lines", "layer_cost_lines", "objective_lines", "representative_workloads", "search_facts",
           "variable_lines"]
