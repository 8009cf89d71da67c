"""The scheduler on hand-computed cases.

Numbers are chosen so every time and energy can be worked out by hand: links of 1 GB/s (1 byte per
ns), local DRAM of 10 GB/s, 10 pJ per link byte, 100 pJ per DRAM byte, and compute latencies given
directly through ``CostTable.from_arrays``. A GEMM with m=1, k=n=1000 has 1e6 weight bytes, 1000
input bytes and 1000 output bytes.
"""
from __future__ import annotations

import numpy as np
import pytest

from costmodels.accelerator import AcceleratorSpec
from costmodels.cost_table import CostTable
from costmodels.technology import Technology
from h2h.errors import MappingError
from h2h.schedule import Mapping
from h2h.scheduler import Scheduler
from h2h.system import HostMemory, Interconnect, Link, System
from workloads import Layer, Workload

GB = 1e9
TECH = Technology(pj_per_mac=1.0, pj_per_dram_byte=100.0, pj_per_link_byte=10.0)
PJ_LINK, PJ_DRAM = 10e-12, 100e-12


def accs(n=2, *, dram_gbps=10.0, capacity=1 << 30):
    return [AcceleratorSpec(f"a{i}", "kcp_ws", 64, dram_bandwidth_gbps=dram_gbps,
                            dram_capacity_bytes=capacity) for i in range(n)]


def system(kind="bus", n=2, *, latency_s=0.0, **kw):
    a = accs(n, **kw)
    ic = Interconnect.build(kind, ["host", *(x.name for x in a)], bandwidth_gbps=1.0, latency_s=latency_s,
                            pj_per_byte=10.0)
    return System("test", a, ic, HostMemory("host"), TECH)


def gemm(name, model="m", k=1000, n=1000):
    return Layer(name, "gemm", model=model, m=1, k=k, n=n)


def sched(workload, sys_, latency):
    ct = CostTable.from_arrays(workload, sys_.accelerators, latency, 1e-6, technology=sys_.technology)
    return Scheduler(workload, sys_, ct)


def approx(x):
    return pytest.approx(x, rel=1e-9, abs=1e-15)


def test_single_layer_transfer_times_and_energy():
    s = system(latency_s=2e-6)
    w = Workload("one", [gemm("g")], [])
    r = sched(w, s, 1e-3).evaluate({"g": "a0"})
    load = 2e-6 + 1_001_000 / GB          # weights + model input, one DMA from host
    out = 2e-6 + 1000 / GB                # model output back to host
    c = r.schedule.interval("g")
    assert c.start_s == approx(load)
    assert c.end_s == approx(load + 1e-3)
    assert r.latency_s == approx(load + 1e-3 + out)
    assert r.energy_breakdown_j["interconnect"] == approx(1_002_000 * PJ_LINK)
    assert r.energy_breakdown_j["dram"] == approx(1_002_000 * PJ_DRAM)   # host read + host write
    assert r.energy_breakdown_j["compute"] == approx(1e-6)
    assert r.link_bytes == {"bus": 1_002_000}
    assert r.dram_bytes["host"] == 1_002_000
    assert r.utilization["a0"] == approx(1e-3 / r.latency_s)
    assert r.energy_j == approx(sum(r.energy_breakdown_j.values()))


def test_bus_serialises_two_concurrent_loads_crossbar_does_not():
    w = Workload("two", [gemm("x", "m1"), gemm("y", "m2")], [])
    mapping = {"x": "a0", "y": "a1"}
    bus = sched(w, system("bus"), 1e-3).evaluate(mapping)
    lx, ly = bus.schedule.transfers_of("x")[0], bus.schedule.transfers_of("y")[0]
    assert (lx.start_s, ly.start_s) == (0.0, approx(1.001e-3))     # y waits for x's load
    assert bus.schedule.interval("y").start_s == approx(2.002e-3)
    # x's output (1000 B) is ready at 2.001 ms but the bus carries y's load until 2.002 ms
    out_x = [t for t in bus.schedule.transfers_of("x") if t.kind == "output"][0]
    assert out_x.start_s == approx(2.002e-3)
    assert bus.latency_s == approx(2.002e-3 + 1e-3 + 1e-6)
    xbar = sched(w, system("crossbar"), 1e-3).evaluate(mapping)
    assert xbar.schedule.transfers_of("y")[0].start_s == 0.0        # host<->a1 is its own link
    assert xbar.latency_s == approx(1.001e-3 + 1e-3 + 1e-6)
    assert set(xbar.link_bytes) == {"host<->a0", "host<->a1", "a0<->a1"}
    assert xbar.link_bytes["a0<->a1"] == 0


