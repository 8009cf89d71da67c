"""h2h's ``effort`` knob: latency found and time per call, fast / default / thorough side by side.

``thorough`` is the search h2h ran by default before the knob existed (pairs, reorders, up to 40
restarts, GRASP and the sequence phase on small workloads). Every zoo workload and the 44-layer H2H
example (``examples/workloads/h2h_original_example.yaml``) on hetero4_low and hetero4_mid. Each
``h2h.map`` call is timed whole (cost table included): wall seconds and the process's CPU seconds
(the 2 cores are shared, so wall time depends on what else runs; the load average is recorded).
Part ``small`` does the same on the 18 small MMMT graphs of ``mapper_speed.py`` (12-30 layers: the
first layers of each model, ``tests/mapper_instances.per_model``), where thorough is within 5% of
CP-SAT's proven optimum. Part ``cli`` times the whole ``h2h map`` command (process start and
imports included) on the example, best of ``--repeat``.

Run:  .venv/bin/python benchmarks/h2h_effort.py [--systems hetero4_low,hetero4_mid] [--repeat 3]
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
from machine import machine  # noqa: E402
from mapper_instances import per_model  # noqa: E402  (the small MMMT graphs, shared with tests)
from workloads import zoo  # noqa: E402

EXAMPLE = "examples/workloads/h2h_original_example.yaml"
EFFORTS = ("thorough", "default", "fast")
#: the small graphs of mapper_speed.py's CP-SAT part: (zoo workload, first layers per model)
SMALL = (("casia_surf", 3), ("casia_surf", 5), ("casia_surf", 7), ("facebagnet", 4), ("facebagnet", 7),
         ("vlocnet", 6), ("vlocnet", 10), ("xr_set", 4), ("xr_set", 6))
DEFAULT_OUT = REPO / "benchmarks/results/h2h_effort.md"


def timed(workload, system, effort: str) -> tuple[float, float, float]:
    """(latency s, wall s, CPU s) of one whole h2h.map call."""
    t, c = time.perf_counter(), time.process_time()
    r = h2h.map(workload, system, mapper="h2h", effort=effort)
    return r.latency_s, time.perf_counter() - t, time.process_time() - c


def part_cli(systems: list[str], repeat: int) -> str:
    h2h_cli = Path(sys.executable).with_name("h2h")
    lines = ["## Whole CLI call on the 44-layer example (effort default)\n",
             "| system | command | best (s) | median (s) | load average (1 min) |", "|---|---|---|---|---|"]
    for s in systems:
        cmd = [str(h2h_cli), "map", "--workload", EXAMPLE, "--system", s, "--json"]
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            subprocess.run(cmd, check=True, capture_output=True, cwd=REPO)
            times.append(time.perf_counter() - t)
        shown = " ".join([".venv/bin/h2h", *cmd[1:]])
        lines.append(f"| {s} | `{shown}` | {min(times):.2f} | {sorted(times)[len(times) // 2]:.2f} "
                     f"| {os.getloadavg()[0]:.1f} |")
    return "\n".join(lines) + "\n"


def compare(cases, systems: list[str]) -> tuple[list[str], float, float, float]:
    """Table rows for (label, workload) cases on each system, and the worst default gap to thorough,
    the slowest default call's wall and CPU seconds."""
    rows, worst, wall_max, cpu_max = [], -1.0, 0.0, 0.0
    for s in systems:
        system = h2h.load_system(s)
        for label, w in cases:
            got = {e: timed(w, system, e) for e in EFFORTS}
            th = got["thorough"][0]
            d = got["default"]
            worst = max(worst, d[0] / th - 1)
            wall_max, cpu_max = max(wall_max, d[1]), max(cpu_max, d[2])
            cells = [f"{got[e][0] * 1e3:.3f} ({got[e][0] / th - 1:+.2%}) / {got[e][1]:.2f} / {got[e][2]:.2f}"
                     for e in ("default", "fast")]
            rows.append(f"| {label} | {len(w)} | {s} | {th * 1e3:.3f} / {got['thorough'][1]:.2f} / "
                        f"{got['thorough'][2]:.2f} | {cells[0]} | {cells[1]} |")
            print(rows[-1], flush=True)
    return rows, worst, wall_max, cpu_max


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--systems", default="hetero4_low,hetero4_mid")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    systems = args.systems.split(",")
    zoo_cases = [("h2h_original_example" if n == EXAMPLE else n, h2h.load_workload(n))
                 for n in [z["name"] for z in zoo.list_zoo()] + [EXAMPLE]]
    rows, worst, wall_max, cpu_max = compare(zoo_cases, systems)
    small_cases = [(f"{n}[{k}/model]", per_model(h2h.load_workload(n), k)) for n, k in SMALL]
    srows, sworst, swall, scpu = compare(small_cases, systems)
    cli = part_cli(systems, args.repeat)
    load = os.getloadavg()
    text = f"""# h2h effort: fast / default / thorough

Command: `.venv/bin/python benchmarks/h2h_effort.py --systems {args.systems} --repeat {args.repeat}`
Machine: {machine()}; load average at the end {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} (2 shared cores)

Each cell: latency found in ms (difference to thorough) / wall s / CPU s of the whole `h2h.map` call.
`thorough` is what `h2h` did by default before `effort` existed.

| workload | layers | system | thorough | default | fast |
|---|---|---|---|---|---|
{chr(10).join(rows)}

Default against thorough: at most {worst:+.2%} latency; slowest default call {wall_max:.2f} s wall,
{cpu_max:.2f} s CPU.

## The small MMMT graphs (mapper_speed.py's CP-SAT instances)

| workload | layers | system | thorough | default | fast |
|---|---|---|---|---|---|
{chr(10).join(srows)}

Default against thorough: at most {sworst:+.2%} latency; slowest default call {swall:.2f} s wall,
{scpu:.2f} s CPU.

{cli}"""
    args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
