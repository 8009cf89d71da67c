"""``h2h map``: the JSON contract, output files and bad input (one line on stderr, exit code 2)."""
from __future__ import annotations

import json

import pytest
import yaml
from cli_helpers import run
from mapper_instances import system

MID = "examples/systems/hetero4_mid.yaml"


@pytest.mark.parametrize("mapper", ["compute_priority", "h2h", "random", "cpsat", "nsga2", "brute_force"])
def test_json_contract(capsys, tiny, mapper):
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapper", mapper,
                         "--time-limit", "20", "--json")
    assert code == 0, err
    lines = out.strip().splitlines()
    assert len(lines) == 1
    d = json.loads(lines[0])
    assert d["mapper"] == mapper
    assert d["latency_s"] > 0 and d["energy_j"] > 0
    assert set(d["mapping"]) == {"a1", "a2", "b1", "b2", "f"}
    assert set(d["mapping"].values()) <= {"acc0", "acc1", "acc2"}
    if mapper == "cpsat":
        assert d["status"] == "OPTIMAL" and d["gap"] == pytest.approx(0.0, abs=1e-9)
        assert d["bound"] == pytest.approx(d["latency_s"], rel=1e-5)
    if mapper == "nsga2":
        assert d["front"] and all({"latency_s", "energy_j", "mapping"} <= set(p) for p in d["front"])


def test_summary_trace_and_plots(capsys, tiny, tmp_path):
    trace, plot = tmp_path / "t.json", tmp_path / "g.png"
    code, out, _ = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapper", "nsga2",
                       "--time-limit", "5", "--trace", str(trace), "--plot", str(plot))
    assert code == 0
    assert "latency" in out and "Pareto front" in out
    events = json.loads(trace.read_text())["traceEvents"]
    assert any(e.get("cat") == "compute" for e in events)
    assert plot.stat().st_size > 0 and (tmp_path / "g_pareto.png").stat().st_size > 0


def test_given_mapping_is_scheduled(capsys, tiny, tmp_path):
    f = tmp_path / "m.json"
    f.write_text(json.dumps({"a1": "acc0", "a2": "acc0", "b1": "acc1", "b2": "acc1", "f": "acc2"}))
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(f), "--json")
    assert code == 0, err
    assert json.loads(out)["mapping"]["f"] == "acc2"


def test_a_saved_result_is_a_mapping_that_reproduces_it(capsys, tmp_path):
    """`h2h map --json` output (mapping, order, resident) fed back through --mapping schedules the
    same latency and energy, order and residency included."""
    spec = ("--workload", "casia_surf", "--system", MID)
    code, out, _ = run(capsys, "map", *spec, "--mapper", "h2h", "--json")
    assert code == 0
    saved = json.loads(out)
    assert saved["order"] and saved["resident"]      # both parts of the record are exercised
    f = tmp_path / "saved.json"
    f.write_text(out)
    code, again, err = run(capsys, "map", *spec, "--mapping", str(f), "--json")
    assert code == 0, err
    again = json.loads(again)
    assert again["mapping"] == saved["mapping"]
    assert again["latency_s"] == pytest.approx(saved["latency_s"], rel=1e-12)
    assert again["energy_j"] == pytest.approx(saved["energy_j"], rel=1e-12)
    y = tmp_path / "saved.yaml"
    y.write_text(yaml.safe_dump({"assignment": saved["mapping"], "order": saved["order"],
                                 "resident": saved["resident"]}))
    code, from_yaml, _ = run(capsys, "map", *spec, "--mapping", str(y), "--json")
    assert json.loads(from_yaml)["latency_s"] == pytest.approx(saved["latency_s"], rel=1e-12)


def test_missing_or_malformed_mapping_file(capsys, tiny, tmp_path):
    assert "no such mapping file" in _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1],
                                          "--mapping", str(tmp_path / "none.json"))
    f = tmp_path / "m.json"
    f.write_text('{"a1": "acc0",')
    line = _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(f))
    assert "not valid JSON/YAML" in line and "m.json" in line
    f.write_text(json.dumps({"assignment": {"a1": "acc0"}, "order": ["a1"]}))
    assert "order" in _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(f))


def _bad(capsys, *argv):
    code, out, err = run(capsys, *argv)
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("h2h: error:")
    return lines[0]


