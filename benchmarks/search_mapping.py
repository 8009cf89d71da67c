"""What the search-time mapper default costs: h2h with and without its random restarts.

    .venv/bin/python benchmarks/search_mapping.py [--candidates 20] [--seed 0]

Searches (FL-NAS, co-design) map every candidate, so they run h2h with ``restarts: 0``
(``h2h.space.pipeline.SEARCH_MAP_DEFAULTS``) while ``h2h map`` keeps the full search. This samples
feasible candidates from the spaces of examples/flnas_nb201.yaml and examples/codesign_nb201.yaml,
maps each both ways side by side, and writes benchmarks/results/search_mapping.md: seconds per
mapping and how much higher the search-time latency is than the full search's.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from h2h.codesign.settings import load_settings as load_codesign  # noqa: E402
from h2h.flnas import load_settings as load_nas  # noqa: E402
from h2h.mappers import map_workload  # noqa: E402
from h2h.space.pipeline import SEARCH_MAP_DEFAULTS  # noqa: E402
from machine import machine  # noqa: E402

CONFIGS = (("examples/flnas_nb201.yaml", load_nas), ("examples/codesign_nb201.yaml", load_codesign))


def timed_map(workload, system, mapper: str, options: dict) -> tuple[float, float]:
    start = time.perf_counter()
    result = map_workload(workload, system, mapper=mapper, **options)
    return time.perf_counter() - start, float(result.latency_s)


def measure(config: str, loader, candidates: int, seed: int) -> dict:
    settings = loader(REPO / config)
    rng = random.Random(seed)
    full_s, fast_s, excess = [], [], []
    for _ in range(candidates):
        workload, system, mapper = settings.space.decode(settings.space.sample(rng))
        t_full, lat_full = timed_map(workload, system, mapper, {"effort": "thorough"} if mapper == "h2h" else {})
        t_fast, lat_fast = timed_map(workload, system, mapper, dict(SEARCH_MAP_DEFAULTS.get(mapper, {})))
        full_s.append(t_full)
        fast_s.append(t_fast)
        excess.append(lat_fast / lat_full - 1.0)
    return {"config": config, "full_s": statistics.median(full_s), "fast_s": statistics.median(fast_s),
            "speedup": statistics.median(f / s for f, s in zip(full_s, fast_s)),
            "median_excess": statistics.median(excess), "max_excess": max(excess),
            "same": sum(e <= 1e-12 for e in excess), "n": candidates}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--candidates", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    rows = [measure(cfg, loader, args.candidates, args.seed) for cfg, loader in CONFIGS]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    lines = [
        "# h2h inside searches: restarts off",
        "",
        f"Command: `.venv/bin/python benchmarks/search_mapping.py --candidates {args.candidates} "
        f"--seed {args.seed}`",
        "",
        f"Machine: {machine()}; "
        f"load average after the run {load}.",
        "",
        f"Each row: {args.candidates} feasible candidates sampled from the config's space (seed {args.seed}), "
        "each mapped with the full h2h search (effort thorough) and with the search-time options "
        f"{dict(SEARCH_MAP_DEFAULTS['h2h'])}, side by side. Excess latency = search-time latency / full latency - 1.",
        "",
        "| space | full h2h (s/map, median) | search-time h2h (s/map, median) | speed-up (median) "
        "| excess latency median | excess latency max | identical latency |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(f"| `{r['config']}` | {r['full_s']:.3f} | {r['fast_s']:.3f} | {r['speedup']:.1f}x | "
                     f"{r['median_excess']:+.2%} | {r['max_excess']:+.2%} | {r['same']}/{r['n']} |")
    out = REPO / "benchmarks" / "results" / "search_mapping.md"
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
