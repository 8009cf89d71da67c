"""Inputs and outputs of the MAESTRO analysis: a batch of layers, the hardware, the results.

Conventions are MAESTRO's: Y and X are the **input** height and width with no padding (output height
is ``(Y - R) // stride_y + 1``); K output channels, C input channels, R x S filter, N batch.
A DSCONV (depthwise) row has K = 1 and one filter per channel C.

GEMM rows multiply an M x K input by a K x N weight. They are carried as ``M``, ``N``, ``K`` (the
``N`` array holds GEMM's N, not a batch) with C, R, S, Y, X and strides set to 1.
"""
from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from ..errors import CostModelError

KIND_CONV, KIND_DSCONV, KIND_GEMM = 0, 1, 2
KIND_NAMES = {KIND_CONV: "CONV", KIND_DSCONV: "DSCONV", KIND_GEMM: "GEMM"}
KIND_CODES = {v: k for k, v in KIND_NAMES.items()}

_INT_FIELDS = ("kind", "K", "C", "R", "S", "Y", "X", "N", "M", "stride_y", "stride_x")


def _ints(value, n: int | None = None) -> np.ndarray:
    a = np.asarray(value)
    if a.dtype.kind == "f":
        if np.any(a != np.round(a)):
            raise CostModelError("layer dimensions must be integers")
    if n is not None and a.shape != (n,):
        a = np.broadcast_to(a, (n,))
    return a.astype(np.int64).reshape(-1)  # astype copies: the batch never aliases its input


@dataclass(frozen=True)
class LayerBatch:
    """Arrays of layer dimensions, one entry per row (see the module docstring)."""

    kind: np.ndarray
    K: np.ndarray
    C: np.ndarray
    R: np.ndarray
    S: np.ndarray
    Y: np.ndarray
    X: np.ndarray
    N: np.ndarray
    stride_y: np.ndarray
    stride_x: np.ndarray
    M: np.ndarray | None = None

    def __post_init__(self) -> None:
        n = len(np.atleast_1d(self.kind))
        for f in _INT_FIELDS:
            v = getattr(self, f)
            object.__setattr__(self, f, _ints(1 if v is None else v, n))

    def __len__(self) -> int:
        return len(self.kind)

    @classmethod
    def conv(cls, K, C, R, S, Y, X, N=1, stride_y=1, stride_x=1) -> "LayerBatch":
        n = np.broadcast(*(np.atleast_1d(v) for v in (K, C, R, S, Y, X, N, stride_y, stride_x))).size
        return cls(np.full(n, KIND_CONV), K, C, R, S, Y, X, N, stride_y, stride_x, 1)

    @classmethod
    def dsconv(cls, C, R, S, Y, X, N=1, stride_y=1, stride_x=1, K=1) -> "LayerBatch":
        n = np.broadcast(*(np.atleast_1d(v) for v in (C, R, S, Y, X, N, stride_y, stride_x))).size
        return cls(np.full(n, KIND_DSCONV), K, C, R, S, Y, X, N, stride_y, stride_x, 1)

    @classmethod
    def gemm(cls, M, N, K) -> "LayerBatch":
        n = np.broadcast(np.atleast_1d(M), np.atleast_1d(N), np.atleast_1d(K)).size
        return cls(np.full(n, KIND_GEMM), K, 1, 1, 1, 1, 1, N, 1, 1, M)

    @classmethod
    def from_frame(cls, df) -> "LayerBatch":
        """Rows of a table with the reference CSV's columns (type, K, C, R, S, Y, X, M, N, strides):
        a DataFrame, or a mapping of column name to array."""
        types = [str(t).strip().upper() for t in df["type"]]
        bad = sorted({t for t in types if t not in KIND_CODES})
        if bad:
            raise CostModelError(f"unknown layer type(s) {bad}; expected CONV, DSCONV or GEMM",
                                 item="column 'type'")
        kind = np.array([KIND_CODES[t] for t in types], dtype=np.int64)
        gemm = kind == KIND_GEMM

        def col(name: str, default: int) -> np.ndarray:
            if name not in df:
                return np.full(len(types), default, dtype=np.int64)
            v = np.asarray(df[name], dtype=np.float64)
            return np.where(np.isnan(v), default, v).astype(np.int64)

        ones = np.ones(len(types), dtype=np.int64)
        return cls(kind, col("K", 1), np.where(gemm, 1, col("C", 1)), np.where(gemm, 1, col("R", 1)),
                   np.where(gemm, 1, col("S", 1)), np.where(gemm, 1, col("Y", 1)),
                   np.where(gemm, 1, col("X", 1)), col("N", 1),
                   np.where(gemm, 1, col("stride_y", 1)), np.where(gemm, 1, col("stride_x", 1)),
                   np.where(gemm, col("M", 1), ones))

    def take(self, idx) -> "LayerBatch":
        return LayerBatch(**{f.name: getattr(self, f.name)[idx] for f in fields(self)})

    @staticmethod
    def concat(batches: "list[LayerBatch]") -> "LayerBatch":
        return LayerBatch(**{f.name: np.concatenate([getattr(b, f.name) for b in batches])
                             for f in fields(LayerBatch)})


