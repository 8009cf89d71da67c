"""Every mapper on tiny instances against brute force, and CP-SAT against the scheduler.

The instances (tests/mapper_instances.py) have hand-built graphs and random per-(layer, accelerator)
latencies, on a slow bus (contention) and on a crossbar. Brute force enumerates every assignment,
every per-accelerator order and every resident set and schedules each with the scheduler.
"""
from __future__ import annotations

import itertools
from types import SimpleNamespace

import networkx as nx
import numpy as np
import pytest

import h2h
from h2h.evaluate import get_scheduler
from h2h.mappers.brute_force import topological_orders
from h2h.mappers.residency import greedy_resident, knapsack_resident
from h2h.schedule import Mapping
from mapper_instances import diamond, per_model, random_table, system, two_models

CASES = [(build, kind, seed) for build in (two_models, diamond) for kind in ("bus", "crossbar")
         for seed in (0, 1)]


def _instance(build, kind, seed, capacity=1200):
    w, s = build(), system(kind, dram_capacity_bytes=capacity)
    return w, s, random_table(w, s, seed)


@pytest.mark.parametrize("build,kind,seed", CASES)
def test_cpsat_merge_rule_equals_brute_force_and_the_scheduler(build, kind, seed):
    # free_sequence=False: the processing order is the per-accelerator orders merged by the
    # scheduler's rule, as brute force's default enumerates it
    w, s, ct = _instance(build, kind, seed)
    exact = h2h.map(w, s, mapper="cpsat", cost_table=ct, time_limit_s=30, free_sequence=False)
    brute = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets")
    assert exact.extras["status"] == "OPTIMAL"
    assert exact.extras["gap"] == pytest.approx(0.0, abs=1e-9)
    assert exact.latency_s == pytest.approx(brute.latency_s, rel=1e-9)
    # the model's optimum is what the scheduler gives for CP-SAT's mapping and per-accelerator order
    assert exact.extras["objective_s"] == pytest.approx(exact.latency_s, rel=1e-5)
    again = h2h.evaluate(w, s, Mapping(exact.mapping, exact.order, frozenset(exact.resident)), cost_table=ct)
    assert again.latency_s == exact.latency_s


@pytest.mark.parametrize("build,kind,seed", CASES)
def test_cpsat_equals_brute_force_over_sequences(build, kind, seed):
    # by default CP-SAT chooses the whole processing order too: never worse than the merge rule's
    # optimum, and the scheduler reproduces the model's value from the returned sequence
    w, s, ct = _instance(build, kind, seed)
    exact = h2h.map(w, s, mapper="cpsat", cost_table=ct, time_limit_s=30)
    brute = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets", free_sequence=True)
    merged = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets")
    assert exact.extras["status"] == "OPTIMAL" and exact.sequence is not None
    assert exact.latency_s == pytest.approx(brute.latency_s, rel=1e-9)
    assert brute.latency_s <= merged.latency_s * (1 + 1e-12)
    assert exact.extras["objective_s"] == pytest.approx(exact.latency_s, rel=1e-5)
    again = h2h.evaluate(w, s, exact.mapping, resident=exact.resident, sequence=exact.sequence, cost_table=ct)
    assert again.latency_s == exact.latency_s


def test_a_free_sequence_can_beat_the_merge_rule():
    # the case above where it matters: on the slow bus, booking order decides who waits
    w, s, ct = _instance(two_models, "bus", 0)
    free = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets", free_sequence=True)
    merged = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets")
    assert free.latency_s < merged.latency_s * (1 - 1e-3)
    assert free.sequence is not None and merged.sequence is None


@pytest.mark.parametrize("build,kind,seed", CASES[::3])
def test_cpsat_with_ample_dram_equals_brute_force(build, kind, seed):
    # every weight fits: residency is fixed by dominance inside the model, brute force tries all sets
    w, s, ct = _instance(build, kind, seed, capacity=1 << 20)
    exact = h2h.map(w, s, mapper="cpsat", cost_table=ct, time_limit_s=30)
    brute = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets", free_sequence=True)
    assert exact.extras["status"] == "OPTIMAL"
    assert exact.latency_s == pytest.approx(brute.latency_s, rel=1e-9)