def test_unknown_mapper_workload_system(capsys, tiny):
    assert "unknown mapper 'greedy'" in _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1],
                                              "--mapper", "greedy")
    assert "no_such_net" in _bad(capsys, "map", "--workload", "no_such_net", "--system", MID)
    assert "no such system file" in _bad(capsys, "map", "--workload", tiny[0], "--system", "nope.yaml")


def test_mapping_with_unknown_layer_or_accelerator(capsys, tiny, tmp_path):
    f = tmp_path / "m.json"
    f.write_text(json.dumps({"a1": "acc0", "a2": "acc0", "b1": "acc1", "b2": "acc1", "f": "acc2", "zz": "acc0"}))
    line = _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(f))
    assert line.startswith(f"h2h: error: {f}: ") and "zz" in line            # the file is named first
    f.write_text(json.dumps({"a1": "acc0", "a2": "acc0", "b1": "acc1", "b2": "acc1", "f": "gpu"}))
    line = _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(f))
    assert line.startswith(f"h2h: error: {f}: ") and "gpu" in line


def test_system_without_a_path(capsys, tiny, tmp_path):
    d = system("bus", accelerators=3).to_dict()
    d["interconnect"] = {"kind": "links", "links": [
        {"between": ["host", "acc0"], "bandwidth_gbps": 1}, {"between": ["acc0", "acc1"], "bandwidth_gbps": 1}]}
    p = tmp_path / "cut.yaml"
    p.write_text(yaml.safe_dump(d))
    assert "no path" in _bad(capsys, "map", "--workload", tiny[0], "--system", str(p))


def test_layer_no_accelerator_can_run(capsys, tiny, tmp_path):
    d = system("bus", accelerators=2).to_dict()
    for a in d["accelerators"]:
        a["l1_bytes"] = 16     # too small for the 3x3 convolutions under kcp_ws
    p = tmp_path / "small.yaml"
    p.write_text(yaml.safe_dump(d))
    line = _bad(capsys, "map", "--workload", tiny[0], "--system", str(p))
    assert "no accelerator can run" in line and line.startswith(f"h2h: error: {p}: layer ")


def test_bad_steps_and_objective(capsys, tiny):
    assert "steps" in _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--steps", "1,7")
    assert "latency or energy" in _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1],
                                       "--mapper", "cpsat", "--objective", "edp")


def test_python_api_takes_specs():
    import h2h

    r = h2h.map("casia_surf", MID, mapper="compute_priority")
    assert r.latency_s > 0 and r.mapper == "compute_priority"
    assert "h2h" in h2h.MAPPERS and "cpsat" in h2h.MAPPERS


def test_output_files_are_checked_before_the_mapping_runs(capsys, tiny, tmp_path):
    base = ("map", "--workload", tiny[0], "--system", tiny[1])
    line = _bad(capsys, *base, "--plot", str(tmp_path / "g.xyz"))
    assert "--plot: unsupported plot format 'xyz'; expected one of" in line and "png" in line
    assert "expected a file name, got a folder" in _bad(capsys, *base, "--plot", str(tmp_path))
    line = _bad(capsys, *base, "--trace", str(tmp_path / "nowhere" / "t.json"))
    assert f"no such folder: {tmp_path / 'nowhere'}" in line
    (tmp_path / "afile").write_text("x")
    assert "no such folder" in _bad(capsys, *base, "--trace", str(tmp_path / "afile" / "t.json"))


def test_a_file_system_refusal_is_one_line(capsys, tmp_path):
    (tmp_path / "afile").write_text("x")
    line = _bad(capsys, "examples", "copy", str(tmp_path / "afile" / "sub"))
    assert line == f"h2h: error: {tmp_path / 'afile' / 'sub'}: Not a directory"