def test_weight_residency_saves_the_load():
    w = Workload("one", [gemm("g")], [])
    s = system(dram_gbps=10.0)
    sc = sched(w, s, 1e-3)
    plain = sc.evaluate({"g": "a0"})
    res = sc.evaluate(Mapping({"g": "a0"}, resident={"g"}))
    # only the 1000-byte input crosses the bus; weights come from local DRAM at 10 GB/s (0.1 ms)
    assert res.schedule.interval("g").start_s == approx(1e6 / 10e9)
    assert res.latency_s == approx(1e-4 + 1e-3 + 1e-6)
    assert res.link_bytes["bus"] == 2000
    assert res.energy_breakdown_j["interconnect"] == approx(2000 * PJ_LINK)
    assert res.energy_breakdown_j["dram"] == approx((1e6 + 2000) * PJ_DRAM)  # local read + host r/w
    assert plain.latency_s - res.latency_s == approx(1.001e-3 - 1e-4)
    assert sorted(t.kind for t in res.schedule.transfers) == ["load", "output", "resident_weights"]


def test_resident_weights_must_fit_local_dram():
    w = Workload("one", [gemm("g")], [])
    sc = sched(w, system(capacity=500_000), 1e-3)
    with pytest.raises(MappingError, match="DRAM capacity"):
        sc.evaluate(Mapping({"g": "a0"}, resident={"g"}))
    batch = sc.evaluate_batch(np.array([[0], [0]]), np.array([[True], [False]]), on_invalid="inf")
    assert list(batch.valid) == [False, True]
    assert np.isinf(batch.latency_s[0]) and np.isfinite(batch.latency_s[1])


def test_activation_locality_consecutive_layers_skip_the_transfer():
    w = Workload("chain", [gemm("p"), gemm("c")], [("p", "c")])
    sc = sched(w, system(), 1e-3)
    same = sc.evaluate({"p": "a0", "c": "a0"})
    assert [t.kind for t in same.schedule.transfers_of("c")] == ["load", "output"]  # no activation
    assert same.schedule.interval("c").start_s == approx(same.schedule.interval("p").end_s)
    # p: load 1.001 ms; c's weights load 1.001-2.001 ms while p computes (1.001-2.001 ms);
    # c runs 2.001-3.001 ms and its 1000-byte output goes home.
    assert same.latency_s == approx(3.001e-3 + 1e-6)
    assert same.energy_breakdown_j["dram"] == approx((1_001_000 + 1e6 + 1000) * PJ_DRAM)

    apart = sc.evaluate({"p": "a0", "c": "a1"})
    act = [t for t in apart.schedule.transfers if t.kind == "activation"]
    assert len(act) == 1 and act[0].producer == "p" and act[0].bytes == 1000
    assert (act[0].src, act[0].dst) == ("a0", "a1")
    # activation over the bus 2.001-2.002 ms, then read from a1's DRAM (1000 B at 10 GB/s)
    assert act[0].start_s == approx(2.001e-3) and act[0].end_s == approx(2.002e-3)
    assert apart.schedule.interval("c").start_s == approx(2.002e-3 + 1e-7)
    extra_dram = 2 * 1000 * PJ_DRAM          # written into a1's DRAM and read back
    assert apart.energy_breakdown_j["dram"] - same.energy_breakdown_j["dram"] == approx(extra_dram)
    assert apart.energy_breakdown_j["interconnect"] - same.energy_breakdown_j["interconnect"] == \
        approx(1000 * PJ_LINK)


