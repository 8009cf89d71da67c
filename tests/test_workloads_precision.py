"""Precision chosen by the user: parsing, exact byte counts, round trips, the CLI, and buffer
messages in bytes with the element count beside them."""
import json

import pytest
import yaml
from cli_helpers import run

from h2h import MappingError, load_system, map as map_workload
from workloads import Layer, Op, Workload, WorkloadError, load_workload, zoo
from workloads.io import read_workload, write_workload
from workloads.precision import Precision, apply_precision, parse_precision, precision_of


@pytest.mark.parametrize("spec, expected", [
    ("int8", Precision("int8", "int8")), ("FP16", Precision("fp16", "fp16")),
    ("activations=fp16,weights=int8", Precision("fp16", "int8")),
    ({"weights": "int8"}, Precision("int8", "int8")),
    ({"activations": "bf16", "weights": "fp32"}, Precision("bf16", "fp32")), (None, None)])
def test_parse(spec, expected):
    assert parse_precision(spec) == expected


@pytest.mark.parametrize("spec, words", [
    ("int4", "unknown precision 'int4'; expected one of int8, fp16, bf16, fp32"),
    ("activations=fp16,weight=int8", "keys activations and weights"),
    ("activations", None), (3, "unknown precision 3")])
def test_bad_precision_is_one_error(spec, words):
    with pytest.raises(WorkloadError) as e:
        parse_precision(spec)
    assert str(e.value).startswith("precision: ") and (words is None or words in str(e.value))


def test_int8_weights_are_exactly_a_quarter_of_fp32():
    w8 = zoo.build("resnet18")                      # the zoo is 8-bit
    w32 = zoo.build("resnet18", precision="fp32")
    assert w8.total_weight_bytes == sum(layer.weight_elements for layer in w8.layers) == 11_678_912
    assert w32.total_weight_bytes == 4 * w8.total_weight_bytes
    assert load_workload("resnet18", precision="fp16").total_weight_bytes == 2 * w8.total_weight_bytes
    assert precision_of(w8) == "int8" and precision_of(w32) == "fp32"


def test_weights_and_activations_may_differ(tmp_path):
    w = load_workload("casia_surf", precision="activations=fp16,weights=int8")
    conv = next(layer for layer in w.layers if layer.op is Op.CONV2D)
    assert conv.weight_bytes == conv.weight_elements and conv.output_bytes == 2 * conv.output_elements
    assert precision_of(w) == "activations 16-bit, weights int8"
    assert all(e.bytes == 2 * e.elements for e in w.edges)
    for suffix in (".yaml", ".json", ".onnx"):   # the formats h2h writes keep both sizes
        back = read_workload(write_workload(w, tmp_path / f"w{suffix}", onnx_weights="empty"))
        assert back == w and back.total_weight_bytes == w.total_weight_bytes


def test_a_spec_mapping_carries_precision_and_tags():
    w = load_workload({"source": "casia_surf", "precision": "fp32", "tags": {"rgb": "RGB"}})
    assert w.models[0] == "RGB" and precision_of(w) == "fp32"
    with pytest.raises(WorkloadError, match=r"unknown key\(s\) \['precison'\]"):
        load_workload({"source": "resnet18", "precison": "fp32"})
    with pytest.raises(WorkloadError, match="'models' names the graph inputs and outputs of an ONNX"):
        load_workload("resnet18", models={"x": "rgb"})


def test_info_shows_the_precision_used(capsys):
    code, out, _ = run(capsys, "workload", "info", "resnet18", "--json")
    d = json.loads(out)
    assert (d["precision"], d["precision_source"]) == ("int8", "file")
    code, out, _ = run(capsys, "workload", "info", "resnet18", "--precision", "fp32", "--json")
    d = json.loads(out)
    assert code == 0 and (d["precision"], d["precision_source"]) == ("fp32", "user")
    assert d["total_weight_bytes"] == 4 * 11_678_912
    code, out, _ = run(capsys, "workload", "info", "casia_surf", "--precision", "bf16")
    assert "precision: bf16 (--precision)" in out
    assert [line.split()[0] for line in out.splitlines() if line.split()[:1] in (["rgb"], ["fusion"])][-2:] \
        == ["rgb", "fusion"]   # the per-model table


