"""``h2h``: the H2H mapping algorithm (Zhang, Hao, Zhou, Jones, Hu, DAC 2022), in four steps that can
each be switched off for ablation (``steps=(1, 2, 3, 4)``, or a string such as ``"1,2,4"``):

1. **Computation-prioritized initial mapping**: ``compute_priority`` (each ready layer to the
   accelerator that finishes it first on computation alone). Off: every layer on the one
   accelerator with the least total compute time (per layer the fastest where that one cannot run it).
2. **Weight locality**: per accelerator, a 0/1 knapsack chooses whose weights stay resident in its
   local DRAM, maximising the time (or energy) saved (:mod:`.residency`).
3. **Activation locality**: the scheduler keeps a tensor on chip when its consumer runs right after
   its producer on the same accelerator. This step orders each accelerator's layers so that chains
   of one model run back to back (after a layer, its ready same-accelerator consumer of the same
   model runs next); two more orders are tried beside it (earliest start first and critical path
   first, with the mapping's own latencies), and the scheduler's default order is kept unless one
   of them improves the objective.
4. **Communication-aware re-mapping**: move a layer to its producer's or consumer's accelerator when
   the objective drops. Each pass scores *every* candidate move in one ``evaluate_batch`` call; the
   improving moves, best first, are then tried as cumulative prefixes (one more batch call), and the
   best prefix is accepted. Passes repeat until no move improves (a fixed point), ``max_passes`` or
   the time limit; at the fixed point the knapsack and the step-3 orders are re-run.

Whatever the steps do, the answer is never worse than ``compute_priority``: its mapping is a
candidate, and the best truly evaluated candidate is returned.

How much of the search below runs is set by ``effort`` (``effort_settings``): ``fast`` is the four
steps alone, ``default`` adds a few restarts and GRASP starts, ``thorough`` everything described here.

Beyond the paper (each documented at its option): on small workloads step 4 also moves a layer to
any accelerator (``wide_moves``), moves whole fused groups (a model's consecutive layers on one
accelerator) together, scores each move under its own step-3 orders (``chain_each``), tries pairs of
moves at a fixed point (``pair_moves``), then moves of one layer within its accelerator's order
(``reorder``, with step 3), and restarts from seeded random perturbations of the best
mapping (``restarts``). After the restarts, a GRASP phase (``grasp``) builds many randomised HEFT
schedules (``heft_assign``: each layer to the accelerator where it would finish first, so an idle
slow accelerator takes work from a busy fast one), gives each a cheap step-4 descent and the best
tenth a full one: the restarts' kicks stay in the basin of the first descent, and on some small
workloads every single, paired or reordered move out of it is worse. Last, with ``free_sequence``
(the default), a sequence phase (:mod:`.sequence_moves`) lets the mapping fix its whole processing
order, not just per-accelerator orders merged by the scheduler's rule: joint moves of one layer's
accelerator and its place in the sequence, from the best HEFT constructions (each with its own
estimated start order as the sequence) and from the best mapping so far. Moves are scored with the
full scheduler (link contention included) in batches rather than by re-timing a graph copy per move
as the original code does (xyzxinyizhang/H2H), and step 4 repeats to a fixed point instead of two
sweeps.
"""
from __future__ import annotations

import functools
import heapq
import itertools
import time
from collections.abc import Iterable
from collections.abc import Mapping as MappingABC
from typing import Any

import numpy as np

from ..errors import MappingError
from .base import Problem, Solution, check_bool, check_int, check_number, orders_from_sequence, register
from .compute_priority import compute_priority_assign
from .residency import knapsack_resident, link_time_value, residency_value
from .sequence_moves import descend, sequence_solution

ALL_STEPS = (1, 2, 3, 4)


def _step_number(item: Any) -> int:
    """An int or a digit string as a step number; 0 (refused) for anything else, such as true or
    1.9, which ``int()`` would quietly take."""
    if isinstance(item, (bool, np.bool_)):
        return 0
    if isinstance(item, (int, np.integer)):
        return int(item)
    return int(item) if isinstance(item, str) and item.strip().isdigit() else 0


def parse_steps(steps: Any) -> tuple[int, ...]:
    """(1, 2, 3, 4), "1,2,4", "124" or [] -> a sorted tuple of step numbers."""
    if steps is None:
        return ALL_STEPS
    if isinstance(steps, str):
        items: Iterable[Any] = steps.replace(",", " ").split() if ("," in steps or " " in steps) else list(steps)
    elif isinstance(steps, MappingABC) or not hasattr(steps, "__iter__"):
        items = [steps]      # one number, or a wrong type that _step_number refuses
    else:
        items = steps
    out = {_step_number(item) for item in items}
    if not out <= set(ALL_STEPS):
        raise MappingError(f"h2h steps are numbers among {ALL_STEPS}, got {steps!r}", item="steps")
    return tuple(sorted(out))


def single_accelerator_assign(problem: Problem) -> np.ndarray:
    """Step 1 off: everything on the accelerator with the least total compute time."""
    lat = problem.scheduler.cost_table.compute_latency_s
    ok = problem.feasible
    total = np.where(ok, lat, 0.0).sum(axis=0) + np.where(ok, 0.0, np.inf).sum(axis=0)
    if np.isfinite(total).any():
        return np.full(problem.num_layers, int(np.argmin(total)), dtype=np.int64)
    return np.argmin(np.where(ok, lat, np.inf), axis=1).astype(np.int64)


