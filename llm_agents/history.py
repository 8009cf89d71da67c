"""What the history says: objective vectors, the Pareto front and the best design so far.

Every agent reads the history through these few functions, so "better" means the same thing to
the prompt (best design so far), the heuristic (which designs to perturb) and the tests.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any

from .task import Evaluated, Task


def loss_vector(task: Task, entry: Evaluated) -> tuple[float, ...]:
    """The entry's objectives as quantities to minimise, most important first."""
    return tuple(o.loss(entry.metrics) for o in task.ranked_objectives)


def evaluated_ok(task: Task) -> list[tuple[Evaluated, tuple[float, ...]]]:
    """History entries whose every objective is a finite number, with their loss vectors."""
    out = []
    for entry in task.history:
        vec = loss_vector(task, entry)
        if all(math.isfinite(x) for x in vec):
            out.append((entry, vec))
    return out


def dominates(a: Sequence[float], b: Sequence[float]) -> bool:
    return all(x <= y for x, y in zip(a, b)) and any(x < y for x, y in zip(a, b))


def _front(pool: list[tuple[Evaluated, tuple[float, ...]]]) -> list[tuple[Evaluated, tuple[float, ...]]]:
    """The non-dominated entries of ``pool``, one per loss vector, sorted by the first objective."""
    unique: dict[tuple[float, ...], tuple[Evaluated, tuple[float, ...]]] = {}
    for e, v in pool:
        if not any(dominates(w, v) for _, w in pool):
            unique.setdefault(v, (e, v))
    return sorted(unique.values(), key=lambda ev: ev[1])


def pareto_front(task: Task) -> list[tuple[Evaluated, tuple[float, ...]]]:
    """The non-dominated successfully evaluated entries, sorted by the most important objective."""
    return _front(evaluated_ok(task))


def feasible_front(task: Task) -> list[tuple[Evaluated, tuple[float, ...]]]:
    """:func:`pareto_front` among the entries that met every constraint (``constraint_violation``
    absent or 0), if any did."""
    ok = evaluated_ok(task)
    return _front([(e, v) for e, v in ok if not violates(e.metrics)] or ok)


def violates(metrics: Mapping[str, Any]) -> bool:
    """Whether the entry broke a budget or a metric bound (``constraint_violation`` > 0)."""
    value = metrics.get("constraint_violation", 0)
    return isinstance(value, (int, float)) and value > 0


def best(task: Task) -> Evaluated | None:
    """The best entry by objective priority (lexicographic), or ``None`` before any success."""
    ok = evaluated_ok(task)
    return min(ok, key=lambda ev: ev[1])[0] if ok else None
