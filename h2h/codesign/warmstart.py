"""Where the designs of a co-design run come from when NSGA-II is not breeding them.

* **Warm start** (after LCDA, Yan et al., SOCC 2023): the agent proposes the whole initial
  population from its prior knowledge, prompted (template ``codesign``) with the space, its
  budgets, the objectives and facts about the workload and hardware; by default in one request
  per objective, that objective ranked first and the hardware budgets halved from one request
  to the next, so the starting designs span the trade-off and the sizes of hardware.
* **Cold start**: the initial population is drawn uniformly from the designs that fit the
  budgets, from a generator seeded by the run seed, so warm and cold runs differ only in who
  proposes the starting designs.
* **Top-up**: proposals that are missing, invalid or repeated are replaced by random valid
  designs (``source = fallback``), and the substitution is recorded with the agent's reason. An
  agent that raises is one that proposed nothing: the run continues on random designs.
* **Injection**: every ``k`` generations the agent sees the current Pareto front and proposes
  designs that replace some of NSGA-II's offspring.
"""
from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from llm_agents.errors import AgentUnreachableError, ReplayError
from llm_agents.task import Objective

from h2h.agent_session import clip
from h2h.search_config import prompt_context
from h2h.space import Space

from .settings import TEMPLATE


@dataclass(frozen=True)
class Seeding:
    """Designs with who proposed each one, and what went wrong with the agent (if anything)."""

    candidates: list[dict[str, Any]]
    sources: list[str]
    from_agent: int = 0
    fallback: int = 0
    reason: str = ""
    agent_notes: str = ""

    def summary(self) -> dict[str, Any]:
        return {"designs": len(self.candidates), "from_agent": self.from_agent, "fallback": self.fallback,
                "random": sum(s == "random" for s in self.sources), "reason": self.reason,
                "agent_notes": self.agent_notes}


@dataclass
class AgentAnswer:
    """The agent's usable candidates and, in a sentence, why any were unusable."""

    candidates: list[dict[str, Any]] = field(default_factory=list)
    problems: str = ""
    notes: str = ""


def agent_context(space: Space, application: str = "", device_constraints: Sequence[str] = (), *,
                  metric_bounds: Mapping[str, Mapping[str, float]] | None = None,
                  objectives: Sequence[Objective] = (), evaluator: Any = None, **facts: Any) -> dict[str, Any]:
    """Plain facts for the prompt: what every search states (:func:`h2h.search_config.prompt_context`),
    a layer profile of the network family (for the heuristic's dataflow rules) and how many models
    its workload holds (one network, or several sharing the hardware)."""
    ctx = prompt_context(space, application, device_constraints, metric_bounds, objectives, evaluator)
    workload = largest_workload(space)
    profile = layer_profile(workload)
    if profile:
        ctx["layer_profile"] = profile
        ctx["workload_models"] = len(workload.models)
    ctx.update(facts)
    return ctx


def largest_workload(space: Space) -> Any:
    """The space's largest network (every architecture variable at its last, most capable option),
    or None when it cannot be built."""
    desc = space.description
    arch_vars = {"nb201_op", "depth", "width", "expansion", "kernel", "resolution", "backbone"}
    try:
        design = space.sample(random.Random(0), feasible=False)
        for v in desc.variables:
            if v.role in arch_vars:
                grid = v.grid()
                if v.role == "nb201_op":
                    design[v.name] = next((o for o in v.options if "conv_3x3" in str(o)), v.options[-1])
                elif grid:
                    design[v.name] = grid[-1]
        return space.arch.workload(desc.complete(design))
    except Exception:  # noqa: BLE001 -- facts for the prompt are hints, never a reason to stop
        return None


def layer_profile(workload: Any, limit: int = 64) -> list[dict[str, Any]]:
    """The compute layers of ``workload``, largest first, as ``{in_channels, out_channels, out_h,
    out_w, macs}``: the facts a designer reads to match dataflows to layers."""
    rows = []
    for layer in getattr(workload, "layers", ()):
        macs = int(getattr(layer, "macs", 0) or 0)
        if macs <= 0:
            continue
        rows.append({"in_channels": int(layer.in_channels), "out_channels": int(layer.out_channels),
                     "out_h": int(layer.out_h), "out_w": int(layer.out_w), "macs": macs})
    rows.sort(key=lambda r: -r["macs"])
    return rows[:limit]


