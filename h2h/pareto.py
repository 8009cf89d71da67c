"""Pareto fronts and hypervolume, shared by FL-NAS, co-design and the benchmarks.

Objectives are declared as ``llm_agents.task.Objective`` (name, direction ``min``/``max``,
priority), the same objects the agents see, so "better" means one thing everywhere. Internally
every objective is turned into a quantity to *minimise* (``max`` columns are negated) before
non-dominated sorting (pymoo's :class:`NonDominatedSorting`) and hypervolume (pymoo's ``HV``).

Hypervolumes of different runs are only comparable under one :class:`Normalisation`: build it
from the union of all the runs' points (:meth:`Normalisation.from_points`), which maps the ideal
point of the union to 0 and its nadir to 1 in every objective; the reference point is then
``ref`` (default 1.1) in every normalised objective, the usual choice that lets the extreme
points of the front contribute volume.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from llm_agents.task import Objective

DEFAULT_REF = 1.1


def objectives_from(raw: Iterable[Any]) -> tuple[Objective, ...]:
    """Objectives from ``Objective`` objects or ``{name, direction, priority?}`` dicts."""
    return tuple(Objective.from_dict(o, i) for i, o in enumerate(raw))


def loss_matrix(rows: Sequence[Mapping[str, Any]], objectives: Sequence[Objective]) -> np.ndarray:
    """``(n, m)`` array of objective values to minimise; missing or non-finite values are ``inf``."""
    return np.array([[o.loss(r) for o in objectives] for r in rows], dtype=float).reshape(
        len(rows), len(objectives))


def non_dominated(F: np.ndarray) -> np.ndarray:
    """Boolean mask of the rows of the minimisation matrix ``F`` that no other row dominates.

    Rows with a non-finite entry never belong to the front. Equal rows are all kept.
    """
    F = np.asarray(F, dtype=float)
    mask = np.zeros(len(F), dtype=bool)
    ok = np.flatnonzero(np.isfinite(F).all(axis=1)) if F.size else np.arange(0)
    if len(ok) == 0:
        return mask
    from pymoo.util.nds.non_dominated_sorting import NonDominatedSorting

    front = NonDominatedSorting().do(F[ok], only_non_dominated_front=True)
    mask[ok[np.asarray(front, dtype=int)]] = True
    return mask


def pareto_rows(rows: Sequence[Mapping[str, Any]], objectives: Sequence[Objective]) -> list[int]:
    """Indices of the non-dominated rows (metrics dicts), in their original order."""
    return [int(i) for i in np.flatnonzero(non_dominated(loss_matrix(rows, objectives)))]


@dataclass(frozen=True)
class Normalisation:
    """Affine map of minimisation values: ``ideal`` -> 0, ``nadir`` -> 1, per objective."""

    ideal: tuple[float, ...]
    nadir: tuple[float, ...]

    @classmethod
    def from_points(cls, *arrays: np.ndarray) -> "Normalisation":
        """From the finite rows of one or more minimisation matrices (the union of runs).

        Only non-dominated points of the union set the nadir, so one terrible design does not
        squash every front into a corner.
        """
        parts = [np.asarray(a, dtype=float) for a in arrays if np.asarray(a).size]
        if not parts:
            raise ValueError("no points to normalise")
        F = np.vstack(parts)
        F = F[np.isfinite(F).all(axis=1)]
        if not len(F):
            raise ValueError("no finite points to normalise")
        front = F[non_dominated(F)]
        return cls(tuple(float(x) for x in front.min(axis=0)), tuple(float(x) for x in front.max(axis=0)))

    def apply(self, F: np.ndarray) -> np.ndarray:
        ideal, nadir = np.asarray(self.ideal), np.asarray(self.nadir)
        span = np.where(nadir > ideal, nadir - ideal, 1.0)  # a flat objective maps to 0
        return (np.asarray(F, dtype=float) - ideal) / span

    def to_dict(self) -> dict[str, list[float]]:
        return {"ideal": list(self.ideal), "nadir": list(self.nadir)}


def hypervolume(F: np.ndarray, norm: Normalisation, *, ref: float = DEFAULT_REF) -> float:
    """Hypervolume of the minimisation matrix ``F`` after ``norm``, with reference ``ref``.

    Non-finite rows and points that do not dominate the reference point add nothing.
    """
    F = np.asarray(F, dtype=float)
    if F.size == 0:
        return 0.0
    F = F[np.isfinite(F).all(axis=1)]
    if not len(F):
        return 0.0
    Z = norm.apply(F)
    Z = Z[(Z < ref).all(axis=1)]
    if not len(Z):
        return 0.0
    from pymoo.indicators.hv import HV

    return float(HV(ref_point=np.full(Z.shape[1], ref))(Z))


def hypervolume_curve(F: np.ndarray, norm: Normalisation, *, ref: float = DEFAULT_REF) -> np.ndarray:
    """Hypervolume of the first ``k`` rows of ``F`` for every ``k`` (in evaluation order).

    Recomputed only when a row enters the running front, so a curve over a few hundred
    evaluations stays cheap.
    """
    F = np.asarray(F, dtype=float)
    out = np.zeros(len(F))
    current = 0.0
    front = np.empty((0, F.shape[1])) if F.ndim == 2 else np.empty((0, 0))
    for k, row in enumerate(F):
        # a row adds volume only if finite and no front point is at least as good everywhere
        if np.isfinite(row).all() and not (front <= row).all(axis=1).any():
            front = np.vstack([front, row])
            front = front[non_dominated(front)]
            current = hypervolume(front, norm, ref=ref)
        out[k] = current
    return out


def evaluations_to_reach(curve: np.ndarray, target: float) -> int | None:
    """1-based number of evaluations after which ``curve`` first reaches ``target`` (None if never)."""
    hit = np.flatnonzero(np.asarray(curve) >= target - 1e-12)
    return int(hit[0]) + 1 if len(hit) else None


def fewest_to_reach(F: np.ndarray, norm: Normalisation, target: float, *,
                    ref: float = DEFAULT_REF) -> tuple[int | None, int]:
    """How few rows of ``F`` can reach hypervolume ``target``: ``(greedy, lower)``.

    ``greedy`` is the number of rows greedy hypervolume subset selection takes to reach it (None
    if all of ``F`` falls short), so it can be done in that many. ``lower`` is a bound no
    selection beats: hypervolume is submodular, so any k rows reach at most ``HV(G_j) + k * gain_j``
    for every greedy set ``G_j`` and its largest single gain ``gain_j``. Benchmarks use it to ask
    how many designs even a perfect proposer needs.
    """
    rows, lower = greedy_to_reach(F, norm, target, ref=ref)
    return (None if rows is None else len(rows)), lower


def greedy_to_reach(F: np.ndarray, norm: Normalisation, target: float, *,
                    ref: float = DEFAULT_REF) -> tuple[list[int] | None, int]:
    """The rows of ``F`` (indices, in the order chosen) that greedy hypervolume subset selection
    takes to reach ``target`` (None if all of ``F`` falls short), and the lower bound of
    :func:`fewest_to_reach`."""
    F = np.asarray(F, dtype=float)
    finite = np.flatnonzero(np.isfinite(F).all(axis=1)) if F.size else np.zeros(0, dtype=int)
    if target <= 0:
        return [], 0
    if not len(finite):
        return None, 0
    pool_rows = finite[non_dominated(F[finite])]
    pool = F[pool_rows]
    chosen: list[int] = []
    current, lower = 0.0, 1
    while current < target - 1e-12:
        rest = [i for i in range(len(pool)) if i not in chosen]
        if not rest:
            return None, lower
        gains = [hypervolume(pool[chosen + [i]], norm, ref=ref) - current for i in rest]
        best = int(np.argmax(gains))
        if gains[best] <= 0:
            return None, lower
        lower = max(lower, int(np.ceil((target - current) / gains[best] - 1e-9)))
        chosen.append(rest[best])
        current += gains[best]
    return [int(pool_rows[i]) for i in chosen], min(lower, len(chosen))
