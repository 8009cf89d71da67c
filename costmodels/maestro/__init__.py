"""MAESTRO's data-centric cost model (Kwon et al., MICRO 2019), re-implemented with numpy.

``analyze_batch(layers, dataflow, hw)`` prices every row of a :class:`LayerBatch` under one dataflow
the way MAESTRO (maestro-project/maestro, commit 4eb08d1) does: cluster levels
(:mod:`.levels`), iteration cases and reuse (:mod:`.cases`), delays and counts (:mod:`.engine`).
Rows sharing a layer kind are analysed together; hardware values may differ per row.

Units: cycles, element accesses, elements (buffer requirements), elements per cycle (bandwidth
requirements) and MAC-energy units. Joules come from a technology table, not from here.
"""
from __future__ import annotations

import numpy as np

from ..dataflow import Dataflow, load_dataflow
from ..errors import CostModelError
from .batch import (ACCESS_COLUMNS, KIND_CONV, KIND_DSCONV, KIND_GEMM, KIND_NAMES, RESULT_COLUMNS,
                    Analysis, Hardware, LayerBatch)
from .engine import HwArrays, analyze_levels, l1_requirement
from .levels import LevelError, build_levels, problem_for

__all__ = ["ACCESS_COLUMNS", "KIND_CONV", "KIND_DSCONV", "KIND_GEMM", "RESULT_COLUMNS", "Analysis",
           "Hardware", "LayerBatch", "analyze_batch", "L1_ENERGY", "L2_ENERGY"]

L1_ENERGY = 1.68  # one L1 access, in MAC energies (MAESTRO's l1_energy_multiplier)
L2_ENERGY = 18.61  # one L2 access, in MAC energies (MAESTRO's l2_energy_multiplier)

_COLS = ("K", "C", "R", "S", "Y", "X", "N", "M", "stride_y", "stride_x")


def analyze_batch(layers: LayerBatch, dataflow: "Dataflow | str", hw: Hardware) -> Analysis:
    """Price each row of ``layers`` under ``dataflow`` on ``hw``; unmappable rows get ``error``."""
    df = load_dataflow(dataflow)
    n = len(layers)
    hwa = hw.arrays(n)
    num_pes = np.asarray(hwa["num_pes"], dtype=np.int64)
    for key in ("noc_bw", "offchip_bw"):
        if np.any(np.asarray(hwa[key], dtype=np.float64) <= 0):
            raise CostModelError("must be positive", item=f"hardware field '{key}'")
    out = {c: np.full(n, np.nan) for c in RESULT_COLUMNS}
    error = np.full(n, None, dtype=object)
    bad_layer = ((layers.K < 1) | (layers.C < 1) | (layers.R < 1) | (layers.S < 1) | (layers.Y < 1)
                 | (layers.X < 1) | (layers.N < 1) | (layers.M < 1) | (layers.stride_y < 1)
                 | (layers.stride_x < 1))
    bad_layer |= (layers.kind != KIND_GEMM) & ((layers.R > layers.Y) | (layers.S > layers.X))
    error[bad_layer] = "layer dimensions must be >= 1 and the filter must fit the input (R <= Y, S <= X)"
    error[num_pes < 1] = "num_pes must be >= 1"
    # MAESTRO's tensors carry the batch N when the layer lists it: when N > 1, or when the
    # dataflow maps N (it must then be a dimension of the layer, even of size 1)
    maps_n = any(d.dim == "N" for d in df.directives)
    has_batch = (layers.kind != KIND_GEMM) & ((layers.N > 1) | maps_n)
    for kind in (KIND_CONV, KIND_DSCONV, KIND_GEMM):
        for batch in (False, True):
            idx = np.flatnonzero((layers.kind == kind) & (has_batch == batch) & (error == None))  # noqa: E711
            if len(idx):
                _analyze_group(df, kind, batch, layers, idx, hwa, out, error)
    rows = np.flatnonzero(error == None)  # noqa: E711
    l1 = out["l1_req"][rows] > np.asarray(hwa["l1_size"], dtype=np.float64)[rows]
    l2 = out["l2_req"][rows] > np.asarray(hwa["l2_size"], dtype=np.float64)[rows]
    for r in rows[l1 | l2]:
        lvl = "l1" if out["l1_req"][r] > np.asarray(hwa["l1_size"])[r] else "l2"
        error[r] = (f"{lvl.upper()} requirement {int(out[f'{lvl}_req'][r])} elements exceeds "
                    f"{lvl}_size {int(np.asarray(hwa[f'{lvl}_size'])[r])}")
    failed = error != None  # noqa: E711
    for c in RESULT_COLUMNS:
        out[c][failed] = np.nan
    return Analysis(**out, error=error)


