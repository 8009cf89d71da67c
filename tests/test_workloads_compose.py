"""A workload file with ``parts`` joins separately exported models (ONNX, YAML, zoo) with edges."""
import numpy as np
import onnx
import pytest
import yaml
from onnx import TensorProto, helper, numpy_helper

from workloads import Op, WorkloadError, load_workload
from workloads.model_tags import models_summary


def _init(name, *shape):
    return numpy_helper.from_array(np.zeros(shape, dtype=np.float32), name)


def branch(path, cin):
    """image (1, cin, 16, 16) -> 3x3 conv stride 2 -> relu -> feat (1, 8, 8, 8)."""
    nodes = [helper.make_node("Conv", ["image", "w"], ["c"], name="conv", pads=[1, 1, 1, 1], strides=[2, 2]),
             helper.make_node("Relu", ["c"], ["feat"], name="relu")]
    g = helper.make_graph(nodes, "branch", [helper.make_tensor_value_info("image", TensorProto.FLOAT, [1, cin, 16, 16])],
                          [helper.make_tensor_value_info("feat", TensorProto.FLOAT, [1, 8, 8, 8])], [_init("w", 8, cin, 3, 3)])
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), str(path))


def head(path):
    """rgb_feat, depth_feat (1, 8, 8, 8) -> concat -> global pool -> flatten -> fc 16 x 2 -> logits."""
    nodes = [helper.make_node("Concat", ["rgb_feat", "depth_feat"], ["cat"], name="cat", axis=1),
             helper.make_node("GlobalAveragePool", ["cat"], ["gap"], name="gap"),
             helper.make_node("Flatten", ["gap"], ["flat"], name="flat"),
             helper.make_node("Gemm", ["flat", "wfc"], ["logits"], name="fc", transB=1)]
    ins = [helper.make_tensor_value_info(n, TensorProto.FLOAT, [1, 8, 8, 8]) for n in ("rgb_feat", "depth_feat")]
    g = helper.make_graph(nodes, "head", ins, [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 2])],
                          [_init("wfc", 2, 16)])
    onnx.save(helper.make_model(g, opset_imports=[helper.make_opsetid("", 17)]), str(path))


@pytest.fixture
def parts(tmp_path):
    branch(tmp_path / "rgb.onnx", 3)
    branch(tmp_path / "depth.onnx", 1)
    head(tmp_path / "head.onnx")
    return tmp_path


def write(folder, doc, name="mm.yaml"):
    path = folder / name
    path.write_text(yaml.safe_dump(doc, sort_keys=False))
    return str(path)


def test_three_onnx_files_join_into_one_mmmt_workload(parts):
    path = write(parts, {"name": "antispoof", "parts": {
        "rgb": "rgb.onnx", "depth": {"source": "depth.onnx", "precision": "int8"}, "head": "head.onnx"},
        "edges": [{"src": "rgb", "dst": "head:rgb_feat"}, {"src": "depth:feat", "dst": "head:depth_feat"}]})
    w = load_workload(path)
    assert w.name == "antispoof" and w.models == ["rgb", "depth", "head"]
    assert {(e.src, e.dst, e.port) for e in w.edges} >= {("rgb/relu", "head/cat", 0), ("depth/relu", "head/cat", 1)}
    assert w.external_input_elements("head/cat") == 0   # both operands come from the branches now
    assert [n for n in w.layer_names if w.is_output(n)] == ["head/fc"]
    conv = 8 * 8 * 8 * 9   # output elements x kernel, per input channel
    assert [r["macs"] for r in models_summary(w)] == [conv * 3, conv * 1, 16 * 2]
    assert w.layer("depth/conv").elem_bytes == 1 and w.layer("rgb/conv").elem_bytes == 4
    assert load_workload(path, precision="fp16").layer("depth/conv").elem_bytes == 2


def test_yaml_and_zoo_parts_by_layer_name_and_port(parts, tmp_path):
    fuse = {"name": "fuse", "layers": [
        {"name": "cat", "op": "concat", "shape": [1, 16, 8, 8]},
        {"name": "conv", "op": "conv2d", "in_channels": 16, "out_channels": 4, "in_h": 8, "in_w": 8}],
        "edges": [{"src": "cat", "dst": "conv"}]}
    (tmp_path / "fuse.yaml").write_text(yaml.safe_dump(fuse))
    path = write(tmp_path, {"parts": {"a": "rgb.onnx", "b": "depth.onnx", "fuse": "fuse.yaml"},
                            "edges": [{"src": "a", "dst": "fuse:cat"}, {"src": "b", "dst": "fuse:cat", "port": 1}]})
    w = load_workload(path)
    assert w.name == "mm" and ("b/relu", "fuse/cat", 1) in {(e.src, e.dst, e.port) for e in w.edges}
    assert w.models == ["a", "b", "fuse"]
    zoo = write(tmp_path, {"parts": {"cam": "resnet18", "casia": "casia_surf"}}, "zoo.yaml")
    joined = load_workload(zoo)
    assert joined.models == ["cam", "rgb", "depth", "ir", "fusion"]   # a multi-model part keeps its tags
    assert joined.total_macs == load_workload("resnet18").total_macs + load_workload("casia_surf").total_macs


