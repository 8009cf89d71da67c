"""PyTorch modules built from architecture specs (the same specs ``workloads.builders`` prices).

Two families, as in the architecture-spec contract:

* ``mbv2``: stem 3×3 conv (stride 2, or 1 when ``resolution <= 64``) + BN + ReLU6; per stage,
  ``depth`` inverted-residual blocks (1×1 expand unless ``expansion == 1`` → k×k depthwise, stride on
  the stage's first block, padding k//2 → 1×1 project; BN after each conv, ReLU6 after expand and
  depthwise; residual add when stride 1 and channels match); head 1×1 conv to ``head_width`` + BN +
  ReLU6, global average pool, linear classifier.
* ``nb201``: NAS-Bench-201's ``TinyNetwork`` (C=16, N=5): stem conv + BN, 3 stages of 5 identical
  searched cells separated by two ResNet basic blocks, then BN, ReLU, global pool and linear.
  Cell edges are ``workloads.nb201.live_edges``, the ones the priced workload keeps: ``none`` edges
  and edges on no input-to-output path are left out. Edges that cannot reach the cell output never
  matter; a conv edge whose source cannot be reached from the cell input only adds its BN offset (a
  learned per-channel constant) in the benchmark's network, and is dropped here as in the workload.
  Everything else computes what the benchmark's network computes.

torch is imported inside functions only, so importing this module never needs it.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from workloads.builders import build_workload
from workloads.errors import H2HError, WorkloadError
from workloads.nb201 import CELLS_PER_STAGE, DATASETS as NB201_DATASETS, STEM_CHANNELS, live_edges, parse_arch

from .base import EvaluationError


class TorchMissingError(H2HError):
    """PyTorch is not installed (it comes with the ``train`` extra)."""


def import_torch():
    try:
        import torch
    except ImportError:
        raise TorchMissingError("PyTorch is needed to train candidates: pip install 'h2h[train]'",
                                item="torch") from None
    return torch


@dataclass(frozen=True)
class InputShape:
    """What a spec's network consumes and produces."""

    channels: int
    resolution: int
    num_classes: int


def priced_workload(spec: Mapping[str, Any]):
    """The ``Workload`` the cost model prices for ``spec``; validates the spec (one set of rules,
    those of ``workloads.builders``) and raises EvaluationError carrying the candidate if it is bad."""
    try:
        return build_workload(spec)
    except WorkloadError as e:
        raise EvaluationError(e.message, candidate=spec if isinstance(spec, Mapping) else None,
                              item=e.item) from None


def input_shape(spec: Mapping[str, Any]) -> InputShape:
    """Input channels, resolution and class count of a spec ``priced_workload`` accepts."""
    if spec["family"] == "mbv2":
        return InputShape(spec.get("in_channels", 3), spec["resolution"], spec["num_classes"])
    resolution, classes = NB201_DATASETS[spec.get("dataset", "cifar10")]
    return InputShape(3, resolution, classes)


def build_module(spec: Mapping[str, Any]):
    """A freshly initialised ``torch.nn.Module`` for ``spec`` (seed torch first for repeatability)."""
    import_torch()
    priced_workload(spec)
    shape = input_shape(spec)
    if spec["family"] == "mbv2":
        return _build_mbv2(spec, shape)
    return _build_nb201(spec, shape)


