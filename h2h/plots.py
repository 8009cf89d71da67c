"""Plots: the Gantt chart of a schedule and a generic Pareto scatter (matplotlib, Agg backend).

``gantt`` draws one lane per accelerator (compute, coloured by model when a workload is given), one
per link (transfers, coloured by kind) and one per accelerator's local DRAM when it is used.
``pareto_scatter`` draws labelled point clouds and, optionally, each one's front as a step line;
the caller computes fronts (``h2h.pareto.non_dominated``), this module only draws.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

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


def gantt(result: EvalResult, path: str | Path, *, workload: Any = None, title: str | None = None,
          time_unit: str = "ms") -> Path:
    """Write a Gantt PNG of ``result.schedule`` to ``path``."""
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
    fig, ax = plt.subplots(figsize=(12, 1.0 + 0.5 * len(lanes)))
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
        ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.12),
                  ncol=min(len(handles), 6), fontsize="small", frameon=False)
    fig.tight_layout()
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(p, dpi=120)
    plt.close(fig)
    return p


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
    fig.tight_layout()
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(p, dpi=120)
    plt.close(fig)
    return p
