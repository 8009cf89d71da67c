"""Plots: the Gantt chart of a schedule and a generic Pareto scatter (matplotlib, Agg backend).

``gantt`` draws one lane per accelerator (compute, coloured by model when a workload is given), one
per link (transfers, coloured by kind) and one per accelerator's local DRAM when it is used.
``pareto_scatter`` draws labelled point clouds and, optionally, each one's front as a step line;
the caller computes fronts (``h2h.pareto.non_dominated``), this module only draws.
``convergence`` draws hypervolume (or any score) against evaluations: one line per labelled run, or
the median and a min..max band of a labelled group of runs (seeds).
"""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .schedule import EvalResult

# transfers in greys and browns, models in colours that none of these use
_KIND_COLOURS = {"load": "#9e9e9e", "activation": "#303030", "output": "#6a3d9a", "spill": "#8c564b",
                 "resident_weights": "#c7b07a"}
_MODEL_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#17becf", "#e377c2", "#bcbd22",
                  "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#9edae5")


def _pyplot():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(plt: Any, fig: Any, path: str | Path, *, dpi: int) -> Path:
    """Lay out (unless the figure has its own layout engine), write (creating the folder) and
    close ``fig``."""
    if fig.get_layout_engine() is None:
        fig.tight_layout()
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(p, dpi=dpi)
    plt.close(fig)
    return p


def gantt(result: EvalResult, path: str | Path, *, workload: Any = None, title: str | None = None,
          time_unit: str = "ms") -> Path:
    """Write a Gantt PNG of ``result.schedule`` to ``path``."""
    return _save(_pyplot(), gantt_figure(result, workload=workload, title=title, time_unit=time_unit), path,
                 dpi=120)


def gantt_figure(result: EvalResult, *, workload: Any = None, title: str | None = None,
                 time_unit: str = "ms") -> Any:
    """The Gantt chart as a matplotlib figure; its legend sits below the time axis and its label,
    outside the plot, however few the lanes."""
    plt = _pyplot()
    scale = {"s": 1.0, "ms": 1e3, "us": 1e6}[time_unit]
    sched = result.schedule
    accs = list(result.utilization)
    links = [k for k in result.link_bytes]
    drams = sorted({t.dst for t in sched.transfers if not t.links}, key=accs.index)
    lanes = [*accs, *(f"link {k}" for k in links), *(f"{a} DRAM" for a in drams)]
    y = {name: i for i, name in enumerate(lanes)}
    models: dict[str, str] = {}
    if workload is not None:
        models = {layer.name: layer.model for layer in workload.layers}
    model_colour = {m: _MODEL_COLOURS[i % len(_MODEL_COLOURS)]
                    for i, m in enumerate(dict.fromkeys(models.values()))}
    fig, ax = plt.subplots(figsize=(12, 1.6 + 0.5 * len(lanes)), layout="constrained")
    for c in sched.compute:
        colour = model_colour.get(models.get(c.layer, ""), "#1f77b4")
        ax.barh(y[c.accelerator], (c.end_s - c.start_s) * scale, left=c.start_s * scale, height=0.6,
                color=colour, edgecolor="black", linewidth=0.3)
    for t in sched.transfers:
        rows = [f"link {k}" for k in t.links] or [f"{t.dst} DRAM"]
        for r in rows:
            ax.barh(y[r], (t.end_s - t.start_s) * scale, left=t.start_s * scale, height=0.6,
                    color=_KIND_COLOURS.get(t.kind, "#aaaaaa"), edgecolor="black", linewidth=0.2)
    ax.set_yticks(range(len(lanes)), lanes)
    ax.invert_yaxis()
    ax.set_xlabel(f"time ({time_unit})")
    ax.set_title(title or f"latency {result.latency_s * scale:.4g} {time_unit}, energy {result.energy_j:.4g} J")
    from matplotlib.patches import Patch

    handles = [Patch(color=col, label=f"model {m}") for m, col in model_colour.items()]
    used = {t.kind for t in sched.transfers}
    handles += [Patch(color=col, label=k) for k, col in _KIND_COLOURS.items() if k in used]
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 6), fontsize="small",
                   frameon=False)
    return fig