# ---- mbv2 ---------------------------------------------------------------------------------------
def _conv_bn(nn, cin: int, cout: int, k: int, stride: int, groups: int = 1, act: bool = True):
    layers = [nn.Conv2d(cin, cout, k, stride, k // 2, groups=groups, bias=False), nn.BatchNorm2d(cout)]
    if act:
        layers.append(nn.ReLU6(inplace=True))
    return nn.Sequential(*layers)


def _build_mbv2(spec: Mapping[str, Any], shape: InputShape):
    import torch.nn as nn

    class InvertedResidual(nn.Module):
        def __init__(self, cin: int, cout: int, expansion: int, kernel: int, stride: int) -> None:
            super().__init__()
            hidden = cin * expansion
            layers = [] if expansion == 1 else [_conv_bn(nn, cin, hidden, 1, 1)]
            layers += [_conv_bn(nn, hidden, hidden, kernel, stride, groups=hidden),
                       _conv_bn(nn, hidden, cout, 1, 1, act=False)]
            self.body = nn.Sequential(*layers)
            self.residual = stride == 1 and cin == cout

        def forward(self, x):
            y = self.body(x)
            return x + y if self.residual else y

    stem_stride = 1 if shape.resolution <= 64 else 2
    blocks = [_conv_bn(nn, shape.channels, spec["stem_width"], 3, stem_stride)]
    cin = spec["stem_width"]
    for stage in spec["stages"]:
        for b in range(stage["depth"]):
            blocks.append(InvertedResidual(cin, stage["width"], stage["expansion"], stage["kernel"],
                                           stage["stride"] if b == 0 else 1))
            cin = stage["width"]
    head_width = spec["head_width"]
    blocks += [_conv_bn(nn, cin, head_width, 1, 1), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
               nn.Linear(head_width, shape.num_classes)]
    return nn.Sequential(*blocks)


# ---- nb201 --------------------------------------------------------------------------------------
def _build_nb201(spec: Mapping[str, Any], shape: InputShape):
    import torch
    import torch.nn as nn

    live = live_edges(parse_arch(spec["arch"]))  # (source, target, op)

    def relu_conv_bn(cin: int, cout: int, k: int, stride: int):
        return nn.Sequential(nn.ReLU(inplace=False), nn.Conv2d(cin, cout, k, stride, k // 2, bias=False),
                             nn.BatchNorm2d(cout))

    def edge_op(op: str, c: int):
        if op == "nor_conv_3x3":
            return relu_conv_bn(c, c, 3, 1)
        if op == "nor_conv_1x1":
            return relu_conv_bn(c, c, 1, 1)
        if op == "avg_pool_3x3":
            return nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)
        return nn.Identity()  # skip_connect

    class Cell(nn.Module):
        def __init__(self, c: int) -> None:
            super().__init__()
            self.ops = nn.ModuleDict({f"{i}to{j}": edge_op(op, c) for i, j, op in live})

        def forward(self, x):
            nodes = [x]
            for node in (1, 2, 3):
                terms = [self.ops[f"{i}to{j}"](nodes[i]) for i, j, _ in live if j == node]
                nodes.append(sum(terms[1:], terms[0]) if terms else torch.zeros_like(x))
            return nodes[3]

    class ResBlock(nn.Module):
        def __init__(self, cin: int, cout: int) -> None:
            super().__init__()
            self.conv_a = relu_conv_bn(cin, cout, 3, 2)
            self.conv_b = relu_conv_bn(cout, cout, 3, 1)
            self.shortcut = nn.Sequential(nn.AvgPool2d(2, stride=2), nn.Conv2d(cin, cout, 1, bias=False))

        def forward(self, x):
            return self.conv_b(self.conv_a(x)) + self.shortcut(x)

    c = STEM_CHANNELS
    layers = [nn.Conv2d(shape.channels, c, 3, 1, 1, bias=False), nn.BatchNorm2d(c)]
    for stage in range(3):
        if stage:
            layers.append(ResBlock(c, 2 * c))
            c *= 2
        layers += [Cell(c) for _ in range(CELLS_PER_STAGE)]
    layers += [nn.BatchNorm2d(c), nn.ReLU(inplace=False), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
               nn.Linear(c, shape.num_classes)]
    return nn.Sequential(*layers)


# ---- layer facts, to compare with the priced Workload -------------------------------------------
def layer_facts(module, shape: InputShape) -> list[dict[str, int | str]]:
    """Every Conv2d / Linear the forward pass runs, in call order, with its geometry and MACs.

    Keys: ``op`` (``conv2d``, ``dwconv`` or ``gemm``), ``in_channels``, ``out_channels``, ``in_h``,
    ``kernel``, ``stride``, ``groups``, ``macs``; from one forward pass at batch 1.
    """
    torch = import_torch()
    nn = torch.nn
    facts: list[dict[str, int | str]] = []

    def hook(mod, inputs, output):
        x = inputs[0]
        if isinstance(mod, nn.Conv2d):
            per_out = (mod.in_channels // mod.groups) * mod.kernel_size[0] * mod.kernel_size[1]
            dw = mod.groups > 1 and mod.groups == mod.in_channels
            facts.append({"op": "dwconv" if dw else "conv2d", "in_channels": mod.in_channels,
                          "out_channels": mod.out_channels, "in_h": int(x.shape[2]),
                          "kernel": mod.kernel_size[0], "stride": mod.stride[0], "groups": mod.groups,
                          "macs": int(output[0].numel()) * per_out})
        else:
            facts.append({"op": "gemm", "in_channels": mod.in_features, "out_channels": mod.out_features,
                          "in_h": 1, "kernel": 1, "stride": 1, "groups": 1,
                          "macs": mod.in_features * mod.out_features})

    handles = [m.register_forward_hook(hook) for m in module.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    was_training = module.training
    module.eval()
    try:
        with torch.no_grad():
            module(torch.zeros(1, shape.channels, shape.resolution, shape.resolution))
    finally:
        module.train(was_training)
        for h in handles:
            h.remove()
    return facts
