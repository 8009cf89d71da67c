"""``cpsat``: the exact mapping from OR-Tools CP-SAT, under the scheduler's own semantics.

Decisions: the accelerator of each layer (one Boolean per feasible pair, exactly one per layer),
whose weights are resident (within each accelerator's DRAM capacity), and the run order on each
accelerator (one ``AddCircuit`` per accelerator over its layers, a depot node for "first"/"last").
Time: an optional compute interval per (layer, accelerator) on shared start/end variables, with a
``NoOverlap`` per accelerator. The model follows ``h2h.scheduler`` rule by rule, so that the optimum,
scheduled again by the scheduler from the per-accelerator orders, has the same makespan:

* the scheduler visits layers in one *processing order*: the lowest-index layer whose producers and
  accelerator predecessor are done. The model has a position per layer (``AllDifferent``), the
  Booleans ``before(u, v)``, and clauses that forbid any order the scheduler would not derive from
  the per-accelerator orders (a lower-index layer that was already runnable must come first);
* a layer's weights (unless resident) and model inputs are loaded from host over its route, no
  earlier than the start of the previous layer on its accelerator (double buffering); resident
  weights are read from local DRAM in that same window;
* a tensor between consecutive layers on one accelerator stays on chip; on the same accelerator but
  not consecutive it costs a local-DRAM round trip; between accelerators it is a transfer over the
  route requested when the producer ends, then one local-DRAM read;
* every link carries one transfer at a time, in *booking order* (first come first served by
  processing order, no back-filling): for every two transfers sharing a link, the one of the
  earlier-processed layer ends before the other starts; model outputs are booked after all other
  transfers (optional intervals in a ``NoOverlap`` per link are added as redundant constraints);
* the makespan is the last compute end or output arrival at host.

Durations are integers: seconds are divided by ``tick_s`` (the ``horizon_s`` of the warm start -- the
h2h answer -- over ``resolution`` = 10^6 by default) and rounded to the nearest tick, so the model's
makespan of a solution differs from the scheduler's by at most half a tick per duration on its
critical path (about 1e-5 relative for 30 layers). The reported ``latency_s`` always comes from the
scheduler; ``objective_s``/``bound_s`` are the model's, ``gap = (objective - bound) / objective``.
Objectives: latency (makespan) or energy (linear in the same Booleans plus static power times the
makespan); edp is not linear and is refused. The h2h solution is given as a hint.
"""
from __future__ import annotations

import itertools
import time
from typing import Any

import networkx as nx
import numpy as np

from ..errors import MappingError
from .base import Problem, Solution, orders_from_sequence, register, to_mapping

DEFAULT_TIME_LIMIT_S = 60.0


