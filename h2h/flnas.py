"""FL-NAS: a language model proposes architectures judged on accuracy, fairness and hardware cost.

After Qin et al., "FL-NAS: Towards Fairness of DNNs for Resource-Constrained Devices via Large
Language Models" (ASP-DAC 2024). Each iteration of the loop

1. prompts the agent (template ``flnas``) with the architecture template and its choices (the
   space description), the device constraints (budgets and free-text facts), the metric priorities
   (objectives in priority order) and the history, from which the prompt shows the best design so
   far with its metrics;
2. evaluates the proposals with :class:`~h2h.space.CandidateEvaluator`: the architecture's
   accuracy and fairness from the evaluator, latency and energy from our cost model after mapping
   onto the configured system (h2h mapper by default), area from the space's area model;
3. appends them to the history;

until ``budget`` distinct candidates have been evaluated. When the agent fails (raises, returns
nothing, or only invalid or already-seen designs) the missing proposals are drawn at random from
the space, recorded with ``source = fallback`` and the reason, and the run continues.

Config (YAML; relative paths are relative to the config file)::

    application: CIFAR-10 image classification on a four-accelerator edge SoC   # for the prompt
    space:                                  # see h2h.space
      architecture: {family: nb201, dataset: cifar10}
      hardware: {system: systems/hetero4_mid.yaml}
      mapper: h2h
    evaluator: {kind: table, dataset: cifar10}       # see h2h.evaluators
    objectives: [accuracy, latency_s, energy_j]      # priority order; default below
    metric_bounds: {accuracy: {ge: 0.8}}             # optional outcome constraints (le / ge)
    device_constraints: ["at most 20 ms per frame"]  # optional free-text facts for the prompt
    agent: {kind: heuristic}                         # see llm_agents.from_config
    budget: 60                                       # distinct evaluations
    proposals_per_iteration: 5
    seed: 0
    map_options: {}                                  # passed to h2h.mappers.map_workload
    out: results/flnas_nb201       # results folder (h2h.results), relative to the current folder

Default objectives: ``accuracy`` (max) and ``unfairness`` (min) when the evaluator reports them,
then ``latency_s`` and ``energy_j`` (min). An objective may also be ``{name, direction}``; the
direction must agree with the metric's.

A design outside ``metric_bounds`` (or, for a searched system, over a hardware budget) is
infeasible: it is recorded with its ``constraint_violation`` and never enters the Pareto front.
The agent sees its metrics and its ``constraint_violation``; the bounds are stated among the
device constraints of the prompt.
"""
from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llm_agents.task import Objective

from .config import Section, load_config
from .errors import ConfigError, H2HError
from .pareto import Normalisation, hypervolume, loss_matrix
from .results import HistoryRow, front_of, write_results
from .space import HARDWARE_METRICS, CandidateEvaluator, Space

TEMPLATE = "flnas"
DEFAULT_BUDGET = 60
DEFAULT_PER_ITERATION = 5
DEFAULT_OBJECTIVES = ("accuracy", "unfairness", "latency_s", "energy_j")


@dataclass
class NASSettings:
    """Everything a run needs, read and checked before any work starts."""

    space: Space
    evaluator: Any
    objectives: tuple[Objective, ...]
    agent_config: dict[str, Any]
    budget: int = DEFAULT_BUDGET
    per_iteration: int = DEFAULT_PER_ITERATION
    seed: int = 0
    out: Path | None = None
    application: str = ""
    device_constraints: tuple[str, ...] = ()
    map_options: dict[str, Any] = field(default_factory=dict)
    metric_bounds: dict[str, dict[str, float]] = field(default_factory=dict)
    config_file: str | None = None
    evaluator_config: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"config": self.config_file, "budget": self.budget, "seed": self.seed,
                "proposals_per_iteration": self.per_iteration, "agent": self.agent_config,
                "evaluator": self.evaluator_config, "application": self.application,
                "device_constraints": list(self.device_constraints), "map_options": self.map_options,
                "metric_bounds": self.metric_bounds,
                "space": self.space.describe(), "template": TEMPLATE}


@dataclass
class NASResult:
    """What ``nas`` returns: the history, the front, and where they were written."""

    history: list[HistoryRow]
    front: list[HistoryRow]
    objectives: tuple[Objective, ...]
    out: Path | None
    settings: NASSettings
    fallbacks: list[dict[str, Any]]
    runtime_s: float


