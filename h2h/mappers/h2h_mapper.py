"""``h2h``: the H2H mapping algorithm (Zhang, Hao, Zhou, Jones, Hu, DAC 2022), in four steps that can
each be switched off for ablation (``steps=(1, 2, 3, 4)``, or a string such as ``"1,2,4"``):

1. **Computation-prioritized initial mapping**: ``compute_priority`` (each ready layer to the
   accelerator that finishes it first on computation alone). Off: every layer on the one
   accelerator with the least total compute time (per layer the fastest where that one cannot run it).
2. **Weight locality**: per accelerator, a 0/1 knapsack chooses whose weights stay resident in its
   local DRAM, maximising the time (or energy) saved (:mod:`.residency`).
3. **Activation locality**: the scheduler keeps a tensor on chip when its consumer runs right after
   its producer on the same accelerator; this step orders each accelerator's layers by following
   chains of one model (after a layer, its ready same-accelerator consumer of the same model runs
   next), and keeps that order only if the objective improves.
4. **Communication-aware re-mapping**: move a layer to its producer's or consumer's accelerator when
   the objective drops. Each pass scores *every* such move in one ``evaluate_batch`` call; the
   improving moves, best first, are then tried as cumulative prefixes (one more batch call), and the
   best prefix is accepted; the knapsack is re-run after each accepted pass. Passes repeat until no
   move improves (a fixed point), ``max_passes`` or the time limit.

Whatever the steps do, the answer is never worse than ``compute_priority``: its mapping is a
candidate, and the best truly evaluated candidate is returned. Differences from the original code
(xyzxinyizhang/H2H): moves are scored with the full scheduler (contention included) in batches rather
than by re-timing a graph copy per move; step 4 considers every producer/consumer edge, not only
same-layer-type neighbours, and repeats to a fixed point instead of two sweeps.
"""
from __future__ import annotations

import heapq
import time
from collections.abc import Iterable
from typing import Any

import numpy as np

from ..errors import MappingError
from .base import Problem, Solution, orders_from_sequence, register
from .compute_priority import compute_priority_assign
from .residency import knapsack_resident, residency_value

ALL_STEPS = (1, 2, 3, 4)


def parse_steps(steps: Any) -> tuple[int, ...]:
    """(1, 2, 3, 4), "1,2,4", "124" or [] -> a sorted tuple of step numbers."""
    if steps is None:
        return ALL_STEPS
    if isinstance(steps, str):
        items: Iterable[Any] = [c for c in steps.replace(",", " ").split()] if ("," in steps or " " in steps) \
            else list(steps)
    elif isinstance(steps, int):
        items = [steps]
    else:
        items = steps
    out = set()
    for s in items:
        try:
            n = int(s)
        except (TypeError, ValueError):
            n = 0
        if n not in ALL_STEPS:
            raise MappingError(f"h2h steps are numbers among {ALL_STEPS}, got {steps!r}", item="steps")
        out.add(n)
    return tuple(sorted(out))


def single_accelerator_assign(problem: Problem) -> np.ndarray:
    """Step 1 off: everything on the accelerator with the least total compute time."""
    lat = problem.scheduler.cost_table.compute_latency_s
    ok = problem.feasible
    total = np.where(ok, lat, 0.0).sum(axis=0) + np.where(ok, 0.0, np.inf).sum(axis=0)
    if np.isfinite(total).any():
        return np.full(problem.num_layers, int(np.argmin(total)), dtype=np.int64)
    return np.argmin(np.where(ok, lat, np.inf), axis=1).astype(np.int64)


def chain_sequence(problem: Problem, assign: np.ndarray) -> list[int]:
    """A topological order that runs a layer's ready consumer on the same accelerator (same model)
    right after it, so its input stays on chip; otherwise the ready layer first in the scheduler's
    ``default_order``."""
    sched = problem.scheduler
    models = _models(sched)
    indeg = sched.in_degree.copy()
    prio = np.empty(problem.num_layers, dtype=np.int64)
    prio[sched.default_order] = np.arange(problem.num_layers)
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
        self.best: Solution | None = None
        self.best_score = np.inf
        self.trace: dict[str, float] = {}

    def resident(self, assign: np.ndarray) -> np.ndarray:
        if 2 in self.steps:
            return knapsack_resident(self.sched, assign, self.value, buckets=self.buckets)
        return np.zeros(len(assign), dtype=bool)

    def true_scores(self, sols: list[Solution]) -> np.ndarray:
        """Objective of each solution exactly as ``Scheduler.evaluate`` scores its Mapping."""
        orders = [self.p.processing_order(s.assign, s.order) for s in sols]
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

    def ordered(self, assign: np.ndarray, resident: np.ndarray, chain: bool) -> Solution:
        if not chain:
            return Solution(assign, resident)
        return Solution(assign, resident, orders_from_sequence(assign, chain_sequence(self.p, assign)))


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


