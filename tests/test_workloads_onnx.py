"""ONNX import (with shape inference) and export, on graphs built here with onnx.helper."""
import warnings

import numpy as np
import onnx
import pytest
from onnx import TensorProto, helper, numpy_helper

from h2h.cli import main
from workloads import H2HWarning, Op, WorkloadError, nb201, zoo
from workloads.onnx_io import load_onnx_model, read_onnx, to_onnx_model, write_onnx

F = TensorProto.FLOAT


def init(name, *shape):
    return numpy_helper.from_array(np.zeros(shape, dtype=np.float32), name)


def model(nodes, inputs, outputs, inits=(), value_info=(), opset=17, name="g"):
    graph = helper.make_graph(nodes, name, inputs, outputs, initializer=list(inits), value_info=list(value_info))
    return helper.make_model(graph, opset_imports=[helper.make_opsetid("", opset)])


def vi(name, *shape):
    return helper.make_tensor_value_info(name, F, list(shape))


def imported(m, file="fixture.onnx"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        w = load_onnx_model(m, file=file)
    return w, [str(c.message) for c in caught if issubclass(c.category, H2HWarning)]


def cnn():
    nodes = [
        helper.make_node("Conv", ["x", "w1", "b1"], ["c1"], name="conv1", pads=[1, 1, 1, 1], strides=[2, 2]),
        helper.make_node("BatchNormalization", ["c1", "s", "bb", "mu", "var"], ["n1"], name="bn1"),
        helper.make_node("Relu", ["n1"], ["r1"], name="relu1"),
        helper.make_node("MaxPool", ["r1"], ["p1"], name="pool1", kernel_shape=[3, 3], strides=[2, 2],
                         pads=[1, 1, 1, 1]),
        helper.make_node("Conv", ["p1", "wdw"], ["dw"], name="dw", group=8, pads=[1, 1, 1, 1]),
        helper.make_node("Conv", ["dw", "wg"], ["g"], name="grouped", group=2),
        helper.make_node("GlobalAveragePool", ["g"], ["gap"], name="gap"),
        helper.make_node("Flatten", ["gap"], ["flat"], name="flatten"),
        helper.make_node("Gemm", ["flat", "wfc", "bfc"], ["logits"], name="fc", transB=1),
        helper.make_node("Softmax", ["logits"], ["prob"], name="softmax"),
    ]
    inits = [init("w1", 8, 3, 3, 3), init("b1", 8), init("s", 8), init("bb", 8), init("mu", 8), init("var", 8),
             init("wdw", 8, 1, 3, 3), init("wg", 16, 4, 1, 1), init("wfc", 10, 16), init("bfc", 10)]
    return model(nodes, [vi("x", 1, 3, 32, 32)], [vi("prob", 1, 10)], inits)


def test_cnn_import_by_hand():
    w, warns = imported(cnn())
    assert not warns
    assert w.layer_names == ["conv1", "bn1", "relu1", "pool1", "dw", "grouped", "gap", "flatten", "fc", "softmax"]
    ops = [layer.op for layer in w.layers]
    assert ops == [Op.CONV2D, Op.NORM, Op.ACT, Op.POOL, Op.DWCONV, Op.CONV2D, Op.POOL, Op.RESHAPE,
                   Op.GEMM, Op.ACT]
    c1 = w.layer("conv1")
    assert (c1.out_h, c1.macs, c1.weight_elements) == (16, 8 * 3 * 9 * 16 * 16, 8 * 3 * 9)
    assert c1.elem_bytes == 4  # float32
    assert w.layer("pool1").out_h == 8
    dw = w.layer("dw")
    assert dw.groups == 8 and dw.macs == 9 * 8 * 8 * 8  # 9*C*H*W
    g = w.layer("grouped")
    assert g.groups == 2 and g.macs == 16 * 8 * 8 * 4
    assert w.layer("gap").kernel == (8, 8)
    fc = w.layer("fc")
    assert (fc.m, fc.k, fc.n) == (1, 16, 10)
    assert dict(w.layer("relu1").attrs) == {"onnx_op": "Relu"}
    # initializers are weights: the only external input is the image
    assert [n for n in w.layer_names if w.external_input_elements(n)] == ["conv1"]
    assert len(w.edges) == 9


def attention(t=6, d=8):
    nodes = [
        helper.make_node("MatMul", ["x", "wq"], ["q"], name="q"),
        helper.make_node("MatMul", ["x", "wk"], ["k"], name="k"),
        helper.make_node("MatMul", ["x", "wv"], ["v"], name="v"),
        helper.make_node("Transpose", ["k"], ["kt"], name="kt", perm=[1, 0]),
        helper.make_node("MatMul", ["q", "kt"], ["s"], name="qk"),
        helper.make_node("Softmax", ["s"], ["a"], name="softmax"),
        helper.make_node("MatMul", ["a", "v"], ["o"], name="av"),
        helper.make_node("LayerNormalization", ["o", "gamma"], ["y"], name="ln"),
    ]
    inits = [init("wq", d, d), init("wk", d, d), init("wv", d, d), init("gamma", d)]
    return model(nodes, [vi("x", t, d)], [vi("y", t, d)], inits)


def test_matmul_weight_vs_activation_operands():
    t, d = 6, 8
    w, _ = imported(attention(t, d))
    assert [w.layer(n).op for n in ("q", "k", "v")] == [Op.GEMM] * 3
    qk, av = w.layer("qk"), w.layer("av")
    assert qk.op is Op.MATMUL and (qk.m, qk.k, qk.n) == (t, d, t) and qk.macs == t * t * d
    assert av.op is Op.MATMUL and av.macs == t * t * d
    assert {(e.src, e.port) for e in w.edges if e.dst == "qk"} == {("q", 0), ("kt", 1)}
    assert w.layer("ln").op is Op.NORM


def test_batched_matmul_with_weight_folds_rows():
    nodes = [helper.make_node("MatMul", ["x", "w"], ["y"], name="proj"),
             helper.make_node("MatMul", ["x", "x2"], ["z"], name="bmm")]
    m = model(nodes, [vi("x", 2, 5, 4), vi("x2", 2, 4, 3)], [vi("y", 2, 5, 7), vi("z", 2, 5, 3)],
              [init("w", 4, 7)])
    w, _ = imported(m)
    proj, bmm = w.layer("proj"), w.layer("bmm")
    assert (proj.op, proj.m, proj.k, proj.n, proj.batch) == (Op.GEMM, 10, 4, 7, 1)
    assert (bmm.op, bmm.batch, bmm.m, bmm.k, bmm.n) == (Op.MATMUL, 2, 5, 4, 3)


def two_inputs_two_outputs():
    nodes = [
        helper.make_node("Conv", ["a", "wa"], ["ca"], name="conv_a", pads=[1, 1, 1, 1]),
        helper.make_node("Conv", ["b", "wb"], ["cb"], name="conv_b", pads=[1, 1, 1, 1]),
        helper.make_node("Add", ["ca", "cb"], ["s"], name="add"),
        helper.make_node("Mul", ["s", "scale"], ["ms"], name="scale"),
        helper.make_node("Concat", ["ca", "ms"], ["cat"], name="concat", axis=1),
        helper.make_node("Clip", ["cat"], ["out1"], name="clip"),
        helper.make_node("Conv", ["s", "wc"], ["out2"], name="head"),
        helper.make_node("Sigmoid", ["cb"], ["out3"], name="sig"),
    ]
    inits = [init("wa", 4, 4, 3, 3), init("wb", 4, 2, 3, 3), init("wc", 1, 4, 1, 1), init("scale", 1)]
    return model(nodes, [vi("a", 1, 4, 8, 8), vi("b", 1, 2, 8, 8)],
                 [vi("out1", 1, 8, 8, 8), vi("out2", 1, 1, 8, 8), vi("out3", 1, 4, 8, 8)], inits)


def test_multi_input_multi_output_dag():
    w, _ = imported(two_inputs_two_outputs())
    assert {(e.src, e.dst, e.port) for e in w.edges} == {
        ("conv_a", "add", 0), ("conv_b", "add", 1), ("add", "scale", 0), ("conv_a", "concat", 0),
        ("scale", "concat", 1), ("concat", "clip", 0), ("add", "head", 0), ("conv_b", "sig", 0)}
    sources = [n for n in w.layer_names if not w.predecessors(n)]
    sinks = [n for n in w.layer_names if w.is_output(n)]
    assert sources == ["conv_a", "conv_b"] and sinks == ["clip", "head", "sig"]
    assert w.layer("add").num_inputs == 2 and w.layer("scale").num_inputs == 1  # constant operand
    assert w.layer("concat").output_shape == (1, 8, 8, 8)


def test_unknown_ops_become_passthrough_with_one_warning():
    nodes = [
        helper.make_node("Tanh", ["x"], ["t"], name="tanh"),
        helper.make_node("Hardmax", ["t"], ["e"], name="hardmax"),
        helper.make_node("LRN", ["e"], ["t2"], name="lrn", size=3),
        helper.make_node("Frob", ["t2"], ["f"], name="frob", domain="com.example"),
        helper.make_node("Relu", ["f"], ["y"], name="relu"),
    ]
    m = model(nodes, [vi("x", 1, 16, 2, 2)], [vi("y", 1, 16, 2, 2)], value_info=[vi("f", 1, 16, 2, 2)])
    m.opset_import.append(helper.make_opsetid("com.example", 1))
    w, warns = imported(m)
    assert w.layer("tanh").op is Op.ACT   # a known activation
    assert [w.layer(n).op for n in ("hardmax", "lrn", "frob")] == [Op.PASSTHROUGH] * 3
    assert all(w.layer(n).macs == 0 for n in w.layer_names)
    assert len(warns) == 1 and "Hardmax, LRN, com.example.Frob" in warns[0]


def test_pool_ceil_mode_and_same_padding():
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="same", auto_pad="SAME_UPPER", strides=[2, 2]),
             helper.make_node("AveragePool", ["c"], ["p"], name="ceil", kernel_shape=[3, 3], strides=[2, 2],
                              ceil_mode=1)]
    m = model(nodes, [vi("x", 1, 3, 15, 15)], [vi("p", 1, 4, 4, 4)], [init("w", 4, 3, 3, 3)])
    w, _ = imported(m)
    same, ceil = w.layer("same"), w.layer("ceil")
    assert same.out_h == 8 and sum(same.padding[::2]) == 2  # ceil(15 / 2) = 8 rows
    assert ceil.out_h == 4 and ceil.padding == (0, 0, 1, 1)  # ceil((8-3)/2)+1 = 4, floor gives 3


