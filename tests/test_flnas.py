"""FL-NAS: results folder, record/replay reproduces exactly, fallback, bad input before any work."""
import csv
import json
from pathlib import Path

import numpy as np
import pytest
import yaml

from h2h.cli import main
from h2h.errors import ConfigError
from h2h.flnas import load_settings, nas
from h2h.results import read_history

REPO = Path(__file__).resolve().parents[1]
SYSTEM = REPO / "examples" / "systems" / "hetero4_mid.yaml"
EDGES = ["edge_0_1", "edge_0_2", "edge_1_2", "edge_0_3", "edge_1_3", "edge_2_3"]


def nb201_config(**over):
    cfg = {"application": "CIFAR-10 on a 4-accelerator SoC",
           "space": {"architecture": {"family": "nb201", "dataset": "cifar10"},
                     "hardware": {"system": str(SYSTEM)}},
           "evaluator": {"kind": "table", "dataset": "cifar10"},
           "objectives": ["accuracy", "latency_s", "energy_j"],
           "agent": {"kind": "heuristic"}, "budget": 8, "proposals_per_iteration": 4, "seed": 0}
    cfg.update(over)
    return cfg


def mbv2_train_config(**over):
    """A tiny MobileNetV2 space trained on a synthetic two-group dataset (seconds per run)."""
    cfg = {"space": {"architecture": {"family": "mbv2", "resolution": 16, "num_classes": 2, "stem_width": 4,
                                      "head_width": 16,
                                      "stages": [{"depth": [1, 2], "expansion": [1, 3], "width": [4, 8]}]},
                     "hardware": {"system": str(SYSTEM)}},
           "evaluator": {"kind": "train", "num_threads": 1,
                         "dataset": {"kind": "synthetic", "num_samples": 120, "num_classes": 2},
                         "budget": {"epochs": 1, "batch_size": 16}}}
    cfg.update(over)
    return cfg


@pytest.fixture(scope="module")
def recorded(tmp_path_factory):
    """One heuristic run, recorded."""
    tmp = tmp_path_factory.mktemp("flnas")
    rec = tmp / "agent.jsonl"
    result = nas(nb201_config(agent={"kind": "heuristic", "record": str(rec)}), out=tmp / "run", plot=False)
    return tmp, rec, result


def test_results_folder_layout(recorded):
    tmp, _, result = recorded
    out = tmp / "run"
    info = json.loads((out / "result.json").read_text())
    assert info["kind"] == "nas"
    assert info["objectives"] == [{"name": "accuracy", "direction": "max"},
                                  {"name": "latency_s", "direction": "min"},
                                  {"name": "energy_j", "direction": "min"}]
    assert info["counts"]["evaluations"] == 8 and info["settings"]["budget"] == 8
    assert info["settings"]["agent"] == {"kind": "heuristic", "seed": 0, "record": str(tmp / "agent.jsonl")}
    rows = read_history(out / "history.csv")
    header = list(rows[0])
    assert header[:2 + 6 + 3] == ["evaluation", "source", *EDGES, "accuracy", "latency_s", "energy_j"]
    assert header[-3:] == ["constraint_violation", "repeat", "error"]
    assert [int(r["evaluation"]) for r in rows] == list(range(1, 9))
    assert {r["source"] for r in rows} <= {"agent", "fallback"}
    # pareto.csv is exactly the non-dominated subset, checked by brute force
    pts = {r["evaluation"]: (-float(r["accuracy"]), float(r["latency_s"]), float(r["energy_j"])) for r in rows}
    front = {r["evaluation"] for r in read_history(out / "pareto.csv")}
    brute = {e for e, p in pts.items()
             if not any(all(q <= x for q, x in zip(o, p)) and o != p for o in pts.values())}
    assert front == brute
    assert [r.evaluation for r in result.front] == sorted(int(e) for e in front)


def test_replay_reproduces_history_exactly(recorded, tmp_path):
    tmp, rec, _ = recorded
    nas(nb201_config(agent={"kind": "replay", "path": str(rec), "strict": True}), out=tmp_path / "replay",
        plot=False)
    assert (tmp_path / "replay" / "history.csv").read_bytes() == (tmp / "run" / "history.csv").read_bytes()
    assert (tmp_path / "replay" / "pareto.csv").read_bytes() == (tmp / "run" / "pareto.csv").read_bytes()


