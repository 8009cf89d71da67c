"""``random``: a uniformly random valid mapping (each layer on one of the accelerators that can run
it, independently), seeded; no resident weights, the scheduler's default order."""
from __future__ import annotations

import numpy as np

from .base import Problem, Solution, register


def random_assign(feasible: np.ndarray, rng: np.random.Generator, count: int = 1) -> np.ndarray:
    """[count, L] uniform choices among each layer's feasible accelerators."""
    L, _ = feasible.shape
    n_ok = feasible.sum(axis=1)
    pick = (rng.random((count, L)) * n_ok[None, :]).astype(np.int64)   # k-th feasible accelerator
    out = np.empty((count, L), dtype=np.int64)
    for l in range(L):
        accs = np.flatnonzero(feasible[l])
        out[:, l] = accs[pick[:, l]]
    return out


@register("random")
def random_mapper(problem: Problem) -> Solution:
    rng = np.random.default_rng(problem.seed)
    assign = random_assign(problem.feasible, rng)[0]
    return Solution(assign, np.zeros(len(assign), dtype=bool), extras={"seed": problem.seed})
