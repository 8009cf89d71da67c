"""The offline heuristic and random agents: valid, deterministic, and the heuristic beats random.

Two independent yardsticks: a synthetic co-design problem with a known objective function
(tests/agents_toy.py), and the published NAS-Bench-201 CIFAR-10 accuracies of all 15,625 cells.
"""
from __future__ import annotations

import statistics

import pytest

from agents_toy import CONTEXT, OBJECTIVES, history_hv, hypervolume, run_search, toy_metrics, toy_space
from nb201_cells import EDGES, NB201_OPS, NB201_SPACE, published_accuracies
from llm_agents import HeuristicAgent, RandomAgent, Task
from llm_agents.cells import cell_levels, cell_prior, op_cost
from llm_agents.heuristic import channel_heavy_fraction, feasible_front, objective_kind

SEEDS = range(9)


def toy_task(n=6, history=(), context=CONTEXT, objectives=OBJECTIVES):
    return Task(space=toy_space(), objectives=objectives, history=list(history), n=n, template="codesign",
                context=context)


def test_heuristic_beats_random_on_median_hypervolume():
    heuristic = [history_hv(run_search(HeuristicAgent(s), rounds=5, n=6)) for s in SEEDS]
    rand = [history_hv(run_search(RandomAgent(s), rounds=5, n=6)) for s in SEEDS]
    assert statistics.median(heuristic) > statistics.median(rand)
    wins = sum(h > r for h, r in zip(heuristic, rand))
    assert wins >= 7, (heuristic, rand)


def test_hypervolume_helper_by_hand():
    # two points and the reference (4, 4): rectangles 3x1 + 1x2 = 5
    assert hypervolume([(1, 3), (3, 1)], (4, 4)) == 5
    assert hypervolume([(1, 3), (3, 1), (2, 3.5)], (4, 4)) == 5  # a dominated point adds nothing


def test_proposals_are_valid_new_and_within_budget():
    history = run_search(RandomAgent(3), rounds=2, n=6)
    task = toy_task(n=8, history=history)
    p = HeuristicAgent(1).propose(task)
    assert len(p.candidates) == 8
    seen = [task.space.complete(h["candidate"]) for h in history]
    for c in p.candidates:
        cand, errors = task.space.validate(c)
        assert errors == [] and cand == c
        assert c not in seen
        active = sum(c[f"acc{i}_pes"] for i in range(c["num_acc"]))
        assert active <= 1536
    assert len({tuple(sorted(c.items())) for c in p.candidates}) == 8


def test_deterministic_per_seed_and_task():
    task = toy_task()
    assert HeuristicAgent(5).propose(task).candidates == HeuristicAgent(5).propose(task).candidates
    assert HeuristicAgent(5).propose(task).candidates != HeuristicAgent(6).propose(task).candidates
    assert RandomAgent(5).propose(task).candidates == RandomAgent(5).propose(task).candidates


def _single_accelerator_space(options):
    return {"variables": [
        {"name": "pes", "type": "int", "low": 64, "high": 4096, "step": 64, "role": "pe_count"},
        {"name": "dataflow", "type": "choice", "options": options, "role": "dataflow"},
        {"name": "mapping", "type": "choice", "options": ["round_robin", "random", "comm_aware"],
         "role": "mapping_strategy"}]}


@pytest.mark.parametrize("profile, expected", [
    ({"channel_heavy_fraction": 0.9}, "nvdla_ws"),
    ({"channel_heavy_fraction": 0.1}, "shidiannao_os"),
    # late ResNet stage (512 channels, 7x7 outputs) dominates the MACs: channel-heavy
    ([{"in_channels": 512, "out_channels": 512, "out_h": 7, "out_w": 7, "macs": 9e8},
      {"in_channels": 3, "out_channels": 64, "out_h": 112, "out_w": 112, "macs": 1e8}], "nvdla_ws"),
    ([{"in_channels": 512, "out_channels": 512, "out_h": 7, "out_w": 7, "macs": 1e8},
      {"in_channels": 3, "out_channels": 64, "out_h": 112, "out_w": 112, "macs": 9e8}], "shidiannao_os"),
])
def test_dataflow_follows_the_layer_profile(profile, expected):
    task = Task(space=_single_accelerator_space(["eyeriss_rs", "nvdla_ws", "shidiannao_os"]),
                objectives=[{"name": "latency_s"}], n=8, context={"layer_profile": profile})
    flows = [c["dataflow"] for seed in range(5) for c in HeuristicAgent(seed).propose(task).candidates]
    assert flows.count(expected) > 0.6 * len(flows), flows  # it still explores the others a little


def test_channel_heavy_fraction_by_hand():
    layers = [{"in_channels": 256, "out_channels": 256, "out_h": 14, "out_w": 14, "macs": 3},
              {"in_channels": 64, "out_channels": 64, "out_h": 56, "out_w": 56, "macs": 1}]
    assert channel_heavy_fraction({"layer_profile": layers}) == 0.75  # 256 >= 196; 64 < 3136
    assert channel_heavy_fraction({}) is None


