"""Split a dataflow into MAESTRO's cluster levels and complete each level's directives.

This mirrors MAESTRO's cluster analysis (``DFA_cluster-analysis.hpp``), per layer row:

* a ``Cluster(n, P)`` ends a level; the top level has ``num_pes // prod(cluster sizes)`` sub-clusters,
  each lower level as many as the ``Cluster`` directive above it says;
* output-centric ``Y'``/``X'`` maps become input maps of size ``size + R - 1`` (``S - 1``);
* a dimension a level does not map inherits the level above's map (as a TemporalMap, put in front),
  and input-tensor dimensions still unmapped are mapped whole (``TemporalMap(Sz, Sz)``, at the end);
* a strided sliding window (Y with R, X with S) widens its map to cover whole windows:
  ``out = (size + stride - R) // stride`` windows, size ``out*min(stride, R) + max(R - stride, 0)``,
  offset ``out * stride``;
* a lower level's dimension sizes are the upper level's map sizes (clipped to the dimension).

Then each level's per-directive reuse sizes (``CA_reuse-analysis.hpp``): mapped, unique and edge
sizes, and the number of sub-clusters active at the spatial edge (``DFA_cluster-unit.hpp``).
All values are int64 arrays over rows; the *structure* (which dimensions, in which order) is shared.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..dataflow import CLUSTER, Dataflow, Directive
from .batch import KIND_CONV, KIND_DSCONV, KIND_GEMM

SPATIAL, TEMPORAL = "S", "T"


def cdiv(a, b):
    """C++ integer division (truncates toward zero); exact for |a|, |b| < 2**50."""
    return np.trunc(np.divide(a, b)).astype(np.int64)


@dataclass(frozen=True)
class Problem:
    """The tensors and dimensions of one layer kind, as MAESTRO defines them."""

    tensors: dict[str, tuple[str, ...]]  # input, filter, output -> coupled dimensions
    overlaps: dict[str, str]  # reference dim -> sliding dim (Y -> R, X -> S)

    @property
    def input_vars(self) -> list[str]:
        """Dimensions of the input tensors, sorted as MAESTRO sorts them."""
        return sorted(set(self.tensors["input"]) | set(self.tensors["filter"]))


def problem_for(kind: int, has_batch: bool) -> Problem:
    b = ("N",) if has_batch else ()
    if kind == KIND_GEMM:
        return Problem({"input": ("M", "K"), "filter": ("K", "N"), "output": ("M", "N")}, {})
    overlaps = {"X": "S", "Y": "R"}
    if kind == KIND_DSCONV:
        return Problem({"input": b + ("C", "Y", "X"), "filter": ("C", "R", "S"),
                        "output": b + ("C", "Y", "X")}, overlaps)
    assert kind == KIND_CONV
    return Problem({"input": b + ("C", "Y", "X"), "filter": ("K", "C", "R", "S"),
                    "output": b + ("K", "Y", "X")}, overlaps)


class LevelError(Exception):
    """Rows (mask) this dataflow cannot map, with a message; collected, never shown as a traceback."""

    def __init__(self, mask: np.ndarray, message: str) -> None:
        super().__init__(message)
        self.mask = mask
        self.message = message


@dataclass
class Map:
    kind: str  # SPATIAL or TEMPORAL
    var: str
    size: np.ndarray
    ofs: np.ndarray
    source: Directive | None = None  # None when inherited or added


@dataclass
class Level:
    """One cluster level, after completion; arrays are per row."""

    index: int  # 0 = top
    maps: list[Map]
    num_sub: np.ndarray  # sub-clusters (PEs at the innermost level) under this level
    dims: dict[str, np.ndarray]  # static dimension sizes of this level
    strides: dict[str, np.ndarray]
    mapped: dict[str, np.ndarray] = field(default_factory=dict)
    mapped_edge: dict[str, np.ndarray] = field(default_factory=dict)
    unique: dict[str, np.ndarray] = field(default_factory=dict)
    unique_edge: dict[str, np.ndarray] = field(default_factory=dict)
    num_edge_sub: np.ndarray | None = None  # sub-clusters active at the spatial edge

    @property
    def vars(self) -> list[str]:
        return [m.var for m in self.maps]

    def find(self, var: str) -> int:
        for i, m in enumerate(self.maps):
            if m.var == var:
                return i
        return -1

    @property
    def spatial(self) -> list[int]:
        return [i for i, m in enumerate(self.maps) if m.kind == SPATIAL]

    def at(self, own: np.ndarray) -> "Level":
        """This level's per-layer arrays taken at ``own`` (one entry per element analysed)."""
        def take(d: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
            return {k: v[own] for k, v in d.items()}

        return Level(self.index, [Map(m.kind, m.var, m.size[own], m.ofs[own], m.source)
                                  for m in self.maps], self.num_sub[own], take(self.dims),
                     take(self.strides), take(self.mapped), take(self.mapped_edge),
                     take(self.unique), take(self.unique_edge), self.num_edge_sub[own])


def layer_sizes(kind: int, cols: dict[str, np.ndarray], has_batch: bool) -> dict[str, np.ndarray]:
    """The dimension sizes ``Sz(D)`` may name, and that MAESTRO's dimension table holds."""
    if kind == KIND_GEMM:
        return {"K": cols["K"], "M": cols["M"], "N": cols["N"]}
    d = {k: cols[k] for k in ("K", "C", "R", "S", "Y", "X")}
    if has_batch:
        d["N"] = cols["N"]
    d["Y'"] = cols["Y"] - cols["R"] + 1
    d["X'"] = cols["X"] - cols["S"] + 1
    return d


def build_levels(dataflow: Dataflow, kind: int, cols: dict[str, np.ndarray], num_pes: np.ndarray,
                 has_batch: bool, errors: list[LevelError]) -> list[Level]:
    """Complete the dataflow into levels for these rows; rows it cannot map go to ``errors``."""
    n = len(num_pes)
    prob = problem_for(kind, has_batch)
    full = layer_sizes(kind, cols, has_batch)
    sz_env = dict(full)
    if "N" not in sz_env:
        sz_env["N"] = np.ones(n, dtype=np.int64)
    strides = {k: np.ones(n, dtype=np.int64) for k in full}
    if kind != KIND_GEMM:
        strides["Y"] = strides["Y'"] = cols["stride_y"]
        strides["X"] = strides["X'"] = cols["stride_x"]

    def value(d: Directive, expr, what: str) -> np.ndarray:
        try:
            v = np.broadcast_to(np.asarray(expr.evaluate(sz_env), dtype=np.int64), (n,)).copy()
        except KeyError as e:
            raise LevelError(np.ones(n, bool), f"{dataflow.describe(d)}: Sz({e.args[0]}) is not a "
                             f"dimension of a {('CONV', 'DSCONV', 'GEMM')[kind]} layer") from None
        bad = v <= 0
        if bad.any():
            errors.append(LevelError(bad, f"{dataflow.describe(d)}: {what} evaluates to a "
                                     "non-positive value for this layer"))
        return np.maximum(v, 1)

    # split at Cluster directives
    groups: list[list[Directive]] = [[]]
    cluster_sizes: list[np.ndarray] = []
    for d in dataflow.directives:
        if d.kind == CLUSTER:
            cluster_sizes.append(value(d, d.size, "cluster size"))
            groups.append([])
        else:
            if d.dim not in full and d.dim not in ("Y'", "X'"):
                raise LevelError(np.ones(n, bool), f"{dataflow.describe(d)}: a "
                                 f"{('CONV', 'DSCONV', 'GEMM')[kind]} layer has no dimension {d.dim}")
            groups[-1].append(d)
    uppermost = np.ones(n, dtype=np.int64)
    for c in cluster_sizes:
        uppermost = uppermost * c
    top_sub = num_pes // uppermost
    too_big = top_sub < 1
    if too_big.any():
        where = "; ".join(dataflow.describe(d) for d in dataflow.directives if d.kind == CLUSTER)
        need = sorted({int(v) for v in uppermost[too_big]})
        errors.append(LevelError(too_big, f"{where}: clusters need {' or '.join(map(str, need))} PEs,"
                                 " more than num_pes"))
    top_sub = np.maximum(top_sub, 1)
    sizes_per_level = [top_sub] + cluster_sizes

    levels: list[Level] = []
    dims = {k: v for k, v in full.items()}
    lvl_strides = dict(strides)
    prev: list[Map] | None = None
    for li, group in enumerate(groups):
        maps: list[Map] = []
        seen: set[str] = set()
        for d in group:
            size, ofs = value(d, d.size, "size"), value(d, d.offset, "offset")
            if d.kind == "TemporalMap" and d.dim in ("R", "S") and d.dim in full:
                bad = (size != ofs) | (size != full[d.dim])
                if bad.any():
                    errors.append(LevelError(bad, f"{dataflow.describe(d)}: a TemporalMap of {d.dim} "
                                             f"must have size = offset = Sz({d.dim}) (the layer's "
                                             f"{d.dim}); it cannot split the filter"))
            if d.dim in seen:
                raise LevelError(np.ones(n, bool), f"{dataflow.describe(d)}: dimension {d.dim} is "
                                 "mapped twice in one cluster level")
            seen.add(d.dim)
            maps.append(Map(SPATIAL if d.kind == "SpatialMap" else TEMPORAL, d.dim, size, ofs, d))
        # output-centric maps become input maps
        for out_var, in_var, filt in (("X'", "X", "S"), ("Y'", "Y", "R")):
            has_in = any(m.var == in_var for m in maps)
            outs = [m for m in maps if m.var == out_var]
            if outs and has_in:
                raise LevelError(np.ones(n, bool), f"{dataflow.describe(outs[0].source)}: maps both "
                                 f"{in_var} and {out_var} in one cluster level")
            if outs:
                filt_maps = [m for m in maps if m.var == filt]
                if not filt_maps:
                    raise LevelError(np.ones(n, bool), f"{dataflow.describe(outs[0].source)}: "
                                     f"{out_var} needs {filt} mapped in the same cluster level")
                outs[0].var = in_var
                outs[0].size = outs[0].size + filt_maps[-1].size - 1
        # inherit what the upper level maps and this one does not
        if prev is not None:
            for m in prev:
                if all(x.var != m.var for x in maps):
                    maps.insert(0, Map(TEMPORAL, m.var, m.size.copy(), m.ofs.copy()))
        # map the rest of the input tensors' dimensions whole
        for var in prob.input_vars:
            if all(x.var != var for x in maps) and var in dims:
                maps.append(Map(TEMPORAL, var, dims[var].copy(), dims[var].copy()))
        is_top = li == 0
        for m in maps:
            if m.var not in dims:
                raise LevelError(np.ones(n, bool), f"dataflow '{dataflow.name}': cluster level {li} "
                                 f"maps {m.var}, which the level above does not pass down")
            if m.var in prob.overlaps:
                st = lvl_strides[m.var]
                rfull = full[prob.overlaps[m.var]]
                apply = (st != 1) & (m.size >= rfull)
                if apply.any():
                    out = cdiv(m.size + st - rfull, st)
                    size = out * np.minimum(st, rfull) + np.maximum(rfull - st, 0)
                    ofs = out * st
                    if not is_top:
                        ofs = np.where(rfull < st, out * rfull, ofs)
                    m.size = np.where(apply, size, m.size)
                    m.ofs = np.where(apply, ofs, m.ofs)
        level = Level(li, maps, sizes_per_level[li], dims, lvl_strides)
        sp = level.spatial
        if not sp:
            raise LevelError(np.ones(n, bool), f"dataflow '{dataflow.name}': cluster level {li} "
                             "has no SpatialMap")
        if len(sp) > 2:
            raise LevelError(np.ones(n, bool), f"dataflow '{dataflow.name}': cluster level {li} "
                             "has more than two SpatialMaps")
        _reuse_sizes(level, prob)
        for ref, slide in prob.overlaps.items():
            i = level.find(ref)
            if i >= 0:
                short = level.mapped[ref + "'"] < 1
                if short.any():
                    m = maps[i]
                    what = (dataflow.describe(m.source) if m.source is not None
                            else f"dataflow '{dataflow.name}' cluster level {li}: {ref} (inherited)")
                    errors.append(LevelError(short, f"{what}: a tile of {ref} is smaller than the "
                                             f"filter's {slide}, so it holds no whole window; the "
                                             "dataflow cannot map this layer"))
        levels.append(level)
        # the level below sees this level's map sizes
        new_dims = {}
        for var in prob.input_vars:
            m = maps[level.find(var)]
            new_dims[var] = np.minimum(m.size, dims[var])
        dims = new_dims
        lvl_strides = {k: lvl_strides[k] for k in new_dims}
        prev = maps
    return levels


def _reuse_sizes(level: Level, prob: Problem) -> None:
    """Per-directive mapped/unique sizes, steady and edge (MAESTRO's AnalyzeInputMappingSizes)."""
    for m in level.maps:
        dim = level.dims[m.var]
        size, ofs = m.size, m.ofs
        nsteady = np.maximum(cdiv(dim - size, ofs), 0)
        has_edge = (nsteady * ofs + size < dim) | (size > dim)
        uniq = np.minimum(size, ofs)
        if m.kind == TEMPORAL:
            uniq = np.where(dim <= size, 0, uniq)
        edge = dim - (nsteady + 1) * ofs
        edge = np.where(edge < 0, dim, edge)
        level.mapped[m.var] = size
        level.unique[m.var] = uniq
        level.mapped_edge[m.var] = np.where(has_edge, edge, size)
        level.unique_edge[m.var] = np.maximum(ofs - (size - edge), 0)
    for ref, slide in prob.overlaps.items():
        i = level.find(ref)
        if i < 0:
            continue
        m = level.maps[i]
        out = ref + "'"
        level.mapped[out] = level.mapped[ref] - level.mapped.get(slide, 0) + 1
        level.unique[out] = np.minimum(m.ofs, m.size)
        level.mapped_edge[out] = level.mapped_edge[ref] - level.mapped_edge.get(slide, 0) + 1
        level.unique_edge[out] = np.minimum(m.ofs, level.mapped_edge[out])
    # sub-clusters active at the spatial edge, from the first SpatialMap
    m = level.maps[level.spatial[0]]
    dim, size, ofs, ncl = level.dims[m.var], m.size, m.ofs, level.num_sub
    full_cov = ofs * (ncl - 1) + size
    nsteady = cdiv(cdiv(dim - size, ofs) + 1, ncl) - 1
    remaining = dim - (nsteady + 1) * ofs * ncl
    a = np.where(remaining < size, 1, cdiv(remaining - size, ofs) + 1)
    b0 = cdiv(dim - size, ofs) + 1
    b = np.where(ofs * (b0 - 1) + size < dim, b0 + 1, b0)
    b = np.where(dim > size, b, 1)
    res = np.where(dim > full_cov, a, b)
    level.num_edge_sub = np.where(dim <= size, 1, res)
