"""The model zoo: named workloads, each built by a function documented with the paper it follows.

``list_zoo()`` describes every entry; ``build(name, **kwargs)`` builds one (keyword arguments go to
its builder, e.g. ``build("bert_base", seq_len=256)``). Multi-modal multi-task entries have
``mmmt=True`` and tag each layer with its modality or task in ``Layer.model``.
"""
from __future__ import annotations

import difflib
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import WorkloadError
from ..graph import Workload
from .casia_surf import casia_surf
from .facebagnet import facebagnet
from .mobilenet import mobilenetv2
from .resnet import resnet18, resnet34, resnet50
from .transformer import bert_base, vit_b16
from .unet import unet
from .vgg import vgg16
from .vlocnet import vlocnet
from .xr import xr_set


@dataclass(frozen=True)
class ZooEntry:
    name: str
    description: str
    paper: str
    mmmt: bool
    builder: Callable[..., Workload]

    def info(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description, "paper": self.paper,
                "mmmt": self.mmmt}


_ENTRIES = (
    ZooEntry("resnet18", "ResNet-18, 224x224, 1000 classes",
             "He et al., Deep Residual Learning for Image Recognition, CVPR 2016", False, resnet18),
    ZooEntry("resnet34", "ResNet-34, 224x224, 1000 classes",
             "He et al., Deep Residual Learning for Image Recognition, CVPR 2016", False, resnet34),
    ZooEntry("resnet50", "ResNet-50 v1.5, 224x224, 1000 classes",
             "He et al., Deep Residual Learning for Image Recognition, CVPR 2016", False, resnet50),
    ZooEntry("mobilenetv2", "MobileNetV2 1.0, 224x224, 1000 classes",
             "Sandler et al., MobileNetV2: Inverted Residuals and Linear Bottlenecks, CVPR 2018",
             False, mobilenetv2),
    ZooEntry("vgg16", "VGG-16 (configuration D), 224x224, 1000 classes",
             "Simonyan and Zisserman, Very Deep Convolutional Networks, ICLR 2015", False, vgg16),
    ZooEntry("unet", "U-Net, 572x572 grey input, valid convs, 2 classes",
             "Ronneberger et al., U-Net, MICCAI 2015", False, unet),
    ZooEntry("bert_base", "BERT-base encoder, 12 layers, sequence length 128",
             "Devlin et al., BERT, NAACL 2019", False, bert_base),
    ZooEntry("vit_b16", "ViT-B/16, 224x224, 1000 classes",
             "Dosovitskiy et al., An Image is Worth 16x16 Words, ICLR 2021", False, vit_b16),
    ZooEntry("casia_surf", "3-modality face anti-spoofing: RGB/depth/IR ResNet-18 streams, SE fusion, "
             "shared res4-res5 tail, 112x112",
             "Zhang et al., A Dataset and Benchmark for Large-scale Multi-modal Face Anti-spoofing, "
             "CVPR 2019", True, casia_surf),
    ZooEntry("facebagnet", "multi-modal patch network: RGB/depth/IR SE-ResNeXt streams on 48x48 "
             "patches, concatenated, shared tail",
             "Shen et al., FaceBagNet: Bag-of-local-features Model for Multi-modal Face "
             "Anti-spoofing, CVPRW 2019", True, facebagnet),
    ZooEntry("vlocnet", "multi-task global pose + odometry on ResNet-50 streams, 224x224",
             "Valada et al., Deep Auxiliary Learning for Visual Localization and Odometry, ICRA 2018",
             True, vlocnet),
    ZooEntry("xr_set", "concurrent AR/VR tasks: hand tracking, eye segmentation, depth estimation, "
             "keyword spotting, speech recognition",
             "Kwon et al., XRBench: An Extended Reality Machine Learning Benchmark Suite for the "
             "Metaverse, MLSys 2023", True, xr_set),
)
ZOO: dict[str, ZooEntry] = {e.name: e for e in _ENTRIES}


def list_zoo() -> list[dict[str, Any]]:
    """``[{name, description, paper, mmmt}, ...]`` in a fixed order."""
    return [e.info() for e in _ENTRIES]


def names() -> list[str]:
    return list(ZOO)


def unknown_name_error(name: str, known: list[str]) -> WorkloadError:
    close = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    hint = f"did you mean {', '.join(close)}?" if close else f"known: {', '.join(known)}"
    return WorkloadError(f"unknown workload name; {hint}", item=f"'{name}'")


def build(name: str, *, precision: Any = None, **kwargs: Any) -> Workload:
    """Build zoo workload ``name``; ``kwargs`` go to its builder. ``precision`` (``"fp16"``, ...,
    see :mod:`workloads.precision`) replaces the zoo's 8-bit default."""
    entry = ZOO.get(name)
    if entry is None:
        raise unknown_name_error(name, names())
    params = inspect.signature(entry.builder).parameters
    bad = sorted(set(kwargs) - set(params))
    if bad:
        raise WorkloadError(f"unknown option(s) {bad}; {name} takes {sorted(params)}", item=f"'{name}'")
    from ..precision import apply_precision

    return apply_precision(entry.builder(**kwargs), precision)


__all__ = ["ZOO", "ZooEntry", "build", "list_zoo", "names"]
