"""FaceBagNet multi-modal patch network (Shen, Zhang, Huang, Zhu, Chen, "FaceBagNet:
Bag-of-local-features Model for Multi-modal Face Anti-spoofing", CVPR Workshops 2019,
arXiv:1905.00573).

Each modality (RGB, depth, IR) sees a local face patch (48x48 by default; the paper trains on 16-,
32- and 48-pixel patches) through its own SE-ResNeXt stream (stem, two stages of
squeeze-and-excitation ResNeXt bottlenecks with 32-group 3x3 convs). The three feature maps are
concatenated ("modal feature erasing" is a training-time dropout and costs nothing at inference)
and two shared SE-ResNeXt stages, global pooling and an FC classify real/fake. ``patches`` scores a
bag of patches per face at once (the batch of every layer).
"""
from __future__ import annotations

from ..graph import Workload
from ..netbuilder import NetBuilder, Tensor
from .casia_surf import MODALITIES, squeeze_excite

GROUPS = 32


def se_resnext_block(nb: NetBuilder, x: Tensor, out: int, stride: int, name: str) -> Tensor:
    y = nb.conv(x, out, 1, name=f"{name}_conv1")
    y = nb.conv(y, out, 3, stride=stride, groups=GROUPS, name=f"{name}_conv2")
    y = nb.conv(y, out, 1, name=f"{name}_conv3")
    y = squeeze_excite(nb, y, f"{name}_se")
    short = x if stride == 1 and x.c == out else nb.conv(x, out, 1, stride=stride, name=f"{name}_down")
    return nb.add(y, short, name=f"{name}_add")


def _stage(nb: NetBuilder, x: Tensor, out: int, stride: int, name: str, blocks: int = 2) -> Tensor:
    for b in range(blocks):
        x = se_resnext_block(nb, x, out, stride if b == 0 else 1, f"{name}_{b}")
    return x


def facebagnet(patch: int = 48, num_classes: int = 2) -> Workload:
    """FaceBagNet (Shen et al., CVPRW 2019) on one ``patch`` x ``patch`` patch per modality."""
    nb = NetBuilder("facebagnet")
    streams = []
    for modality in MODALITIES:
        nb.model, nb.prefix = modality, f"{modality}_"
        x = nb.conv(nb.input(3, patch, patch), 64, 3, name="stem")
        x = _stage(nb, x, 64, 1, "layer1")
        x = _stage(nb, x, 128, 2, "layer2")
        streams.append(x)
    nb.model, nb.prefix = "fusion", "fusion_"
    x = nb.concat(streams, name="concat")
    x = _stage(nb, x, 256, 2, "res0")
    x = _stage(nb, x, 512, 2, "res1")
    x = nb.gap(x, name="avgpool")
    nb.fc(x, num_classes, name="fc")
    return nb.build()
