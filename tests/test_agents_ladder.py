"""The heuristic's opening ladder: cells of growing capacity on frugal hardware, and split warm-start
requests that do not repeat each other.

Yardsticks: the ladder written out by hand, the published NAS-Bench-201 accuracies (which the
agent never sees) and the real co-design space of ``examples/codesign_nb201.yaml``.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from nb201_cells import EDGES, NB201_SPACE, published_accuracies
from h2h.codesign.settings import load_settings
from h2h.codesign.warmstart import agent_context, initial_population
from llm_agents import HeuristicAgent, Task
from llm_agents.cells import cell_ladder, cell_levels, op_cost
from llm_agents.prompts import placeholders

OBJECTIVES = [{"name": "accuracy", "direction": "max"}, {"name": "latency_s", "direction": "min"},
              {"name": "energy_j", "direction": "min"}, {"name": "area_mm2", "direction": "min"}]
N, S, C1, C3 = "none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _edges():
    return Task(space=NB201_SPACE, objectives=OBJECTIVES, n=1).space.variables


def test_ladder_by_hand():
    #            0-1  0-2  1-2  0-3  1-3  2-3
    expected = [(N, N, N, S, N, N),        # identity
                (N, N, N, C1, N, N),       # one small conv
                (N, N, N, C3, N, N),       # one large conv
                (C3, N, N, S, C1, N),      # residual 0-1-3: large then small
                (C3, N, N, S, C3, N),      # ... both large (the ResNet block)
                (C3, N, C3, S, N, C1),     # residual 0-1-2-3
                (C3, N, C3, S, N, C3),
                (C3, C3, C3, S, C3, C3)]   # every other edge a large conv
    ladder = cell_ladder(_edges())
    assert ladder == tuple(expected)
    costs = [sum(op_cost(o) for o in rung) for rung in ladder]
    assert costs == [0, 1, 9, 10, 18, 19, 27, 45]


def test_no_ladder_without_a_skip_or_an_input_output_edge():
    no_skip = {"variables": [{"name": e, "type": "choice", "options": [N, C1, C3], "role": "nb201_op"}
                             for e in EDGES]}
    assert cell_ladder(Task(space=no_skip, objectives=OBJECTIVES, n=1).space.variables) == ()
    no_direct = {"variables": [v for v in NB201_SPACE["variables"] if v["name"] != "e3_0"]}
    assert cell_ladder(Task(space=no_direct, objectives=OBJECTIVES, n=1).space.variables) == ()


def test_every_rung_is_in_the_top_third_of_its_cost_on_three_datasets(shared_dir):
    """The rules never see accuracies; the published table for three datasets judges them."""
    table = published_accuracies(shared_dir / "data" / "nb201_accuracy.csv",
                                 ("cifar10_test_acc", "cifar100_test_acc", "imagenet16_test_acc"))
    by_cost = {lv.cost: lv.cells for lv in cell_levels(_edges())}
    for rung in cell_ladder(_edges()):
        cells = by_cost[sum(op_cost(o) for o in rung)]
        for k in range(3):
            better = sum(table[c][k] > table[rung][k] for c in cells)
            assert better <= len(cells) / 3, (rung, k, better, len(cells))


@pytest.fixture(scope="module")
def codesign_space():
    settings = load_settings(EXAMPLES / "codesign_nb201.yaml")
    return settings.space, settings.objectives


def test_first_batch_is_the_ladder_on_frugal_hardware_then_fresh_designs(codesign_space):
    space, objectives = codesign_space
    task = Task(space=space.describe(), objectives=[o.to_dict() for o in objectives], n=20,
                template="codesign", context=agent_context(space))
    cands = HeuristicAgent(0).propose(task).candidates
    assert len(cands) == 20
    edges = [v.name for v in space.description.variables if v.role == "nb201_op"]
    ladder = cell_ladder([v for v in space.description.variables if v.role == "nb201_op"])
    rungs = len(ladder)
    for i, c in enumerate(cands[:2 * rungs]):
        assert tuple(c[e] for e in edges) == ladder[i % rungs]
        assert (c["num_accelerators"], c["acc0_pe_count"], c["acc0_l1_bytes"], c["acc0_l2_bytes"],
                c["bandwidth_gbps"]) == (1, 64, 512, 131072, 4.0)
        # NB201's layers have large feature maps: output stationary, alternating with row stationary
        first_pass = i < rungs
        assert c["acc0_dataflow"] == ("yxp_os", "rs")[(i % rungs + (not first_pass)) % 2]
    rest = cands[2 * rungs:]
    assert rest and not all(c["acc0_pe_count"] == 64 and c["acc0_l1_bytes"] == 512 for c in rest)


def test_split_requests_continue_the_ladder_instead_of_repeating_it(codesign_space):
    space, objectives = codesign_space
    seeding = initial_population(space, 20, start="warm", seed=0, agent=HeuristicAgent(0),
                                 objectives=objectives, context=agent_context(space))
    assert seeding.from_agent == 20 and seeding.fallback == 0
    edges = [v.name for v in space.description.variables if v.role == "nb201_op"]
    cells = [tuple(c[e] for e in edges) for c in seeding.candidates[:8]]
    assert cells == list(cell_ladder([v for v in space.description.variables if v.role == "nb201_op"]))


def test_the_prompt_lists_designs_already_proposed_in_the_round(codesign_space):
    space, objectives = codesign_space
    earlier = HeuristicAgent(0).propose(Task(space=space.describe(), objectives=[o.to_dict() for o in objectives],
                                             n=2, context=agent_context(space))).candidates
    task = Task(space=space.describe(), objectives=[o.to_dict() for o in objectives], n=3,
                template="codesign", context={**agent_context(space), "already_proposed": earlier})
    text = placeholders(task)
    assert "Already proposed for this same search" in text["history"] and "already_proposed" not in text["context"]
    again = HeuristicAgent(0).propose(task).candidates
    assert len(again) == 3 and not any(c in earlier for c in again)
