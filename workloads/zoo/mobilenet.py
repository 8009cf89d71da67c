"""MobileNetV2 (Sandler, Howard, Zhu, Zhmoginov, Chen, "MobileNetV2: Inverted Residuals and Linear
Bottlenecks", CVPR 2018, arXiv:1801.04381), width 1.0: 300 M multiply-adds at 224x224 (Table 4).

Built from the ``mbv2`` architecture spec with the paper's Table 2 settings, so the zoo model and the
search space's block network are the same code.
"""
from __future__ import annotations

from ..builders import build_mbv2
from ..graph import Workload

# Table 2 of the paper: (expansion t, width c, depth n, stride s) per stage
TABLE2 = ((1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2),
          (6, 320, 1, 1))


def mobilenetv2_spec(resolution: int = 224, num_classes: int = 1000) -> dict:
    return {"family": "mbv2", "resolution": resolution, "in_channels": 3, "num_classes": num_classes,
            "stem_width": 32,
            "stages": [{"depth": n, "expansion": t, "kernel": 3, "width": c, "stride": s}
                       for t, c, n, s in TABLE2],
            "head_width": 1280}


def mobilenetv2(resolution: int = 224, num_classes: int = 1000) -> Workload:
    """MobileNetV2 1.0 (Sandler et al., CVPR 2018)."""
    return build_mbv2(mobilenetv2_spec(resolution, num_classes), name="mobilenetv2")