class _Model:
    """Builds the CP-SAT model for one problem (see the module docstring)."""

    def __init__(self, problem: Problem, tick_s: float, horizon_ticks: int, energy_unit_j: float) -> None:
        from ortools.sat.python import cp_model

        self.cp = cp_model
        self.p = problem
        self.sched = sched = problem.scheduler
        self.tick_s = tick_s
        self.m = m = cp_model.CpModel()
        L, A = problem.num_layers, problem.num_accelerators
        self.L, self.A, self.H = L, A, horizon_ticks
        feas = problem.feasible
        self.feas = feas
        self.true = m.NewConstant(1)
        ct = sched.cost_table
        host = sched.host_index
        W, X, O = sched.weight_bytes, sched.external_input_bytes, sched.output_to_host_bytes
        dram_bw = sched.dram_bandwidth_gbps * 1e9
        g = nx.DiGraph()
        g.add_nodes_from(range(L))
        g.add_edges_from(zip(sched.edge_src.tolist(), sched.edge_dst.tolist()))
        self.anc = [nx.ancestors(g, l) for l in range(L)]
        preds = [[i for i, _ in p] for p in sched.preds]

        # assignment
        self.x = {(l, a): m.NewBoolVar(f"x{l}_{a}") for l in range(L) for a in range(A) if feas[l, a]}
        for l in range(L):
            m.AddExactlyOne(self.x[l, a] for a in range(A) if feas[l, a])
        self.s = [m.NewIntVar(0, self.H, f"s{l}") for l in range(L)]
        self.e = [m.NewIntVar(0, self.H, f"e{l}") for l in range(L)]
        self.pf = [m.NewIntVar(0, self.H, f"pf{l}") for l in range(L)]   # prefetch window opens
        comp = {}
        for (l, a), xv in self.x.items():
            d = self.ticks(ct.compute_latency_s[l, a])
            comp[l, a] = m.NewOptionalIntervalVar(self.s[l], d, self.e[l], xv, f"c{l}_{a}")
        for a in range(A):
            m.AddNoOverlap([iv for (l, b), iv in comp.items() if b == a])
        self.mk = m.NewIntVar(0, self.H, "makespan")
        for l in range(L):
            m.Add(self.mk >= self.e[l])

        # residency
        self.r: dict[int, Any] = {}
        self.z: dict[tuple[int, int], Any] = {}
        for l in range(L):
            if W[l] <= 0:
                continue
            self.r[l] = m.NewBoolVar(f"r{l}")
            zs = []
            for a in range(A):
                if feas[l, a]:
                    z = m.NewBoolVar(f"z{l}_{a}")
                    m.AddImplication(z, self.x[l, a])
                    m.AddImplication(z, self.r[l])
                    m.AddBoolOr([self.x[l, a].Not(), self.r[l].Not(), z])
                    self.z[l, a] = z
                    zs.append(z)
        for a in range(A):
            items = [(l, z) for (l, b), z in self.z.items() if b == a]
            if items and sum(W[l] for l, _ in items) > sched.dram_capacity_bytes[a]:
                m.Add(sum(int(W[l]) * z for l, z in items) <= int(sched.dram_capacity_bytes[a]))

        # processing order: positions and before(u, v)
        self.pos = [m.NewIntVar(0, L - 1, f"pos{l}") for l in range(L)]
        m.AddAllDifferent(self.pos)
        self._before: dict[tuple[int, int], Any] = {}
        for u, v in itertools.combinations(range(L), 2):
            if u in self.anc[v]:
                m.Add(self.pos[u] < self.pos[v])
            elif v in self.anc[u]:
                m.Add(self.pos[v] < self.pos[u])
            else:
                b = m.NewBoolVar(f"b{u}_{v}")
                m.Add(self.pos[u] < self.pos[v]).OnlyEnforceIf(b)
                m.Add(self.pos[u] > self.pos[v]).OnlyEnforceIf(b.Not())
                self._before[u, v] = b

        # per-accelerator sequences
        self.arc: dict[tuple[int, int, int], Any] = {}
        self.first: dict[tuple[int, int], Any] = {}
        self.empty = []
        for a in range(A):
            on = [l for l in range(L) if feas[l, a]]
            arcs = []
            empty = m.NewBoolVar(f"empty{a}")
            self.empty.append(empty)
            arcs.append((0, 0, empty))
            for l in on:
                f, last = m.NewBoolVar(f"f{a}_{l}"), m.NewBoolVar(f"l{a}_{l}")
                self.first[a, l] = f
                arcs += [(0, l + 1, f), (l + 1, 0, last), (l + 1, l + 1, self.x[l, a].Not())]
                m.AddImplication(empty, self.x[l, a].Not())
            for u in on:
                for v in on:
                    if u == v or v in self.anc[u]:
                        continue
                    lit = m.NewBoolVar(f"a{a}_{u}_{v}")
                    self.arc[a, u, v] = lit
                    arcs.append((u + 1, v + 1, lit))
                    bl = self.before(u, v)
                    if bl is not True:
                        m.AddImplication(lit, bl)
                    m.Add(self.s[v] >= self.e[u]).OnlyEnforceIf(lit)
                    m.Add(self.pf[v] >= self.s[u]).OnlyEnforceIf(lit)
            m.AddCircuit(arcs)
        self._lex_clauses(preds)

        # transfers: (layer, rank within the layer's bookings, start, end, presence, links, kind)
        self.transfers: list[tuple] = []
        self.energy_terms: list[tuple[Any, float]] = []   # (literal or 1, joules)
        pj = sched.path_pj_per_byte
        pj_dram = sched.technology.pj_per_dram_byte * 1e-12
        for l in range(L):
            full = W[l] + X[l]
            for a in range(A):
                if not feas[l, a]:
                    continue
                links = self.links(host, a)
                xv = self.x[l, a]
                self.energy_terms.append((xv, float(ct.compute_energy_j[l, a])))
                self.energy_terms.append((xv, float(W[l] * pj_dram + X[l] * (pj_dram + pj[host, a] * 1e-12))))
                if full > 0:
                    if l in self.r:
                        pres = m.NewBoolVar(f"ld{l}_{a}")   # x and not resident
                        m.AddImplication(pres, xv)
                        m.AddImplication(pres, self.r[l].Not())
                        m.AddBoolOr([xv.Not(), self.r[l], pres])
                        self.energy_terms.append((pres, float(W[l] * pj[host, a] * 1e-12)))
                    else:
                        pres = xv
                    self._transfer(l, 0, pres, self.ticks(sched.transfer_time_s(host, a, full)), links,
                                   after=self.pf[l], before=self.s[l])
                if l in self.r:
                    z = self.z[l, a]
                    if X[l] > 0:
                        self._transfer(l, 0, z, self.ticks(sched.transfer_time_s(host, a, X[l])), links,
                                       after=self.pf[l], before=self.s[l])
                    m.Add(self.s[l] >= self.pf[l] + self.ticks(W[l] / dram_bw[a])).OnlyEnforceIf(z)
        for k, (i, j, nb) in enumerate(zip(sched.edge_src.tolist(), sched.edge_dst.tolist(), sched.edge_bytes)):
            rank = 1 + [kk for _, kk in sched.preds[j]].index(k)
            both = [a for a in range(A) if feas[i, a] and feas[j, a]]
            for a in both:
                arc = self.arc[a, i, j]
                same = m.NewBoolVar(f"same{k}_{a}")
                m.AddImplication(same, self.x[i, a])
                m.AddImplication(same, self.x[j, a])
                m.AddBoolOr([self.x[i, a].Not(), self.x[j, a].Not(), same])
                spill = m.NewBoolVar(f"sp{k}_{a}")           # same accelerator, not consecutive
                m.AddBoolOr([same.Not(), arc, spill])
                m.AddImplication(spill, same)
                m.AddImplication(spill, arc.Not())
                m.Add(self.s[j] >= self.e[i] + self.ticks(2 * nb / dram_bw[a])).OnlyEnforceIf(spill)
                self.energy_terms.append((spill, float(2 * nb * pj_dram)))
            for a in range(A):
                for b in range(A):
                    if a == b or not (feas[i, a] and feas[j, b]):
                        continue
                    y = m.NewBoolVar(f"y{k}_{a}_{b}")
                    m.AddImplication(y, self.x[i, a])
                    m.AddImplication(y, self.x[j, b])
                    m.AddBoolOr([self.x[i, a].Not(), self.x[j, b].Not(), y])
                    end = self._transfer(j, rank, y, self.ticks(sched.transfer_time_s(a, b, nb)),
                                         self.links(a, b), after=self.e[i], before=None)
                    m.Add(self.s[j] >= end + self.ticks(nb / dram_bw[b])).OnlyEnforceIf(y)
                    self.energy_terms.append((y, float(nb * (2 * pj_dram + pj[a, b] * 1e-12))))
        self._fifo()
        for l in range(L):
            if O[l] <= 0:
                continue
            for a in range(A):
                if feas[l, a]:
                    self.energy_terms.append((self.x[l, a], float(O[l] * (pj_dram + pj[a, host] * 1e-12))))
                    end = self._transfer(l, 0, self.x[l, a], self.ticks(sched.transfer_time_s(a, host, O[l])),
                                         self.links(a, host), after=self.e[l], before=None, output=True)
                    m.Add(self.mk >= end)
        self._outputs_last()
        for link in set(k for t in self.transfers for k in t[5]):
            m.AddNoOverlap([t[7] for t in self.transfers if link in t[5]])
        self.static_w = float(sched.static_power_w.sum())
        self.energy_unit_j = energy_unit_j

    # ---- helpers ---------------------------------------------------------------------------------
    def ticks(self, seconds: Any) -> int:
        return int(round(float(seconds) / self.tick_s))

    def links(self, src: int, dst: int) -> tuple[str, ...]:
        names = self.sched.node_names
        return tuple(k.name for k in self.sched.system.route(names[src], names[dst]))

    def before(self, u: int, v: int) -> Any:
        """Literal 'u is processed before v' (True/False when the DAG decides)."""
        if u in self.anc[v]:
            return True
        if v in self.anc[u]:
            return False
        return self._before[u, v] if u < v else self._before[v, u].Not()

    def _transfer(self, layer: int, rank: int, pres: Any, dur: int, links: tuple[str, ...], *, after: Any,
                  before: Any, output: bool = False) -> Any:
        m = self.m
        st = m.NewIntVar(0, self.H, f"ts{len(self.transfers)}")
        en = m.NewIntVar(0, self.H, f"te{len(self.transfers)}")
        iv = m.NewOptionalIntervalVar(st, dur, en, pres, f"t{len(self.transfers)}")
        m.Add(st >= after).OnlyEnforceIf(pres)
        if before is not None:
            m.Add(before >= en).OnlyEnforceIf(pres)
        self.transfers.append((layer, rank, st, en, pres, links, output, iv, dur))
        return en

    def _fifo(self) -> None:
        """Non-output transfers sharing a link are served in booking order."""
        m = self.m
        ts = [t for t in self.transfers if not t[6]]
        for t1, t2 in itertools.combinations(ts, 2):
            if not set(t1[5]) & set(t2[5]):
                continue
            if t1[0] == t2[0]:
                if t1[1] == t2[1]:
                    continue      # alternatives of one booking (different accelerators): never both
                a, b = (t1, t2) if t1[1] < t2[1] else (t2, t1)
                m.Add(b[2] >= a[3]).OnlyEnforceIf([a[4], b[4]])
                continue
            bl = self.before(t1[0], t2[0])
            if bl is True:
                m.Add(t2[2] >= t1[3]).OnlyEnforceIf([t1[4], t2[4]])
            elif bl is False:
                m.Add(t1[2] >= t2[3]).OnlyEnforceIf([t1[4], t2[4]])
            else:
                m.Add(t2[2] >= t1[3]).OnlyEnforceIf([bl, t1[4], t2[4]])
                m.Add(t1[2] >= t2[3]).OnlyEnforceIf([bl.Not(), t1[4], t2[4]])

    def _outputs_last(self) -> None:
        m = self.m
        outs = [t for t in self.transfers if t[6]]
        others = [t for t in self.transfers if not t[6]]
        for o in outs:
            for t in others:
                if set(o[5]) & set(t[5]):
                    m.Add(o[2] >= t[3]).OnlyEnforceIf([o[4], t[4]])
        for o1, o2 in itertools.combinations(outs, 2):
            if o1[0] == o2[0] or not set(o1[5]) & set(o2[5]):
                continue
            bl = self.before(o1[0], o2[0])
            if bl is True or bl is False:
                a, b = (o1, o2) if bl else (o2, o1)
                m.Add(b[2] >= a[3]).OnlyEnforceIf([a[4], b[4]])
            else:
                m.Add(o2[2] >= o1[3]).OnlyEnforceIf([bl, o1[4], o2[4]])
                m.Add(o1[2] >= o2[3]).OnlyEnforceIf([bl.Not(), o1[4], o2[4]])

    def _lex_clauses(self, preds: list[list[int]]) -> None:
        """Forbid processing v before a lower-index u that was already runnable (its producers and its
        accelerator predecessor done): the scheduler would have taken u first."""
        m = self.m
        for u, v in itertools.combinations(range(self.L), 2):
            if u in self.anc[v] or v in self.anc[u]:
                continue
            base = [self.before(v, u)]
            dead = False
            for w in preds[u]:
                bw = self.before(w, v)
                if bw is False:
                    dead = True
                    break
                if bw is not True:
                    base.append(bw)
            if dead:
                continue
            for (a, l), f in self.first.items():
                if l == u:
                    m.AddBoolOr([lit.Not() for lit in base] + [f.Not()])
            for (a, c, l), arc in self.arc.items():
                if l != u or c == v:
                    continue
                bc = self.before(c, v)
                if bc is False:
                    continue
                lits = base + [arc] + ([] if bc is True else [bc])
                m.AddBoolOr([lit.Not() for lit in lits])

    def set_objective(self, objective: str) -> None:
        if objective == "latency":
            self.m.Minimize(self.mk)
            return
        unit = self.energy_unit_j
        terms = [int(round(j / unit)) * lit for lit, j in self.energy_terms if j > 0]
        static = int(round(self.static_w * self.tick_s / unit))
        self.m.Minimize(sum(terms) + static * self.mk)

    def hint(self, sol: Solution, start: np.ndarray, end: np.ndarray, order: np.ndarray) -> None:
        m = self.m
        for (l, a), xv in self.x.items():
            m.AddHint(xv, int(sol.assign[l] == a))
        for l, r in self.r.items():
            m.AddHint(r, int(sol.resident[l]))
        rank = np.empty(self.L, dtype=np.int64)
        rank[order] = np.arange(self.L)
        for l in range(self.L):
            m.AddHint(self.pos[l], int(rank[l]))
            m.AddHint(self.s[l], self.ticks(start[l]))
            m.AddHint(self.e[l], self.ticks(end[l]))
        for (u, v), b in self._before.items():
            m.AddHint(b, int(rank[u] < rank[v]))

    def solution(self, solver: Any) -> Solution:
        assign = np.zeros(self.L, dtype=np.int64)
        for (l, a), xv in self.x.items():
            if solver.Value(xv):
                assign[l] = a
        resident = np.zeros(self.L, dtype=bool)
        for l, r in self.r.items():
            resident[l] = bool(solver.Value(r))
        pos = np.array([solver.Value(p) for p in self.pos])
        return Solution(assign, resident, orders_from_sequence(assign, np.argsort(pos, kind="stable")))


