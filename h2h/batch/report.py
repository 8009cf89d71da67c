"""``report.html``: one self-contained page about a batch, readable offline and sendable by mail.

Sections: the runs per experiment; the H2H reduction table of map sweeps (latency and energy of
each mapper against ``compute_priority`` on the same workload, system and seed); Pareto fronts
(map: latency against energy of every mapper; nas/codesign: the runs' fronts); Gantt charts of the
best schedules; convergence (hypervolume against evaluations) of nas/codesign runs; every run's
summary row; failures with their errors. Plots are PNGs drawn by :mod:`h2h.plots` and embedded as
base64, and there is no script, stylesheet or image fetched from anywhere.
"""
from __future__ import annotations

import base64
import datetime as dt
import html
import json
import math
import statistics
import tempfile
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from .outcome import RUNS_DIR, BatchOutcome, atomic_write_bytes
from .sweep import RunSpec

BASELINE = "compute_priority"
MAX_GANTTS = 6
MAX_FRONT_PLOTS = 8
MAX_FRONT_ROWS = 10
CSS = """
body{font-family:system-ui,-apple-system,Segoe UI,Helvetica,Arial,sans-serif;margin:2em auto;
max-width:1200px;color:#222;padding:0 1em}
h1{font-size:1.6em}h2{font-size:1.25em;border-bottom:1px solid #ccc;padding-bottom:.2em;margin-top:2em}
h3{font-size:1.05em}
table{border-collapse:collapse;margin:.5em 0 1em;font-size:.85em}
th,td{border:1px solid #ddd;padding:.25em .5em;text-align:right;white-space:nowrap}
th{background:#f3f3f3}td.t{text-align:left}
tr.ok td.s{color:#1a7f37}tr.failed td.s{color:#c62828;font-weight:bold}
td.good{color:#1a7f37}td.bad{color:#c62828}
figure{display:inline-block;margin:.5em 1em 1em 0;vertical-align:top}
figure img{max-width:100%;border:1px solid #eee}figcaption{font-size:.8em;color:#555}
.note{color:#666;font-size:.85em}.wide{overflow-x:auto}.err{font-family:monospace;white-space:pre-wrap;text-align:left}
"""


# ---- numbers ------------------------------------------------------------------------------------

_MAPPER_SETTINGS = ("mapper", "options", "time_limit_s")


def _is_mapper_setting(column: str) -> bool:
    return column in _MAPPER_SETTINGS or column.startswith("options.")


def _group_key(rec: Mapping[str, Any]) -> str:
    """Runs that map the same case: same workload, system (with overrides), objective and seed,
    from any experiment, so one baseline serves every mapper and ablation."""
    cols = {k: v for k, v in rec.get("columns", {}).items() if not _is_mapper_setting(k)}
    return json.dumps([rec["seed"], cols], sort_keys=True, default=str)


def mapper_label(rec: Mapping[str, Any]) -> str:
    """The mapper with its options, e.g. ``h2h {"steps": [1, 2]}``."""
    cols = rec.get("columns", {})
    extra = [str(cols[k]) for k in ("options", "time_limit_s") if cols.get(k) not in (None, "", "{}")]
    return " ".join([str(cols.get("mapper")), *extra])


