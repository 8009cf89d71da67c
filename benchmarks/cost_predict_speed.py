"""``h2h cost predict`` as a whole process (start-up, CSV in, checks, analysis, CSV out) against
MAESTRO's binary at ~2.1 ms per layer.

Prices the 4,086 rows of ``../shared/reference/maestro_public.csv`` (with its dataflow library)
``--repeats`` times in a fresh ``h2h`` process each, beside a bare ``python -c pass`` start-up for
scale, and writes ``benchmarks/results/cost_predict_speed.md``. Wall clock is what a user waits;
the child's CPU time (user + system) is what the command itself costs, which a shared machine's
load does not inflate.

    .venv/bin/python benchmarks/cost_predict_speed.py [--csv PATH] [--repeats N]
"""
from __future__ import annotations

import argparse
import csv
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from machine import machine

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CSV = REPO.parent / "shared" / "reference" / "maestro_public.csv"
MAESTRO_S_PER_LAYER = 2.1e-3  # the MAESTRO binary, per layer (issue 22)
TARGET_SPEEDUP = 10


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(wall s, child CPU s) of one run of ``cmd``; it must succeed."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    ap.add_argument("--repeats", type=int, default=10)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "cost_predict_speed.md")
    args = ap.parse_args()
    if not args.csv.is_file():
        ap.error(f"{args.csv}: no such file (MAESTRO's reference table is ../shared/reference/"
                 "maestro_public.csv beside the checkout; pass another with --csv)")
    with open(args.csv, newline="") as f:
        rows = sum(1 for _ in csv.DictReader(f))
    library = args.csv.with_name("maestro_public_dataflows.m")
    with tempfile.TemporaryDirectory() as tmp:
        predict = [sys.executable, "-m", "h2h", "cost", "predict", str(args.csv), "-o", str(Path(tmp) / "out.csv"),
                   *(["--dataflows", str(library)] if library.exists() else [])]
        bare = [sys.executable, "-c", "pass"]
        # byte code cached as an installed package has it (in a temporary folder, not the checkout)
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env.update(PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        load_before = os.getloadavg()[0]
        timed(predict, env)  # warm the file cache and the byte code
        runs: dict[str, list[tuple[float, float]]] = {"predict": [], "bare": []}
        for _ in range(args.repeats):   # side by side, so that both see the same load
            runs["predict"].append(timed(predict, env))
            runs["bare"].append(timed(bare, env))
        load_after = os.getloadavg()[0]
    maestro_s = rows * MAESTRO_S_PER_LAYER
    table = []
    for label, key in (("`h2h cost predict` (whole process)", "predict"), ("`python -c pass` (start-up alone)", "bare")):
        wall = [w for w, _ in runs[key]]
        cpu = [c for _, c in runs[key]]
        table.append(f"| {label} | {min(wall):.3f} | {statistics.median(wall):.3f} | {min(cpu):.3f} | "
                     f"{statistics.median(cpu):.3f} | {maestro_s / statistics.median(wall):.1f}x | "
                     f"{maestro_s / statistics.median(cpu):.1f}x |")
    text = "\n".join([
        "# `h2h cost predict` speed, whole process",
        "",
        f"Command: `.venv/bin/python benchmarks/cost_predict_speed.py --repeats {args.repeats}"
        + (f" --csv {args.csv}" if args.csv != DEFAULT_CSV else "") + "`",
        "",
        f"Machine: {machine()}",
        "",
        f"Input: `{args.csv.name}`, {rows} rows, with `{library.name}`. MAESTRO's binary at "
        f"{MAESTRO_S_PER_LAYER * 1e3:.1f} ms per layer would take {maestro_s:.2f} s; the target is "
        f"{TARGET_SPEEDUP}x faster, {maestro_s / TARGET_SPEEDUP:.2f} s, start-up included.",
        "",
        f"Load average (1 min) before / after: {load_before:.2f} / {load_after:.2f} on {os.cpu_count()} cores "
        "(a shared machine: other jobs stretch the wall clock; the CPU time is the command's own).",
        "",
        "| process | best wall s | median wall s | best CPU s | median CPU s | vs MAESTRO (median wall) "
        "| vs MAESTRO (median CPU) |",
        "|---|---|---|---|---|---|---|",
        *table,
        "",
        "The rows are checked a column at a time (numpy over every row still without a problem), and",
        "neither pandas nor networkx is imported on this path. Byte code is cached (as for an installed",
        "package) under a temporary PYTHONPYCACHEPREFIX.",
        "",
    ])
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
