"""Reproduce the H2H experiment: compute_priority against h2h, and the ablation of each step.

Every MMMT workload of the zoo on the three hetero4 systems (the same four accelerators on a low,
medium and high bandwidth bus). For each pair: compute_priority; h2h with steps added one at a time
(1, 1+2, 1+2+3, 1+2+3+4 = full, all with the latency objective); h2h with each step left out; and
compute_priority vs h2h with the energy objective. Reductions are ``1 - h2h / compute_priority``.

Run:  .venv/bin/python benchmarks/h2h_repro.py [--effort thorough] [--out benchmarks/results/h2h_repro.md]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

import h2h  # noqa: E402
from machine import machine  # noqa: E402
from workloads.zoo import list_zoo  # noqa: E402

SYSTEMS = ("low", "mid", "high")
CUMULATIVE = ((1,), (1, 2), (1, 2, 3), (1, 2, 3, 4))
LEAVE_OUT = ((2, 3, 4), (1, 3, 4), (1, 2, 4), (1, 2, 3))


def pct(new: float, base: float) -> str:
    return f"{(1 - new / base) * 100:.1f}%"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(REPO / "benchmarks/results/h2h_repro.md"))
    ap.add_argument("--effort", default="thorough", choices=("fast", "default", "thorough"))
    args = ap.parse_args()
    names = [e["name"] for e in list_zoo() if e["mmmt"]]
    main_rows, abl_rows, lat_red, en_red, en_obj_red = [], [], [], [], []
    step3_gain, beats_full, weakest_energy = [], [], None
    t_start = time.perf_counter()
    for name in names:
        w = h2h.load_workload(name)
        for bw in SYSTEMS:
            s = h2h.load_system(REPO / f"examples/systems/hetero4_{bw}.yaml")
            base = h2h.map(w, s, mapper="compute_priority")
            full = h2h.map(w, s, mapper="h2h", effort=args.effort)
            base_e = h2h.map(w, s, mapper="compute_priority", objective="energy")
            full_e = h2h.map(w, s, mapper="h2h", objective="energy", effort=args.effort)
            lat_red.append(1 - full.latency_s / base.latency_s)
            en_red.append(1 - full.energy_j / base.energy_j)
            en_obj_red.append(1 - full_e.energy_j / base_e.energy_j)
            main_rows.append(
                f"| {name} ({len(w)}) | hetero4_{bw} | {base.latency_s * 1e3:.3f} | {full.latency_s * 1e3:.3f} | "
                f"**{pct(full.latency_s, base.latency_s)}** | {base.energy_j * 1e3:.2f} | {full.energy_j * 1e3:.2f} | "
                f"{pct(full.energy_j, base.energy_j)} | **{pct(full_e.energy_j, base_e.energy_j)}** | "
                f"{full.extras['passes']} | {full.runtime_s:.2f} |")
            cum_s = [h2h.map(w, s, mapper="h2h", steps=st, effort=args.effort).latency_s for st in CUMULATIVE]
            out_s = [h2h.map(w, s, mapper="h2h", steps=st, effort=args.effort).latency_s for st in LEAVE_OUT]
            cum = [pct(x, base.latency_s) for x in cum_s]
            out = [pct(x, base.latency_s) for x in out_s]
            step3_gain.append((cum_s[1] - cum_s[2]) / base.latency_s)
            beats_full += [f"without {k + 1}: {name} on hetero4_{bw}" for k, x in enumerate(out_s)
                           if x < full.latency_s * (1 - 1e-9)]
            er = 1 - full.energy_j / base.energy_j
            if weakest_energy is None or er < weakest_energy[0]:
                weakest_energy = (er, 1 - full.latency_s / base.latency_s, f"{name} on hetero4_{bw}")
            abl_rows.append(f"| {name} | hetero4_{bw} | " + " | ".join(cum) + " | " + " | ".join(out) + " |")
            print(main_rows[-1], flush=True)
    total = time.perf_counter() - t_start
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    rng = lambda xs: f"{min(xs) * 100:.1f}% to {max(xs) * 100:.1f}%"  # noqa: E731
    text = f"""# H2H reproduction: compute_priority vs h2h on the MMMT zoo

Command: `.venv/bin/python benchmarks/h2h_repro.py --effort {args.effort}` ({total:.0f} s in all); h2h effort: {args.effort}
Machine: {machine()}; load average at the end (1, 5, 15 min): {load} (other jobs share the 2 cores)