@pytest.mark.parametrize("build,kind,seed", CASES[::3])
def test_cpsat_energy_equals_brute_force(build, kind, seed):
    w, s, ct = _instance(build, kind, seed)
    exact = h2h.map(w, s, mapper="cpsat", objective="energy", cost_table=ct, time_limit_s=30)
    brute = h2h.map(w, s, mapper="brute_force", objective="energy", cost_table=ct, residency="subsets",
                    free_sequence=True)
    assert exact.extras["status"] == "OPTIMAL"
    assert exact.energy_j == pytest.approx(brute.energy_j, rel=1e-9)
    assert exact.extras["objective_j"] == pytest.approx(exact.energy_j, rel=1e-4)


@pytest.mark.parametrize("build,kind,seed", CASES[1::3])
def test_cpsat_without_redundant_constraints_same_optimum(build, kind, seed):
    # the redundant linear inequalities cut no schedule: both models reach brute force's optimum
    w, s, ct = _instance(build, kind, seed)
    brute = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets", free_sequence=True)
    for strengthen in (False, True):
        exact = h2h.map(w, s, mapper="cpsat", cost_table=ct, time_limit_s=30, strengthen=strengthen)
        assert exact.extras["status"] == "OPTIMAL"
        assert exact.latency_s == pytest.approx(brute.latency_s, rel=1e-9)


def test_cpsat_solver_params_checked():
    w, s, ct = _instance(two_models, "bus", 0)
    with pytest.raises(h2h.MappingError, match="unknown CP-SAT parameter 'no_such_knob'"):
        h2h.map(w, s, mapper="cpsat", cost_table=ct, solver_params={"no_such_knob": 1})
    ok = h2h.map(w, s, mapper="cpsat", cost_table=ct, time_limit_s=30,
                 solver_params={"linearization_level": 2})
    assert ok.extras["status"] == "OPTIMAL"
    with pytest.raises(h2h.MappingError, match="bad value 'core' for CP-SAT parameter 'extra_subsolvers'"):
        h2h.map(w, s, mapper="cpsat", cost_table=ct, solver_params={"extra_subsolvers": "core"})
    listed = h2h.map(w, s, mapper="cpsat", cost_table=ct, time_limit_s=30,
                     solver_params={"extra_subsolvers": ["objective_shaving"]})
    assert listed.latency_s == pytest.approx(ok.latency_s, rel=1e-9)


def _improving_reorders(w, s, r, ct=None) -> int:
    """How many moves of one layer to another place in its accelerator's order improve ``r``
    (checked with the scheduler on named Mappings; moves that contradict the DAG are skipped)."""
    sched = get_scheduler(w, s, ct)
    m = r.evaluation.mapping
    order = {a: list(seq) for a, seq in (m.order or {}).items()}
    if not order:   # default order: its per-accelerator orders
        for l in sched.default_order.tolist():
            order.setdefault(m.assignment[w.layer_names[l]], []).append(w.layer_names[l])
    found = 0
    for acc, chain in order.items():
        for i, name in enumerate(chain):
            rest = chain[:i] + chain[i + 1:]
            for k in range(len(chain)):
                new = dict(order)
                new[acc] = tuple(rest[:k] + [name] + rest[k:])
                try:
                    lat = sched.evaluate(Mapping(m.assignment, new, m.resident)).latency_s
                except h2h.MappingError:
                    continue
                found += lat < r.latency_s * (1 - 1e-9)
    return found


def test_h2h_ends_at_a_fixed_point_of_its_order_search():
    # casia_surf's first 3 layers per model on hetero4_mid: without the order search, h2h's answer
    # has improving moves within an accelerator's order; with it, none is left
    w = per_model(h2h.load_workload("casia_surf"), 3)
    s = h2h.load_system("examples/systems/hetero4_mid.yaml")
    plain = h2h.map(w, s, mapper="h2h", effort="thorough", restarts=0, reorder=0)
    ours = h2h.map(w, s, mapper="h2h", effort="thorough", restarts=0)
    assert ours.sequence is None           # no GRASP phase, so no sequence phase: the merge rule
    assert _improving_reorders(w, s, plain) > 0
    assert _improving_reorders(w, s, ours) == 0
    assert ours.latency_s < plain.latency_s
    for build, kind, seed in CASES[:2]:
        w, s, ct = _instance(build, kind, seed)
        merged = h2h.map(w, s, mapper="h2h", effort="thorough", cost_table=ct, free_sequence=False)
        assert _improving_reorders(w, s, merged, ct) == 0


