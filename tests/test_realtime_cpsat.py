"""Policy cpsat: CP-SAT's timetable of a whole run, replayed by the simulator."""
import numpy as np
import pytest

from h2h.realtime.costs import ModelCosts
from h2h.realtime.policies import EDF, TIMETABLE, whole_anywhere
from h2h.realtime.run import score_frames
from h2h.realtime.simulator import XRBENCH, simulate
from h2h.realtime.timetable import cpsat_timetable
from workloads.graph import Workload
from workloads.layer import Layer, Op
from workloads.scenario import PeriodicModel, Scenario


def _model(name, fps, lat_ms, parent=None):
    w = Workload(name, [Layer(f"{name}_l0", Op.GEMM, m=1, k=4, n=4)], [])
    lat = np.array([lat_ms], dtype=float)
    return PeriodicModel(name, w, fps, parent), ModelCosts(name, [f"{name}_l0"], ["a0"], lat,
                                                           np.zeros_like(lat), np.array([4.0]))


def test_cpsat_finds_the_schedule_that_meets_every_deadline():
    # one accelerator: A (50 FPS, 12 ms) and B (100 FPS, 3 ms). B, A, B in every 20 ms meets every
    # deadline; XRBench's runtime serves A first (by name) and loses B's frames
    models = [_model("A", 50, [12.0]), _model("B", 100, [3.0])]
    sc = Scenario("t", tuple(m for m, _ in models), 200.0, 0)
    costs = {m.name: c for m, c in models}
    plans = whole_anywhere(sc, costs)
    link = lambda a, b, n: (0.0, 0.0)  # noqa: E731
    names = ["A", "B"]
    greedy = simulate(sc, costs, plans, XRBENCH, ["a0"], link)
    table, status = cpsat_timetable(sc, costs, greedy, time_limit_s=20)
    assert status == "OPTIMAL"
    frames = simulate(sc, costs, plans, TIMETABLE, ["a0"], link, table)
    for f in frames:
        if (f.model, f.frame) in table:
            assert f.runs[0].start_ms == pytest.approx(table[(f.model, f.frame)][1])
    scored = [f for f in frames if f.status in ("done", "dropped")]
    assert scored and all(f.status == "done" and f.delay_ms <= -0.3 for f in scored)
    assert score_frames(frames, names)[0] == pytest.approx(100.0, abs=0.1)
    assert score_frames(greedy, names)[0] < 90
    assert score_frames(simulate(sc, costs, plans, EDF, ["a0"], link), names)[0] <= 100.0


def test_cpsat_keeps_children_after_their_parents():
    models = [_model("P", 50, [6.0]), _model("C", 50, [6.0], parent="P"), _model("X", 50, [5.0])]
    sc = Scenario("t", tuple(m for m, _ in models), 100.0, 0)
    costs = {m.name: c for m, c in models}
    plans = whole_anywhere(sc, costs)
    link = lambda a, b, n: (0.0, 0.0)  # noqa: E731
    table, _ = cpsat_timetable(sc, costs, simulate(sc, costs, plans, EDF, ["a0"], link), time_limit_s=20)
    for (model, k), (_, start) in table.items():
        if model == "C":
            assert ("P", k) in table and table[("P", k)][1] + 6.0 <= start + 1e-9
    frames = {(f.model, f.frame): f for f in simulate(sc, costs, plans, TIMETABLE, ["a0"], link, table)}
    assert all(frames[key].status == "done" for key in table)


def test_cli_cpsat_on_an_xrbench_case(capsys):
    import json
    from pathlib import Path

    from cli_helpers import run

    repo = Path(__file__).resolve().parents[1]
    code, out, err = run(capsys, "realtime", "--scenario", str(repo / "examples/workloads/xrbench/social_interactionB.m"),
                         "--system", str(repo / "examples/systems/xrbench/Dual_4K__WS_OS.yaml"), "--costs", "xrbench",
                         "--policy", "cpsat", "--time-limit", "3", "--json", "--frames")
    assert code == 0, err
    data = json.loads(out)
    assert data["policy"] == "cpsat" and 0 <= data["overall_score"] <= 100
    done = [f for f in data["frames"] if f["status"] == "done"]
    assert done and all(len(f["runs"]) == 1 and f["runs"][0]["start_ms"] <= f["deadline_ms"] for f in done)


@pytest.mark.slow
def test_cpsat_never_below_its_hint_on_xrbench_cases():
    from pathlib import Path

    from h2h.realtime import realtime

    repo = Path(__file__).resolve().parents[1]
    scenario = repo / "examples/workloads/xrbench/social_interactionA.m"
    for system in ("Dual_4K__WS_OS", "Single_4K__RS"):
        path = repo / f"examples/systems/xrbench/{system}.yaml"
        base = max(realtime(scenario, path, p, costs="xrbench").overall_score for p in ("xrbench", "edf"))
        assert realtime(scenario, path, "cpsat", costs="xrbench", time_limit_s=2).overall_score >= base - 1e-9
