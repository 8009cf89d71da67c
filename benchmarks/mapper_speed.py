"""Mapper speed and exactness.

Part ``cli``: wall time of the whole ``h2h map`` command (process start, imports, cost table, h2h,
JSON) on the largest zoo workload (xr_set, 402 layers) on hetero4_mid, best of ``--repeat`` runs,
with the machine's load average (other jobs share the 2 cores).
Part ``mappers``: runtime of each mapper on the MMMT zoo (hetero4_mid), in-process.
Part ``cpsat``: small MMMT graphs of at most 30 layers on the four hetero4 accelerators: CP-SAT
(8 workers, 60 s) status, objective, bound and gap, and h2h's distance from CP-SAT's best; both
with their defaults, so both choose the whole processing sequence (``free_sequence``).
Part ``cpsat_merge``: the same with ``free_sequence=False`` for both (the processing order is the
per-accelerator orders merged by the scheduler's rule).
Part ``cpsat_repeat``: the two slowest proofs of part ``cpsat``, ``--repeat`` times each.
The small graphs are honest truncations: the first ``n`` layers of each model of an MMMT zoo
workload (topological order), with the edges among the kept layers.

Run:  .venv/bin/python benchmarks/mapper_speed.py [--parts cli,mappers,cpsat,cpsat_merge,cpsat_repeat] [--out ...]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

import h2h  # noqa: E402
from mapper_instances import per_model  # noqa: E402  (the truncated MMMT instances, shared with tests)
from machine import machine  # noqa: E402

MID = REPO / "examples/systems/hetero4_mid.yaml"
DEFAULT_OUT = REPO / "benchmarks/results/mapper_speed.md"
#: h2h's effort in every part: thorough, the search these tables were measured with (h2h's default
#: before the ``effort`` option); the effort knob's own comparison is benchmarks/h2h_effort.py
EFFORT = "thorough"


def part_cli(repeat: int) -> str:
    h2h_cli = Path(sys.executable).with_name("h2h")  # the console script beside this interpreter
    cmd = [str(h2h_cli), "map", "--workload", "xr_set", "--system", str(MID), "--mapper", "h2h", "--effort", EFFORT,
           "--json"]
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True, cwd=REPO)
        times.append(time.perf_counter() - t)
    load = os.getloadavg()
    return (f"## Whole CLI call, largest zoo workload\n\n`{' '.join(['.venv/bin/h2h', *cmd[1:]]).replace(str(REPO) + '/', '')}`\n\n"
            f"| runs | best (s) | median (s) | worst (s) | load average (1, 5, 15 min) |\n|---|---|---|---|---|\n"
            f"| {repeat} | {min(times):.2f} | {sorted(times)[len(times) // 2]:.2f} | {max(times):.2f} | "
            f"{load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} |\n")


def part_mappers() -> str:
    rows = []
    s = h2h.load_system(MID)
    for name in ("casia_surf", "facebagnet", "vlocnet", "xr_set"):
        w = h2h.load_workload(name)
        h2h.map(w, s, mapper="compute_priority")   # cost table and scheduler built once
        cells = []
        for mapper, kw in (("compute_priority", {}), ("h2h", {"effort": EFFORT}), ("random", {}),
                           ("nsga2", {"time_limit_s": 20})):
            r = h2h.map(w, s, mapper=mapper, **kw)
            cells.append(f"{r.latency_s * 1e3:.2f} ms / {r.runtime_s:.2f} s")
        rows.append(f"| {name} ({len(w)}) | " + " | ".join(cells) + " |")
    return ("## Mappers in-process (hetero4_mid): latency found / runtime\n\n"
            "| workload | compute_priority | h2h | random | nsga2 (20 s, pop 64) |\n|---|---|---|---|---|\n"
            + "\n".join(rows) + "\n")


def part_cpsat(limit_s: float, free_sequence: bool = True) -> str:
    rows, within, gaps = [], [], []
    load_before = os.getloadavg()
    cases = [("casia_surf", 3), ("casia_surf", 5), ("casia_surf", 7), ("facebagnet", 4), ("facebagnet", 7),
             ("vlocnet", 6), ("vlocnet", 10), ("xr_set", 4), ("xr_set", 6)]
    for system in ("hetero4_low", "hetero4_mid"):
        s = h2h.load_system(REPO / f"examples/systems/{system}.yaml")
        for name, n in cases:
            w = per_model(h2h.load_workload(name), n)
            base = h2h.map(w, s, mapper="compute_priority")
            ours = h2h.map(w, s, mapper="h2h", free_sequence=free_sequence, effort=EFFORT)
            exact = h2h.map(w, s, mapper="cpsat", time_limit_s=limit_s, num_workers=8,
                            free_sequence=free_sequence)
            x = exact.extras
            off = ours.latency_s / exact.latency_s - 1
            if x["status"] == "OPTIMAL":
                within.append(off)
            else:
                gaps.append(x.get("gap") or 0.0)
            rows.append(f"| {w.name} | {len(w)} | {system} | {base.latency_s * 1e3:.3f} | {ours.latency_s * 1e3:.3f} | "
                        f"{exact.latency_s * 1e3:.3f} | {x['status']} | {x.get('relaxed_bound_s', 0) * 1e3:.3f} | "
                        f"{(x.get('bound') or 0) * 1e3:.3f} | "
                        f"{(x.get('gap') or 0) * 100:.1f}% | {off * 100:+.2f}% | {exact.runtime_s:.1f} |")
            print(rows[-1], flush=True)
    load = os.getloadavg()
    summary = (f"CP-SAT proved optimality on {len(within)} of {len(rows)} instances; where it did, h2h is "
               f"{min(within) * 100:.2f}% to {max(within) * 100:.2f}% above the optimum (within 5% on "
               f"{sum(o <= 0.05 for o in within)} of {len(within)}).\n" if within else
               "CP-SAT proved no instance optimal within the limit.\n")
    if gaps:
        summary += (f"The other {len(gaps)} ended FEASIBLE with gaps of {min(gaps) * 100:.1f}% to "
                    f"{max(gaps) * 100:.1f}%.\n")
    summary += (f"Load average (1, 5, 15 min) before this part: {load_before[0]:.1f}, {load_before[1]:.1f}, "
                f"{load_before[2]:.1f}; after: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} (CP-SAT's own 8 "
                f"worker threads count in it).\n")
    title = "CP-SAT on MMMT graphs of at most 30 layers"
    if not free_sequence:
        title += ", both mappers under the scheduler's merge rule (`free_sequence=False`)"
    return (f"## {title} ({limit_s:.0f} s, 8 workers)\n\n"
            "| workload | layers | system | compute_priority (ms) | h2h (ms) | cpsat (ms) | status | relaxed bound (ms) | "
            "bound (ms) | gap | h2h vs cpsat | cpsat time (s) |\n|---|---|---|---|---|---|---|---|---|---|---|---|\n"
            + "\n".join(rows) + "\n\n" + summary)


def part_cpsat_repeat(limit_s: float, repeat: int) -> str:
    """The slowest proofs again, ``repeat`` times each: CP-SAT's 8 threads on 2 cores do not
    interleave the same way twice, so one run says little about how far a time is from the limit."""
    rows = []
    for name, n, system in (("casia_surf", 7, "hetero4_low"), ("vlocnet", 10, "hetero4_low")):
        s = h2h.load_system(REPO / f"examples/systems/{system}.yaml")
        w = per_model(h2h.load_workload(name), n)
        runs = [h2h.map(w, s, mapper="cpsat", time_limit_s=limit_s, num_workers=8) for _ in range(repeat)]
        times = sorted(r.runtime_s for r in runs)
        proven = sum(r.extras["status"] == "OPTIMAL" for r in runs)
        rows.append(f"| {w.name} | {system} | {proven} of {repeat} | {times[0]:.1f} | {times[len(times) // 2]:.1f} | "
                    f"{times[-1]:.1f} | {min(r.latency_s for r in runs) * 1e3:.3f} |")
        print(rows[-1], flush=True)
    load = os.getloadavg()
    return (f"## The slowest CP-SAT proofs, {repeat} runs each ({limit_s:.0f} s, 8 workers)\n\n"
            "| workload | system | proven optimal | fastest (s) | median (s) | slowest (s) | optimum (ms) |\n"
            "|---|---|---|---|---|---|---|\n" + "\n".join(rows) +
            f"\n\nLoad average (1, 5, 15 min) after: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}.\n")


NOTES = """
## Reading these numbers

