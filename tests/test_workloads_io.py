"""YAML/JSON files: exact round trips, the worked example, and every kind of bad input via the CLI."""
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from h2h.cli import main
from workloads import Op, Workload, WorkloadError, zoo
from workloads.io import dumps_yaml, read_workload, write_workload

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "workloads" / "two_modality.yaml"


@pytest.mark.parametrize("name", ["resnet18", "mobilenetv2", "bert_base", "unet", "casia_surf", "xr_set"])
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_exact_round_trip(tmp_path, name, suffix):
    w = zoo.build(name)
    path = write_workload(w, tmp_path / f"w{suffix}")
    back = read_workload(path)
    assert back == w and back.to_dict() == w.to_dict()
    assert [e for e in back.edges] == [e for e in w.edges]  # ports, sizes and order too


def test_worked_example():
    w = read_workload(EXAMPLE)
    assert w.models == ["rgb", "depth", "fusion"]
    assert w.layer("rgb_dw2").op is Op.DWCONV and w.layer("rgb_dw2").macs == 9 * 32 * 32 * 32
    assert w.layer("fuse").output_shape == (1, 128, 32, 32)
    # hand count: convs 3x3/2 on 64 -> 32, dw, pw, the fused 3x3/2 conv and the FC
    expected = (32 * 3 * 9 * 32 * 32 + 9 * 32 * 32 * 32 + 64 * 32 * 32 * 32 + 32 * 1 * 9 * 32 * 32
                + 64 * 32 * 9 * 32 * 32 + 128 * 128 * 9 * 16 * 16 + 128 * 2)
    assert w.total_macs == expected
    assert Workload.from_dict(yaml.safe_load(dumps_yaml(w))) == w


GOOD = {"name": "bad", "layers": [
    {"name": "a", "op": "conv2d", "in_channels": 3, "out_channels": 8, "in_h": 8, "in_w": 8, "kernel": 3,
     "padding": 1},
    {"name": "b", "op": "conv2d", "in_channels": 8, "out_channels": 8, "in_h": 8, "in_w": 8}],
    "edges": [{"src": "a", "dst": "b"}]}


def variant(kind):
    d = json.loads(json.dumps(GOOD))
    if kind == "wrong_type":
        d["layers"][1]["in_channels"] = "eight"
    elif kind == "wrong_kernel":
        d["layers"][0]["kernel"] = "3x3"
    elif kind == "unknown_key":
        d["layers"][1]["colour"] = "red"
    elif kind == "unknown_top":
        d["graph"] = {}
    elif kind == "cycle":
        d["edges"].append({"src": "b", "dst": "a"})
        d["layers"][0]["in_channels"] = 8
    elif kind == "shape":
        d["layers"][1]["in_h"] = 16
        d["layers"][1]["in_w"] = 16
    elif kind == "duplicate":
        d["layers"][1]["name"] = "a"
        d["edges"] = []
    elif kind == "bad_edge":
        d["edges"][0]["dst"] = "zz"
    elif kind == "bad_port":
        d["edges"][0]["port"] = "first"
    elif kind == "no_layers":
        d["layers"] = []
    return d


BAD = [
    ("wrong_type", "layer 'b'", "'in_channels' must be an integer"),
    ("wrong_kernel", "layer 'a'", "kernel"),
    ("unknown_key", "layer 'b'", "unknown key(s) ['colour']"),
    ("unknown_top", None, "unknown top-level key"),
    ("cycle", "workload 'bad'", "cycle"),
    ("shape", "edge 'a' -> 'b'", "shape mismatch"),
    ("duplicate", "layer 'a'", "duplicate layer name"),
    ("bad_edge", "edge 'a' -> 'zz'", "unknown layer 'zz'"),
    ("bad_port", "edges[0]", "'port' must be an integer"),
    ("no_layers", None, "non-empty list"),
]


def run_cli(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_one_line_error(code, err, *parts):
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("h2h: error: "), err
    assert "Traceback" not in err
    for part in parts:
        assert part in lines[0], (part, lines[0])


@pytest.mark.parametrize("kind, item, message", BAD)
@pytest.mark.parametrize("suffix", [".yaml", ".json"])
def test_bad_files_via_cli(tmp_path, capsys, kind, item, message, suffix):
    path = tmp_path / f"{kind}{suffix}"
    data = variant(kind)
    path.write_text(yaml.safe_dump(data) if suffix == ".yaml" else json.dumps(data))
    code, _, err = run_cli(capsys, "workload", "info", str(path))
    assert_one_line_error(code, err, str(path), message, *([item] if item else []))


def test_malformed_yaml_names_the_line(tmp_path, capsys):
    path = tmp_path / "syntax.yaml"
    path.write_text("name: x\nlayers:\n  - {name: a, op: conv2d\n  - {name: b}\n")
    code, _, err = run_cli(capsys, "workload", "info", str(path))
    assert_one_line_error(code, err, str(path), "malformed YAML", "line 4")


def test_duplicate_yaml_key(tmp_path, capsys):
    path = tmp_path / "dupkey.yaml"
    path.write_text("name: x\nlayers:\n  - name: a\n    op: act\n    shape: [1, 4]\n    op: add\n")
    code, _, err = run_cli(capsys, "workload", "info", str(path))
    assert_one_line_error(code, err, str(path), "duplicate key 'op'", "line 6")


def test_malformed_json_names_the_line(tmp_path, capsys):
    path = tmp_path / "syntax.json"
    path.write_text('{"name": "x",\n "layers": [\n  {"name": "a",, "op": "act"}]}')
    code, _, err = run_cli(capsys, "workload", "info", str(path))
    assert_one_line_error(code, err, str(path), "malformed JSON", "line 3")


def test_not_a_mapping(tmp_path):
    path = tmp_path / "list.yaml"
    path.write_text("- 1\n- 2\n")
    with pytest.raises(WorkloadError, match="must be a mapping"):
        read_workload(path)


def test_unknown_zoo_name_via_cli(capsys):
    code, _, err = run_cli(capsys, "workload", "info", "mobilnetv2")
    assert_one_line_error(code, err, "'mobilnetv2'", "did you mean mobilenetv2")


def test_subprocess_python_m_h2h(tmp_path):
    bad = tmp_path / "cycle.yaml"
    bad.write_text(yaml.safe_dump(variant("cycle")))
    proc = subprocess.run([sys.executable, "-m", "h2h", "workload", "info", str(bad)],
                          capture_output=True, text=True, cwd=REPO, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "cycle" in proc.stderr and "Traceback" not in proc.stderr
    ok = subprocess.run([sys.executable, "-m", "h2h", "workload", "info", "resnet18", "--json"],
                        capture_output=True, text=True, cwd=REPO, timeout=120)
    assert ok.returncode == 0 and json.loads(ok.stdout)["total_macs"] == 1_814_073_344
