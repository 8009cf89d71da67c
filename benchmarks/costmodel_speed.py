"""Layer evaluations per second of the MAESTRO-style analysis, in batch mode.

Prices every row of the reference file (4,086 layer x dataflow x hardware cases) with
``costmodels.maestro.analyze_batch``, one call per dataflow, and writes a markdown table to
``benchmarks/results/costmodel_speed.md``. MAESTRO's C++ binary takes about 2.1 ms per layer
(~470 evaluations/s) on this class of machine.

    .venv/bin/python benchmarks/costmodel_speed.py [--csv PATH] [--repeats N]
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import pandas as pd

from costmodels.dataflow import load_library, presets
from costmodels.maestro import Hardware, LayerBatch, analyze_batch
from machine import machine

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CSV = REPO.parent / "shared" / "reference" / "maestro_public.csv"
MAESTRO_BINARY_PER_S = 470  # ~2.1 ms per layer (issue 3)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--repeats", type=int, default=20)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "costmodel_speed.md")
    args = ap.parse_args()

    if not args.csv.is_file():
        ap.error(f"{args.csv}: no such file (MAESTRO's reference table is ../shared/reference/"
                 "maestro_public.csv beside the checkout; pass another with --csv)")
    load_before = os.getloadavg()[0]
    ref = pd.read_csv(args.csv)
    lib_path = args.csv.with_name("maestro_public_dataflows.m")
    library = {**presets(), **(load_library(lib_path) if lib_path.exists() else {})}
    groups = []
    for name, g in ref.groupby("dataflow"):
        groups.append((library[name], g))

    def prepared() -> list[tuple]:
        return [(df, LayerBatch.from_frame(g),
                 Hardware(g["num_pes"].to_numpy(), g["noc_bw"].to_numpy(), g["offchip_bw"].to_numpy(),
                          l1_size=100_000, l2_size=10_000_000)) for df, g in groups]

    batches = prepared()
    for df, lb, hw in batches:  # warm-up (imports, caches)
        analyze_batch(lb, df, hw)
    analysis_s, end_to_end_s, analysis_cpu_s = [], [], []
    for _ in range(args.repeats):
        t0 = time.perf_counter()
        batches = prepared()
        t1, c1 = time.perf_counter(), time.process_time()
        for df, lb, hw in batches:
            res = analyze_batch(lb, df, hw)
            assert all(e is None for e in res.error)
        t2, c2 = time.perf_counter(), time.process_time()
        analysis_s.append(t2 - t1)
        analysis_cpu_s.append(c2 - c1)
        end_to_end_s.append(t2 - t0)
    n = len(ref)
    rows = []
    for label, times in (("analyze_batch only (one call per dataflow), wall clock", analysis_s),
                         ("analyze_batch only, CPU time of this process", analysis_cpu_s),
                         ("incl. building LayerBatch/Hardware from the table, wall clock",
                          end_to_end_s)):
        best, med = min(times), statistics.median(times)
        rows.append(f"| {label} | {n} | {best * 1e3:.1f} | {med * 1e3:.1f} | {n / best:,.0f} | "
                    f"{n / med:,.0f} | {n / best / MAESTRO_BINARY_PER_S:,.0f}x |")
    text = "\n".join([
        "# Cost model speed (MAESTRO-style analysis, batch mode)",
        "",
        f"Command: `.venv/bin/python benchmarks/costmodel_speed.py --repeats {args.repeats}`",
        "",
        f"Machine: {machine()}",
        "",
        f"Input: `{args.csv.name}` ({n} rows: {ref['dataflow'].nunique()} dataflows, "
        f"{ref.groupby(['num_pes', 'noc_bw', 'offchip_bw']).ngroups} hardware points).",
        "",
        f"Load average (1 min) before / after: {load_before:.2f} / {os.getloadavg()[0]:.2f} "
        "(the machine is shared: other jobs slow the wall-clock median; CPU time and the best run "
        "show the analysis itself).",
        "",
        "| what is timed | rows | best ms | median ms | evaluations/s (best) | evaluations/s (median) "
        "| best vs MAESTRO binary (~470/s) |",
        "|---|---|---|---|---|---|---|",
        *rows,
        "",
        "Target (issue 3): >= 100,000 evaluations/s. Identical (layer, num_pes) pairs share their reuse",
        "analysis; bandwidth-dependent delays are computed per row.",
        "",
    ])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