def pareto_scatter(points: Mapping[str, tuple[Sequence[float], Sequence[float]]], path: str | Path, *,
                   xlabel: str, ylabel: str, title: str | None = None,
                   fronts: Mapping[str, tuple[Sequence[float], Sequence[float]]] | None = None,
                   log: bool = False) -> Path:
    """Scatter each labelled (xs, ys) cloud; draw each labelled front (minimisation) as a step line."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    palette = plt.get_cmap("tab10")
    labels = list(dict.fromkeys([*points, *(fronts or {})]))
    for i, label in enumerate(labels):
        colour = palette(i % 10)
        if label in points:
            xs, ys = points[label]
            ax.scatter(xs, ys, s=14, alpha=0.6, color=colour, label=label)
        if fronts and label in fronts:
            fx, fy = fronts[label]
            pts = sorted(zip(fx, fy))
            if pts:
                ax.step([p[0] for p in pts], [p[1] for p in pts], where="post", color=colour,
                        linewidth=1.5, label=None if label in points else label)
    if log:
        ax.set_xscale("log")
        ax.set_yscale("log")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    if labels:
        ax.legend(fontsize="small")
    ax.grid(True, alpha=0.3)
    return _save(plt, fig, path, dpi=120)


#: a legend entry: a format string with ``{label}`` (the group's key) and ``{n}`` (its number of
#: curves), or a function of (label, n)
LegendLabel = str | Callable[[str, int], str]


def _legend_text(spec: LegendLabel, label: str, n: int) -> str:
    return spec(label, n) if callable(spec) else spec.format(label=label, n=n)


def _stack(curves: Sequence[Sequence[float]]) -> np.ndarray:
    """Curves as rows of one array; a shorter curve (a run that stopped early) keeps its last value,
    an empty one counts as zeros."""
    n = max(len(c) for c in curves)
    return np.array([np.pad(np.asarray(c, dtype=np.float64), (0, n - len(c)), mode="edge") if len(c)
                     else np.zeros(n) for c in curves])


def convergence(curves: Mapping[str, Sequence[Sequence[float]]], path: str | Path, *,
                xlabel: str = "evaluations", ylabel: str = "hypervolume", title: str | None = None,
                colours: Mapping[str, str] | None = None,
                median_label: LegendLabel = "{label} (median)",
                band_label: LegendLabel = "{label} (min-max over {n} seeds)",
                target: float | None = None, target_label: str | None = None,
                log_x: bool = False, xlim: tuple[float, float] | None = None,
                legend_loc: str | None = "best", linewidth: float = 1.5,
                figsize: tuple[float, float] = (6.5, 4.2), dpi: int = 120) -> Path:
    """Write a PNG of score (e.g. hypervolume) against evaluations 1, 2, ... to ``path``.

    ``curves`` maps a label to its runs (one curve each, e.g. one per seed). A label with one run is
    drawn as that curve, labelled ``label``; one with several as their median, labelled
    ``median_label``, over a min..max band, labelled ``band_label`` (runs that stopped early keep
    their last value). ``colours`` maps labels to colours (default: tab10 in order); ``target``
    draws a dashed horizontal line; ``legend_loc=None`` draws no legend.
    """
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=figsize)
    palette = plt.get_cmap("tab10")
    for i, (label, runs) in enumerate(curves.items()):
        colour = (colours or {}).get(label, palette(i % 10))
        Y = _stack(runs) if len(runs) else np.zeros((1, 0))
        x = np.arange(1, Y.shape[1] + 1)
        if len(Y) == 1:
            ax.plot(x, Y[0], color=colour, linewidth=linewidth, label=label)
            continue
        ax.plot(x, np.median(Y, axis=0), color=colour, linewidth=linewidth,
                label=_legend_text(median_label, label, len(Y)))
        ax.fill_between(x, Y.min(axis=0), Y.max(axis=0), color=colour, alpha=0.2, linewidth=0,
                        label=_legend_text(band_label, label, len(Y)))
    if target is not None:
        ax.axhline(target, color="k", linestyle="--", linewidth=1, label=target_label)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if xlim is not None:
        ax.set_xlim(*xlim)
    if log_x:
        ax.set_xscale("log")
    ax.grid(True, alpha=0.3, which="both")
    if legend_loc is not None:
        ax.legend(fontsize="small", loc=legend_loc)
    if title:
        ax.set_title(title)
    return _save(plt, fig, path, dpi=dpi)