# ---- configuration ------------------------------------------------------------------------------
def evaluator_from_config(sec: Section) -> tuple[Any, dict[str, Any]]:
    """The evaluator a config section describes (None when absent), via h2h.evaluators."""
    if not sec.data:
        sec.done()
        return None, {}
    from .evaluators.factory import make_evaluator
    from .yaml_loader import plain

    raw = plain(sec.data)
    for key in sec.data:
        sec.raw(key)
    try:
        evaluator = make_evaluator(raw, base_dir=sec.base_dir)
    except H2HError as e:
        item = e.item or sec.item
        item = item if item.startswith(sec.item) else f"{sec.item}: {item}"
        where = e.file or (f"{sec.file}:{sec.line}" if sec.file and sec.line else sec.file)
        raise ConfigError(e.message, file=where, item=item) from None
    return evaluator, raw


def objectives_from_config(cfg: Section, evaluator: Any) -> tuple[Objective, ...]:
    """Objectives in priority order; each must be a metric the run reports, in its direction."""
    available = {m: "min" for m in HARDWARE_METRICS}
    if evaluator is not None:
        available.update({m.name: m.direction for m in evaluator.metrics})
    raw = cfg.raw("objectives", None)
    if raw is None:
        names = [n for n in DEFAULT_OBJECTIVES if n in available]
        return tuple(Objective(n, available[n], i + 1) for i, n in enumerate(names))
    if not isinstance(raw, list) or not raw:
        raise cfg.error("objectives", "expected a non-empty list of metric names or {name, direction}")
    out = []
    for i, o in enumerate(raw):
        name, direction = (o, None) if isinstance(o, str) else (
            (o.get("name"), o.get("direction")) if isinstance(o, Mapping) else (None, None))
        if isinstance(o, Mapping) and set(o) - {"name", "direction"}:
            raise cfg.error("objectives", f"an objective is a name or {{name, direction}}, got {dict(o)}")
        if name not in available:
            raise cfg.error("objectives", f"unknown option {name!r}; this run reports: "
                                          f"{', '.join(available)}")
        if direction is not None and direction != available[name]:
            raise cfg.error("objectives", f"'{name}' is better when {available[name]}imised, "
                                          f"not {direction}")
        out.append(Objective(name, available[name], i + 1))
    names = [o.name for o in out]
    if len(set(names)) != len(names):
        raise cfg.error("objectives", f"objectives repeat: {names}")
    return tuple(out)


def metric_bounds_from_config(cfg: Section, evaluator: Any) -> dict[str, dict[str, float]]:
    """``{metric: {le|ge: number}}`` over metrics the run reports."""
    available = list(HARDWARE_METRICS) + ([m.name for m in evaluator.metrics] if evaluator is not None else [])
    sec = cfg.section("metric_bounds")
    out: dict[str, dict[str, float]] = {}
    for name in list(sec.data):
        if name not in available:
            raise sec.error(name, f"unknown metric; this run reports: {', '.join(available)}")
        b = sec.section(name)
        bound = {op: b.take(op, float) for op in ("le", "ge") if op in b}
        b.done()
        if not bound:
            raise sec.error(name, "expected {le: number} and/or {ge: number}")
        out[name] = bound
    sec.done()
    return out


def agent_config_from(raw: Any, seed: int, file: str | None) -> dict[str, Any]:
    """The agent config as a dict (validated by building it); seeds default to the run seed."""
    from llm_agents import AgentError, from_config, parse_config

    try:
        conf = parse_config(raw)
        if conf.get("kind") in ("heuristic", "random") and "seed" not in conf:
            conf["seed"] = seed
        from_config(dict(conf))  # fail now, before any work
    except AgentError as e:
        raise ConfigError(e.message, file=e.file or file, item=e.item or "agent") from None
    return conf


