"""``codesign(...)``: NSGA-II over architecture x hardware, warm-started by an agent.

The run, generation by generation (pymoo's ask-and-tell interface, so the budget is exact):

1. the initial population of ``population_size`` designs: proposed by the agent and topped up
   with random valid designs (``start = warm``), or all random (``start = cold``), see
   :mod:`h2h.codesign.warmstart`;
2. NSGA-II for mixed variables (pymoo's ``MixedVariableSampling``/``Mating``/
   ``DuplicateElimination`` with rank-and-crowding survival and constraint domination) breeds
   offspring; every ``inject.every`` generations (warm runs only) the agent sees the current front
   and its proposals replace some offspring;
3. every design is scored by :class:`~h2h.codesign.problem.CodesignProblem` (the Space's
   ``evaluate_candidate``: decode, map with h2h, price with the cost model) and recorded by
   :class:`~h2h.codesign.recorder.EvaluationRecorder` with its source;

until ``budget`` distinct designs have been evaluated (repeats come from the cache and are free),
or 20 generations in a row bring nothing new. Warm and cold runs of one seed share the seeds of
NSGA-II and of the random designs, so they differ only in the starting designs.
"""
from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from pymoo.core.evaluator import Evaluator
from pymoo.core.population import Population

from llm_agents.task import Objective

from h2h.agent_session import AgentSession, AgentStats, agent_entry, clip
from h2h.results import HistoryRow, front_of, prepare_out_dir

from .problem import CodesignProblem
from .recorder import EvaluationRecorder
from .settings import CodesignSettings, load_settings
from .warmstart import Seeding, agent_context, ask_agent, initial_population

STALL_GENERATIONS = 20


@dataclass
class CodesignResult:
    """What ``codesign`` returns: the history (every evaluation, with its source), the front, how
    the run was seeded, the injections, and where it was written."""

    history: list[HistoryRow]
    front: list[HistoryRow]
    objectives: tuple[Objective, ...]
    settings: CodesignSettings
    seeding: Seeding
    injections: list[dict[str, Any]] = field(default_factory=list)
    generations: int = 0
    stopped: str = ""
    runtime_s: float = 0.0
    out: Path | None = None
    designs: list[dict[str, Any]] = field(default_factory=list)
    agent: AgentStats | None = None
    agent_summary: str = ""

    @property
    def fallbacks(self) -> int:
        """Random designs that stood in for missing or invalid agent proposals."""
        return self.seeding.fallback


def make_algorithm(population_size: int, seed: int, callback: Any = None, sampling: Any = None) -> Any:
    """NSGA-II with pymoo's mixed-variable operators (the same for warm and cold runs);
    ``sampling`` may be a ready initial ``Population``."""
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.core.mixed import MixedVariableDuplicateElimination, MixedVariableMating, MixedVariableSampling

    return NSGA2(pop_size=population_size,
                 sampling=MixedVariableSampling() if sampling is None else sampling,
                 mating=MixedVariableMating(eliminate_duplicates=MixedVariableDuplicateElimination()),
                 eliminate_duplicates=MixedVariableDuplicateElimination(), seed=seed, callback=callback)


def problem_of(settings: CodesignSettings) -> CodesignProblem:
    """The pymoo problem a checked config describes."""
    return CodesignProblem(settings.space, settings.evaluator, settings.objectives,
                           latency_bound_s=settings.latency_bound_s, map_options=settings.map_options,
                           metric_bounds=settings.metric_bounds)


