"""``brute_force``: every mapping of a tiny workload, scored by the scheduler in batches.

It enumerates every feasible assignment and, with ``orders=True``, every distinct per-accelerator
order (all topological orders, reduced to what a :class:`~h2h.schedule.Mapping` can express: the
per-accelerator sequences, merged by the scheduler's rule, lowest layer index first; with
``free_sequence=True`` every topological order as the mapping's whole processing ``sequence``), and with
``residency="subsets"`` every set of resident weights (over-capacity sets are invalid); the default
``residency="knapsack"`` uses the weight-locality knapsack of each assignment, ``"none"`` keeps no
weights resident. It is the reference the other mappers are tested against; it refuses instances
with more than ``max_candidates`` candidates.
"""
from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import numpy as np

from ..errors import MappingError
from .base import Problem, Solution, check_bool, check_int, orders_from_sequence, register
from .residency import knapsack_resident, residency_value


def topological_orders(preds: list[list[int]], limit: int) -> Iterator[list[int]]:
    """Every topological order of a DAG given as predecessor lists (at most ``limit``)."""
    L = len(preds)
    succs: list[list[int]] = [[] for _ in range(L)]
    indeg = [len(p) for p in preds]
    for j, ps in enumerate(preds):
        for i in ps:
            succs[i].append(j)
    seq: list[int] = []
    count = 0

    def rec() -> Iterator[list[int]]:
        nonlocal count
        if len(seq) == L:
            count += 1
            if count > limit:
                raise MappingError(f"more than {limit} topological orders within the brute-force budget",
                                   item="brute_force")
            yield list(seq)
            return
        for j in range(L):
            if indeg[j] == 0 and j not in seq_set:
                seq.append(j)
                seq_set.add(j)
                for s in succs[j]:
                    indeg[s] -= 1
                yield from rec()
                for s in succs[j]:
                    indeg[s] += 1
                seq.pop()
                seq_set.discard(j)

    seq_set: set[int] = set()
    yield from rec()


def _candidates(problem: Problem, orders: bool, residency: str, max_candidates: int, free_sequence: bool):
    sched = problem.scheduler
    L = problem.num_layers
    preds = [[i for i, _ in p] for p in sched.preds]
    choices = [np.flatnonzero(problem.feasible[l]).tolist() for l in range(L)]
    n_assign = float(np.prod([len(c) for c in choices], dtype=np.float64))
    weighted = np.flatnonzero(sched.weight_bytes > 0)
    n_res = 2.0 ** len(weighted) if residency == "subsets" else 1.0
    if n_assign * n_res > max_candidates:
        raise MappingError(f"{n_assign:.3g} assignments x {n_res:.3g} resident sets is too many for brute "
                           f"force (max {max_candidates} candidates)", item="brute_force")
    topo = (list(topological_orders(preds, int(max_candidates // (n_assign * n_res))))
            if orders else [sched.default_order.tolist()])
    value = residency_value(sched, problem.objective)
    subsets = [np.zeros(L, dtype=bool)]
    if residency == "subsets":
        subsets = []
        for bits in itertools.product((False, True), repeat=len(weighted)):
            r = np.zeros(L, dtype=bool)
            r[weighted] = bits
            subsets.append(r)
    for combo in itertools.product(*choices):
        assign = np.array(combo, dtype=np.int64)
        seen = set()
        for seq in topo:
            merged = tuple(seq) if free_sequence else tuple(sched.merge_sequence(assign, seq).tolist())
            if merged in seen:
                continue
            seen.add(merged)
            if residency == "knapsack":
                res_sets = [knapsack_resident(sched, assign, value)]
            elif residency == "none":
                res_sets = [np.zeros(L, dtype=bool)]
            else:
                res_sets = subsets
            for r in res_sets:
                yield assign, r, merged


def brute_force_options(orders: Any, residency: Any, max_candidates: Any, batch: Any,
                        free_sequence: Any) -> tuple[bool, str, int, int, bool]:
    """The checked option values of :func:`brute_force`."""
    if not isinstance(residency, str) or residency not in ("knapsack", "none", "subsets"):
        raise MappingError(f"must be knapsack, none or subsets, got {residency!r}", item="residency")
    return (check_bool("orders", orders), residency, check_int("max_candidates", max_candidates),
            check_int("batch", batch), check_bool("free_sequence", free_sequence))


@register("brute_force", options=brute_force_options)
def brute_force(problem: Problem, orders: bool = True, residency: str = "knapsack",
                max_candidates: int = 200_000, batch: int = 4096, free_sequence: bool = False) -> Solution:
    orders, residency, max_candidates, batch, free_sequence = brute_force_options(
        orders, residency, max_candidates, batch, free_sequence)
    best = (np.inf, None)
    count = 0
    gen = _candidates(problem, orders or free_sequence, residency, max_candidates, free_sequence)
    while True:
        chunk = list(itertools.islice(gen, batch))
        if not chunk:
            break
        count += len(chunk)
        if count > max_candidates:
            raise MappingError(f"more than {max_candidates} candidates for brute force", item="brute_force")
        assign = np.stack([c[0] for c in chunk])
        res = np.stack([c[1] for c in chunk])
        order = np.array([c[2] for c in chunk], dtype=np.int64)
        scores = problem.score(problem.evaluate(assign, res, order))
        k = int(np.argmin(scores))
        if scores[k] < best[0]:
            best = (float(scores[k]), chunk[k])
    if best[1] is None:
        raise MappingError("no valid mapping exists", item="brute_force")
    assign, res, merged = best[1]
    order = orders_from_sequence(assign, merged) if orders or free_sequence else None
    return Solution(assign, res, order, {"candidates": count, "objective_value": best[0]},
                    np.array(merged, dtype=np.int64) if free_sequence else None)
