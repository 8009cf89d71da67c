"""Is h2h monotone in bandwidth? Its mapping at each bus bandwidth against every lower-bandwidth
mapping of its own re-scheduled at that bandwidth.

For each MMMT zoo workload and each hetero4 system shape (hetero4_mid's accelerators and bus
latency), h2h (``--effort``) maps at every bandwidth of the sweep; then each pair lo < hi checks
``latency(h2h(hi), hi) <= latency(h2h(lo) re-scheduled, hi)``. A violation means the search at hi
missed a mapping it could have kept. (For one fixed mapping the scheduler itself is monotone:
``tests/test_bandwidth_monotone.py``.)

Run:  .venv/bin/python benchmarks/h2h_bandwidth.py [--effort default] [--bandwidths 1,2,4,8,16,32,64]
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import h2h  # noqa: E402
from h2h.system import System  # noqa: E402
from machine import machine  # noqa: E402

WORKLOADS = ("casia_surf", "facebagnet", "vlocnet", "xr_set")
DEFAULT_OUT = REPO / "benchmarks/results/h2h_bandwidth.md"


def bus_system(bandwidth_gbps: float) -> System:
    data = yaml.safe_load((REPO / "examples/systems/hetero4_mid.yaml").read_text())
    data["interconnect"]["bandwidth_gbps"] = bandwidth_gbps
    data["name"] = f"hetero4_{bandwidth_gbps:g}gbps"
    return System.from_dict(data)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--effort", default="default", choices=("fast", "default", "thorough"))
    ap.add_argument("--bandwidths", default="1,2,4,8,16,32,64")
    ap.add_argument("--workloads", default=",".join(WORKLOADS))
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    bws = [float(x) for x in args.bandwidths.split(",")]
    systems = {bw: bus_system(bw) for bw in bws}
    rows, total, bad = [], 0, 0
    for name in args.workloads.split(","):
        w = h2h.load_workload(name)
        found = {bw: h2h.map(w, systems[bw], mapper="h2h", effort=args.effort) for bw in bws}
        worst, count = 0.0, 0
        for i, lo in enumerate(bws):
            r = found[lo]
            for hi in bws[i + 1:]:
                again = h2h.evaluate(w, systems[hi], r.mapping, order=r.order, resident=r.resident,
                                     sequence=r.sequence).latency_s
                gap = found[hi].latency_s / again - 1
                total += 1
                if gap > 1e-9:
                    count += 1
                    worst = max(worst, gap)
        bad += count
        lats = " / ".join(f"{found[bw].latency_s * 1e3:.3f}" for bw in bws)
        rows.append(f"| {name} | {lats} | {count} of {len(bws) * (len(bws) - 1) // 2} | {worst:+.2%} |")
        print(rows[-1], flush=True)
    load = os.getloadavg()
    text = f"""# h2h and bus bandwidth: monotone or not

Command: `.venv/bin/python benchmarks/h2h_bandwidth.py --effort {args.effort} --bandwidths {args.bandwidths}`
Machine: {machine()}; load average at the end {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}

hetero4_mid's accelerators and bus latency, bus bandwidth swept; h2h with `effort: {args.effort}`.
A violation: h2h at a higher bandwidth returns a mapping slower than its own lower-bandwidth mapping
re-scheduled at the higher bandwidth (worst: by how much).

| workload | latency (ms) at {' / '.join(f'{bw:g}' for bw in bws)} GB/s | violations (pairs) | worst |
|---|---|---|---|
{chr(10).join(rows)}

Violations: {bad} of {total} pairs.
"""
    args.out.write_text(text)
    print(text)


if __name__ == "__main__":
    main()
