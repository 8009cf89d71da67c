"""evaluate_batch against evaluate and against an independent plain-Python scheduler.

The reference below is written straight from the semantics in h2h/scheduler.py's docstring, one
layer and one transfer at a time, reading the System and Workload directly (not the Scheduler's
tables). Random DAGs, mappings, residency and processing orders are checked on a bus, a crossbar
and explicit multi-hop links.
"""
from __future__ import annotations

import random

import networkx as nx
import numpy as np
import pytest

from costmodels.accelerator import AcceleratorSpec
from costmodels.cost_table import CostTable
from costmodels.technology import Technology
from h2h.schedule import Mapping
from h2h.scheduler import Scheduler
from h2h.system import HostMemory, Interconnect, Link, System
from workloads import Layer, Workload

TECH = Technology(pj_per_mac=1.0, pj_per_dram_byte=100.0, pj_per_link_byte=10.0)


def random_workload(rng: random.Random, n: int) -> Workload:
    """A DAG of GEMMs (fan-in through adds) with random sizes; two models."""
    layers, edges, width = [], [], 16
    for i in range(n):
        preds = rng.sample(range(i), k=min(i, rng.choice([0, 1, 1, 1, 2]))) if i else []
        name = f"l{i}"
        if len(preds) == 2:
            layers.append(Layer(name, "add", model=f"m{i % 2}", shape=(1, width), num_inputs=2))
        else:
            layers.append(Layer(name, "gemm", model=f"m{i % 2}", m=1, k=width, n=width,
                                elem_bytes=rng.choice([1, 2]) if not preds else layers[preds[0]].elem_bytes))
        edges += [(f"l{p}", name) for p in preds]
    # elem_bytes must match along edges for element counts to agree; sizes are in elements
    return Workload("rand", layers, edges)


def systems(n_acc: int):
    accs = [AcceleratorSpec(f"a{i}", "kcp_ws", 64, dram_bandwidth_gbps=[10.0, 4.0, 25.6][i % 3],
                            dram_capacity_bytes=10**6, static_power_w=0.01 * i) for i in range(n_acc)]
    nodes = ["host", *(a.name for a in accs)]
    yield System("bus", accs, Interconnect.build("bus", nodes, bandwidth_gbps=0.5, latency_s=1e-7,
                                                 pj_per_byte=10.0), HostMemory(), TECH)
    yield System("xbar", accs, Interconnect.build("crossbar", nodes, bandwidth_gbps=0.25, latency_s=2e-7,
                                                  pj_per_byte=5.0), HostMemory(), TECH)
    chain = [Link(f"{u}-{v}", (u, v), bw, 3e-7, pj) for (u, v), bw, pj in
             zip(zip(nodes, nodes[1:]), [1.0, 0.5, 2.0, 0.25], [3.0, 4.0, 5.0, 6.0])]
    yield System("line", accs, Interconnect("links", tuple(chain)), HostMemory(), TECH)