def model_per_accelerator_assign(problem: Problem) -> np.ndarray:
    """Each model wholly on one accelerator: models by decreasing compute, each to the accelerator
    whose accumulated compute time would end lowest (layers it cannot run go to their fastest)."""
    lat = np.where(problem.feasible, problem.scheduler.cost_table.compute_latency_s, np.inf)
    models = np.array(_models(problem.scheduler))
    load = np.zeros(problem.num_accelerators)
    assign = np.argmin(lat, axis=1).astype(np.int64)
    names = sorted(dict.fromkeys(models.tolist()), key=lambda m: -np.nanmin(lat[models == m], axis=1).sum())
    for m in names:
        rows = models == m
        cost = np.where(np.isfinite(lat[rows]), lat[rows], 0.0).sum(axis=0)
        a = int(np.argmin(load + cost))
        ok = problem.feasible[rows, a]
        assign[np.flatnonzero(rows)[ok]] = a
        load[a] += cost[a]
    return assign


def upward_rank(sched: Any, lat: np.ndarray, comm: Any) -> np.ndarray:
    """[C, L] HEFT's upward rank of C candidates: a layer's latency ``lat[:, l]`` plus the largest
    ``comm(l, j, k) + rank[:, j]`` over its consumers j (edge k); the critical path from it to the end."""
    C, L = lat.shape
    rank = np.zeros((C, L))
    for l in range(L - 1, -1, -1):          # layer_names is a topological order
        best = np.zeros(C)
        for j, k in sched.succs[l]:
            np.maximum(best, comm(l, j, k) + rank[:, j], out=best)
        rank[:, l] = lat[:, l] + best
    return rank


def heft_rank(problem: Problem) -> np.ndarray:
    """[L] HEFT's upward rank with mean latencies (over the accelerators that can run a layer) and
    mean transfers (over all accelerator pairs)."""
    sched = problem.scheduler
    lat = np.where(problem.feasible, sched.cost_table.compute_latency_s, 0.0)
    mean_lat = lat.sum(axis=1) / np.maximum(problem.feasible.sum(axis=1), 1)
    accs = np.arange(problem.num_accelerators)
    mean_comm = [sched.transfer_time_s(accs[:, None], accs[None, :], b).mean() for b in sched.edge_bytes]
    return upward_rank(sched, mean_lat[None, :], lambda l, j, k: mean_comm[k])[0]


def heft_assign(problem: Problem, rng: np.random.Generator | None = None, noise: float = 0.0,
                rank: np.ndarray | None = None) -> tuple[np.ndarray, list[int]]:
    """HEFT list scheduling (Topcuoglu, Hariri, Wu, IEEE TPDS 2002): layers by decreasing upward rank
    (``heft_rank``, or ``rank`` when given: it does not depend on the draw), each to the accelerator
    where it would *finish* first given when that accelerator is free and when its inputs arrive
    (uncontended transfers). Unlike ``compute_priority`` this weighs a busy fast accelerator against
    an idle slow one. With ``rng``, each rank is scaled by a random factor in [1 - noise, 1 + noise]
    (a GRASP-style randomised construction). Returns (assign, the layers in order of their
    estimated start)."""
    sched = problem.scheduler
    L, A = problem.num_layers, problem.num_accelerators
    lat = np.where(problem.feasible, sched.cost_table.compute_latency_s, np.inf)
    accs = np.arange(A)
    rank = heft_rank(problem) if rank is None else rank.copy()
    if rng is not None and noise > 0:
        rank *= rng.uniform(1 - noise, 1 + noise, L)
    indeg = sched.in_degree.copy()
    ready = [(-rank[l], l) for l in range(L) if indeg[l] == 0]
    heapq.heapify(ready)
    acc_free = np.zeros(A)
    finish, start = np.zeros(L), np.zeros(L)
    assign = np.zeros(L, dtype=np.int64)
    while ready:
        l = heapq.heappop(ready)[1]
        arrive = np.zeros(A)
        for i, k in sched.preds[l]:
            np.maximum(arrive, finish[i] + sched.transfer_time_s(assign[i], accs, sched.edge_bytes[k]),
                       out=arrive)
        begin = np.maximum(acc_free, arrive)
        a = int(np.argmin(begin + lat[l]))
        assign[l], start[l], finish[l] = a, begin[a], begin[a] + lat[l, a]
        acc_free[a] = finish[l]
        for j, _ in sched.succs[l]:
            indeg[j] -= 1
            if indeg[j] == 0:
                heapq.heappush(ready, (-rank[j], j))
    return assign, np.lexsort((sched.default_rank, start)).tolist()


