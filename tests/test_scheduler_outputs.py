"""End to end on real cost tables: h2h.evaluate, JSON, Perfetto trace, Gantt and Pareto plots."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

import h2h
from costmodels.cost_table import CostTable
from h2h.evaluate import get_scheduler
from h2h.plots import gantt, pareto_scatter
from h2h.schedule import Mapping
from h2h.system import load_system
from h2h.trace import to_trace, write_trace
from workloads.zoo import build

REPO = Path(__file__).resolve().parents[1]
SYSTEMS = REPO / "examples" / "systems"


@pytest.fixture(scope="module")
def casia():
    return build("casia_surf")


def fastest_mapping(workload, system):
    ct = CostTable(workload, system)
    best = np.argmin(ct.compute_latency_s, axis=1)
    return {n: system.accelerators[a].name for n, a in zip(ct.layer_names, best)}


def test_h2h_evaluate_is_callable_after_importing_the_module(casia):
    import h2h.evaluate  # noqa: F401 - binds the package attribute to the module

    s = load_system(SYSTEMS / "hetero4_mid.yaml")
    r = h2h.evaluate(casia, s, fastest_mapping(casia, s))
    assert r.latency_s > 0 and r.energy_j > 0


def test_communication_matters_at_low_bandwidth(casia):
    results = {}
    for bw in ("low", "mid", "high"):
        s = load_system(SYSTEMS / f"hetero4_{bw}.yaml")
        results[bw] = h2h.evaluate(casia, s, fastest_mapping(casia, s))
    low, mid, high = results["low"], results["mid"], results["high"]
    assert low.latency_s > mid.latency_s > high.latency_s
    assert low.latency_s > 1.3 * high.latency_s

    def bus_busy(r):
        return sum(t.end_s - t.start_s for t in r.schedule.transfers if t.links)

    assert bus_busy(low) > 0.5 * low.latency_s      # at 1 GB/s the bus is busy most of the time
    assert bus_busy(high) < 0.05 * high.latency_s   # at 64 GB/s it hardly matters
    # the same bytes cross the bus whatever its speed
    assert low.link_bytes == high.link_bytes


def test_utilization_and_bytes_are_consistent(casia):
    s = load_system(SYSTEMS / "hetero4_mid.yaml")
    r = h2h.evaluate(casia, s, fastest_mapping(casia, s))
    for acc, u in r.utilization.items():
        busy = sum(c.end_s - c.start_s for c in r.schedule.compute if c.accelerator == acc)
        assert u == pytest.approx(busy / r.latency_s) and 0 <= u <= 1
    assert r.link_bytes["bus"] == pytest.approx(sum(t.bytes for t in r.schedule.transfers if t.links))
    # every layer's weights come from host exactly once when nothing is resident
    loads = sum(t.bytes for t in r.schedule.transfers if t.kind == "load")
    assert loads == pytest.approx(sum(x.weight_bytes for x in casia.layers)
                                  + sum(casia.external_input_elements(x.name) * x.elem_bytes for x in casia.layers))
    # the bus never carries two transfers at once
    spans = sorted((t.start_s, t.end_s) for t in r.schedule.transfers if t.links)
    assert all(b[0] >= a[1] - 1e-15 for a, b in zip(spans, spans[1:]))
    # nor does an accelerator run two layers at once
    for acc in r.utilization:
        runs = sorted((c.start_s, c.end_s) for c in r.schedule.compute if c.accelerator == acc)
        assert all(b[0] >= a[1] - 1e-15 for a, b in zip(runs, runs[1:]))


def test_residency_over_capacity_is_a_clear_error():
    from h2h.errors import MappingError

    w = build("resnet50")             # 25.5 MB of weights, eyeriss has 16 MiB of local DRAM
    s = load_system(SYSTEMS / "hetero4_mid.yaml")
    everything = Mapping({x.name: "eyeriss" for x in w.layers}, resident={x.name for x in w.layers})
    with pytest.raises(MappingError, match="eyeriss.*DRAM capacity"):
        h2h.evaluate(w, s, everything)


def test_json_trace_and_gantt(casia, tmp_path):
    s = load_system(SYSTEMS / "hetero4_ring.yaml")
    m = fastest_mapping(casia, s)
    r = h2h.evaluate(casia, s, Mapping(m, resident=[casia.layers[0].name]))
    d = json.loads(json.dumps(r.to_dict()))
    assert d["mapping"] == m and len(d["schedule"]["compute"]) == len(casia)
    trace = json.loads(write_trace(r, tmp_path / "t.json").read_text())
    assert trace == json.loads(json.dumps(to_trace(r)))
    events = trace["traceEvents"]
    lanes = {e["args"]["name"] for e in events if e["ph"] == "M" and e["name"] == "thread_name"}
    assert {a.name for a in s.accelerators} <= lanes and {k.name for k in s.links} <= lanes
    compute = [e for e in events if e["ph"] == "X" and e["cat"] == "compute"]
    assert sorted(e["name"] for e in compute) == sorted(x.name for x in casia.layers)
    assert all(e["dur"] >= 0 for e in events if e["ph"] == "X")
    png = gantt(r, tmp_path / "g.png", workload=casia)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_pareto_scatter_writes_a_png(tmp_path):
    rng = np.random.default_rng(0)
    x, y = rng.random(20), rng.random(20)
    p = pareto_scatter({"nsga2": (x, y)}, tmp_path / "p.png", xlabel="latency (s)", ylabel="energy (J)",
                       fronts={"nsga2": (x[:3], y[:3])})
    assert p.read_bytes()[:4] == b"\x89PNG"


def test_scheduler_cache_reuses_tables(casia):
    s = load_system(SYSTEMS / "hetero4_mid.yaml")
    assert get_scheduler(casia, s) is get_scheduler(casia, s)