def ask_agent(agent: Any, space: Space, objectives: Sequence[Objective], n: int, *,
              history: Sequence[Mapping[str, Any]] = (), context: Mapping[str, Any] | None = None,
              budget_scale: float = 1.0, request: Sequence[str] = ()) -> AgentAnswer:
    """At most ``n`` valid candidates from ``agent``; an agent that raises proposes nothing.
    With ``budget_scale < 1`` the agent is shown every hardware budget scaled by it (its designs
    then also fit the real budgets)."""
    from llm_agents import Task

    answer = AgentAnswer()
    description = space.describe()
    if budget_scale != 1.0:
        description["constraints"] = [scaled_constraint(c, budget_scale) for c in description["constraints"]]
        context = {**dict(context or {}), "budgets": {c["name"]: c["le"] for c in description["constraints"]
                                                      if "le" in c}}
    if request:
        context = {**dict(context or {}), "request": list(request)}
    try:
        task = Task(space=description, objectives=tuple(objectives), history=list(history), n=n,
                    template=TEMPLATE, context=dict(context or {}))
        proposal = agent.propose(task)
    except (ReplayError, AgentUnreachableError):  # a strict replay that diverged, or no model at all
        raise
    except Exception as e:  # noqa: BLE001 -- any agent failure falls back to random designs
        answer.problems = clip(f"agent failed: {type(e).__name__}: {e}", 300)
        return answer
    answer.notes = clip(str(proposal.notes), 300)
    reasons = [str(r.get("reason")) for r in proposal.rejected[:3]]
    for raw in list(proposal.candidates)[:n]:
        cand, problems = space.validate(raw)
        if cand is None:
            reasons.append("; ".join(problems))
        else:
            answer.candidates.append(cand)
    answer.problems = clip(" | ".join(r for r in reasons if r), 500)
    return answer


def scaled_constraint(constraint: Mapping[str, Any], scale: float) -> dict[str, Any]:
    """An upper-bounded budget with its bound multiplied by ``scale`` (others unchanged)."""
    out = dict(constraint)
    if "le" in out:
        out["le"] = out["le"] * scale
    return out


def budget_scales(space: Space, parts: int) -> list[float]:
    """``1, 1/2, 1/4, ...`` for ``parts`` requests, each raised to the smallest scale at which the
    smallest design of the space still fits every upper-bounded budget."""
    from .settings import smallest_design

    smallest = smallest_design(space)
    floor = max([c.value(smallest) / c.le for c in space.description.constraints
                 if c.le is not None and c.le > 0] or [0.0])
    return [max(0.5 ** i, min(1.0, floor)) for i in range(parts)]


def random_designs(space: Space, n: int, rng: random.Random, taken: set[str]) -> list[dict[str, Any]]:
    """Up to ``n`` new designs (keys not in ``taken``, which is updated) within the budgets."""
    out: list[dict[str, Any]] = []
    for _ in range(200 * n):
        if len(out) == n:
            break
        cand = space.sample(rng)
        key = space.key(cand)
        if key not in taken and space.constraint_violation(cand) == 0:
            taken.add(key)
            out.append(cand)
    return out


def seeding_rng(seed: int, what: str) -> random.Random:
    """The generator of the run's random designs; equal for warm and cold runs of one seed."""
    return random.Random(f"codesign:{what}:{seed}")


