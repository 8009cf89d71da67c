"""Uniform random proposals: the baseline every comparison needs.

Each variable is drawn uniformly from its allowed values and designs that break a constraint or
repeat an evaluated one are rejected, within a bounded number of draws. The random stream is
seeded by ``(seed, task digest)``, so the same task always gets the same answer.
"""
from __future__ import annotations

import random

from .collect import Collector
from .task import Proposal, Task


def seeded_rng(kind: str, seed: int, task: Task) -> random.Random:
    """A generator that depends only on the agent kind, its seed and the task."""
    return random.Random(f"{kind}:{seed}:{task.digest()}")


def fill_randomly(task: Task, collector: Collector, rng: random.Random, max_draws: int) -> dict[str, int]:
    """Draw uniform designs into ``collector`` until it is full or ``max_draws`` is spent;
    returns counts of what happened to the draws."""
    counts = {"draws": 0, "infeasible": 0, "duplicates": 0}
    while collector.missing > 0 and counts["draws"] < max_draws:
        counts["draws"] += 1
        candidate = task.space.sample(rng)
        if not task.space.feasible(candidate):
            counts["infeasible"] += 1
        elif collector.known(candidate):
            counts["duplicates"] += 1
        else:
            collector.offer(candidate)
    return counts


class RandomAgent:
    """Uniform valid proposals; reports in ``notes`` when it cannot find enough."""

    def __init__(self, seed: int = 0, *, draws_per_candidate: int = 500) -> None:
        self.seed = int(seed)
        self.draws_per_candidate = int(draws_per_candidate)
        self.name = f"random(seed={self.seed})"

    def propose(self, task: Task) -> Proposal:
        collector = Collector(task)
        counts = fill_randomly(task, collector, seeded_rng("random", self.seed, task),
                               self.draws_per_candidate * task.n)
        notes = (f"{len(collector.candidates)} of {task.n} uniform designs after {counts['draws']} draws "
                 f"({counts['infeasible']} broke a constraint, {counts['duplicates']} were duplicates)")
        if collector.missing > 0:
            notes += "; gave up: the feasible, unexplored part of the space looks too small for uniform sampling"
        return collector.proposal([{"event": "random", "detail": notes}], notes)