def load_settings(config: str | Path | Mapping[str, Any], *, budget: int | None = None,
                  seed: int | None = None, agent: Any = None, out: str | Path | None = None) -> NASSettings:
    """Read and check a NAS config (file or dict); keyword arguments override it."""
    if isinstance(config, Mapping):
        cfg = Section(config, item="")
    else:
        cfg = load_config(config)
    run_seed = cfg.take("seed", int, default=0) if seed is None else seed
    run_budget = cfg.take("budget", int, default=DEFAULT_BUDGET) if budget is None else budget
    if "budget" in cfg.data and budget is not None:
        cfg.raw("budget")
    if "seed" in cfg.data and seed is not None:
        cfg.raw("seed")
    if not isinstance(run_budget, int) or isinstance(run_budget, bool) or run_budget < 1:
        raise ConfigError(f"the evaluation budget must be an integer >= 1, got {run_budget!r}",
                          file=cfg.file, item="budget")
    per_iteration = cfg.take("proposals_per_iteration", int, default=DEFAULT_PER_ITERATION, low=1)
    application = cfg.take("application", str, default="")
    constraints = cfg.take("device_constraints", (list, str), default=[])
    constraints = [constraints] if isinstance(constraints, str) else [str(c) for c in constraints]
    map_options = dict(cfg.take("map_options", dict, default={}))
    out_path = out if out is not None else cfg.take("out", str, default=None)  # relative to the cwd
    if out is not None and "out" in cfg.data:
        cfg.raw("out")
    space = Space.from_config(cfg.section("space", required=True))
    evaluator, evaluator_config = evaluator_from_config(cfg.section("evaluator"))
    objectives = objectives_from_config(cfg, evaluator)
    metric_bounds = metric_bounds_from_config(cfg, evaluator)
    agent_raw = agent if agent is not None else cfg.raw("agent", None)
    if agent is not None and "agent" in cfg.data:
        cfg.raw("agent")
    agent_config = agent_config_from(agent_raw, run_seed, None if agent is not None else cfg.file)
    cfg.done()
    return NASSettings(space=space, evaluator=evaluator, objectives=objectives, agent_config=agent_config,
                       budget=run_budget, per_iteration=per_iteration, seed=run_seed,
                       out=None if out_path is None else Path(out_path), application=application,
                       device_constraints=tuple(constraints), map_options=map_options,
                       metric_bounds=metric_bounds, config_file=cfg.file, evaluator_config=evaluator_config)


# private names kept for callers written before these were public (h2h.codesign.settings)
_make_evaluator, _objectives = evaluator_from_config, objectives_from_config
_agent_config, _metric_bounds = agent_config_from, metric_bounds_from_config


# ---- the loop -----------------------------------------------------------------------------------
def _context(settings: NASSettings) -> dict[str, Any]:
    space = settings.space
    ctx: dict[str, Any] = {"application": settings.application or "not stated",
                           "device_constraints": list(settings.device_constraints),
                           "architecture_template": space.template()}
    budgets = {c.name: c.le for c in space.description.constraints if c.le is not None}
    for name, bound in settings.metric_bounds.items():
        for op, value in bound.items():
            ctx["device_constraints"].append(f"{name} {'<=' if op == 'le' else '>='} {value:g} "
                                             f"(designs outside this bound are rejected)")
    if budgets:
        ctx["budgets"] = budgets
    return ctx


def _evaluated(row: HistoryRow) -> dict[str, Any]:
    """A history row as the agent sees it: every metric it scored, plus ``constraint_violation``
    when it broke a budget or a metric bound (the bounds are listed in the device constraints)."""
    metrics = dict(row.metrics)
    if row.constraint_violation > 0:
        metrics["constraint_violation"] = row.constraint_violation
    return {"candidate": dict(row.candidate), "metrics": metrics, "source": row.source}


