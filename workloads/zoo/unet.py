"""U-Net (Ronneberger, Fischer, Brox, "U-Net: Convolutional Networks for Biomedical Image
Segmentation", MICCAI 2015, arXiv:1505.04597), as in the paper's Figure 1: unpadded 3x3 convs, a
572x572 one-channel input and a 388x388 two-class output map.

The 2x2 "up-convolutions" are written as a 1x1 conv to 4x the channels plus a depth-to-space
reshape (the same MACs, weights and tensors; see ``NetBuilder.upconv2x``); the crop of each skip
connection is a zero-MAC ``passthrough`` (kind ``crop``).
"""
from __future__ import annotations

from ..graph import Workload
from ..netbuilder import NetBuilder

WIDTHS = (64, 128, 256, 512, 1024)


def unet(resolution: int = 572, in_channels: int = 1, num_classes: int = 2) -> Workload:
    """U-Net (Ronneberger et al., MICCAI 2015) with valid convolutions."""
    nb = NetBuilder("unet")
    x = nb.input(in_channels, resolution, resolution)
    skips = []
    for i, width in enumerate(WIDTHS):
        if i:
            x = nb.pool(x, 2, name=f"down{i}_pool")
        x = nb.conv(x, width, 3, pad=0, name=f"down{i}_conv1")
        x = nb.conv(x, width, 3, pad=0, name=f"down{i}_conv2")
        skips.append(x)
    for i, width in reversed(list(enumerate(WIDTHS[:-1]))):
        up = nb.upconv2x(x, width, name=f"up{i}_upconv")
        skip = skips[i]
        crop = nb.passthrough([skip], (1, skip.c, up.h, up.w), name=f"up{i}_crop", kind="crop")
        x = nb.concat([crop, up], name=f"up{i}_concat")
        x = nb.conv(x, width, 3, pad=0, name=f"up{i}_conv1")
        x = nb.conv(x, width, 3, pad=0, name=f"up{i}_conv2")
    nb.conv(x, num_classes, 1, name="head")
    return nb.build()