def chain_sequence(problem: Problem, assign: np.ndarray) -> list[int]:
    """A topological order that runs a layer's ready consumer on the same accelerator (same model)
    right after it, so its input stays on chip; otherwise the ready layer first in the scheduler's
    ``default_order``."""
    sched = problem.scheduler
    models = _models(sched)
    indeg = sched.in_degree.copy()
    prio = sched.default_rank
    heap = [(int(prio[l]), int(l)) for l in np.flatnonzero(indeg == 0)]
    heapq.heapify(heap)
    placed = np.zeros(problem.num_layers, dtype=bool)
    seq: list[int] = []
    nxt: int | None = None
    while len(seq) < problem.num_layers:
        if nxt is None:
            while placed[heap[0][1]]:
                heapq.heappop(heap)
            j = heapq.heappop(heap)[1]
        else:
            j, nxt = nxt, None
        placed[j] = True
        seq.append(j)
        follow = []
        for s, _ in sched.succs[j]:
            indeg[s] -= 1
            if indeg[s] == 0:
                heapq.heappush(heap, (int(prio[s]), s))
                if assign[s] == assign[j] and models[s] == models[j]:
                    follow.append(s)
        if follow:
            nxt = min(follow)
    return seq


def _models(sched) -> list[str]:
    cached = getattr(sched, "_h2h_models", None)
    if cached is None:
        w = sched.workload
        cached = [w.layer(n).model for n in sched.layer_names]
        sched._h2h_models = cached
    return cached


class _Search:
    """State of one h2h run: the best truly evaluated candidate and helpers to score candidates."""

    def __init__(self, problem: Problem, steps: tuple[int, ...], buckets: int) -> None:
        self.p, self.steps, self.buckets = problem, steps, buckets
        self.sched = problem.scheduler
        self.value = residency_value(self.sched, problem.objective)
        # the knapsack's other value (latency objectives): the link time residency frees
        self.link_value = None if problem.objective == "energy" else link_time_value(self.sched)
        self.best: Solution | None = None
        self.best_score = np.inf
        self.trace: dict[str, float] = {}
        self.prio = self.sched.default_rank
        self.chain_each_limit = 0
        self.reorder_limit = 0
        self.pair_limit = 0
        self._reach: np.ndarray | None = None

    def reach(self) -> np.ndarray:
        """[L, L] bool: reach[u, v] when v depends on u through a path of edges (built once)."""
        if self._reach is None:
            L = self.p.num_layers
            reach = np.zeros((L, L), dtype=bool)
            for u in range(L - 1, -1, -1):          # layer_names is a topological order
                for v, _ in self.sched.succs[u]:
                    reach[u, v] = True
                    reach[u] |= reach[v]
            self._reach = reach
        return self._reach

    def resident(self, assign: np.ndarray) -> np.ndarray:
        if 2 in self.steps:
            return knapsack_resident(self.sched, assign, self.value, buckets=self.buckets)
        return np.zeros(len(assign), dtype=bool)

    def resident_options(self, assign: np.ndarray) -> list[np.ndarray]:
        """The knapsack's resident sets under each value (one if they agree), for the scheduler to
        choose between."""
        if 2 not in self.steps:
            return [np.zeros(len(assign), dtype=bool)]
        first = self.resident(assign)
        if self.link_value is None:
            return [first]
        other = knapsack_resident(self.sched, assign, self.link_value, buckets=self.buckets)
        return [first] if (other == first).all() else [first, other]

    def true_scores(self, sols: list[Solution]) -> np.ndarray:
        """Objective of each solution exactly as ``Scheduler.evaluate`` scores its Mapping."""
        orders = [self.p.solution_order(s) for s in sols]
        if all(o is None for o in orders):
            order = None
        else:
            order = np.stack([self.sched.default_order if o is None else o for o in orders])
        batch = self.p.evaluate(np.stack([s.assign for s in sols]), np.stack([s.resident for s in sols]),
                                order)
        return self.p.score(batch)

    def offer(self, label: str, sols: list[Solution]) -> tuple[Solution, float]:
        """Score candidates, remember the best ever; return the best of these."""
        scores = self.true_scores(sols)
        k = int(np.argmin(scores))
        self.trace[label] = float(scores[k])
        if scores[k] < self.best_score:
            self.best, self.best_score = sols[k], float(scores[k])
        return sols[k], float(scores[k])

    def note(self, sol: Solution, score: float) -> None:
        """Remember a solution whose exact objective is already known."""
        if score < self.best_score:
            self.best, self.best_score = sol, score


def _move_candidates(problem: Problem, assign: np.ndarray, wide: bool) -> tuple[np.ndarray, np.ndarray]:
    """(layers, accelerators) of every move of a layer to a producer's or consumer's accelerator
    (``wide``: to any other accelerator that can run it)."""
    sched = problem.scheduler
    if wide:
        layers, accs = np.nonzero(problem.feasible & (np.arange(problem.num_accelerators)[None, :] != assign[:, None]))
        return layers.astype(np.int64), accs.astype(np.int64)
    src, dst = sched.edge_src, sched.edge_dst
    cross = assign[src] != assign[dst]
    layers = np.concatenate([src[cross], dst[cross]])
    accs = np.concatenate([assign[dst[cross]], assign[src[cross]]])
    ok = problem.feasible[layers, accs]
    pairs = np.unique(np.stack([layers[ok], accs[ok]], axis=1), axis=0) if ok.any() else np.zeros((0, 2), int)
    return pairs[:, 0].astype(np.int64), pairs[:, 1].astype(np.int64)