def reduction_rows(records: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Per map group (experiment, workload, system, objective, seed), each mapper against
    ``compute_priority``: reduction = 1 - mapper / baseline, in percent (positive is better)."""
    groups: dict[str, dict[str, Mapping[str, Any]]] = defaultdict(dict)
    for rec in records:
        if rec["task"] == "map" and rec["status"] == "ok":
            groups[_group_key(rec)][mapper_label(rec)] = rec
    rows = []
    for by_mapper in groups.values():
        base = by_mapper.get(BASELINE)
        if base is None:
            continue
        for mapper, rec in by_mapper.items():
            if mapper == BASELINE:
                continue
            b, m = base["summary"], rec["summary"]
            cols = rec["columns"]
            rows.append({
                "experiment": rec["experiment"], "workload": str(cols.get("workload")),
                "system": _system_label(cols), "objective": cols.get("objective"), "seed": rec["seed"],
                "mapper": mapper, "baseline_latency_s": b["latency_s"], "latency_s": m["latency_s"],
                "latency_reduction_pct": 100.0 * (1.0 - m["latency_s"] / b["latency_s"]),
                "baseline_energy_j": b["energy_j"], "energy_j": m["energy_j"],
                "energy_reduction_pct": 100.0 * (1.0 - m["energy_j"] / b["energy_j"]),
                "run_id": rec["run_id"], "baseline_run_id": base["run_id"]})
    rows.sort(key=lambda r: (r["mapper"] != "h2h", r["mapper"], r["workload"], r["system"], r["seed"]))
    return rows


def _system_label(cols: Mapping[str, Any]) -> str:
    extra = [f"{k.split('.', 1)[1]}={v}" for k, v in cols.items() if k.startswith("system.")]
    return str(cols.get("system")) + (f" ({', '.join(extra)})" if extra else "")


def reduction_stats(rows: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Min, mean and max reduction per mapper (with its options), over every case it ran."""
    by: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in rows:
        by[r["mapper"]].append(r)
    out = []
    for mapper, rs in by.items():
        exp = ", ".join(dict.fromkeys(r["experiment"] for r in rs))
        lat = [r["latency_reduction_pct"] for r in rs]
        en = [r["energy_reduction_pct"] for r in rs]
        out.append({"experiment": exp, "mapper": mapper, "cases": len(rs),
                    "latency_min": min(lat), "latency_mean": statistics.fmean(lat), "latency_max": max(lat),
                    "energy_min": min(en), "energy_mean": statistics.fmean(en), "energy_max": max(en)})
    return out


# ---- html pieces ----------------------------------------------------------------------------------

def _fmt(value: Any) -> str:
    if isinstance(value, bool) or value is None:
        return "" if value is None else str(value).lower()
    if isinstance(value, float):
        if not math.isfinite(value):
            return str(value)
        if value == 0:
            return "0"
        mag = abs(value)
        return f"{value:.4g}" if 1e-3 <= mag < 1e5 else f"{value:.3e}"
    return str(value)


def table(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, headers: Sequence[str] | None = None,
          row_class: str | None = None, text_columns: Sequence[str] = (),
          signed: Sequence[str] = (), formats: Mapping[str, str] | None = None) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in (headers or columns))
    body = []
    for row in rows:
        cells = []
        for c in columns:
            v = row.get(c)
            classes = []
            if c in text_columns or isinstance(v, str):
                classes.append("t")
            if c == "status":
                classes.append("s")
            if c in signed and isinstance(v, (int, float)):
                classes.append("good" if v > 0 else "bad" if v < 0 else "")
            if c == "error":
                classes.append("err")
            cls = f' class="{" ".join(x for x in classes if x)}"' if any(classes) else ""
            fmt = (formats or {}).get(c)
            text = fmt.format(v) if fmt and isinstance(v, (int, float)) else _fmt(v)
            cells.append(f"<td{cls}>{html.escape(text)}</td>")
        rc = f' class="{html.escape(str(row.get(row_class, "")))}"' if row_class else ""
        body.append(f"<tr{rc}>{''.join(cells)}</tr>")
    return (f"<div class='wide'><table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody>"
            "</table></div>")


def figure(png: bytes, caption: str, *, width_px: int | None = None) -> str:
    data = base64.b64encode(png).decode("ascii")
    style = f' style="max-width:{width_px}px"' if width_px else ""
    return (f'<figure><img alt="{html.escape(caption)}"{style} src="data:image/png;base64,{data}">'
            f"<figcaption>{html.escape(caption)}</figcaption></figure>")


def _png(draw) -> bytes | None:
    """Run ``draw(path)`` (a :mod:`h2h.plots` call) in a scratch folder; the PNG, or None."""
    with tempfile.TemporaryDirectory(prefix="h2h-report-") as tmp:
        path = Path(tmp) / "plot.png"
        draw(path)
        return path.read_bytes() if path.exists() else None


# ---- sections ---------------------------------------------------------------------------------------

def _overview(outcome: BatchOutcome) -> str:
    rows = []
    by_exp: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for rec in outcome.records:
        by_exp[rec["experiment"]].append(rec)
    for exp in outcome.plan.config.experiments:
        recs = by_exp.get(exp.name, [])
        planned = sum(r.experiment == exp.name for r in outcome.plan.runs)
        rows.append({"experiment": exp.name, "task": exp.task, "runs": planned,
                     "ok": sum(r["status"] == "ok" for r in recs),
                     "failed": sum(r["status"] != "ok" for r in recs),
                     "not run": planned - len(recs),
                     "sweep": ", ".join(f"{a.key} ×{len(a.values)}" for a in exp.sweep) or "none",
                     "seeds": len(exp.seeds),
                     "compute time (s)": sum(float(r.get("elapsed_s") or 0) for r in recs)})
    cols = ["experiment", "task", "runs", "ok", "failed", "not run", "sweep", "seeds", "compute time (s)"]
    return "<h2 id='overview'>Overview</h2>" + table(cols, rows)