def test_dram_round_trip_for_a_non_consecutive_consumer():
    # p feeds q and c, all on a0, run in the order p, q, c: q reads p's output on chip, c does not.
    w = Workload("fork", [gemm("p"), gemm("q"), gemm("c")], [("p", "q"), ("p", "c")])
    sc = sched(w, system(dram_gbps=1.0), 1e-3)
    r = sc.evaluate(Mapping({n: "a0" for n in "pqc"}, order={"a0": ["p", "q", "c"]}))
    spills = [t for t in r.schedule.transfers if t.kind == "spill"]
    assert len(spills) == 1 and spills[0].layer == "c" and spills[0].producer == "p"
    p_end = r.schedule.interval("p").end_s
    assert spills[0].start_s == approx(p_end)
    assert spills[0].end_s == approx(p_end + 2 * 1000 / 1e9)     # write + read at 1 GB/s
    assert r.dram_bytes["a0"] == 2000
    onchip = sc.evaluate(Mapping({n: "a0" for n in "pqc"}, order={"a0": ["p", "c", "q"]}))
    assert onchip.energy_breakdown_j["dram"] == approx(r.energy_breakdown_j["dram"])  # symmetric
    assert [t.layer for t in onchip.schedule.transfers if t.kind == "spill"] == ["q"]


def test_double_buffering_overlaps_the_next_weights_with_compute():
    w = Workload("chain", [gemm("p"), gemm("c")], [("p", "c")])
    lat = np.array([[5e-3, 5e-3], [1e-3, 1e-3]])
    r = sched(w, system(), lat).evaluate({"p": "a0", "c": "a0"})
    p, c = r.schedule.interval("p"), r.schedule.interval("c")
    load_c = r.schedule.transfers_of("c")[0]
    assert load_c.start_s == approx(p.start_s)               # requested when p starts
    assert load_c.end_s == approx(p.start_s + 1e-3)           # hidden under p's 5 ms
    assert load_c.end_s < p.end_s
    assert c.start_s == approx(p.end_s)
    assert r.latency_s == approx(1.001e-3 + 5e-3 + 1e-3 + 1e-6)


def test_multi_hop_route_is_cut_through_and_holds_every_link():
    a = accs(3)
    links = (Link("h0", ("host", "a0"), 1.0, 1e-6, 10.0), Link("01", ("a0", "a1"), 2.0, 1e-6, 10.0),
             Link("12", ("a1", "a2"), 1.0, 1e-6, 5.0))
    s = System("line", a, Interconnect("links", links), HostMemory(), TECH)
    assert [k.name for k in s.route("host", "a2")] == ["h0", "01", "12"]
    pc = s.path_cost("host", "a2")
    assert (pc.bandwidth_gbps, pc.latency_s, pc.pj_per_byte) == (1.0, approx(3e-6), 25.0)
    w = Workload("one", [gemm("g")], [])
    r = sched(w, s, 1e-3).evaluate({"g": "a2"})
    load = r.schedule.transfers_of("g")[0]
    assert load.links == ("h0", "01", "12")
    assert load.end_s - load.start_s == approx(3e-6 + 1_001_000 / GB)
    assert r.link_bytes == {"h0": 1_002_000, "01": 1_002_000, "12": 1_002_000}
    assert r.energy_breakdown_j["interconnect"] == approx(1_002_000 * 25e-12)