@pytest.mark.parametrize("doc, words", [
    ({"parts": {"rgb": "rgb.onnx"}, "edges": [{"src": "cam", "dst": "rgb"}]}, "no part named 'cam'; the parts are rgb"),
    ({"parts": {"rgb": "rgb.onnx", "head": "head.onnx"}, "edges": [{"src": "rgb", "dst": "head"}]},
     "the part has 2 inputs; name one as PART:NAME (rgb_feat, depth_feat)"),
    ({"parts": {"rgb": "rgb.onnx", "head": "head.onnx"}, "edges": [{"src": "rgb", "dst": "head:x"}]},
     "no input or layer named 'x'; the inputs are rgb_feat, depth_feat"),
    ({"parts": {"rgb": "rgb.onnx", "head": "head.onnx"},
      "edges": [{"src": "rgb:image", "dst": "head:rgb_feat"}]}, "no output or layer named 'image'; the outputs are feat"),
    ({"parts": {"rgb": "rgb.onnx", "x": "rgb.onnx"}, "edges": [{"src": "rgb", "dst": "x"}]},
     "shape mismatch: 'rgb/relu' gives 512 elements, 'x/conv' (conv2d) expects 768"),
    ({"parts": {"rgb": {"file": "rgb.onnx"}}}, "expected a workload spec or a mapping with 'source'"),
    ({"parts": {"rgb": "nope.onnx"}}, "parts.rgb: nope.onnx: no such file"),
    ({"parts": {"a/b": "rgb.onnx"}}, "a part name is a non-empty string without '/' or ':'"),
    ({"parts": {"rgb": "rgb.onnx"}, "edges": [{"src": "rgb", "dst": "rgb", "ports": 1}]}, "an edge is a mapping"),
    ({"parts": {"rgb": {"source": "rgb.onnx", "precision": "fp8"}}}, "unknown precision 'fp8'"),
])
def test_bad_compositions_are_one_line_errors(parts, doc, words):
    path = write(parts, doc)
    with pytest.raises(WorkloadError) as e:
        load_workload(path)
    assert words in str(e.value) and str(e.value).startswith(path) and "\n" not in str(e.value)


def test_compose_through_the_cli(parts, capsys):
    from cli_helpers import run

    path = write(parts, {"parts": {"rgb": "rgb.onnx", "depth": "depth.onnx", "head": "head.onnx"},
                         "edges": [{"src": "rgb", "dst": "head:rgb_feat"}, {"src": "depth", "dst": "head:depth_feat"}]})
    code, out, _ = run(capsys, "map", "--workload", path, "--system", "hetero4_mid", "--mapper", "compute_priority")
    assert code == 0 and "models   rgb " in out
    assert [layer.op for layer in load_workload(path).layers][-1] is Op.GEMM


def test_a_source_document_keeps_the_users_names_beside_an_export(parts):
    path = write(parts, {"source": "head.onnx", "models": {"rgb_feat": "rgb", "logits": "spoof"},
                         "precision": "fp16"}, "head.yaml")
    w = load_workload(path)
    assert [layer.model for layer in w.layers] == ["fusion", "fusion", "fusion", "fusion"]  # joins two inputs
    assert {layer.elem_bytes for layer in w.layers} == {2}
    bad = write(parts, {"source": "head.onnx", "models": {"x": "rgb"}}, "bad.yaml")
    with pytest.raises(WorkloadError, match=r"bad\.yaml: source: .*no graph input or output named 'x'"):
        load_workload(bad)


def test_the_shipped_example_joins_a_yaml_and_a_maestro_file():
    from pathlib import Path

    examples = Path(__file__).resolve().parents[1] / "examples" / "workloads"
    with pytest.warns(UserWarning, match="tiny_cnn.m"):   # the .m file's padding adapters
        w = load_workload(str(examples / "joined.yaml"))
        face, tiny = load_workload(str(examples / "two_modality.yaml")), load_workload(str(examples / "tiny_cnn.m"))
    assert w.models == [*face.models, "tiny"]
    assert w.total_macs == face.total_macs + tiny.total_macs
    assert {w.layer(n).elem_bytes for n in w.layer_names if n.startswith("tiny/")} == {2}


def test_a_parts_own_tags_are_kept_when_the_user_gave_them(parts):
    path = write(parts, {"parts": {"rgb": "rgb.onnx", "depth": "depth.onnx",
                                   "head": {"source": "head.onnx", "tags": {"fc": "classifier"}}},
                         "edges": [{"src": "rgb", "dst": "head:rgb_feat"}, {"src": "depth", "dst": "head:depth_feat"}]})
    w = load_workload(path)
    assert [w.layer(f"head/{n}").model for n in ("cat", "gap", "flat", "fc")] == ["fusion"] * 3 + ["classifier"]