def reference(workload, system, ct, assign, resident, order):
    """(latency_s, energy_j) by a plain loop over layers; see the module docstring."""
    names, accs = ct.layer_names, system.accelerators
    host = system.host.name
    node = lambda a: accs[a].name  # noqa: E731
    link_free = {k.name: 0.0 for k in system.links}

    def book(src, dst, nbytes, request):
        route = system.route(src, dst)
        if nbytes <= 0 or not route:
            return request
        start = max([request] + [link_free[k.name] for k in route])
        end = start + sum(k.latency_s for k in route) + nbytes / (min(k.bandwidth_gbps for k in route) * 1e9)
        for k in route:
            link_free[k.name] = end
        return end

    acc_free = [0.0] * len(accs)
    last_start = [0.0] * len(accs)
    last_on = [None] * len(accs)
    end = {}
    dram_j = link_j = 0.0
    pj_d = system.technology.pj_per_dram_byte * 1e-12

    def pj_link(src, dst):
        return sum(k.pj_per_byte for k in system.route(src, dst)) * 1e-12

    for j in order:
        name = names[j]
        layer = workload.layer(name)
        a = assign[j]
        dram_bw = accs[a].dram_bandwidth_gbps * 1e9
        ready = acc_free[a]
        w = layer.weight_bytes
        x = workload.external_input_elements(name) * layer.elem_bytes
        load = (0 if resident[j] else w) + x
        ready = max(ready, book(host, node(a), load, last_start[a]))
        dram_j += load * pj_d
        link_j += load * pj_link(host, node(a))
        if resident[j]:
            ready = max(ready, last_start[a] + w / dram_bw)
            dram_j += w * pj_d
        for e in [e for e in workload.edges if e.dst == name]:
            i = names.index(e.src)
            if assign[i] == a and last_on[a] == i:
                r = end[i]
            elif assign[i] == a:
                r = end[i] + 2 * e.bytes / dram_bw
                dram_j += 2 * e.bytes * pj_d
            else:
                r = book(node(assign[i]), node(a), e.bytes, end[i]) + e.bytes / dram_bw
                dram_j += 2 * e.bytes * pj_d
                link_j += e.bytes * pj_link(node(assign[i]), node(a))
            ready = max(ready, r)
        end[j] = ready + ct.compute_latency_s[j, a]
        acc_free[a], last_start[a], last_on[a] = end[j], ready, j
    makespan = max(end.values())
    for j in order:
        if workload.is_output(names[j]):
            out = workload.layer(names[j]).output_bytes
            makespan = max(makespan, book(node(assign[j]), host, out, end[j]))
            dram_j += out * pj_d
            link_j += out * pj_link(node(assign[j]), host)
    compute = sum(ct.compute_energy_j[j, assign[j]] for j in range(len(names)))
    static = sum(a.static_power_w for a in accs) * makespan
    return makespan, compute + dram_j + link_j + static


def random_topo_order(rng, workload, names):
    g = workload.graph
    indeg = {n: g.in_degree(n) for n in g}
    ready = [n for n in g if indeg[n] == 0]
    out = []
    while ready:
        n = ready.pop(rng.randrange(len(ready)))
        out.append(names.index(n))
        for s in g.successors(n):
            indeg[s] -= 1
            if indeg[s] == 0:
                ready.append(s)
    return out


@pytest.mark.parametrize("seed", range(4))
def test_batch_matches_the_plain_reference(seed):
    rng = random.Random(seed)
    nrng = np.random.default_rng(seed)
    w = random_workload(rng, 18)
    for sys_ in systems(3):
        lat = nrng.uniform(1e-6, 5e-5, size=(len(w), 3))
        ct = CostTable.from_arrays(w, sys_.accelerators, lat, nrng.uniform(0, 1e-7, size=(len(w), 3)),
                                   technology=TECH)
        sc = Scheduler(w, sys_, ct)
        B = 12
        assign = nrng.integers(0, 3, size=(B, len(w)))
        resident = nrng.random((B, len(w))) < 0.3
        orders = np.array([random_topo_order(rng, w, ct.layer_names) for _ in range(B)])
        got = sc.evaluate_batch(assign, resident, orders)
        shared = sc.evaluate_batch(assign, resident)
        for b in range(B):
            ref = reference(w, sys_, ct, assign[b], resident[b], orders[b])
            assert (got.latency_s[b], got.energy_j[b]) == pytest.approx(ref, rel=1e-9), (sys_.name, b)
            ref0 = reference(w, sys_, ct, assign[b], resident[b], list(sc.default_order))
            assert (shared.latency_s[b], shared.energy_j[b]) == pytest.approx(ref0, rel=1e-9)


@pytest.mark.parametrize("seed", range(3))
def test_evaluate_equals_evaluate_batch(seed):
    rng = random.Random(100 + seed)
    nrng = np.random.default_rng(seed)
    w = random_workload(rng, 25)
    sys_ = list(systems(4))[seed % 3]
    ct = CostTable.from_arrays(w, sys_.accelerators, nrng.uniform(1e-6, 1e-4, size=(len(w), 4)), 1e-8,
                               technology=TECH)
    sc = Scheduler(w, sys_, ct)
    assign = nrng.integers(0, 4, size=(8, len(w)))
    resident = nrng.random((8, len(w))) < 0.5
    batch = sc.evaluate_batch(assign, resident)
    for b in range(8):
        m = Mapping({n: sys_.accelerators[a].name for n, a in zip(ct.layer_names, assign[b])},
                    resident={n for n, r in zip(ct.layer_names, resident[b]) if r})
        one = sc.evaluate(m)
        assert sc.mapping_from_arrays(assign[b], resident[b]) == m
        assert one.latency_s == batch.latency_s[b]
        assert one.energy_j == pytest.approx(batch.energy_j[b], rel=1e-12)
        for k, v in one.energy_breakdown_j.items():
            assert v == pytest.approx(batch.energy_breakdown_j[k][b], rel=1e-12, abs=1e-18)
        # the recorded schedule is consistent with the result
        assert max(c.end_s for c in one.schedule.compute) <= one.latency_s
        for e in w.edges:
            assert one.schedule.interval(e.src).end_s <= one.schedule.interval(e.dst).start_s