def _fused_groups(problem: Problem, assign: np.ndarray) -> list[list[int]]:
    """Runs of one model on one accelerator joined by edges (the layers step 3 keeps fused), of 2+."""
    sched = problem.scheduler
    models = _models(sched)
    parent = list(range(problem.num_layers))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j in zip(sched.edge_src.tolist(), sched.edge_dst.tolist()):
        if assign[i] == assign[j] and models[i] == models[j]:
            parent[find(i)] = find(j)
    groups: dict[int, list[int]] = {}
    for l in range(problem.num_layers):
        groups.setdefault(find(l), []).append(l)
    return [g for g in groups.values() if len(g) > 1]


def _moves(problem: Problem, assign: np.ndarray, wide: bool) -> list[list[tuple[int, int]]]:
    """Candidate moves, each a list of (layer, accelerator): single layers (see _move_candidates) and
    whole fused groups to every other accelerator that can run all of them."""
    layers, accs = _move_candidates(problem, assign, wide)
    out = [[(int(l), int(a))] for l, a in zip(layers, accs)]
    for g in _fused_groups(problem, assign):
        ok = problem.feasible[g].all(axis=0)
        for b in np.flatnonzero(ok):
            if b != assign[g[0]]:
                out.append([(l, int(b)) for l in g])
    return out


def _apply_each(search: _Search, assign: np.ndarray, resident: np.ndarray,
                moves: list[list[tuple[int, int]]]) -> tuple[np.ndarray, np.ndarray]:
    """[C, L] assign and residency, one row per move applied alone to (assign, resident); a moved
    layer is resident where its weights fit the free capacity of its new accelerator (each layer
    checked alone: a row over capacity is scored invalid by the scheduler, never accepted)."""
    C = len(moves)
    rows = np.fromiter((c for c, mv in enumerate(moves) for _ in mv), dtype=np.int64)
    ls = np.fromiter((l for mv in moves for l, _ in mv), dtype=np.int64)
    accs = np.fromiter((a for mv in moves for _, a in mv), dtype=np.int64)
    cand = np.repeat(assign[None, :], C, axis=0)
    res = np.repeat(resident[None, :], C, axis=0)
    cand[rows, ls] = accs
    res[rows, ls] = False
    if 2 in search.steps:
        W, cap = search.sched.weight_bytes, search.sched.dram_capacity_bytes
        used = np.bincount(assign, weights=W * resident, minlength=search.p.num_accelerators)
        res[rows, ls] = (W[ls] > 0) & (used[accs] + W[ls] <= cap[accs])
    return cand, res


def _apply(search: _Search, assign: np.ndarray, resident: np.ndarray, moves: list[tuple[int, int]]):
    """Assign and residency after ``moves``: a moved layer stays resident only if it fits the free
    capacity left on its new accelerator (the knapsack is re-run after a pass is accepted)."""
    a = assign.copy()
    r = resident.copy()
    W, cap = search.sched.weight_bytes, search.sched.dram_capacity_bytes
    keep = 2 in search.steps
    for l, acc in moves:
        a[l] = acc
        r[l] = False
        if keep and W[l] > 0:
            used = W[(a == acc) & r].sum()
            r[l] = used + W[l] <= cap[acc]
    return a, r


