"""Co-design: reproducible warm and cold runs, injection with a replayed agent, the problem under plain
pymoo algorithms, agent failure and budget errors, and the results folder."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import numpy as np
import pytest

from h2h.cli import main as cli
from h2h.codesign import CodesignProblem, EvaluationRecorder, InfeasibleBudgetError, codesign, load_settings
from h2h.errors import ConfigError
from h2h.results import read_history

REPO = Path(__file__).resolve().parents[1]
POP = 6


def tiny_config(**over) -> dict:
    """729 NB201 cells (three ops) x one or two small accelerators: every run takes a second or two."""
    cfg = {
        "application": "test",
        "space": {"architecture": {"family": "nb201", "dataset": "cifar10",
                                   "ops": ["skip_connect", "nor_conv_1x1", "nor_conv_3x3"]},
                  "hardware": {"num_accelerators": {"low": 1, "high": 2}, "dataflow": ["kcp_ws", "yxp_os"],
                               "pe_count": [64, 128], "l1_bytes": 1024, "l2_bytes": 262144,
                               "bandwidth_gbps": [8.0, 16.0], "budgets": {"area_mm2": 10.0}}},
        "evaluator": {"kind": "table", "dataset": "cifar10"},
        "objectives": [{"name": "accuracy", "direction": "max"}, "latency_s", "energy_j"],
        "agent": {"kind": "heuristic"},
        "population_size": POP,
        "budget": 14,
        "seed": 0,
    }
    cfg.update(over)
    return cfg


def rows_of(result) -> list[dict]:
    return [r.to_dict() for r in result.history]


# ---- reproducibility and sources ----------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("start", ["warm", "cold"])
def test_runs_with_a_fixed_seed_are_reproducible(start):
    a = codesign(tiny_config(), start=start, seed=3, plot=False)
    b = codesign(tiny_config(), start=start, seed=3, plot=False)
    assert rows_of(a) == rows_of(b)
    assert sum(not r.repeat for r in a.history) == 14  # the budget counts distinct designs
    first = [r.source for r in a.history[:POP]]
    assert first == a.seeding.sources
    assert "agent" in first if start == "warm" else set(first) == {"random"}
    assert {r.source for r in a.history[POP:]} == {"offspring"}
    c = codesign(tiny_config(), start=start, seed=4, plot=False)
    assert rows_of(c) != rows_of(a)


def test_warm_and_cold_share_the_seed_handling_and_differ_only_in_the_start():
    warm = codesign(tiny_config(), start="warm", seed=1, plot=False)
    cold = codesign(tiny_config(), start="cold", seed=1, plot=False)
    assert len(warm.history) >= 14 and len(cold.history) >= 14
    # agent designs first; a design two of the per-objective requests both proposed is replaced
    seeded = warm.seeding
    assert seeded.sources == ["agent"] * seeded.from_agent + ["fallback"] * seeded.fallback
    assert seeded.from_agent + seeded.fallback == POP and seeded.from_agent >= POP - 2
    assert (seeded.reason != "") == (seeded.fallback > 0)
    assert cold.seeding.from_agent == 0 and cold.seeding.sources == ["random"] * POP
    # cold starting designs are valid and within the area budget
    for row in cold.history[:POP]:
        assert row.constraint_violation == 0 and row.metrics["area_mm2"] <= 10.0


def test_every_row_is_what_evaluate_candidate_reports():
    """The loop prices nothing itself: each row equals a fresh evaluate_candidate of its design."""
    from h2h.space import evaluate_candidate

    settings = load_settings(tiny_config(budget=8))
    result = codesign(tiny_config(budget=8), plot=False)
    for row in result.history:
        ev = evaluate_candidate(row.candidate, settings.space, settings.evaluator)
        assert dict(ev.metrics) == dict(row.metrics)
        assert ev.constraint_violation == row.constraint_violation


def test_spread_start_halves_the_budgets_shown_to_the_agent_down_to_the_smallest_design():
    from h2h.codesign.warmstart import ask_agent, budget_scales
    from llm_agents import from_config

    settings = load_settings(tiny_config())
    # smallest design: one accelerator of 64 PEs with 1024 B of L1 per PE and 256 KiB of L2 (MAESTRO rates)
    smallest_mm2 = (64 * 4470.9014 + 64 * 1024 * 4505.1889 / 64 + 262144 * 4161.536 / 32768) / 1e6
    assert budget_scales(settings.space, 3) == pytest.approx([1.0, 0.5, smallest_mm2 / 10.0])
    answer = ask_agent(from_config({"kind": "heuristic", "seed": 2}), settings.space, settings.objectives, 4,
                       budget_scale=0.5)
    assert len(answer.candidates) == 4
    assert all(settings.space.area_mm2(c) <= 5.0 + 1e-9 for c in answer.candidates)


# ---- injection ----------------------------------------------------------------------------------
def _recording(path: Path, proposals: list[list[dict]]) -> Path:
    lines = [json.dumps({"version": 1, "index": i, "agent": "hand-written", "task_digest": "by-hand",
                        "n": len(c), "proposal": {"candidates": c}}) for i, c in enumerate(proposals)]
    path.write_text("\n".join(lines) + "\n")
    return path


def test_injection_puts_the_replayed_designs_into_the_run(tmp_path):
    settings = load_settings(tiny_config())
    space = settings.space
    import random

    rng = random.Random(11)
    start = [space.sample(rng) for _ in range(POP)]
    keys = {space.key(c) for c in start}
    injected = []
    while len(injected) < 2:
        c = space.sample(rng)
        if space.key(c) not in keys:
            keys.add(space.key(c))
            injected.append(c)
    # one request for the starting designs (spread_start off), then one per injection
    rec = _recording(tmp_path / "rec.jsonl", [start, injected, []])
    cfg = tiny_config(agent={"kind": "replay", "path": str(rec)}, spread_start=False,
                      inject={"every": 1, "count": 2}, budget=20)
    with pytest.warns(UserWarning):
        result = codesign(cfg, plot=False)
    agent_rows = [r for r in result.history if r.source == "agent"]
    assert [space.key(r.candidate) for r in agent_rows[:POP]] == [space.key(c) for c in start]
    gen1 = [r for r in agent_rows[POP:]]
    assert [space.key(r.candidate) for r in gen1] == [space.key(c) for c in injected]
    assert all(r.evaluation > POP for r in gen1)
    log = result.injections
    assert log[0] == {**log[0], "generation": 1, "asked": 2, "used": 2}
    assert log[1]["generation"] == 2 and log[1]["used"] == 0  # the recording ran out: offspring kept
    assert log[0]["front_shown"] >= 1


def test_injection_shows_the_current_front_to_the_agent(tmp_path):
    cfg = tiny_config(agent={"kind": "heuristic", "record": str(tmp_path / "rec.jsonl")},
                      inject={"every": 2, "count": 2}, budget=24)
    result = codesign(cfg, plot=False)
    lines = [json.loads(x) for x in (tmp_path / "rec.jsonl").read_text().splitlines()]
    m = len(result.objectives)
    assert len(lines) == m + len(result.injections)  # spread start: one request per objective
    assert all(e["used"] == 2 for e in result.injections)
    from h2h.results import front_of

    # the front at the first injection: that of the rows evaluated before it
    first = result.injections[0]
    before = [r for r in result.history if r.evaluation <= POP + POP * (first["generation"] - 1)]
    assert first["front_shown"] == len(front_of(before, result.objectives))


# ---- plain pymoo ------------------------------------------------------------------------------
def _independent_losses(settings, x) -> list[float]:
    """Accuracy from the table and latency/energy from h2h.map, without the problem class."""
    import h2h

    cand = settings.space.from_pymoo(x)
    workload, system, mapper = settings.space.decode(cand)
    mapped = h2h.map(workload, system, mapper=mapper, effort="thorough", restarts=0)  # the search defaults
    acc = settings.evaluator.evaluate(settings.space.arch_spec(cand))["accuracy"]
    return [-acc, mapped.latency_s, mapped.energy_j]


def test_problem_is_solved_by_pymoo_nsga2_directly():
    from pymoo.algorithms.moo.nsga2 import NSGA2
    from pymoo.core.mixed import MixedVariableDuplicateElimination, MixedVariableMating, MixedVariableSampling
    from pymoo.optimize import minimize

    settings = load_settings(tiny_config())
    problem = CodesignProblem(settings.space, settings.evaluator, settings.objectives)
    recorder = EvaluationRecorder(problem)
    algorithm = NSGA2(pop_size=8, sampling=MixedVariableSampling(),
                      mating=MixedVariableMating(eliminate_duplicates=MixedVariableDuplicateElimination()),
                      eliminate_duplicates=MixedVariableDuplicateElimination())
    res = minimize(problem, algorithm, ("n_evals", 24), seed=2, callback=recorder)
    assert res.X is not None and len(res.X) >= 1
    for x, f, g in zip(res.X, res.F, res.G):
        assert np.all(g <= 0)  # feasible: within the area budget, scored
        assert list(f) == pytest.approx(_independent_losses(settings, x), rel=1e-12)
    assert len(recorder.rows) == len(problem.calls) >= 24
    assert {r.source for r in recorder.rows[:8]} == {"random"}
    assert {r.source for r in recorder.rows[8:]} == {"offspring"}


def test_problem_is_solved_by_pymoo_mixed_variable_ga():
    from pymoo.core.mixed import MixedVariableGA
    from pymoo.operators.survival.rank_and_crowding import RankAndCrowding
    from pymoo.optimize import minimize

    settings = load_settings(tiny_config())
    problem = CodesignProblem(settings.space, settings.evaluator, settings.objectives[:1])  # accuracy only
    res = minimize(problem, MixedVariableGA(pop_size=6, survival=RankAndCrowding()), ("n_evals", 18), seed=0)
    best = min(-ev.metrics["accuracy"] for ev in problem.calls if ev.ok)
    assert float(np.min(res.F)) == pytest.approx(best)


def test_problem_constraints_are_budgets_scored_and_latency_bound():
    settings = load_settings(tiny_config())
    space = settings.space
    problem = CodesignProblem(space, settings.evaluator, settings.objectives, latency_bound_s=1e-4)
    assert problem.constraint_names == ("budget_area_mm2", "scored", "latency_bound")
    base = {"edge_0_1": "nor_conv_3x3", "edge_0_2": "skip_connect", "edge_1_2": "nor_conv_1x1",
            "edge_0_3": "nor_conv_3x3", "edge_1_3": "skip_connect", "edge_2_3": "nor_conv_1x1",
            "num_accelerators": 1, "acc0_dataflow": "kcp_ws", "acc0_pe_count": 64, "bandwidth_gbps": 8.0}
    ev = problem.evaluate_candidate(base)
    g = problem.constraint_values(ev)
    area = ev.metrics["area_mm2"]
    assert g[0] == pytest.approx((area - 10.0) / 10.0) and g[0] < 0
    assert g[1] == 0
    assert g[2] == pytest.approx(ev.metrics["latency_s"] / 1e-4 - 1)
    assert ev.metrics["latency_s"] > 1e-4 and problem.violation(ev) == pytest.approx(g[2])
    big = {**base, "num_accelerators": 2, "acc1_dataflow": "yxp_os", "acc0_pe_count": 128, "acc1_pe_count": 128}
    over = problem.evaluate_candidate(big)
    assert over.metrics["area_mm2"] > 10.0 and problem.constraint_values(over)[0] > 0
    assert problem.objective_values(over) == [1e30] * 3  # not mapped, ranked by violation only


def test_metric_bounds_are_a_constraint_column_and_reach_the_agent():
    settings = load_settings(tiny_config(metric_bounds={"accuracy": {"ge": 0.9}}))
    assert settings.metric_bounds == {"accuracy": {"ge": 0.9}}
    problem = CodesignProblem(settings.space, settings.evaluator, settings.objectives,
                              metric_bounds=settings.metric_bounds)
    assert problem.constraint_names == ("budget_area_mm2", "scored", "metric_bounds")
    cell = {"edge_0_1": "skip_connect", "edge_0_2": "skip_connect", "edge_1_2": "skip_connect",
            "edge_0_3": "nor_conv_1x1", "edge_1_3": "skip_connect", "edge_2_3": "skip_connect"}
    ev = problem.evaluate_candidate({**cell, "num_accelerators": 1, "acc0_dataflow": "kcp_ws",
                                     "acc0_pe_count": 64, "bandwidth_gbps": 8.0})
    acc = ev.metrics["accuracy"]
    assert acc < 0.9  # a 1x1-conv-only cell: its table accuracy is far below the bound
    g = problem.constraint_values(ev)
    assert g[2] == pytest.approx((0.9 - acc) / 0.9) and problem.violation(ev) == pytest.approx(g[2])
    assert not ev.ok
    with pytest.raises(ConfigError, match="unknown metric"):
        load_settings(tiny_config(metric_bounds={"unfairness": {"le": 0.1}}))
    run = codesign(tiny_config(metric_bounds={"accuracy": {"ge": 0.9}}), seed=1, plot=False)
    assert run.settings.to_dict()["metric_bounds"] == {"accuracy": {"ge": 0.9}}
    assert run.front and all(r.metrics["accuracy"] >= 0.9 for r in run.front)


# ---- agent failure and bad budgets --------------------------------------------------------------

@pytest.mark.slow
def test_an_agent_answering_prose_falls_back_to_random_starts_and_exits_0(tmp_path, capsys, monkeypatch):
    from chat_server import ChatServer, Reply

    monkeypatch.setenv("H2H_TEST_KEY", "not-a-real-key")
    srv = ChatServer(lifetime_s=60).start()
    srv.queue(*[Reply(content="Try more PEs and a bigger buffer.")] * 8)
    agent = json.dumps({"kind": "openai", "model": "none", "base_url": srv.url,
                        "api_key_env": "H2H_TEST_KEY", "max_retries": 0, "timeout_s": 2, "max_reasks": 0})
    config = tmp_path / "cd.yaml"
    import yaml

    config.write_text(yaml.safe_dump(tiny_config(budget=8)))
    try:
        code = cli(["codesign", str(config), "--agent", agent, "--out", str(tmp_path / "out"), "--quiet"])
    finally:
        srv.stop()
    assert code == 0
    said = capsys.readouterr().out
    assert "fallback" in said
    result = json.loads((tmp_path / "out" / "result.json").read_text())
    assert result["warm_start"]["fallback"] == POP and result["warm_start"]["from_agent"] == 0
    assert result["warm_start"]["reason"]
    rows = read_history(tmp_path / "out" / "history.csv")
    assert [r["source"] for r in rows[:POP]] == ["fallback"] * POP
    assert result["counts"]["evaluations"] == 8  # distinct, as the budget counts


def test_budget_smaller_than_the_population_is_a_clear_error(tmp_path, capsys):
    with pytest.raises(ConfigError, match="smaller than the population of 6"):
        load_settings(tiny_config(budget=5))
    config = tmp_path / "cd.yaml"
    import yaml

    config.write_text(yaml.safe_dump(tiny_config()))
    assert cli(["codesign", str(config), "--budget", "3"]) == 2
    err = capsys.readouterr().err
    assert "budget" in err and "population" in err and len(err.strip().splitlines()) == 1


def test_an_area_budget_no_design_fits_is_reported_as_infeasible(tmp_path, capsys):
    cfg = tiny_config()
    cfg["space"]["hardware"]["budgets"] = {"area_mm2": 1.0}  # one 64-PE accelerator needs ~4.9 mm^2
    with pytest.raises(InfeasibleBudgetError, match="infeasible budget"):
        load_settings(cfg)
    config = tmp_path / "cd.yaml"
    import yaml

    config.write_text(yaml.safe_dump(cfg))
    assert cli(["codesign", str(config)]) == 2
    err = capsys.readouterr().err
    assert "infeasible budget" in err and "area_mm2" in err


def test_unknown_keys_and_bad_start_are_config_errors():
    with pytest.raises(ConfigError, match="unknown key"):
        load_settings(tiny_config(populaton_size=4))
    with pytest.raises(ConfigError, match="start"):
        load_settings(tiny_config(start="lukewarm"))


# ---- the results folder -------------------------------------------------------------------------
def test_results_folder_has_the_nas_format_and_designs_to_take_away(tmp_path):
    from h2h.system import load_system

    result = codesign(tiny_config(budget=12, export_designs=2), out=tmp_path / "run")
    out = tmp_path / "run"
    data = json.loads((out / "result.json").read_text())
    assert data["kind"] == "codesign"
    assert data["objectives"] == [{"name": "accuracy", "direction": "max"},
                                  {"name": "latency_s", "direction": "min"},
                                  {"name": "energy_j", "direction": "min"}]
    rows = read_history(out / "history.csv")
    header = list(rows[0])
    assert header[:2] == ["evaluation", "source"] and header[2:2 + len(result.settings.space.names)] == \
        result.settings.space.names
    assert {"accuracy", "latency_s", "energy_j"} <= set(header)
    assert len(rows) == len(result.history)
    assert len(read_history(out / "pareto.csv")) == len(result.front)
    for name in ("pareto.png", "convergence.png"):
        assert (out / name).stat().st_size > 0
    assert len(data["designs"]) == 2
    for d in data["designs"]:
        folder = Path(d["folder"])
        system = load_system(folder / "system.yaml")
        design = json.loads((folder / "design.json").read_text())
        assert design["mapping_reproduced"] is True
        assert len(system.accelerators) == design["candidate"]["num_accelerators"]
        trace = json.loads((folder / "trace.json").read_text())
        assert trace["otherData"]["latency_s"] == design["metrics"]["latency_s"]
        assert json.loads((folder / "mapping.json").read_text())["latency_s"] == design["metrics"]["latency_s"]


# ---- a fixed network: hardware-only co-design ---------------------------------------------------
def test_a_fixed_workload_co_designs_the_hardware_only(tmp_path, capsys):
    """``architecture: {workload: ...}``: no architecture variables, every design maps the same
    network (here a 2-layer YAML workload beside the config), and latency tracks the hardware."""
    import yaml

    net = {"name": "two_convs", "layers": [
        {"name": "c1", "op": "conv2d", "in_channels": 3, "out_channels": 16, "in_h": 32, "in_w": 32,
         "kernel": 3, "padding": 1},
        {"name": "c2", "op": "conv2d", "in_channels": 16, "out_channels": 16, "in_h": 32, "in_w": 32,
         "kernel": 3, "padding": 1}], "edges": [{"src": "c1", "dst": "c2"}]}
    (tmp_path / "net.yaml").write_text(yaml.safe_dump(net))
    cfg = tiny_config(budget=10, objectives=["latency_s", "energy_j", "area_mm2"])
    del cfg["evaluator"]
    cfg["space"]["architecture"] = {"workload": "net.yaml"}
    config = tmp_path / "cd.yaml"
    config.write_text(yaml.safe_dump(cfg))
    settings = load_settings(config)
    assert not any(name.startswith("edge_") for name in settings.space.names)
    assert cli(["codesign", str(config), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    said = capsys.readouterr().out
    # 16 designs fit the budget; NSGA-II may stall (20 generations with nothing new) before the budget of 10
    evaluations = int(said.split(" evaluations (")[0].rsplit(" ", 1)[1])
    assert said.startswith("warm start: ") and 6 <= evaluations <= 10
    rows = [r for r in read_history(tmp_path / "out" / "history.csv") if r["latency_s"] != ""]
    assert len(rows) >= 6
    # the same network on more PEs is never slower (bandwidth and dataflow equal)
    by_hw: dict = {}
    for r in rows:
        if int(r["num_accelerators"]) == 1:
            key = (r["acc0_dataflow"], r["bandwidth_gbps"])
            by_hw.setdefault(key, []).append((int(r["acc0_pe_count"]), float(r["latency_s"])))
    compared = 0
    for pairs in by_hw.values():
        pairs.sort()
        for (pe_a, lat_a), (pe_b, lat_b) in zip(pairs, pairs[1:]):
            if pe_b > pe_a:
                compared += 1
                assert lat_b <= lat_a * (1 + 1e-9)
    assert compared >= 1
    config.write_text(yaml.safe_dump({**cfg, "space": {**cfg["space"], "architecture": {"workload": "nope.yaml"}}}))
    assert cli(["codesign", str(config), "--quiet"]) == 2
    err = capsys.readouterr().err.strip()
    assert "workload" in err and "nope.yaml" in err and len(err.splitlines()) == 1


def test_h2h_codesign_stays_callable_once_its_package_is_imported(tmp_path):
    """`h2h codesign` (the CLI) and `from h2h.codesign import ...` import the package, which Python
    then binds as the attribute h2h.codesign; the call must still reach the function."""
    import importlib

    import h2h

    importlib.import_module("h2h.codesign.loop")
    assert callable(h2h.codesign)
    result = h2h.codesign(str(Path(__file__).resolve().parents[1] / "examples" / "codesign_quickstart.yaml"),
                          budget=10, plot=False)
    assert len([r for r in result.history if not r.repeat]) == 10
