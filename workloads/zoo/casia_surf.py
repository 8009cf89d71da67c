"""CASIA-SURF multi-modal face anti-spoofing network (Zhang, Liu, Yang, Escalera, Wan, Wang, Li,
"A Dataset and Benchmark for Large-scale Multi-modal Face Anti-spoofing", CVPR 2019,
arXiv:1812.00408), Figure 4 of the paper.

Three streams (RGB, depth, IR), each the first three blocks (res1-res3) of a ResNet-18, reach a
stride-8 feature map; each is re-weighted by squeeze-and-excitation fusion (SEF: global pool, FC
down by 16, FC up, channel-wise multiply), the three are concatenated and a shared tail (res4, res5
of ResNet-18, global pool, FC to real/fake) classifies. Inputs are 112x112 face crops.

The template takes one backbone per modality (``build_mmmt``): any name in :data:`BACKBONES`; its
layers up to stride 8 form the stream, so the tail adapts to the concatenated channel count.
"""
from __future__ import annotations

from collections.abc import Mapping

from ..errors import WorkloadError
from ..graph import Workload
from ..netbuilder import NetBuilder, Tensor
from ..builders import mbv2_trunk
from . import resnet
from .mobilenet import mobilenetv2_spec

SE_REDUCTION = 16
MODALITIES = ("rgb", "depth", "ir")


def _resnet_branch(depth: str):
    def branch(nb: NetBuilder, x: Tensor) -> Tensor:
        return resnet.trunk(nb, x, depth, range(2))  # res1-res3: stem, conv2_x, conv3_x
    return branch


def _mbv2_branch(nb: NetBuilder, x: Tensor) -> Tensor:
    return mbv2_trunk(nb, x, mobilenetv2_spec(x.h), stages=3)  # up to the stride-8 stage (32 ch)


# backbone name -> builder of its layers up to a stride-8 feature map
BACKBONES = {
    "resnet18": _resnet_branch("resnet18"),
    "resnet34": _resnet_branch("resnet34"),
    "resnet50": _resnet_branch("resnet50"),
    "mobilenetv2": _mbv2_branch,
}


def squeeze_excite(nb: NetBuilder, x: Tensor, name: str, reduction: int = SE_REDUCTION) -> Tensor:
    """Squeeze-and-excitation (Hu, Shen, Sun, CVPR 2018): gap, FC down, FC up (sigmoid folded), scale."""
    s = nb.gap(x, name=f"{name}_squeeze")
    s = nb.fc(s, max(1, x.c // reduction), name=f"{name}_fc1")
    s = nb.fc(s, x.c, name=f"{name}_fc2")
    return nb.mul(x, s, name=f"{name}_scale")


def casia_surf(backbones: Mapping[str, str] | None = None, *, resolution: int = 112,
               num_classes: int = 2, name: str | None = None) -> Workload:
    """CASIA-SURF baseline (Zhang et al., CVPR 2019); ``backbones`` maps modality -> backbone name."""
    backbones = dict(backbones or {m: "resnet18" for m in MODALITIES})
    if not backbones:
        raise WorkloadError("needs at least one modality", item="backbones")
    for modality, choice in backbones.items():
        if not isinstance(modality, str) or not modality.isidentifier():
            raise WorkloadError(f"a modality name is an identifier, got {modality!r}", item="backbones")
        if choice not in BACKBONES:
            raise WorkloadError(f"unknown backbone {choice!r}; expected one of {sorted(BACKBONES)}",
                                item=f"backbones['{modality}']")
    if name is None:
        name = "casia_surf" if backbones == {m: "resnet18" for m in MODALITIES} else \
            "casia_surf[" + ",".join(f"{m}={b}" for m, b in backbones.items()) + "]"
    nb = NetBuilder(name)
    streams = []
    for modality, choice in backbones.items():
        nb.model, nb.prefix = modality, f"{modality}_"
        x = BACKBONES[choice](nb, nb.input(3, resolution, resolution))
        streams.append(squeeze_excite(nb, x, "sef"))
    nb.model, nb.prefix = "fusion", "fusion_"
    x = nb.concat(streams, name="concat") if len(streams) > 1 else streams[0]
    x = resnet.stage(nb, x, "resnet18", 2)  # res4
    x = resnet.stage(nb, x, "resnet18", 3)  # res5
    x = nb.gap(x, name="avgpool")
    nb.fc(x, num_classes, name="fc")
    return nb.build()


def build_mmmt(backbones: Mapping[str, str], *, resolution: int = 112, num_classes: int = 2,
               name: str | None = None) -> Workload:
    """The template with one backbone per modality (the search space's per-modality choice), e.g.
    ``build_mmmt({"rgb": "resnet18", "depth": "mobilenetv2", "ir": "resnet18"})``; see BACKBONES."""
    return casia_surf(backbones=backbones, resolution=resolution, num_classes=num_classes, name=name)