_STATS = ("latency_min", "latency_mean", "latency_max", "energy_min", "energy_mean", "energy_max")


def _reduction_section(outcome: BatchOutcome) -> str:
    rows = reduction_rows(outcome.records)
    if not rows:
        return ""
    stats = reduction_stats(rows)
    out = ["<h2 id='reduction'>H2H reduction table</h2>",
           f"<p class='note'>Reduction = 1 − mapper / {BASELINE}, on the same workload, system and "
           "seed; positive means lower latency or energy than the computation-prioritized baseline.</p>",
           table(["experiment", "mapper", "cases", *_STATS], stats,
                 headers=["experiment", "mapper", "cases", "latency red. min %", "mean %", "max %",
                          "energy red. min %", "mean %", "max %"],
                 signed=_STATS, formats=dict.fromkeys(_STATS, "{:.1f}")),
           _reduction_pivot(rows)]
    return "".join(out)


def _reduction_pivot(rows: Sequence[Mapping[str, Any]]) -> str:
    """One row per case (workload, system, seed), two columns (latency, energy) per mapper."""
    mappers = list(dict.fromkeys(r["mapper"] for r in rows))
    cases: dict[tuple, dict[str, Any]] = {}
    for r in rows:
        case = cases.setdefault((r["workload"], r["system"], r["seed"]), {
            "workload": r["workload"], "system": r["system"], "seed": r["seed"],
            "base_lat": r["baseline_latency_s"] * 1e3, "base_en": r["baseline_energy_j"] * 1e3})
        i = mappers.index(r["mapper"])
        case[f"lat{i}"], case[f"en{i}"] = r["latency_reduction_pct"], r["energy_reduction_pct"]
    reds = [f"{k}{i}" for i in range(len(mappers)) for k in ("lat", "en")]
    head = "".join(f"<th colspan='2'>{html.escape(m)}</th>" for m in mappers)
    seeds = len({r["seed"] for r in rows}) > 1
    cols = ["workload", "system", *(["seed"] if seeds else []), "base_lat", "base_en", *reds]
    headers = ["workload", "system", *(["seed"] if seeds else []), "baseline latency (ms)",
               "baseline energy (mJ)", *(["latency red. %", "energy red. %"] * len(mappers))]
    body = table(cols, cases.values(), headers=headers, signed=reds, formats=dict.fromkeys(reds, "{:.1f}"))
    span = len(cols) - len(reds)
    return body.replace("<thead>", f"<thead><tr><th colspan='{span}'></th>{head}</tr>", 1)


def _map_groups(outcome: BatchOutcome) -> dict[str, list[Mapping[str, Any]]]:
    groups: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for rec in outcome.records:
        if rec["task"] == "map" and rec["status"] == "ok":
            groups[_group_key(rec)].append(rec)
    return groups


def _map_fronts(outcome: BatchOutcome, notes: list[str]) -> str:
    groups = [g for g in _map_groups(outcome).values() if len(g) > 1]
    if not groups:
        return ""
    figs = []
    for recs in groups[:MAX_FRONT_PLOTS]:
        cols = recs[0]["columns"]
        title = f"{cols.get('workload')} on {_system_label(cols)}"
        png = _plot_or_note(notes, "map Pareto", lambda p, recs=recs, title=title: _draw_map_front(p, recs, title))
        if png:
            figs.append(figure(png, f"latency vs energy per mapper: {title}", width_px=520))
    more = f"<p class='note'>{len(groups) - MAX_FRONT_PLOTS} more groups in summary.csv.</p>" \
        if len(groups) > MAX_FRONT_PLOTS else ""
    return "<h3>Mappers: latency against energy</h3>" + "".join(figs) + more if figs else ""


def _draw_map_front(path: Path, recs: Sequence[Mapping[str, Any]], title: str) -> None:
    from h2h import plots
    from h2h.pareto import non_dominated

    points: dict[str, tuple[list[float], list[float]]] = {}
    for r in recs:
        xs, ys = points.setdefault(mapper_label(r), ([], []))
        xs.append(r["summary"]["latency_s"] * 1e3)
        ys.append(r["summary"]["energy_j"] * 1e3)
    F = [(x, y) for xs, ys in points.values() for x, y in zip(xs, ys)]
    front = [p for p, keep in zip(F, non_dominated(F)) if keep]
    plots.pareto_scatter(points, path, xlabel="latency (ms)", ylabel="energy (mJ)", title=title,
                         fronts={"Pareto front": ([p[0] for p in front], [p[1] for p in front])})


