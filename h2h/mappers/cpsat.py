"""``cpsat``: the exact mapping from OR-Tools CP-SAT, under the scheduler's own semantics.

Decisions: the accelerator of each layer (one Boolean per feasible pair, exactly one per layer),
whose weights are resident (within each accelerator's DRAM capacity), and the run order on each
accelerator (one ``AddCircuit`` per accelerator over its layers, a depot node for "first"/"last").
Time: an optional compute interval per (layer, accelerator) on shared start/end variables, with a
``NoOverlap`` per accelerator. The model follows ``h2h.scheduler`` rule by rule, so that the optimum,
scheduled again by the scheduler from the per-accelerator orders, has the same makespan:

* the scheduler visits layers in one *processing order*: among the layers whose producers and
  accelerator predecessor are done, the first in its ``default_order``. The model has a position per layer (``AllDifferent``), the
  Booleans ``before(u, v)``, and clauses that forbid any order the scheduler would not derive from
  the per-accelerator orders (a higher-priority layer that was already runnable comes first);
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

Redundant constraints (``strengthen``, on by default; they cut no schedule of the rules above) give
the linear relaxation what the conditional precedences hide: each tensor's least delay
``s[j] >= e[i] + spill/transfer + read`` as one linear inequality in the assignment literals, each
load (or resident read) between the prefetch point and the start, each output after its layer, and
every accelerator's and link's busy time within the makespan.

Two phases (latency only). The search's bound comes mostly from the linear relaxation, where a
layer split across accelerators pays no transfer, so on 30 layers it stalls far below the optimum.
Phase 1 solves the *relaxed* model: the same variables and constraints in the same ticks, minus the
processing order (positions, ``before``, the merge clauses), the per-accelerator sequences (so no
spills and no prefetch window: a load may start at 0) and the booking order on links (intervals
still never overlap on a link). It is small (about 600 variables on 30 layers against 4,000), its
tree search proves its optimum in 0.2-20 s on the 28-30-layer benchmark instances, and since it keeps a subset of the exact model's constraints its
bound is a lower bound of the exact optimum. Phase 2 solves the exact model with ``makespan >=``
that bound, so an incumbent that reaches it is proven optimal and the reported bound is never
below it. Phase 1 gets ``relaxed_share`` of the time left after the warm start and half the workers;
phase 2 the rest, with ``EXACT_SOLVER_PARAMS`` (thorough symmetry detection); both use a portfolio
weighted toward LP-free tree search (``SEARCH_SOLVER_PARAMS``), which is what closes the proofs.
Phase 2 raises the bound above phase 1's only by exhausting the search below its incumbent, which a
good warm start makes feasible (on vlocnet[10/model], hetero4_mid, h2h's 12.63 ms hint -- it was
12.85 -- brought the proof at 12.05 ms within 60 s): what the relaxation misses is mostly the booking
order on links (a transfer waits for every transfer of an earlier-processed layer, even one
requested later), which only the exact model's search can account for.

``free_sequence=True`` (the default, as for h2h, whose answer is the warm start) drops the clauses
that tie the processing order to the per-accelerator orders: CP-SAT then also chooses the whole
processing order (and so the booking order on links; the ``before`` literals then form a total
order through transitivity clauses, not positions), and the solution carries it as the mapping's
``sequence``, which the scheduler follows. Its optimum is never worse (every merged order is one
sequence), often better on a slow shared bus, and it is usually proven much sooner: the merge rule
is what makes the exact model's search large. ``free_sequence=False`` keeps the merge rule (and
runs h2h the same way for the warm start).

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
import math
import time
from typing import Any

import networkx as nx
import numpy as np

from ..errors import MappingError
from .base import (Problem, Solution, check_bool, check_int, check_number, orders_from_sequence, register,
                   to_mapping)

DEFAULT_TIME_LIMIT_S = 60.0
# Both phases: the full-problem workers of CP-SAT's portfolio, weighted toward search without the
# LP. In the solver logs of the 28-30-layer instances of benchmarks/mapper_speed.py every proof
# (relaxed and exact) is closed by the ``no_lp`` worker; with half of the four full workers LP-free
# (LNS workers still run beside them) the slowest proofs there finished 10-25% sooner (one run each:
# casia_surf[7/model] 40.0 -> 35.7 s, facebagnet[7/model] 24.8 -> 21.6 s, vlocnet[10/model]
# 48.9 -> 36.2 s on hetero4_mid).
SEARCH_SOLVER_PARAMS: dict[str, Any] = {"subsolvers": ["no_lp", "quick_restart_no_lp", "fixed", "default_lp"]}
# For the exact model (phase 2) also the most thorough symmetry detection and use. Measured on the
# 28-layer MMMT instances of benchmarks/mapper_speed.py, it is what lets the search finish the
# proofs within 60 s on casia_surf[7/model] and facebagnet[7/model] on hetero4_mid.
EXACT_SOLVER_PARAMS: dict[str, Any] = {**SEARCH_SOLVER_PARAMS, "symmetry_level": 4}


class _Model:
    """Builds the CP-SAT model for one problem (see the module docstring)."""

    def __init__(self, problem: Problem, tick_s: float, horizon_ticks: int, energy_unit_j: float,
                 strengthen: bool = True, relaxed: bool = False, free_sequence: bool = False) -> None:
        from ortools.sat.python import cp_model

        self.strengthen = strengthen
        self.relaxed = relaxed
        self.free_sequence = free_sequence

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
        comp, dur = {}, {}
        for (l, a), xv in self.x.items():
            dur[l, a] = d = self.ticks(ct.compute_latency_s[l, a])
            comp[l, a] = m.NewOptionalIntervalVar(self.s[l], d, self.e[l], xv, f"c{l}_{a}")
        self.mk = m.NewIntVar(0, self.H, "makespan")
        for a in range(A):
            m.AddNoOverlap([iv for (l, b), iv in comp.items() if b == a])
            # redundant, for the linear relaxation: an accelerator's busy time fits the makespan
            m.Add(sum(dur[l, b] * self.x[l, b] for (l, b) in comp if b == a) <= self.mk)
        for l in range(L):
            m.Add(self.e[l] == self.s[l] + sum(dur[l, a] * self.x[l, a] for a in range(A) if feas[l, a]))
            m.Add(self.mk >= self.e[l])
        for i, j in zip(sched.edge_src.tolist(), sched.edge_dst.tolist()):
            m.Add(self.s[j] >= self.e[i])     # redundant: every move of a tensor takes >= 0

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
        self._dominant_residency()

        # processing order: before(u, v), made a total order by positions (AllDifferent) under the
        # merge rule, whose clauses need them, and by transitivity clauses with a free sequence
        # (measured on casia_surf[7/model], hetero4_low: proofs in 33-48 s against 41-60+ s)
        use_pos = not relaxed and not free_sequence
        self.pos = [m.NewIntVar(0, L - 1, f"pos{l}") for l in range(L)] if use_pos else []
        if use_pos:
            m.AddAllDifferent(self.pos)
        self._before: dict[tuple[int, int], Any] = {}
        for u, v in itertools.combinations(range(L), 2):
            if relaxed:
                break
            if u in self.anc[v]:
                if use_pos:
                    m.Add(self.pos[u] < self.pos[v])
            elif v in self.anc[u]:
                if use_pos:
                    m.Add(self.pos[v] < self.pos[u])
            else:
                b = m.NewBoolVar(f"b{u}_{v}")
                if use_pos:
                    m.Add(self.pos[u] < self.pos[v]).OnlyEnforceIf(b)
                    m.Add(self.pos[u] > self.pos[v]).OnlyEnforceIf(b.Not())
                self._before[u, v] = b
        if not relaxed and not use_pos:   # transitive: no triple is ordered in a cycle
            for u, v, w in itertools.combinations(range(L), 3):
                for cycle in ((u, v, w), (u, w, v)):        # both directions round the triple
                    steps = [self.before(a, b) for a, b in zip(cycle, cycle[1:] + cycle[:1])]
                    if not any(x is False for x in steps):  # a DAG-fixed step may already break it
                        m.AddBoolOr([x.Not() for x in steps if x is not True])

        # per-accelerator sequences
        self.arc: dict[tuple[int, int, int], Any] = {}
        self.first: dict[tuple[int, int], Any] = {}
        self.empty = []
        for a in range(A):
            if relaxed:
                break
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
        if not relaxed and not free_sequence:
            self._lex_clauses(preds)

        # transfers: (layer, rank within the layer's bookings, start, end, presence, links, output,
        # interval, duration). Options of one booking (e.g. the accelerator pairs of one tensor) that
        # hold the same links for the same time share one interval whose presence is their sum.
        self.transfers: list[tuple] = []
        self.energy_terms: list[tuple[Any, float]] = []   # (literal, joules); joules may be < 0
        self.energy_const_j = 0.0
        pj = sched.path_pj_per_byte * 1e-12
        pj_dram = sched.technology.pj_per_dram_byte * 1e-12
        for l in range(L):
            accs = [a for a in range(A) if feas[l, a]]
            for a in accs:
                xv = self.x[l, a]
                self.energy_terms.append((xv, float(ct.compute_energy_j[l, a]
                                                    + W[l] * (pj_dram + pj[host, a]) + X[l] * (pj_dram + pj[host, a]))))
                if l in self.r:
                    self.energy_terms.append((self.z[l, a], -float(W[l] * pj[host, a])))
                    m.Add(self.s[l] >= self.pf[l] + self.ticks(W[l] / dram_bw[a])).OnlyEnforceIf(self.z[l, a])
            full = W[l] + X[l]
            if self.strengthen and full > 0:
                # redundant, for the linear relaxation: the load (or resident read, in parallel
                # with the model-input load) fits between pf[l] and s[l]
                terms = []
                for a in accs:
                    load = self.ticks(sched.transfer_time_s(host, a, full))
                    if l in self.r:
                        here = max(self.ticks(W[l] / dram_bw[a]),
                                   self.ticks(sched.transfer_time_s(host, a, X[l])) if X[l] > 0 else 0)
                        terms += [load * self.x[l, a], (here - load) * self.z[l, a]]
                    else:
                        terms.append(load * self.x[l, a])
                m.Add(self.s[l] >= self.pf[l] + sum(terms))
            if full > 0:   # weights (unless resident) and model inputs from host
                opts = [(a, self.ticks(sched.transfer_time_s(host, a, full)), self.links(host, a)) for a in accs]
                if l in self.r:
                    self._booking(l, 0, opts, self.r[l].Not(),
                                  lambda a, l=l: self._and(self.x[l, a], self.r[l].Not()),
                                  after=self.pf[l], before=self.s[l])
                else:
                    self._booking(l, 0, opts, self.true, lambda a, l=l: self.x[l, a],
                                  after=self.pf[l], before=self.s[l])
            if l in self.r and X[l] > 0:   # resident weights: model inputs only
                opts = [(a, self.ticks(sched.transfer_time_s(host, a, X[l])), self.links(host, a)) for a in accs]
                self._booking(l, 0, opts, self.r[l], lambda a, l=l: self.z[l, a],
                              after=self.pf[l], before=self.s[l])
        for k, (i, j, nb) in enumerate(zip(sched.edge_src.tolist(), sched.edge_dst.tolist(), sched.edge_bytes)):
            rank = 1 + [kk for _, kk in sched.preds[j]].index(k)
            sames, delay = {}, []     # delay: the tensor's least delay from e[i] to s[j], linear
            for a in range(A):
                if not (feas[i, a] and feas[j, a]):
                    continue
                same = self._and(self.x[i, a], self.x[j, a])
                sames[a] = same
                if relaxed:
                    continue      # whether i and j run consecutively is not modelled: no spill
                arc = self.arc[a, i, j]
                spill = self._and(same, arc.Not())            # same accelerator, not consecutive
                m.Add(self.s[j] >= self.e[i] + self.ticks(2 * nb / dram_bw[a])).OnlyEnforceIf(spill)
                delay.append(self.ticks(2 * nb / dram_bw[a]) * spill)
                self.energy_terms.append((spill, float(2 * nb * pj_dram)))
            pairs = [(a, b) for a in range(A) for b in range(A) if a != b and feas[i, a] and feas[j, b]]
            if not pairs:
                if self.strengthen and delay:
                    m.Add(self.s[j] >= self.e[i] + sum(delay))
                continue
            cross = m.NewBoolVar(f"cross{k}")
            m.Add(cross + sum(sames.values()) == 1)
            opts = [((a, b), self.ticks(sched.transfer_time_s(a, b, nb)), self.links(a, b)) for a, b in pairs]
            if self.strengthen:
                # redundant, for the linear relaxation: the conditional precedences below (transfer
                # interval, then the local-DRAM read on the consumer's accelerator b) as one
                # inequality; x[j, b] - same_b is "crossed into b"
                delay.append(min(d for _, d, _ in opts) * cross)
                delay += [self.ticks(nb / dram_bw[b]) * (self.x[j, b] - sames[b] if b in sames else self.x[j, b])
                          for b in range(A) if feas[j, b]]
                m.Add(self.s[j] >= self.e[i] + sum(delay))
            ys = self._booking(j, rank, opts, cross, lambda ab, i=i, j=j: self._and(self.x[i, ab[0]], self.x[j, ab[1]]),
                               after=self.e[i], before=None, read=(j, nb))
            energy = {ab: float(nb * (2 * pj_dram + pj[ab])) for ab in pairs}
            if len(set(energy.values())) == 1:
                self.energy_terms.append((cross, energy[pairs[0]]))
            else:
                for ab in pairs:
                    self.energy_terms.append((ys(ab), energy[ab]))
        if not relaxed:
            self._fifo()
        for l in range(L):
            if O[l] <= 0:
                continue
            accs = [a for a in range(A) if feas[l, a]]
            for a in accs:
                self.energy_terms.append((self.x[l, a], float(O[l] * (pj_dram + pj[a, host]))))
            opts = [(a, self.ticks(sched.transfer_time_s(a, host, O[l])), self.links(a, host)) for a in accs]
            if self.strengthen:   # redundant: the output leaves after the layer ends
                m.Add(self.mk >= self.e[l] + sum(d * self.x[l, a] for a, d, _ in opts))
            ends = self._booking(l, 0, opts, self.true, lambda a, l=l: self.x[l, a], after=self.e[l],
                                 before=None, output=True)
            for end in ends.ends:
                m.Add(self.mk >= end)
        if not relaxed:
            self._outputs_last()
        for link in dict.fromkeys(k for t in self.transfers for k in t[5]):
            on_link = [t for t in self.transfers if link in t[5]]
            m.AddNoOverlap([t[7] for t in on_link])
            m.Add(sum(t[8] * t[4] for t in on_link) <= self.mk)   # redundant: the link's busy time
        self.static_w = float(sched.static_power_w.sum())
        self.energy_unit_j = energy_unit_j

    def _dominant_residency(self) -> None:
        """Fix r = 1 where residency cannot hurt: wherever the layer may run, its weights fit beside
        every other layer's (no capacity choice), and reading them from local DRAM takes no longer
        than the uncontended host load it replaces. In the scheduler a resident layer is then ready
        no later, its load is shorter and the links are free earlier for every later booking (all
        rules are monotone), and it spends no link energy; so some optimum has it resident."""
        sched, feas = self.sched, self.feas
        W, X = sched.weight_bytes, sched.external_input_bytes
        host = sched.host_index
        for l, r in self.r.items():
            ok = True
            for a in range(self.A):
                if not feas[l, a]:
                    continue
                fits = W[feas[:, a]].sum() <= sched.dram_capacity_bytes[a]
                read_s = W[l] / (sched.dram_bandwidth_gbps[a] * 1e9)
                if not fits or read_s > float(sched.transfer_time_s(host, a, W[l] + X[l])):
                    ok = False
                    break
            if ok:
                self.m.Add(r == 1)

    # ---- helpers ---------------------------------------------------------------------------------
    def ticks(self, seconds: Any) -> int:
        return int(round(float(seconds) / self.tick_s))

    def links(self, src: int, dst: int) -> tuple[str, ...]:
        names = self.sched.node_names
        return tuple(k.name for k in self.sched.system.route(names[src], names[dst]))

    @staticmethod
    def _value(solver: Any, lit: Any) -> bool:
        return lit if isinstance(lit, bool) else bool(solver.BooleanValue(lit))

    def before(self, u: int, v: int) -> Any:
        """Literal 'u is processed before v' (True/False when the DAG decides)."""
        if u in self.anc[v]:
            return True
        if v in self.anc[u]:
            return False
        return self._before[u, v] if u < v else self._before[v, u].Not()

    def _and(self, a: Any, b: Any) -> Any:
        """A literal equal to a AND b."""
        m = self.m
        v = m.NewBoolVar("")
        m.AddImplication(v, a)
        m.AddImplication(v, b)
        m.AddBoolOr([a.Not(), b.Not(), v])
        return v

    def _booking(self, layer: int, rank: int, opts: list[tuple[Any, int, tuple[str, ...]]], happens: Any,
                 member: Any, *, after: Any, before: Any, output: bool = False, read: Any = None) -> Any:
        """One booking of the scheduler (a load, a tensor or an output) whose options ``(key, duration,
        links)`` depend on the assignment; ``happens`` is the literal that it is booked at all and
        ``member(key)`` builds the literal of one option. Options with equal (duration, links) share an
        interval. ``read=(consumer, bytes)`` adds the consumer's local-DRAM read after arrival.
        Returns ``lit(key)`` (the option's literal) with ``.ends`` (the end variables)."""
        m = self.m
        groups: dict[tuple[int, tuple[str, ...]], list[Any]] = {}
        for key, dur, links in opts:
            groups.setdefault((dur, links), []).append(key)
        lits: dict[Any, Any] = {}

        def lit(key: Any) -> Any:
            if key not in lits:
                lits[key] = member(key)
            return lits[key]

        ends = []
        for (dur, links), keys in groups.items():
            pres = happens if len(groups) == 1 else m.NewBoolVar("")
            if len(groups) > 1:
                m.Add(pres == sum(lit(k) for k in keys))
            n = len(self.transfers)
            st = m.NewIntVar(0, self.H, f"ts{n}")
            en = m.NewIntVar(0, self.H, f"te{n}")
            iv = m.NewOptionalIntervalVar(st, dur, en, pres, f"t{n}")
            m.Add(st >= after).OnlyEnforceIf(pres)
            if before is not None:
                m.Add(before >= en).OnlyEnforceIf(pres)
            if read is not None:
                j, nb = read
                bw = self.sched.dram_bandwidth_gbps * 1e9
                m.Add(self.s[j] >= en + sum(self.ticks(nb / bw[b]) * self.x[j, b]
                                            for b in range(self.A) if self.feas[j, b])).OnlyEnforceIf(pres)
            self.transfers.append((layer, rank, st, en, pres, links, output, iv, dur))
            ends.append(en)
        lit.ends = ends  # type: ignore[attr-defined]
        return lit

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
        """Forbid processing v before a layer u of higher priority (earlier in the scheduler's
        ``default_order``) that was already runnable -- its producers and its accelerator predecessor
        done: merging per-accelerator orders, the scheduler would have taken u first."""
        m = self.m
        prio = self.sched.default_rank
        for u, v in itertools.permutations(range(self.L), 2):
            if prio[u] > prio[v] or u in self.anc[v] or v in self.anc[u]:
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
        terms = [int(round(j / unit)) * lit for lit, j in self.energy_terms if j != 0]
        static = int(round(self.static_w * self.tick_s / unit))
        self.m.Minimize(sum(terms) + static * self.mk)

    def hint(self, sol: Solution, order: np.ndarray, num_workers: int, time_limit_s: float) -> bool:
        """Hint every variable with the schedule of ``sol``: solve once with its assignment,
        residency and processing order assumed (fast: everything else propagates), hint all values,
        then drop the assumptions. Returns False when that did not finish in time."""
        from ortools.sat.python import cp_model

        m = self.m
        rank = np.empty(self.L, dtype=np.int64)
        rank[order] = np.arange(self.L)
        lits = [xv if sol.assign[l] == a else xv.Not() for (l, a), xv in self.x.items()]
        lits += [r if sol.resident[l] else r.Not() for l, r in self.r.items()]
        lits += [b if rank[u] < rank[v] else b.Not() for (u, v), b in self._before.items()]
        m.AddAssumptions(lits)
        solver = cp_model.CpSolver()
        solver.parameters.num_workers = num_workers
        solver.parameters.max_time_in_seconds = time_limit_s
        status = solver.Solve(m)
        m.ClearAssumptions()
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            return False
        for i in range(len(m.Proto().variables)):
            var = m.GetIntVarFromProtoIndex(i)
            m.AddHint(var, solver.Value(var))
        return True

    def solution(self, solver: Any) -> Solution:
        assign = np.zeros(self.L, dtype=np.int64)
        for (l, a), xv in self.x.items():
            if solver.Value(xv):
                assign[l] = a
        resident = np.zeros(self.L, dtype=bool)
        for l, r in self.r.items():
            resident[l] = bool(solver.Value(r))
        if self.relaxed:   # no processing order in the model: by start time, ties by priority
            seq = sorted(range(self.L), key=lambda l: (solver.Value(self.s[l]), self.sched.default_rank[l]))
        elif self.pos:
            pos = np.array([solver.Value(p) for p in self.pos])
            seq = np.argsort(pos, kind="stable")
        else:
            ahead = [sum(1 for u in range(self.L) if u != v and self._value(solver, self.before(u, v)))
                     for v in range(self.L)]
            seq = np.argsort(ahead, kind="stable")
        return Solution(assign, resident, orders_from_sequence(assign, seq),
                        sequence=seq if self.free_sequence and not self.relaxed else None)


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


def _solver(num_workers: int, time_limit_s: float, seed: int, log: bool,
            params: dict[str, Any] | None) -> Any:
    """A CpSolver with the mapper's settings and the caller's extra parameters (checked by name)."""
    from ortools.sat.python import cp_model

    solver = cp_model.CpSolver()
    solver.parameters.num_workers = int(num_workers)
    solver.parameters.max_time_in_seconds = max(0.1, time_limit_s)
    solver.parameters.random_seed = int(seed) % 2**31   # an int32 field; any seed >= 0 is accepted
    solver.parameters.log_search_progress = bool(log)
    for key, value in (params or {}).items():
        if not hasattr(solver.parameters, key):
            raise MappingError(f"unknown CP-SAT parameter {key!r}", item="solver_params")
        try:
            field = getattr(solver.parameters, key)
            if hasattr(field, "extend"):      # a repeated field (e.g. extra_subsolvers): a list
                if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
                    raise TypeError(f"expected a list for {key!r}")
                field.clear()
                field.extend(value)
            else:
                if isinstance(value, float) and math.isnan(value):
                    raise ValueError("NaN is not a value")
                setattr(solver.parameters, key, value)
        except (TypeError, ValueError):   # pybind's own message is many lines of signatures
            kinds = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}
            expected = ("a list" if hasattr(field, "extend")
                        else kinds.get(type(field), f"a {type(field).__name__} value"))
            raise MappingError(f"bad value {value!r} for CP-SAT parameter {key!r}; expected {expected}",
                               item="solver_params") from None
    return solver


