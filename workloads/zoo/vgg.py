"""VGG-16 (Simonyan and Zisserman, "Very Deep Convolutional Networks for Large-Scale Image
Recognition", ICLR 2015, arXiv:1409.1556), configuration D: 13 3x3 convs, 5 max pools and three
fully connected layers; 15.5 GMACs at 224x224.
"""
from __future__ import annotations

from ..graph import Workload
from ..netbuilder import NetBuilder

# configuration "D" of Table 1: channels per conv, "M" for a 2x2 max pool
CONFIG_D = (64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M")


def vgg16(resolution: int = 224, num_classes: int = 1000) -> Workload:
    """VGG-16 (Simonyan and Zisserman, ICLR 2015), configuration D."""
    nb = NetBuilder("vgg16")
    x = nb.input(3, resolution, resolution)
    block, idx = 1, 1
    for item in CONFIG_D:
        if item == "M":
            x = nb.pool(x, 2, name=f"pool{block}")
            block, idx = block + 1, 1
        else:
            x = nb.conv(x, item, 3, name=f"conv{block}_{idx}")
            idx += 1
    x = nb.fc(x, 4096, name="fc6")
    x = nb.fc(x, 4096, name="fc7")
    nb.fc(x, num_classes, name="fc8")
    return nb.build()