def test_cpsat_refuses_edp():
    w, s, ct = _instance(two_models, "bus", 0)
    with pytest.raises(h2h.MappingError, match="latency or energy"):
        h2h.map(w, s, mapper="cpsat", objective="edp", cost_table=ct)


@pytest.mark.parametrize("build,kind,seed", CASES)
def test_heuristics_between_optimum_and_baseline(build, kind, seed):
    # h2h may fix the whole processing sequence, so its lower bound is brute force over sequences
    w, s, ct = _instance(build, kind, seed)
    best = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets", free_sequence=True).latency_s
    base = h2h.map(w, s, mapper="compute_priority", cost_table=ct).latency_s
    ours = h2h.map(w, s, mapper="h2h", effort="thorough", cost_table=ct).latency_s
    rand = h2h.map(w, s, mapper="random", cost_table=ct, seed=seed).latency_s
    assert best <= ours * (1 + 1e-12) and ours <= base * (1 + 1e-12)
    assert rand >= best * (1 - 1e-12)


def test_h2h_finds_the_optimum_over_assignments_on_a_tiny_chain():
    # with ample DRAM every weight is resident; brute force over assignments in the default order
    w, s, ct = _instance(two_models, "bus", 2, capacity=1 << 20)
    brute = h2h.map(w, s, mapper="brute_force", cost_table=ct, orders=False)
    ours = h2h.map(w, s, mapper="h2h", effort="thorough", cost_table=ct)
    assert ours.latency_s <= brute.latency_s * (1 + 1e-12)


@pytest.mark.parametrize("build,kind,seed", CASES)
def test_h2h_grasp_phase_never_worse_and_not_below_the_optimum(build, kind, seed):
    # the GRASP phase runs after the restarts with its own random stream, so it can only improve
    w, s, ct = _instance(build, kind, seed)
    best = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets", free_sequence=True).latency_s
    without = h2h.map(w, s, mapper="h2h", effort="thorough", cost_table=ct, grasp=0)
    with_ = h2h.map(w, s, mapper="h2h", effort="thorough", cost_table=ct, grasp=20)
    assert with_.extras["grasp"] == 20 and without.extras["grasp"] == 0
    assert best * (1 - 1e-12) <= with_.latency_s <= without.latency_s * (1 + 1e-12)


@pytest.mark.slow
def test_h2h_grasp_phase_leaves_the_restarts_basin():
    # facebagnet's first 4 layers per model on hetero4_mid: the restarts end at 1.549 ms, where no
    # kick finds a better basin; the randomised HEFT starts do (CP-SAT proves 1.523 ms optimal
    # under the merge rule, which both runs keep, so the sequence phase plays no part)
    w = per_model(h2h.load_workload("facebagnet"), 4)
    s = h2h.load_system("examples/systems/hetero4_mid.yaml")
    without = h2h.map(w, s, mapper="h2h", effort="thorough", grasp=0, free_sequence=False)
    ours = h2h.map(w, s, mapper="h2h", effort="thorough", free_sequence=False)
    assert ours.extras["grasp"] == 100
    assert ours.latency_s < without.latency_s * (1 - 1e-3)


def test_heft_hand_computed():
    # diamond x -> (y, z) -> w, latencies (ms) on two accelerators; transfers take microseconds.
    # Upward ranks (mean latency + the largest consumer rank): w 3, y = z 2.5 + 3, x 3 + 5.5.
    # x -> acc0 (ends 1); y -> acc0 (ends 3, acc1 would end about 4); z: acc0 is busy until 3 and
    # would end at 5, acc1 ends at about 4 -> acc1; w: acc0 ends about 5, acc1 about 9 -> acc0
    from costmodels.cost_table import CostTable
    from h2h.mappers.base import Problem
    from h2h.mappers.h2h_mapper import heft_assign

    w = diamond()
    s = system("bus", accelerators=2)
    lat = np.array([[1.0, 5.0], [2.0, 3.0], [2.0, 3.0], [1.0, 5.0]])
    ct = CostTable.from_arrays(w, s.accelerators, lat * 1e-3, technology=s.technology)
    problem = Problem(get_scheduler(w, s, ct))
    assign, seq = heft_assign(problem)
    assert assign.tolist() == [0, 0, 1, 0]
    assert seq == [0, 1, 2, 3]                  # by estimated start: x 0, y 1, z 1 + transfer, w
    noisy, _ = heft_assign(problem, np.random.default_rng(0), 0.3)
    assert problem.feasible[np.arange(4), noisy].all()


