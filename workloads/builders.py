"""Architecture builders: plain-data architecture specs -> :class:`Workload`.

The spec format is shared with ``h2h.evaluators.torch_models.build_module``, so the network that is
priced is the network that is trained. Families:

* ``mbv2``: a MobileNetV2 / ProxylessNAS-style block network::

      {"family": "mbv2", "resolution": 32, "in_channels": 3, "num_classes": 10, "stem_width": 16,
       "stages": [{"depth": 2, "expansion": 6, "kernel": 3, "width": 24, "stride": 2}, ...],
       "head_width": 1280}

  Stem: 3x3 conv (stride 2, or 1 when resolution <= 64). Each inverted-residual block: 1x1 expand
  (left out when expansion == 1), kxk depthwise (stride on the stage's first block, padding k//2),
  1x1 project, and a residual ``add`` when stride is 1 and channels match. Head: 1x1 conv to
  ``head_width``, global average pool, FC. BN/ReLU6 are folded into the convs.
* ``nb201``: ``{"family": "nb201", "arch": "|nor_conv_3x3~0|+|...|", "dataset": "cifar10"}``, see
  :mod:`workloads.nb201`.

The zoo builds on these (MobileNetV2 is an ``mbv2`` spec); nothing here imports the zoo back. The
CASIA-SURF-style multi-modal template with a backbone per modality is
``workloads.zoo.casia_surf.build_mmmt``.
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from . import nb201
from .errors import WorkloadError, type_name
from .graph import Workload
from .netbuilder import NetBuilder, Tensor

MBV2_KEYS = ("family", "resolution", "in_channels", "num_classes", "stem_width", "stages", "head_width")
MBV2_STAGE_KEYS = ("depth", "expansion", "kernel", "width", "stride")
NB201_KEYS = ("family", "arch", "dataset")
FAMILIES = ("mbv2", "nb201")


def _check_keys(data: Mapping[str, Any], allowed: tuple[str, ...], item: str) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise WorkloadError(f"unknown key(s) {unknown}; expected some of {list(allowed)}", item=item)


def _int(data: Mapping[str, Any], key: str, item: str, default: int | None = None) -> int:
    value = data.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise WorkloadError(f"'{key}' must be an integer >= 1, got {value!r}", item=item)
    return value


def inverted_residual(nb: NetBuilder, x: Tensor, out: int, expansion: int, kernel: int, stride: int,
                      name: str) -> Tensor:
    """MobileNetV2's block (Sandler et al., CVPR 2018), BN/ReLU6 folded."""
    y = x if expansion == 1 else nb.conv(x, x.c * expansion, 1, name=f"{name}_expand")
    y = nb.dwconv(y, kernel, stride=stride, name=f"{name}_dw")
    y = nb.conv(y, out, 1, name=f"{name}_project")
    return nb.add(y, x, name=f"{name}_add") if stride == 1 and x.c == out else y


def mbv2_trunk(nb: NetBuilder, x: Tensor, spec: Mapping[str, Any], *, stages: int | None = None) -> Tensor:
    """Stem and the first ``stages`` stages (all by default) of an ``mbv2`` spec."""
    resolution = x.h
    x = nb.conv(x, _int(spec, "stem_width", "spec"), 3, stride=1 if resolution <= 64 else 2, name="stem")
    raw = spec.get("stages")
    if not isinstance(raw, list) or not raw:
        raise WorkloadError("'stages' must be a non-empty list", item="spec")
    block = 0
    for s, stage in enumerate(raw[:stages]):
        item = f"spec stages[{s}]"
        if not isinstance(stage, Mapping):
            raise WorkloadError(f"a stage is a mapping, got {stage!r}", item=item)
        _check_keys(stage, MBV2_STAGE_KEYS, item)
        depth, expansion, kernel, width, stride = (_int(stage, k, item) for k in MBV2_STAGE_KEYS)
        if kernel % 2 == 0:
            raise WorkloadError(f"'kernel' must be odd, got {kernel}", item=item)
        for b in range(depth):
            block += 1
            x = inverted_residual(nb, x, width, expansion, kernel, stride if b == 0 else 1, f"block{block}")
    return x


def build_mbv2(spec: Mapping[str, Any], *, name: str = "mbv2") -> Workload:
    """The workload of an ``mbv2`` spec (see the module docstring)."""
    _check_keys(spec, MBV2_KEYS, "spec")
    resolution = _int(spec, "resolution", "spec")
    nb = NetBuilder(name)
    x = mbv2_trunk(nb, nb.input(_int(spec, "in_channels", "spec", 3), resolution, resolution), spec)
    x = nb.conv(x, _int(spec, "head_width", "spec"), 1, name="head_conv")
    x = nb.gap(x, name="avgpool")
    nb.fc(x, _int(spec, "num_classes", "spec"), name="classifier")
    return nb.build()


def build_workload(spec: Mapping[str, Any]) -> Workload:
    """A workload from an architecture spec of family ``mbv2`` or ``nb201``."""
    if not isinstance(spec, Mapping):
        raise WorkloadError(f"an architecture spec is a mapping, got {type_name(spec)}", item="spec")
    family = spec.get("family")
    if family == "mbv2":
        return build_mbv2(spec)
    if family == "nb201":
        _check_keys(spec, NB201_KEYS, "spec")
        return nb201.build(spec.get("arch"), spec.get("dataset", "cifar10"))
    raise WorkloadError(f"unknown family {family!r}; expected one of {list(FAMILIES)}", item="spec family")
