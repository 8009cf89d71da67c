"""NAS-Bench-201 networks against the layer facts of ../shared/data/README_nb201.md."""
import re

import pytest

from workloads import Op, WorkloadError, nb201
from workloads.layer import MAC_OPS

ALL_3X3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"
ALL_NONE = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"


def convs(w):
    return [layer for layer in w.layers if layer.op is Op.CONV2D]


def in_cells(w):
    return [layer for layer in w.layers if re.match(r"s\dc\d_", layer.name)]


def test_readme_is_available(shared_dir):
    assert "TinyNetwork" in (shared_dir / "data" / "README_nb201.md").read_text()


def test_macro_skeleton_cifar():
    w = nb201.build(ALL_3X3, "cifar10")
    stem = w.layer("stem")
    assert (stem.in_channels, stem.out_channels, stem.kernel, stem.in_h) == (3, 16, (3, 3), 32)
    # every 3x3 cell conv costs 9*C^2*H*W = 2,359,296 MACs in all three stages
    cell = [c for c in in_cells(w) if c.op is Op.CONV2D]
    assert len(cell) == 3 * 5 * 6
    assert {c.macs for c in cell} == {2_359_296}
    assert {(c.in_channels, c.in_h) for c in cell} == {(16, 32), (32, 16), (64, 8)}
    # two reduction blocks of 3 convs: 3x3 s2, 3x3, and 1x1 on the 2x2-avg-pooled input
    for s, (cin, cout, hw) in ((1, (16, 32, 32)), (2, (32, 64, 16))):
        a, b, sc = (w.layer(f"reduce{s}_{n}") for n in ("conv_a", "conv_b", "shortcut_conv"))
        assert (a.in_channels, a.out_channels, a.stride, a.kernel) == (cin, cout, (2, 2), (3, 3))
        assert (b.in_channels, b.out_channels, b.stride) == (cout, cout, (1, 1))
        assert (sc.in_channels, sc.out_channels, sc.kernel, sc.in_h) == (cin, cout, (1, 1), hw // 2)
        pool = w.layer(f"reduce{s}_shortcut_pool")
        assert pool.kernel == (2, 2) and pool.stride == (2, 2)
    fc = w.layer("classifier")
    assert (fc.k, fc.n) == (64, 10)
    assert len(convs(w)) == 1 + 90 + 6


def test_flops_range_matches_the_benchmark():
    # NB201's CIFAR-10 FLOPs range from 7.78 M (no live cell edge) to 220.11 M (all 3x3 convs)
    lo = sum(layer.macs for layer in nb201.build(ALL_NONE).layers if layer.op in MAC_OPS)
    hi = sum(layer.macs for layer in nb201.build(ALL_3X3).layers if layer.op in MAC_OPS)
    assert lo / 1e6 == pytest.approx(7.78, abs=0.01)
    assert hi / 1e6 == pytest.approx(220.11, abs=0.02)
    # by hand: stem + 2 reduction blocks + FC, and 90 3x3 convs on top
    fixed = 3 * 16 * 9 * 1024 + 2 * (1_179_648 + 2_359_296 + 131_072) + 640
    assert lo == fixed and hi == fixed + 90 * 2_359_296


def test_imagenet16_sizes():
    w = nb201.build("|nor_conv_1x1~0|+|none~0|none~1|+|skip_connect~0|nor_conv_1x1~1|none~2|",
                    "ImageNet16-120")
    assert w.layer("stem").in_h == 16
    assert {(c.in_channels, c.in_h) for c in in_cells(w) if c.op is Op.CONV2D} == \
        {(16, 16), (32, 8), (64, 4)}
    assert w.layer("classifier").n == 120
    assert w.layer("gap").kernel == (4, 4)


def test_none_and_dead_edges_are_dropped():
    # node 2 feeds nothing (edge 2->3 is none), so the conv on 0->2 and 1->2 are dead
    arch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|nor_conv_3x3~1|none~2|"
    w = nb201.build(arch)
    cell = [c.name for c in convs(w) if c.name.startswith("s1c1_")]
    assert cell == ["s1c1_e01_conv3x3", "s1c1_e13_conv3x3"]
    add = w.layer("s1c1_node3")
    assert add.op is Op.ADD and add.num_inputs == 2
    # node 3 = skip(node 0) + conv(node 1): the add reads the cell input directly
    assert set(w.predecessors("s1c1_node3")) == {"stem", "s1c1_e13_conv3x3"}


def test_unreachable_source_is_dead():
    # 0->1 is none, so node 1 is unreachable and its out-edges are dead
    arch = "|none~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|none~0|avg_pool_3x3~1|nor_conv_3x3~2|"
    w = nb201.build(arch)
    kinds = sorted(layer.name.split("_", 1)[1] for layer in w.layers if layer.name.startswith("s2c3_"))
    assert kinds == ["e02_conv1x1", "e23_conv3x3"]


def test_skip_only_cell_is_identity():
    arch = "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|"
    w = nb201.build(arch)
    assert not in_cells(w)
    assert w.predecessors("reduce1_conv_a") == ["stem"]


def test_disconnected_cell_reads_a_constant():
    w = nb201.build(ALL_NONE)
    assert w.predecessors("reduce1_conv_a") == [] and w.is_output("stem")


def test_same_graph_for_spellings_of_one_arch():
    a = nb201.build("|nor_conv_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|avg_pool_3x3~2|")
    b = nb201.build(" |nor_conv_3x3~0|+|none~1|skip_connect~0|+|avg_pool_3x3~2|none~0|none~1| ")
    assert a == b


@pytest.mark.parametrize("arch, pattern", [
    ("|nor_conv_3x3~0|+|none~0|none~1|", "3 '\\+'-separated groups"),
    ("|conv~0|+|none~0|none~1|+|none~0|none~1|none~2|", "unknown op 'conv'"),
    ("|none~1|+|none~0|none~1|+|none~0|none~1|none~2|", "one edge from each"),
    ("|none~0|+|none~0|none~0|+|none~0|none~1|none~2|", "one per source"),
    ("none~0|+|none~0|none~1|+|none~0|none~1|none~2|", "start and end"),
])
def test_bad_arch_strings(arch, pattern):
    with pytest.raises(WorkloadError, match=pattern) as info:
        nb201.build(arch)
    assert "arch '" in str(info.value)


def test_bad_dataset():
    with pytest.raises(WorkloadError, match="unknown dataset"):
        nb201.build(ALL_3X3, "imagenet")
