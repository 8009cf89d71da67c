"""An AR/VR multi-task set in the style of XRBench (Kwon et al., "XRBench: An Extended Reality (XR)
Machine Learning Benchmark Suite for the Metaverse", MLSys 2023, arXiv:2211.08675): several models
that run concurrently on one headset, as one graph with a source and a sink per model.

The models, each tagged with its task, follow these papers (sizes are the defaults stated here):

* ``hand_tracking``: a MobileNetV2 backbone (Sandler et al., CVPR 2018) at 224x224 regressing 21
  3-d hand keypoints with an FC head.
* ``eye_segmentation``: RITnet (Chaudhary et al., "RITnet: Real-time Semantic Segmentation of the
  Eye for Gaze Tracking", ICCVW 2019): 640x400 grey input, five densely connected down blocks and
  four up blocks of 32 channels, four classes.
* ``depth_estimation``: FastDepth (Wofk, Ma, Yang, Karaman, Sze, "FastDepth: Fast Monocular Depth
  Estimation on Embedded Systems", ICRA 2019): MobileNet encoder, NNConv5 decoder (5x5 depthwise +
  pointwise + nearest upsampling) with additive skips, 224x224.
* ``keyword_spotting``: res15 (Tang and Lin, "Deep Residual Learning for Small-Footprint Keyword
  Spotting", ICASSP 2018): 45-channel dilated 3x3 convs on 101x40 MFCCs, 12 keywords.
* ``speech_recognition``: a streaming Transformer encoder of Emformer-base size (Shi et al.,
  "Emformer: Efficient Memory Transformer Based Acoustic Model for Low Latency Streaming Speech
  Recognition", ICASSP 2021): 20 layers, d=512, 8 heads, FFN 2048, on a 32-frame chunk of 80-d
  features stacked by 4, with a 1024-way output layer.

Upsampling is a zero-MAC ``passthrough`` of kind ``upsample``.
"""
from __future__ import annotations

from ..builders import mbv2_trunk
from ..errors import WorkloadError
from ..graph import Workload
from ..netbuilder import NetBuilder, Tensor
from .mobilenet import mobilenetv2_spec
from .transformer import encoder


def hand_tracking(nb: NetBuilder, resolution: int = 224, keypoints: int = 21) -> None:
    spec = mobilenetv2_spec(resolution)
    x = mbv2_trunk(nb, nb.input(3, resolution, resolution), spec)
    x = nb.conv(x, 1280, 1, name="head_conv")
    x = nb.gap(x, name="avgpool")
    nb.fc(x, 3 * keypoints, name="keypoints")


def _ritnet_down(nb: NetBuilder, x: Tensor, width: int, pool: bool, name: str) -> Tensor:
    if pool:
        x = nb.pool(x, 2, kind="avg", name=f"{name}_pool")
    x1 = nb.conv(x, width, 3, name=f"{name}_conv1")
    x21 = nb.concat([x, x1], name=f"{name}_cat1")
    x22 = nb.conv(nb.conv(x21, width, 1, name=f"{name}_conv21"), width, 3, name=f"{name}_conv22")
    x31 = nb.concat([x21, x22], name=f"{name}_cat2")
    return nb.conv(nb.conv(x31, width, 1, name=f"{name}_conv31"), width, 3, name=f"{name}_conv32")


def _ritnet_up(nb: NetBuilder, x: Tensor, skip: Tensor, width: int, name: str) -> Tensor:
    x = nb.upsample(x, 2, name=f"{name}_upsample")
    x = nb.concat([x, skip], name=f"{name}_cat1")
    x1 = nb.conv(nb.conv(x, width, 1, name=f"{name}_conv11"), width, 3, name=f"{name}_conv12")
    x21 = nb.concat([x, x1], name=f"{name}_cat2")
    return nb.conv(nb.conv(x21, width, 1, name=f"{name}_conv21"), width, 3, name=f"{name}_conv22")


def eye_segmentation(nb: NetBuilder, height: int = 400, width: int = 640, channels: int = 32) -> None:
    x = nb.input(1, height, width)
    skips = []
    for i in range(5):
        x = _ritnet_down(nb, x, channels, pool=i > 0, name=f"down{i}")
        skips.append(x)
    for i in range(4):
        x = _ritnet_up(nb, x, skips[3 - i], channels, name=f"up{i}")
    nb.conv(x, 4, 1, name="classifier")


# MobileNet (v1) encoder of FastDepth: (output channels, stride) of each depthwise-separable block
MOBILENET_V1 = ((64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2), (512, 1), (512, 1),
                (512, 1), (512, 1), (512, 1), (1024, 2), (1024, 1))


def depth_estimation(nb: NetBuilder, resolution: int = 224) -> None:
    x = nb.conv(nb.input(3, resolution, resolution), 32, 3, stride=2, name="enc_conv0")
    features: dict[int, Tensor] = {}  # spatial size -> last encoder feature at that size
    for i, (out, stride) in enumerate(MOBILENET_V1, start=1):
        x = nb.dwconv(x, 3, stride=stride, name=f"enc{i}_dw")
        x = nb.conv(x, out, 1, name=f"enc{i}_pw")
        features[x.h] = x  # FastDepth skips from the last encoder layer at each scale
    for i, out in enumerate((512, 256, 128, 64, 32), start=1):
        x = nb.dwconv(x, 5, name=f"dec{i}_dw")
        x = nb.conv(x, out, 1, name=f"dec{i}_pw")
        x = nb.upsample(x, 2, name=f"dec{i}_upsample")
        skip = features.get(x.h)
        if i in (2, 3, 4) and skip is not None and skip.c == x.c:
            x = nb.add(x, skip, name=f"dec{i}_skip")
    nb.conv(x, 1, 1, name="depth")


def keyword_spotting(nb: NetBuilder, frames: int = 101, mfcc: int = 40, keywords: int = 12,
                     layers: int = 13, width: int = 45) -> None:
    x = nb.conv(nb.input(1, frames, mfcc), width, 3, name="conv0")
    old = x
    for i in range(1, layers + 1):
        d = 2 ** ((i - 1) // 3)
        x = nb.conv(x, width, 3, dilation=d, name=f"conv{i}")
        if i % 2 == 0:
            x = old = nb.add(x, old, name=f"res{i // 2}")
    x = nb.gap(x, name="avgpool")
    nb.fc(x, keywords, name="fc")


def speech_recognition(nb: NetBuilder, frames: int = 32, layers: int = 20, d_model: int = 512,
                       heads: int = 8, d_ff: int = 2048, feat: int = 80 * 4, vocab: int = 1024) -> None:
    x = nb.fc(nb.input(frames, feat), d_model, name="input_proj")
    x = encoder(nb, x, layers=layers, heads=heads, d_ff=d_ff)
    nb.fc(x, vocab, name="output")


TASKS = {
    "hand_tracking": hand_tracking,
    "eye_segmentation": eye_segmentation,
    "depth_estimation": depth_estimation,
    "keyword_spotting": keyword_spotting,
    "speech_recognition": speech_recognition,
}


def xr_set(tasks: tuple[str, ...] = tuple(TASKS)) -> Workload:
    """The concurrent XR task set (XRBench-style); ``tasks`` picks a subset."""
    unknown = [t for t in tasks if t not in TASKS]
    if unknown:
        raise WorkloadError(f"unknown task(s) {unknown}; expected some of {list(TASKS)}", item="tasks")
    nb = NetBuilder("xr_set")
    for task in tasks:
        nb.model, nb.prefix = task, f"{task}_"
        TASKS[task](nb)
    return nb.build()
