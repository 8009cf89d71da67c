"""The trained torch module is the priced Workload: same conv/linear layers, same MACs."""
import collections

import pytest

torch = pytest.importorskip("torch")

from h2h.evaluators import EvaluationError, build_module  # noqa: E402
from h2h.evaluators.torch_models import input_shape, layer_facts  # noqa: E402
from workloads.builders import build_workload  # noqa: E402

MBV2 = {"family": "mbv2", "resolution": 32, "in_channels": 3, "num_classes": 10, "stem_width": 16,
        "stages": [{"depth": 2, "expansion": 6, "kernel": 3, "width": 24, "stride": 2},
                   {"depth": 3, "expansion": 1, "kernel": 5, "width": 24, "stride": 1},
                   {"depth": 2, "expansion": 3, "kernel": 7, "width": 40, "stride": 2}],
        "head_width": 128}
MBV2_HIRES = {**MBV2, "resolution": 96, "in_channels": 1, "num_classes": 3}  # stride-2 stem
NB201_ARCHS = [
    "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|",
    "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|",
    # node 1 unreachable (none from 0): its conv edges 1->2, 1->3 are dead in both builders
    "|none~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_1x1~0|nor_conv_3x3~1|avg_pool_3x3~2|",
    # no path from input to output: every cell outputs zeros
    "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|nor_conv_3x3~2|",
]


@pytest.fixture(autouse=True)
def one_thread():
    """Single-threaded kernels: multi-threaded ones crawl when the shared test machine is busy."""
    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


def _signature(rows):
    return collections.Counter(tuple(sorted(r.items())) for r in rows)


def _workload_facts(workload):
    out = []
    for layer in workload.layers:
        if layer.op.value in ("conv2d", "dwconv"):
            out.append({"op": layer.op.value, "in_channels": layer.in_channels,
                        "out_channels": layer.out_channels, "in_h": layer.in_h, "kernel": layer.kernel[0],
                        "stride": layer.stride[0], "groups": layer.groups, "macs": layer.macs})
        elif layer.op.value == "gemm":
            out.append({"op": "gemm", "in_channels": layer.k, "out_channels": layer.n, "in_h": 1,
                        "kernel": 1, "stride": 1, "groups": 1, "macs": layer.macs})
    return out


SPECS = {"mbv2_32": MBV2, "mbv2_96_grey": MBV2_HIRES,
         **{f"nb201_{i}": {"family": "nb201", "arch": a} for i, a in enumerate(NB201_ARCHS)},
         "nb201_imagenet16": {"family": "nb201", "arch": NB201_ARCHS[0], "dataset": "ImageNet16-120"}}


@pytest.mark.parametrize("spec", SPECS.values(), ids=SPECS.keys())
def test_module_layers_and_macs_match_the_workload(spec):
    torch.manual_seed(0)
    module = build_module(spec)
    shape = input_shape(spec)
    ours = layer_facts(module, shape)
    theirs = _workload_facts(build_workload(spec))
    assert _signature(ours) == _signature(theirs)
    assert sum(r["macs"] for r in ours) == build_workload(spec).total_macs
    out = module.eval()(torch.zeros(2, shape.channels, shape.resolution, shape.resolution))
    assert tuple(out.shape) == (2, shape.num_classes)


def test_mbv2_macs_by_hand():
    # 8x8 input, stride-1 stem 3->4; one block 4 -> (expand 8) -> 4 with a residual; head 4->8; fc 8->2
    spec = {"family": "mbv2", "resolution": 8, "in_channels": 3, "num_classes": 2, "stem_width": 4,
            "stages": [{"depth": 1, "expansion": 2, "kernel": 3, "width": 4, "stride": 1}], "head_width": 8}
    macs = [4 * 64 * 3 * 9, 8 * 64 * 4, 8 * 64 * 9, 4 * 64 * 8, 8 * 64 * 4, 8 * 2]
    facts = layer_facts(build_module(spec), input_shape(spec))
    assert [f["macs"] for f in facts] == macs
    assert [f["op"] for f in facts] == ["conv2d", "conv2d", "dwconv", "conv2d", "conv2d", "gemm"]


def test_nb201_cell_conv_counts_follow_the_reference_layer_list():
    # README_nb201: 1 stem + 15 cells x (conv edges) + 2 x 3 reduction convs + 1 FC
    facts = layer_facts(build_module({"family": "nb201", "arch": NB201_ARCHS[0]}), input_shape({"family": "nb201"}))
    assert len(facts) == 1 + 15 * 5 + 6 + 1
    cell3x3 = [f for f in facts if f["kernel"] == 3 and f["in_channels"] == f["out_channels"]
               and f["stride"] == 1]
    assert {f["macs"] for f in cell3x3} == {2_359_296}  # 9 * C^2 * H * W, the same in every stage


def test_bad_specs_raise_evaluation_errors_with_the_candidate():
    bad = {**MBV2, "stages": [{"depth": 1, "expansion": 6, "kernel": 4, "width": 24, "stride": 1}]}
    with pytest.raises(EvaluationError, match="odd") as e:
        build_module(bad)
    assert e.value.candidate == bad
    with pytest.raises(EvaluationError, match="unknown family"):
        build_module({"family": "resnet"})
    with pytest.raises(EvaluationError, match="unknown op"):
        build_module({"family": "nb201", "arch": "|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|"})
