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


class _Flat:
    """The valid (case, element, hardware row) triples of a level, flattened.

    Reuse and traffic live on a dense ``[cases, *elements]`` grid over distinct layer shapes;
    delays depend on each hardware row's bandwidths, and most cases do not exist for a given
    layer, so the delay arithmetic runs only on the valid triples.
    """

    def __init__(self, valid: np.ndarray, inv: np.ndarray) -> None:
        self.shape_s = valid.shape
        n_s, n_r = valid.shape[-1], len(inv)
        self.shape_b = valid.shape[1:-1] + (n_r,)
        self.nb = int(np.prod(self.shape_b))
        self.idx = np.flatnonzero(valid[..., inv])
        self.c = self.idx // self.nb
        self.b = self.idx % self.nb
        self.r = self.b % n_r
        per_c = int(np.prod(valid.shape[1:]))
        self.s_idx = self.c * per_c + (self.b // n_r) * n_s + inv[self.r]

    def s(self, a) -> np.ndarray:
        """A per-shape array (broadcastable to ``[cases, *elements]``) at each triple."""
        return np.broadcast_to(a, self.shape_s).reshape(-1)[self.s_idx]

    def r_(self, a) -> np.ndarray:
        """A per-row array of shape ``[cases, *elements with rows]`` at each triple."""
        return np.broadcast_to(a, (self.shape_s[0],) + self.shape_b).reshape(-1)[self.idx]

    def sum(self, values) -> np.ndarray:
        out = np.bincount(self.b, weights=values, minlength=self.nb)
        return out.reshape(self.shape_b)

    def max(self, values) -> np.ndarray:
        out = np.zeros(self.nb, dtype=np.int64)
        np.maximum.at(out, self.b, values)
        return out.reshape(self.shape_b)

    def any(self, mask) -> np.ndarray:
        return self.sum(mask.astype(np.float64)) > 0


def _int(a: np.ndarray) -> np.ndarray:
    return np.rint(a).astype(np.int64)


def _masked_sum(valid: np.ndarray, values) -> np.ndarray:
    return np.where(valid, values, 0).sum(axis=0)


def analyze_levels(levels: list[Level], li: int, prob: Problem, dims: dict[str, np.ndarray],
                   hw: HwArrays, inv: np.ndarray, need: np.ndarray | bool = True
                   ) -> dict[str, np.ndarray]:
    """Analyse level ``li`` over ``dims`` (arrays of any shape ending in distinct layer shapes).

    Layers repeat across hardware variants, so reuse and traffic are computed once per distinct
    (layer, num_pes) and only the bandwidth-dependent delays per row: ``inv`` maps rows to them.
    ``need`` marks the elements whose results are used (the upper level's valid cases).
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

    egress = lc.egress()
    psum_map = lc.psum_mapping_size()
    psums = lc.critical_psums()
    valid = cs.exists & (psums > 0) & need
    ingress = {t: lc.ingress(t) for t in INPUT_TENSORS}
    ingress_total = ingress["input"] + ingress["filter"]

    sp0 = level.spatial[0]
    sp_edge = cs.is_edge[sp0]
    ncl, nedge = level.num_sub, level.num_edge_sub
    active_clusters = np.where(sp_edge, nedge, ncl)
    f = _Flat(valid, inv)
    occ = f.s(cs.occ)
    bad = f.s(lc.zero_unique_change)  # MAESTRO stops here
    if leaf:
        compute = f.s(psums)
        active = f.s(active_clusters)
    else:
        sub_f = analyze_levels(levels, li + 1, prob, lc.sub_dims(False), hw, inv, valid)
        spee = cs.spee[sp0] & sp_edge
        if (spee & valid).any():
            sub_t = analyze_levels(levels, li + 1, prob, lc.sub_dims(True), hw, inv, valid & spee)
        else:
            sub_t = sub_f
        rest, sp_edge_f, spee_f = f.s(nedge - 1), f.s(sp_edge), f.s(spee)
        used_t = sp_edge_f & spee_f
        used_f = ~(used_t & (rest <= 0))
        bad |= (used_t & f.r_(sub_t["bad"])) | (used_f & f.r_(sub_f["bad"]))
        rt, rf = f.r_(sub_t["runtime"]), f.r_(sub_f["runtime"])
        at, af = f.r_(sub_t["avg_active"]), f.r_(sub_f["avg_active"])
        compute = np.where(sp_edge_f, np.where(spee_f, np.where(rest > 0, np.maximum(rt, rf), rt), rf),
                           rf)
        active_sum = np.where(sp_edge_f, np.where(spee_f, at + np.where(rest > 0, af * rest, 0),
                                                  af * f.s(nedge)), af * f.s(ncl))
        active = np.where(active_sum == 0, f.s(active_clusters), active_sum)

    traffic_in, traffic_out = f.s(ingress_total), f.s(egress)
    noc_bw, hop = hw.noc_bw[f.r], hw.hop_latency[f.r]
    # MAESTRO's NoC: head latency plus one cycle per further bandwidth-wide send
    in_delay = hop + np.ceil(traffic_in / noc_bw).astype(np.int64) - 1
    out_delay = hop + np.ceil(traffic_out / noc_bw).astype(np.int64) - 1
    all_init = f.s(cs.changing == -1)
    outstanding = np.where(all_init, compute + in_delay,
                           np.maximum(out_delay, np.maximum(compute, in_delay)))
    res: dict[str, np.ndarray] = {"bad": f.any(bad)}
    if is_top:
        # L2 tiles (double-buffered) of the first (all-Init) case
        l2s = {t: 2 * ingress[t][0] for t in INPUT_TENSORS}
        l2s["output"] = 2 * egress[0]
        l2_in = f.s(l2s["input"] + l2s["filter"])
        l2_out = f.s(l2s["output"])
        off_bw = hw.offchip_bw[f.r]
        in_off = np.floor_divide(np.floor_divide(l2_in, off_bw), 2)
        out_off = np.floor_divide(np.floor_divide(l2_out, off_bw), 2)
        outstanding = np.maximum(np.maximum(in_off, outstanding), out_off).astype(np.int64)
        res["zero_compute"] = f.any(compute == 0)
        safe = np.maximum(compute, 1)
        need_bw = np.maximum(l2_out // safe, l2_in // safe)
        # MAESTRO halves the running maximum after every case, so the case order matters
        rank = np.where(valid, cs.order(), np.iinfo(np.int64).max)
        order = np.argsort(rank, axis=0, kind="stable")
        pos_among_valid = np.empty_like(order)
        np.put_along_axis(pos_among_valid, order, np.arange(len(order))[:, None], axis=0)
        shift = np.clip(valid.sum(axis=0)[None] - pos_among_valid, 0, 62)
        res["offchip_bw_req"] = f.max(need_bw >> f.s(shift))
        res["l2"] = {t: v[inv] for t, v in l2s.items()}
    total_occ = f.sum(occ)
    res["runtime"] = _int(f.sum(occ * outstanding))
    res["avg_active"] = np.where(total_occ > 0, f.sum(active * occ) / np.maximum(total_occ, 1), 0.0)
    if not is_top:
        return res

    res["noc_bw_req"] = f.max(np.maximum(traffic_in, traffic_out) // np.maximum(compute, 1))
    occ = cs.occ
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
