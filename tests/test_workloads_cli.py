"""`h2h workload list/info/convert`, run in-process."""
import json

from cli_helpers import run

from workloads import zoo


def test_list_json(capsys):
    code, out, _ = run(capsys, "workload", "list", "--json")
    assert code == 0
    rows = json.loads(out)
    assert [r["name"] for r in rows] == zoo.names()
    for r in rows:
        assert {"name", "layers", "macs", "mmmt"} <= set(r)
        w = zoo.build(r["name"])
        assert r["layers"] == len(w) and r["macs"] == w.total_macs and r["mmmt"] == w.is_mmmt
    assert {r["name"] for r in rows if r["mmmt"]} == {"casia_surf", "facebagnet", "vlocnet", "xr_set"}


def test_list_table(capsys):
    code, out, _ = run(capsys, "workload", "list")
    assert code == 0 and out.splitlines()[0].split()[:3] == ["name", "layers", "GMACs"]
    assert any(line.startswith("resnet50") and "4.089" in line for line in out.splitlines())


def test_info_json_total_macs_counts_mac_ops_only(capsys):
    code, out, _ = run(capsys, "workload", "info", "mobilenetv2", "--json")
    assert code == 0
    d = json.loads(out)
    assert d["name"] == "mobilenetv2" and len(d["layers"]) == d["num_layers"] == 64
    first_dw = next(r for r in d["layers"] if r["op"] == "dwconv")
    assert first_dw["macs"] == 9 * 32 * 112 * 112 and first_dw["model"] == "main"
    assert d["total_macs"] == sum(r["macs"] for r in d["layers"] if r["op"] in ("conv2d", "dwconv", "gemm", "matmul"))
    assert all(r["macs"] == 0 for r in d["layers"] if r["op"] in ("pool", "add"))
    assert 0.294e9 < d["total_macs"] < 0.306e9


def test_info_attention_matmul(capsys):
    code, out, _ = run(capsys, "workload", "info", "bert_base", "--json")
    d = json.loads(out)
    qk = next(r for r in d["layers"] if r["name"] == "enc0_qk")
    assert qk["op"] == "matmul" and qk["macs"] == 12 * 128 * 128 * 64


def test_info_nb201_and_table(capsys):
    arch = "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|nor_conv_3x3~2|"
    code, out, _ = run(capsys, "workload", "info", f"nb201:{arch}")
    assert code == 0 and out.splitlines()[0].split() == ["layer", "op", "model", "output", "MACs"]
    assert "stem" in out and "MACs" in out.splitlines()[-1]


def test_info_mmmt_models(capsys):
    code, out, _ = run(capsys, "workload", "info", "vlocnet", "--json")
    d = json.loads(out)
    assert d["mmmt"] and d["models"] == ["shared", "odometry", "global_pose"]
    assert {r["model"] for r in d["layers"]} == set(d["models"])


def test_convert_errors(capsys, tmp_path):
    code, _, err = run(capsys, "workload", "convert", "resnet18", str(tmp_path / "x.txt"))
    assert code == 2 and "unknown workload file type '.txt'" in err and err.count("\n") == 1
    code, _, err = run(capsys, "workload", "convert", "facebagnet", str(tmp_path / "f.m"))
    assert code == 2 and "no groups" in err and "rgb_layer1_0_conv2" in err


def test_convert_counts_the_layers_it_wrote(capsys, tmp_path):
    from workloads import zoo

    casia = zoo.build("casia_surf")
    convs = sum(layer.macs > 0 for layer in casia.layers)   # a .m file holds only conv and gemm layers
    code, out, err = run(capsys, "workload", "convert", "casia_surf", str(tmp_path / "c.m"))
    assert code == 0 and f"({convs} layers from the {len(casia)} of casia_surf)" in out
    assert f"left out {len(casia) - convs} zero-MAC layer(s)" in err
    code, out, _ = run(capsys, "workload", "convert", "casia_surf", str(tmp_path / "c.yaml"))
    assert code == 0 and out.strip().endswith(f"({len(casia)} layers)")


def test_output_piped_into_a_reader_that_stops_early_is_not_a_traceback():
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-m", "h2h", "workload", "info", "xr_set", "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()                       # like `| head -c 10`
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=120) == 141 and "Traceback" not in err, err
