"""``compute_priority``: the baseline H2H compares against.

Layers are taken in the workload's topological order; each goes to the accelerator that would
*finish it first on computation alone*: ``max(accelerator free, inputs computed) + compute latency``
from the CostTable. Communication, weight loading and residency are ignored when choosing (they are
of course paid when the scheduler evaluates the result). No weights are resident. Under the system's
``conventions: h2h_code`` a layer holds its accelerator while its whole-layer transfers run, so the
time it counts is that occupancy (``Scheduler.occupancy_s``), as the authors' step 1 does.

``rule="joint"`` is the authors' own step 1 (``getMapping`` of xyzxinyizhang/H2H): at each step the
ready layers (all producers mapped) are taken ``min(ready, A)`` at a time; of every such subset (in
workload order) and every assignment of it to accelerators (repetition allowed), the one with the
least running makespan (latest accelerator finish) wins, the first on ties. It returns its
mapping order as the processing sequence, so the scheduler runs layers in the order it chose them.
The joint choice is exponential in A (subsets x A^A per step): meant for a few accelerators.
"""
from __future__ import annotations

from typing import Any

import itertools

import numpy as np

from ..errors import MappingError
from .base import Problem, Solution, register

RULES = ("earliest_finish", "joint")


def compute_priority_assign(problem: Problem) -> np.ndarray:
    """[L] accelerator indices chosen by earliest computation finish time."""
    sched = problem.scheduler
    lat = sched.occupancy_s()
    L, A = lat.shape
    acc_free = np.zeros(A)
    end = np.zeros(L)
    assign = np.zeros(L, dtype=np.int64)
    preds = sched.preds
    for j in sched.default_order.tolist():
        ready = max((end[i] for i, _ in preds[j]), default=0.0)
        finish = np.maximum(acc_free, ready) + lat[j]
        a = int(np.argmin(finish))
        assign[j] = a
        end[j] = finish[a]
        acc_free[a] = finish[a]
    return assign


def joint_ready_assign(problem: Problem) -> tuple[np.ndarray, np.ndarray]:
    """(assign [L], sequence [L]) of the authors' joint ready-set rule (module docstring)."""
    sched = problem.scheduler
    lat = sched.occupancy_s()
    L, A = lat.shape
    preds = [[i for i, _ in p] for p in sched.preds]
    need = np.array([len(p) for p in preds])
    acc_free = np.zeros(A)
    end = np.zeros(L)
    assign = np.zeros(L, dtype=np.int64)
    done = np.zeros(L, dtype=bool)
    sequence: list[int] = []
    while len(sequence) < L:
        ready = [int(l) for l in np.flatnonzero(~done & (need == 0))]
        best = None
        for subset in itertools.combinations(ready, min(len(ready), A)):
            for accs in itertools.product(range(A), repeat=len(subset)):
                free = acc_free.copy()
                for l, a in zip(subset, accs):
                    free[a] = max(free[a], max((end[i] for i in preds[l]), default=0.0)) + lat[l, a]
                span = free.max()
                if best is None or span < best[0]:
                    best = (span, subset, accs)
        assert best is not None
        for l, a in zip(best[1], best[2]):
            end[l] = max(acc_free[a], max((end[i] for i in preds[l]), default=0.0)) + lat[l, a]
            acc_free[a] = end[l]
            assign[l] = a
            done[l] = True
            sequence.append(l)
            for s, _ in sched.succs[l]:
                need[s] -= 1
    return assign, np.array(sequence, dtype=np.int64)


def compute_priority_options(rule: Any) -> tuple:
    """The checked option values of :func:`compute_priority`."""
    if rule not in RULES:
        raise MappingError(f"'rule' must be one of {list(RULES)}, got {rule!r}", item="rule")
    return (rule,)


@register("compute_priority", options=compute_priority_options)
def compute_priority(problem: Problem, rule: str = "earliest_finish") -> Solution:
    """``rule``: ``earliest_finish`` (default, one layer at a time) or ``joint`` (the authors'
    step 1); see the module docstring."""
    (rule,) = compute_priority_options(rule)
    if rule == "joint":
        assign, sequence = joint_ready_assign(problem)
        return Solution(assign, np.zeros(len(assign), dtype=bool), sequence=sequence)
    assign = compute_priority_assign(problem)
    return Solution(assign, np.zeros(len(assign), dtype=bool))
