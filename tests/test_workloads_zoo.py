"""The model zoo against published MAC counts and hand-computed layer facts."""
import pytest

from workloads import Op, WorkloadError, zoo
from workloads.layer import MAC_OPS


def mac_total(w):
    return sum(layer.macs for layer in w.layers if layer.op in MAC_OPS)


# published multiply-accumulate counts at 224x224 (the papers' and torchvision's figures)
PUBLISHED = {
    "resnet18": 1.8e9,      # He et al. 2016, Table 1: 1.8 x 10^9 FLOPs (multiply-adds)
    "resnet50": 4.1e9,      # torchvision ResNet-50 (v1.5): 4.09 GMACs
    "mobilenetv2": 300e6,   # Sandler et al. 2018, Table 4: 300 M multiply-adds
    "vgg16": 15.5e9,        # VGG-16: 15.5 G multiply-adds
    "vit_b16": 17.6e9,      # ViT-B/16 at 224: 17.6 GFLOPs (multiply-adds), as DeiT's Table 1 lists
}


@pytest.mark.parametrize("name, published", sorted(PUBLISHED.items()))
def test_macs_match_published(name, published):
    assert mac_total(zoo.build(name)) == pytest.approx(published, rel=0.02)


def test_bert_base_by_hand():
    t, d, ff, heads = 128, 768, 3072, 12
    per_layer = 4 * t * d * d + 2 * t * d * ff + 2 * heads * t * t * (d // heads)
    w = zoo.build("bert_base", seq_len=t)
    assert mac_total(w) == 12 * per_layer
    qk = w.layer("enc0_qk")
    assert qk.op is Op.MATMUL and qk.macs == heads * t * t * (d // heads)  # T*T*d per head
    assert sum(layer.op is Op.MATMUL for layer in w.layers) == 24
    assert sum(layer.op is Op.GEMM for layer in w.layers) == 12 * 6


def test_resnet18_structure():
    w = zoo.build("resnet18")
    convs = [layer for layer in w.layers if layer.op is Op.CONV2D]
    assert len(convs) == 20  # 17 in the main path + 3 downsample 1x1
    assert w.layer("conv1").macs == 64 * 3 * 49 * 112 * 112
    assert w.layer("fc").macs == 512 * 1000
    assert not any(layer.op in (Op.NORM, Op.ACT) for layer in w.layers)  # BN/ReLU folded


def test_mobilenetv2_depthwise_counts():
    w = zoo.build("mobilenetv2")
    dws = [layer for layer in w.layers if layer.op is Op.DWCONV]
    assert len(dws) == 17
    first = dws[0]  # 3x3 depthwise on 32 x 112 x 112
    assert first.macs == 9 * 32 * 112 * 112


def test_list_zoo_fields_and_mmmt_flags():
    entries = zoo.list_zoo()
    names = [e["name"] for e in entries]
    for required in ("resnet18", "resnet50", "mobilenetv2", "vgg16", "unet", "bert_base", "vit_b16",
                     "casia_surf", "facebagnet", "vlocnet", "xr_set"):
        assert required in names
    for e in entries:
        assert set(e) == {"name", "description", "paper", "mmmt"} and e["paper"]
        w = zoo.build(e["name"])
        assert w.is_mmmt == e["mmmt"], e["name"]
        assert zoo.ZOO[e["name"]].builder.__doc__  # each builder documents its paper


@pytest.mark.parametrize("name", ["casia_surf", "facebagnet", "vlocnet", "xr_set"])
def test_mmmt_models_and_fusion(name):
    w = zoo.build(name)
    assert len(w.models) >= 3
    crossing = [e for e in w.edges if w.layer(e.src).model != w.layer(e.dst).model]
    if name != "xr_set":
        assert crossing, "fusion points cross models"
    else:  # independent concurrent tasks: several sources and sinks, no cross edges
        assert not crossing
        sinks = {w.layer(n).model for n in w.layer_names if w.is_output(n)}
        assert sinks == set(w.models)


def test_largest_mmmt_has_300_layers():
    largest = max((zoo.build(e["name"]) for e in zoo.list_zoo() if e["mmmt"]), key=len)
    assert len(largest) >= 300


def test_casia_surf_streams_are_resnet18_res1_to_res3():
    w = zoo.build("casia_surf")
    assert w.models == ["rgb", "depth", "ir", "fusion"]
    for m in ("rgb", "depth", "ir"):
        convs = [layer for layer in w.layers if layer.model == m and layer.op is Op.CONV2D]
        assert len(convs) == 1 + 4 + 5  # conv1, conv2_x (4), conv3_x (4 + downsample)
    assert w.layer("fusion_concat").output_shape == (1, 3 * 128, 14, 14)


def test_vlocnet_shares_the_current_frame_stream():
    w = zoo.build("vlocnet")
    shared_out = [e for e in w.edges if w.layer(e.src).model == "shared" and w.layer(e.dst).model != "shared"]
    assert {w.layer(e.dst).model for e in shared_out} == {"odometry", "global_pose"}


def test_keyword_spotting_res15_by_hand():
    w = zoo.build("xr_set", tasks=("keyword_spotting",))
    convs = [layer for layer in w.layers if layer.op is Op.CONV2D]
    assert len(convs) == 14
    assert sum(layer.weight_elements for layer in convs) == 45 * 9 + 13 * 45 * 45 * 9  # 237,330 (paper: 238K)
    assert all(layer.output_shape == (1, 45, 101, 40) for layer in convs)  # dilation keeps the size


def test_unknown_name_and_option():
    with pytest.raises(WorkloadError, match="did you mean resnet50"):
        zoo.build("resnet5O")
    with pytest.raises(WorkloadError, match="unknown option"):
        zoo.build("resnet18", depth=3)