def test_per_accelerator_order_matches_the_equivalent_processing_order():
    rng = random.Random(7)
    w = random_workload(rng, 15)
    sys_ = next(systems(2))
    ct = CostTable.from_arrays(w, sys_.accelerators, 1e-5, technology=TECH)
    sc = Scheduler(w, sys_, ct)
    names = ct.layer_names
    order = random_topo_order(rng, w, names)
    assign = [rng.randrange(2) for _ in names]
    per_acc = {a.name: [names[j] for j in order if assign[j] == k] for k, a in enumerate(sys_.accelerators)}
    m = Mapping({n: sys_.accelerators[a].name for n, a in zip(names, assign)}, order=per_acc)
    got = sc.evaluate(m)
    merged = sc.order_array(m)
    for k, a in enumerate(sys_.accelerators):   # the merged order keeps every accelerator's sequence
        assert [names[j] for j in merged if assign[j] == k] == per_acc[a.name]
    ref = reference(w, sys_, ct, assign, [False] * len(names), merged)
    assert (got.latency_s, got.energy_j) == pytest.approx(ref, rel=1e-9)
    seq = [c.layer for c in sorted(got.schedule.compute, key=lambda c: c.start_s) if c.accelerator == "a0"]
    assert seq == per_acc["a0"]


def test_invalid_candidates_can_be_marked_instead_of_raising():
    w = random_workload(random.Random(3), 10)
    sys_ = next(systems(2))
    ct = CostTable.from_arrays(w, sys_.accelerators, 1e-5, technology=TECH,
                               feasible=np.array([[True, l != 4] for l in range(len(w))]))
    sc = Scheduler(w, sys_, ct)
    assign = np.zeros((3, len(w)), dtype=int)
    assign[1, 4] = 1                                    # infeasible pair
    bad_order = np.tile(np.arange(len(w)), (3, 1))
    bad_order[2] = bad_order[2][::-1]                   # not topological (the DAG has edges)
    assert nx.number_of_edges(w.graph) > 0
    res = sc.evaluate_batch(assign, None, bad_order, on_invalid="inf")
    assert list(res.valid) == [True, False, False]
    assert np.isfinite(res.latency_s[0]) and np.isinf(res.latency_s[1:]).all()
    ok = sc.evaluate_batch(assign[:1])
    assert ok.latency_s[0] == res.latency_s[0]


def test_asap_orders_are_topological_and_follow_estimated_starts():
    rng = random.Random(11)
    w = random_workload(rng, 30)
    sys_ = next(systems(3))
    nrng = np.random.default_rng(11)
    lat = nrng.uniform(1e-6, 1e-4, size=(len(w), 3))
    sc = Scheduler(w, sys_, CostTable.from_arrays(w, sys_.accelerators, lat, technology=TECH))
    assign = nrng.integers(0, 3, size=(5, len(w)))
    per = lat[np.arange(len(w))[None, :], assign]
    orders = sc.asap_order(per)
    names = sc.layer_names
    for b, order in enumerate(orders):
        pos = {names[j]: p for p, j in enumerate(order)}
        assert all(pos[e.src] < pos[e.dst] for e in w.edges)
        # brute force: the longest latency path to each layer
        est = {}
        for n in nx.topological_sort(w.graph):
            est[n] = max((est[p] + per[b, names.index(p)] for p in w.graph.predecessors(n)), default=0.0)
        starts = [est[names[j]] for j in order]
        assert starts == sorted(starts)
    assert sc.evaluate_batch(assign, order=orders).valid.all()
    fastest = lat.min(axis=1)
    assert list(sc.default_order) == list(sc.asap_order(fastest[None, :])[0])
