"""ResNet-18 and ResNet-50 (He, Zhang, Ren, Sun, "Deep Residual Learning for Image Recognition",
CVPR 2016, arXiv:1512.03385), plus the stage helpers the multi-modal workloads reuse.

Bottleneck blocks put the stride on the 3x3 conv (torchvision's "ResNet v1.5"), which is the model
the commonly quoted 4.1 GMACs for ResNet-50 at 224x224 refers to; the paper's v1 puts it on the
first 1x1 conv (3.8 G "FLOPs" in its Table 1). BN and ReLU are folded into the convs; the ReLU after
a residual sum is folded into the ``add``.
"""
from __future__ import annotations

from ..graph import Workload
from ..netbuilder import NetBuilder, Tensor

# blocks per stage and block kind, from Table 1 of the paper
DEPTHS = {"resnet18": (2, 2, 2, 2), "resnet34": (3, 4, 6, 3), "resnet50": (3, 4, 6, 3)}
BOTTLENECK = {"resnet18": False, "resnet34": False, "resnet50": True}
WIDTHS = (64, 128, 256, 512)


def basic_block(nb: NetBuilder, x: Tensor, width: int, stride: int, name: str) -> Tensor:
    y = nb.conv(x, width, 3, stride=stride, name=f"{name}_conv1")
    y = nb.conv(y, width, 3, name=f"{name}_conv2")
    short = x
    if stride != 1 or x.c != width:
        short = nb.conv(x, width, 1, stride=stride, name=f"{name}_down")
    return nb.add(y, short, name=f"{name}_add")


def bottleneck_block(nb: NetBuilder, x: Tensor, width: int, stride: int, name: str,
                     expansion: int = 4) -> Tensor:
    y = nb.conv(x, width, 1, name=f"{name}_conv1")
    y = nb.conv(y, width, 3, stride=stride, name=f"{name}_conv2")
    y = nb.conv(y, width * expansion, 1, name=f"{name}_conv3")
    short = x
    if stride != 1 or x.c != width * expansion:
        short = nb.conv(x, width * expansion, 1, stride=stride, name=f"{name}_down")
    return nb.add(y, short, name=f"{name}_add")


def stem(nb: NetBuilder, x: Tensor) -> Tensor:
    """conv1 (7x7/2, 64) and the 3x3/2 max pool: "res1" of the paper."""
    y = nb.conv(x, 64, 7, stride=2, name="conv1")
    return nb.pool(y, 3, stride=2, pad=1, name="pool1")


def stage(nb: NetBuilder, x: Tensor, depth: str, index: int, *, in_stride: int | None = None) -> Tensor:
    """Stage ``index`` (0..3, the paper's conv2_x..conv5_x) of ``depth`` (resnet18/34/50)."""
    block = bottleneck_block if BOTTLENECK[depth] else basic_block
    stride = (1 if index == 0 else 2) if in_stride is None else in_stride
    for b in range(DEPTHS[depth][index]):
        x = block(nb, x, WIDTHS[index], stride if b == 0 else 1, f"layer{index + 1}_{b}")
    return x


def trunk(nb: NetBuilder, x: Tensor, depth: str, stages: range = range(4)) -> Tensor:
    if 0 in stages:
        x = stem(nb, x)
    for i in stages:
        x = stage(nb, x, depth, i)
    return x


def _resnet(depth: str, resolution: int, num_classes: int) -> Workload:
    nb = NetBuilder(depth)
    x = trunk(nb, nb.input(3, resolution, resolution), depth)
    x = nb.gap(x, name="avgpool")
    nb.fc(x, num_classes, name="fc")
    return nb.build()


def resnet18(resolution: int = 224, num_classes: int = 1000) -> Workload:
    """ResNet-18 (He et al., CVPR 2016): 1.82 GMACs at 224x224."""
    return _resnet("resnet18", resolution, num_classes)


def resnet34(resolution: int = 224, num_classes: int = 1000) -> Workload:
    """ResNet-34 (He et al., CVPR 2016): 3.6 GMACs at 224x224."""
    return _resnet("resnet34", resolution, num_classes)


def resnet50(resolution: int = 224, num_classes: int = 1000) -> Workload:
    """ResNet-50 v1.5 (He et al., CVPR 2016; stride on the 3x3 conv): 4.1 GMACs at 224x224."""
    return _resnet("resnet50", resolution, num_classes)
