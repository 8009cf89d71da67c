"""More bad input: huge numbers, NaN, binary files, deep nesting, bad CSV rows and duplicate keys
are one-line H2HErrors naming the file and the item (the CLI: ``h2h: error: ...``, exit 2)."""
from __future__ import annotations

import csv
import os
import random
import warnings
from pathlib import Path

import pytest
import yaml
from cli_helpers import run

from costmodels.accelerator import AcceleratorSpec
from costmodels.dataflow import load_library
from h2h.errors import ConfigError, SystemError_
from h2h.system import load_system
from h2h.yaml_loader import load_yaml_file
from llm_agents.errors import AgentConfigError
from llm_agents.replay import read_recording
from workloads.errors import H2HError, WorkloadError
from workloads.io import read_workload
from workloads.layer import MAX_DIM, Layer, Op

REPO = Path(__file__).resolve().parents[1]
MID = REPO / "examples/systems/hetero4_mid.yaml"
HEADER = "network,layer,type,K,C,R,S,Y,X,M,N,stride_x,stride_y,dataflow,num_pes,noc_bw,offchip_bw"
GOOD_ROW = "n,L0,CONV,64,3,3,3,34,34,,,1,1,kcp_ws,256,64,50"


def one_line(err: BaseException, *parts: str) -> str:
    msg = str(err)
    assert "\n" not in msg
    for p in parts:
        assert p in msg, (p, msg)
    return msg


def binary(path: Path) -> Path:
    rng = random.Random(7)
    path.write_bytes(b"\xb6" + bytes(rng.randrange(256) for _ in range(2000)))
    return path


def system_with(tmp_path: Path, edit) -> Path:
    data = yaml.safe_load(MID.read_text())
    edit(data)
    p = tmp_path / "s.yaml"
    p.write_text(yaml.safe_dump(data))
    return p


