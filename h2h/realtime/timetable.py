"""An exact time-triggered schedule of a whole run with OR-Tools CP-SAT (policy ``cpsat``).

Every triggered frame of the run (XRBench's 700 ms) is one job: run whole on one accelerator or
left out (dropped), started between its release and its deadline, non-preemptive, a child after
its parent's frame, and done by the end of the run (frames whose deadline is past the end may be
left out without counting as drops). CP-SAT maximises a surrogate of XRBench's score: per model,
(the energy scores of the frames done 0.3 ms or more before their deadline, whose real-time score is
then at least 0.989) x (the frames not dropped), each model weighted by 1 / frames^2 as the score
averages it. It starts from the hint of a simulated policy's schedule. The simulator then replays
the timetable (``simulate(..., timetable=...)``), so the reported score is XRBench's exact one
under the same rules as every other policy.
"""
from __future__ import annotations

import math

import numpy as np
from ortools.sat.python import cp_model

from workloads.scenario import Scenario

from .costs import ModelCosts
from .score import energy_score
from .simulator import Frame

US_PER_MS = 1000
ON_TIME_MARGIN_US = 300
DEFAULT_TIME_LIMIT_S = 10.0


def _frames(scenario: Scenario) -> list[tuple[int, int, bool]]:
    """(model index, frame, triggered) of the run, drawn as the simulator draws them."""
    out = []
    for i, m in enumerate(scenario.models):
        rng = np.random.default_rng([scenario.seed, i])
        for k in range(int(math.floor(scenario.duration_ms / m.period_ms))):
            out.append((i, k, bool(rng.random() < m.probability)))
    return out


def cpsat_timetable(scenario: Scenario, costs: dict[str, ModelCosts], hint: list[Frame], *,
                    time_limit_s: float = DEFAULT_TIME_LIMIT_S, seed: int = 0
                    ) -> tuple[dict[tuple[str, int], tuple[int, float]], str]:
    """{(model, frame): (accelerator, start_ms)} and the solver status name."""
    models = list(scenario.models)
    names = [m.name for m in models]
    n_frames = [int(math.floor(scenario.duration_ms / m.period_ms)) for m in models]
    stop_us = max(((n - 1) * m.period_ms for n, m in zip(n_frames, models) if n > 0), default=0) * US_PER_MS
    A = len(next(iter(costs.values())).accelerator_names)
    hinted = {(f.model, f.frame): f for f in hint}
    m = cp_model.CpModel()
    jobs: dict[tuple[int, int], dict] = {}
    per_acc: list[list] = [[] for _ in range(A)]
    for i, k, triggered in _frames(scenario):
        if not triggered:
            continue
        period_us = models[i].period_ms * US_PER_MS
        rel, dl = k * period_us, (k + 1) * period_us
        lat = costs[names[i]].whole_latency_ms
        en = costs[names[i]].whole_energy_mj
        accs = [a for a in range(A) if np.isfinite(lat[a])]
        if rel >= stop_us or not accs:
            continue
        start = m.NewIntVar(rel, min(dl, stop_us), f"s{i}_{k}")
        end = m.NewIntVar(rel, stop_us, f"e{i}_{k}")
        present = m.NewBoolVar(f"p{i}_{k}")
        on_time = m.NewBoolVar(f"t{i}_{k}")
        xs, value = [], []
        for a in accs:
            x = m.NewBoolVar(f"x{i}_{k}_{a}")
            dur = int(math.ceil(lat[a] * US_PER_MS))
            per_acc[a].append(m.NewOptionalIntervalVar(start, dur, end, x, f"i{i}_{k}_{a}"))
            xs.append(x)
            value.append((x, round(1000 * max(energy_score(float(en[a])), 0.0))))
        m.Add(sum(xs) == present)
        m.AddImplication(on_time, present)
        m.Add(end <= dl - ON_TIME_MARGIN_US).OnlyEnforceIf(on_time)
        # on-time value: the energy score of the chosen accelerator (1000 = no energy)
        v = m.NewIntVar(0, 1000, f"v{i}_{k}")
        m.Add(v <= 1000 * on_time)
        m.Add(v <= sum(c * x for x, c in value))
        jobs[(i, k)] = {"start": start, "end": end, "present": present, "xs": dict(zip(accs, xs)),
                        "value": v, "tail": dl > stop_us}
        f = hinted.get((names[i], k))
        if f is not None:
            done = f.status == "done" and len(f.runs) == 1 and f.completion_ms * US_PER_MS <= stop_us
            m.AddHint(present, done)
            if done:
                a = costs[names[i]].accelerator_names.index(f.runs[0].accelerator)
                m.AddHint(start, int(round(f.runs[0].start_ms * US_PER_MS)))
                for b, x in zip(accs, xs):
                    m.AddHint(x, b == a)
    for ivs in per_acc:
        m.AddNoOverlap(ivs)
    for (i, k), job in jobs.items():
        parent = models[i].parent
        if parent is None:
            continue
        pj = jobs.get((names.index(parent), k))
        if pj is None:
            m.Add(job["present"] == 0)
        else:
            m.AddImplication(job["present"], pj["present"])
            m.Add(job["start"] >= pj["end"]).OnlyEnforceIf(job["present"])
    terms = []
    for i, name in enumerate(names):
        mine = [j for (mi, _), j in jobs.items() if mi == i]
        if not mine:
            continue
        total = sum(1 for mi, _, trig in _frames(scenario) if mi == i and trig)
        s = m.NewIntVar(0, 1000 * total, f"S{i}")
        m.Add(s == sum(j["value"] for j in mine))
        kept = m.NewIntVar(0, total, f"K{i}")  # frames not dropped (tail frames never count as drops)
        m.Add(kept == total - sum(1 - j["present"] for j in mine if not j["tail"]))
        prod = m.NewIntVar(0, 1000 * total * total, f"P{i}")
        m.AddMultiplicationEquality(prod, [s, kept])
        terms.append((prod, total))
    m.Maximize(sum(prod * max(1, round(1e7 / (t * t))) for prod, t in terms))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = float(time_limit_s)
    solver.parameters.num_workers = 2
    solver.parameters.random_seed = int(seed)
    status = solver.Solve(m)
    table: dict[tuple[str, int], tuple[int, float]] = {}
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        for (i, k), job in jobs.items():
            if solver.Value(job["present"]):
                a = next(a for a, x in job["xs"].items() if solver.Value(x))
                table[(names[i], k)] = (a, solver.Value(job["start"]) / US_PER_MS)
    return table, solver.StatusName(status)