def request_lines(index: int, parts: int, n: int, total: int, focus: Objective | None,
                  budgets: Mapping[str, float], search_budgets: Mapping[str, float]) -> list[str]:
    """What one request of a split warm start asks, said as such: its share of the starting
    population, the end of the front it covers and its own budgets."""
    if parts <= 1:
        return [f"Propose {n} designs for the starting population of the search."]
    end = "high" if focus is not None and focus.direction == "max" else "low"
    lines = [f"The starting population of {total} designs is asked for in {parts} requests, each with its "
             f"own focus and budget so that together they span the front. This is request {index + 1} of "
             f"{parts}: propose {n} designs."]
    if focus is not None:
        lines.append(f"Focus of this request: the {end}-{focus.name} end of the front (designs with "
                     f"{'high' if end == 'high' else 'low'} {focus.name} that still meet every bound); "
                     "the other objectives still count.")
    if budgets:
        said = ", ".join(f"{name} <= {value:g}" for name, value in budgets.items())
        whole = ", ".join(f"{name} <= {value:g}" for name, value in search_budgets.items())
        lines.append(f"Budget of this request: {said} (the bound shown under Constraints is this request's)."
                     + ("" if budgets == search_budgets else
                        f" The search as a whole allows {whole}; other requests of the starting population "
                        "cover the larger designs, and designs already proposed by them may be larger."))
    return lines


def split(n: int, parts: int) -> list[int]:
    """``n`` as ``parts`` near-equal counts, larger ones first."""
    return [n // parts + (1 if i < n % parts else 0) for i in range(parts)]


def initial_population(space: Space, n: int, *, start: str, seed: int, agent: Any = None,
                       objectives: Sequence[Objective] = (), context: Mapping[str, Any] | None = None,
                       spread: bool = True) -> Seeding:
    """``n`` distinct designs: the agent's (warm) topped up with random valid ones, or all random
    (cold). Over-budget agent designs are kept (they are the agent's choice and are scored as
    infeasible); only invalid or repeated ones are replaced.

    With ``spread`` the agent is asked in one request per objective: request ``i`` focuses on the
    end of the front where objective ``i`` is best (``context["focus"]``, which also ranks it first
    for offline agents; the stated priority order is unchanged) and shows the hardware budgets
    scaled by ``2**-i`` (never below what the smallest design needs), each said as this request's,
    so the starting designs cover every end of the trade-off and every size of hardware. A single request under one priority order and the
    full budget crowds them around its first objective and, because area grows with the product of
    accelerators, PEs and buffer bytes, near the edge of the budget.
    """
    rng = seeding_rng(seed, "initial")
    taken: set[str] = set()
    if start == "cold":
        designs = random_designs(space, n, rng, taken)
        return Seeding(designs, ["random"] * len(designs))
    requests: list[tuple[Objective | None, int, float]] = [(None, n, 1.0)]
    if spread and len(objectives) > 1:
        parts = min(len(objectives), n)
        requests = [(objectives[i], k, scale) for i, (k, scale) in
                    enumerate(zip(split(n, parts), budget_scales(space, parts)))]
    chosen: list[dict[str, Any]] = []
    problems, notes, proposed = [], [], 0
    for i, (focus, k, scale) in enumerate(requests):
        told = {**dict(context or {}), "already_proposed": list(chosen)} if chosen else dict(context or {})
        if focus is not None:
            told["focus"] = focus.name
        whole = {c.name: c.le for c in space.description.constraints if c.le is not None}
        budgets = {name: value * scale for name, value in whole.items()}
        answer = ask_agent(agent, space, objectives, k, context=told, budget_scale=scale,
                           request=request_lines(i, len(requests), k, n, focus, budgets, whole))
        proposed += len(answer.candidates)
        problems += [answer.problems] if answer.problems else []
        notes += [answer.notes] if answer.notes else []
        for cand in answer.candidates:
            key = space.key(cand)
            if key not in taken:
                taken.add(key)
                chosen.append(cand)
    missing = n - len(chosen)
    reason = ""
    if missing:
        said = " | ".join(dict.fromkeys(problems or notes))   # an agent that failed says why in its notes
        counted = f"the agent proposed {proposed} valid designs ({len(chosen)} distinct) of {n}"
        reason = f"{counted}: {said}" if said else counted
    extra = random_designs(space, missing, rng, taken)
    return Seeding(chosen + extra, ["agent"] * len(chosen) + ["fallback"] * len(extra),
                   from_agent=len(chosen), fallback=len(extra), reason=clip(reason, 500),
                   agent_notes=clip(" | ".join(notes), 500))
