"""From framework layers to MAESTRO rows.

MAESTRO knows three layer kinds with unpadded inputs: CONV (K, C, R, S, Y, X, N, strides), DSCONV
(depthwise, one filter per channel) and GEMM (M x K input times K x N weight). A ``Layer`` is described
the way a framework describes it, so each MAC layer becomes one MAESTRO row plus a ``repeat`` count
(identical sub-problems run one after another, so cycles and energy scale by it):

* padding is folded into the input: ``Y = in_h + pad_top + pad_bottom`` (likewise X), which gives
  MAESTRO's output size ``(Y - R) // stride + 1`` equal to the framework's;
* ``dwconv`` (or a ``conv2d`` with ``groups == in_channels``) becomes DSCONV over C channels,
  repeated ``out_channels / in_channels`` times (the channel multiplier);
* other grouped convolutions become ``groups`` convolutions of ``K/groups`` x ``C/groups``;
* dilation: MAESTRO has none. A dilated R x S kernel touches R x S inputs per output, so it is priced
  as an undilated R x S convolution with the same output size, ``Y = (out_h - 1) * stride + R``:
  MACs and outputs are exact, the input footprint (hence input traffic) is the dense one's;
* ``gemm`` with batch b is one GEMM with M = b * m (the weight is shared); ``matmul`` (two
  activations) is ``batch`` GEMMs of m x k by k x n;
* ``batch`` of convolutions is MAESTRO's N.

Ops without MACs (pool, add, mul, norm, act; concat/reshape/passthrough move no data of their own)
are priced by :func:`elementwise_cost`, a simple documented model: one operation per PE per cycle,
bounded below by streaming inputs and outputs through the NoC.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields

import numpy as np

from workloads.layer import Layer, Op

from .maestro.batch import KIND_CONV, KIND_DSCONV, KIND_GEMM, LayerBatch

#: the key of each kind in ``AcceleratorSpec.dataflow_for``
KIND_KEYS = {KIND_CONV: "conv", KIND_DSCONV: "dsconv", KIND_GEMM: "gemm"}


@dataclass(frozen=True)
class MaestroRows:
    """One MAESTRO row per MAC layer that has one, as a :class:`LayerBatch` (its conventions: GEMM
    rows carry M, N, K with the rest 1), plus what the batch does not hold: ``owner`` indexes the
    input layer list, ``repeat`` counts identical sub-problems, ``elem_bytes`` sizes buffers.
    """

    batch: LayerBatch
    owner: np.ndarray
    repeat: np.ndarray
    elem_bytes: np.ndarray

    def __len__(self) -> int:
        return len(self.owner)

    def take(self, index: np.ndarray) -> "MaestroRows":
        return MaestroRows(self.batch.take(index), self.owner[index], self.repeat[index],
                           self.elem_bytes[index])


_BATCH_FIELDS = tuple(f.name for f in fields(LayerBatch))
_EXTRA_FIELDS = ("owner", "repeat", "elem_bytes")


def maestro_row(layer: Layer) -> dict[str, int] | None:
    """The MAESTRO row of one layer (see the module docstring), or None for a zero-MAC op.

    Keys are the :class:`LayerBatch` fields plus ``repeat`` and ``elem_bytes``.
    """
    row = dict.fromkeys(_BATCH_FIELDS, 1)
    row.update(repeat=1, elem_bytes=layer.elem_bytes)
    op = layer.op
    if op in (Op.CONV2D, Op.DWCONV):
        R, S = layer.kernel
        sy, sx = layer.stride
        if layer.dilation == (1, 1):
            Y = layer.in_h + layer.padding[0] + layer.padding[2]
            X = layer.in_w + layer.padding[1] + layer.padding[3]
        else:
            Y = (layer.out_h - 1) * sy + R
            X = (layer.out_w - 1) * sx + S
        row.update(R=R, S=S, Y=Y, X=X, N=layer.batch, stride_y=sy, stride_x=sx)
        g = layer.groups
        if g == layer.in_channels and (op is Op.DWCONV or g > 1):
            row.update(kind=KIND_DSCONV, K=1, C=layer.in_channels, repeat=layer.out_channels // g)
        else:
            row.update(kind=KIND_CONV, K=layer.out_channels // g, C=layer.in_channels // g, repeat=g)
        return row
    if op is Op.GEMM:
        row.update(kind=KIND_GEMM, M=layer.batch * layer.m, N=layer.n, K=layer.k)
        return row
    if op is Op.MATMUL:
        row.update(kind=KIND_GEMM, M=layer.m, N=layer.n, K=layer.k, repeat=layer.batch)
        return row
    return None


def maestro_rows(layers: Sequence[Layer]) -> MaestroRows:
    """Rows for every MAC layer of ``layers``; zero-MAC layers have none."""
    rows = []
    for i, layer in enumerate(layers):
        r = maestro_row(layer)
        if r is not None:
            r["owner"] = i
            rows.append(r)
    cols = {k: np.array([r[k] for r in rows], dtype=np.int64) for k in _BATCH_FIELDS + _EXTRA_FIELDS}
    return MaestroRows(LayerBatch(**{k: cols[k] for k in _BATCH_FIELDS}),
                       **{k: cols[k] for k in _EXTRA_FIELDS})


def row_macs(rows: MaestroRows) -> np.ndarray:
    """True MACs of each row including its repeat (checks the conversion against ``Layer.macs``)."""
    b = rows.batch
    oy = (b.Y - b.R) // np.maximum(b.stride_y, 1) + 1
    ox = (b.X - b.S) // np.maximum(b.stride_x, 1) + 1
    conv = b.N * b.K * b.C * b.R * b.S * oy * ox
    dsconv = b.N * b.C * b.R * b.S * oy * ox
    gemm = b.M * b.N * b.K
    macs = np.select([b.kind == KIND_CONV, b.kind == KIND_DSCONV], [conv, dsconv], gemm)
    return macs * rows.repeat


# ---- the simple model for zero-MAC ops -------------------------------------------------------------

def elementwise_ops(layer: Layer) -> int:
    """Elementary operations of a zero-MAC layer (0 for MAC layers and pure data movement).

    pool: one compare/add per window element per output; add/mul: num_inputs - 1 per output (at
    least one); norm (inference batch/layer norm as scale and shift): 2 per output; act: 1 per
    output; concat, reshape, passthrough: 0 (addressing only).
    """
    op, out = layer.op, layer.output_elements
    if op is Op.POOL:
        return out * layer.kernel[0] * layer.kernel[1]
    if op in (Op.ADD, Op.MUL):
        return out * max(layer.num_inputs - 1, 1)
    if op is Op.NORM:
        return 2 * out
    if op is Op.ACT:
        return out
    return 0


@dataclass(frozen=True)
class ElementwiseCost:
    """Counts of the simple model, per (layer, accelerator): cycles and MAC-unit energy parts."""

    cycles: np.ndarray
    ops: np.ndarray
    l1_accesses: np.ndarray
    l2_accesses: np.ndarray


def elementwise_cost(layers: Sequence[Layer], num_pes: np.ndarray, noc_bw: np.ndarray) -> ElementwiseCost:
    """Zero-MAC layers: ``max(ops / num_pes, (inputs + outputs) / noc_bw)`` cycles.

    Energy counts: each op is one MAC-unit of compute (an upper bound: adds and compares cost less
    than a multiply-accumulate), reads one operand from and writes one result to L1 (2 L1 accesses
    per op), and every input and output element crosses L2 once. Layers with no ops cost nothing.
    Returns [len(layers), len(num_pes)] arrays.
    """
    ops = np.array([elementwise_ops(layer) for layer in layers], dtype=np.float64)[:, None]
    io = np.array([layer.input_elements + layer.output_elements for layer in layers],
                  dtype=np.float64)[:, None]
    pes = np.asarray(num_pes, dtype=np.float64)[None, :]
    bw = np.asarray(noc_bw, dtype=np.float64)[None, :]
    active = ops > 0
    cycles = np.where(active, np.maximum(np.ceil(ops / pes), np.ceil(io / bw)), 0.0)
    shape = cycles.shape
    return ElementwiseCost(cycles, np.broadcast_to(ops, shape).copy(),
                           np.broadcast_to(2 * ops, shape).copy(),
                           np.broadcast_to(np.where(active, io, 0.0), shape).copy())
