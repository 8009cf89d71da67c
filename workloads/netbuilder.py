"""A small helper that builds a :class:`Workload` the way a framework builds a network.

Each method creates one :class:`Layer`, wires edges from the tensors it is given and returns the new
output tensor, so model code reads like a forward pass and shapes can never disagree. The zoo, the
NAS-Bench-201 builder and the architecture builders all use it; nothing else needs it.

Conventions: feature maps are ``(1, C, H, W)`` (batch 1), token sequences ``(T, D)``. BN and
activations are folded into the layer they follow (no graph nodes), as a mapper sees them.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from .graph import Workload
from .layer import Layer


@dataclass(frozen=True)
class Tensor:
    """An activation: the layer that produced it (None = a model input read from host memory)."""

    src: str | None
    shape: tuple[int, ...]

    @property
    def c(self) -> int:
        return self.shape[1]

    @property
    def h(self) -> int:
        return self.shape[2]

    @property
    def w(self) -> int:
        return self.shape[3]

    @property
    def elements(self) -> int:
        return math.prod(self.shape)


class NetBuilder:
    """Accumulates layers and edges; ``model`` and ``prefix`` tag and name what is added next."""

    def __init__(self, name: str, *, model: str = "main", elem_bytes: int = 1) -> None:
        self.name = name
        self.model = model
        self.prefix = ""
        self.elem_bytes = elem_bytes
        self._layers: list[Layer] = []
        self._edges: list[tuple[str, str, int]] = []

    # ---- plumbing -------------------------------------------------------------------------------
    def _emit(self, name: str, op: str, inputs: Sequence[Tensor], **fields) -> Tensor:
        layer = Layer(self.prefix + name, op, model=self.model, elem_bytes=self.elem_bytes, **fields)
        self._layers.append(layer)
        for port, t in enumerate(inputs):
            if t.src is not None:
                self._edges.append((t.src, layer.name, port))
        return Tensor(layer.name, layer.output_shape)

    @staticmethod
    def input(*shape: int) -> Tensor:
        """A model input (from host memory): ``input(3, 224, 224)`` or ``input(T, D)``."""
        return Tensor(None, (1, *shape) if len(shape) == 3 else tuple(shape))

    def build(self) -> Workload:
        return Workload(self.name, self._layers, self._edges)

    @property
    def layers(self) -> list[Layer]:
        return list(self._layers)

    # ---- convolutions and pooling ---------------------------------------------------------------
    def conv(self, x: Tensor, out: int, k: int | tuple[int, int], *, name: str, stride: int = 1,
             pad: int | None = None, groups: int = 1, dilation: int = 1) -> Tensor:
        """Conv (+ folded BN/activation); ``pad`` defaults to 'same' for odd kernels."""
        kr, ks = (k, k) if isinstance(k, int) else k
        padding = (dilation * (kr // 2), dilation * (ks // 2)) if pad is None else pad
        return self._emit(name, "conv2d", [x], in_channels=x.c, out_channels=out, in_h=x.h,
                          in_w=x.w, kernel=(kr, ks), stride=stride, padding=padding, groups=groups,
                          dilation=dilation)

    def dwconv(self, x: Tensor, k: int, *, name: str, stride: int = 1, pad: int | None = None) -> Tensor:
        return self._emit(name, "dwconv", [x], in_channels=x.c, out_channels=x.c, in_h=x.h, in_w=x.w,
                          kernel=k, stride=stride, padding=k // 2 if pad is None else pad,
                          groups=x.c)

    def pool(self, x: Tensor, k: int, *, name: str, stride: int | None = None, pad: int = 0,
             kind: str = "max") -> Tensor:
        return self._emit(name, "pool", [x], in_channels=x.c, out_channels=x.c, in_h=x.h, in_w=x.w,
                          kernel=k, stride=k if stride is None else stride, padding=pad,
                          attrs=(("pool", kind),))

    def gap(self, x: Tensor, *, name: str) -> Tensor:
        """Global average pool to ``(1, C, 1, 1)``."""
        return self._emit(name, "pool", [x], in_channels=x.c, out_channels=x.c, in_h=x.h, in_w=x.w,
                          kernel=(x.h, x.w), stride=(x.h, x.w), attrs=(("pool", "avg"),))

    # ---- matrix products ------------------------------------------------------------------------
    def fc(self, x: Tensor, out: int, *, name: str) -> Tensor:
        """Fully connected on a flattened feature map (m = 1) or per token of a ``(T, D)`` sequence."""
        m, k = (x.shape[0], x.shape[1]) if len(x.shape) == 2 else (1, x.elements)
        return self._emit(name, "gemm", [x], m=m, k=k, n=out)

    def gemm(self, x: Tensor, *, m: int, k: int, n: int, name: str) -> Tensor:
        """Fully connected with explicit sizes: (m x k) activations times a (k x n) weight."""
        return self._emit(name, "gemm", [x], m=m, k=k, n=n)

    def matmul(self, a: Tensor, b: Tensor, *, m: int, k: int, n: int, batch: int = 1,
               name: str) -> Tensor:
        """Product of two activations, ``batch`` times (m x k) @ (k x n), e.g. attention heads."""
        return self._emit(name, "matmul", [a, b], m=m, k=k, n=n, batch=batch)

    # ---- zero-MAC ops ---------------------------------------------------------------------------
    def add(self, *xs: Tensor, name: str) -> Tensor:
        """Elementwise sum (residual); the operand with most elements sets the output shape."""
        big = max(xs, key=lambda t: t.elements)
        return self._emit(name, "add", xs, shape=big.shape, num_inputs=len(xs))

    def mul(self, *xs: Tensor, name: str) -> Tensor:
        """Elementwise product with broadcasting (e.g. squeeze-and-excitation scaling)."""
        big = max(xs, key=lambda t: t.elements)
        return self._emit(name, "mul", xs, shape=big.shape, num_inputs=len(xs))

    def concat(self, xs: Sequence[Tensor], *, name: str, axis: int = 1) -> Tensor:
        shape = list(xs[0].shape)
        shape[axis] = sum(t.shape[axis] for t in xs)
        return self._emit(name, "concat", xs, shape=tuple(shape))

    def reshape(self, x: Tensor, shape: Sequence[int], *, name: str, kind: str = "reshape") -> Tensor:
        return self._emit(name, "reshape", [x], shape=tuple(shape), attrs=(("kind", kind),))

    def norm(self, x: Tensor, *, name: str, kind: str = "layernorm") -> Tensor:
        return self._emit(name, "norm", [x], shape=x.shape, attrs=(("kind", kind),))

    def act(self, x: Tensor, *, name: str, kind: str) -> Tensor:
        return self._emit(name, "act", [x], shape=x.shape, attrs=(("kind", kind),))

    def passthrough(self, xs: Sequence[Tensor], shape: Sequence[int], *, name: str, kind: str) -> Tensor:
        """A zero-MAC op the IR has no kind for (upsample, crop, slice); ``kind`` says which."""
        return self._emit(name, "passthrough", xs, shape=tuple(shape), attrs=(("kind", kind),))

    # ---- composite ------------------------------------------------------------------------------
    def upconv2x(self, x: Tensor, out: int, *, name: str) -> Tensor:
        """A 2x2 stride-2 transposed conv, as a 1x1 conv to 4*out channels plus depth-to-space.

        The two are the same computation (sub-pixel convolution): identical MACs, weights and
        tensor sizes, expressed with ops the IR has.
        """
        y = self.conv(x, 4 * out, 1, name=name)
        return self.reshape(y, (1, out, 2 * x.h, 2 * x.w), name=name + "_d2s", kind="depth_to_space")

    def upsample(self, x: Tensor, factor: int, *, name: str) -> Tensor:
        """Nearest/bilinear resize by ``factor`` (zero MACs)."""
        return self.passthrough([x], (1, x.c, x.h * factor, x.w * factor), name=name, kind="upsample")
