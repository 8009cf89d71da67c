"""Reading a co-design config: everything a run needs, checked before any work starts.

Config (YAML; relative paths are relative to the config file)::

    application: CIFAR-10 classification on a small heterogeneous SoC     # for the agent's prompt
    device_constraints: ["fits in 12 mm^2 of 28 nm silicon"]              # optional free text
    space:                                  # see h2h.space: architecture x searched hardware
      architecture: {family: nb201, dataset: cifar10}
      hardware:
        num_accelerators: {low: 1, high: 4}
        dataflow: [kcp_ws, yxp_os, rs]
        pe_count: [64, 128, 256, 512, 1024]
        l1_bytes: [512, 1024, 2048]
        l2_bytes: [131072, 262144, 524288]
        bandwidth_gbps: [4, 8, 16, 32]
        budgets: {area_mm2: 12}             # and/or total_pes: the constraints
      mapper: h2h                           # the mapper inside every evaluation
    evaluator: {kind: table, dataset: cifar10}
    objectives: [accuracy, latency_s, energy_j, area_mm2]   # default; priority order
    latency_bound_s: 0.004                  # optional: designs slower than this are infeasible
    metric_bounds: {accuracy: {ge: 0.8}}    # optional outcome constraints (le / ge), as in h2h nas
    start: warm                             # warm: the agent proposes the initial population; cold: random
    agent: {kind: heuristic}                # see llm_agents.from_config (seed defaults to the run seed)
    spread_start: true                      # warm: one agent request per objective, it ranked first
    inject: {every: 5, count: 4}            # optional: agent proposals every 5 generations (warm only)
    population_size: 20
    budget: 200                             # distinct evaluations, initial population included
    seed: 0
    map_options: {}                         # to h2h.mappers.map_workload; h2h gets restarts: 0 unless set
    export_designs: 5                       # Pareto designs exported with system YAML, mapping, trace
    out: results/codesign                   # results folder, relative to the current folder

The budget must cover the initial population (``budget >= population_size``); a smaller one is a
:class:`~h2h.errors.ConfigError` that says so. A hardware budget that no design of the space can
meet is an :class:`InfeasibleBudgetError`, also raised before any evaluation.
"""
from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


from h2h.errors import ConfigError
from h2h.search_config import SearchSettings, open_config, override, read_common
from h2h.space import Space

TEMPLATE = "codesign"
STARTS = ("warm", "cold")
DEFAULT_BUDGET = 200
DEFAULT_POPULATION = 20
DEFAULT_OBJECTIVES = ("accuracy", "latency_s", "energy_j", "area_mm2")
DEFAULT_EXPORTS = 5
FEASIBILITY_DRAWS = 4000


class InfeasibleBudgetError(ConfigError):
    """No design of the space fits the hardware budgets."""


@dataclass
class CodesignSettings(SearchSettings):
    """A checked co-design run (see the module docstring for the config keys)."""

    budget: int = DEFAULT_BUDGET
    population_size: int = DEFAULT_POPULATION
    start: str = "warm"
    spread_start: bool = True
    inject_every: int = 0
    inject_count: int = 0
    latency_bound_s: float | None = None
    export_designs: int = DEFAULT_EXPORTS

    def to_dict(self) -> dict[str, Any]:
        return {"config": self.config_file, "start": self.start, "budget": self.budget, "seed": self.seed,
                "population_size": self.population_size, "spread_start": self.spread_start,
                "inject": {"every": self.inject_every, "count": self.inject_count},
                "latency_bound_s": self.latency_bound_s, "metric_bounds": self.metric_bounds,
                "agent": self.agent_config,
                "evaluator": self.evaluator_config, "application": self.application,
                "device_constraints": list(self.device_constraints), "map_options": self.map_options,
                "export_designs": self.export_designs, "space": self.space.describe(),
                "template": TEMPLATE}


def smallest_design(space: Space) -> dict[str, Any]:
    """Every numeric variable at its smallest value (choices at their first option): the design
    with the smallest value of every budget, whose terms are positive sizes times positive rates."""
    desc = space.description
    return desc.complete({v.name: (min(v.grid()) if v.is_numeric and v.grid() else
                                   v.low if v.is_numeric else v.options[0]) for v in desc.variables})


def check_feasible(space: Space, *, file: str | None = None, draws: int = FEASIBILITY_DRAWS) -> None:
    """Raise :class:`InfeasibleBudgetError` when no design meets the budgets.

    Every budget term is a positive coefficient times one or two non-negative sizes, so the
    smallest value of a budget is reached with every size at its smallest: that design (which
    also has the fewest accelerators) is tried first, then ``draws`` random designs.
    """
    desc = space.description
    if not desc.constraints:
        return
    smallest = smallest_design(space)
    if space.constraint_violation(smallest) == 0:
        return
    rng = random.Random(0)
    if any(space.constraint_violation(desc.sample(rng)) == 0 for _ in range(draws)):
        return
    reasons = "; ".join(c.explain(smallest) for c in desc.constraints if c.violation(smallest) > 0)
    raise InfeasibleBudgetError(f"infeasible budget: no design fits, even the smallest one ({reasons}); "
                                "raise the budget or allow smaller hardware", file=file,
                                item="space.hardware.budgets")


def load_settings(config: str | Path | Mapping[str, Any], *, start: str | None = None,
                  budget: int | None = None, seed: int | None = None, agent: Any = None,
                  out: str | Path | None = None) -> CodesignSettings:
    """Read and check a co-design config (file or dict); keyword arguments override it."""
    cfg = open_config(config)
    common = read_common(cfg, budget=budget, seed=seed, agent=agent, out=out,
                         default_budget=DEFAULT_BUDGET, default_objectives=DEFAULT_OBJECTIVES)
    run_start = override(cfg, "start", start, str, "warm", options=STARTS)
    if run_start not in STARTS:
        raise ConfigError(f"unknown start {run_start!r}; expected one of: warm, cold", item="start")
    population = cfg.take("population_size", int, default=DEFAULT_POPULATION, low=2)
    run_budget = common["budget"]
    if run_budget < population:
        raise ConfigError(f"the budget of {run_budget} evaluations is smaller than the population of "
                          f"{population}: the initial population alone needs {population}; raise the "
                          "budget or lower population_size", file=cfg.file, item="budget")
    spread_start = cfg.take("spread_start", bool, default=True)
    inject = cfg.section("inject")
    inject_every = inject.take("every", int, default=0, low=0)
    inject_count = inject.take("count", int, default=max(1, population // 5) if inject_every else 0,
                               low=0, high=population)
    inject.done()
    latency_bound = cfg.take("latency_bound_s", float, default=None, low=0)
    if latency_bound is not None and latency_bound <= 0:
        raise cfg.error("latency_bound_s", f"must be > 0, got {latency_bound!r}")
    exports = cfg.take("export_designs", int, default=DEFAULT_EXPORTS, low=0)
    cfg.done()
    check_feasible(common["space"], file=cfg.file)
    return CodesignSettings(**common, population_size=population, start=run_start,
                            spread_start=spread_start, inject_every=inject_every,
                            inject_count=inject_count, latency_bound_s=latency_bound,
                            export_designs=exports)
