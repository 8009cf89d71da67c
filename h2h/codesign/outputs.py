"""The results folder of a co-design run: the shared format of ``h2h nas`` plus designs to take away.

``OUT/`` holds what :func:`h2h.results.write_results` writes (``result.json`` with ``kind:
codesign``, ``history.csv``, ``pareto.csv``, ``pareto.png``), and:

* ``convergence.png``: hypervolume of the front against distinct evaluations (normalised on the
  run's own usable designs; comparisons across runs need a common normalisation, as the warm-start
  benchmark uses);
* ``designs/eval<N>/`` for the exported Pareto designs (the best in each objective first, then the
  rest of the front in evaluation order, at most ``export_designs``): ``system.yaml`` (load it with
  ``h2h map``), ``design.json`` (candidate, architecture spec, mapper, metrics), ``mapping.json``
  (the mapper's placement, order and schedule summary), ``trace.json`` (Perfetto / chrome://tracing)
  and ``gantt.png``. The mapping is recomputed with the same mapper and options as in the search;
  ``design.json`` records whether it reproduced the searched latency and energy exactly.
"""
from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from llm_agents.task import Objective

from h2h.pareto import Normalisation, hypervolume_curve, loss_matrix
from h2h.results import HistoryRow, write_results

from .problem import CodesignProblem


def distinct_losses(history: Sequence[HistoryRow], objectives: Sequence[Objective]) -> np.ndarray:
    """One row per distinct evaluation, in order: the objectives to minimise for usable designs,
    ``inf`` for the rest (over budget, unscored), so row ``k`` is the ``k+1``-th evaluation."""
    rows = [r for r in history if not r.repeat]
    F = loss_matrix([r.metrics for r in rows], objectives)
    F[[not r.usable for r in rows]] = np.inf
    return F


def self_normalised_curve(history: Sequence[HistoryRow], objectives: Sequence[Objective]) -> list[float]:
    """Hypervolume after each distinct evaluation, normalised on the run's own usable designs."""
    F = distinct_losses(history, objectives)
    try:
        norm = Normalisation.from_points(F)
    except ValueError:
        return [0.0] * len(F)
    return [float(x) for x in hypervolume_curve(F, norm)]


def export_choice(result: Any) -> list[HistoryRow]:
    """The Pareto designs to export: best per objective, then the rest of the front."""
    front = result.front
    chosen: list[HistoryRow] = []
    for o in result.objectives:
        scored = [r for r in front if math.isfinite(o.loss(r.metrics))]
        if scored:
            best = min(scored, key=lambda r: o.loss(r.metrics))
            if best not in chosen:
                chosen.append(best)
    chosen += [r for r in front if r not in chosen]
    return chosen[:result.settings.export_designs]


def export_design(row: HistoryRow, problem: CodesignProblem, folder: Path, *, plot: bool = True) -> dict[str, Any]:
    """Write one design's system YAML, mapping, trace (and Gantt chart) into ``folder``."""
    from h2h.mappers import map_workload
    from h2h.trace import write_trace

    space = problem.space
    folder.mkdir(parents=True, exist_ok=True)
    workload, system, mapper = space.decode(row.candidate)
    if getattr(space.arch, "family", None) == "scenario":
        return _export_scenario_design(row, space, workload, system, folder)
    options = problem.pipeline.options_for(mapper)
    mapped = map_workload(workload, system, mapper=mapper, **options)
    system.save(folder / "system.yaml")
    reproduced = (mapped.latency_s == row.metrics.get("latency_s") and
                  mapped.energy_j == row.metrics.get("energy_j"))
    design = {"evaluation": row.evaluation, "source": row.source, "candidate": dict(row.candidate),
              "architecture": space.arch_spec(row.candidate), "workload": workload.name, "mapper": mapper,
              "map_options": dict(options), "metrics": dict(row.metrics),
              "mapping_reproduced": bool(reproduced)}
    (folder / "design.json").write_text(json.dumps(design, indent=2, default=str) + "\n")
    (folder / "mapping.json").write_text(json.dumps(mapped.to_dict(), indent=1, default=str) + "\n")
    write_trace(mapped, folder / "trace.json")
    if plot:
        from h2h import plots

        plots.gantt(mapped, folder / "gantt.png", workload=workload,
                    title=f"design #{row.evaluation}: latency {mapped.latency_s * 1e3:.4g} ms, "
                          f"energy {mapped.energy_j * 1e3:.4g} mJ")
    return {"evaluation": row.evaluation, "folder": str(folder), "mapping_reproduced": bool(reproduced)}


def _export_scenario_design(row: HistoryRow, space: Any, scenario: Any, system: Any,
                            folder: Path) -> dict[str, Any]:
    """A scenario design: its system, the real-time result (``realtime.json``: scores, plans and
    every frame) and the frames' Perfetto trace."""
    from h2h.realtime import realtime
    from h2h.realtime.trace import write_trace

    r = realtime(scenario, system, space.arch.policy, costs=space.arch.costs)
    system.save(folder / "system.yaml")
    reproduced = r.overall_score == row.metrics.get("xrbench_score")
    design = {"evaluation": row.evaluation, "source": row.source, "candidate": dict(row.candidate),
              "architecture": space.arch.template(), "metrics": dict(row.metrics),
              "score_reproduced": bool(reproduced)}
    (folder / "design.json").write_text(json.dumps(design, indent=2, default=str) + "\n")
    (folder / "realtime.json").write_text(json.dumps(r.to_dict(frames=True), indent=1) + "\n")
    write_trace(r, folder / "trace.json")
    return {"evaluation": row.evaluation, "folder": str(folder), "mapping_reproduced": bool(reproduced)}


def plot_convergence(path: Path, curve: Sequence[float], title: str) -> Path:
    from h2h import plots

    return plots.convergence({"run": [curve]}, path, xlabel="distinct evaluations",
                             ylabel="hypervolume (self-normalised)", title=title, legend_loc=None,
                             linewidth=1.6, figsize=(6.4, 3.8), dpi=110)


def write_codesign_results(result: Any, problem: CodesignProblem, *, plot: bool = True) -> Path:
    """Write the results folder of ``result`` (a :class:`~h2h.codesign.loop.CodesignResult`)."""
    s = result.settings
    out = Path(s.out)
    curve = self_normalised_curve(result.history, result.objectives)
    designs = [export_design(row, problem, out / "designs" / f"eval{row.evaluation:04d}", plot=plot)
               for row in export_choice(result)]
    result.designs = designs
    extra = {
        "start": s.start,
        "warm_start": result.seeding.summary(),
        "agent": result.agent.to_dict() if result.agent is not None else None,
        "fallbacks": result.fallbacks,
        "injections": result.injections,
        "generations": result.generations,
        "stopped": result.stopped,
        "constraints": list(problem.constraint_names),
        "hypervolume_self_normalised": curve[-1] if curve else 0.0,
        "hypervolume_curve": curve,
        "runtime_s": result.runtime_s,
        "cache": {"evaluations": problem.pipeline.evaluations, "repeats": problem.pipeline.repeats},
        "designs": designs,
    }
    write_results(out, kind="codesign", objectives=result.objectives, variables=s.space.names,
                  history=result.history, settings=s.to_dict(), extra=extra, plot=plot)
    if plot and curve:
        plot_convergence(out / "convergence.png", curve, f"{s.start} start, seed {s.seed}: "
                                                         f"{len(curve)} evaluations")
    result.out = out
    return out
