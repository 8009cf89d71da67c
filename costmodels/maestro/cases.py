"""MAESTRO's per-level iteration-case analysis, vectorised over cases and rows.

Each directive of a level is, at any moment, in its Init state (first tile), a Steady state (full
tiles after the first) or an Edge state (a last, partial tile); MAESTRO's ``DFA_iteration-analysis``
lists which states exist and how often each occurs. A *case* picks one state per directive and occurs
the product of their counts. For every case MAESTRO's reuse analysis (``CA_reuse-analysis.hpp``)
gives the data each sub-cluster must receive (ingress, after temporal and spatial reuse), the outputs
it sends back (egress) and its partial sums; the cost engine (``CA_cost-analysis-engine.hpp``) turns
them into delays: ingress and egress through the NoC (``hop latency + ceil(volume / bw) - 1``),
computation from the partial sums (innermost level) or the worst sub-cluster's runtime (recursively,
with the sub-cluster's dimensions set by this case), combined as ``max(ingress, compute, egress)``
under double buffering (``ingress + compute`` for the all-Init case), and at the top level also
bounded by the off-chip transfer of the double-buffered L2 tiles.

Arrays here are flat over the (case, element) pairs that exist: every case of every element of a
level is evaluated at once, and cases an element does not have are never formed.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np

from .levels import SPATIAL, Level, Problem, cdiv

INIT, STEADY, EDGE = 0, 1, 2


@dataclass
class States:
    """Per directive: which states exist, their counts, and the Init/Edge flags (shape = rows)."""

    exists: list[np.ndarray]  # [directive] -> bool [3, elements]
    occ: list[np.ndarray]  # [directive] -> int [3, elements]
    init_edge: list[np.ndarray]
    unrolled: list[np.ndarray]
    edge_spee: list[np.ndarray]  # spatial edge state has a partially mapped last sub-cluster


def iteration_states(level: Level, dims: dict[str, np.ndarray]) -> States:
    """MAESTRO's AnalyzeIterationStates for the level's directives over ``dims`` (1-D, per element)."""
    ex, oc, ie, un, es = [], [], [], [], []
    for m in level.maps:
        dim = dims[m.var]
        size, ofs = m.size, m.ofs
        true = np.ones(dim.shape, dtype=bool)
        if m.kind == SPATIAL:
            ncl = level.num_sub
            cov = size + ofs * (ncl - 1)
            unroll = dim <= cov
            iedge = dim < cov
            nsteady = cdiv(cdiv(dim - size, ofs) + 1, ncl) - 1
            has_steady = (cov < dim) & (nsteady > 0)
            has_edge = (~unroll & ((nsteady + 1) * (ofs * ncl) + cov > dim)
                        & (nsteady * (ofs * ncl) + cov != dim))
            remaining = dim - (nsteady + 1) * ofs * ncl
            active = np.where(remaining < size, 1, cdiv(remaining - size, ofs) + 1)
            es.append((active - 1) * ofs + size < remaining)
        else:
            unroll = dim <= size
            iedge = dim < size
            nsteady = cdiv(dim - size, ofs)
            has_steady = (size < dim) & (nsteady > 0)
            has_edge = nsteady * ofs + size < dim
            es.append(~true)
        has_edge = has_edge & ~iedge
        ex.append(np.stack([true, has_steady, has_edge]))
        oc.append(np.stack([np.ones(dim.shape, np.int64), np.maximum(nsteady, 0),
                            np.ones(dim.shape, np.int64)]))
        ie.append(iedge)
        un.append(unroll)
    return States(ex, oc, ie, un, es)


class CaseSet:
    """The cases that exist, flattened to (case, element) pairs with per-pair state flags.

    ``kinds[c, d]`` is directive d's state in case c; a pair exists when every directive's state
    exists for the element. Pairs are numbered case-major, so pairs ``0..E-1`` are the all-Init
    case of every element.
    """

    def __init__(self, level: Level, states: States) -> None:
        self.level = level
        D = len(level.maps)
        possible = [[k for k in range(3) if states.exists[d][k].any()] for d in range(D)]
        kinds = np.array(list(itertools.product(*possible)), dtype=np.int64).reshape(-1, D)
        self.kinds = kinds
        C = len(kinds)
        E = states.exists[0].shape[1]
        exists = np.ones((C, E), dtype=bool)
        for d in range(D):
            exists &= states.exists[d][kinds[:, d]]
        pairs = np.flatnonzero(exists)
        self.pc, self.pe = pairs // E, pairs % E
        self.n_elements, self.n_cases = E, C
        self.pos, self.is_edge, self.unrolled, self.spee = [], [], [], []
        occ = np.ones(len(pairs), dtype=np.int64)
        for d in range(D):
            p = kinds[self.pc, d]
            self.pos.append(p)
            occ = occ * states.occ[d][p, self.pe]
            init = p == INIT
            iedge = states.init_edge[d][self.pe]
            self.is_edge.append((p == EDGE) | (init & iedge))
            self.unrolled.append(init & states.unrolled[d][self.pe])
            if level.maps[d].kind == SPATIAL:
                self.spee.append(np.where(init, iedge, (p == EDGE) & states.edge_spee[d][self.pe]))
            else:
                self.spee.append(np.zeros(len(pairs), dtype=bool))
        self.occ = occ
        # innermost directive not in Init (-1: all Init); constant per case
        changing = np.full(C, -1, dtype=np.int64)
        for d in range(D):
            changing = np.where(kinds[:, d] != INIT, d, changing)
        self.changing = changing[self.pc]
        self.states = states
        self.shape = self.expand = (len(pairs),)

    def order(self) -> np.ndarray:
        """Each pair's position in MAESTRO's enumeration of its element's cases.

        MAESTRO advances directive i's state whenever ``case % f_i == 0`` (``f_i`` = product of
        the state counts of the directives inside it), which visits all-Init first and then the
        mixed-radix sequence shifted by one.
        """
        D = len(self.level.maps)
        posn = np.zeros(len(self.pc), dtype=np.int64)
        f = np.ones(len(self.pc), dtype=np.int64)
        allinit = np.ones(len(self.pc), dtype=bool)
        for d in reversed(range(D)):
            ex = self.states.exists[d][:, self.pe]  # [3, P]
            k = self.pos[d]
            e = np.zeros(len(self.pc), dtype=np.int64)
            for j in range(3):
                e = e + (ex[j] & (j < k))
            n = ex.sum(axis=0)
            posn = posn + np.mod(e - 1, n) * f
            f = f * n
            allinit &= e == 0
        return np.where(allinit, 0, posn + 1)


def _sel(cond, a, b):
    return np.where(cond, a, b)


def _memo(fn):
    """Cache a LevelCases volume by its arguments (MAESTRO asks for the same ones repeatedly)."""
    def wrapper(self, *args):
        key = (fn.__name__,) + args
        if key not in self._memo:
            self._memo[key] = fn(self, *args)
        return self._memo[key]

    wrapper.__name__, wrapper.__doc__ = fn.__name__, fn.__doc__
    return wrapper


class LevelCases:
    """The reuse analysis of one level for all its cases (MAESTRO's ReuseAnalysis)."""

    def __init__(self, level: Level, prob: Problem, cs: CaseSet) -> None:
        self.lv, self.prob, self.cs = level, prob, cs
        pe = cs.pe
        self.M = {k: v[pe] for k, v in level.mapped.items()}
        self.ME = {k: v[pe] for k, v in level.mapped_edge.items()}
        self.U = {k: v[pe] for k, v in level.unique.items()}
        self.UE = {k: v[pe] for k, v in level.unique_edge.items()}
        self.nedge = level.num_edge_sub[pe]
        self.ncl = level.num_sub[pe]
        self.zero_unique_change = np.zeros(cs.shape, dtype=bool)
        self._inited: dict[str, np.ndarray] = {}
        self._memo: dict[tuple, np.ndarray] = {}

    # -- volumes one sub-cluster holds / receives / sends ------------------------------------
    # ``first``: the first sub-cluster of the spatial map (it cannot share with a neighbour);
    # ``see``: the last sub-cluster at a spatial edge, whose tile is cut short.
    @_memo
    def pe_mapped(self, tensor: str, first: bool, see: bool) -> np.ndarray:
        """Elements of ``tensor`` a sub-cluster holds in each case (GetPEMappedVolume)."""
        coupled = self.prob.tensors[tensor]
        ret = np.ones(self.cs.shape, dtype=np.int64)
        for d, m in enumerate(self.lv.maps):
            if m.var not in coupled:
                continue
            v, ise = m.var, self.cs.is_edge[d]
            if m.kind != SPATIAL:
                f = _sel(ise, self.ME[v], self.M[v])
            else:
                edge_f = _sel(self.nedge == 1, self.ME[v] if (first or see) else 1,
                              _sel(self.nedge > 1, self.ME[v] if see else self.M[v], 1))
                f = _sel(ise, edge_f, self.M[v])
            ret = ret * f
        return ret

    @_memo
    def pe_ingress(self, tensor: str, first: bool, see: bool) -> np.ndarray:
        """New elements of an input tensor a sub-cluster receives in each case, after temporal
        reuse (tiles that did not change) and spatial reuse (overlap with the neighbour)."""
        cs = self.cs
        coupled = self.prob.tensors[tensor]
        ch = cs.changing
        inited = self._inited.get(tensor)
        if inited is None:
            inited = np.zeros(cs.shape, dtype=bool)
            for d, m in enumerate(self.lv.maps):
                if m.var in coupled:
                    inited |= (d > ch) & (cs.pos[d] == INIT) & ~cs.unrolled[d]
            self._inited[tensor] = inited
        ret = np.ones(cs.shape, dtype=np.int64)
        changing_flag = np.zeros(cs.expand, dtype=bool)
        for d, m in enumerate(self.lv.maps):
            if m.var not in coupled:
                continue
            v, p, ise = m.var, cs.pos[d], cs.is_edge[d]
            is_ch = ch == d
            changing_flag = changing_flag | is_ch
            M, ME, U, UE = self.M[v], self.ME[v], self.U[v], self.UE[v]
            if m.kind != SPATIAL:
                moving = is_ch & ~inited
                self.zero_unique_change |= (p != INIT) & moving & (U == 0)
                f = _sel(p == INIT, _sel(ise, ME, M), _sel(moving, np.maximum(U, 1), M))
            else:
                sel_m = ME if see else M
                sel_u = UE if see else U
                if first:
                    f = sel_m
                else:
                    f = _sel(p == INIT, _sel(d <= ch, sel_m, sel_u),
                             _sel(~inited & is_ch, sel_u, sel_m))
            ret = ret * f
        ret = _sel(changing_flag, ret, 0)
        return _sel(ch == -1, self.pe_mapped(tensor, first, see), ret)

    @_memo
    def pe_egress(self, psums: bool, first: bool, see: bool, consider: bool) -> np.ndarray:
        """Outputs a sub-cluster sends in each case, or with ``psums`` its partial sums (MACs)."""
        cs = self.cs
        out_vars = self.prob.tensors["output"]
        ret = np.ones(cs.shape, dtype=np.int64)
        nedge = self.nedge

        def nz(u):
            return _sel(u != 0, u, 1)

        if psums:
            for d, m in enumerate(self.lv.maps):
                if m.var in out_vars:
                    continue
                v, p, ise = m.var, cs.pos[d], cs.is_edge[d]
                M, ME, U, UE = self.M[v], self.ME[v], self.U[v], self.UE[v]
                if m.kind != SPATIAL:
                    f = _sel(ise, ME, M)
                else:
                    plain = M if first else nz(U)
                    init_f = _sel(ise & see, _sel(nedge >= 1, ME, 1), plain) if see else plain
                    edge_f = _sel((nedge == 1) & (first or see), ME,
                                  _sel(nedge > 1, UE if see else plain, 1))
                    f = _sel(p == INIT, init_f, _sel(p == STEADY, plain, edge_f))
                ret = ret * f
        for v in out_vars:
            d = self.lv.find(v)
            m = self.lv.maps[d]
            act = {"Y": "Y'", "X": "X'"}.get(v, v)
            p, ise = cs.pos[d], cs.is_edge[d]
            M, ME, U, UE = self.M[act], self.ME[act], self.U[act], self.UE[act]
            if m.kind != SPATIAL:
                f = _sel(p == INIT, _sel(ise, ME, M), _sel(p == STEADY, M, ME))
            else:
                plain = M if first else nz(U)
                if see:
                    init_f = _sel(ise, _sel(nedge == 1, ME, _sel(nedge > 1, UE if consider else ME, 1)),
                                  plain)
                else:
                    init_f = plain
                edge_f = _sel((nedge == 1) & (first or see), self.ME[v],
                              _sel(nedge > 1, UE if see else plain, 1))
                f = _sel(p == INIT, init_f, _sel(p == STEADY, plain, edge_f))
            ret = ret * f
        return ret

    # -- across the sub-clusters of this level -----------------------------------------------
    def _sp_state(self, vars_: tuple[str, ...], all_spatial: bool = False):
        """(is spatially mapped, is at spatial edge, sp-edge-edge flag of the deciding map)."""
        cs = self.cs
        idx = []
        for v in vars_:
            d = self.lv.find(v)
            if d >= 0 and self.lv.maps[d].kind == SPATIAL:
                idx.append(d)
        if all_spatial:
            idx = idx + self.lv.spatial
        if not idx:
            return False, None, None
        is_edge = np.zeros(cs.shape, dtype=bool)
        for d in idx:
            is_edge |= cs.is_edge[d]
        last = self.lv.spatial[-1] if all_spatial else idx[-1]
        return True, is_edge, cs.spee[last]

    def _across(self, fn, vars_, all_spatial=False, scale_first=False, consider_last=True):
        """MAESTRO's pattern: first sub-cluster, the others, and the spatial-edge variants."""
        mapped, is_edge, spee = self._sp_state(vars_, all_spatial)
        if not mapped:
            return self.ncl * fn(True, False) if scale_first else fn(True, False)
        first_plain = fn(True, False)
        if scale_first:
            steady = self.ncl * first_plain
        else:
            steady = first_plain + (self.ncl - 1) * fn(False, False)
        if not is_edge.any():
            return steady
        nedge = self.nedge
        see_any = bool((is_edge & spee).any())
        if see_any:
            first = _sel((nedge == 1) & spee, fn(True, True), first_plain)
        else:
            first = first_plain
        nsee = spee.astype(np.int64)
        nfull = np.maximum(nedge - nsee - 1, 0)
        rest_first = scale_first  # GetOutputTensorSpatialMappingSize counts full ones as first PEs
        more = nfull * (first_plain if rest_first else fn(False, False))
        if see_any:
            more = more + nsee * (fn(False, True) if consider_last else fn(False, True, False))
        edge = first + _sel(nedge > 1, more, 0)
        return _sel(is_edge, edge, steady)

    def ingress(self, tensor: str) -> np.ndarray:
        return self._across(lambda f, s: self.pe_ingress(tensor, f, s), self.prob.tensors[tensor])

    def egress(self) -> np.ndarray:
        return self._across(lambda f, s, c=True: self.pe_egress(False, f, s, c),
                            self.prob.tensors["output"])

    def critical_psums(self) -> np.ndarray:
        mapped, is_edge, spee = self._sp_state(self.prob.tensors["output"])
        if not mapped:
            return self.pe_egress(True, True, False, True)
        edge = _sel((self.nedge == 1) & spee, self.pe_egress(True, True, True, True),
                    self.pe_egress(True, True, False, True))
        return _sel(is_edge, edge, self.pe_egress(True, True, False, True))

    def psum_mapping_size(self) -> np.ndarray:
        """MACs over this level's sub-clusters in one step (GetOutputTensorSpatialMappingSize)."""
        return self._across(lambda f, s, c=True: self.pe_egress(True, f, s, c),
                            self.prob.tensors["output"], all_spatial=True, scale_first=True,
                            consider_last=False)

    def sub_dims(self, see: bool) -> dict[str, np.ndarray]:
        """Dimensions a sub-cluster works on in each case (ConstructSubClusterDimension)."""
        out = {}
        for d, m in enumerate(self.lv.maps):
            v, ise = m.var, self.cs.is_edge[d]
            if m.kind == SPATIAL and not see:
                out[v] = _sel(ise & (self.nedge == 1), self.ME[v], self.M[v])
            else:
                out[v] = _sel(ise, self.ME[v], self.M[v])
        for ref, slide in self.prob.overlaps.items():
            if ref in out:
                out[ref + "'"] = out[ref] - out[slide] + 1
        return out
