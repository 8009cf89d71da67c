"""The co-design problem as a plain pymoo ``Problem`` over the shared Space's mixed variables.

Any pymoo algorithm that handles mixed variables can solve it (NSGA-II with the mixed-variable
operators, ``MixedVariableGA`` with a multi-objective survival, ...)::

    problem = CodesignProblem(space, evaluator, objectives)
    res = minimize(problem, NSGA2(pop_size=20, sampling=MixedVariableSampling(),
                                  mating=MixedVariableMating(eliminate_duplicates=MixedVariableDuplicateElimination()),
                                  eliminate_duplicates=MixedVariableDuplicateElimination()),
                   ("n_evals", 200), seed=1)

Each evaluation turns the pymoo point into a canonical candidate, and hands it to the Space's
:class:`~h2h.space.CandidateEvaluator` (``evaluate_candidate`` with a cache): decode, map with the
configured mapper (h2h by default), price with the cost model, look up accuracy. Nothing is priced
here.

* ``F``: one column per objective, to minimise (``max`` objectives negated, as
  :meth:`Objective.loss`). A design that was not scored (over budget, or an error) gets
  ``UNSCORED`` in every column; it is infeasible, so NSGA-II ranks it by violation only.
* ``G`` (feasible when ``<= 0``): per hardware budget ``(value - bound) / bound``; ``scored``
  (1 when the candidate could not be scored, e.g. no accuracy for it or a layer that fits no
  accelerator, else 0); with a latency bound ``latency_s / bound - 1``; with ``metric_bounds``
  (e.g. ``{"accuracy": {"ge": 0.8}}``) their summed relative overshoot (see
  :func:`h2h.space.pipeline.bound_violation`).
* every call is appended to :attr:`calls`, and its index is returned as ``out["call"]`` so a
  callback can tell which evaluation each individual got (see :mod:`h2h.codesign.recorder`).
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
from pymoo.core.problem import ElementwiseProblem

from llm_agents.task import Objective

from h2h.space import CandidateEvaluator, Evaluation, Space
from h2h.space.pipeline import bound_violation

UNSCORED = 1e30


class CodesignProblem(ElementwiseProblem):
    """Architecture x hardware (x mapper) of ``space``, scored by ``evaluate_candidate``."""

    def __init__(self, space: Space, evaluator: Any = None, objectives: Sequence[Objective] = (), *,
                 latency_bound_s: float | None = None, map_options: Mapping[str, Any] | None = None,
                 metric_bounds: Mapping[str, Mapping[str, float]] | None = None,
                 pipeline: CandidateEvaluator | None = None) -> None:
        if not objectives:
            raise ValueError("the co-design problem needs at least one objective")
        self.space = space
        self.objectives = tuple(objectives)
        self.latency_bound_s = latency_bound_s
        self.pipeline = pipeline if pipeline is not None else CandidateEvaluator(
            space, evaluator, map_options=map_options, metric_bounds=metric_bounds)
        if self.pipeline.space is not space:
            raise ValueError("the pipeline belongs to another space")
        self.budgets = tuple(space.description.constraints)
        self.constraint_names = (*(f"budget_{c.name}" for c in self.budgets), "scored",
                                 *(("latency_bound",) if latency_bound_s is not None else ()),
                                 *(("metric_bounds",) if self.pipeline.metric_bounds else ()))
        self.calls: list[Evaluation] = []
        super().__init__(vars=space.pymoo_variables(), n_obj=len(self.objectives),
                         n_ieq_constr=len(self.constraint_names))

    @property
    def objective_names(self) -> list[str]:
        return [o.name for o in self.objectives]

    def constraint_values(self, ev: Evaluation) -> list[float]:
        """``G`` of an evaluation (see the module docstring)."""
        g = []
        for c in self.budgets:
            bound = c.le if c.le is not None else c.ge
            sign = 1.0 if c.le is not None else -1.0
            g.append(sign * (c.value(ev.candidate) - bound) / max(abs(bound), 1e-12))
        g.append(1.0 if ev.error else 0.0)
        if self.latency_bound_s is not None:
            latency = ev.metrics.get("latency_s")
            g.append(0.0 if latency is None else float(latency) / self.latency_bound_s - 1.0)
        if self.pipeline.metric_bounds:
            g.append(bound_violation(ev.metrics, self.pipeline.metric_bounds) if not ev.error else 0.0)
        return g

    def objective_values(self, ev: Evaluation) -> list[float]:
        """``F`` of an evaluation: the objectives to minimise, ``UNSCORED`` when missing."""
        losses = [o.loss(ev.metrics) for o in self.objectives]
        if ev.error or not all(np.isfinite(losses)):
            return [UNSCORED] * len(losses)
        return losses

    def violation(self, ev: Evaluation) -> float:
        """Relative overshoot of the budgets (as the Space sums it) plus that of the latency bound;
        0 for a feasible design (an unscored design is flagged by its error, not here)."""
        over = float(ev.constraint_violation)
        if self.latency_bound_s is not None:
            over += max(0.0, self.constraint_values(ev)[self.constraint_names.index("latency_bound")])
        return over

    def evaluate_candidate(self, candidate: Mapping[str, Any]) -> Evaluation:
        """Score one candidate (a dict of the space's values) and log the call."""
        ev = self.pipeline(candidate)
        self.calls.append(ev)
        return ev

    def _evaluate(self, x: Mapping[str, Any], out: dict[str, Any], *args: Any, **kwargs: Any) -> None:
        ev = self.evaluate_candidate(self.space.from_pymoo(x))
        out["F"] = self.objective_values(ev)
        out["G"] = self.constraint_values(ev)
        out["call"] = len(self.calls) - 1
