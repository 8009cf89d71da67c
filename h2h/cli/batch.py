"""``h2h batch CONFIG.yaml [--out DIR] [--check] [--workers N]``: run a YAML study."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "batch", help="run a study (sweeps of map, nas and codesign runs) from a YAML file",
        description="Validate a batch config, run every run it expands to (skipping finished ones), "
                    "and write summary.csv, one folder per run and report.html. Exit codes: 0 all runs "
                    "ok, 1 some runs failed (recorded in summary.csv), 2 bad input.")
    p.add_argument("config", help="batch YAML file")
    p.add_argument("--out", metavar="DIR", help="results folder (default: the config's 'out', "
                                                "else results/<name>)")
    p.add_argument("--check", action="store_true", help="validate only; exit 0 if valid, 2 if not")
    p.add_argument("--workers", type=int, metavar="N",
                   help="parallel workers: local processes, or the workers of the Dask LocalCluster "
                        "(overrides the config's executor.workers; a Dask cluster given by address "
                        "keeps its own)")
    p.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    from h2h.batch import run_batch
    from h2h.batch.report import reduction_rows

    outcome = run_batch(args.config, args.out, workers=args.workers, check=args.check)
    plan = outcome.plan
    if args.check:
        names = ", ".join(e.name for e in plan.config.experiments)
        print(f"{args.config}: ok: {len(plan.runs)} runs in {len(plan.config.experiments)} "
              f"experiment(s) ({names})")
        return 0
    out = outcome.out_dir
    print(f"{len(outcome.records)} runs: {len(outcome.records) - outcome.failed} ok, "
          f"{outcome.failed} failed ({outcome.skipped} were already done)")
    rows = reduction_rows(outcome.records)
    if rows:
        print("H2H reduction vs compute_priority (positive = lower than the baseline):")
        _print_reductions(rows)
    for r in outcome.records:
        if r["status"] != "ok":
            print(f"  failed {r['run_id']} ({r['experiment']}): {r['error']}", file=sys.stderr)
    traces = _best_traces(outcome)
    for label, path in traces:
        print(f"trace ({label}): {path}")
    for line in _search_lines(outcome):
        print(line)
    print(f"summary: {out / 'summary.csv'}")
    if outcome.report_html.exists():
        print(f"report:  {outcome.report_html}")
    return 1 if outcome.failed else 0


def _print_reductions(rows: list[dict], max_rows: int = 12) -> None:
    """Every case when there are few, else min/mean/max per mapper (report.html has them all)."""
    from h2h.batch.report import reduction_stats

    if len(rows) <= max_rows:
        cells = [(_short(r["workload"]), r["system"], r["mapper"]) for r in rows]
        widths = [max(len(c[i]) for c in cells) for i in range(3)]
        for (workload, system, mapper), r in zip(cells, rows):
            print(f"  {workload:<{widths[0]}}  {system:<{widths[1]}}  {mapper:<{widths[2]}}  latency "
                  f"{r['latency_reduction_pct']:6.1f}%  energy {r['energy_reduction_pct']:6.1f}%")
        return
    stats = reduction_stats(rows)
    w = max(len(s["mapper"]) for s in stats)
    for s in stats:
        print(f"  {s['mapper']:<{w}}  {s['cases']:3d} cases  latency {s['latency_mean']:5.1f}% mean "
              f"({s['latency_min']:.1f} .. {s['latency_max']:.1f})  energy {s['energy_mean']:5.1f}% mean "
              f"({s['energy_min']:.1f} .. {s['energy_max']:.1f})")


def _short(workload: str) -> str:
    """A workload file by its name without folder and suffix (a zoo name stays as it is)."""
    path = Path(workload)
    return path.stem if path.suffix or len(path.parts) > 1 else workload


def _best_traces(outcome) -> list[tuple[str, str]]:
    """The trace of the lowest-latency run of each map experiment."""
    from h2h.batch.runner import run_dir_of

    best: dict[str, dict] = {}
    for r in outcome.records:
        lat = r.get("summary", {}).get("latency_s")
        if r["task"] == "map" and r["status"] == "ok" and "trace.json" in r.get("files", []) and lat:
            if r["experiment"] not in best or lat < best[r["experiment"]]["summary"]["latency_s"]:
                best[r["experiment"]] = r
    out = []
    for exp, r in best.items():
        cols = r.get("columns", {})
        label = f"{exp}: {cols.get('workload')} on {cols.get('system')} with {cols.get('mapper')}"
        out.append((label, str(run_dir_of(outcome.out_dir, r["run_id"]) / "trace.json")))
    return out


def _search_lines(outcome, max_runs: int = 6) -> list[str]:
    """One line per finished nas/codesign run (the first few): its size, best value per objective
    and where its plots are."""
    from h2h.batch.report import run_label
    from h2h.batch.runner import run_dir_of

    from .tables import count_noun

    out = []
    runs = [r for r in outcome.records if r["task"] in ("nas", "codesign") and r["status"] == "ok"]
    for r in runs[:max_runs]:
        summ = r.get("summary", {})
        best = ", ".join(f"{k[5:]} {v:.4g}" for k, v in summ.items()
                         if k.startswith("best_") and isinstance(v, (int, float)))
        folder = run_dir_of(outcome.out_dir, r["run_id"])
        name = r["task"] if r["experiment"] == r["task"] else f"{r['task']} {r['experiment']}"
        config = r.get("columns", {}).get("config")
        about = ", ".join([*([Path(str(config)).stem] if config else []), run_label(r)])
        out.append(f"{name} ({about}): {summ.get('evaluations')} evaluations, "
                   f"{count_noun(summ.get('pareto_size') or 0, 'Pareto design')}; best {best}; "
                   f"plots: {folder / 'pareto.png'}, {folder / 'convergence.png'}")
    if len(runs) > max_runs:
        out.append(f"... and {len(runs) - max_runs} more search runs (summary.csv, report.html)")
    return out
