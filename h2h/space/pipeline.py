"""One evaluation pipeline for every search: decode -> map -> metrics, memoised.

``evaluate_candidate`` decodes a candidate into ``(Workload, System, mapper)``, maps it with
``h2h.mappers.map_workload`` (the same call ``h2h map`` makes; h2h by default), and reports
``latency_s`` and ``energy_j`` from the cost model and scheduler, ``area_mm2`` from the space's
area model, plus every metric of the evaluator (accuracy, unfairness...) on the architecture spec.

* A candidate over a budget is not mapped: it comes back with ``constraint_violation > 0``
  and only ``area_mm2``, so NSGA-II can rank it by violation and FL-NAS records it.
* ``metric_bounds`` (e.g. ``{"latency_s": {"le": 0.002}, "accuracy": {"ge": 0.8}}``) are
  outcome constraints: a scored candidate outside them keeps its metrics but gets a
  ``constraint_violation`` (the relative overshoot, summed with the budgets').
* A candidate that cannot be scored (no table row, a layer that fits no accelerator) comes back
  with ``error`` set; the search records it and carries on.
* A :class:`CandidateEvaluator` memoises by canonical candidate: a repeat costs nothing, returns
  the first result with ``repeat=True``, and is counted in ``repeats``.
"""
from __future__ import annotations

import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from workloads.errors import H2HError

from .space import Space

HARDWARE_METRICS = ("latency_s", "energy_j", "area_mm2")

#: Mapper options a search uses unless its ``map_options`` say otherwise. A search maps hundreds of
#: candidates, so h2h runs without its random restarts there: on NB201 networks that is 8-13x faster
#: per mapping, with the same latency on most candidates and at most ~6% more on the others
#: (benchmarks/results/search_mapping.md). Its effort is ``thorough`` (pairs, reorders, the full
#: move scoring) so that search results are those measured there; ``map_options: {restarts: null}``
#: brings the restarts (and GRASP) back inside a search.
SEARCH_MAP_DEFAULTS: Mapping[str, Mapping[str, Any]] = {"h2h": {"effort": "thorough", "restarts": 0}}


@dataclass(frozen=True)
class Evaluation:
    """What one candidate scored."""

    candidate: Mapping[str, Any]
    metrics: Mapping[str, float] = field(default_factory=dict)
    constraint_violation: float = 0.0
    error: str = ""
    repeat: bool = False
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        """Scored and within every budget."""
        return not self.error and self.constraint_violation <= 0

    def objective_values(self, names: list[str] | tuple[str, ...]) -> list[float]:
        return [float(self.metrics.get(n, math.nan)) for n in names]