@pytest.mark.parametrize("fixture", [cnn, attention, two_inputs_two_outputs])
def test_round_trip_of_fixtures(fixture, tmp_path):
    w, _ = imported(fixture())
    path = write_onnx(w, tmp_path / "rt.onnx")
    onnx.checker.check_model(onnx.load(str(path)), full_check=True)
    back = read_onnx(path)
    assert back == w


@pytest.mark.parametrize("name", ["resnet18", "mobilenetv2", "bert_base", "vit_b16", "unet", "facebagnet",
                                  "vlocnet", "xr_set"])
def test_round_trip_of_zoo(name):
    w = zoo.build(name)
    m = to_onnx_model(w, weights="empty")
    # shapes come from ONNX's own inference, not only from what we wrote
    keep = {n.output[0] for n in m.graph.node if n.domain == "h2h"}
    kept = [v for v in m.graph.value_info if v.name in keep]
    del m.graph.value_info[:]
    m.graph.value_info.extend(kept)
    back, warns = imported(m)
    assert back == w and not warns


def test_nb201_round_trip_through_a_file(tmp_path):
    w = nb201.build("|nor_conv_3x3~0|+|skip_connect~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|skip_connect~2|")
    assert read_onnx(write_onnx(w, tmp_path / "nb.onnx")) == w