def test_several_accelerators_get_a_mix_of_dataflows():
    task = toy_task(n=12, objectives=[{"name": "latency_s"}])  # 70 % channel-heavy work
    mixes = [sorted(c[f"acc{i}_dataflow"] for i in range(c["num_acc"]))
             for c in HeuristicAgent(0).propose(task).candidates if c["num_acc"] >= 2]
    assert mixes and sum(("ws" in m and ("os" in m or "rs" in m)) for m in mixes) > len(mixes) / 2


def test_mapping_keeps_chatty_neighbours_together():
    task = Task(space=_single_accelerator_space(["ws", "os"]), objectives=[{"name": "latency_s"}], n=8)
    maps = [c["mapping"] for c in HeuristicAgent(0).propose(task).candidates]
    assert maps.count("comm_aware") > 5


def test_objective_kinds():
    assert [objective_kind(n) for n in ("accuracy", "latency_s", "energy_j", "area_mm2", "edp", "foo")] == [
        "quality", "speed", "cost", "cost", "cost", "unknown"]


# ---- NAS-Bench-201, with the published accuracies -------------------------------------------------

@pytest.fixture(scope="module")
def nb201_accuracy(shared_dir):
    table = {ops: acc for ops, (acc,) in
             published_accuracies(shared_dir / "data" / "nb201_accuracy.csv", ("cifar10_test_acc",)).items()}
    assert len(table) == 15625
    return table


def _nas(agent, accuracy, rounds=4, n=8):
    history = []
    for _ in range(rounds):
        task = Task(space=NB201_SPACE, objectives=[{"name": "accuracy", "direction": "max"}],
                    history=history, n=n, template="flnas")
        for c in agent.propose(task).candidates:
            history.append({"candidate": c, "metrics": {"accuracy": accuracy[tuple(c[e] for e in EDGES)]}})
    return max(h["metrics"]["accuracy"] for h in history)


def test_heuristic_finds_better_nb201_cells_than_random(nb201_accuracy):
    best = max(nb201_accuracy.values())
    heuristic = [_nas(HeuristicAgent(s), nb201_accuracy) for s in SEEDS]
    rand = [_nas(RandomAgent(s), nb201_accuracy) for s in SEEDS]
    assert statistics.median(heuristic) > statistics.median(rand)
    assert statistics.median(heuristic) > best - 0.3  # within 0.3 points of the best of 15,625 cells


def test_nb201_knowledge_orders_ops_by_objective():
    rank = {"none": 0, "skip_connect": 1, "avg_pool_3x3": 2, "nor_conv_1x1": 3, "nor_conv_3x3": 4}

    def mean_rank(objective):
        task = Task(space=NB201_SPACE, objectives=[objective], n=12)
        cands = HeuristicAgent(0).propose(task).candidates
        assert all(_connected(c) for c in cands)  # no cut cells
        return statistics.mean(rank[c[e]] for c in cands for e in EDGES)

    assert mean_rank({"name": "accuracy", "direction": "max"}) > 3.2
    assert mean_rank({"name": "latency_s", "direction": "min"}) < 2.0


def _connected(c):
    """Whether the cell's output node 3 is reachable from its input node 0 over non-none edges."""
    reached = {0}
    for e in EDGES:  # listed in order of the target node
        dst, src = int(e[1]), int(e[3])
        if c[e] != "none" and src in reached:
            reached.add(dst)
    return 3 in reached


def _cost(c):
    return sum({"nor_conv_3x3": 9, "nor_conv_1x1": 1}.get(c[e], 0) for e in EDGES)


COST_OBJECTIVES = [{"name": "accuracy", "direction": "max"}, {"name": "latency_s", "direction": "min"},
                   {"name": "energy_j", "direction": "min"}]


def test_cell_cost_and_prior_by_hand():
    assert [op_cost(o) for o in NB201_OPS] == [0, 0, 1, 9, 0]
    edges = [(0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3)]
    assert cell_prior(edges, ["nor_conv_3x3", "none", "none", "none", "none", "none"]) == float("-inf")
    # a conv chain 0-1-3 with a skip 0-3 beats the same two convs with the skip cut off
    resnet = ["nor_conv_3x3", "none", "none", "skip_connect", "nor_conv_3x3", "none"]
    plain = ["nor_conv_3x3", "none", "none", "none", "nor_conv_3x3", "none"]
    dead = ["nor_conv_3x3", "none", "nor_conv_3x3", "skip_connect", "none", "none"]  # convs lead nowhere
    assert cell_prior(edges, resnet) > cell_prior(edges, plain) > cell_prior(edges, dead)


def test_cell_levels_cover_every_conv_mix_and_only_connected_cells():
    levels = cell_levels(Task(space=NB201_SPACE, objectives=COST_OBJECTIVES, n=1).space.variables)
    assert [lv.cost for lv in levels] == sorted({9 * a + b for a in range(7) for b in range(7 - a)})
    # NAS-Bench-201 has 341 cells with no input-output path (they score chance accuracy)
    assert sum(len(lv.cells) for lv in levels) == 15625 - 341


