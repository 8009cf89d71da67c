"""The real-time scheduler on tiny scenarios whose timelines are worked out by hand."""
import numpy as np
import pytest

from h2h.realtime.costs import ModelCosts
from h2h.realtime.policies import EDF, chain_split
from h2h.realtime.simulator import XRBENCH, Conventions, Segment, simulate
from workloads.graph import Workload
from workloads.layer import Layer, Op
from workloads.scenario import PeriodicModel, Scenario


def _model(name, fps, lat_ms, parent=None, p=1.0):
    """A one-layer model whose layer takes ``lat_ms`` (a list: one per accelerator)."""
    w = Workload(name, [Layer(f"{name}_l0", Op.GEMM, m=1, k=4, n=4)], [])
    lat = np.array([lat_ms], dtype=float)
    costs = ModelCosts(name, [f"{name}_l0"], [f"a{i}" for i in range(lat.shape[1])], lat,
                       np.full_like(lat, 1.0), np.array([4.0]))
    return PeriodicModel(name, w, fps, parent, p), costs


def _run(models, conv, duration_ms=100.0, plans=None, seed=0, accs=1, link=None):
    sc = Scenario("t", tuple(m for m, _ in models), duration_ms, seed)
    costs = {m.name: c for m, c in models}
    plans = plans or {m.name: [Segment(None, 0, 1)] for m, _ in models}
    link = link or (lambda a, b, n: (0.0, 0.0))
    frames = simulate(sc, costs, plans, conv, [f"a{i}" for i in range(accs)], link)
    return {(f.model, f.frame): f for f in frames}


def test_xrbench_notices_frames_only_at_ticks_and_completions_and_serves_models_by_name():
    # A: 60 FPS (period 16, 6 frames in 100 ms), 2 ms; B: 45 FPS (period 22, 4 frames), 5 ms; tick 16 ms
    f = _run([_model("B", 45, [5.0]), _model("A", 60, [2.0])], XRBENCH)
    assert [(f["A", k].runs[0].start_ms, f["A", k].completion_ms) for k in range(5)] == \
        [(0, 2), (16, 18), (32, 34), (48, 50), (64, 66)]
    # B1 is due at 22 but nothing happens between 18 and the tick at 32; A goes first by name
    assert f["B", 1].inject_ms == 32 and f["B", 1].runs[0].start_ms == 34 and f["B", 1].completion_ms == 39
    assert f["B", 0].runs[0].start_ms == 2 and f["B", 2].inject_ms == 48 and f["B", 2].runs[0].start_ms == 50
    assert f["B", 3].inject_ms == 66 and f["B", 3].completion_ms == 71
    # the run stops once A5 is released at 80: A5 was started but is not scored
    assert f["A", 5].status == "unfinished" and f["A", 5].runs[0].start_ms == 80
    assert all(f["B", k].status == "done" for k in range(4))


def test_released_on_time_and_earliest_deadline_first():
    f = _run([_model("B", 45, [5.0]), _model("A", 60, [2.0])], EDF)
    assert f["B", 1].inject_ms == 22 and f["B", 1].runs[0].start_ms == 22
    # at 0 both are released; A's deadline (16) is before B's (22)
    assert f["A", 0].runs[0].start_ms == 0 and f["B", 0].runs[0].start_ms == 2


def test_xrbench_cascade_counts_parent_completions():
    # P and its child C at 50 FPS (period 20, tick 20), 12 ms each on one accelerator: overloaded
    f = _run([_model("P", 50, [12.0]), _model("C", 50, [12.0], parent="P")], XRBENCH)
    starts = {k: (f["P", k].runs[0].start_ms if f["P", k].runs else None,
                  f["C", k].runs[0].start_ms if f["C", k].runs else None) for k in range(5)}
    assert starts[0] == (0, 12) and starts[1] == (24, 36) and starts[2] == (48, 60)
    assert [f["C", k].completion_ms for k in range(3)] == [24, 48, 72]
    assert f["P", 3].status == "unfinished" and f["C", 3].status == "unfinished"


def test_a_frame_waiting_past_its_deadline_is_dropped():
    # 50 FPS, 45 ms per frame: X1 (deadline 40) is still waiting when X0 ends at 45
    f = _run([_model("X", 50, [45.0])], EDF)
    assert [f["X", k].status for k in range(5)] == ["done", "dropped", "unfinished", "unfinished",
                                                    "unfinished"]
    assert f["X", 0].delay_ms == pytest.approx(25.0)
    assert f["X", 2].runs[0].start_ms == 45


def test_fastest_idle_accelerator_and_waiting_for_a_faster_busy_one():
    # two accelerators: a0 takes 3 ms, a1 10 ms; two 100-FPS models released together
    models = [_model("A", 100, [3.0, 10.0]), _model("B", 100, [3.0, 10.0])]
    f = _run(models, EDF.__class__(**{**EDF.__dict__, "wait_for_faster": False}), duration_ms=30, accs=2)
    assert f["A", 0].runs[0].accelerator == "a0" and f["B", 0].runs[0].accelerator == "a1"
    f = _run(models, EDF, duration_ms=30, accs=2)  # waiting: B runs after A on a0, 3 + 3 < 10
    assert f["B", 0].runs[0].accelerator == "a0" and f["B", 0].runs[0].start_ms == 3


def test_segments_move_the_activation_over_the_link():
    m, c = _model("A", 10, [1.0, 1.0])
    two = ModelCosts("A", ["l0", "l1"], ["a0", "a1"], np.array([[1.0, 5.0], [5.0, 1.0]]),
                     np.ones((2, 2)), np.array([100.0, 4.0]))
    plans = {"A": [Segment(0, 0, 1), Segment(1, 1, 2)]}
    f = _run([(m, two)], EDF, duration_ms=250, plans=plans, accs=2, link=lambda a, b, n: (n / 100, 0.5))
    runs = f["A", 0].runs
    assert [(r.accelerator, r.start_ms, r.end_ms) for r in runs] == [("a0", 0, 1), ("a1", 1, 3)]
    assert f["A", 0].energy_mj == pytest.approx(1 + 1 + 0.5) and f["A", 0].completion_ms == 3
    assert chain_split(two, lambda a, b, n: (n / 100, 0.5)) == plans["A"]
    assert chain_split(two, lambda a, b, n: (n, 0.5)) == [Segment(0, 0, 2)]  # moving costs 100 ms


def test_trigger_draws_are_seeded_and_untriggered_parents_silence_children():
    models = [_model("P", 50, [1.0], p=0.5), _model("C", 50, [1.0], parent="P")]
    a = _run(models, EDF, duration_ms=1000, seed=3)
    b = _run(models, EDF, duration_ms=1000, seed=3)
    c = _run(models, EDF, duration_ms=1000, seed=4)
    status = lambda r: [r["P", k].status for k in range(50)]  # noqa: E731
    assert status(a) == status(b) != status(c)
    skipped = [k for k in range(49) if a["P", k].status == "not_triggered"]
    assert 10 < len(skipped) < 40
    assert all(a["C", k].status == "not_triggered" for k in skipped)
    assert all(a["C", k].status == "done" for k in range(49) if k not in skipped)


def test_conventions_are_checked():
    with pytest.raises(Exception, match="order"):
        Conventions(order="random")