class CandidateEvaluator:
    """``evaluate_candidate`` with a cache; call it on candidates (validated against the space).

    ``map_options`` go to ``h2h.mappers.map_workload`` (e.g. a seed or time limit), on top of
    ``SEARCH_MAP_DEFAULTS`` for the candidate's mapper.
    """

    def __init__(self, space: Space, evaluator: Any = None, *, map_options: Mapping[str, Any] | None = None,
                 metric_bounds: Mapping[str, Mapping[str, float]] | None = None,
                 evaluate_infeasible: bool = False) -> None:
        if evaluator is not None and getattr(space.arch, "family", None) in ("fixed", "scenario"):
            raise H2HError("an evaluator needs an architecture family (nb201, mbv2, mmmt), not a "
                           "fixed workload or scenario", item="evaluator")
        self.space = space
        self.evaluator = evaluator
        self.map_options = dict(map_options or {})
        self.evaluate_infeasible = evaluate_infeasible
        self.metric_bounds = {k: dict(v) for k, v in (metric_bounds or {}).items()}
        unknown = sorted(set(self.metric_bounds) - set(self.metrics))
        if unknown:
            raise H2HError(f"unknown metric(s) {unknown}; this pipeline reports {', '.join(self.metrics)}",
                           item="metric_bounds")
        self.cache: dict[str, Evaluation] = {}
        self.evaluations = 0   # distinct candidates evaluated
        self.repeats = 0       # calls answered from the cache

    @property
    def metrics(self) -> tuple[str, ...]:
        """Every metric name a successful evaluation reports."""
        extra = tuple(m.name for m in self.evaluator.metrics) if self.evaluator is not None else ()
        return HARDWARE_METRICS + tuple(getattr(self.space.arch, "metrics", {})) + extra

    def options_for(self, mapper: str) -> dict[str, Any]:
        """The options a candidate mapped with ``mapper`` gets (search defaults, then the user's)."""
        return {**SEARCH_MAP_DEFAULTS.get(mapper, {}), **self.map_options}

    def __call__(self, candidate: Mapping[str, Any]) -> Evaluation:
        cand = self.space.canonical(candidate)
        key = self.space.key(cand)
        hit = self.cache.get(key)
        if hit is not None:
            self.repeats += 1
            return replace(hit, repeat=True)
        result = self._evaluate(cand)
        self.cache[key] = result
        self.evaluations += 1
        return result

    def _evaluate(self, cand: dict[str, Any]) -> Evaluation:
        from h2h.evaluators.base import EvaluationError
        from h2h.mappers import map_workload

        start = time.perf_counter()
        space = self.space
        metrics: dict[str, float] = {"area_mm2": space.area_mm2(cand)}
        violation = space.constraint_violation(cand)
        if violation > 0 and not self.evaluate_infeasible:
            return Evaluation(cand, metrics, violation, seconds=time.perf_counter() - start)
        try:
            if self.evaluator is not None:
                scores = self.evaluator.evaluate(space.arch_spec(cand))
                metrics.update({k: float(v) for k, v in scores.items()})
            workload, system, mapper = space.decode(cand)
            if getattr(space.arch, "family", None) == "scenario":
                metrics.update(scenario_metrics(workload, system, space.arch.policy, space.arch.costs))
            else:
                mapped = map_workload(workload, system, mapper=mapper, **self.options_for(mapper))
                metrics["latency_s"] = float(mapped.latency_s)
                metrics["energy_j"] = float(mapped.energy_j)
        except (EvaluationError, H2HError) as e:
            return Evaluation(cand, metrics, violation, error=" ".join(str(e).split()),
                              seconds=time.perf_counter() - start)
        ordered = {k: metrics[k] for k in (*HARDWARE_METRICS, *sorted(set(metrics) - set(HARDWARE_METRICS)))
                   if k in metrics}
        violation += bound_violation(ordered, self.metric_bounds)
        return Evaluation(cand, ordered, violation, seconds=time.perf_counter() - start)


def scenario_metrics(scenario: Any, system: Any, policy: str, costs: str) -> dict[str, float]:
    """A scenario's metrics on a system: ``xrbench_score`` (0-100), ``latency_s`` (mean response
    time, release to completion, of the completed frames; inf if none) and ``energy_j`` (energy of
    all frames run, per second of the scenario)."""
    from h2h.realtime import realtime

    r = realtime(scenario, system, policy, costs=costs)
    done = [f for f in r.frames if f.status == "done"]
    latency_ms = sum(f.completion_ms - f.release_ms for f in done) / len(done) if done else math.inf
    energy_mj = sum(f.energy_mj for f in r.frames)
    return {"xrbench_score": float(r.overall_score), "latency_s": latency_ms * 1e-3,
            "energy_j": energy_mj * 1e-3 / (scenario.duration_ms * 1e-3)}


def bound_violation(metrics: Mapping[str, float], bounds: Mapping[str, Mapping[str, float]]) -> float:
    """Sum over ``bounds`` ({metric: {"le"|"ge": value}}) of the overshoot relative to the bound."""
    total = 0.0
    for name, bound in bounds.items():
        value = metrics.get(name)
        if value is None:
            continue
        for op, limit in bound.items():
            over = value - limit if op == "le" else limit - value
            if over > 0:
                total += over / abs(limit) if limit else over
    return total


def evaluate_candidate(candidate: Mapping[str, Any], space: Space, evaluator: Any = None, *,
                       cache: CandidateEvaluator | None = None, **map_options: Any) -> Evaluation:
    """Decode, map and score one candidate; pass ``cache`` (a CandidateEvaluator) to memoise."""
    if cache is None:
        cache = CandidateEvaluator(space, evaluator, map_options=map_options)
    elif cache.space is not space:
        raise ValueError("the cache belongs to another space")
    return cache(candidate)