def _upward_rank_orders(search: _Search, cand: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """[C, L] critical-path-first orders (``upward_rank`` with each candidate's own latencies and
    transfers); higher rank first, ties in default order."""
    sched = search.sched
    C, L = cand.shape
    rank = upward_rank(sched, lat, lambda l, j, k: sched.transfer_time_s(cand[:, l], cand[:, j],
                                                                          sched.edge_bytes[k]))
    return np.lexsort((np.broadcast_to(search.prio, (C, L)), -rank), axis=-1)


def _own_orders(search: _Search, cand: np.ndarray) -> list[np.ndarray]:
    """Each candidate's own processing orders, as the scheduler derives them from per-accelerator
    orders: following chains (step 3), earliest start first and critical path first, both with the
    candidate's own latencies."""
    p, sched = search.p, search.sched
    lat = sched.cost_table.compute_latency_s[np.arange(p.num_layers)[None, :], cand]
    lat = np.where(np.isfinite(lat), lat, 0.0)
    asap = sched.asap_order(lat)
    upward = _upward_rank_orders(search, cand, lat)
    return [np.array([sched.merge_sequence(cand[b], seq(b)) for b in range(len(cand))],
                     dtype=np.int64)
            for seq in (lambda b: chain_sequence(p, cand[b]), lambda b: asap[b], lambda b: upward[b])]


def _score(search: _Search, cand: np.ndarray, res: np.ndarray, base: np.ndarray | None,
           own: bool) -> tuple[np.ndarray, list[np.ndarray | None]]:
    """Score candidates in one batch under the current processing order ``base`` (None: the
    scheduler's default) and, with ``own``, also under each one's own orders (``_own_orders``);
    return the best score of each and the order it used (None for the default order)."""
    p = search.p
    C = len(cand)
    if not own:
        return p.score(p.evaluate(cand, res, base)), [base] * C
    sched = search.sched
    variants = [np.broadcast_to(sched.default_order if base is None else base, cand.shape),
                *_own_orders(search, cand)]
    k = len(variants)
    all_scores = p.score(p.evaluate(np.concatenate([cand] * k), np.concatenate([res] * k),
                                    np.concatenate(variants))).reshape(k, C)
    pick = np.argmin(all_scores, axis=0)
    scores = all_scores[pick, np.arange(C)]
    return scores, [base if pick[b] == 0 else variants[pick[b]][b] for b in range(C)]


def _solution(assign: np.ndarray, resident: np.ndarray, seq: np.ndarray | None) -> Solution:
    return Solution(assign, resident, None if seq is None else orders_from_sequence(assign, seq))


def _best_prefix(search: _Search, cur: Solution, better: list[list[tuple[int, int]]],
                 order: np.ndarray | None, max_prefix: int, chain_each: bool) -> tuple[Solution, float, int]:
    """Apply the improving moves ``better`` (best first; a move touching a layer already moved is
    skipped) as cumulative prefixes, scored in one batch; return the best prefix as (solution, its
    exact objective, number of moves)."""
    chosen: list[list[tuple[int, int]]] = []
    seen: set[int] = set()
    for mv in better:
        if not any(l in seen for l, _ in mv):
            seen.update(l for l, _ in mv)
            chosen.append(mv)
        if len(chosen) >= max_prefix:
            break
    prefixes = [_apply(search, cur.assign, cur.resident, [x for mv in chosen[:k] for x in mv])
                for k in range(1, len(chosen) + 1)]
    pa = np.stack([x[0] for x in prefixes])
    pr = np.stack([x[1] for x in prefixes])
    pscores, seqs = _score(search, pa, pr, order, chain_each)
    k = int(np.argmin(pscores))
    sol = _solution(pa[k], pr[k], seqs[k])
    if seqs[k] is None or seqs[k] is not order:   # default or own merged order: the score is exact
        search.note(sol, float(pscores[k]))
        return sol, float(pscores[k]), k + 1
    best, score = search.offer("step4 prefix", [sol])
    return best, score, k + 1


def _reorder(search: _Search, cur: Solution, cur_score: float) -> tuple[Solution, float] | None:
    """One pass of local search over the per-accelerator orders: every move of one layer to another
    place in its accelerator's order (the DAG permitting), each merged into a processing order by
    the scheduler's rule and scored in one batch. Returns the best if it improves, else None; skipped
    when the candidates x layers exceed ``search.reorder_limit``."""
    p, sched = search.p, search.sched
    L = p.num_layers
    seq = p.processing_order(cur.assign, cur.order)
    seq = sched.default_order if seq is None else seq
    chains = orders_from_sequence(cur.assign, seq.tolist())
    if 3 not in search.steps or sum(len(c) ** 2 for c in chains.values()) * L > search.reorder_limit:
        return None
    seen = {tuple(seq.tolist())}
    orders = []
    reach = search.reach()
    for a, chain in chains.items():
        for i, l in enumerate(chain):
            rest = chain[:i] + chain[i + 1:]
            # l may go only after its last ancestor and before its first descendant in the chain
            # (other places close a cycle with the DAG, which merge_orders would reject anyway)
            anc = np.flatnonzero(reach[rest, l])
            desc = np.flatnonzero(reach[l, rest])
            for k in range(anc[-1] + 1 if len(anc) else 0, desc[0] + 1 if len(desc) else len(chain)):
                if k == i:
                    continue
                new = dict(chains)
                new[a] = rest[:k] + [l] + rest[k:]
                merged = sched.merge_orders(new.values())
                key = tuple(merged.tolist())
                if len(merged) == L and key not in seen:    # short: contradicts the DAG
                    seen.add(key)
                    orders.append(merged)
    if not orders:
        return None
    C = len(orders)
    scores = p.score(p.evaluate(np.repeat(cur.assign[None, :], C, axis=0),
                                np.repeat(cur.resident[None, :], C, axis=0), np.stack(orders)))
    k = int(np.argmin(scores))
    if not scores[k] < cur_score * (1 - 1e-12):
        return None
    sol = _solution(cur.assign, cur.resident, orders[k])
    search.note(sol, float(scores[k]))
    return sol, float(scores[k])


def _remap(search: _Search, start: Solution, start_score: float, chain: bool, max_passes: int,
           max_prefix: int, wide: bool, deep: bool = True) -> tuple[Solution, float, int, int]:
    """Step 4 from ``start`` to a fixed point; returns (solution, objective, passes, moves). Not
    ``deep``: moves are scored under the current order only and pairs are not tried (about 4x
    cheaper; for screening many starts)."""
    p = search.p
    cur, cur_score = start, start_score
    passes = moves_done = 0
    while passes < max_passes and p.time_left_s() > 0:
        passes += 1
        moves = _moves(p, cur.assign, wide)
        if not moves:
            break
        cand, res = _apply_each(search, cur.assign, cur.resident, moves)
        C = len(moves)
        order = p.processing_order(cur.assign, cur.order)
        chain_each = deep and 3 in search.steps and C * p.num_layers <= search.chain_each_limit
        scores, _ = _score(search, cand, res, order, chain_each)
        better = np.flatnonzero(scores < cur_score * (1 - 1e-12))
        if len(better):
            better = better[np.argsort(scores[better], kind="stable")]
            step = _best_prefix(search, cur, [moves[c] for c in better], order, max_prefix, chain_each)
            if step[1] < cur_score * (1 - 1e-12):
                cur, cur_score = step[0], step[1]
                moves_done += step[2]
                continue
        # no single move helps: try every pair of single-layer moves (small workloads only)
        singles = [mv for mv in moves if len(mv) == 1]
        pairs = ([a + b for a, b in itertools.combinations(singles, 2) if a[0][0] != b[0][0]]
                 if deep and len(singles) * (len(singles) - 1) // 2 <= search.pair_limit else [])
        if pairs:  # moves of one layer do not pair, so a 1-layer workload has none
            pa, pr = _apply_each(search, cur.assign, cur.resident, pairs)
            pscores, seqs = _score(search, pa, pr, order, False)
            k = int(np.argmin(pscores))
            if pscores[k] < cur_score * (1 - 1e-12):
                sol = _solution(pa[k], pr[k], seqs[k])
                best, score = search.offer(f"step4 pair {passes}", [sol])
                if score < cur_score * (1 - 1e-12):
                    cur, cur_score = best, score
                    moves_done += 2
                    continue
        # reorder: a better per-accelerator order may open new moves (small workloads only)
        step = _reorder(search, cur, cur_score)
        if step is not None:
            cur, cur_score = step
            moves_done += 1
            continue
        # refresh what the passes approximate (the knapsack, the chain order)
        options = []
        if 2 in search.steps:
            options += [Solution(cur.assign, r, cur.order) for r in search.resident_options(cur.assign)]
        if chain or chain_each:
            options += [_solution(cur.assign, o.resident, seq[0]) for o in (cur, *options)
                        for seq in _own_orders(search, cur.assign[None, :])]
        if not options:
            break
        best, score = search.offer(f"step4 refresh {passes}", options)
        if not score < cur_score * (1 - 1e-12):
            break
        cur, cur_score = best, score
    return cur, cur_score, passes, moves_done


#: GRASP starts only on workloads of at most this many layers (each start costs a step-4 descent)
GRASP_MAX_LAYERS = 60
#: the fraction of the GRASP phase's screened local optima (the best ones) that get a deep descent
GRASP_REFINE = 0.1


def _grasp(search: _Search, n: int, noise: float, max_passes: int, max_prefix: int,
           wide: bool) -> tuple[int, int, list[Solution]]:
    """GRASP phase: ``n`` randomised HEFT constructions (``heft_assign``; the first without noise),
    each with an assignment not built before followed by a cheap step-4 descent (``_remap`` not
    ``deep``); the best ``GRASP_REFINE`` (a tenth, at least one) of those local optima then get a
    deep descent. Runs after the restarts, so it can only improve on them. Why: on some small
    instances the kicks of the restarts never leave the basin of the first descent (every single or
    paired move from it, even followed by a reorder descent, is worse), while many cheap descents
    from diverse, load-balanced starts find better basins. Returns (passes, moves, each construction
    with its estimated start order as its whole processing sequence: the sequence phase's starts)."""
    p, steps = search.p, search.steps
    rng = np.random.default_rng([p.seed, 1])
    found: list[tuple[float, int, Solution]] = []
    as_sequence: list[Solution] = []
    seen: set[bytes] = set()
    passes = moves = 0
    rank = heft_rank(p) if n else None      # the same for every construction; only the noise differs
    for g in range(n):
        if p.time_left_s() <= 0:
            break
        assign, seq = heft_assign(p, rng if g else None, noise, rank=rank)
        if assign.tobytes() in seen:        # same start as an earlier construction: nothing new
            continue
        seen.add(assign.tobytes())
        start = Solution(assign, search.resident(assign))
        as_sequence.append(sequence_solution(assign, start.resident, np.array(seq)))
        opts = [start]
        if 3 in steps:
            opts += [_solution(assign, start.resident, o[0]) for o in _own_orders(search, assign[None, :])]
            opts.append(_solution(assign, start.resident, search.sched.merge_sequence(assign, seq)))
        start, score = search.offer("grasp start", opts)
        sol, score, p_, m_ = _remap(search, start, score, start.order is not None, max_passes, max_prefix,
                                    wide, deep=False)
        found.append((score, g, sol))
        passes, moves = passes + p_, moves + m_
    search.trace.pop("grasp start", None)
    for score, _, sol in sorted(found, key=lambda x: x[:2])[:max(1, round(GRASP_REFINE * len(found)))]:
        if p.time_left_s() <= 0:
            break
        _, _, p_, m_ = _remap(search, sol, score, sol.order is not None, max_passes, max_prefix, wide)
        passes, moves = passes + p_, moves + m_
    return passes, moves, as_sequence


def _sequence_phase(search: _Search, starts: list[Solution], max_passes: int) -> int:
    """The sequence phase (``free_sequence``; :mod:`.sequence_moves`): joint descents over assignment
    and whole processing sequence from the best ``GRASP_REFINE`` of ``starts`` and from the best
    mapping so far (its processing order as its sequence). Returns the passes."""
    p = search.p
    best = search.best
    assert best is not None
    own = p.solution_order(best)
    starts = [*starts, sequence_solution(best.assign, best.resident,
                                         search.sched.default_order if own is None else own)]
    scores = search.true_scores(starts)
    keep = max(1, round(GRASP_REFINE * (len(starts) - 1)))
    picks = [*np.argsort(scores[:-1], kind="stable")[:keep].tolist(), len(starts) - 1]
    passes = 0
    apply_moves = functools.partial(_apply_each, search)
    for k in picks:
        if p.time_left_s() <= 0:
            break
        sol, score, p_ = descend(p, search.reach(), starts[k], float(scores[k]), apply_moves,
                                 search.resident, max_passes)
        search.note(sol, score)
        passes += p_
    return passes


EFFORTS = ("fast", "default", "thorough")


def effort_settings(effort: str, num_layers: int, restarts: int | None = None) -> dict[str, int]:
    """The phase sizes an ``effort`` stands for on ``num_layers`` layers (``restarts``, if the caller
    fixed it, decides whether GRASP runs, as in every effort):

    * ``fast``: the paper's four steps only: one step-4 descent of single moves, each scored under
      its own chain order on small workloads (``chain_each`` <= 12000), no pairs, reorders,
      restarts or GRASP.
    * ``default``: single moves (scored under their own chain order when moves x layers <= 6000),
      min(8, 600 / L) restarts (none above 200 layers) and, on workloads of at most
      ``GRASP_MAX_LAYERS`` layers, min(10, 200 / L) GRASP starts with the sequence phase: about two
      seconds per call (CPU), within 2% of ``thorough`` on the zoo (``benchmarks/results/h2h_effort.md``).
    * ``thorough``: pair moves (<= 5000 pairs), reorders (<= 60000 candidates x layers), chain
      scoring up to 12000, min(40, 800 / L) restarts (none above 200 layers) and min(100, 3000 / L)
      GRASP starts with the sequence phase (restarts on and at most ``GRASP_MAX_LAYERS`` layers):
      within 5% of CP-SAT's optimum on the small MMMT graphs (``benchmarks/results/mapper_speed.md``).
    """
    L = max(num_layers, 1)
    if effort == "fast":
        return {"restarts": 0, "grasp": 0, "pair_moves": 0, "reorder": 0, "chain_each": 12_000}
    if effort == "default":
        small = L <= GRASP_MAX_LAYERS and (restarts is None or restarts > 0)
        return {"restarts": 0 if L > 200 else min(8, 600 // L),
                "grasp": min(10, 200 // L) if small else 0, "pair_moves": 0, "reorder": 0, "chain_each": 6000}
    n = 0 if L > 200 else min(40, 800 // L)
    on = (n if restarts is None else restarts) > 0 and L <= GRASP_MAX_LAYERS
    return {"restarts": n, "grasp": min(100, 3000 // L) if on else 0, "pair_moves": 5000, "reorder": 60_000,
            "chain_each": 12_000}


def h2h_options(effort: Any, steps: Any, max_passes: Any, max_prefix: Any, buckets: Any, wide_moves: Any,
                chain_each: Any, pair_moves: Any, reorder: Any, restarts: Any, grasp: Any,
                grasp_noise: Any, free_sequence: Any) -> tuple:
    """The checked option values of :func:`h2h`, in its parameters' order (the phase sizes an
    ``effort`` fills may stay None)."""
    if effort not in EFFORTS:
        raise MappingError(f"'effort' must be one of {list(EFFORTS)}, got {effort!r}", item="effort")
    return (effort, parse_steps(steps), check_int("max_passes", max_passes),
            check_int("max_prefix", max_prefix, optional=True), check_int("buckets", buckets),
            check_int("wide_moves", wide_moves, 0),
            *(check_int(name, v, 0, optional=True) for name, v in (("chain_each", chain_each),
                                                                   ("pair_moves", pair_moves), ("reorder", reorder))),
            check_int("restarts", restarts, 0, optional=True), check_int("grasp", grasp, 0, optional=True),
            check_number("grasp_noise", grasp_noise, 0.0, 1.0), check_bool("free_sequence", free_sequence))


@register("h2h", options=h2h_options)
def h2h(problem: Problem, effort: str = "default", steps: Any = ALL_STEPS, max_passes: int = 200,
        max_prefix: int | None = None, buckets: int = 4096, wide_moves: int = 600, chain_each: int | None = None,
        pair_moves: int | None = None, reorder: int | None = None, restarts: int | None = None,
        grasp: int | None = None, grasp_noise: float = 0.3, free_sequence: bool = True) -> Solution:
    """See the module docstring. ``max_prefix``: most moves accepted per pass (default L / 8, >= 8);
    step 4 also tries moves to accelerators no neighbour uses when that is at most ``wide_moves``
    candidates per pass (L x (A - 1)); 0 keeps to the paper's producer/consumer moves. With step 3,
    each candidate move is also scored under its own chain order when candidates x layers is at most
    ``chain_each`` (small workloads), else under the current order. At a fixed point of single
    moves, every pair of single moves is tried when there are at most ``pair_moves`` pairs, then every
    move of one layer within its accelerator's order (``_reorder``) when the sum over accelerators
    of (layers on it)^2 times L is at most ``reorder``. Then
    ``restarts`` times (default min(40, 800 / L), none above 200 layers) step 4 runs again: first from
    one accelerator per model (``model_per_accelerator_assign``), then from the best mapping kicked
    (L / 8 random layers to random accelerators, seeded; L / 16 more after each restart that found
    nothing better, up to L / 2, back to L / 8 after one that did). Then ``grasp`` randomised HEFT
    starts (default min(100, 3000 / L) when restarts are on and L <= ``GRASP_MAX_LAYERS``, else
    none; see ``_grasp``), the upward ranks scaled by random factors in [1 - ``grasp_noise``,
    1 + ``grasp_noise``]; this phase never makes the answer worse. With ``free_sequence`` (and a
    GRASP phase), a last phase searches the whole processing sequence too (``_sequence_phase``), and
    the answer may carry one; off, every answer follows the scheduler's merge rule.

    ``effort`` (``fast``, ``default``, ``thorough``) sizes the search, for those of ``restarts``,
    ``grasp``, ``pair_moves``, ``reorder`` and ``chain_each`` left unset; see ``effort_settings``.
    The numbers above are ``thorough``'s."""
    (effort, steps, max_passes, max_prefix, buckets, wide_moves, chain_each, pair_moves, reorder, restarts,
     grasp, grasp_noise, free_sequence) = h2h_options(effort, steps, max_passes, max_prefix, buckets, wide_moves,
                                                      chain_each, pair_moves, reorder, restarts, grasp,
                                                      grasp_noise, free_sequence)
    L = problem.num_layers
    preset = effort_settings(effort, L, restarts)
    pair_moves = preset["pair_moves"] if pair_moves is None else pair_moves
    reorder = preset["reorder"] if reorder is None else reorder
    chain_each = preset["chain_each"] if chain_each is None else chain_each
    t0 = time.perf_counter()
    search = _Search(problem, steps, buckets)
    search.chain_each_limit = chain_each
    search.pair_limit = pair_moves
    search.reorder_limit = reorder
    baseline = Solution(compute_priority_assign(problem), np.zeros(L, dtype=bool))
    _, base_score = search.offer("compute_priority", [baseline])
    if 1 in steps:
        cur, cur_score = baseline, base_score
        search.trace["step1"] = base_score
    else:
        cur, cur_score = search.offer("step1", [Solution(single_accelerator_assign(problem),
                                                         np.zeros(L, dtype=bool))])
    if 2 in steps:
        # the knapsack's resident set, kept unless the objective says otherwise (one batch)
        cur, cur_score = search.offer("step2", [*(Solution(cur.assign, r) for r in search.resident_options(cur.assign)),
                                                cur])
    chain = False
    if 3 in steps:
        own = [_solution(cur.assign, cur.resident, o[0]) for o in _own_orders(search, cur.assign[None, :])]
        best, score = search.offer("step3", [cur, *own])
        chain = best is not cur
        cur, cur_score = best, score
    passes = moves = n_restarts = n_grasp = 0
    if 4 in steps:
        wide = L * (problem.num_accelerators - 1) <= wide_moves
        prefix = max_prefix or max(8, L // 8)
        cur, cur_score, passes, moves = _remap(search, cur, cur_score, chain, max_passes, prefix, wide)
        search.trace["step4"] = cur_score
        n_restarts = restarts if restarts is not None else preset["restarts"]
        rng = np.random.default_rng(problem.seed)
        kick_size = max(2, L // 8)
        for r in range(n_restarts):
            if problem.time_left_s() <= 0:
                break
            if r == 0:                    # first, one accelerator per model (no activation crosses)
                kick = model_per_accelerator_assign(problem)
            else:
                kick = search.best.assign.copy()
                for l in rng.choice(L, size=min(L, kick_size), replace=False):
                    kick[l] = rng.choice(np.flatnonzero(problem.feasible[l]))
            start = Solution(kick, search.resident(kick))
            opts = [start] + ([_solution(kick, start.resident, o[0]) for o in _own_orders(search, kick[None, :])]
                              if 3 in steps else [])
            start, score = search.offer(f"restart {r + 1}", opts)
            before = search.best_score
            _, _, p_, m_ = _remap(search, start, score, start.order is not None, max_passes, prefix, wide)
            # variable neighbourhood: kick harder after a restart that found nothing better
            kick_size = max(2, L // 8) if search.best_score < before else min(L // 2, kick_size + max(1, L // 16))
            passes, moves = passes + p_, moves + m_
        search.trace["restarts"] = search.best_score
        n_grasp = grasp if grasp is not None else preset["grasp"]
        p_, m_, seq_starts = _grasp(search, n_grasp, grasp_noise, max_passes, prefix, wide)
        passes, moves = passes + p_, moves + m_
        search.trace["grasp"] = search.best_score
        if free_sequence and n_grasp:
            passes += _sequence_phase(search, seq_starts, max_passes)
            search.trace["sequence"] = search.best_score
    assert search.best is not None
    extras = {"steps": list(steps), "step_objective": search.trace, "passes": passes, "moves": moves,
              "restarts": n_restarts if 4 in steps else 0, "grasp": n_grasp if 4 in steps else 0,
              "chain_order": chain, "search_s": time.perf_counter() - t0}
    return Solution(search.best.assign, search.best.resident, search.best.order, extras, search.best.sequence)
