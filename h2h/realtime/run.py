"""``realtime(scenario, system, policy)``: simulate a periodic multi-model scenario and score it.

A second consumer of the cost table (beside ``evaluate``): per-layer costs come from
:mod:`.costs`, the timeline from :mod:`.simulator`, the plans from :mod:`.policies` and the score
from :mod:`.score`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workloads.errors import WorkloadError
from workloads.scenario import Scenario, load_scenario

from ..errors import MappingError
from .costs import ModelCosts, model_costs
from .policies import Plans, plan
from .score import ModelScore, model_score, overall_score
from .simulator import Conventions, Frame


@dataclass(frozen=True)
class RealtimeResult:
    """The timeline and XRBench score of one (scenario, system, policy)."""

    scenario: str
    system: str
    policy: str
    costs: str
    seed: int
    overall_score: float  # 0-100
    models: dict[str, ModelScore | None]
    frames: list[Frame]
    plans: Plans
    conventions: Conventions
    accelerators: list[str]

    def to_dict(self, *, frames: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "scenario": self.scenario, "system": self.system, "policy": self.policy,
            "costs": self.costs, "seed": self.seed, "overall_score": self.overall_score,
            "models": {n: (s.to_dict() if s else None) for n, s in self.models.items()},
            "plans": {n: [{"accelerator": None if s.acc is None else self.accelerators[s.acc],
                           "first_layer": s.first, "stop_layer": s.stop} for s in segs]
                      for n, segs in self.plans.items()},
            "conventions": dict(self.conventions.__dict__),
        }
        if frames:
            out["frames"] = [f.to_dict() for f in self.frames]
        return out


def score_frames(frames: list[Frame], model_names: list[str]) -> tuple[float, dict[str, ModelScore | None]]:
    scores: dict[str, ModelScore | None] = {}
    for name in model_names:
        mine = [f for f in frames if f.model == name]
        done = [(f.delay_ms, f.energy_mj) for f in mine if f.status == "done"]
        scores[name] = model_score(done, sum(f.status == "dropped" for f in mine))
    return overall_score(scores), scores


def realtime(scenario: "str | Path | Scenario", system: Any, policy: str = "xrbench", *,
             seed: int | None = None, costs: str = "maestro", time_limit_s: float | None = None
             ) -> RealtimeResult:
    """Simulate ``scenario`` on ``system`` under ``policy`` (see :mod:`.policies`).

    ``scenario``: a Scenario, a scenario YAML or an XRBench ``.m`` file; ``system``: a System, a
    system YAML or a built-in name; ``seed`` overrides the scenario's seed for the probability
    draws; ``costs``: ``"maestro"`` (our cost table) or ``"xrbench"`` (XRBench's own per-layer
    costs, for its accelerators; see :mod:`.costs`); ``time_limit_s``: CP-SAT's limit (``cpsat``).
    """
    from ..system import System, load_system

    sc = load_scenario(scenario)
    if seed is not None:
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise WorkloadError(f"seed must be an integer >= 0, got {seed!r}", item="seed")
        sc = sc.with_seed(seed)
    sysm = system if isinstance(system, System) else load_system(system)
    accs = [a.name for a in sysm.accelerators]
    table: dict[str, ModelCosts] = {}
    for m in sc.models:
        c = model_costs(m.workload, sysm, costs)
        if not (c.whole_latency_ms < float("inf")).any():
            (layer, acc), why = next(iter(c.infeasible.items()))
            raise MappingError(f"cannot run on system '{sysm.name}': no accelerator runs all its layers "
                               f"(e.g. layer '{layer}' on '{acc}': {why})", file=sc.source,
                               item=f"model '{m.name}'")
        table[m.name] = c

    def link_cost(src: int, dst: int, nbytes: float) -> tuple[float, float]:
        pc = sysm.path_cost(accs[src], accs[dst])
        return float(pc.time_s(nbytes)) * 1e3, float(pc.energy_j(nbytes)) * 1e3

    names = [m.name for m in sc.models]

    def score_of(frames: list[Frame]) -> float:
        return score_frames(frames, names)[0]

    from .simulator import simulate

    plans, conv, timetable = plan(policy, sc, table, accs, link_cost, score_of, time_limit_s=time_limit_s)
    frames = simulate(sc, table, plans, conv, accs, link_cost, timetable)
    overall, scores = score_frames(frames, names)
    return RealtimeResult(sc.name, sysm.name, policy, costs, sc.seed, overall, scores, frames, plans,
                          conv, accs)
