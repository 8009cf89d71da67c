"""``nsga2``: pymoo NSGA-II over the mapping vector, for latency x energy.

A candidate is an integer vector, the accelerator of each layer; genes that name an accelerator
that cannot run the layer are repaired to a random one that can. Residency follows each candidate:
the value-per-byte greedy of :mod:`.residency` (batched). The whole population is scored in one
``Scheduler.evaluate_batch`` call per generation. The initial population holds the h2h and
compute_priority solutions plus uniform random mappings; every scored candidate is archived, and the
result's ``front`` is the non-dominated set of the archive (the seeds included, with their own
residency and order), each point ``{latency_s, energy_j, mapping}``. The main answer is the front's
best point for the objective (latency, energy or edp); ``knee`` names the front point closest to the
ideal after normalising both axes.
"""
from __future__ import annotations

import time
from typing import Any

import numpy as np

from .base import Problem, Solution, check_int, register
from .compute_priority import compute_priority_assign
from .random_mapper import random_assign
from .residency import greedy_resident, residency_value

DEFAULT_TIME_LIMIT_S = 30.0


class _Archive:
    """Every scored candidate: assign, resident, order (or None), latency, energy, sequence (or None)."""

    def __init__(self) -> None:
        self.rows: list[tuple[np.ndarray, np.ndarray, Any, float, float, Any]] = []

    def add(self, assign: np.ndarray, resident: np.ndarray, order: Any, lat: np.ndarray, en: np.ndarray,
            sequence: Any = None) -> None:
        for b in range(len(lat)):
            if np.isfinite(lat[b]) and np.isfinite(en[b]):
                self.rows.append((assign[b].copy(), resident[b].copy(), order, float(lat[b]), float(en[b]),
                                  sequence))

    def front(self) -> list[int]:
        from ..pareto import non_dominated

        F = np.array([[r[3], r[4]] for r in self.rows])
        mask = non_dominated(F)
        idx = np.flatnonzero(mask)
        # one point per distinct (latency, energy)
        seen, out = set(), []
        for i in idx[np.argsort(F[idx, 0], kind="stable")]:
            key = (round(F[i, 0], 15), round(F[i, 1], 15))
            if key not in seen:
                seen.add(key)
                out.append(int(i))
        return out


def _problem_class():
    from pymoo.core.problem import Problem as PymooProblem

    class MappingProblem(PymooProblem):
        """Minimise (latency_s, energy_j) over accelerator indices per layer."""

        def __init__(self, p: Problem, value: np.ndarray, archive: _Archive, rng: np.random.Generator) -> None:
            super().__init__(n_var=p.num_layers, n_obj=2, xl=0, xu=p.num_accelerators - 1, vtype=int)
            self.p, self.value, self.archive, self.rng = p, value, archive, rng

        def repair(self, X: np.ndarray) -> np.ndarray:
            X = np.clip(np.rint(X), 0, self.p.num_accelerators - 1).astype(np.int64)
            bad = ~self.p.feasible[np.arange(self.p.num_layers)[None, :], X]
            if bad.any():
                fresh = random_assign(self.p.feasible, self.rng, len(X))
                X = np.where(bad, fresh, X)
            return X

        def _evaluate(self, X, out, *args, **kwargs):
            assign = self.repair(np.asarray(X))
            resident = greedy_resident(self.p.scheduler, assign, self.value)
            batch = self.p.evaluate(assign, resident)
            self.archive.add(assign, resident, None, batch.latency_s, batch.energy_j)
            out["F"] = np.stack([batch.latency_s, batch.energy_j], axis=1)

    return MappingProblem


