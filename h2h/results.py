"""The results folder shared by ``h2h nas`` and ``h2h codesign``.

Layout of ``OUT/``:

* ``result.json``: ``kind`` (nas, codesign), ``objectives`` as a list of ``{name, direction}``,
  ``best`` (the Pareto designs with their metrics), ``best_by_objective``, ``counts``
  (evaluations, repeats, errors, infeasible, and rows per source), ``settings`` (everything needed
  to rerun: config, seed, budget, agent) and any ``extra`` the search adds (hypervolume...).
* ``history.csv``: one row per evaluation, in order. Columns: ``evaluation`` (1-based),
  ``source`` (agent, heuristic, random, fallback, offspring, ...), every variable of the space in
  space order, every objective under its name, the other metrics reported (sorted by name), then
  ``constraint_violation`` (0 when the design fits every budget), ``repeat`` (the candidate was
  evaluated before; its metrics come from the cache) and ``error`` (why the candidate could not be
  scored, empty otherwise).
* ``pareto.csv``: the non-dominated rows among the feasible, error-free, first-time rows, same
  columns.
* ``pareto.png``: the front, through :mod:`h2h.plots` (skipped when matplotlib is unavailable).

Floats are written with ``repr`` (shortest round-trip form) so that two runs that compute the
same numbers write byte-identical files.
"""
from __future__ import annotations

import csv
import io
import json
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llm_agents.task import Objective

from .pareto import pareto_rows

TAIL_COLUMNS = ("constraint_violation", "repeat", "error")


@dataclass(frozen=True)
class HistoryRow:
    """One evaluation of a search: what was proposed, by whom, and what it scored."""

    evaluation: int
    source: str
    candidate: Mapping[str, Any]
    metrics: Mapping[str, float] = field(default_factory=dict)
    constraint_violation: float = 0.0
    repeat: bool = False
    error: str = ""

    @property
    def usable(self) -> bool:
        """Feasible, scored, and not a repeat: eligible for the Pareto front."""
        return not self.error and not self.repeat and self.constraint_violation <= 0

    def to_dict(self) -> dict[str, Any]:
        return {"evaluation": self.evaluation, "source": self.source, "candidate": dict(self.candidate),
                "metrics": dict(self.metrics), "constraint_violation": self.constraint_violation,
                "repeat": self.repeat, "error": self.error}


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else ("inf" if value > 0 else "-inf" if value < 0 else "nan")
    return str(value)


def history_columns(variables: Sequence[str], objectives: Sequence[Objective],
                    rows: Sequence[HistoryRow]) -> list[str]:
    """The CSV header: evaluation, source, variables, objectives, other metrics, tail columns."""
    head = ["evaluation", "source", *variables, *(o.name for o in objectives)]
    others = sorted({k for r in rows for k in r.metrics} - set(head))
    return head + others + list(TAIL_COLUMNS)


def history_csv(rows: Sequence[HistoryRow], variables: Sequence[str],
                objectives: Sequence[Objective]) -> str:
    """``rows`` as CSV text in the documented column order."""
    columns = history_columns(variables, objectives, rows)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(columns)
    for r in rows:
        flat = {"evaluation": r.evaluation, "source": r.source, **dict(r.candidate), **dict(r.metrics),
                "constraint_violation": float(r.constraint_violation), "repeat": r.repeat,
                "error": r.error}
        writer.writerow([_cell(flat.get(c)) for c in columns])
    return buf.getvalue()


def front_of(rows: Sequence[HistoryRow], objectives: Sequence[Objective]) -> list[HistoryRow]:
    """The non-dominated usable rows, in evaluation order."""
    usable = [r for r in rows if r.usable]
    return [usable[i] for i in pareto_rows([r.metrics for r in usable], objectives)]


def _best_by_objective(rows: Sequence[HistoryRow], objectives: Sequence[Objective]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    usable = [r for r in rows if r.usable]
    for o in objectives:
        scored = [r for r in usable if math.isfinite(o.loss(r.metrics))]
        if scored:
            best = min(scored, key=lambda r: o.loss(r.metrics))
            out[o.name] = {"evaluation": best.evaluation, "candidate": dict(best.candidate),
                           "metrics": dict(best.metrics)}
    return out


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, Mapping):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_json_safe(v) for v in value]
    if isinstance(value, Path):
        return str(value)
    return value