def test_per_accelerator_order_is_followed_and_checked():
    w = Workload("two", [gemm("x", "m1"), gemm("y", "m2")], [])
    sc = sched(w, system(), np.array([[1e-3, 1e-3], [2e-3, 2e-3]]))
    m = {"x": "a0", "y": "a0"}
    xy = sc.evaluate(m)
    yx = sc.evaluate(Mapping(m, order={"a0": ["y", "x"]}))
    assert xy.schedule.interval("x").start_s < xy.schedule.interval("y").start_s
    assert yx.schedule.interval("y").start_s < yx.schedule.interval("x").start_s
    chain = Workload("chain", [gemm("p"), gemm("c")], [("p", "c")])
    sc2 = sched(chain, system(), 1e-3)
    with pytest.raises(MappingError, match="contradicts"):
        sc2.evaluate(Mapping({"p": "a0", "c": "a0"}, order={"a0": ["c", "p"]}))
    with pytest.raises(MappingError, match="unknown layer 'zz'"):
        sc2.evaluate(Mapping({"p": "a0", "c": "a0"}, order={"a0": ["p", "zz"]}))
    with pytest.raises(MappingError, match="mapped to 'a1'"):
        sc2.evaluate(Mapping({"p": "a0", "c": "a1"}, order={"a0": ["p", "c"]}))
    with pytest.raises(MappingError, match="unknown accelerator"):
        sc2.evaluate(Mapping({"p": "a0", "c": "a0"}, order={"a9": ["p"]}))


def test_bad_mappings_are_clear_errors():
    w = Workload("chain", [gemm("p"), gemm("c")], [("p", "c")])
    sc = sched(w, system(), 1e-3)
    with pytest.raises(MappingError, match="unknown layer"):
        sc.evaluate({"p": "a0", "c": "a0", "nope": "a0"})
    with pytest.raises(MappingError, match="not mapped"):
        sc.evaluate({"p": "a0"})
    with pytest.raises(MappingError, match="unknown accelerator 'gpu'"):
        sc.evaluate({"p": "a0", "c": "gpu"})
    with pytest.raises(MappingError, match="outside"):
        sc.evaluate_batch(np.array([[0, 5]]))
    with pytest.raises(MappingError, match="topological"):
        sc.evaluate_batch(np.array([[0, 0]]), order=np.array([1, 0]))


def test_infeasible_pairs_and_unrunnable_layers():
    w = Workload("chain", [gemm("p"), gemm("c")], [("p", "c")])
    s = system()
    ct = CostTable.from_arrays(w, s.accelerators, 1e-3, feasible=np.array([[True, False], [True, True]]))
    sc = Scheduler(w, s, ct)
    with pytest.raises(MappingError, match="'p' cannot run on 'a1'"):
        sc.evaluate({"p": "a1", "c": "a0"})
    assert sc.evaluate({"p": "a0", "c": "a1"}).latency_s > 0
    dead = CostTable.from_arrays(w, s.accelerators, 1e-3, feasible=np.array([[False, False], [True, True]]))
    with pytest.raises(MappingError, match="layer 'p'.*no accelerator can run"):
        Scheduler(w, s, dead)


def test_static_energy_is_power_times_makespan():
    a = [AcceleratorSpec("a0", "kcp_ws", 64, static_power_w=0.5), AcceleratorSpec("a1", "kcp_ws", 64,
                                                                                    static_power_w=0.25)]
    s = System("p", a, Interconnect.build("bus", ["host", "a0", "a1"], bandwidth_gbps=1.0, latency_s=0.0,
                                          pj_per_byte=10.0), HostMemory(), TECH)
    w = Workload("one", [gemm("g")], [])
    r = sched(w, s, 1e-3).evaluate({"g": "a0"})
    assert r.energy_breakdown_j["static"] == approx(0.75 * r.latency_s)


def test_result_json_round_trips():
    import json

    w = Workload("chain", [gemm("p"), gemm("c")], [("p", "c")])
    r = sched(w, system(), 1e-3).evaluate(Mapping({"p": "a0", "c": "a1"}, resident={"c"}))
    d = json.loads(json.dumps(r.to_dict()))
    assert d["mapping"] == {"p": "a0", "c": "a1"} and d["resident"] == ["c"]
    assert d["latency_s"] == r.latency_s and set(d["energy_breakdown_j"]) == {
        "compute", "onchip", "dram", "interconnect", "static"}
    assert len(d["schedule"]["compute"]) == 2
    assert Mapping.from_dict({"assignment": d["mapping"], "resident": d["resident"]}) == r.mapping