def test_bad_precision_on_the_command_line(capsys):
    code, out, err = run(capsys, "workload", "info", "resnet18", "--precision", "fp8")
    assert code == 2 and not out and len(err.strip().splitlines()) == 1 and "unknown precision 'fp8'" in err
    code, _, err = run(capsys, "map", "--workload", "resnet18", "--system", "hetero4_mid", "--tag", "conv")
    assert code == 2 and "expected KEY=NAME, got 'conv'" in err


def test_convert_writes_the_chosen_precision(tmp_path, capsys):
    out = tmp_path / "r.yaml"
    code, _, _ = run(capsys, "workload", "convert", "resnet18", str(out), "--precision", "fp16")
    assert code == 0 and {layer["elem_bytes"] for layer in yaml.safe_load(out.read_text())["layers"]} == {2}


def small_buffer_system(tmp_path):
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump({
        "name": "two_acc", "host": {"name": "host"},
        "accelerators": [{"name": n, "dataflow": "kcp_ws", "num_pes": 256, "l1_bytes": 1024,
                          "l2_bytes": 1 << 20, "noc_bw": 64, "offchip_bw": 32, "clock_ghz": 0.5}
                         for n in ("ws_big", "ws_small")],
        "interconnect": {"kind": "links", "links": [{"between": ["host", n], "bandwidth_gbps": 8}
                                                    for n in ("ws_big", "ws_small")]}}))
    return load_system(str(path))


def test_buffer_messages_speak_bytes(tmp_path):
    conv1 = zoo.build("resnet18").layers[0]
    assert conv1.op is Op.CONV2D and conv1.kernel == (7, 7)
    w = Workload("one", [conv1], [])
    system = small_buffer_system(tmp_path)
    with pytest.raises(MappingError) as e:
        map_workload(apply_precision(w, "fp32"), system)
    msg = str(e.value)
    need = int(msg.split("L1 requirement ")[1].split(" bytes")[0].replace(",", ""))
    elements = int(msg.split(" bytes (")[1].split(" 4-byte")[0].replace(",", ""))
    assert need == 4 * elements > 1024 and "exceeds l1_bytes 1,024 (256 4-byte elements)" in msg
    assert elements <= 1024 and map_workload(w, system).latency_s > 0   # int8: fits


def test_batch_map_runs_and_fixed_search_workloads_take_a_precision(tmp_path):
    from h2h.batch import run_batch
    from h2h.config import Section
    from h2h.space.arch import FixedWorkload

    fixed = FixedWorkload.from_config(Section({"workload": "resnet18", "precision": "fp32"}, file=tmp_path / "c.yaml"))
    assert fixed.workload({}).total_weight_bytes == 4 * 11_678_912
    batch = tmp_path / "batch.yaml"
    batch.write_text(yaml.safe_dump({"name": "p", "experiments": [{
        "name": "m", "task": "map", "workload": "resnet18", "system": "hetero4_mid",
        "mapper": "compute_priority", "trace": False, "sweep": {"precision": ["int8", "fp32"]}}]}))
    import io

    outcome = run_batch(batch, tmp_path / "out", workers=1, log=io.StringIO(), report=False)
    by = {r["label"]["precision"]: r["summary"] for r in outcome.records}
    assert set(by) == {"int8", "fp32"} and by["fp32"]["latency_s"] > by["int8"]["latency_s"]
    results = [json.loads(p.read_text()) for p in (tmp_path / "out").rglob("result.json")]
    assert len(results) == 2
    for r in results:   # one model: its latency is the workload's
        assert r["model_latency_s"] == {"main": pytest.approx(r["latency_s"])}


def test_search_spaces_build_candidates_in_the_chosen_precision():
    import pickle
    import random

    from h2h.config import ConfigError
    from h2h.space import Space

    hw = {"system": "hetero4_low"}
    plain = Space.from_config({"architecture": {"family": "nb201"}, "hardware": hw})
    fp16 = Space.from_config({"architecture": {"family": "nb201", "precision": "fp16"}, "hardware": hw})
    c = plain.sample(random.Random(0))
    w8, w16 = plain.decode(c)[0], pickle.loads(pickle.dumps(fp16)).decode(c)[0]
    assert w16.total_weight_bytes == 2 * w8.total_weight_bytes > 0 and w16.total_macs == w8.total_macs
    assert fp16.template()["architecture"]["precision"] == "fp16"
    with pytest.raises(ConfigError, match=r"architecture.precision.*unknown precision 'int3'"):
        Space.from_config({"architecture": {"family": "nb201", "precision": "int3"}, "hardware": hw})
