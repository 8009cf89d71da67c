"""VLocNet multi-task visual localization and odometry (Valada, Radwan, Burgard, "Deep Auxiliary
Learning for Visual Localization and Odometry", ICRA 2018, arXiv:1803.03642).

Two tasks share ResNet-50 streams (Figure 2 of the paper):

* the odometry task is a siamese pair of ResNet-50 streams (res1-res3) on frames I_t and I_{t-1},
  concatenated and followed by res4 and res5, global pooling, an FC of 1024 and two regressors
  (3-d translation, 4-d rotation quaternion);
* the global pose task shares the I_t stream up to res3 with odometry (hard parameter sharing) and
  continues with its own res4, res5, pooling, FC 1024 and the two regressors.

Layers are tagged ``shared`` (the I_t stream), ``odometry`` and ``global_pose``. ELUs, the
geometric-consistency loss and the previous-pose feedback used in training add no inference MACs
and are not modelled.
"""
from __future__ import annotations

from ..graph import Workload
from ..netbuilder import NetBuilder, Tensor
from . import resnet


def _head(nb: NetBuilder, x: Tensor) -> None:
    x = nb.gap(x, name="avgpool")
    x = nb.fc(x, 1024, name="fc1")
    nb.fc(x, 3, name="fc_xyz")
    nb.fc(x, 4, name="fc_wpqr")


def vlocnet(resolution: int = 224) -> Workload:
    """VLocNet (Valada et al., ICRA 2018): global pose and odometry on ResNet-50 streams."""
    nb = NetBuilder("vlocnet")
    nb.model, nb.prefix = "shared", "t_"
    cur = resnet.trunk(nb, nb.input(3, resolution, resolution), "resnet50", range(2))
    nb.model, nb.prefix = "odometry", "tm1_"
    prev = resnet.trunk(nb, nb.input(3, resolution, resolution), "resnet50", range(2))
    nb.prefix = "odo_"
    x = nb.concat([cur, prev], name="concat")
    for i in (2, 3):
        x = resnet.stage(nb, x, "resnet50", i)
    _head(nb, x)
    nb.model, nb.prefix = "global_pose", "loc_"
    x = cur
    for i in (2, 3):
        x = resnet.stage(nb, x, "resnet50", i)
    _head(nb, x)
    return nb.build()