* The 2 cores are shared with other jobs (see the load averages; CP-SAT's own 8 worker threads
  alone make a load of about 8), so solve times are upper bounds for an idle machine. The cpsat
  time column is the whole mapper call: the h2h warm start (about 1.5-7 s here), phase 1 (the
  relaxed model) and phase 2 (the exact model), all within the 60 s limit.
* "relaxed bound" is phase 1's proven optimum of the relaxed model (no processing order, no
  per-accelerator sequences, no booking order on links), a lower bound of the exact optimum;
  phase 2 starts from it. Where CP-SAT ends FEASIBLE the bound is still phase 1's: what the
  relaxation misses there is the links' booking order (a transfer waits for every transfer of an
  earlier-processed layer, even one requested later), which only the exact search accounts for.
* h2h is seeded and deterministic: the same command gives the same mapping.
"""


SEQUENCE_NOTES = """* By default (`free_sequence=True`) both h2h and CP-SAT choose the whole processing order,
  and with it the order in which transfers book the links; the mapping carries it as `sequence`.
  h2h does so in its last phase (joint moves of a layer's accelerator and its place in the
  sequence, on workloads of at most 60 layers). With `free_sequence=False` the processing order is
  the per-accelerator orders merged by the scheduler's rule: a smaller space, whose optimum is never
  below the default's, and a larger CP-SAT model (the merge clauses).
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="cli,mappers,cpsat")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--cpsat-limit", type=float, default=60.0)
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args()
    parts = args.parts.split(",")
    out = Path(args.out).resolve()
    out_arg = "" if out == DEFAULT_OUT else f" --out {out.relative_to(REPO) if out.is_relative_to(REPO) else out}"
    text = [f"# Mapper speed and exactness\n\nCommand: `.venv/bin/python benchmarks/mapper_speed.py "
            f"--parts {args.parts}{out_arg}`\nMachine: {machine()}\nh2h effort: {EFFORT}\n"]
    if "cli" in parts:
        text.append(part_cli(args.repeat))
    if "mappers" in parts:
        text.append(part_mappers())
    if "cpsat" in parts:
        text.append(part_cpsat(args.cpsat_limit))
    if "cpsat_merge" in parts:
        text.append(part_cpsat(args.cpsat_limit, free_sequence=False))
    if "cpsat_repeat" in parts:
        text.append(part_cpsat_repeat(args.cpsat_limit, args.repeat))
    if "cpsat" in parts or "cpsat_merge" in parts:
        text.append(NOTES + SEQUENCE_NOTES)
    Path(args.out).write_text("\n".join(text))
    print("\n".join(text))


if __name__ == "__main__":
    main()
