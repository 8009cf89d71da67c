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
    map_options: {}                                  # to h2h.mappers.map_workload; h2h gets restarts: 0 unless set
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from llm_agents.errors import AgentUnreachableError, ReplayError
from llm_agents.task import Objective

from .agent_session import AgentSession, AgentStats, agent_entry, clip
from .pareto import Normalisation, hypervolume, loss_matrix
from .results import HistoryRow, front_of, prepare_out_dir, write_results
from .search_config import SearchSettings, open_config, prompt_context, read_common
from .space import CandidateEvaluator

TEMPLATE = "flnas"
DEFAULT_BUDGET = 60
DEFAULT_PER_ITERATION = 5
DEFAULT_OBJECTIVES = ("accuracy", "unfairness", "latency_s", "energy_j")


@dataclass
class NASSettings(SearchSettings):
    """Everything a run needs, read and checked before any work starts."""

    budget: int = DEFAULT_BUDGET
    per_iteration: int = DEFAULT_PER_ITERATION

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
    agent: AgentStats | None = None
    agent_summary: str = ""


# ---- configuration ------------------------------------------------------------------------------
def load_settings(config: str | Path | Mapping[str, Any], *, budget: int | None = None,
                  seed: int | None = None, agent: Any = None, out: str | Path | None = None) -> NASSettings:
    """Read and check a NAS config (file or dict); keyword arguments override it."""
    cfg = open_config(config)
    common = read_common(cfg, budget=budget, seed=seed, agent=agent, out=out,
                         default_budget=DEFAULT_BUDGET, default_objectives=DEFAULT_OBJECTIVES)
    per_iteration = cfg.take("proposals_per_iteration", int, default=DEFAULT_PER_ITERATION, low=1)
    cfg.done()
    return NASSettings(**common, per_iteration=per_iteration)


# ---- the loop -----------------------------------------------------------------------------------
def _context(settings: NASSettings) -> dict[str, Any]:
    return prompt_context(settings.space, settings.application, settings.device_constraints,
                          settings.metric_bounds, settings.objectives, settings.evaluator)


class _Loop:
    """State of one FL-NAS run (kept out of ``nas`` so each step reads on its own)."""

    def __init__(self, settings: NASSettings, agent: Any, progress: Callable[[str], None] | None) -> None:
        self.s = settings
        self.agent = AgentSession(agent)
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

        request = [f"Propose {n} designs ({self.done} of {self.s.budget} evaluations used so far)."]
        task = Task(space=self.s.space.describe(), objectives=self.s.objectives,
                    history=[agent_entry(r, self.s.evaluator) for r in self.history if not r.repeat], n=n,
                    template=TEMPLATE, context={**self.context, "request": request})
        try:
            proposal = self.agent.propose(task)
        except (ReplayError, AgentUnreachableError):  # a strict replay that diverged, or no model at all
            raise
        except Exception as e:  # noqa: BLE001 -- any agent failure falls back, and is recorded
            return [], clip(f"agent failed: {type(e).__name__}: {e}", 300)
        out: list[dict[str, Any]] = []
        reasons = [proposal.notes] if proposal.notes else []
        reasons += [str(r.get("reason")) for r in proposal.rejected[:3]]
        for raw in proposal.candidates[:n]:
            cand, problems = self.s.space.validate(raw)
            if cand is None:
                reasons.append("; ".join(problems))
            else:
                out.append(cand)
        return out, clip(" | ".join(r for r in reasons if r), 500)

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
                if self.progress:  # a request that gave nothing was already a warning line
                    said = "" if not proposals else f": {clip(why or f'{new} of {n} proposals were new designs')}"
                    self.progress(f"iteration {iteration}: {len(extra)} random design(s) stand in for the "
                                  f"agent's{said}")
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
        plot: bool = True, overwrite: bool = False) -> NASResult:
    """Run FL-NAS from a config file or dict (see the module docstring); write the results folder
    when ``out`` (or the config's ``out``) is set; a folder holding an earlier run's results is
    refused unless ``overwrite``. ``agent`` is an agent config (dict or YAML/JSON text, as
    ``--agent`` takes) overriding the config's."""
    from llm_agents import from_config

    settings = load_settings(config, budget=budget, seed=seed, agent=agent, out=out)
    if settings.out is not None:
        prepare_out_dir(settings.out, overwrite=overwrite)
    return run_nas(settings, from_config(dict(settings.agent_config)), progress=progress, plot=plot)


def run_nas(settings: NASSettings, agent: Any, *, progress: Callable[[str], None] | None = None,
            plot: bool = True) -> NASResult:
    """Run the FL-NAS loop with checked ``settings`` and a built ``agent``."""
    start = time.perf_counter()
    loop = _Loop(settings, agent, progress)
    loop.run()
    runtime = time.perf_counter() - start
    front = front_of(loop.history, settings.objectives)
    stats = loop.agent.finish(loop.history)
    if settings.out is not None:
        extra = {"hypervolume_self_normalised": run_hypervolume(loop.history, settings.objectives),
                 "agent": stats.to_dict(),
                 "fallbacks": sum(f["count"] for f in loop.fallbacks), "fallback_log": loop.fallbacks, "runtime_s": runtime,
                 "cache": {"evaluations": loop.pipeline.evaluations, "repeats": loop.pipeline.repeats}}
        write_results(settings.out, kind="nas", objectives=settings.objectives, variables=settings.space.names,
                      history=loop.history, settings=settings.to_dict(), extra=extra, plot=plot)
    return NASResult(loop.history, front, settings.objectives, settings.out, settings, loop.fallbacks, runtime,
                     stats, loop.agent.summary(loop.done))
