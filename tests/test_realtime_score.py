"""XRBench's score, against values computed by hand from its definition (Kwon et al., MLSys 2023)."""
import math

import pytest

from h2h.realtime.score import energy_score, model_score, overall_score, realtime_score


def test_realtime_score_is_a_sigmoid_of_the_delay_in_ms():
    assert realtime_score(0.0) == 0.5
    assert realtime_score(-1.0) == pytest.approx(1 / (1 + math.exp(-15)))
    assert realtime_score(0.1) == pytest.approx(1 / (1 + math.exp(1.5)))  # 0.1 ms late: 0.18
    assert realtime_score(1e6) == 0.0  # no overflow


def test_energy_score_is_linear_up_to_1500_mj():
    assert energy_score(0.0) == 1.0
    assert energy_score(750.0) == 0.5
    assert energy_score(35.329716) == pytest.approx(0.976447, abs=1e-6)  # XRBench's ES_RITNet figure


def test_model_score_averages_over_scored_frames_and_multiplies_qoe():
    # two frames on time with 0 mJ (score ~1 each), one dropped: sum 2 / 3 frames x QoE 2/3
    s = model_score([(-10.0, 0.0), (-10.0, 0.0)], dropped=1)
    assert s.frames_scored == 3 and s.frames_done == 2 and s.frames_dropped == 1
    assert s.qoe_score == pytest.approx(2 / 3)
    assert s.score == pytest.approx(2 / 3 * 2 / 3, rel=1e-6)
    assert s.realtime_score == pytest.approx(1.0, abs=1e-6)
    assert model_score([], dropped=0) is None
    all_dropped = model_score([], dropped=4)
    assert all_dropped.score == 0.0 and all_dropped.qoe_score == 0.0


def test_overall_is_the_mean_over_scored_models_times_100():
    a = model_score([(0.0, 0.0)], 0)  # 0.5
    b = model_score([(-5.0, 750.0)], 0)  # ~0.5
    assert overall_score({"a": a, "b": b, "c": None}) == pytest.approx(50.0, abs=1e-4)
    assert overall_score({}) == 0.0