def _best_prefix(search: _Search, cur: Solution, better: np.ndarray, layers: np.ndarray, accs: np.ndarray,
                 order: np.ndarray | None, max_prefix: int) -> tuple[Solution, float, int] | None:
    """Apply the improving moves ``better`` (best first, one per layer) as cumulative prefixes, scored
    in one batch; return the best prefix as (solution, its exact objective, number of moves)."""
    p = search.p
    chosen: list[tuple[int, int]] = []
    seen: set[int] = set()
    for c in better:
        if int(layers[c]) not in seen:
            seen.add(int(layers[c]))
            chosen.append((int(layers[c]), int(accs[c])))
        if len(chosen) >= max_prefix:
            break
    prefixes = [_apply(search, cur.assign, cur.resident, chosen[:k]) for k in range(1, len(chosen) + 1)]
    pa = np.stack([x[0] for x in prefixes])
    pr = np.stack([x[1] for x in prefixes])
    pscores = p.score(p.evaluate(pa, pr, order))
    k = int(np.argmin(pscores))
    if cur.order is None:    # the scheduler's default order: these scores are exact
        sol = Solution(pa[k], pr[k])
        search.note(sol, float(pscores[k]))
        return sol, float(pscores[k]), k + 1
    sol = Solution(pa[k], pr[k], orders_from_sequence(pa[k], order))
    best, score = search.offer("step4 prefix", [sol])
    return best, score, k + 1


def _remap(search: _Search, start: Solution, start_score: float, chain: bool, max_passes: int,
           max_prefix: int, wide: bool) -> tuple[Solution, float, int, int]:
    p = search.p
    cur, cur_score = start, start_score
    passes = moves_done = 0
    while passes < max_passes and p.time_left_s() > 0:
        passes += 1
        layers, accs = _move_candidates(p, cur.assign, wide)
        if not len(layers):
            break
        C = len(layers)
        cand = np.repeat(cur.assign[None, :], C, axis=0)
        cand[np.arange(C), layers] = accs
        res = np.repeat(cur.resident[None, :], C, axis=0)
        res[np.arange(C), layers] = False
        if 2 in search.steps:   # a moved layer keeps residency where its weights fit the free space
            W, cap = search.sched.weight_bytes, search.sched.dram_capacity_bytes
            used = np.bincount(cur.assign, weights=W * cur.resident, minlength=p.num_accelerators)
            res[np.arange(C), layers] = (W[layers] > 0) & (used[accs] + W[layers] <= cap[accs])
        order = p.processing_order(cur.assign, cur.order)
        scores = p.score(p.evaluate(cand, res, order))
        better = np.flatnonzero(scores < cur_score * (1 - 1e-12))
        if len(better):
            better = better[np.argsort(scores[better], kind="stable")]
            step = _best_prefix(search, cur, better, layers, accs, order, max_prefix)
            if step is not None and step[1] < cur_score * (1 - 1e-12):
                cur, cur_score = step[0], step[1]
                moves_done += step[2]
                continue
        # no single move helps: refresh what the passes approximate (the knapsack, the chain order)
        options = []
        if 2 in search.steps:
            options.append(Solution(cur.assign, search.resident(cur.assign), cur.order))
        if chain:
            options += [search.ordered(cur.assign, o.resident, True) for o in (cur, *options)]
        if not options:
            break
        best, score = search.offer(f"step4 refresh {passes}", options)
        if not score < cur_score * (1 - 1e-12):
            break
        cur, cur_score = best, score
    return cur, cur_score, passes, moves_done


@register("h2h")
def h2h(problem: Problem, steps: Any = ALL_STEPS, max_passes: int = 200, max_prefix: int | None = None,
        buckets: int = 4096, wide_moves: int = 600) -> Solution:
    """See the module docstring. ``max_prefix``: most moves accepted per pass (default L / 8, >= 8);
    step 4 also tries moves to accelerators no neighbour uses when that is at most ``wide_moves``
    candidates per pass (L x (A - 1)); 0 keeps to the paper's producer/consumer moves."""
    steps = parse_steps(steps)
    t0 = time.perf_counter()
    search = _Search(problem, steps, buckets)
    L = problem.num_layers
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
        cur, cur_score = search.offer("step2", [Solution(cur.assign, search.resident(cur.assign)), cur])
    chain = False
    if 3 in steps:
        chained = search.ordered(cur.assign, cur.resident, True)
        best, score = search.offer("step3", [cur, chained])
        chain = best is chained
        cur, cur_score = best, score
    passes = moves = 0
    if 4 in steps:
        wide = L * (problem.num_accelerators - 1) <= wide_moves
        cur, cur_score, passes, moves = _remap(search, cur, cur_score, chain, max_passes,
                                               max_prefix or max(8, L // 8), wide)
        search.trace["step4"] = cur_score
    assert search.best is not None
    extras = {"steps": list(steps), "step_objective": search.trace, "passes": passes, "moves": moves,
              "chain_order": chain, "search_s": time.perf_counter() - t0}
    return Solution(search.best.assign, search.best.resident, search.best.order, extras)