def test_prior_picks_above_median_cells_at_nearly_every_cost_level(nb201_accuracy):
    """The rules of thumb, judged by the published accuracies they never see."""
    levels = cell_levels(Task(space=NB201_SPACE, objectives=COST_OBJECTIVES, n=1).space.variables)
    judged = above = 0
    for lv in levels:
        if len(lv.cells) >= 20:
            accs = [nb201_accuracy[c] for c in lv.cells]
            judged += 1
            above += statistics.mean(accs[:3]) > statistics.median(accs)
    assert judged >= 15 and above >= judged - 1, (above, judged)


def test_first_batch_spreads_cells_along_the_cost_range():
    for seed in range(3):
        cands = HeuristicAgent(seed).propose(Task(space=NB201_SPACE, objectives=COST_OBJECTIVES, n=6)).candidates
        costs = sorted(_cost(c) for c in cands)
        assert all(_connected(c) for c in cands)
        assert costs[0] <= 10 and costs[-1] >= 40, costs


def test_history_fills_the_cost_gap_of_the_front():
    cheap = dict(zip(EDGES, ["none", "none", "none", "skip_connect", "none", "none"]))
    rich = dict(zip(EDGES, ["nor_conv_3x3"] * 6))
    history = [{"candidate": cheap, "metrics": {"accuracy": 0.8, "latency_s": 1.0, "energy_j": 1.0}},
               {"candidate": rich, "metrics": {"accuracy": 0.93, "latency_s": 9.0, "energy_j": 9.0}}]
    for seed in range(3):
        task = Task(space=NB201_SPACE, objectives=COST_OBJECTIVES, history=history, n=5)
        costs = [_cost(c) for c in HeuristicAgent(seed).propose(task).candidates]
        assert any(18 <= x <= 36 for x in costs), costs  # the middle of the gap 0..54


def test_front_leaves_out_designs_that_broke_a_bound():
    history = [{"candidate": {"x": 1}, "metrics": {"latency_s": 1.0, "constraint_violation": 0.5}},
               {"candidate": {"x": 2}, "metrics": {"latency_s": 2.0, "constraint_violation": 0.0}},
               {"candidate": {"x": 3}, "metrics": {"latency_s": 3.0}}]
    task = Task(space={"variables": [{"name": "x", "type": "int", "low": 1, "high": 4}]},
                objectives=[{"name": "latency_s"}], history=history, n=1)
    assert [e.candidate["x"] for e, _ in feasible_front(task)] == [2]


# ---- budgets and impossible requests ----------------------------------------------------------------

def test_random_agent_reports_when_the_budget_cannot_be_met():
    space = _single_accelerator_space(["ws", "os"])
    space["constraints"] = [{"name": "area", "le": 32, "terms": [{"coef": 1.0, "vars": ["pes"]}]}]
    task = Task(space=space, objectives=[{"name": "latency_s"}], n=2)
    p = RandomAgent(0).propose(task)
    assert p.candidates == [] and "gave up" in p.notes and "broke a constraint" in p.notes
    h = HeuristicAgent(0).propose(task)
    assert h.candidates == [] and "could not find 2 more" in h.notes


def test_agents_stop_when_the_space_is_exhausted():
    space = {"variables": [{"name": "x", "type": "int", "low": 1, "high": 4}]}
    history = [{"candidate": {"x": v}, "metrics": {"latency_s": v}} for v in (1, 2, 3)]
    task = Task(space=space, objectives=[{"name": "latency_s"}], history=history, n=3)
    for agent in (RandomAgent(0), HeuristicAgent(0)):
        p = agent.propose(task)
        assert p.candidates == [{"x": 4}], agent.name


def test_heuristic_repairs_designs_into_a_tight_budget():
    task = toy_task(n=6, objectives=[{"name": "latency_s"}])  # speed only: wants every PE it can get
    for c in HeuristicAgent(0).propose(task).candidates:
        assert sum(c[f"acc{i}_pes"] for i in range(c["num_acc"])) <= 1536
    # it spends most of the budget, as a latency-first expert would
    spent = [sum(c[f"acc{i}_pes"] for i in range(c["num_acc"])) for c in HeuristicAgent(0).propose(task).candidates]
    assert statistics.median(spent) > 1000
    assert toy_metrics  # the toy problem's physics is what the search tests score


def test_fresh_hardware_stays_within_what_the_noc_feeds_and_one_network_needs():
    facts = {**CONTEXT, "workload_models": 1,
             "architecture_template": {"hardware": {"accelerator_defaults": {"noc_bw": 32}}}}
    objectives = [*OBJECTIVES, {"name": "area_mm2", "direction": "min", "priority": 3}]
    sized = HeuristicAgent(2).propose(toy_task(n=12, context=facts, objectives=objectives)).candidates
    assert len(sized) == 12
    for c in sized:
        assert c["num_acc"] <= 2                                        # one network: one or two
        assert all(c[f"acc{i}_pes"] <= 64 for i in range(c["num_acc"]))  # 2 x 32 elements/cycle
    free = HeuristicAgent(2).propose(toy_task(n=12, objectives=objectives)).candidates
    assert any(c["num_acc"] > 2 or any(c[f"acc{i}_pes"] > 64 for i in range(c["num_acc"])) for c in free)
