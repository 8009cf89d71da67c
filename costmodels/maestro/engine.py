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
    """Per-row hardware values the delays need (elements/cycle, cycles)."""

    noc_bw: np.ndarray
    offchip_bw: np.ndarray
    hop_latency: np.ndarray


def _expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For groups of sizes ``counts``: each item's group and its index within the group."""
    group = np.repeat(np.arange(len(counts)), counts)
    within = np.arange(len(group)) - np.repeat(np.cumsum(counts) - counts, counts)
    return group, within


def _int(a: np.ndarray) -> np.ndarray:
    return np.rint(a).astype(np.int64)


def analyze_levels(levels: list[Level], li: int, prob: Problem, dims: dict[str, np.ndarray],
                   own: np.ndarray, inv: np.ndarray, hw: HwArrays) -> dict[str, np.ndarray]:
    """Analyse level ``li`` for elements with dimensions ``dims``; results per hardware row.

    An element is a distinct layer shape at the top level, and a (case, element) pair of the level
    above below it; ``own[e]`` is its layer (for the per-layer static arrays). Reuse and traffic
    do not depend on bandwidths, so they are computed per element and only the delays per row:
    ``inv[r]`` is row r's element and ``hw`` holds the rows' bandwidths and hop latencies.
    Arrays are flat: the existing (case, element) pairs, and the valid (pair, row) triples.
    """
    level = levels[li] if li == 0 else levels[li].at(own)  # the top level's elements are its layers
    missing = [m.var for m in level.maps if m.var not in dims]
    if missing:
        raise KeyError(missing[0])
    cs = CaseSet(level, iteration_states(level, dims))
    lc = LevelCases(level, prob, cs)
    is_top = li == 0
    leaf = li == len(levels) - 1
    E, R = cs.n_elements, len(inv)
    pe = cs.pe

    egress = lc.egress()
    psum_map = lc.psum_mapping_size()
    psums = lc.critical_psums()
    valid = psums > 0
    ingress = {t: lc.ingress(t) for t in INPUT_TENSORS}
    ingress_total = ingress["input"] + ingress["filter"]

    sp0 = level.spatial[0]
    sp_edge = cs.is_edge[sp0]
    ncl, nedge = lc.ncl, lc.nedge
    active_clusters = np.where(sp_edge, nedge, ncl)

    # valid (pair, row) triples: each valid pair once per hardware row of its element
    row_order = np.arange(R) if np.all(inv[1:] >= inv[:-1]) else np.argsort(inv, kind="stable")
    per_elem = np.bincount(inv, minlength=E)
    starts = np.cumsum(per_elem) - per_elem
    vp = np.flatnonzero(valid)
    cnt = per_elem[pe[vp]]
    vgroup, within = _expand(cnt)
    tp = vp[vgroup]
    tr = row_order[starts[pe[tp]] + within]

    occ = cs.occ[tp]
    bad = lc.zero_unique_change[tp]  # MAESTRO stops here
    if leaf:
        compute = psums[tp]
        active = active_clusters[tp]
    else:
        sub_hw = HwArrays(hw.noc_bw[tr], hw.offchip_bw[tr], hw.hop_latency[tr])
        dims_f = lc.sub_dims(False)
        sub_f = analyze_levels(levels, li + 1, prob, {k: v[vp] for k, v in dims_f.items()},
                               own[pe[vp]], vgroup, sub_hw)
        spee = cs.spee[sp0] & sp_edge
        rt, at, bt = sub_f["runtime"], sub_f["avg_active"], sub_f["bad"]
        sel = spee[vp]
        if sel.any():
            dims_t = lc.sub_dims(True)
            tsel = sel[vgroup]
            local = np.cumsum(sel) - 1
            sub_t = analyze_levels(levels, li + 1, prob, {k: v[vp[sel]] for k, v in dims_t.items()},
                                   own[pe[vp[sel]]], local[vgroup[tsel]],
                                   HwArrays(sub_hw.noc_bw[tsel], sub_hw.offchip_bw[tsel],
                                            sub_hw.hop_latency[tsel]))
            rt, at, bt = rt.copy(), at.copy(), bt.copy()
            rt[tsel], at[tsel], bt[tsel] = sub_t["runtime"], sub_t["avg_active"], sub_t["bad"]
        rf, af, bf = sub_f["runtime"], sub_f["avg_active"], sub_f["bad"]
        rest, sp_edge_t, spee_t = (nedge - 1)[tp], sp_edge[tp], spee[tp]
        used_t = sp_edge_t & spee_t
        used_f = ~(used_t & (rest <= 0))
        bad = bad | (used_t & bt) | (used_f & bf)
        compute = np.where(sp_edge_t, np.where(spee_t, np.where(rest > 0, np.maximum(rt, rf), rt), rf),
                           rf)
        active_sum = np.where(sp_edge_t, np.where(spee_t, at + np.where(rest > 0, af * rest, 0),
                                                  af * nedge[tp]), af * ncl[tp])
        active = np.where(active_sum == 0, active_clusters[tp], active_sum)

    traffic_in, traffic_out = ingress_total[tp], egress[tp]
    noc_bw, hop = hw.noc_bw[tr], hw.hop_latency[tr]
    # MAESTRO's NoC: head latency plus one cycle per further bandwidth-wide send
    in_delay = hop + np.ceil(traffic_in / noc_bw).astype(np.int64) - 1
    out_delay = hop + np.ceil(traffic_out / noc_bw).astype(np.int64) - 1
    all_init = (cs.changing == -1)[tp]
    outstanding = np.where(all_init, compute + in_delay,
                           np.maximum(out_delay, np.maximum(compute, in_delay)))

    def per_row(values) -> np.ndarray:
        return np.bincount(tr, weights=values, minlength=R)

    def row_max(values) -> np.ndarray:
        out = np.zeros(R, dtype=np.int64)
        np.maximum.at(out, tr, values)
        return out

    res: dict[str, np.ndarray] = {"bad": per_row(bad.astype(np.float64)) > 0}
    if is_top:
        # L2 tiles (double-buffered) of the first (all-Init) case: pairs 0..E-1
        l2s = {t: 2 * ingress[t][:E] for t in INPUT_TENSORS}
        l2s["output"] = 2 * egress[:E]
        l2_in = (l2s["input"] + l2s["filter"])[pe[tp]]
        l2_out = l2s["output"][pe[tp]]
        off_bw = hw.offchip_bw[tr]
        in_off = np.floor_divide(np.floor_divide(l2_in, off_bw), 2)
        out_off = np.floor_divide(np.floor_divide(l2_out, off_bw), 2)
        outstanding = np.maximum(np.maximum(in_off, outstanding), out_off).astype(np.int64)
        res["zero_compute"] = per_row((compute == 0).astype(np.float64)) > 0
        safe = np.maximum(compute, 1)
        need_bw = np.maximum(l2_out // safe, l2_in // safe)
        # MAESTRO halves the running maximum after every case, so the case order matters
        posn = cs.order()[vp]
        srt = np.lexsort((posn, pe[vp]))
        nvalid = np.bincount(pe[vp], minlength=E)
        rank = np.empty(len(vp), dtype=np.int64)
        rank[srt] = np.arange(len(vp)) - (np.cumsum(nvalid) - nvalid)[pe[vp][srt]]
        shift = np.clip(nvalid[pe[vp]] - rank, 0, 62)
        res["offchip_bw_req"] = row_max(need_bw >> shift[vgroup])
        res["l2"] = {t: v[inv] for t, v in l2s.items()}
    total_occ = per_row(occ)
    res["runtime"] = _int(per_row(occ * outstanding))
    res["avg_active"] = np.where(total_occ > 0, per_row(active * occ) / np.maximum(total_occ, 1), 0.0)
    if not is_top:
        return res

    res["noc_bw_req"] = row_max(np.maximum(traffic_in, traffic_out) // np.maximum(compute, 1))

    def per_elem_sum(values, mask=None) -> np.ndarray:
        if mask is not None:
            return _int(np.bincount(pe[mask], weights=values[mask], minlength=E))
        return _int(np.bincount(pe, weights=values, minlength=E))

    pocc = cs.occ
    macs = per_elem_sum(pocc * psum_map, valid)
    res["num_macs"] = macs[inv]
    acc = {}
    for t in INPUT_TENSORS:
        size = np.ones(E, dtype=np.int64)
        for v in prob.tensors[t]:
            size = size * dims[v]
        l2_read = per_elem_sum(pocc * ingress[t], valid)
        acc[f"{t}_l2_write"] = size
        acc[f"{t}_l2_read"] = l2_read
        acc[f"{t}_l1_write"] = l2_read
        acc[f"{t}_l1_read"] = macs
    out_size = np.ones(E, dtype=np.int64)
    for v in prob.tensors["output"]:
        out_size = out_size * (dims[v] - dims[prob.overlaps[v]] + 1 if v in prob.overlaps else dims[v])
    acc["output_l2_read"] = out_size
    acc["output_l2_write"] = per_elem_sum(pocc * egress)
    acc["output_l1_write"] = per_elem_sum(pocc * psum_map)
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