def test_h2h_reach_is_the_transitive_closure():
    from h2h.mappers.base import Problem
    from h2h.mappers.h2h_mapper import _Search

    w = per_model(h2h.load_workload("vlocnet"), 6)
    sched = get_scheduler(w, h2h.load_system("examples/systems/hetero4_mid.yaml"), None)
    reach = _Search(Problem(sched), (1, 2, 3, 4), 64).reach()
    g = nx.DiGraph(zip(sched.edge_src.tolist(), sched.edge_dst.tolist()))
    g.add_nodes_from(range(sched.num_layers))
    expected = np.zeros_like(reach)
    for u in g:
        expected[u, sorted(nx.descendants(g, u))] = True
    assert (reach == expected).all()


def test_compute_priority_hand_computed():
    # the diamond x -> (y, z) -> w with latencies (ms) per accelerator
    w = diamond()
    s = system("bus", accelerators=2)
    lat = np.array([[1.0, 2.0],    # x: acc0 finishes at 1, acc1 at 2 -> acc0
                    [3.0, 1.0],    # y (after x at 1): acc0 1+3=4, acc1 1+1=2 -> acc1
                    [1.0, 5.0],    # z (after x at 1): acc0 1+1=2, acc1 max(2,1)+5=7 -> acc0
                    [2.0, 1.0]])   # w (after y=2, z=2): acc0 2+2=4, acc1 2+1=3 -> acc1
    from costmodels.cost_table import CostTable

    ct = CostTable.from_arrays(w, s.accelerators, lat * 1e-3, technology=s.technology)
    r = h2h.map(w, s, mapper="compute_priority", cost_table=ct)
    assert r.mapping == {"x": "acc0", "y": "acc1", "z": "acc0", "w": "acc1"}
    assert r.resident == []


def test_random_is_seeded_and_valid():
    w, s, ct = _instance(diamond, "bus", 0)
    feasible = np.ones((4, 3), dtype=bool)
    feasible[1, :2] = False     # y may only run on acc2
    from costmodels.cost_table import CostTable

    ct = CostTable.from_arrays(w, s.accelerators, ct.compute_latency_s, feasible=feasible, technology=s.technology)
    maps = [h2h.map(w, s, mapper="random", cost_table=ct, seed=k).mapping for k in range(8)]
    assert maps[0] == h2h.map(w, s, mapper="random", cost_table=ct, seed=0).mapping
    assert all(m["y"] == "acc2" for m in maps)
    assert len({tuple(sorted(m.items())) for m in maps}) > 1


def test_nsga2_front_matches_brute_force_on_a_tiny_instance():
    w, s, ct = _instance(two_models, "bus", 1, capacity=1 << 20)
    r = h2h.map(w, s, mapper="nsga2", cost_table=ct, seed=3, pop_size=32, generations=40)
    front = r.extras["front"]
    lat = np.array([p["latency_s"] for p in front])
    en = np.array([p["energy_j"] for p in front])
    # non-dominated, and the main answer is the latency-best point
    for i in range(len(front)):
        assert not np.any((lat <= lat[i]) & (en <= en[i]) & ((lat < lat[i]) | (en < en[i])))
    assert r.latency_s == pytest.approx(lat.min())
    # brute force over all assignments (default order, every weight fits so all resident)
    sched = get_scheduler(w, s, ct)
    A = np.array(list(itertools.product(range(3), repeat=len(w))))
    res = greedy_resident(sched, A, np.ones((len(w), 3)))
    b = sched.evaluate_batch(A, res)
    assert lat.min() == pytest.approx(b.latency_s.min(), rel=1e-9)
    assert en.min() == pytest.approx(b.energy_j.min(), rel=1e-9)


