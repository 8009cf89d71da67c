"""Small PyTorch networks the ONNX/PyTorch import tests export themselves (torch is in the test env).

ResNet-18 follows torchvision's definition (He et al., CVPR 2016); the others are small multi-input,
multi-head networks and a ViT written the way timm writes attention (sizes read from ``x.shape``, so
the legacy exporter emits Shape -> Gather -> Concat -> Reshape chains).
"""
from __future__ import annotations

import torch
from torch import nn


class BasicBlock(nn.Module):
    def __init__(self, cin: int, cout: int, stride: int) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU()
        self.down = None
        if stride != 1 or cin != cout:
            self.down = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        y = self.relu(self.bn1(self.conv1(x)))
        y = self.bn2(self.conv2(y))
        return self.relu(y + (x if self.down is None else self.down(x)))


class ResNet18(nn.Module):
    """torchvision's resnet18: 1.814 GMACs at 224x224, 11.69 M parameters (11.68 M in conv/fc weights)."""

    def __init__(self, num_classes: int = 1000, width: int = 64) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(3, width, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.relu = nn.ReLU()
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        blocks, cin = [], width
        for i, stride in enumerate((1, 2, 2, 2)):
            cout = width * 2**i
            blocks += [BasicBlock(cin, cout, stride), BasicBlock(cout, cout, 1)]
            cin = cout
        self.layers = nn.Sequential(*blocks)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(cin, num_classes)

    def forward(self, x):
        x = self.maxpool(self.relu(self.bn1(self.conv1(x))))
        x = self.avgpool(self.layers(x))
        return self.fc(torch.flatten(x, 1))


def _branch(cin: int, width: int) -> nn.Sequential:
    return nn.Sequential(nn.Conv2d(cin, width, 3, 2, 1), nn.BatchNorm2d(width), nn.ReLU(),
                         nn.Conv2d(width, width, 3, 1, 1), nn.BatchNorm2d(width), nn.Hardswish())


class ThreeModal(nn.Module):
    """RGB, depth and IR branches, a concat fusion, a shared tail and two task heads."""

    def __init__(self, width: int = 16) -> None:
        super().__init__()
        self.rgb = _branch(3, width)
        self.depth = _branch(1, width)
        self.ir = _branch(1, width)
        self.tail = nn.Sequential(nn.Conv2d(3 * width, 2 * width, 3, 2, 1), nn.ReLU(),
                                  nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.spoof = nn.Linear(2 * width, 2)
        self.quality = nn.Sequential(nn.Linear(2 * width, 16), nn.Hardsigmoid(), nn.Linear(16, 1))

    def forward(self, rgb, depth, ir):
        x = torch.cat([self.rgb(rgb), self.depth(depth), self.ir(ir)], 1)
        x = self.tail(x)
        return self.spoof(x), self.quality(x)


class TwoBranch(nn.Module):
    """Two image inputs, a concat fusion and one classifier."""

    def __init__(self, width: int = 8) -> None:
        super().__init__()
        self.a = nn.Sequential(nn.Conv2d(3, width, 3, 1, 1), nn.ReLU())
        self.b = nn.Sequential(nn.Conv2d(1, width, 3, 1, 1), nn.ReLU())
        self.head = nn.Sequential(nn.Conv2d(2 * width, width, 1), nn.ReLU(), nn.AdaptiveAvgPool2d(1),
                                  nn.Flatten(), nn.Linear(width, 4))

    def forward(self, image, mask):
        return self.head(torch.cat([self.a(image), self.b(mask)], 1))


class Attention(nn.Module):
    def __init__(self, dim: int, heads: int) -> None:
        super().__init__()
        self.heads = heads
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        b, n, c = x.shape
        qkv = self.qkv(x).reshape(b, n, 3, self.heads, c // self.heads).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        attn = (q @ k.transpose(-2, -1)) * (c // self.heads) ** -0.5
        x = (attn.softmax(-1) @ v).transpose(1, 2).reshape(b, n, c)
        return self.proj(x)


class Block(nn.Module):
    def __init__(self, dim: int, heads: int) -> None:
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = Attention(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = nn.Sequential(nn.Linear(dim, 4 * dim), nn.GELU(), nn.Linear(4 * dim, dim))

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class ViT(nn.Module):
    """A ViT (Dosovitskiy et al.): patch embedding, class token, position embedding, blocks, head."""

    def __init__(self, image: int = 32, patch: int = 8, dim: int = 64, depth: int = 6, heads: int = 4,
                 num_classes: int = 10) -> None:
        super().__init__()
        self.embed = nn.Conv2d(3, dim, patch, patch)
        tokens = (image // patch) ** 2 + 1
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos = nn.Parameter(torch.zeros(1, tokens, dim))
        self.blocks = nn.Sequential(*[Block(dim, heads) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim)
        self.head = nn.Linear(dim, num_classes)

    def forward(self, x):
        x = self.embed(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], 1) + self.pos
        x = self.norm(self.blocks(x))
        return self.head(x[:, 0])


class TextEncoder(nn.Module):
    """Token embedding, PyTorch's own nn.TransformerEncoder (its fused inference path in eval mode),
    mean over tokens, classifier."""

    def __init__(self, vocab: int = 1000, dim: int = 128, heads: int = 4, ffn: int = 256, depth: int = 4,
                 classes: int = 3) -> None:
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        layer = nn.TransformerEncoderLayer(dim, heads, ffn, batch_first=True)
        self.enc = nn.TransformerEncoder(layer, depth, enable_nested_tensor=False)
        self.cls = nn.Linear(dim, classes)

    def forward(self, tokens):
        return self.cls(self.enc(self.emb(tokens)).mean(1))


def torch_macs(module: nn.Module, args: tuple) -> int:
    """Multiply-accumulates by PyTorch's own FLOP counter (2 FLOPs per MAC for conv and matmul)."""
    from torch.utils.flop_counter import FlopCounterMode

    module.eval()
    with FlopCounterMode(display=False) as counter, torch.no_grad():
        module(*args)
    return counter.get_total_flops() // 2


def export(module: nn.Module, args: tuple, path, *, dynamo: bool, input_names=None, output_names=None):
    """``torch.onnx.export`` of ``module`` in eval mode to ``path`` with the chosen exporter."""
    module.eval()
    kw = {"input_names": input_names, "output_names": output_names} if input_names or output_names else {}
    torch.onnx.export(module, args, str(path), dynamo=dynamo, **kw)
    return path