def _gantts(outcome: BatchOutcome, notes: list[str]) -> str:
    specs = {r.run_id: r for r in outcome.plan.runs}
    best = []
    for recs in _map_groups(outcome).values():
        best.append(min(recs, key=lambda r: r["summary"]["latency_s"]))
    best.sort(key=lambda r: (r["experiment"], str(r["columns"].get("workload")), _system_label(r["columns"])))
    figs = []
    for rec in best[:MAX_GANTTS]:
        spec = specs.get(rec["run_id"])
        if spec is None:
            continue
        cols = rec["columns"]
        caption = (f"{cols.get('workload')} on {_system_label(cols)}: best is {mapper_label(rec)}, "
                   f"latency {_fmt(rec['summary']['latency_s'])} s (run {rec['run_id']})")
        png = _plot_or_note(notes, "Gantt", lambda p, spec=spec: _draw_gantt(p, outcome.out_dir, spec))
        if png:
            figs.append(figure(png, caption))
    if not figs:
        return ""
    more = (f"<p class='note'>Showing {MAX_GANTTS} of {len(best)} groups; every run folder has "
            "trace.json for ui.perfetto.dev.</p>") if len(best) > MAX_GANTTS else ""
    return "<h2 id='gantt'>Best schedules</h2>" + "".join(figs) + more


def _draw_gantt(path: Path, out_dir: Path, spec: RunSpec) -> None:
    """Rebuild the best run's schedule from its stored mapping (the same evaluate as the run)."""
    from h2h import plots
    from h2h.evaluate import evaluate

    from .tasks import load_system_of, load_workload_of

    data = json.loads((out_dir / RUNS_DIR / spec.run_id / "result.json").read_text())
    workload, system = load_workload_of(spec), load_system_of(spec)
    result = evaluate(workload, system, data["mapping"], order=data.get("order"),
                      resident=data.get("resident"), sequence=data.get("sequence"))
    if not math.isclose(result.latency_s, data["latency_s"], rel_tol=1e-9):
        raise ValueError(f"run {spec.run_id}: its stored mapping now schedules to {result.latency_s} s, "
                         f"not the {data['latency_s']} s it reported (the code changed since?)")
    plots.gantt(result, path, workload=workload, title=f"{workload.name} on {system.name}: "
                f"latency {result.latency_s * 1e3:.4g} ms, energy {result.energy_j * 1e3:.4g} mJ")


def _search_sections(outcome: BatchOutcome, notes: list[str]) -> str:
    recs = [r for r in outcome.records if r["task"] in ("nas", "codesign") and r["status"] == "ok"]
    if not recs:
        return ""
    parts = ["<h2 id='search'>Search runs (FL-NAS, co-design)</h2>"]
    by_exp: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for r in recs:
        by_exp[r["experiment"]].append(r)
    for exp, rs in by_exp.items():
        parts.append(f"<h3>{html.escape(exp)}</h3>")
        png = _plot_or_note(notes, "convergence", lambda p, rs=rs: _draw_convergence(p, outcome.out_dir, rs))
        if png:
            parts.append(figure(png, f"{exp}: hypervolume of the front against evaluations", width_px=620))
        for r in rs[:MAX_FRONT_PLOTS]:
            front_png = outcome.out_dir / RUNS_DIR / r["run_id"] / "pareto.png"
            if front_png.exists():
                parts.append(figure(front_png.read_bytes(), f"Pareto front of run {r['run_id']} "
                                    f"({run_label(r)})", width_px=480))
        for r in rs[:MAX_FRONT_PLOTS]:
            parts.append(_front_table(outcome.out_dir, r))
    return "".join(parts)


def run_label(rec: Mapping[str, Any]) -> str:
    """What tells a run apart within its experiment: its swept values and its seed."""
    swept = {k: v for k, v in (rec.get("label") or {}).items() if k != "seed"}
    return ", ".join([*(f"{k}={json.dumps(v) if isinstance(v, (dict, list)) else v}"
                        for k, v in swept.items()), f"seed={rec['seed']}"])


def _front_table(out_dir: Path, rec: Mapping[str, Any]) -> str:
    path = out_dir / RUNS_DIR / rec["run_id"] / "pareto.csv"
    if not path.exists():
        return ""
    from h2h.results import read_history

    rows = read_history(path)
    if not rows:
        return ""
    drop = {"constraint_violation", "repeat", "error"}
    cols = [c for c in rows[0] if c not in drop]
    shown = [{c: _number(r[c]) for c in cols} for r in rows[:MAX_FRONT_ROWS]]
    more = f" (first {MAX_FRONT_ROWS} of {len(rows)})" if len(rows) > MAX_FRONT_ROWS else ""
    return (f"<p class='note'>Pareto designs of run {html.escape(rec['run_id'])} ({html.escape(run_label(rec))})"
            f"{more}:</p>" + table(cols, shown))


