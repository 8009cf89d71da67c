"""h2h is never worse than compute_priority: every MMMT zoo workload on the three hetero4 systems,
with all four steps and with each step switched off (the ablation the benchmark reports)."""
from __future__ import annotations

import pytest

import h2h
from workloads.zoo import list_zoo

MMMT = [e["name"] for e in list_zoo() if e["mmmt"]]
SYSTEMS = [f"examples/systems/hetero4_{bw}.yaml" for bw in ("low", "mid", "high")]


@pytest.fixture(scope="module")
def workloads():
    return {name: h2h.load_workload(name) for name in MMMT}


@pytest.fixture(scope="module")
def systems():
    return {path: h2h.load_system(path) for path in SYSTEMS}


@pytest.mark.slow
@pytest.mark.parametrize("system_path", SYSTEMS)
@pytest.mark.parametrize("name", MMMT)
def test_h2h_never_worse_than_compute_priority(workloads, systems, name, system_path):
    w, s = workloads[name], systems[system_path]
    base = h2h.map(w, s, mapper="compute_priority")
    full = h2h.map(w, s, mapper="h2h")
    assert full.latency_s <= base.latency_s
    assert full.extras["step_objective"]["compute_priority"] == pytest.approx(base.latency_s)


@pytest.mark.slow
@pytest.mark.parametrize("name", MMMT)
def test_ablations_and_energy_never_worse(workloads, systems, name):
    w, s = workloads[name], systems[SYSTEMS[1]]
    base = h2h.map(w, s, mapper="compute_priority")
    for steps in ((2, 3, 4), (1, 3, 4), (1, 2, 4), (1, 2, 3)):
        assert h2h.map(w, s, mapper="h2h", steps=steps).latency_s <= base.latency_s
    energy_base = h2h.map(w, s, mapper="compute_priority", objective="energy")
    assert h2h.map(w, s, mapper="h2h", objective="energy").energy_j <= energy_base.energy_j


def test_map_result_reads_like_an_eval_result(tmp_path):
    r = h2h.map("casia_surf", "examples/systems/hetero4_mid.yaml", mapper="h2h")
    assert set(r.mapping) == set(h2h.load_workload("casia_surf").layer_names)
    assert r.latency_s == r.evaluation.latency_s and r.energy_j == pytest.approx(sum(r.energy_breakdown_j.values()))
    d = r.to_dict()
    assert {"latency_s", "energy_j", "mapping", "mapper", "runtime_s", "steps"} <= set(d)
    from h2h.trace import write_trace

    assert write_trace(r, tmp_path / "t.json").stat().st_size > 0