# ---- 1. huge numbers --------------------------------------------------------------------------
@pytest.mark.parametrize("k", [100000000000000000000000, 9223372036854775807, MAX_DIM + 1])
def test_huge_gemm_dimension_in_yaml_is_rejected_at_load(tmp_path, k):
    p = tmp_path / "w.yaml"
    p.write_text(f"layers:\n  - {{name: fc, op: gemm, m: 1, k: {k}, n: 10}}\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no numpy RuntimeWarning on the way
        with pytest.raises(WorkloadError) as info:
            read_workload(p)
    one_line(info.value, str(p), "layer 'fc'", "'k'", "2**31 - 1")


def test_dimensions_at_the_bound_are_accepted_but_absurd_products_are_not():
    assert Layer("fc", Op.GEMM, m=1, k=MAX_DIM, n=1).macs == MAX_DIM
    with pytest.raises(WorkloadError) as info:
        Layer("fc", Op.GEMM, m=MAX_DIM, k=MAX_DIM, n=MAX_DIM)
    one_line(info.value, "layer 'fc'", "macs", "2**48")
    # 2**48 MACs exactly is still a layer
    assert Layer("c", Op.CONV2D, in_channels=4096, out_channels=4096, in_h=4096, in_w=4096).macs == 2**48


def test_huge_maestro_dimension_names_the_dimension(tmp_path):
    p = tmp_path / "big.m"
    p.write_text("Network n {\n Layer L0 { Type: CONV Dimensions { K: 99999999999999999999999999, "
                 "C: 3, R: 3, S: 3, Y: 34, X: 34 } }\n}\n")
    with pytest.raises(WorkloadError) as info:
        read_workload(p)
    one_line(info.value, str(p), "layer 'L0'", "dimension K", "2**31 - 1")


@pytest.mark.parametrize("field, value, expect", [
    ("num_pes", 100000000000000000000, "2**31 - 1"),
    ("l2_bytes", 2**50 + 1, "2**50"),
    ("dram_capacity_bytes", 10**30, "2**50"),
    ("l2_bytes", float("inf"), "finite"),
    ("noc_bw", float("nan"), "finite"),
    ("static_power_w", float("inf"), "finite"),
])
def test_absurd_accelerator_numbers_are_rejected_naming_the_field(tmp_path, field, value, expect):
    p = system_with(tmp_path, lambda d: d["accelerators"][0].__setitem__(field, value))
    with pytest.raises(SystemError_) as info:
        load_system(p)
    one_line(info.value, str(p), "accelerator 'nvdla_large'", f"'{field}'", expect)


def test_an_infinite_rate_is_still_an_ideal_resource():
    acc = AcceleratorSpec("a", "kcp_ws", 64, noc_bw=float("inf"), clock_ghz=float("inf"))
    assert acc.noc_bw == float("inf")


# ---- 2. NaN in a system -----------------------------------------------------------------------
@pytest.mark.parametrize("key, value, expect", [
    ("bandwidth_gbps", float("nan"), "> 0"),
    ("latency_ns", float("nan"), ">= 0"),
    ("pj_per_byte", float("nan"), ">= 0"),
    ("latency_ns", float("inf"), "finite"),
    ("pj_per_byte", float("inf"), "finite"),
])
def test_nan_and_infinite_link_costs_are_rejected(tmp_path, key, value, expect):
    p = system_with(tmp_path, lambda d: d["interconnect"].__setitem__(key, value))
    with pytest.raises(SystemError_) as info:
        load_system(p)
    one_line(info.value, str(p), "interconnect", f"'{key}'", expect)


def test_nan_bandwidth_is_an_error_in_map_not_a_traceback(tmp_path, capsys):
    p = system_with(tmp_path, lambda d: d["interconnect"].__setitem__("bandwidth_gbps", float("nan")))
    code, _, err = run(capsys, "map", "--workload", "resnet18", "--system", str(p))
    assert code == 2 and err.startswith("h2h: error: ") and "bandwidth_gbps" in err


def test_infinite_bus_bandwidth_still_maps(tmp_path):
    p = system_with(tmp_path, lambda d: d["interconnect"].__setitem__("bandwidth_gbps", float("inf")))
    assert load_system(p).links[0].bandwidth_gbps == float("inf")


# ---- 3. binary files --------------------------------------------------------------------------
def test_binary_dataflow_file_is_one_line(tmp_path):
    m = binary(tmp_path / "garbage.m")
    with pytest.raises(H2HError) as info:
        load_library(m)
    one_line(info.value, str(m), "UTF-8")


def test_system_naming_a_binary_dataflow_is_one_line(tmp_path, capsys):
    binary(tmp_path / "garbage.m")
    p = system_with(tmp_path, lambda d: d["accelerators"][0].__setitem__("dataflow", "garbage.m"))
    code, _, err = run(capsys, "system", "info", str(p))
    assert code == 2 and err.count("\n") == 1
    one_line(err.strip(), "h2h: error:", str(p), "garbage.m", "UTF-8")


def test_cost_predict_with_a_binary_dataflow_library_is_one_line(tmp_path, capsys):
    src = tmp_path / "in.csv"
    src.write_text(f"{HEADER}\n{GOOD_ROW}\n")
    m = binary(tmp_path / "garbage.m")
    code, _, err = run(capsys, "cost", "predict", str(src), "--dataflows", str(m), "-o",
                       str(tmp_path / "o.csv"))
    assert code == 2 and "garbage.m" in err and "UTF-8" in err


def test_binary_replay_recording_is_one_line(tmp_path):
    rec = binary(tmp_path / "rec_bin.jsonl")
    with pytest.raises(AgentConfigError) as info:
        read_recording(rec)
    one_line(info.value, str(rec), "UTF-8")


# ---- 4. deep nesting --------------------------------------------------------------------------
DEEP = "[" * 5000 + "]" * 5000


@pytest.mark.parametrize("name, text", [("w.yaml", DEEP),
                                        ("w.json", "[" * 100000 + "]" * 100000)])
def test_deeply_nested_workload_is_one_line(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text)
    with pytest.raises(WorkloadError) as info:
        read_workload(p)
    one_line(info.value, str(p), "nested too deeply")


def test_deeply_nested_system_and_config_are_one_line(tmp_path):
    p = tmp_path / "deep.yaml"
    p.write_text(DEEP)
    with pytest.raises(SystemError_) as info:
        load_system(p)
    one_line(info.value, str(p), "nested too deeply")
    with pytest.raises(ConfigError) as info:
        load_yaml_file(p)  # codesign, batch and search configs come through here
    one_line(info.value, str(p), "nested too deeply")


def test_deeply_nested_config_on_the_command_line(tmp_path, capsys):
    p = tmp_path / "deep.yaml"
    p.write_text(DEEP)
    for argv in (["workload", "info", str(p)], ["system", "info", str(p)], ["codesign", str(p)],
                 ["batch", str(p)]):
        code, _, err = run(capsys, *argv)
        assert code == 2 and "nested too deeply" in err, argv


def test_deeply_nested_replay_line_is_one_line(tmp_path):
    rec = tmp_path / "rec.jsonl"
    rec.write_text("[" * 100000 + "]" * 100000 + "\n")
    with pytest.raises(AgentConfigError) as info:
        read_recording(rec)
    one_line(info.value, str(rec), "line 1", "nested too deeply")


# ---- 5. cost predict rows ---------------------------------------------------------------------
def predict(tmp_path, capsys, header: str, *rows: str) -> tuple[int, list[dict], str]:
    src, out = tmp_path / "in.csv", tmp_path / "out.csv"
    src.write_text("\n".join([header, *rows]) + "\n")
    code, _, err = run(capsys, "cost", "predict", str(src), "-o", str(out))
    if code != 0:
        return code, [], err
    with out.open(newline="") as f:
        return code, list(csv.DictReader(f)), err


@pytest.mark.parametrize("bad_row, expect", [
    (GOOD_ROW.replace("CONV,64,", "CONV,abc,"), "field 'K' must be a positive integer, got 'abc'"),
    (GOOD_ROW.replace("CONV,64,", "CONV,nan,"), "field 'K' must be a positive integer, got 'nan'"),
    (GOOD_ROW + ",7,8", "has 19 fields, expected 17"),
    (GOOD_ROW.replace(",256,", ",100000000000000000000,"), "'num_pes' must be at most 2**31 - 1"),
    (GOOD_ROW.replace("CONV,64,3,", "CONV,2147483647,2147483647,"), "exceeds the sane maximum"),
])
def test_a_bad_row_gets_an_error_and_the_run_goes_on(tmp_path, capsys, bad_row, expect):
    code, rows, err = predict(tmp_path, capsys, HEADER, GOOD_ROW, bad_row, GOOD_ROW)
    assert code == 0, err
    assert [r["error"] for r in rows[::2]] == ["", ""]
    assert rows[0]["runtime_cycles"] == rows[2]["runtime_cycles"] != ""
    assert rows[1]["runtime_cycles"] == "" and expect in rows[1]["error"]
    assert rows[1]["error"].startswith("row 2, network 'n', layer 'L0': ")


def test_a_repeated_column_is_a_one_line_error(tmp_path, capsys):
    header = HEADER.replace("type,K,", "type,K,K,")
    code, _, err = predict(tmp_path, capsys, header, GOOD_ROW.replace("CONV,64,", "CONV,64,64,"))
    assert code == 2 and err.count("\n") == 1 and "column(s) K given more than once" in err


# ---- 6. duplicate keys ------------------------------------------------------------------------
def test_duplicate_keys_in_a_json_workload_are_an_error(tmp_path):
    p = tmp_path / "w.json"
    p.write_text('{"name": "x", "name": "y", "layers": '
                 '[{"name": "fc", "op": "gemm", "m": 1, "k": 2, "n": 3}]}')
    with pytest.raises(WorkloadError) as info:
        read_workload(p)
    one_line(info.value, str(p), "duplicate key 'name'")


def test_duplicate_keys_in_a_system_are_an_error(tmp_path):
    p = tmp_path / "s.yaml"
    p.write_text(MID.read_text().replace("num_pes: 1024", "num_pes: 1024, num_pes: 168"))
    assert p.read_text() != MID.read_text()
    with pytest.raises(SystemError_) as info:
        load_system(p)
    one_line(info.value, str(p), "key 'num_pes'", "duplicate key")


def test_valid_systems_still_load_the_same(tmp_path):
    s = load_system(MID)
    p = tmp_path / "copy.yaml"
    s.save(p)
    assert load_system(p) == s
    assert os.path.basename(s.source) == "hetero4_mid.yaml"


def test_technology_numbers_must_be_finite():
    import math

    import pytest

    from costmodels.errors import CostModelError
    from costmodels.technology import Technology

    for bad in (math.nan, math.inf):
        with pytest.raises(CostModelError, match="must be a finite number >= 0"):
            Technology(pj_per_mac=bad)


def test_deeply_nested_mapping_and_agent_files_are_one_line(tmp_path, capsys):
    from h2h.cli import main

    deep = tmp_path / "deep.yaml"
    deep.write_text("[" * 5000 + "]" * 5000)
    assert main(["map", "--workload", "casia_surf", "--system", "hetero4_mid", "--mapping", str(deep)]) == 2
    assert capsys.readouterr().err.strip() == f"h2h: error: {deep}: not valid JSON/YAML: nested too deeply"
    cfg = Path(__file__).resolve().parents[1] / "examples" / "flnas_nb201.yaml"
    assert main(["nas", str(cfg), "--agent", str(deep), "--out", str(tmp_path / "o")]) == 2
    assert "nested too deeply" in capsys.readouterr().err


def test_python_api_arguments_of_the_wrong_type_are_h2h_errors():
    import h2h

    w = h2h.load_workload(str(Path(__file__).resolve().parents[1] / "examples" / "workloads" / "two_modality.yaml"))
    system = h2h.load_system("hetero4_mid")
    calls = {
        "load_system(123)": lambda: h2h.load_system(123),
        "map(w, None)": lambda: h2h.map(w, None),
        "codesign(123)": lambda: h2h.codesign(123),
        "nas(None)": lambda: h2h.nas(None),
        "run_batch(123)": lambda: h2h.run_batch(123),
        "run_batch(workers='2')": lambda: h2h.run_batch("examples/quickstart.yaml", workers="2"),
        "evaluate(resident=5)": lambda: h2h.evaluate(w, system, {n.name: "eyeriss" for n in w.layers}, resident=5),
    }
    for name, call in calls.items():
        with pytest.raises(h2h.H2HError) as info:
            call()
        assert "\n" not in str(info.value), name
    # a system given as plain data is taken as such
    assert h2h.map(w, system.to_dict()).latency_s == h2h.map(w, system).latency_s


def test_mapping_records_reject_unknown_keys_and_a_string_of_resident_layers(tmp_path):
    from h2h.errors import MappingError
    from h2h.schedule import Mapping

    with pytest.raises(MappingError, match=r"unknown key\(s\) \['bogus'\] in a mapping record"):
        Mapping.from_dict({"assignment": {"a": "x"}, "bogus": 1})
    with pytest.raises(MappingError, match="'resident' is a list of layer names, got 'fc'"):
        Mapping.from_dict({"assignment": {"fc": "x"}, "resident": "fc"})


@pytest.mark.parametrize("layer, words", [
    ({"op": "gemm", "m": 1, "k": 2, "n": 3}, ["every layer needs a 'name'", "got None"]),
    ({"name": "a", "op": "gemm", "m": 1, "k": 2, "n": 3, "attrs": 5}, ["'attrs' must be a mapping, got 5"]),
    ({"name": "a", "op": "act", "shape": [1, "x", 4, 4]}, ["'shape' must be an integer or a list of integers"]),
])
def test_layer_field_errors_speak_the_schema_not_python(tmp_path, layer, words):
    p = tmp_path / "w.yaml"
    p.write_text(yaml.safe_dump({"name": "w", "layers": [layer]}))
    with pytest.raises(WorkloadError) as info:
        read_workload(p)
    one_line(info.value, str(p), *words)
    assert "__init__" not in str(info.value) and "unpack" not in str(info.value)


def test_out_of_memory_is_one_line_exit_2(capsys, monkeypatch):
    """A request too large to hold (numpy's MemoryError, e.g. an nsga2 population of 2**31 designs)
    is a one-line error, not a traceback. The handler raises it directly: really allocating that
    much is refused or granted depending on the machine's overcommit policy."""
    import h2h.cli.map_cmd as map_cmd

    def too_big(args):
        raise MemoryError("Unable to allocate 496. GiB for an array with shape (2147483645, 31) and data type float64")

    monkeypatch.setattr(map_cmd, "_run", too_big)
    code, out, err = run(capsys, "map", "--workload", "resnet18", "--system", str(MID), "--mapper", "nsga2")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("h2h: error: out of memory: Unable to allocate 496. GiB")
