"""evaluate_candidate: the same numbers as `h2h map`, budgets as constraint violations, caching."""
from pathlib import Path

import pytest

import h2h
from h2h.evaluators import TableEvaluator
from h2h.space import CandidateEvaluator, Space, evaluate_candidate
from h2h.space.arch import nb201_candidate

REPO = Path(__file__).resolve().parents[1]
SYSTEM = REPO / "examples" / "systems" / "hetero4_mid.yaml"
ARCH = "|nor_conv_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|skip_connect~0|none~1|nor_conv_3x3~2|"


@pytest.fixture(scope="module")
def nb201_space() -> Space:
    return Space.from_config({"architecture": {"family": "nb201"}, "hardware": {"system": str(SYSTEM)}})


@pytest.fixture(scope="module")
def table() -> TableEvaluator:
    return TableEvaluator.nb201("cifar10")


def test_metrics_are_those_of_h2h_map_and_the_table(nb201_space, table):
    cand = nb201_candidate(ARCH)
    ev = evaluate_candidate(cand, nb201_space, table)
    workload, system, mapper = nb201_space.decode(nb201_space.canonical(cand))
    direct = h2h.map(workload, system, mapper="h2h", restarts=0)  # searches map without restarts
    assert ev.ok and not ev.repeat
    assert ev.metrics["latency_s"] == direct.latency_s
    assert ev.metrics["energy_j"] == direct.energy_j
    assert ev.metrics["accuracy"] == table.evaluate({"family": "nb201", "arch": ARCH, "dataset": "cifar10"})["accuracy"]
    assert 0.5 < ev.metrics["accuracy"] < 1.0


def test_cache_counts_repeats_and_costs_nothing(nb201_space, table):
    pipeline = CandidateEvaluator(nb201_space, table)
    a = nb201_candidate(ARCH)
    first = pipeline(a)
    again = pipeline(dict(reversed(list(a.items()))))  # same design, keys in another order
    assert again.repeat and not first.repeat
    assert again.metrics == first.metrics and again.candidate == first.candidate
    assert (pipeline.evaluations, pipeline.repeats) == (1, 1)
    other = pipeline({**a, "edge_0_1": "avg_pool_3x3"})
    assert not other.repeat and (pipeline.evaluations, pipeline.repeats) == (2, 1)
    assert evaluate_candidate(a, nb201_space, cache=pipeline).repeat
    assert pipeline.repeats == 2


def test_inactive_hardware_variables_hit_the_cache_and_budgets_are_violations():
    space = Space.from_config({
        "architecture": {"family": "nb201"},
        "hardware": {"num_accelerators": {"low": 1, "high": 2}, "dataflow": ["kcp_ws", "yxp_os"],
                     "pe_count": [64, 256, 1024], "l1_bytes": 512, "l2_bytes": 262144,
                     "bandwidth_gbps": [8.0, 16.0], "budgets": {"area_mm2": 15.0}}})
    pipeline = CandidateEvaluator(space)
    base = {**nb201_candidate(ARCH), "num_accelerators": 1, "acc0_dataflow": "kcp_ws", "acc0_pe_count": 64,
            "bandwidth_gbps": 8.0}
    one = pipeline({**base, "acc1_dataflow": "kcp_ws", "acc1_pe_count": 64})
    two = pipeline({**base, "acc1_dataflow": "yxp_os", "acc1_pe_count": 1024})  # acc1 is inactive
    assert two.repeat and two.metrics == one.metrics and pipeline.evaluations == 1
    assert set(one.metrics) == {"latency_s", "energy_j", "area_mm2"}
    # 1024 PEs x (4470.9 + 70.39 x 512) um^2 = 41.5 mm^2 > 15: reported, not mapped, not an error
    big = pipeline({**base, "acc0_pe_count": 1024})
    assert big.constraint_violation == pytest.approx((big.metrics["area_mm2"] - 15.0) / 15.0)
    assert big.metrics["area_mm2"] == pytest.approx(1024 * (4470.9014 + 4505.1889 / 64 * 512) / 1e6
                                                    + 4161.536 / 32768 * 262144 / 1e6)
    assert not big.error and "latency_s" not in big.metrics and not big.ok


def test_missing_table_row_is_a_per_candidate_error(tmp_path, nb201_space):
    csv = tmp_path / "tiny.csv"
    csv.write_text(f"arch,top1\n{ARCH},91.5\n")
    from h2h.evaluators.factory import make_evaluator

    tiny = make_evaluator({"kind": "table", "path": str(csv),
                           "columns": [{"metric": "accuracy", "column": "top1", "scale": 0.01}]})
    pipeline = CandidateEvaluator(nb201_space, tiny)
    hit = pipeline(nb201_candidate(ARCH))
    assert hit.ok and hit.metrics["accuracy"] == pytest.approx(0.915)
    miss = pipeline({**nb201_candidate(ARCH), "edge_2_3": "none"})
    assert "no row" in miss.error and "accuracy" not in miss.metrics and "\n" not in miss.error


def test_map_options_override_the_search_defaults(nb201_space):
    """``restarts: null`` in map_options gives back the full (thorough) h2h search of ``h2h map``."""
    cand = nb201_space.canonical(nb201_candidate(ARCH))
    workload, system, _ = nb201_space.decode(cand)
    full = CandidateEvaluator(nb201_space, map_options={"restarts": None})
    assert full.options_for("h2h") == {"effort": "thorough", "restarts": None}
    assert CandidateEvaluator(nb201_space).options_for("h2h") == {"effort": "thorough", "restarts": 0}
    assert CandidateEvaluator(nb201_space).options_for("compute_priority") == {}
    direct = h2h.map(workload, system, mapper="h2h", effort="thorough")
    assert full(cand).metrics["latency_s"] == direct.latency_s
