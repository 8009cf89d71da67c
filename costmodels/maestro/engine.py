"""Runtime, accesses and requirements of one layer group, level by level (MAESTRO's cost engine).

``analyze_levels`` follows ``CA_cost-analysis-engine.hpp`` (AnalyzeClusterLevel_V2) for every case
of a level at once; a level above the innermost analyses its sub-clusters recursively with the
dimensions each case hands down. Only the top level's counts are reported, as MAESTRO reports them.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .cases import CaseSet, LevelCases, iteration_states
from .levels import Level, Problem

INPUT_TENSORS = ("input", "filter")


@dataclass
class HwArrays:
    noc_bw: np.ndarray
    offchip_bw: np.ndarray
    hop_latency: np.ndarray


def _noc_delay(volume: np.ndarray, hw: HwArrays) -> np.ndarray:
    """MAESTRO's NoC model: head latency plus one cycle per further bandwidth-wide send."""
    sends = np.ceil(volume / hw.noc_bw).astype(np.int64)
    return hw.hop_latency + sends - 1


def _masked_sum(valid: np.ndarray, values) -> np.ndarray:
    return np.where(valid, values, 0).sum(axis=0)


def analyze_levels(levels: list[Level], li: int, prob: Problem, dims: dict[str, np.ndarray],
                   hw: HwArrays) -> dict[str, np.ndarray]:
    """Analyse level ``li`` over ``dims`` (arrays of any shape ending in rows)."""
    level = levels[li]
    missing = [m.var for m in level.maps if m.var not in dims]
    if missing:
        raise KeyError(missing[0])
    states = iteration_states(level, dims)
    cs = CaseSet(level, states)
    lc = LevelCases(level, prob, cs)
    is_top = li == 0
    leaf = li == len(levels) - 1

    egress = lc.egress()
    psum_map = lc.psum_mapping_size()
    psums = lc.critical_psums()
    valid = cs.exists & (psums > 0)
    ingress = {t: lc.ingress(t) for t in INPUT_TENSORS}
    ingress_total = ingress["input"] + ingress["filter"]

    sp0 = level.spatial[0]
    sp_edge = cs.is_edge[sp0]
    ncl, nedge = level.num_sub, level.num_edge_sub
    active_clusters = np.where(sp_edge, nedge, ncl)
    if leaf:
        compute = psums
        active = active_clusters
    else:
        sub_f = analyze_levels(levels, li + 1, prob, lc.sub_dims(False), hw)
        spee = cs.spee[sp0] & sp_edge
        if spee.any():
            sub_t = analyze_levels(levels, li + 1, prob, lc.sub_dims(True), hw)
        else:
            sub_t = sub_f
        rest = nedge - 1
        used_t = sp_edge & spee
        used_f = ~(used_t & (rest <= 0))
        sub_bad = (used_t & sub_t["bad"]) | (used_f & sub_f["bad"])
        rt, rf = sub_t["runtime"], sub_f["runtime"]
        at, af = sub_t["avg_active"], sub_f["avg_active"]
        compute = np.where(sp_edge, np.where(spee, np.where(rest > 0, np.maximum(rt, rf), rt), rf), rf)
        active_sum = np.where(sp_edge, np.where(spee, at + np.where(rest > 0, af * rest, 0), af * nedge),
                              af * ncl)
        active = np.where(active_sum == 0, active_clusters, active_sum)

    in_delay = _noc_delay(ingress_total, hw)
    out_delay = _noc_delay(egress, hw)
    all_init = (cs.changing == -1)
    outstanding = np.where(all_init, compute + in_delay,
                           np.maximum(out_delay, np.maximum(compute, in_delay)))
    # MAESTRO stops when a fully unrolled temporal map would have to advance
    bad = valid & lc.zero_unique_change
    if not leaf:
        bad = bad | (valid & sub_bad)

    occ = cs.occ
    res: dict[str, np.ndarray] = {}
    if is_top:
        # L2 tiles (double-buffered) of the first (all-Init) case
        l2 = {t: 2 * ingress[t][0] for t in INPUT_TENSORS}
        l2["output"] = 2 * egress[0]
        l2_in = l2["input"] + l2["filter"]
        off_bw = hw.offchip_bw
        in_off = np.floor_divide(np.floor_divide(l2_in, off_bw), 2)
        out_off = np.floor_divide(np.floor_divide(l2["output"], off_bw), 2)
        outstanding = np.maximum(np.maximum(in_off, outstanding), out_off)
        res["zero_compute"] = np.any(valid & (compute == 0), axis=0)
        safe = np.maximum(compute, 1)
        need = np.maximum(l2["output"] // safe, l2_in // safe)
        # MAESTRO halves the running maximum after every case, so order matters
        rank = cs.order()
        rank = np.where(valid, rank, np.iinfo(np.int64).max)
        order = np.argsort(rank, axis=0, kind="stable")
        pos_among_valid = np.empty_like(order)
        np.put_along_axis(pos_among_valid, order,
                          np.arange(len(order)).reshape((-1,) + (1,) * (order.ndim - 1)), axis=0)
        nvalid = valid.sum(axis=0)
        shift = np.clip(nvalid[None] - pos_among_valid, 0, 62)
        res["offchip_bw_req"] = np.where(valid, need >> shift, 0).max(axis=0)
        res["l2"] = l2
    res["bad"] = bad.any(axis=0)
    total_occ = _masked_sum(valid, occ)
    res["runtime"] = _masked_sum(valid, occ * outstanding)
    res["avg_active"] = np.where(total_occ > 0,
                                 _masked_sum(valid, active * occ) / np.maximum(total_occ, 1), 0.0)
    if not is_top:
        return res

    res["num_macs"] = _masked_sum(valid, occ * psum_map)
    res["noc_bw_req"] = np.where(valid, np.maximum(ingress_total, egress) // np.maximum(compute, 1),
                                 0).max(axis=0)
    acc = {}
    for t in INPUT_TENSORS:
        size = np.ones_like(total_occ)
        for v in prob.tensors[t]:
            size = size * dims[v]
        l2_read = _masked_sum(valid, occ * ingress[t])
        acc[f"{t}_l2_write"] = size
        acc[f"{t}_l2_read"] = l2_read
        acc[f"{t}_l1_write"] = l2_read
        acc[f"{t}_l1_read"] = _masked_sum(valid, occ * psum_map)
    out_size = np.ones_like(total_occ)
    for v in prob.tensors["output"]:
        out_size = out_size * (dims[v] - dims[prob.overlaps[v]] + 1 if v in prob.overlaps else dims[v])
    exist = cs.exists
    acc["output_l2_read"] = out_size
    acc["output_l2_write"] = _masked_sum(exist, occ * egress)
    acc["output_l1_write"] = _masked_sum(exist, occ * psum_map)
    acc["output_l1_read"] = acc["output_l1_write"]
    res["access"] = acc
    return res


def l1_requirement(levels: list[Level], prob: Problem) -> np.ndarray:
    """Double-buffered tiles of the innermost level (MAESTRO's L1 requirement)."""
    lv = levels[-1]
    total = 0
    for t in ("input", "filter", "output"):
        vol = 1
        for v in prob.tensors[t]:
            if v in lv.mapped:
                vol = vol * lv.mapped[v]
        total = total + 2 * vol
    return total
