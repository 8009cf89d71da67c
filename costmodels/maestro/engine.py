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
                   hw: HwArrays, inv: np.ndarray) -> dict[str, np.ndarray]:
    """Analyse level ``li`` over ``dims`` (arrays of any shape ending in distinct layer shapes).

    Layers repeat across hardware variants, so reuse and traffic are computed once per distinct
    (layer, num_pes) and only the bandwidth-dependent delays per row: ``inv`` maps rows to them.
    Results have the shape of ``dims`` with the last axis over rows.
    """
    level = levels[li]
    missing = [m.var for m in level.maps if m.var not in dims]
    if missing:
        raise KeyError(missing[0])
    states = iteration_states(level, dims)
    cs = CaseSet(level, states)
    lc = LevelCases(level, prob, cs)
    is_top = li == 0
    leaf = li == len(levels) - 1

    def rows(a):
        return np.take(np.broadcast_to(a, cs.shape), inv, axis=-1)

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
    valid_r, occ_r = rows(valid), rows(cs.occ)
    bad = rows(valid & lc.zero_unique_change)  # MAESTRO stops here
    if leaf:
        compute = rows(psums)
        active = rows(active_clusters)
    else:
        sub_f = analyze_levels(levels, li + 1, prob, lc.sub_dims(False), hw, inv)
        spee = cs.spee[sp0] & sp_edge
        if spee.any():
            sub_t = analyze_levels(levels, li + 1, prob, lc.sub_dims(True), hw, inv)
        else:
            sub_t = sub_f
        rest = rows(nedge - 1)
        nedge_r, sp_edge_r, spee_r = rows(nedge), rows(sp_edge), rows(spee)
        used_t = sp_edge_r & spee_r
        used_f = ~(used_t & (rest <= 0))
        bad |= valid_r & ((used_t & sub_t["bad"]) | (used_f & sub_f["bad"]))
        rt, rf = sub_t["runtime"], sub_f["runtime"]
        at, af = sub_t["avg_active"], sub_f["avg_active"]
        compute = np.where(sp_edge_r, np.where(spee_r, np.where(rest > 0, np.maximum(rt, rf), rt), rf),
                           rf)
        active_sum = np.where(sp_edge_r, np.where(spee_r, at + np.where(rest > 0, af * rest, 0),
                                                  af * nedge_r), af * rows(ncl))
        active = np.where(active_sum == 0, rows(active_clusters), active_sum)

    traffic_in, traffic_out = rows(ingress_total), rows(egress)
    in_delay = _noc_delay(traffic_in, hw)
    out_delay = _noc_delay(traffic_out, hw)
    all_init = (cs.changing == -1)
    outstanding = np.where(all_init, compute + in_delay,
                           np.maximum(out_delay, np.maximum(compute, in_delay)))
    res: dict[str, np.ndarray] = {"bad": bad.any(axis=0)}
    if is_top:
        # L2 tiles (double-buffered) of the first (all-Init) case
        l2 = {t: 2 * ingress[t][0][inv] for t in INPUT_TENSORS}
        l2["output"] = 2 * egress[0][inv]
        l2_in = l2["input"] + l2["filter"]
        off_bw = hw.offchip_bw
        in_off = np.floor_divide(np.floor_divide(l2_in, off_bw), 2)
        out_off = np.floor_divide(np.floor_divide(l2["output"], off_bw), 2)
        outstanding = np.maximum(np.maximum(in_off, outstanding), out_off)
        res["zero_compute"] = np.any(valid_r & (compute == 0), axis=0)
        safe = np.maximum(compute, 1)
        need = np.maximum(l2["output"] // safe, l2_in // safe)
        # MAESTRO halves the running maximum after every case, so the case order matters
        rank = np.where(valid, cs.order(), np.iinfo(np.int64).max)
        order = np.argsort(rank, axis=0, kind="stable")
        pos_among_valid = np.empty_like(order)
        np.put_along_axis(pos_among_valid, order, np.arange(len(order))[:, None], axis=0)
        shift = np.clip(valid.sum(axis=0)[None] - pos_among_valid, 0, 62)[:, inv]
        res["offchip_bw_req"] = np.where(valid_r, need >> shift, 0).max(axis=0)
        res["l2"] = l2
    total_occ = _masked_sum(valid_r, occ_r)
    res["runtime"] = _masked_sum(valid_r, occ_r * outstanding)
    res["avg_active"] = np.where(total_occ > 0,
                                 _masked_sum(valid_r, active * occ_r) / np.maximum(total_occ, 1), 0.0)
    if not is_top:
        return res

    occ = cs.occ
    res["noc_bw_req"] = np.where(valid_r, np.maximum(traffic_in, traffic_out) // np.maximum(compute, 1),
                                 0).max(axis=0)
    macs = _masked_sum(valid, occ * psum_map)
    res["num_macs"] = macs[inv]
    acc = {}
    for t in INPUT_TENSORS:
        size = np.ones_like(macs)
        for v in prob.tensors[t]:
            size = size * dims[v]
        l2_read = _masked_sum(valid, occ * ingress[t])
        acc[f"{t}_l2_write"] = size
        acc[f"{t}_l2_read"] = l2_read
        acc[f"{t}_l1_write"] = l2_read
        acc[f"{t}_l1_read"] = macs
    out_size = np.ones_like(macs)
    for v in prob.tensors["output"]:
        out_size = out_size * (dims[v] - dims[prob.overlaps[v]] + 1 if v in prob.overlaps else dims[v])
    acc["output_l2_read"] = out_size
    acc["output_l2_write"] = _masked_sum(cs.exists, occ * egress)
    acc["output_l1_write"] = _masked_sum(cs.exists, occ * psum_map)
    acc["output_l1_read"] = acc["output_l1_write"]
    res["access"] = {k: v[inv] for k, v in acc.items()}
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