def _serial_bound_s(problem: Problem) -> float:
    """Makespan if every layer ran at its slowest feasible latency and every transfer at its slowest
    route, all one after another: no schedule the scheduler produces is longer."""
    sched = problem.scheduler
    lat = np.where(problem.feasible, sched.cost_table.compute_latency_s, 0.0).max(axis=1).sum()
    slow_bw = np.nanmin(np.where(np.isfinite(sched.path_bandwidth_gbps), sched.path_bandwidth_gbps, np.nan))
    slow_dram = sched.dram_bandwidth_gbps.min()
    moved = (sched.weight_bytes.sum() + sched.external_input_bytes.sum() + sched.output_to_host_bytes.sum()
             + sched.edge_bytes.sum())
    hops = problem.num_layers * 2 + len(sched.edge_bytes)
    return float(lat + moved / (slow_bw * 1e9) + 3 * moved / (slow_dram * 1e9)
                 + hops * sched.path_latency_s.max())


@register("cpsat")
def cpsat(problem: Problem, num_workers: int = 8, hint: bool = True, resolution: float = 1e6,
          log: bool = False) -> Solution:
    """See the module docstring. ``time_limit_s`` defaults to 60 s."""
    from ortools.sat.python import cp_model

    from .h2h_mapper import h2h

    if problem.objective not in ("latency", "energy"):
        raise MappingError(f"cpsat optimises latency or energy (linear objectives), not {problem.objective}",
                           item="objective")
    limit = problem.time_limit_s if problem.time_limit_s is not None else DEFAULT_TIME_LIMIT_S
    t0 = time.perf_counter()
    sched = problem.scheduler
    warm = h2h(Problem(sched, problem.objective, None, problem.seed))
    warm_eval = sched.evaluate(to_mapping(sched, warm.assign, warm.resident, warm.order))
    # the warm start's makespan sets the tick; every time variable lives in [0, horizon], where the
    # horizon (everything serialised, each at its slowest) bounds any schedule of interest
    tick = warm_eval.latency_s / resolution
    horizon = int(np.ceil(_serial_bound_s(problem) / tick)) + 4 * problem.num_layers + 16
    energy_unit = max(warm_eval.energy_j, 1e-30) / (resolution * 1e3)
    model = _Model(problem, tick, horizon, energy_unit)
    if problem.objective == "latency":   # the optimum is no worse than the warm start
        model.m.Add(model.mk <= int(np.ceil(warm_eval.latency_s / tick)) + 4 * problem.num_layers + 16)
    model.set_objective(problem.objective)
    if hint:
        rec = warm_eval.schedule
        start = np.array([rec.interval(n).start_s for n in sched.layer_names])
        end = np.array([rec.interval(n).end_s for n in sched.layer_names])
        model.hint(warm, start, end, problem.processing_order(warm.assign, warm.order)
                   if warm.order else sched.default_order)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = int(num_workers)
    solver.parameters.max_time_in_seconds = max(0.1, limit - (time.perf_counter() - t0))
    solver.parameters.random_seed = int(problem.seed)
    solver.parameters.log_search_progress = bool(log)
    status = solver.Solve(model.m)
    name = solver.StatusName(status)
    scale = tick if problem.objective == "latency" else energy_unit
    unit = "s" if problem.objective == "latency" else "j"
    extras: dict[str, Any] = {"status": name, "num_workers": int(num_workers), "time_limit_s": limit,
                              "solve_s": solver.WallTime(), "tick_s": tick,
                              "hint_objective": warm_eval.latency_s if unit == "s" else warm_eval.energy_j}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        obj = solver.ObjectiveValue() * scale
        bound = solver.BestObjectiveBound() * scale
        extras.update({f"objective_{unit}": obj, f"bound_{unit}": bound, "objective": obj, "bound": bound,
                       "gap": (obj - bound) / obj if obj > 0 else 0.0})
        sol = model.solution(solver)
        return Solution(sol.assign, sol.resident, sol.order, extras)
    if status == cp_model.INFEASIBLE:
        raise MappingError("the CP-SAT model is infeasible (a bug: the h2h mapping should satisfy it)",
                           item="cpsat")
    extras.update({"objective": None, "bound": solver.BestObjectiveBound() * scale, "gap": None,
                   "note": "no solution within the time limit; returning the h2h warm start"})
    return Solution(warm.assign, warm.resident, warm.order, extras)