# what a search writes into its results folder (codesign adds designs/)
RESULT_FILES = ("result.json", "history.csv", "pareto.csv", "pareto.png", "convergence.png")


def prepare_out_dir(out_dir: str | Path, *, overwrite: bool = False) -> Path:
    """Check, before a search spends its budget, that its results folder can be written and holds
    no earlier run's results (replaced only with ``overwrite``, so nothing computed is lost by
    accident); create it."""
    import os
    import shutil

    from .errors import ConfigError

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise ConfigError("expected a folder for the results, got a file", file=str(out))
    if (out / "result.json").exists():
        if not overwrite:
            raise ConfigError("holds the results of an earlier run (result.json); choose another --out, "
                              "or pass --overwrite (Python: overwrite=True) to replace them", file=str(out))
        for name in RESULT_FILES:
            (out / name).unlink(missing_ok=True)
        shutil.rmtree(out / "designs", ignore_errors=True)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ConfigError(f"cannot create the results folder: {e.strerror}", file=str(out)) from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise ConfigError("the results folder is not writable", file=str(out))
    return out


def write_results(out_dir: str | Path, *, kind: str, objectives: Sequence[Objective],
                  variables: Sequence[str], history: Sequence[HistoryRow],
                  settings: Mapping[str, Any], extra: Mapping[str, Any] | None = None,
                  plot: bool = True) -> Path:
    """Write result.json, history.csv, pareto.csv (and pareto.png) into ``out_dir``; return it."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    front = front_of(history, objectives)
    (out / "history.csv").write_text(history_csv(history, variables, objectives))
    (out / "pareto.csv").write_text(history_csv(front, variables, objectives))
    repeats = sum(r.repeat for r in history)
    counts = {                      # evaluations: distinct ones, as the budget counts them
        "evaluations": len(history) - repeats,
        "repeats": repeats,
        "errors": sum(bool(r.error) for r in history),
        "infeasible": sum(r.constraint_violation > 0 for r in history),
        "pareto": len(front),
        "by_source": dict(sorted(Counter(r.source for r in history).items())),
    }
    result = {
        "kind": kind,
        "objectives": [{"name": o.name, "direction": o.direction} for o in objectives],
        "best": [{"evaluation": r.evaluation, "source": r.source, "candidate": dict(r.candidate),
                  "metrics": dict(r.metrics)} for r in front],
        "best_by_objective": _best_by_objective(history, objectives),
        "counts": counts,
        "settings": dict(settings),
        **dict(extra or {}),
    }
    (out / "result.json").write_text(json.dumps(_json_safe(result), indent=2) + "\n")
    if plot and front:
        plot_front(out / "pareto.png", history, front, objectives)
    return out


def plot_front(path: Path, history: Sequence[HistoryRow], front: Sequence[HistoryRow],
               objectives: Sequence[Objective]) -> Path | None:
    """Scatter of every usable design and of the Pareto designs, on the two most important
    objectives (through ``h2h.plots.pareto_scatter``)."""
    if len(objectives) < 2:
        return None
    from h2h import plots

    x, y = sorted(objectives, key=lambda o: o.priority)[:2]

    def cloud(rows: Sequence[HistoryRow]) -> tuple[list[float], list[float]]:
        ok = [r for r in rows if x.name in r.metrics and y.name in r.metrics]
        return [float(r.metrics[x.name]) for r in ok], [float(r.metrics[y.name]) for r in ok]

    def label(o: Objective) -> str:
        return f"{o.name} ({'higher' if o.direction == 'max' else 'lower'} is better)"

    return plots.pareto_scatter({"evaluated designs": cloud([r for r in history if r.usable]),
                                 "Pareto designs (all objectives)": cloud(front)}, path,
                                xlabel=label(x), ylabel=label(y),
                                title=f"{sum(not r.repeat for r in history)} evaluations")  # as the budget counts


def read_history(path: str | Path) -> list[dict[str, str]]:
    """The rows of a history.csv or pareto.csv, as strings (for tests and reports)."""
    with open(path, newline="") as f:
        return list(csv.DictReader(f))