def _operators(p: Problem, rng: np.random.Generator):
    from pymoo.core.mutation import Mutation
    from pymoo.operators.crossover.ux import UniformCrossover

    class ResetMutation(Mutation):
        """Each gene, with probability 1/L, to a random accelerator that can run the layer."""

        def _do(self, problem, X, **kwargs):
            X = np.asarray(X).astype(np.int64)
            hit = rng.random(X.shape) < 1.0 / max(1, X.shape[1])
            fresh = random_assign(p.feasible, rng, len(X))
            return np.where(hit, fresh, X)

    return UniformCrossover(), ResetMutation()


def nsga2_options(pop_size: Any, generations: Any) -> tuple[int, int]:
    """The checked option values of :func:`nsga2`."""
    return check_int("pop_size", pop_size), check_int("generations", generations)


@register("nsga2", options=nsga2_options)
def nsga2(problem: Problem, pop_size: int = 64, generations: int = 60) -> Solution:
    """See the module docstring. Stops after ``generations`` or the time limit (default 30 s)."""
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.core.population import Population
    from pymoo.optimize import minimize
    from pymoo.termination.collection import TerminationCollection
    from pymoo.termination.max_gen import MaximumGenerationTermination
    from pymoo.termination.max_time import TimeBasedTermination

    from .base import to_mapping
    from .h2h_mapper import h2h

    pop_size, generations = nsga2_options(pop_size, generations)
    t0 = time.perf_counter()
    sched = problem.scheduler
    rng = np.random.default_rng(problem.seed)
    archive = _Archive()
    value = residency_value(sched, "latency" if problem.objective == "edp" else problem.objective)
    seeds = [h2h(Problem(sched, problem.objective, None, problem.seed), effort="thorough")]
    cp = compute_priority_assign(problem)
    seeds.append(Solution(cp, np.zeros(len(cp), dtype=bool)))
    for s in seeds:   # the seeds as they are (own residency, order and sequence) join the archive
        batch = problem.evaluate(s.assign[None, :], s.resident[None, :], problem.solution_order(s))
        archive.add(s.assign[None, :], s.resident[None, :], s.order, batch.latency_s, batch.energy_j, s.sequence)
    init = np.concatenate([np.stack([s.assign for s in seeds]),
                           random_assign(problem.feasible, rng, max(0, pop_size - len(seeds)))])
    crossover, mutation = _operators(problem, rng)
    pymoo_problem = _problem_class()(problem, value, archive, rng)
    algorithm = NSGA2(pop_size=pop_size, sampling=Population.new(X=init), crossover=crossover,
                      mutation=mutation, eliminate_duplicates=True)
    limit = problem.time_limit_s if problem.time_limit_s is not None else DEFAULT_TIME_LIMIT_S
    left = max(0.5, limit - (time.perf_counter() - t0))
    termination = TerminationCollection(MaximumGenerationTermination(generations), TimeBasedTermination(left))
    minimize(pymoo_problem, algorithm, termination, seed=problem.seed, verbose=False)
    front = archive.front()
    lat = np.array([archive.rows[i][3] for i in front])
    en = np.array([archive.rows[i][4] for i in front])
    key = {"latency": lat, "energy": en, "edp": lat * en}[problem.objective]
    best = front[int(np.argmin(key))]
    span_l, span_e = np.ptp(lat) or 1.0, np.ptp(en) or 1.0
    knee = front[int(np.argmin(np.hypot((lat - lat.min()) / span_l, (en - en.min()) / span_e)))]
    points = []
    for i in front:
        a, r, o, l_s, e_j, seq = archive.rows[i]
        m = to_mapping(sched, a, r, o, seq)
        point = {"latency_s": l_s, "energy_j": e_j, "mapping": dict(m.assignment)}
        if m.sequence is not None:     # the h2h seed may fix its whole processing order
            point["sequence"] = list(m.sequence)
        points.append(point)
    a, r, o, _, _, seq = archive.rows[best]
    extras = {"front": points, "knee": front.index(knee), "chosen": front.index(best),
              "evaluations": len(archive.rows), "pop_size": pop_size, "search_s": time.perf_counter() - t0}
    return Solution(a, r, o, extras, seq)
