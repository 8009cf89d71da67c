"""The H2H authors' own setting, our side by side with their code's numbers.

Their code (xyzxinyizhang/H2H, commit 334fc10, ``Mapper/MapperH2H.py`` driven unchanged on their
example with its two slips fixed, see ``examples/workloads/h2h_original_example.yaml``) gives the
latency and energy after its step 1 (computation-prioritized) and step 4 (all four steps) for one
accelerator, two identical ones and two heterogeneous ones, at four private-link bandwidths
``W_mem``. Those numbers are data (``THEIRS`` in ``tests/h2h_original_numbers.py``); their runs took 5-383 s each.

Ours, on the same workload and the systems ``examples/systems/h2h_original_{1acc,2acc,2het}.yaml``
with every ``bandwidth_gbps`` set to ``W_mem``:

* step 1: ``compute_priority`` with ``rule: joint`` (their ready-set rule), timed under
  ``conventions: h2h_code_unchained`` (every activation through host memory: their code adds
  activation locality only in its step 3);
* step 4: ``h2h`` at the given ``--effort`` under ``conventions: h2h_code``.

Each call is timed whole (``h2h.map`` from the workload and system objects, cost table included).

Run:  .venv/bin/python benchmarks/h2h_original.py [--effort default] [--out benchmarks/results/h2h_original.md]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO / "tests"))

import h2h  # noqa: E402
from h2h.system import System  # noqa: E402
from h2h_original_numbers import BANDWIDTHS_GBPS, SYSTEMS, THEIRS, system_dict  # noqa: E402  (shared with tests)
from machine import machine  # noqa: E402

WORKLOAD = REPO / "examples/workloads/h2h_original_example.yaml"
DEFAULT_OUT = REPO / "benchmarks/results/h2h_original.md"


def timed_map(workload, system, mapper: str, **options):
    """(result, wall s, CPU s) of one whole h2h.map call."""
    t, c = time.perf_counter(), time.process_time()
    r = h2h.map(workload, system, mapper=mapper, **options)
    return r, time.perf_counter() - t, time.process_time() - c


def pct(ours: float, theirs: float) -> str:
    return f"{(ours / theirs - 1) * 100:+.1f}%"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--effort", default="default", choices=("fast", "default", "thorough"))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    w = h2h.load_workload(WORKLOAD)
    rows = []
    worst_s1 = slowest = slowest_cpu = 0.0
    worst_s4 = -1.0
    for name in SYSTEMS:
        path = REPO / f"examples/systems/h2h_original_{name}.yaml"
        data = yaml.safe_load(path.read_text())
        for bw in BANDWIDTHS_GBPS:
            s1_sys = System.from_dict(system_dict(data, bw, "h2h_code_unchained"), file=str(path))
            s4_sys = System.from_dict(system_dict(data, bw, "h2h_code"), file=str(path))
            s1, t1, c1 = timed_map(w, s1_sys, "compute_priority", rule="joint")
            s4, t4, c4 = timed_map(w, s4_sys, "h2h", effort=args.effort)
            th = THEIRS[(name, bw)]
            worst_s1 = max(worst_s1, abs(s1.latency_s / th[0] - 1), abs(s1.energy_j / th[1] - 1))
            worst_s4 = max(worst_s4, s4.latency_s / th[2] - 1)
            slowest = max(slowest, t1, t4)
            slowest_cpu = max(slowest_cpu, c1, c4)
            rows.append(f"| {name} | {bw:g} | {th[0]:.5f} / {th[1]:.4f} | {s1.latency_s:.5f} / {s1.energy_j:.4f} "
                        f"| {pct(s1.latency_s, th[0])} / {pct(s1.energy_j, th[1])} | {t1:.2f} / {c1:.2f} "
                        f"| {th[2]:.5f} / {th[3]:.4f} | {s4.latency_s:.5f} / {s4.energy_j:.4f} "
                        f"| {pct(s4.latency_s, th[2])} / {pct(s4.energy_j, th[3])} | {t4:.2f} / {c4:.2f} |")
            print(rows[-1], flush=True)
    load = os.getloadavg()
    text = f"""# The H2H authors' setting: their code's numbers and ours

Command: `.venv/bin/python benchmarks/h2h_original.py --effort {args.effort}`
Machine: {machine()}; load average at the end {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f} (2 shared cores)

Workload `examples/workloads/h2h_original_example.yaml` (their 3 chains, 44 layers, 32-bit data); systems
`examples/systems/h2h_original_{{1acc,2acc,2het}}.yaml` with `bandwidth_gbps` = W_mem. *Theirs*: their code
(xyzxinyizhang/H2H, commit 334fc10) driven unchanged, latency s / energy J after its step 1 and step 4.
*Ours step 1*: `compute_priority` with `rule: joint` under `conventions: h2h_code_unchained`. *Ours h2h*:
`h2h` with `effort: {args.effort}` under `conventions: h2h_code`. Times (wall s / CPU s) are whole
`h2h.map` calls; their code took 5-383 s per setting.

| system | W_mem GB/s | theirs step 1 | ours step 1 | diff | wall / CPU s | theirs step 4 | ours h2h | diff | wall / CPU s |
|---|---|---|---|---|---|---|---|---|---|
{chr(10).join(rows)}

Step 1: largest difference {worst_s1 * 100:.2f}% (latency or energy; target within 3%).
h2h against their step 4: at most {worst_s4 * 100:+.2f}% (target at most +2%; below is better).
Slowest call: {slowest:.2f} s wall, {slowest_cpu:.2f} s CPU (target under 2 s).
"""
    args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