class _Loop:
    """State of one FL-NAS run (kept out of ``nas`` so each step reads on its own)."""

    def __init__(self, settings: NASSettings, agent: Any, progress: Callable[[str], None] | None) -> None:
        self.s = settings
        self.agent = agent
        self.progress = progress
        self.pipeline = CandidateEvaluator(settings.space, settings.evaluator, map_options=settings.map_options,
                                           metric_bounds=settings.metric_bounds)
        self.history: list[HistoryRow] = []
        self.seen: set[str] = set()
        self.fallbacks: list[dict[str, Any]] = []
        self.context = _context(settings)

    @property
    def done(self) -> int:
        """Distinct candidates evaluated so far (the budget counts these)."""
        return self.pipeline.evaluations

    def ask(self, n: int) -> tuple[list[dict[str, Any]], str]:
        """The agent's valid candidates (at most ``n``; repeats of evaluated designs included, they
        are recorded as repeats) and a note on what was unusable."""
        from llm_agents import Task

        task = Task(space=self.s.space.describe(), objectives=self.s.objectives,
                    history=[_evaluated(r) for r in self.history if not r.repeat], n=n,
                    template=TEMPLATE, context=self.context)
        try:
            proposal = self.agent.propose(task)
        except Exception as e:  # noqa: BLE001 -- any agent failure falls back, and is recorded
            return [], f"agent failed: {type(e).__name__}: {' '.join(str(e).split())[:300]}"
        out: list[dict[str, Any]] = []
        reasons = [proposal.notes] if proposal.notes else []
        reasons += [str(r.get("reason")) for r in proposal.rejected[:3]]
        for raw in proposal.candidates[:n]:
            cand, problems = self.s.space.validate(raw)
            if cand is None:
                reasons.append("; ".join(problems))
            else:
                out.append(cand)
        return out, " | ".join(r for r in reasons if r)[:500]

    def fallback(self, iteration: int, n: int, taken: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``n`` random new designs within the budgets, from a generator seeded by run and iteration."""
        rng = random.Random(f"flnas-fallback:{self.s.seed}:{iteration}")
        keys = self.seen | {self.s.space.key(c) for c in taken}
        out: list[dict[str, Any]] = []
        for _ in range(1000 * n):
            if len(out) == n:
                break
            cand = self.s.space.sample(rng)
            key = self.s.space.key(cand)
            if key not in keys:
                keys.add(key)
                out.append(cand)
        return out

    def evaluate(self, cand: dict[str, Any], source: str) -> HistoryRow:
        ev = self.pipeline(cand)
        self.seen.add(self.s.space.key(ev.candidate))
        row = HistoryRow(len(self.history) + 1, source, ev.candidate, ev.metrics, ev.constraint_violation,
                         ev.repeat, ev.error)
        self.history.append(row)
        if self.progress:
            shown = ", ".join(f"{o.name}={row.metrics[o.name]:.4g}" for o in self.s.objectives
                              if o.name in row.metrics)
            state = "repeat" if row.repeat else row.error or shown or "over budget"
            if row.constraint_violation > 0 and not row.error:
                state += f" (infeasible, violation {row.constraint_violation:.3g})"
            self.progress(f"[{self.done}/{self.s.budget}] {source}: {state}")
        return row

    def run(self) -> None:
        iteration = 0
        while self.done < self.s.budget:
            iteration += 1
            n = min(self.s.per_iteration, self.s.budget - self.done)
            proposals, why = self.ask(n)
            new = sum(not self.evaluate(cand, "agent").repeat for cand in proposals)
            if new < n:
                extra = self.fallback(iteration, n - new, proposals)
                self.fallbacks.append({"iteration": iteration, "count": len(extra),
                                       "reason": why or f"{new} of {n} proposals were new designs"})
                if self.progress:
                    self.progress(f"iteration {iteration}: {len(extra)} random fallback(s): {why}")
                if not extra and not new:
                    break  # every design of the space has been evaluated
                for cand in extra:
                    self.evaluate(cand, "fallback")


def run_hypervolume(history: list[HistoryRow], objectives: tuple[Objective, ...]) -> float:
    """Hypervolume of the run's front, normalised by its own usable points (for result.json;
    comparisons across runs need a common normalisation, see benchmarks/flnas_agents.py)."""
    usable = [r.metrics for r in history if r.usable]
    F = loss_matrix(usable, objectives)
    try:
        norm = Normalisation.from_points(F)
    except ValueError:
        return 0.0
    return hypervolume(F, norm)


def nas(config: str | Path | Mapping[str, Any], *, budget: int | None = None, seed: int | None = None,
        agent: Any = None, out: str | Path | None = None, progress: Callable[[str], None] | None = None,
        plot: bool = True) -> NASResult:
    """Run FL-NAS from a config file or dict (see the module docstring); write the results folder
    when ``out`` (or the config's ``out``) is set. ``agent`` is an agent config (dict or YAML/JSON
    text, as ``--agent`` takes) overriding the config's."""
    from llm_agents import from_config

    settings = load_settings(config, budget=budget, seed=seed, agent=agent, out=out)
    return run_nas(settings, from_config(dict(settings.agent_config)), progress=progress, plot=plot)


def run_nas(settings: NASSettings, agent: Any, *, progress: Callable[[str], None] | None = None,
            plot: bool = True) -> NASResult:
    """Run the FL-NAS loop with checked ``settings`` and a built ``agent``."""
    start = time.perf_counter()
    loop = _Loop(settings, agent, progress)
    loop.run()
    runtime = time.perf_counter() - start
    front = front_of(loop.history, settings.objectives)
    if settings.out is not None:
        extra = {"hypervolume_self_normalised": run_hypervolume(loop.history, settings.objectives),
                 "fallbacks": sum(f["count"] for f in loop.fallbacks), "fallback_log": loop.fallbacks, "runtime_s": runtime,
                 "cache": {"evaluations": loop.pipeline.evaluations, "repeats": loop.pipeline.repeats}}
        write_results(settings.out, kind="nas", objectives=settings.objectives, variables=settings.space.names,
                      history=loop.history, settings=settings.to_dict(), extra=extra, plot=plot)
    return NASResult(loop.history, front, settings.objectives, settings.out, settings, loop.fallbacks, runtime)