def _number(text: str) -> Any:
    try:
        return int(text)
    except ValueError:
        try:
            return float(text)
        except ValueError:
            return text


def _draw_convergence(path: Path, out_dir: Path, recs: Sequence[Mapping[str, Any]]) -> None:
    """Hypervolume against evaluations of each run, on the union's normalisation."""
    from h2h import plots
    from h2h.pareto import Normalisation, hypervolume_curve, loss_matrix, objectives_from
    from h2h.results import read_history

    curves, objectives = {}, None
    for r in recs:
        run_dir = out_dir / RUNS_DIR / r["run_id"]
        result = json.loads((run_dir / "result.json").read_text())
        objectives = objectives or objectives_from(result["objectives"])
        rows = [{k: _number(v) for k, v in row.items()} for row in read_history(run_dir / "history.csv")]
        usable = [row for row in rows if not row.get("error") and str(row.get("repeat")) != "true"
                  and float(row.get("constraint_violation") or 0) <= 0]
        curves[run_label(r)] = loss_matrix(usable, objectives)
    norm = Normalisation.from_points(*curves.values())
    plots.convergence({label: [hypervolume_curve(F, norm)] for label, F in curves.items()}, path,
                      xlabel="evaluations (feasible, first-time)",
                      ylabel="hypervolume (normalised on the union of runs)",
                      linewidth=1.4, figsize=(7, 4), dpi=110)


def _plot_or_note(notes: list[str], what: str, draw) -> bytes | None:
    try:
        return _png(draw)
    except ModuleNotFoundError as e:
        note = f"{what} plots skipped: {e.name} is not installed or not built yet"
    except Exception as e:  # noqa: BLE001 - a plot must never cost the report
        note = f"{what} plot failed: {type(e).__name__}: {e}"
    if note not in notes:
        notes.append(note)
    return None


def _runs_section(rows: Sequence[Mapping[str, Any]]) -> str:
    if not rows:
        return ""
    cols: list[str] = []
    for r in rows:
        cols.extend(k for k in r if k not in cols and k not in ("error", "run_dir"))
    return "<h2 id='runs'>All runs</h2>" + table(cols, rows, row_class="status")


def _failures(outcome: BatchOutcome) -> str:
    failed = [r for r in outcome.records if r["status"] != "ok"]
    if not failed:
        return ""
    rows = [{"run_id": r["run_id"], "experiment": r["experiment"], "error": r["error"]} for r in failed]
    return "<h2 id='failures'>Failed runs</h2>" + table(["run_id", "experiment", "error"], rows)


def render_report(outcome: BatchOutcome, run_rows: Sequence[Mapping[str, Any]]) -> str:
    """The report page; ``run_rows`` are summary.csv's rows (the runner's ``summary_rows``)."""
    cfg = outcome.plan.config
    notes: list[str] = []
    body = [_overview(outcome), _reduction_section(outcome)]
    fronts = _map_fronts(outcome, notes)
    if fronts:
        body.append("<h2 id='pareto'>Pareto fronts</h2>" + fronts)
    body += [_gantts(outcome, notes), _search_sections(outcome, notes), _runs_section(run_rows),
             _failures(outcome)]
    if notes:
        body.append("<h2>Notes</h2><ul>" + "".join(f"<li>{html.escape(n)}</li>" for n in notes) + "</ul>")
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    ok = sum(r["status"] == "ok" for r in outcome.records)
    head = (f"<h1>h2h batch: {html.escape(cfg.name)}</h1>"
            + (f"<p>{html.escape(cfg.description)}</p>" if cfg.description else "")
            + f"<p class='note'>Config {html.escape(cfg.path.name)}; {len(outcome.plan.runs)} runs, "
              f"{ok} ok, {len(outcome.records) - ok} failed; generated {stamp}. Each run's files are in "
              f"{RUNS_DIR}/&lt;run_id&gt;/ beside this report.</p>")
    return ("<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>h2h batch {html.escape(cfg.name)}</title><style>{CSS}</style></head><body>"
            + head + "".join(b for b in body if b) + "</body></html>\n")


def write_report(outcome: BatchOutcome, run_rows: Sequence[Mapping[str, Any]]) -> Path:
    path = outcome.report_html
    atomic_write_bytes(path, render_report(outcome, run_rows).encode("utf-8"))
    return path