def test_a_strict_replay_that_diverges_is_an_error_not_a_fallback(recorded, tmp_path, capsys):
    _, rec, _ = recorded
    short = tmp_path / "one.jsonl"
    short.write_text(rec.read_text().splitlines()[0] + "\n")      # runs out after one iteration
    cfg = tmp_path / "run.yaml"
    cfg.write_text(yaml.safe_dump(nb201_config(agent={"kind": "replay", "path": str(short), "strict": True})))
    assert main(["nas", str(cfg), "--out", str(tmp_path / "out"), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("h2h: error:") and "ReplayError" not in err[0], err
    other = tmp_path / "other.yaml"                                  # a recording made for another task
    other.write_text(yaml.safe_dump(nb201_config(budget=8, proposals_per_iteration=3,
                                                 agent={"kind": "replay", "path": str(rec), "strict": True})))
    assert main(["nas", str(other), "--out", str(tmp_path / "out2"), "--quiet"]) == 2


def test_agent_that_runs_dry_falls_back_to_random(recorded, tmp_path):
    _, rec, _ = recorded
    first = rec.read_text().splitlines()[0]
    short = tmp_path / "one.jsonl"
    short.write_text(first + "\n")  # only the first iteration's proposals
    with pytest.warns(UserWarning):
        result = nas(nb201_config(agent={"kind": "replay", "path": str(short)}, budget=10),
                     out=tmp_path / "dry", plot=False)
    sources = [r.source for r in result.history]
    assert sources[:4] == ["agent"] * 4 and sources[4:] == ["fallback"] * 6
    assert len({tuple(r.candidate.values()) for r in result.history}) == 10  # all new designs
    info = json.loads((tmp_path / "dry" / "result.json").read_text())
    assert info["fallbacks"] == 6 and info["counts"]["by_source"] == {"agent": 4, "fallback": 6}


def test_missing_table_rows_are_reported_and_the_run_continues(tmp_path):
    from h2h.evaluators import TableEvaluator

    full = TableEvaluator.nb201("cifar10")
    table = tmp_path / "few.csv"
    import gzip

    from h2h.data import data_path

    lines = gzip.decompress(data_path("nb201_accuracy.csv.gz").read_bytes()).decode().splitlines()
    table.write_text("\n".join(lines[:200]) + "\n")  # header + 199 architectures
    cfg = nb201_config(evaluator={"kind": "table", "path": str(table),
                                  "columns": [{"metric": "accuracy", "column": "cifar10_test_acc",
                                               "scale": 0.01}]},
                       agent={"kind": "random"}, budget=6, proposals_per_iteration=3)
    result = nas(cfg, out=tmp_path / "few", plot=False)
    assert len(result.history) == 6
    errors = [r for r in result.history if r.error]
    assert errors and all("no row" in r.error for r in errors)
    assert len(full) == 15625
    rows = read_history(tmp_path / "few" / "history.csv")
    assert sum(bool(r["error"]) for r in rows) == len(errors)


@pytest.mark.parametrize("over, match", [
    ({"budget": 0}, "budget: the evaluation budget must be an integer >= 1"),
    ({"objectives": ["accuracy", "unfairness"]}, "objectives: unknown option 'unfairness'"),
    ({"objectives": [{"name": "latency_s", "direction": "max"}]}, "better when minimised"),
    ({"agent": {"kind": "heuristic", "temperature": 1}}, "agent"),
    ({"evaluator": {"kind": "table", "dataset": "mnist"}}, "evaluator"),
    ({"space": {"architecture": {"family": "nb201", "ops": ["conv_9x9"]}, "hardware": {"system": str(SYSTEM)}}},
     "unknown option 'conv_9x9'"),
    ({"map_options": {"bogus": 1}}, "map_options: bogus: not an option of mapper 'h2h'; expected one of: effort"),
    ({"metric_bounds": {"accuracy": {"ge": 0.9, "le": 0.1}}}, "ge 0.9 above le 0.1: no design could meet it"),
    ({"metric_bounds": {"accuracy": {"ge": 2.0}}}, r"accuracy is a fraction: its bounds lie in \[0, 1\]"),
    ({"metric_bounds": {"accuracy": {"ge": float("nan")}}}, "not NaN"),
    ({"map_options": {"restarts": 2, "seed": 1}, "budget": -1}, "budget"),   # known options pass
])
def test_bad_config_is_refused_before_any_work(over, match):
    with pytest.raises(ConfigError, match=match):
        load_settings(nb201_config(**over))


def test_missing_dataset_folder_and_groups_column(tmp_path):
    mbv2 = {"architecture": {"family": "mbv2", "resolution": 16, "num_classes": 2, "head_width": 32,
                             "stages": [{"depth": [1, 2], "width": 8}]},
            "hardware": {"system": str(SYSTEM)}}
    folder = {"kind": "image_folder", "root": str(tmp_path / "nowhere"), "csv": "labels.csv",
              "image_column": "image", "label_column": "label", "group_column": "group"}
    with pytest.raises(ConfigError, match="nowhere"):
        load_settings(nb201_config(space=mbv2, evaluator={"kind": "train", "dataset": folder},
                                   objectives=None))
    root = tmp_path / "images"
    root.mkdir()
    (root / "labels.csv").write_text("image,label\na.png,0\n")
    with pytest.raises(ConfigError, match="group"):
        load_settings(nb201_config(space=mbv2, evaluator={"kind": "train", "dataset": {**folder, "root": str(root)}},
                                   objectives=None))


def test_cli_errors_exit_2_with_one_line(tmp_path, capsys):
    cfg = tmp_path / "run.yaml"

    cfg.write_text(yaml.safe_dump(nb201_config()))
    for argv in (["nas", str(cfg), "--budget", "0"], ["nas", str(tmp_path / "none.yaml")],
                 ["nas", str(cfg), "--agent", "{kind: oracle}"]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert err.startswith("h2h: error:") and "\n" not in err and "Traceback" not in err


def test_cli_writes_the_results_folder(tmp_path, capsys):
    cfg = tmp_path / "run.yaml"

    cfg.write_text(yaml.safe_dump(nb201_config(budget=4)))
    assert main(["nas", str(cfg), "--agent", "{kind: random}", "--seed", "3", "--out", str(tmp_path / "o"),
                 "--quiet"]) == 0
    info = json.loads((tmp_path / "o" / "result.json").read_text())
    assert info["settings"]["seed"] == 3 and info["settings"]["agent"] == {"kind": "random", "seed": 3}
    with open(tmp_path / "o" / "history.csv", newline="") as f:
        assert len(list(csv.DictReader(f))) == 4
    assert np.isfinite(info["hypervolume_self_normalised"])


def test_metric_bounds_make_designs_infeasible_not_errors(tmp_path):
    result = nas(nb201_config(agent={"kind": "random"}, budget=12, metric_bounds={"accuracy": {"ge": 0.9}}),
                 out=tmp_path / "b", plot=False)
    low = [r for r in result.history if r.metrics["accuracy"] < 0.9]
    high = [r for r in result.history if r.metrics["accuracy"] >= 0.9]
    assert low and high  # random NB201 designs fall on both sides of 0.9
    for r in low:
        assert r.constraint_violation == pytest.approx((0.9 - r.metrics["accuracy"]) / 0.9) and not r.error
    assert all(r.constraint_violation == 0 for r in high)
    assert {r.evaluation for r in result.front} <= {r.evaluation for r in high}
    rows = read_history(tmp_path / "b" / "pareto.csv")
    assert all(float(r["accuracy"]) >= 0.9 for r in rows)
    with pytest.raises(ConfigError, match="metric_bounds.latency: unknown metric"):
        load_settings(nb201_config(metric_bounds={"latency": {"le": 1}}))


@pytest.mark.slow
def test_fairness_objectives_with_a_trained_evaluator(tmp_path):
    cfg = mbv2_train_config(agent={"kind": "random"}, budget=3, proposals_per_iteration=3)
    settings = load_settings(cfg)
    assert [o.name for o in settings.objectives] == ["accuracy", "unfairness", "latency_s", "energy_j"]
    result = nas(cfg, out=tmp_path / "fair", plot=False)
    header = list(read_history(tmp_path / "fair" / "history.csv")[0])
    assert header[2:2 + 3 + 4] == ["stage0_depth", "stage0_expansion", "stage0_width",
                                   "accuracy", "unfairness", "latency_s", "energy_j"]
    assert {"accuracy_majority", "accuracy_minority", "equalized_odds_diff"} <= set(header)
    for r in result.history:
        m = r.metrics
        # two groups: FaHaNa's sum_g |A_g - A| equals the weighted gap, at most |A_maj - A_min|
        assert m["unfairness"] <= abs(m["accuracy_majority"] - m["accuracy_minority"]) + 1e-9


@pytest.mark.slow
def test_wall_clock_metrics_are_hidden_from_the_agent_so_runs_repeat(tmp_path):
    """A trained evaluator reports train_time_s, which differs on every run; the agent must not see
    it (a seeded agent would then propose differently), so two runs propose the same designs."""
    from h2h.flnas import run_nas
    from llm_agents.heuristic import HeuristicAgent

    class Watching(HeuristicAgent):
        def __init__(self) -> None:
            super().__init__(seed=0)
            self.shown: list[str] = []

        def propose(self, task):
            self.shown += [k for h in task.history for k in h.metrics]
            return super().propose(task)

    cfg = mbv2_train_config(budget=6, proposals_per_iteration=2)
    runs = []
    for _ in range(2):
        agent = Watching()
        result = run_nas(load_settings(cfg), agent, plot=False)
        assert "accuracy" in agent.shown and "train_time_s" not in agent.shown
        assert all("train_time_s" in r.metrics for r in result.history)        # still recorded
        runs.append([dict(r.candidate) for r in result.history])
    assert runs[0] == runs[1]
