"""The Layer / Workload IR on hand-computed cases."""
import json

import pytest
import yaml

from workloads import Layer, Op, Workload, WorkloadError


def conv(name, c, k, hw, r=3, stride=1, pad=1, groups=1, op="conv2d", model="main"):
    return Layer(name, op, model=model, in_channels=c, out_channels=k, in_h=hw, in_w=hw,
                 kernel=r, stride=stride, padding=pad, groups=groups)


def test_conv_counts_by_hand():
    layer = conv("c", 3, 64, 224, r=7, stride=2, pad=3)
    assert (layer.out_h, layer.out_w) == (112, 112)
    assert layer.macs == 64 * 112 * 112 * 3 * 7 * 7
    assert layer.weight_elements == 64 * 3 * 7 * 7
    assert layer.input_elements == 3 * 224 * 224
    assert layer.output_elements == 64 * 112 * 112


def test_depthwise_and_grouped_counts():
    dw = conv("dw", 32, 32, 56, groups=32, op="dwconv")
    assert dw.macs == 9 * 32 * 56 * 56  # 9·C·H·W, as the CLI contract counts it
    grouped = conv("g", 64, 128, 8, groups=4)
    assert grouped.macs == 128 * 8 * 8 * (64 // 4) * 9
    with pytest.raises(WorkloadError, match="groups"):
        conv("bad", 30, 64, 8, groups=4)


def test_attention_matmul_counts():
    t, d = 128, 64
    qk = Layer("qk", "matmul", m=t, k=d, n=t)
    assert qk.macs == t * t * d and qk.weight_elements == 0
    fc = Layer("fc", "gemm", m=1, k=2048, n=1000)
    assert fc.macs == 2048 * 1000 == fc.weight_elements


def test_edges_carry_tensor_sizes_and_models():
    a = conv("a", 3, 8, 16, model="rgb")
    b = conv("b", 3, 8, 16, model="depth")
    cat = Layer("cat", "concat", model="fusion", shape=(1, 16, 16, 16))
    w = Workload("two", [a, b, cat], [("a", "cat"), ("b", "cat")])
    assert w.models == ["rgb", "depth", "fusion"] and w.is_mmmt
    e = w.edges[0]
    assert e.elements == 8 * 16 * 16 and e.bytes == e.elements * a.elem_bytes
    assert w.external_input_elements("a") == 3 * 16 * 16
    assert w.external_input_elements("cat") == 0 and w.is_output("cat")


def test_round_trip_yaml_and_json_exact():
    a = conv("a", 3, 8, 16)
    p = Layer("p", "pool", in_channels=8, out_channels=8, in_h=16, in_w=16, kernel=2, stride=2)
    fc = Layer("fc", "gemm", m=1, k=8 * 8 * 8, n=10, elem_bytes=2)
    flat = Layer("flat", "reshape", shape=(1, 512))
    w = Workload("rt", [a, p, flat, fc], [("a", "p"), ("p", "flat"), ("flat", "fc")])
    d = w.to_dict()
    assert Workload.from_dict(yaml.safe_load(yaml.safe_dump(d))) == w
    assert Workload.from_dict(json.loads(json.dumps(d))).to_dict() == d


@pytest.mark.parametrize("case, pattern", [
    ("dup", "duplicate layer name"),
    ("cycle", "cycle"),
    ("shape", "shape mismatch"),
    ("unknown_op", "unknown op"),
])
def test_bad_graphs_name_the_item(case, pattern):
    a, b = conv("a", 3, 8, 16), conv("b", 8, 8, 16)
    with pytest.raises(WorkloadError, match=pattern) as info:
        if case == "dup":
            Workload("w", [a, a], [])
        elif case == "cycle":
            Workload("w", [a.__class__("a", "act", shape=(1, 8)), Layer("b", "act", shape=(1, 8))],
                     [("a", "b"), ("b", "a")])
        elif case == "shape":
            Workload("w", [a, conv("b", 16, 8, 16)], [("a", "b")])
        else:
            Layer("x", "frobnicate")
    assert "\n" not in str(info.value)
