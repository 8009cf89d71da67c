"""Architecture builders (mbv2, nb201, per-modality MMMT) and load_workload."""
import pytest

import h2h
from workloads import Op, Workload, WorkloadError, load_workload
from workloads.builders import build_workload
from workloads.zoo.casia_surf import build_mmmt


def small_spec(**over):
    spec = {"family": "mbv2", "resolution": 32, "in_channels": 3, "num_classes": 10, "stem_width": 16,
            "stages": [{"depth": 2, "expansion": 6, "kernel": 3, "width": 24, "stride": 2},
                       {"depth": 1, "expansion": 1, "kernel": 5, "width": 24, "stride": 1}],
            "head_width": 64}
    spec.update(over)
    return spec


def test_mbv2_small_spec_by_hand():
    w = build_workload(small_spec())
    names = w.layer_names
    assert names == ["stem", "block1_expand", "block1_dw", "block1_project", "block2_expand",
                     "block2_dw", "block2_project", "block2_add", "block3_dw", "block3_project",
                     "block3_add", "head_conv", "avgpool", "classifier"]
    stem = w.layer("stem")
    assert stem.stride == (1, 1) and stem.macs == 16 * 3 * 9 * 32 * 32  # stride 1 at <= 64 px
    assert w.layer("block1_dw").macs == 9 * 96 * 16 * 16  # stride 2: 32 -> 16
    assert w.layer("block1_project").macs == 96 * 24 * 16 * 16
    assert w.layer("block2_expand").macs == 24 * 144 * 16 * 16
    dw3 = w.layer("block3_dw")  # expansion 1: no expand conv, 5x5 depthwise on 24 channels
    assert dw3.op is Op.DWCONV and dw3.kernel == (5, 5) and dw3.padding == (2, 2, 2, 2)
    assert set(w.predecessors("block3_add")) == {"block3_project", "block2_add"}
    assert w.layer("classifier").k == 64 and w.layer("classifier").n == 10


def test_mbv2_stem_stride_above_64():
    assert build_workload(small_spec(resolution=96)).layer("stem").stride == (2, 2)


@pytest.mark.parametrize("over, pattern", [
    ({"colour": 1}, "unknown key"),
    ({"stages": []}, "non-empty list"),
    ({"stages": [{"depth": 1, "expansion": 6, "kernel": 4, "width": 8, "stride": 1}]}, "odd"),
    ({"stages": [{"depth": 0, "expansion": 6, "kernel": 3, "width": 8, "stride": 1}]}, "depth"),
    ({"stages": [{"depth": 1, "expansion": 6, "kernel": 3, "width": 8}]}, "stride"),
    ({"head_width": "big"}, "head_width"),
    ({"family": "resnet"}, "unknown family"),
])
def test_bad_specs(over, pattern):
    with pytest.raises(WorkloadError, match=pattern):
        build_workload(small_spec(**over))


def test_nb201_family():
    arch = "|nor_conv_1x1~0|+|skip_connect~0|none~1|+|none~0|none~1|nor_conv_3x3~2|"
    w = build_workload({"family": "nb201", "arch": arch, "dataset": "cifar100"})
    assert w == load_workload(f"nb201:{arch}@cifar100")
    assert w.layer("classifier").n == 100


def test_build_mmmt_per_modality_backbones():
    w = build_mmmt({"rgb": "mobilenetv2", "depth": "resnet18", "ir": "resnet50"})
    assert w.models == ["rgb", "depth", "ir", "fusion"]
    assert any(layer.op is Op.DWCONV for layer in w.layers if layer.model == "rgb")
    assert not any(layer.op is Op.DWCONV for layer in w.layers if layer.model == "depth")
    # stride-8 maps of 32 (MobileNetV2), 128 (ResNet-18) and 512 (ResNet-50) channels, concatenated
    assert w.layer("fusion_concat").output_shape == (1, 32 + 128 + 512, 14, 14)
    two = build_mmmt({"rgb": "resnet18", "depth": "resnet18"})
    assert two.models == ["rgb", "depth", "fusion"] and two.total_macs < w.total_macs
    with pytest.raises(WorkloadError, match="unknown backbone"):
        build_mmmt({"rgb": "resnet19"})


def test_load_workload_forms(tmp_path):
    w = load_workload("resnet18")
    assert isinstance(w, Workload) and load_workload(w) is w
    assert h2h.load_workload("resnet18") == w
    path = tmp_path / "r18.json"
    from workloads.io import write_workload
    write_workload(w, path)
    assert load_workload(str(path)) == w and load_workload(path) == w
    with pytest.raises(WorkloadError, match="did you mean resnet18"):
        load_workload("resnet-18")
    with pytest.raises(WorkloadError, match="no such file"):
        load_workload(str(tmp_path / "missing.yaml"))
    with pytest.raises(WorkloadError, match="unknown workload file type"):
        load_workload(str(tmp_path / "x.txt"))
