"""``compute_priority``: the baseline H2H compares against.

Layers are taken in the workload's topological order; each goes to the accelerator that would
*finish it first on computation alone*: ``max(accelerator free, inputs computed) + compute latency``
from the CostTable. Communication, weight loading and residency are ignored when choosing (they are
of course paid when the scheduler evaluates the result). No weights are resident.
"""
from __future__ import annotations

import numpy as np

from .base import Problem, Solution, register


def compute_priority_assign(problem: Problem) -> np.ndarray:
    """[L] accelerator indices chosen by earliest computation finish time."""
    sched = problem.scheduler
    lat = np.where(problem.feasible, sched.cost_table.compute_latency_s, np.inf)
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


@register("compute_priority")
def compute_priority(problem: Problem) -> Solution:
    assign = compute_priority_assign(problem)
    return Solution(assign, np.zeros(len(assign), dtype=bool))