def cpsat_options(num_workers: Any, hint: Any, resolution: Any, log: Any, strengthen: Any,
                  relaxed_share: Any, solver_params: Any, free_sequence: Any) -> tuple:
    """The checked option values of :func:`cpsat`, in its parameters' order."""
    if solver_params is not None and not isinstance(solver_params, dict):
        raise MappingError(f"solver_params must be a mapping of CP-SAT parameter names to values, got "
                           f"{solver_params!r}", item="solver_params")
    return (check_int("num_workers", num_workers), check_bool("hint", hint),
            check_number("resolution", resolution, 1.0), check_bool("log", log),
            check_bool("strengthen", strengthen),
            check_number("relaxed_share", relaxed_share, 0.0, 1.0, high_open=True), solver_params,
            check_bool("free_sequence", free_sequence))


@register("cpsat", options=cpsat_options)
def cpsat(problem: Problem, num_workers: int = 8, hint: bool = True, resolution: float = 1e6,
          log: bool = False, strengthen: bool = True, relaxed_share: float = 0.3,
          solver_params: dict[str, Any] | None = None, free_sequence: bool = True) -> Solution:
    """See the module docstring. ``time_limit_s`` defaults to 60 s. ``free_sequence``: also choose
    the whole processing order (returned as the mapping's ``sequence``) instead of the one the
    scheduler merges from per-accelerator orders. ``relaxed_share``: the part of
    the time left after the warm start that the relaxed model (latency only) may use to bound the
    makespan; 0 skips it. ``solver_params``: extra ``CpSolverParameters`` fields by name (e.g.
    ``{"linearization_level": 2}``), for both solves; they override ``SEARCH_SOLVER_PARAMS`` (both
    phases) and ``EXACT_SOLVER_PARAMS`` (phase 2), e.g. ``{"subsolvers": []}`` for CP-SAT's own
    portfolio."""
    from ortools.sat.python import cp_model

    from .h2h_mapper import h2h

    num_workers, hint, resolution, log, strengthen, relaxed_share, solver_params, free_sequence = \
        cpsat_options(num_workers, hint, resolution, log, strengthen, relaxed_share, solver_params,
                      free_sequence)
    if problem.objective not in ("latency", "energy"):
        raise MappingError(f"cpsat optimises latency or energy (linear objectives), not {problem.objective}",
                           item="objective")
    if problem.scheduler.serial:
        raise MappingError(f"cpsat models the default overlapped conventions, not "
                           f"'{problem.scheduler.system.conventions}'; use h2h, nsga2 or brute_force",
                           item=f"system '{problem.scheduler.system.name}'")
    limit = problem.time_limit_s if problem.time_limit_s is not None else DEFAULT_TIME_LIMIT_S
    t0 = time.perf_counter()

    def left_s() -> float:
        return limit - (time.perf_counter() - t0)

    sched = problem.scheduler
    warm = h2h(Problem(sched, problem.objective, None, problem.seed), effort="thorough", free_sequence=free_sequence)
    warm_eval = sched.evaluate(to_mapping(sched, warm.assign, warm.resident, warm.order, warm.sequence))
    # the warm start's makespan sets the tick; every time variable lives in [0, horizon], where the
    # horizon (everything serialised, each at its slowest) bounds any schedule of interest
    tick = warm_eval.latency_s / resolution
    horizon = int(np.ceil(_serial_bound_s(problem) / tick)) + 4 * problem.num_layers + 16
    energy_unit = max(warm_eval.energy_j, 1e-30) / (resolution * 1e6)
    cap = int(np.ceil(warm_eval.latency_s / tick)) + 4 * problem.num_layers + 16   # >= the warm start
    extras: dict[str, Any] = {}
    lower = 0
    if problem.objective == "latency" and relaxed_share > 0:
        # phase 1: the relaxed model's bound (same ticks, a subset of the constraints) is a lower
        # bound on the exact model's optimum; phase 2 starts from it
        relaxed = _Model(problem, tick, horizon, energy_unit, strengthen=strengthen, relaxed=True)
        relaxed.m.Add(relaxed.mk <= cap)
        relaxed.set_objective("latency")
        budget_s = relaxed_share * left_s()
        if hint:
            relaxed.hint(warm, sched.default_order, num_workers, 0.2 * budget_s)
        # half the workers: on this small model the proof comes from plain tree search, which
        # gets more of a small machine's cores that way
        solver = _solver(max(1, num_workers // 2), relaxed_share * left_s(), problem.seed, log,
                         {**SEARCH_SOLVER_PARAMS, **(solver_params or {})})
        status = solver.Solve(relaxed.m)
        if status == cp_model.INFEASIBLE:
            raise MappingError("the relaxed CP-SAT model is infeasible (a bug: the h2h mapping should "
                               "satisfy it)", item="cpsat")
        lower = int(np.ceil(solver.BestObjectiveBound() - 1e-6))
        extras.update({"relaxed_status": solver.StatusName(status), "relaxed_bound_s": lower * tick,
                       "relaxed_solve_s": solver.WallTime()})
    model = _Model(problem, tick, horizon, energy_unit, strengthen=strengthen,
                   free_sequence=free_sequence)
    if problem.objective == "latency":   # the optimum is no worse than the warm start
        model.m.Add(model.mk <= cap)
        model.m.Add(model.mk >= lower)
    model.set_objective(problem.objective)
    hinted = False
    if hint:
        order = problem.solution_order(warm)
        hinted = model.hint(warm, sched.default_order if order is None else order, num_workers,
                            max(0.1, 0.2 * left_s()))
    solver = _solver(num_workers, left_s(), problem.seed, log,
                     {**EXACT_SOLVER_PARAMS, **(solver_params or {})})
    status = solver.Solve(model.m)
    name = solver.StatusName(status)
    scale = tick if problem.objective == "latency" else energy_unit
    unit = "s" if problem.objective == "latency" else "j"
    extras.update({"status": name, "num_workers": num_workers, "time_limit_s": limit,
                   "solve_s": solver.WallTime(), "tick_s": tick, "hinted": hinted,
                   "hint_objective": warm_eval.latency_s if unit == "s" else warm_eval.energy_j})
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        obj = solver.ObjectiveValue() * scale
        bound = solver.BestObjectiveBound() * scale
        extras.update({f"objective_{unit}": obj, f"bound_{unit}": bound, "objective_value": obj, "bound": bound,
                       "gap": (obj - bound) / obj if obj > 0 else 0.0})
        sol = model.solution(solver)
        return Solution(sol.assign, sol.resident, sol.order, extras, sol.sequence)
    if status == cp_model.INFEASIBLE:
        raise MappingError("the CP-SAT model is infeasible (a bug: the h2h mapping should satisfy it)",
                           item="cpsat")
    extras.update({"objective_value": None, "bound": max(solver.BestObjectiveBound(), lower) * scale, "gap": None,
                   "note": "no solution within the time limit; returning the h2h warm start"})
    return Solution(warm.assign, warm.resident, warm.order, extras, warm.sequence)
