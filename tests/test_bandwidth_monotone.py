"""For one fixed mapping, the scheduler never gets slower when links get faster.

h2h's search is not monotone in bandwidth (``benchmarks/results/h2h_bandwidth.md``); this is the
property it can rely on: with the processing order fixed, every start time is a max of sums of
durations, and a faster link only shortens transfer durations.
"""
from __future__ import annotations

import numpy as np
import pytest
import yaml

import h2h
from h2h.system import System
from mapper_instances import per_model

BANDWIDTHS_GBPS = (1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0)


def bus(bandwidth_gbps: float, conventions: str = "overlapped") -> System:
    data = yaml.safe_load(open("examples/systems/hetero4_mid.yaml"))
    data["interconnect"]["bandwidth_gbps"] = bandwidth_gbps
    data["conventions"] = conventions
    return System.from_dict(data)


@pytest.mark.parametrize("conventions", ["overlapped", "h2h_code"])
def test_a_fixed_mapping_is_monotone_in_bandwidth(conventions):
    w = per_model(h2h.load_workload("casia_surf"), 6)
    rng = np.random.default_rng(0)
    start = bus(1.0, conventions)
    mappings = [h2h.map(w, start, mapper="h2h", effort="fast"), h2h.map(w, start, mapper="compute_priority")]
    names = [x.name for x in w.layers]
    accs = start.accelerator_names
    randoms = [{n: accs[int(a)] for n, a in zip(names, rng.integers(0, len(accs), len(names)))} for _ in range(5)]
    for m in [*(dict(r.mapping) for r in mappings), *randoms]:
        resident = mappings[0].resident if m == dict(mappings[0].mapping) else []
        lat = [h2h.evaluate(w, bus(bw, conventions), m, resident=resident).latency_s for bw in BANDWIDTHS_GBPS]
        assert all(b <= a * (1 + 1e-12) for a, b in zip(lat, lat[1:])), lat
        assert lat[-1] < lat[0]
