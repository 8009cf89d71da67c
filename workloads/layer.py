"""One DNN layer as plain, frozen data.

A layer is described the way a framework describes it (padding, groups, dilation, batch), not the way
a cost model wants it; ``costmodels`` converts. Derived counts (MACs, weights, tensor sizes) are
properties, so they can never disagree with the dimensions they come from.

Field conventions, by op kind:

* ``conv2d``, ``dwconv``, ``pool``: ``batch`` × ``in_channels`` × ``in_h`` × ``in_w`` input (before
  padding), ``out_channels`` output channels, ``kernel`` = (R, S), ``stride`` = (y, x), ``padding`` =
  (top, left, bottom, right), ``dilation`` = (y, x), ``groups``. A ``dwconv`` has
  ``groups == in_channels`` and ``out_channels`` a multiple of ``in_channels``.
* ``gemm`` (fully connected, weight operand) and ``matmul`` (two activations, as in attention):
  ``batch`` independent products of an ``m`` × ``k`` matrix by a ``k`` × ``n`` matrix.
* ``add``, ``mul``, ``concat``, ``norm``, ``act``, ``reshape``, ``passthrough``: ``shape`` is the
  output tensor shape; ``num_inputs`` counts operands of ``add``/``mul``. These cost zero MACs.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any

from .errors import WorkloadError, type_name


class Op(str, Enum):
    CONV2D = "conv2d"
    DWCONV = "dwconv"
    GEMM = "gemm"
    MATMUL = "matmul"
    POOL = "pool"
    ADD = "add"
    MUL = "mul"
    CONCAT = "concat"
    NORM = "norm"
    ACT = "act"
    RESHAPE = "reshape"
    PASSTHROUGH = "passthrough"

    def __str__(self) -> str:  # so f-strings and YAML show "conv2d", not "Op.CONV2D"
        return self.value


CONV_LIKE = frozenset({Op.CONV2D, Op.DWCONV, Op.POOL})
MATRIX_OPS = frozenset({Op.GEMM, Op.MATMUL})
MAC_OPS = frozenset({Op.CONV2D, Op.DWCONV, Op.GEMM, Op.MATMUL})
SHAPE_OPS = frozenset({Op.ADD, Op.MUL, Op.CONCAT, Op.NORM, Op.ACT, Op.RESHAPE, Op.PASSTHROUGH})

# Sanity bounds, checked when a layer is made, so that absurd sizes are a WorkloadError naming the
# field instead of an overflow deep in the (int64, numpy) cost model. No real network comes close:
# every integer field (a size, kernel, stride, padding, batch, ...) is at most 2**31 - 1, and a
# layer's MACs and each of its tensors (elements, and bytes) at most 2**48 (2.8e14; the largest
# GPT-3 layer over 2048 tokens is 1.2e12 MACs), which leaves the cost model's int64 products room.
MAX_DIM = 2**31 - 1
MAX_LAYER_ELEMENTS = 2**48


def _pair(value: Any, name: str, layer: str) -> tuple[int, int]:
    if isinstance(value, int):
        return (value, value)
    t = tuple(value)
    if len(t) != 2:
        raise WorkloadError(f"{name} must be an int or a pair, got {value!r}", item=f"layer '{layer}'")
    return (int(t[0]), int(t[1]))


def _pads(value: Any, layer: str) -> tuple[int, int, int, int]:
    if isinstance(value, int):
        return (value,) * 4
    t = tuple(int(v) for v in value)
    if len(t) == 2:  # (pad_y, pad_x), symmetric
        return (t[0], t[1], t[0], t[1])
    if len(t) != 4:
        raise WorkloadError(
            f"padding must be an int, (y, x) or (top, left, bottom, right), got {value!r}",
            item=f"layer '{layer}'",
        )
    return t  # type: ignore[return-value]


@dataclass(frozen=True)
class Layer:
    """A node of a :class:`~workloads.graph.Workload`; see the module docstring for conventions."""

    name: str
    op: Op
    model: str = "main"
    batch: int = 1
    in_channels: int = 0
    out_channels: int = 0
    in_h: int = 0
    in_w: int = 0
    kernel: tuple[int, int] = (1, 1)
    stride: tuple[int, int] = (1, 1)
    padding: tuple[int, int, int, int] = (0, 0, 0, 0)
    dilation: tuple[int, int] = (1, 1)
    groups: int = 1
    m: int = 0
    k: int = 0
    n: int = 0
    shape: tuple[int, ...] = ()
    num_inputs: int = 1
    elem_bytes: int = 1
    weight_elem_bytes: int = 0   # bytes per weight element when they differ from elem_bytes (0: same)
    attrs: tuple[tuple[str, str], ...] = field(default=(), compare=True)

    def __post_init__(self) -> None:
        item = f"layer '{self.name}'"
        if not isinstance(self.name, str) or not self.name:
            raise WorkloadError("a layer needs a non-empty string name", item=repr(self.name))
        if not isinstance(self.model, str) or not self.model:
            raise WorkloadError(f"'model' (the modality or task tag) must be a non-empty string, "
                                f"got {self.model!r}", item=f"layer '{self.name}'")
        try:
            op = Op(self.op)
        except ValueError:
            known = ", ".join(o.value for o in Op)
            raise WorkloadError(f"unknown op {self.op!r}; expected one of: {known}", item=item) from None
        set_ = object.__setattr__
        set_(self, "op", op)
        set_(self, "kernel", _pair(self.kernel, "kernel", self.name))
        set_(self, "stride", _pair(self.stride, "stride", self.name))
        set_(self, "dilation", _pair(self.dilation, "dilation", self.name))
        set_(self, "padding", _pads(self.padding, self.name))
        set_(self, "shape", tuple(int(s) for s in self.shape))
        set_(self, "attrs", tuple((str(a), str(b)) for a, b in self.attrs))
        self._validate(item)

    def _validate(self, item: str) -> None:
        def need(cond: bool, msg: str) -> None:
            if not cond:
                raise WorkloadError(msg, item=item)

        self._check_bounds(item)
        need(self.elem_bytes >= 1, f"elem_bytes must be >= 1, got {self.elem_bytes}")
        need(self.weight_elem_bytes >= 0, f"weight_elem_bytes must be >= 0, got {self.weight_elem_bytes}")
        need(self.batch >= 1, f"batch must be >= 1, got {self.batch}")
        op = self.op
        if op in CONV_LIKE:
            need(self.in_channels >= 1 and self.out_channels >= 1,
                 f"{op} needs in_channels and out_channels >= 1")
            need(self.in_h >= 1 and self.in_w >= 1, f"{op} needs in_h and in_w >= 1")
            need(min(self.kernel) >= 1 and min(self.stride) >= 1 and min(self.dilation) >= 1,
                 "kernel, stride and dilation must be >= 1")
            need(min(self.padding) >= 0, "padding must be >= 0")
            need(self.groups >= 1 and self.in_channels % self.groups == 0
                 and self.out_channels % self.groups == 0,
                 f"groups={self.groups} must divide in_channels={self.in_channels} "
                 f"and out_channels={self.out_channels}")
            if op is Op.DWCONV:
                need(self.groups == self.in_channels,
                     f"dwconv needs groups == in_channels ({self.in_channels}), got {self.groups}")
            if op is Op.POOL:
                need(self.out_channels == self.in_channels, "pool keeps the channel count")
            need(self.out_h >= 1 and self.out_w >= 1,
                 f"kernel {self.kernel} does not fit the padded {self.in_h}x{self.in_w} input")
        elif op in MATRIX_OPS:
            need(self.m >= 1 and self.k >= 1 and self.n >= 1, f"{op} needs m, k and n >= 1")
        else:
            need(len(self.shape) >= 1 and all(s >= 1 for s in self.shape),
                 f"{op} needs an output 'shape' of positive sizes, got {list(self.shape)}")
            need(self.num_inputs >= 1, "num_inputs must be >= 1")
        for what in _SIZE_PROPERTIES:   # the message is built only for a layer that fails
            value = getattr(self, what)
            if value > MAX_LAYER_ELEMENTS:
                raise WorkloadError(f"{what} = {value} exceeds the sane maximum of 2**48 per layer",
                                    item=item)

    def _check_bounds(self, item: str) -> None:
        """Every integer field at most MAX_DIM (before anything multiplies them). Runs for every
        layer a search builds, so it walks a precomputed field list and formats only on failure."""
        for name in _INTEGER_FIELDS:
            v = getattr(self, name)
            for x in (v if isinstance(v, tuple) else (v,)):
                if isinstance(x, int) and x > MAX_DIM:
                    raise WorkloadError(f"'{name}' must be at most 2**31 - 1 = {MAX_DIM}, got {x}", item=item)

    # ---- geometry -------------------------------------------------------------------------------
    @property
    def out_h(self) -> int:
        if self.op not in CONV_LIKE:
            return 0
        eff = self.dilation[0] * (self.kernel[0] - 1) + 1
        return (self.in_h + self.padding[0] + self.padding[2] - eff) // self.stride[0] + 1

    @property
    def out_w(self) -> int:
        if self.op not in CONV_LIKE:
            return 0
        eff = self.dilation[1] * (self.kernel[1] - 1) + 1
        return (self.in_w + self.padding[1] + self.padding[3] - eff) // self.stride[1] + 1

    @property
    def output_shape(self) -> tuple[int, ...]:
        if self.op in CONV_LIKE:
            return (self.batch, self.out_channels, self.out_h, self.out_w)
        if self.op in MATRIX_OPS:
            return (self.batch, self.m, self.n) if self.batch > 1 else (self.m, self.n)
        return self.shape

    # ---- derived counts -------------------------------------------------------------------------
    @property
    def macs(self) -> int:
        """Multiply-accumulates; zero for pooling, elementwise and data-movement ops."""
        if self.op is Op.CONV2D or self.op is Op.DWCONV:
            per_out = (self.in_channels // self.groups) * self.kernel[0] * self.kernel[1]
            return self.batch * self.out_channels * self.out_h * self.out_w * per_out
        if self.op in MATRIX_OPS:
            return self.batch * self.m * self.k * self.n
        return 0

    @property
    def weight_elements(self) -> int:
        """Parameters held in memory (bias excluded); activations-only ops have none."""
        if self.op is Op.CONV2D or self.op is Op.DWCONV:
            return self.out_channels * (self.in_channels // self.groups) * self.kernel[0] * self.kernel[1]
        if self.op is Op.GEMM:
            return self.k * self.n
        return 0

    @property
    def output_elements(self) -> int:
        return math.prod(self.output_shape)

    @property
    def input_elements(self) -> int:
        """All activation elements the layer reads (every operand, weights excluded)."""
        if self.op in CONV_LIKE:
            return self.batch * self.in_channels * self.in_h * self.in_w
        if self.op is Op.GEMM:
            return self.batch * self.m * self.k
        if self.op is Op.MATMUL:
            return self.batch * (self.m * self.k + self.k * self.n)
        if self.op in (Op.ADD, Op.MUL):
            return self.num_inputs * self.output_elements
        return self.output_elements

    def operand_elements(self, port: int) -> int | None:
        """Elements expected on input ``port``, or None when any size is acceptable there."""
        if self.op is Op.MATMUL:
            return self.batch * (self.m * self.k if port == 0 else self.k * self.n)
        if self.op in CONV_LIKE or self.op is Op.GEMM:
            return self.input_elements if port == 0 else None
        if self.op in (Op.NORM, Op.ACT, Op.RESHAPE):
            return self.output_elements if port == 0 else None
        return None

    @property
    def weight_bytes(self) -> int:
        return self.weight_elements * (self.weight_elem_bytes or self.elem_bytes)

    @property
    def input_bytes(self) -> int:
        return self.input_elements * self.elem_bytes

    @property
    def output_bytes(self) -> int:
        return self.output_elements * self.elem_bytes

    # ---- identity and serialisation -------------------------------------------------------------
    def signature(self) -> tuple:
        """Everything that determines cost; equal signatures are priced once."""
        return tuple(getattr(self, f.name) for f in fields(self) if f.name not in ("name", "model"))

    def to_dict(self) -> dict[str, Any]:
        """Plain data: name, op and every field that differs from its default."""
        out: dict[str, Any] = {"name": self.name, "op": self.op.value}
        for f in fields(self):
            if f.name in ("name", "op"):
                continue
            v = getattr(self, f.name)
            if v != f.default:
                if f.name == "attrs":
                    out[f.name] = {a: b for a, b in v}
                else:
                    out[f.name] = list(v) if isinstance(v, tuple) else v
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, file: str | None = None) -> "Layer":
        if not isinstance(data, dict):
            raise WorkloadError(f"a layer must be a mapping, got {type_name(data)}", file=file)
        name = data.get("name")
        item = f"layer '{name}'"
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise WorkloadError(
                f"unknown key(s) {unknown}; expected some of {sorted(known)}", file=file, item=item
            )
        if not isinstance(name, str) or not name:
            raise WorkloadError(f"every layer needs a 'name' (a non-empty string), got {name!r}",
                                file=file, item="layer")
        if "op" not in data:
            raise WorkloadError("missing key 'op'", file=file, item=item)
        kwargs = dict(data)
        if "attrs" in kwargs and kwargs["attrs"] is None:   # attrs: null is no attributes
            del kwargs["attrs"]
        if isinstance(kwargs.get("attrs"), dict):
            kwargs["attrs"] = tuple(kwargs["attrs"].items())
        elif "attrs" in kwargs and kwargs["attrs"] is not None:
            raise WorkloadError(f"'attrs' must be a mapping, got {kwargs['attrs']!r}", file=file, item=item)
        for key in ("shape", "kernel", "stride", "padding", "dilation"):
            value = kwargs.get(key)
            items = value if isinstance(value, (list, tuple)) else [value]
            if key in kwargs and any(isinstance(x, bool) or not isinstance(x, int) for x in items):
                raise WorkloadError(f"'{key}' must be an integer or a list of integers, got {value!r}",
                                    file=file, item=item)
        for key in ("batch", "in_channels", "out_channels", "in_h", "in_w", "groups", "m", "k", "n",
                    "num_inputs", "elem_bytes", "weight_elem_bytes"):
            if key in kwargs and (not isinstance(kwargs[key], int) or isinstance(kwargs[key], bool)):
                raise WorkloadError(f"'{key}' must be an integer, got {kwargs[key]!r}", file=file, item=item)
        try:
            return cls(**kwargs)
        except WorkloadError as e:
            raise e.located(file=file) from None
        except (TypeError, ValueError) as e:
            raise WorkloadError(f"bad field value: {e}", file=file, item=item) from None


# what Layer._validate bounds: every integer field, and the sizes they multiply into
_INTEGER_FIELDS = tuple(f.name for f in fields(Layer) if f.name not in ("name", "op", "model", "attrs"))
_SIZE_PROPERTIES = ("macs", "input_elements", "output_elements", "weight_elements", "input_bytes",
                    "output_bytes", "weight_bytes")
