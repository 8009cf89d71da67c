"""The FPGA'15 accelerator model: a tiled convolution engine priced by a closed formula.

Zhang et al., "Optimizing FPGA-based Accelerator Design for Deep Convolutional Neural Networks"
(FPGA 2015), as the H2H authors price it (``getLayerPerf`` of ``Accelerator/cnn_acc_1.py`` in
xyzxinyizhang/H2H). The output is cut into ``tr x tc`` tiles of ``tm`` output channels; each tile
loops over the input channels ``tn`` at a time. One inner step loads a weight tile
(``tm*tn*k*k``) and an input tile (``tn*tr_in*tc_in``) over the on-chip port, then computes
``2*tr*tc*tm*tn*k*k`` operations at ``throughput_gops``; each output tile (``tm*tr*tc``) is written
back once::

    step_s   = (tm*tn*k*k + tn*tr_in*tc_in) * bits / port + 2*tr*tc*tm*tn*k*k / (throughput_gops*1e9)
    tile_s   = ceil(N/tn) * step_s + tm*tr*tc * bits / port
    layer_s  = ceil(R/tr) * ceil(C/tc) * ceil(M/tm) * tile_s

with ``M`` output and ``N`` input channels, ``R x C`` the output plane, ``k x k`` the kernel and
``port = onchip_bits_per_cycle * clock`` (the accelerator's ``clock_ghz``). Whole-layer transfers
between the host memory and the accelerator's private memory are not part of it: those are the
scheduler's (see ``h2h.scheduler``, ``conventions``). The accelerator draws ``power_w`` while busy,
so a layer's compute energy is ``power_w * layer_s``.

Layer kinds beyond convolutions (the authors' code prices only CNN layers): a GEMM (M x K by K x N)
is a 1 x 1 convolution with N output channels, K input channels and an M x 1 output plane; a
depthwise convolution is one single-channel convolution per channel; repeats and batch multiply.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from .errors import CostModelError
from .layer_dims import KIND_CONV, KIND_DSCONV, MaestroRows

_INT_FIELDS = ("tm", "tn", "tr", "tc", "tr_in", "tc_in", "data_bits")


@dataclass(frozen=True)
class Fpga15Spec:
    """Tile sizes, throughput, data width, on-chip port and busy power of an FPGA'15 engine.

    Defaults are the authors' ``cnn_acc_1`` (VC707, 32-bit data): Tm = 64, Tn = 7, Tr = Tc = 13,
    61.62 GOP/s, a 512-bit port at the 100 MHz clock, 18.61 W.
    """

    tm: int = 64
    tn: int = 7
    tr: int = 13
    tc: int = 13
    tr_in: int = 13
    tc_in: int = 13
    throughput_gops: float = 61.62
    data_bits: int = 32
    onchip_bits_per_cycle: float = 512.0
    power_w: float = 18.61

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            may_be_zero = f.name == "power_w"
            number = not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(v)
            if not number or v < 0 or (v == 0 and not may_be_zero):
                what = "a finite number >= 0" if may_be_zero else "a finite number > 0"
                raise CostModelError(f"'fpga15.{f.name}' must be {what}, got {v!r}")
            if f.name in _INT_FIELDS:
                if v != int(v) or v > 2**31 - 1:
                    raise CostModelError(f"'fpga15.{f.name}' must be an integer <= 2**31 - 1, got {v!r}")
                object.__setattr__(self, f.name, int(v))
            else:
                object.__setattr__(self, f.name, float(v))

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: Any) -> "Fpga15Spec":
        if isinstance(data, Fpga15Spec):
            return data
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise CostModelError(f"'fpga15' must be a mapping of tile sizes and rates, got {data!r}")
        unknown = sorted(set(data) - {f.name for f in fields(cls)})
        if unknown:
            raise CostModelError(f"unknown fpga15 key(s) {unknown}; expected some of "
                                 f"{[f.name for f in fields(cls)]}")
        return cls(**data)


def fpga15_latency_s(rows: MaestroRows, spec: Fpga15Spec, clock_hz: float) -> np.ndarray:
    """Seconds per MAC row (repeat and batch included), by the formula of the module docstring."""
    b = rows.batch
    oy = (b.Y - b.R) // np.maximum(b.stride_y, 1) + 1
    ox = (b.X - b.S) // np.maximum(b.stride_x, 1) + 1
    conv, ds = b.kind == KIND_CONV, b.kind == KIND_DSCONV
    out_ch = np.select([conv, ds], [b.K, 1], b.N)
    in_ch = np.select([conv, ds], [b.C, 1], b.K)
    rows_out = np.where(conv | ds, oy, b.M)
    cols_out = np.where(conv | ds, ox, 1)
    kk = np.where(conv | ds, b.R * b.S, 1).astype(np.float64)
    repeat = rows.repeat * np.where(conv | ds, b.N, 1) * np.where(ds, b.C, 1)
    s = spec
    port_bps = s.onchip_bits_per_cycle * clock_hz
    step = ((s.tm * s.tn * kk + s.tn * s.tr_in * s.tc_in) * s.data_bits / port_bps
            + 2.0 * s.tr * s.tc * s.tm * s.tn * kk / (s.throughput_gops * 1e9))
    tile = np.ceil(in_ch / s.tn) * step + s.tm * s.tr * s.tc * s.data_bits / port_bps
    tiles = np.ceil(rows_out / s.tr) * np.ceil(cols_out / s.tc) * np.ceil(out_ch / s.tm)
    return tiles * tile * repeat