def test_knapsack_is_optimal_against_enumeration():
    rng = np.random.default_rng(5)
    L = 10
    W = rng.integers(1, 100, L).astype(float)
    fake = SimpleNamespace(weight_bytes=W, dram_capacity_bytes=np.array([180.0, 60.0]), num_accelerators=2)
    assign = rng.integers(0, 2, L)
    value = rng.uniform(0, 1, (L, 2))
    got = knapsack_resident(fake, assign, value, buckets=100_000)
    for a in range(2):
        on = np.flatnonzero(assign == a)
        best = max(sum(value[i, a] for i in sub) for k in range(len(on) + 1)
                   for sub in itertools.combinations(on, k) if W[list(sub)].sum() <= fake.dram_capacity_bytes[a])
        assert W[on[got[on]]].sum() <= fake.dram_capacity_bytes[a]
        assert value[on[got[on]], a].sum() == pytest.approx(best)
    greedy = greedy_resident(fake, assign[None, :], value)[0]
    for a in range(2):
        assert W[(assign == a) & greedy].sum() <= fake.dram_capacity_bytes[a]


def test_merge_orders_is_the_lexicographic_topological_sort():
    """The scheduler's one merge rule against an independent spec: networkx's lexicographic
    topological sort of the DAG plus the per-accelerator chains, keyed by default-order rank; the
    mappers' view (``Problem.processing_order``) and ``order_array`` of the named Mapping agree."""
    from h2h.mappers.base import Problem, orders_from_sequence

    w = h2h.load_workload("casia_surf")
    s = h2h.load_system("examples/systems/hetero4_mid.yaml")
    sched = get_scheduler(w, s)
    problem = Problem(sched)
    rng = np.random.default_rng(0)
    rank = {l: r for r, l in enumerate(sched.default_order.tolist())}
    for _ in range(5):
        assign = rng.integers(0, 4, len(w))
        seq = list(rng.permutation(len(w)))
        # ancestors come first (strictly fewer ancestors), otherwise a random order
        topo = sorted(range(len(w)), key=lambda l: (len(nx.ancestors(w.graph, w.layer_names[l])), seq[l]))
        g = nx.DiGraph(zip(sched.edge_src.tolist(), sched.edge_dst.tolist()))
        g.add_nodes_from(range(len(w)))
        chains = orders_from_sequence(assign, topo)
        for c in chains.values():
            g.add_edges_from(zip(c, c[1:]))
        expect = list(nx.lexicographical_topological_sort(g, key=lambda n: rank[n]))
        assert sched.merge_sequence(assign, topo).tolist() == expect
        assert problem.processing_order(assign, chains).tolist() == expect
        order = {s.accelerator_names[a]: [w.layer_names[l] for l in c] for a, c in chains.items()}
        m = Mapping({w.layer_names[l]: s.accelerator_names[a] for l, a in enumerate(assign)}, order)
        assert sched.order_array(m).tolist() == expect


def test_merge_orders_by_hand():
    # diamond x -> (y, z) -> w; default order x, y, z, w (ties in workload order)
    w, s = diamond(), system("bus")
    sched = get_scheduler(w, s, random_table(w, s, 0))
    x, y, z, v = (sched.layer_index[n] for n in w.layer_names)
    assert sched.default_order.tolist() == [x, y, z, v]
    assert sched.merge_orders([]).tolist() == [x, y, z, v]
    # one accelerator runs z before y: z is taken first, the rest follows default priority
    assert sched.merge_orders([[z, y]]).tolist() == [x, z, y, v]
    # a chain that puts w before y contradicts the DAG: the merge stops short (order_array raises)
    assert len(sched.merge_orders([[v, y]])) < 4
    acc = s.accelerator_names[0]
    m = Mapping({n: acc for n in w.layer_names}, {acc: (w.layer_names[3], w.layer_names[1],
                                                        w.layer_names[0], w.layer_names[2])})
    with pytest.raises(h2h.MappingError, match="contradicts the data dependencies"):
        sched.order_array(m)


def test_topological_orders_counts():
    # diamond x -> (y, z) -> w has exactly two topological orders
    assert sorted(topological_orders([[], [0], [0], [1, 2]], 100)) == [[0, 1, 2, 3], [0, 2, 1, 3]]
