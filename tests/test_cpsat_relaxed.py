"""The relaxed CP-SAT model (phase 1 of ``cpsat``): its bound never exceeds the true optimum.

Brute force (every assignment, per-accelerator order and resident set, scored by the scheduler) gives
the optimum on tiny instances; the relaxed model drops rules that only add delay, so its bound must
lie between the compute-only critical path and that optimum.
"""
from __future__ import annotations

import networkx as nx
import numpy as np
import pytest
from mapper_instances import diamond, random_table, system, two_models

import h2h
from h2h.evaluate import get_scheduler

CASES = [(build, kind, seed) for build in (two_models, diamond) for kind in ("bus", "crossbar")
         for seed in (0, 1)]


def _critical_path_s(sched) -> float:
    """Longest chain of least compute latencies (nothing moves, nothing waits): a lower bound."""
    least = np.where(sched.cost_table.feasible, sched.cost_table.compute_latency_s, np.inf).min(axis=1)
    g = nx.DiGraph()
    g.add_nodes_from(range(sched.num_layers))
    g.add_edges_from(zip(sched.edge_src.tolist(), sched.edge_dst.tolist()))
    finish = {}
    for l in nx.topological_sort(g):
        finish[l] = max((finish[i] for i in g.predecessors(l)), default=0.0) + least[l]
    return max(finish.values())


@pytest.mark.parametrize("build,kind,seed", CASES)
def test_relaxed_bound_between_critical_path_and_optimum(build, kind, seed):
    w, s = build(), system(kind, dram_capacity_bytes=1200)
    ct = random_table(w, s, seed)
    brute = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets", free_sequence=True)
    exact = h2h.map(w, s, mapper="cpsat", cost_table=ct, time_limit_s=30)
    x = exact.extras
    assert x["relaxed_status"] == "OPTIMAL"
    # same ticks as the exact model: at most half a tick of rounding per duration on a path
    slack = 1 + 1e-5
    assert x["relaxed_bound_s"] <= brute.latency_s * slack
    assert x["relaxed_bound_s"] >= _critical_path_s(get_scheduler(w, s, ct)) / slack
    assert x["relaxed_bound_s"] <= x["bound_s"] * slack
    assert x["status"] == "OPTIMAL" and exact.latency_s == pytest.approx(brute.latency_s, rel=1e-9)


def test_relaxed_phase_can_be_skipped_and_is_checked():
    w, s = two_models(), system("bus", dram_capacity_bytes=1200)
    ct = random_table(w, s, 0)
    plain = h2h.map(w, s, mapper="cpsat", cost_table=ct, time_limit_s=30, relaxed_share=0)
    assert "relaxed_bound_s" not in plain.extras and plain.extras["status"] == "OPTIMAL"
    with pytest.raises(h2h.MappingError, match="relaxed_share"):
        h2h.map(w, s, mapper="cpsat", cost_table=ct, relaxed_share=1.5)
    # energy: the relaxed phase bounds the makespan only, so it is not run
    energy = h2h.map(w, s, mapper="cpsat", objective="energy", cost_table=ct, time_limit_s=30)
    assert "relaxed_bound_s" not in energy.extras
