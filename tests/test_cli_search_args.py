"""The options and rules `h2h nas` and `h2h codesign` share (h2h/cli/search_args.py)."""
from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml

from h2h.cli import build_parser, main
from h2h.cli.search_args import failures_line, fill_default_out, pareto_line, progress_printer

REPO = Path(__file__).resolve().parents[1]
SYSTEM = REPO / "examples" / "systems" / "hetero4_mid.yaml"


def _options(command: str) -> list[str]:
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    return [a.option_strings[0] for a in sub.choices[command]._actions if a.option_strings][1:]  # not -h


@pytest.mark.parametrize("command", ["nas", "codesign"])
def test_both_commands_parse_the_shared_options_the_same_way(command):
    args = build_parser().parse_args([command, "c.yaml", "--budget", "7", "--seed", "3", "--agent",
                                      "{kind: random}", "--out", "o", "--quiet"])
    assert (args.budget, args.seed, args.agent, args.out, args.quiet) == (7, 3, "{kind: random}", "o", True)
    args = build_parser().parse_args([command, "c.yaml"])
    assert (args.budget, args.seed, args.agent, args.out, args.quiet) == (None, None, None, None, False)


def test_option_order_is_each_commands_own():
    assert _options("nas") == ["--budget", "--seed", "--agent", "--out", "--overwrite", "--quiet", "--check"]
    assert _options("codesign") == ["--start", "--seed", "--budget", "--agent", "--out", "--overwrite", "--quiet",
                                    "--check"]


def test_default_out_is_results_slash_config_stem_only_when_none_given(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = SimpleNamespace(out=None)
    fill_default_out(s, "configs/my_run.yaml")
    assert s.out == Path("results") / "my_run" and s.out.is_dir()
    s = SimpleNamespace(out=Path("chosen"))
    fill_default_out(s, "configs/my_run.yaml")
    assert s.out == Path("chosen")


def test_earlier_results_are_never_replaced_unless_asked(tmp_path, monkeypatch):
    from h2h.errors import ConfigError

    monkeypatch.chdir(tmp_path)
    earlier = Path("results") / "my_run"
    (earlier / "designs" / "eval0001").mkdir(parents=True)
    (earlier / "result.json").write_text("{}")
    s = SimpleNamespace(out=None)
    fill_default_out(s, "my_run.yaml")                 # the default moves aside: my_run-2
    assert s.out == Path("results") / "my_run-2" and (earlier / "result.json").exists()
    with pytest.raises(ConfigError, match="holds the results of an earlier run"):
        fill_default_out(SimpleNamespace(out=earlier), "my_run.yaml")
    fill_default_out(SimpleNamespace(out=earlier), "my_run.yaml", overwrite=True)
    assert not (earlier / "result.json").exists() and not (earlier / "designs").exists()
    Path("afile").write_text("mine")
    with pytest.raises(ConfigError, match="expected a folder for the results, got a file"):
        fill_default_out(SimpleNamespace(out=Path("afile")), "my_run.yaml", overwrite=True)
    assert Path("afile").read_text() == "mine"


def test_a_search_refuses_an_occupied_folder_before_spending_its_budget(tmp_path, capsys):
    cfg = Path(__file__).resolve().parents[1] / "examples" / "flnas_nb201.yaml"
    out = tmp_path / "run"
    assert main(["nas", str(cfg), "--budget", "4", "--out", str(out), "--quiet"]) == 0
    before = (out / "history.csv").read_text()
    capsys.readouterr()
    assert main(["nas", str(cfg), "--budget", "4", "--seed", "3", "--out", str(out), "--quiet"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "holds the results of an earlier run" in err[0] and str(out) in err[0]
    assert (out / "history.csv").read_text() == before
    assert main(["nas", str(cfg), "--budget", "4", "--seed", "3", "--out", str(out), "--quiet",
                 "--overwrite"]) == 0
    assert (out / "history.csv").read_text() != before


def test_progress_goes_to_stderr_unless_quiet(capsys):
    assert progress_printer(True) is None
    progress_printer(False)("step 1")
    out = capsys.readouterr()
    assert (out.out, out.err) == ("", "step 1\n")


def test_nas_without_out_writes_results_under_the_working_folder(tmp_path, monkeypatch, capsys):
    cfg = {"space": {"architecture": {"family": "nb201", "dataset": "cifar10"}, "hardware": {"system": str(SYSTEM)}},
           "evaluator": {"kind": "table", "dataset": "cifar10"}, "objectives": ["accuracy", "latency_s"],
           "agent": {"kind": "random"}, "budget": 3, "proposals_per_iteration": 3, "seed": 0}
    (tmp_path / "tiny_search.yaml").write_text(yaml.safe_dump(cfg))
    monkeypatch.chdir(tmp_path)
    assert main(["nas", "tiny_search.yaml"]) == 0
    out = capsys.readouterr()
    assert out.err.strip()  # progress lines when not --quiet
    info = json.loads((tmp_path / "results" / "tiny_search" / "result.json").read_text())
    assert info["settings"]["budget"] == 3


def test_the_summary_counts_distinct_evaluations_as_the_budget_does():
    from h2h.cli.search_args import evaluations_line
    from h2h.results import HistoryRow

    history = [HistoryRow(1, "agent", {}), HistoryRow(2, "agent", {}), HistoryRow(3, "fallback", {}),
               HistoryRow(4, "offspring", {}, repeat=True), HistoryRow(5, "offspring", {})]
    assert evaluations_line(history, ("agent", "fallback", "random", "offspring")) == \
        "4 evaluations (2 agent, 1 fallback, 1 offspring; 1 repeat answered from memory)"
    assert evaluations_line(history[:2], ("agent", "fallback")) == "2 evaluations (2 agent)"


def test_pareto_line_counts_and_says_when_the_list_is_cut():
    assert pareto_line([1], shown=10) == "1 Pareto design"
    assert pareto_line(range(10), shown=10) == "10 Pareto designs"
    assert pareto_line(range(20), shown=10) == "20 Pareto designs (the first 10 below)"


def test_a_run_without_one_usable_design_says_why():
    from h2h.results import HistoryRow

    ok = HistoryRow(1, "agent", {"x": 1}, {"latency_s": 1.0})
    bad = [HistoryRow(i, "agent", {"x": i}, error="no accelerator can run this layer" if i < 4 else "other")
           for i in range(1, 6)]
    assert failures_line([ok, *bad]) is None
    assert failures_line(bad) == ("none of the 5 designs could be evaluated; 3 failed with: "
                                  "no accelerator can run this layer")
    bounded = [HistoryRow(1, "agent", {"x": 1}, {"accuracy": 0.5}, constraint_violation=0.3)]
    assert failures_line(bounded) == "none of the 1 designs met the constraints and metric bounds"