def test_mapper_options_on_the_command_line(capsys, tiny, tmp_path):
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapper", "cpsat",
                         "--option", "free_sequence=true", "--option", "num_workers=4", "--time-limit", "20",
                         "--json")
    assert code == 0, err
    d = json.loads(out)
    assert d["status"] == "OPTIMAL" and d["num_workers"] == 4
    assert sorted(d["sequence"]) == sorted(d["mapping"])        # every layer once
    saved = tmp_path / "saved.json"
    saved.write_text(out)
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(saved),
                         "--json")
    assert code == 0, err
    assert json.loads(out)["latency_s"] == d["latency_s"] and json.loads(out)["sequence"] == d["sequence"]
    assert "not an option of mapper 'h2h'" in _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1],
                                                   "--option", "nope=1")
    assert "expected KEY=VALUE" in _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1],
                                        "--option", "nope")
    assert "free_sequence: must be true or false" in _bad(capsys, "map", "--workload", tiny[0], "--system",
                                                          tiny[1], "--mapper", "cpsat", "--option",
                                                          "free_sequence=2")
    assert "not both" in _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--steps", "1,2",
                              "--option", "steps=[1]")


def test_bad_mapper_options_are_one_line(capsys, tiny):
    def bad(*option: str) -> str:
        return _bad(capsys, "map", "--workload", tiny[0], "--system", tiny[1], *option)

    assert "time_limit_s is not a mapper option; give --time-limit" in bad("--option", "time_limit_s=5")
    assert "seed is not a mapper option; give --seed" in bad("--mapper", "cpsat", "--option", "seed=1")
    assert "workload: not an option of mapper 'cpsat'" in bad("--mapper", "cpsat", "--option", "workload=x")
    assert "the value of 'solver_params' is nested too deeply" in bad(
        "--mapper", "cpsat", "--option", "solver_params=" + "[" * 20000 + "]" * 20000)
    assert "num_workers: must be an integer <= 2147483647" in bad(
        "--mapper", "cpsat", "--option", "num_workers=99999999999999999999")
    assert "batch: must be an integer <= 2147483647" in bad(
        "--mapper", "brute_force", "--option", "batch=99999999999999999999")
    assert "hint: must be true or false, got [1, 2]" in bad("--mapper", "cpsat", "--option", "hint=[1, 2]")
    assert "log: must be true or false, got 'false'" in bad("--mapper", "cpsat", "--option", 'log="false"')
    assert "orders: must be true or false, got 'no'" in bad("--mapper", "brute_force", "--option", 'orders="no"')
    assert "steps are numbers among (1, 2, 3, 4), got True" in bad("--option", "steps=true")
    assert "got [1.5, 2]" in bad("--option", "steps=[1.5, 2]")
    assert "bad value nan for CP-SAT parameter 'max_time_in_seconds'; expected a number" in bad(
        "--mapper", "cpsat", "--option", "solver_params={max_time_in_seconds: .nan}")
    assert "bad value 'x' for CP-SAT parameter 'num_workers'; expected an integer" in bad(
        "--mapper", "cpsat", "--option", 'solver_params={num_workers: "x"}')


def test_cpsat_takes_any_seed(capsys, tiny):
    """CP-SAT's random_seed is an int32; a larger seed (fine for every other mapper) is folded into it."""
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapper", "cpsat",
                         "--seed", str(2**40 + 3), "--option", "num_workers=8", "--time-limit", "5", "--json")
    assert code == 0, err
    assert json.loads(out)["status"] == "OPTIMAL"


def test_search_flags_with_a_given_mapping_are_named_as_unused(capsys, tiny, tmp_path):
    """--mapping schedules a mapping as given, so --mapper, --option and --time-limit cannot change
    it: the user is told so on one line, and the given mapping is still scheduled."""
    f = tmp_path / "m.json"
    f.write_text(json.dumps({"a1": "acc0", "a2": "acc0", "b1": "acc1", "b2": "acc1", "f": "acc2"}))
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(f),
                         "--mapper", "cpsat", "--option", "num_workers=8", "--time-limit", "5", "--json")
    assert code == 0, err
    assert err.count("\n") == 1 and "h2h: warning:" in err
    assert "--mapper, --option, --time-limit are not used" in err
    assert json.loads(out)["mapper"] == "given" and json.loads(out)["mapping"]["b1"] == "acc1"
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(f), "--json")
    assert code == 0 and err == ""
    # unused is unused: --steps (h2h only) beside --mapper cpsat is not checked as if it would run
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapping", str(f),
                         "--mapper", "cpsat", "--steps", "1,2", "--json")
    assert code == 0, err
    assert "--mapper, --steps are not used" in err and err.count("\n") == 1