def _distinct(columns: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """First index of each distinct row of ``columns`` and each row's distinct-row number."""
    key = np.zeros(len(columns[0]), dtype=np.int64)
    span = 1
    for col in columns:
        width = int(col.max()) + 1 if len(col) else 1
        if span * width >= 2**62:  # too wide for one integer key: compare whole rows
            _, first, inv = np.unique(np.stack(columns, axis=1), axis=0, return_index=True,
                                      return_inverse=True)
            return first, inv.reshape(-1)
        key = key + col * span
        span *= width
    _, first, inv = np.unique(key, return_index=True, return_inverse=True)
    return first, inv.reshape(-1)


def _analyze_group(df: Dataflow, kind: int, batch: bool, layers: LayerBatch, idx: np.ndarray,
                   hwa: dict, out: dict, error: np.ndarray) -> None:
    def cols_of(rows: np.ndarray) -> dict[str, np.ndarray]:
        return {c: getattr(layers, c)[rows] for c in _COLS}

    num_pes = np.asarray(hwa["num_pes"], dtype=np.int64)
    # distinct (layer, num_pes): reuse and traffic do not depend on bandwidths
    first, inv = _distinct([getattr(layers, c)[idx] for c in _COLS] + [num_pes[idx]])
    uniq = idx[first]
    found: list[LevelError] = []
    try:
        levels = build_levels(df, kind, cols_of(uniq), num_pes[uniq], batch, found)
    except LevelError as e:
        error[idx[e.mask[inv]]] = e.message
        return
    if found:
        keep = np.ones(len(uniq), dtype=bool)
        for e in found:
            fresh = e.mask & keep
            error[idx[fresh[inv]]] = e.message
            keep &= ~e.mask
        if not keep.any():
            return
        rows_kept = keep[inv]
        idx, inv = idx[rows_kept], np.cumsum(keep)[inv[rows_kept]] - 1
        uniq = uniq[keep]
        levels = build_levels(df, kind, cols_of(uniq), num_pes[uniq], batch, [])
    prob = problem_for(kind, batch)
    top_dims = dict(levels[0].dims)
    hw = HwArrays(np.asarray(hwa["noc_bw"], dtype=np.float64)[idx],
                  np.asarray(hwa["offchip_bw"], dtype=np.float64)[idx],
                  np.asarray(hwa["hop_latency"], dtype=np.int64)[idx])
    try:
        res = analyze_levels(levels, 0, prob, top_dims, np.arange(len(uniq)), inv, hw)
    except KeyError as e:
        error[idx] = (f"dataflow '{df.name}': a lower cluster level maps {e.args[0]}, which the "
                      f"level above does not map ({KIND_NAMES[kind]} layer)")
        return
    acc = res["access"]
    for c in ACCESS_COLUMNS:
        out[c][idx] = acc[c]
    l1_total = sum(acc[f"{t}_l1_{op}"] for t in ("input", "filter", "output") for op in ("read", "write"))
    l2_total = sum(acc[f"{t}_l2_{op}"] for t in ("input", "filter", "output") for op in ("read", "write"))
    out["runtime_cycles"][idx] = res["runtime"]
    out["num_macs"][idx] = res["num_macs"]
    out["energy_mac_units"][idx] = res["num_macs"] + L1_ENERGY * l1_total + L2_ENERGY * l2_total
    out["l2_req"][idx] = sum(res["l2"].values())
    out["l1_req"][idx] = np.broadcast_to(l1_requirement(levels, prob), (len(uniq),))[inv]
    out["noc_bw_req"][idx] = res["noc_bw_req"]
    out["offchip_bw_req"][idx] = res["offchip_bw_req"]
    out["avg_used_pes"][idx] = res["avg_active"]
    zu, zc = res["bad"], res["zero_compute"] | (res["num_macs"] <= 0)
    error[idx[zu]] = (f"dataflow '{df.name}': a fully unrolled TemporalMap would have to advance "
                      f"(MAESTRO stops on this {KIND_NAMES[kind]} layer)")
    error[idx[zc & ~zu]] = (f"dataflow '{df.name}': maps no MAC of this {KIND_NAMES[kind]} layer "
                            "(its tiles hold no whole output); it cannot map the layer")