class _Run:
    """State of one co-design run (kept out of ``run_codesign`` so each step reads on its own)."""

    def __init__(self, settings: CodesignSettings, agent: Any, progress: Callable[[str], None] | None) -> None:
        self.s = settings
        self.agent = AgentSession(agent) if agent is not None else None
        self.progress = progress or (lambda line: None)
        self.problem = problem_of(settings)
        self.recorder = EvaluationRecorder(self.problem)
        self.evaluator = Evaluator()
        self.context = agent_context(settings.space, settings.application, settings.device_constraints,
                                     metric_bounds=settings.metric_bounds, objectives=settings.objectives,
                                     evaluator=settings.evaluator)
        self.injections: list[dict[str, Any]] = []

    @property
    def spent(self) -> int:
        """Distinct designs evaluated (what the budget counts)."""
        return self.problem.pipeline.evaluations

    def population(self, candidates: list[dict[str, Any]], sources: list[str]) -> Population:
        space = self.s.space
        pop = Population.new(X=np.array([space.to_pymoo(c) for c in candidates], dtype=object))
        for ind, source in zip(pop, sources):
            ind.set("source", source)
        return pop

    def within_budget(self, off: Population) -> Population:
        """The leading offspring that the budget can pay for (cached designs are free)."""
        space, cache = self.s.space, self.problem.pipeline.cache
        new: set[str] = set()
        keep = []
        for i, ind in enumerate(off):
            key = space.key(space.from_pymoo(ind.X))
            if key not in cache and key not in new:
                if self.spent + len(new) >= self.s.budget:
                    break
                new.add(key)
            keep.append(i)
        return off[keep]

    def inject(self, off: Population, generation: int) -> None:
        """Replace the last offspring with the agent's proposals, the current front shown to it."""
        front = front_of(self.recorder.rows, self.s.objectives)
        history = [agent_entry(r, self.s.evaluator) for r in self.recorder.rows if not r.repeat]
        n = min(self.s.inject_count, len(off))
        request = [f"Generation {generation} of the search, after {self.spent} of {self.s.budget} evaluations: "
                   f"propose {n} designs; they replace {n} of the {self.s.population_size} offspring NSGA-II "
                   f"bred for this generation (you are asked every {self.s.inject_every} generations). Aim at "
                   "gaps in the front and at designs that beat a front design on some objective."]
        answer = ask_agent(self.agent, self.s.space, self.s.objectives, n, history=history,
                           context={**self.context, "evaluations_so_far": self.spent,
                                    "generation": generation}, request=request)
        cands = answer.candidates[:n]
        for ind, cand in zip(off[len(off) - len(cands):], cands):
            ind.set("X", self.s.space.to_pymoo(cand))
            ind.set("source", "agent")
        self.injections.append({"generation": generation, "asked": n, "used": len(cands),
                                "front_shown": len(front), "problems": answer.problems,
                                "notes": answer.notes})
        if 0 < len(cands) < n:  # none at all was already a warning line
            self.progress(f"generation {generation}: the agent gave {len(cands)} of {n} designs; NSGA-II "
                          f"offspring kept for the rest ({clip(answer.problems or answer.notes or 'no reason given')})")

    def run(self) -> tuple[Seeding, int, str]:
        s = self.s
        seeding = initial_population(s.space, s.population_size, start=s.start, seed=s.seed,
                                     agent=self.agent if s.start == "warm" else None,
                                     objectives=s.objectives, context=self.context, spread=s.spread_start)
        from pymoo.core.termination import NoTermination

        algorithm = make_algorithm(s.population_size, s.seed, callback=self.recorder,
                                   sampling=self.population(seeding.candidates, seeding.sources))

        algorithm.setup(self.problem, termination=NoTermination())
        pop = algorithm.ask()
        self.evaluator.eval(self.problem, pop)
        algorithm.tell(infills=pop)
        generation, stall, stopped = 0, 0, "budget"
        self.progress(f"[{self.spent}/{s.budget}] initial population ({s.start} start)")
        while self.spent < s.budget:
            off = algorithm.ask()
            if off is None or len(off) == 0:
                stopped = "NSGA-II produced no offspring"
                break
            generation += 1
            if (s.start == "warm" and s.inject_every and generation % s.inject_every == 0 and s.inject_count
                    and self.agent is not None and not self.agent.stopped):
                self.inject(off, generation)
            before = self.spent
            off = self.within_budget(off)
            self.evaluator.eval(self.problem, off)
            algorithm.tell(infills=off)
            stall = stall + 1 if self.spent == before else 0
            self.progress(f"[{self.spent}/{s.budget}] generation {generation}")
            if stall >= STALL_GENERATIONS:
                stopped = f"no new design in {STALL_GENERATIONS} generations"
                break
        return seeding, generation, stopped


def codesign(config: str | Path | Mapping[str, Any], *, start: str | None = None, budget: int | None = None,
             seed: int | None = None, agent: Any = None, out: str | Path | None = None,
             progress: Callable[[str], None] | None = None, plot: bool = True,
             overwrite: bool = False) -> CodesignResult:
    """Run co-design from a config file or dict (see :mod:`h2h.codesign.settings`); keyword
    arguments override the config. ``agent`` is an agent config (dict or YAML/JSON text, as
    ``--agent`` takes). Writes the results folder when ``out`` (or the config's ``out``) is set;
    a folder holding an earlier run's results is refused unless ``overwrite``."""
    from llm_agents import from_config

    settings = load_settings(config, start=start, budget=budget, seed=seed, agent=agent, out=out)
    if settings.out is not None:
        prepare_out_dir(settings.out, overwrite=overwrite)
    return run_codesign(settings, from_config(dict(settings.agent_config)), progress=progress, plot=plot)


def run_codesign(settings: CodesignSettings, agent: Any, *, progress: Callable[[str], None] | None = None,
                 plot: bool = True) -> CodesignResult:
    """Run the loop with checked ``settings`` and a built ``agent`` (ignored by cold starts)."""
    started = time.perf_counter()
    run = _Run(settings, agent, progress)
    seeding, generations, stopped = run.run()
    history = run.recorder.rows
    result = CodesignResult(history, front_of(history, settings.objectives), settings.objectives, settings,
                            seeding, run.injections, generations, stopped, time.perf_counter() - started)
    if run.agent is not None:
        result.agent = run.agent.finish(history)
        result.agent_summary = run.agent.summary(run.spent)
    if settings.out is not None:
        from .outputs import write_codesign_results

        write_codesign_results(result, run.problem, plot=plot)
    return result


__all__ = ["CodesignResult", "codesign", "load_settings", "make_algorithm", "problem_of", "run_codesign"]