@dataclass(frozen=True)
class Hardware:
    """An accelerator as MAESTRO sees it; scalars or arrays broadcastable to the batch.

    ``noc_bw`` and ``offchip_bw`` are in elements per cycle, buffer sizes in elements (a requirement
    above ``l1_size``/``l2_size`` makes the row an error), ``hop_latency`` in cycles per NoC transfer.
    """

    num_pes: int | np.ndarray
    noc_bw: float | np.ndarray
    offchip_bw: float | np.ndarray
    l1_size: int | np.ndarray = 10**9
    l2_size: int | np.ndarray = 10**12
    hop_latency: int | np.ndarray = 1

    def arrays(self, n: int) -> dict[str, np.ndarray]:
        """Each field broadcast to ``n`` rows."""
        out = {}
        for f in fields(self):
            v = np.asarray(getattr(self, f.name))
            try:
                out[f.name] = np.broadcast_to(v, (n,)) if v.ndim <= 1 else v
            except ValueError:
                raise CostModelError(f"has {v.size} values for {n} layers",
                                     item=f"hardware field '{f.name}'") from None
        return out


ACCESS_COLUMNS = tuple(f"{t}_{lvl}_{op}" for t in ("input", "filter", "output")
                       for lvl in ("l1", "l2") for op in ("read", "write"))
RESULT_COLUMNS = ("runtime_cycles", "energy_mac_units", "l1_req", "l2_req", "noc_bw_req",
                  "offchip_bw_req", "num_macs", "avg_used_pes") + ACCESS_COLUMNS


@dataclass(frozen=True)
class Analysis:
    """Per-row results, named as in MAESTRO's output; ``error`` is None or a one-line message.

    Counts are element accesses; ``energy_mac_units`` is MAESTRO's printed total,
    ``num_macs + 1.68 * (L1 reads + writes) + 18.61 * (L2 reads + writes)``. Error rows hold NaN.
    """

    runtime_cycles: np.ndarray
    energy_mac_units: np.ndarray
    l1_req: np.ndarray
    l2_req: np.ndarray
    noc_bw_req: np.ndarray
    offchip_bw_req: np.ndarray
    num_macs: np.ndarray
    avg_used_pes: np.ndarray
    input_l1_read: np.ndarray
    input_l1_write: np.ndarray
    input_l2_read: np.ndarray
    input_l2_write: np.ndarray
    filter_l1_read: np.ndarray
    filter_l1_write: np.ndarray
    filter_l2_read: np.ndarray
    filter_l2_write: np.ndarray
    output_l1_read: np.ndarray
    output_l1_write: np.ndarray
    output_l2_read: np.ndarray
    output_l2_write: np.ndarray
    error: np.ndarray

    def __len__(self) -> int:
        return len(self.runtime_cycles)

    def to_dict(self) -> dict[str, np.ndarray]:
        return {f.name: getattr(self, f.name) for f in fields(self)}