def test_bad_onnx_files_via_cli(tmp_path, capsys):
    garbage = tmp_path / "garbage.onnx"
    garbage.write_bytes(b"\x08\x07not a protobuf at all\xff\xff")
    assert main(["workload", "info", str(garbage)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(garbage) in err[0] and "not a valid ONNX model" in err[0]

    dup = model([helper.make_node("Relu", ["x"], ["a"], name="r"), helper.make_node("Relu", ["a"], ["b"], name="r")],
                [vi("x", 1, 4)], [vi("b", 1, 4)])
    onnx.save(dup, str(tmp_path / "dup.onnx"))
    assert main(["workload", "info", str(tmp_path / "dup.onnx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "duplicate layer name" in err[0] and "node 'r'" in err[0]

    unknown_shape = model([helper.make_node("Conv", ["x", "w"], ["y"], name="c")],
                          [helper.make_tensor_value_info("x", F, None)], [vi("y", 1, 1, 1, 1)], [init("w", 1, 1, 1, 1)])
    onnx.save(unknown_shape, str(tmp_path / "noshape.onnx"))
    assert main(["workload", "info", str(tmp_path / "noshape.onnx")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "node 'c'" in err[0] and "shape" in err[0]


def test_convert_cli_yaml_to_onnx_and_back(tmp_path, capsys):
    from workloads.io import read_workload

    onnx_path, yaml_path = tmp_path / "c.onnx", tmp_path / "c.yaml"
    assert main(["workload", "convert", "casia_surf", str(onnx_path), "--onnx-weights", "empty"]) == 0
    assert onnx_path.stat().st_size < 200_000  # shapes only
    assert main(["workload", "convert", str(onnx_path), str(yaml_path)]) == 0
    assert read_workload(yaml_path) == zoo.build("casia_surf")


@pytest.mark.parametrize("node, x, weight, y, words", [
    (helper.make_node("Conv", ["x", "w"], ["y"], name="c"), (1, 3, 8, 8), (4, 16, 1, 1), (1, 4, 8, 8),
     "3 channels.*expects 16"),
    (helper.make_node("Conv", ["x", "w"], ["y"], name="c", group=2), (1, 6, 8, 8), (5, 3, 1, 1), (1, 5, 8, 8),
     "group=2"),
    (helper.make_node("Gemm", ["x", "w"], ["y"], name="c", transB=1), (1, 16), (10, 12), (1, 10), "16 vs 12"),
    (helper.make_node("MatMul", ["x", "w"], ["y"], name="c"), (2, 5, 16), (12, 10), (2, 5, 10), "16 vs 12"),
])
def test_operands_that_disagree_on_shape_are_refused(node, x, weight, y, words):
    """ONNX shape inference does not check these; the MAC counts would silently be wrong."""
    bad = model([node], [vi("x", *x)], [vi("y", *y)], [init("w", *weight)])
    with pytest.raises(WorkloadError, match=f"fixture.onnx: node 'c' .*inconsistent shapes.*{words}"):
        imported(bad)


@pytest.mark.parametrize("nodes", [
    [helper.make_node("Relu", ["x"], ["h"], name="a"), helper.make_node("Add", ["h", "ghost"], ["y"], name="b")],
    [helper.make_node("Relu", ["h"], ["y"], name="b"), helper.make_node("Relu", ["x"], ["h"], name="a")],
])
def test_a_node_reading_a_tensor_nothing_produced_yet_is_refused(nodes):
    """A tensor no one defines, or one defined only further down (ONNX lists nodes in topological
    order), is named; the shape-inference message would only say a shape is unknown."""
    bad = model(nodes, [vi("x", 1, 4)], [vi("y", 1, 4)])
    missing = "ghost" if nodes[1].name == "b" else "h"
    with pytest.raises(WorkloadError, match=f"fixture.onnx: node 'b': reads tensor '{missing}', which is not"):
        imported(bad)


def test_an_opset_newer_than_onnx_knows_is_warned_about():
    newer = onnx.defs.onnx_opset_version() + 1
    w, said = imported(model([helper.make_node("Relu", ["x"], ["y"], name="r")], [vi("x", 1, 4)],
                             [vi("y", 1, 4)], opset=newer))
    assert [layer.name for layer in w.layers] == ["r"]
    assert said == [f"fixture.onnx: opset {newer} is newer than this onnx package knows "
                    f"({newer - 1}); operators are read with opset {newer - 1} semantics"]
    assert imported(model([helper.make_node("Relu", ["x"], ["y"], name="r")], [vi("x", 1, 4)],
                          [vi("y", 1, 4)]))[1] == []


def test_weight_only_nodes_identity_aliases_reductions_and_splits():
    """A Transpose of a weight is a weight (the MatMul is a gemm); Identity on an activation is an
    alias; ReduceMean is a pool over the reduced elements; Split gives one layer per part."""
    i64 = lambda name, *v: numpy_helper.from_array(np.array(v, dtype=np.int64), name)  # noqa: E731
    nodes = [
        helper.make_node("Transpose", ["w"], ["wt"], name="w_t", perm=[1, 0]),
        helper.make_node("Identity", ["wt"], ["wt2"], name="w_alias"),
        helper.make_node("MatMul", ["x", "wt2"], ["y"], name="proj"),          # (1, 17, 32) @ (32, 64)
        helper.make_node("Identity", ["y"], ["y2"], name="alias"),
        helper.make_node("ReduceMean", ["y2", "axes"], ["m"], name="mean", keepdims=1),
        helper.make_node("Sub", ["y2", "m"], ["d"], name="sub"),
        helper.make_node("Split", ["d", "parts"], ["a", "b"], name="split", axis=2),
        helper.make_node("Mul", ["a", "b"], ["out"], name="gate"),
    ]
    m = model(nodes, [vi("x", 1, 17, 32)], [vi("out", 1, 17, 32)], [init("w", 64, 32), i64("axes", -1),
                                                                    i64("parts", 32, 32)], opset=18)
    w, warns = imported(m)
    assert not warns
    assert w.layer_names == ["proj", "mean", "sub", "split", "split.b", "gate"]
    proj = w.layer("proj")
    assert proj.op is Op.GEMM and (proj.m, proj.k, proj.n) == (17, 32, 64) and proj.weight_elements == 2048
    mean = w.layer("mean")
    assert mean.op is Op.POOL and (mean.in_channels, mean.in_w, mean.kernel) == (17, 64, (1, 64))
    assert mean.output_elements == 17 and mean.input_elements == 17 * 64
    assert [w.layer(n).output_shape for n in ("split", "split.b")] == [(1, 17, 32)] * 2
    assert {(e.src, e.dst, e.port) for e in w.edges} == {
        ("proj", "mean", 0), ("proj", "sub", 0), ("mean", "sub", 1), ("sub", "split", 0),
        ("sub", "split.b", 0), ("split", "gate", 0), ("split.b", "gate", 1)}


def test_global_mean_over_height_and_width_is_a_global_pool():
    nodes = [helper.make_node("ReduceMean", ["x"], ["m"], name="gap", axes=[2, 3], keepdims=0)]
    w, _ = imported(model(nodes, [vi("x", 2, 8, 7, 5)], [vi("m", 2, 8)], opset=13))
    gap = w.layer("gap")
    assert (gap.op, gap.batch, gap.in_channels, gap.in_h, gap.in_w, gap.kernel) == (Op.POOL, 2, 8, 7, 5, (7, 5))
    assert gap.output_elements == 16


def test_model_tags_follow_graph_inputs_and_outputs():
    w, _ = imported(two_inputs_two_outputs())
    assert {layer.name: layer.model for layer in w.layers} == {
        "conv_a": "a", "conv_b": "b", "sig": "b",            # one input each
        "add": "fusion",                                      # joins a and b, feeds two outputs
        "scale": "out1", "concat": "out1", "clip": "out1",    # join, but feed only out1: its head
        "head": "out2"}
    w = load_onnx_model(two_inputs_two_outputs(), models={"a": "rgb", "out1": "seg"}, tags={"con": "convs"})
    assert [w.layer(n).model for n in ("conv_a", "conv_b", "concat", "clip", "add")] == \
        ["convs", "convs", "convs", "seg", "fusion"]   # prefix "con" over every rule


def test_one_input_several_heads_gives_a_trunk_and_heads():
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="trunk"),
             helper.make_node("Relu", ["c"], ["y1"], name="relu"),
             helper.make_node("Sigmoid", ["c"], ["y2"], name="sig")]
    m = model(nodes, [vi("x", 1, 2, 4, 4)], [vi("y1", 1, 2, 4, 4), vi("y2", 1, 2, 4, 4)], [init("w", 2, 2, 1, 1)])
    w, _ = imported(m)
    assert [layer.model for layer in w.layers] == ["x", "y1", "y2"]
    one = model(nodes[:2], [vi("x", 1, 2, 4, 4)], [vi("y1", 1, 2, 4, 4)], [init("w", 2, 2, 1, 1)])
    assert imported(one)[0].models == ["main"]
    assert load_onnx_model(one, models={"x": "rgb"}).models == ["rgb"]


def test_a_scalar_output_has_one_element():
    nodes = [helper.make_node("ReduceMean", ["x"], ["m"], name="mean", keepdims=0),
             helper.make_node("Add", ["x", "m"], ["y"], name="add")]
    w, _ = imported(model(nodes, [vi("x", 1, 4, 2, 2)], [vi("y", 1, 4, 2, 2)], opset=17))
    assert w.layer("mean").output_elements == 1 and w.layer("mean").input_elements == 16
    assert [(e.src, e.dst, e.port, e.elements) for e in w.edges] == [("mean", "add", 1, 1)]


def test_a_dynamic_batch_is_fixed_to_one_with_a_warning():
    nodes = [helper.make_node("Conv", ["x", "w"], ["c"], name="conv", pads=[1, 1, 1, 1]),
             helper.make_node("Relu", ["c"], ["y"], name="relu")]
    x = helper.make_tensor_value_info("x", F, ["batch", 3, 8, 8])
    y = helper.make_tensor_value_info("y", F, ["batch", 4, 8, 8])
    m = model(nodes, [x], [y], [init("w", 4, 3, 3, 3)])
    w, warns = imported(m)
    assert warns == ["fixture.onnx: dynamic input size(s) fixed to 1: 'x' dim 0 (batch)"]
    assert w.layer("conv").batch == 1 and w.layer("relu").output_shape == (1, 4, 8, 8)
    assert m.graph.input[0].type.tensor_type.shape.dim[0].dim_param == "batch"   # the caller's model untouched