Systems: `examples/systems/hetero4_{{low,mid,high}}.yaml` (NVDLA-large, ShiDianNao-, Eyeriss- and
NVDLA-small-like accelerators on one shared bus of low, medium or high bandwidth). Latency and energy
come from the scheduler (`h2h.evaluate`) for both mappers; "reduction" is `1 - h2h / compute_priority`.

## Main result (objective latency; last energy column: both mappers run with objective energy)

| workload (layers) | system | CP latency (ms) | h2h latency (ms) | latency reduction | CP energy (mJ) | h2h energy (mJ) | energy reduction | energy reduction (energy objective) | step-4 passes | h2h time (s) |
|---|---|---|---|---|---|---|---|---|---|---|
{chr(10).join(main_rows)}

Latency reduction: {rng(lat_red)}; energy reduction of the latency-optimised mapping: {rng(en_red)};
energy reduction with the energy objective: {rng(en_obj_red)}.
The paper (Zhang et al., DAC 2022) reports 15-74% lower latency and 23-64% lower energy.

## Ablation: latency reduction vs compute_priority

Steps: 1 computation-prioritised initial mapping, 2 weight locality (knapsack), 3 activation
locality (chain order), 4 communication-aware re-mapping.

| workload | system | step 1 | 1+2 | 1+2+3 | 1+2+3+4 (full) | without 1 | without 2 | without 3 | without 4 |
|---|---|---|---|---|---|---|---|---|---|
{chr(10).join(abl_rows)}
"""
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text + discussion(step3_gain, beats_full, len(LEAVE_OUT) * len(main_rows),
                                                weakest_energy, rng(en_obj_red)))
    print(f"wrote {args.out}")


def discussion(step3_gain: list[float], beats_full: list[str], n_runs: int, weakest_energy: tuple,
               energy_objective_range: str) -> str:
    """The reading of the tables, with its figures taken from this run."""
    return f"""
## How this compares with the paper, honestly

* **Same direction, a wider and lower spread.** The gain depends on how much of compute_priority's
  latency is communication. On the low-bandwidth bus (1 GB/s) we see reductions inside the
  paper's 15-74% band; on the medium and high buses computation dominates and the reductions fall
  to single digits for the biggest workloads. The paper's systems and cost model (its own analytical
  accelerator models, weights streamed from host for every layer, every layer boundary crossing the
  interconnect) make communication dominate; ours price computation with a MAESTRO-style
  data-centric analysis, move data over buses whose bandwidths the system files document, and the
  baseline already gets on-chip reuse whenever a consumer runs right after its producer.
* **Step 1 alone is the baseline** (0.0%): h2h's step 1 *is* compute_priority.
* **Weight locality (step 2)** gives most of the gain on the low-bandwidth bus, where weight loads
  dominate; local DRAM capacities (16-64 MiB) are small enough that a multi-model workload's weights
  do not all fit, so it is a real knapsack.
* **Activation locality (step 3)** adds little on these workloads (at most {max(step3_gain) * 100:.1f} points):
  the scheduler already keeps a tensor on chip when its consumer runs next on the same accelerator,
  and its default order (earliest start first) already runs each model's chain back to back. The step keeps the default
  order unless a chain, earliest-start or critical-path order is better, and it matters more inside
  step 4 on small graphs (see benchmarks/results/mapper_speed.md).
* **Re-mapping (step 4)** gives most of the gain on the medium and high buses, where what is left is
  the balance between accelerators and the activations that cross the bus. It is scored with the
  full scheduler (link contention included), in batches, to a fixed point.
* **Local optima.** Step 4 is a local search; its result depends on where it starts. Leaving a step
  out ends better than the full algorithm in {len(beats_full)} of {n_runs} ablation runs
  ({"; ".join(beats_full) or "none"}).
  We report the algorithm as specified rather than the best of several variants.
* **Energy.** With the latency objective, energy usually falls too, through fewer host transfers
  (resident weights, on-chip activations) and a shorter makespan (static energy), though sometimes
  barely ({weakest_energy[2]}: {weakest_energy[1] * 100:.1f}% faster, {weakest_energy[0] * 100:.1f}% less energy). With the
  energy objective the reduction is {energy_objective_range}, mostly below the paper's 23-64%: our compute and on-chip energy (the MAC and
  buffer accesses from the analysis) is a large part of the total that no mapping between these
  accelerators removes.
* These are our systems and cost model, not the paper's testbed; nothing here is tuned to match
  its percentages.
"""


if __name__ == "__main__":
    main()
