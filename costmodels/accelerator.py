"""One accelerator of a system, as plain frozen data.

Units follow MAESTRO where the analysis needs them (``noc_bw`` and ``offchip_bw`` in elements per
cycle, ``hop_latency_cycles``) and SI elsewhere (bytes, GHz, GB/s = 1e9 bytes/s, watts). ``l1_bytes``
is per PE (MAESTRO's L1 is the PE-local scratchpad), ``l2_bytes`` is the shared global buffer; both
are converted to elements with each layer's ``elem_bytes`` before they reach the analysis.

A fixed-dataflow accelerator still has to run depthwise convolutions and matrix products; MAESTRO
expresses those with their own directive sets, so a spec names one dataflow per layer kind:
``dataflow`` for convolutions, ``dsconv_dataflow`` for depthwise layers (default the ``dw`` preset)
and ``gemm_dataflow`` for GEMM/matmul (default ``gemm_mp``). Each may be a preset name or a path to a
``.m`` file.

``cost_model`` chooses who prices the accelerator's MAC layers: ``maestro`` (default, the dataflow
analysis above) or ``fpga15``, the H2H authors' FPGA'15 tiled formula (:mod:`costmodels.fpga15`),
whose tile sizes, throughput and busy power sit under ``fpga15:``. An ``fpga15`` accelerator needs no
``dataflow`` or ``num_pes`` (``num_pes`` defaults to its ``tm * tn`` multipliers, which also price
its zero-MAC layers).

Sanity bounds (so that absurd sizes are an error naming the field, not an int64 overflow in the
analysis; no real accelerator comes close): ``num_pes`` and ``hop_latency_cycles`` at most
2**31 - 1, the byte sizes (``l1_bytes``, ``l2_bytes``, ``dram_capacity_bytes``) at most 2**50
(1 PiB). NaN is rejected everywhere; infinity only where it means an ideal resource (the rates
``noc_bw``, ``offchip_bw``, ``clock_ghz``, ``dram_bandwidth_gbps``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from typing import Any

from workloads.errors import type_name

from .errors import CostModelError
from .fpga15 import Fpga15Spec

COST_MODELS = ("maestro", "fpga15")

_INT_FIELDS = ("num_pes", "l1_bytes", "l2_bytes", "hop_latency_cycles", "dram_capacity_bytes")
MAX_COUNT = 2**31 - 1
MAX_BYTES = 2**50
_MAXIMA = {"num_pes": (MAX_COUNT, "2**31 - 1"), "hop_latency_cycles": (MAX_COUNT, "2**31 - 1"),
           "l1_bytes": (MAX_BYTES, "2**50"), "l2_bytes": (MAX_BYTES, "2**50"),
           "dram_capacity_bytes": (MAX_BYTES, "2**50")}
_MAY_BE_INFINITE = ("noc_bw", "offchip_bw", "clock_ghz", "dram_bandwidth_gbps")
_POSITIVE = ("num_pes", "l1_bytes", "l2_bytes", "noc_bw", "offchip_bw", "clock_ghz",
             "dram_bandwidth_gbps")


@dataclass(frozen=True)
class AcceleratorSpec:
    """An accelerator: dataflow(s), PE array, buffers, clock, local DRAM and static power."""

    name: str
    dataflow: str
    num_pes: int
    l1_bytes: int = 512
    l2_bytes: int = 1 << 20
    noc_bw: float = 64.0
    offchip_bw: float = 64.0
    clock_ghz: float = 1.0
    hop_latency_cycles: int = 1
    dram_capacity_bytes: int = 1 << 30
    dram_bandwidth_gbps: float = 25.6
    static_power_w: float = 0.0
    dsconv_dataflow: str = "dw"
    gemm_dataflow: str = "gemm_mp"
    cost_model: str = "maestro"
    fpga15: Fpga15Spec | None = None

    def __post_init__(self) -> None:
        item = f"accelerator '{self.name}'"
        if not isinstance(self.name, str) or not self.name:
            raise CostModelError("an accelerator needs a non-empty string name", item=repr(self.name))
        if self.cost_model not in COST_MODELS:
            raise CostModelError(f"'cost_model' must be one of {list(COST_MODELS)}, got {self.cost_model!r}",
                                 item=item)
        if self.cost_model == "fpga15":
            try:
                object.__setattr__(self, "fpga15", Fpga15Spec.from_dict(self.fpga15))
            except CostModelError as e:
                raise e.located(item=item) from None
        elif self.fpga15 is not None:
            raise CostModelError("'fpga15' parameters need cost_model: fpga15", item=item)
        for key in ("dataflow", "dsconv_dataflow", "gemm_dataflow"):
            v = getattr(self, key)
            if not isinstance(v, str) or not v:
                raise CostModelError(f"'{key}' must be a preset name or a .m path, got {v!r}", item=item)
        for f in fields(self):
            v = getattr(self, f.name)
            if f.name in ("name", "dataflow", "dsconv_dataflow", "gemm_dataflow", "cost_model", "fpga15"):
                continue
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise CostModelError(f"'{f.name}' must be a number, got {v!r}", item=item)
            if math.isnan(v) or (math.isinf(v) and f.name not in _MAY_BE_INFINITE):
                raise CostModelError(f"'{f.name}' must be a finite number, got {v!r}", item=item)
            if f.name in _MAXIMA and v > _MAXIMA[f.name][0]:
                bound, text = _MAXIMA[f.name]
                raise CostModelError(f"'{f.name}' must be at most {text} = {bound}, got {v!r}",
                                     item=item)
            if f.name in _INT_FIELDS:
                if v != int(v):
                    raise CostModelError(f"'{f.name}' must be an integer, got {v!r}", item=item)
                object.__setattr__(self, f.name, int(v))
            else:
                object.__setattr__(self, f.name, float(v))
            if f.name in _POSITIVE and v <= 0:
                raise CostModelError(f"'{f.name}' must be > 0, got {v!r}", item=item)
            if v < 0:
                raise CostModelError(f"'{f.name}' must be >= 0, got {v!r}", item=item)

    @property
    def model_label(self) -> str:
        """What prices it, for tables: ``fpga15`` or the MAESTRO dataflow's name."""
        return "fpga15" if self.cost_model == "fpga15" else self.dataflow

    @property
    def busy_power_w(self) -> float:
        """Power drawn while the accelerator is busy (its cost model's; 0 where energy is counted
        per access instead)."""
        return self.fpga15.power_w if self.fpga15 is not None else 0.0

    @property
    def clock_hz(self) -> float:
        return self.clock_ghz * 1e9

    @property
    def dram_bandwidth_bytes_per_s(self) -> float:
        return self.dram_bandwidth_gbps * 1e9

    def dataflow_for(self, kind: str) -> str:
        """The dataflow used for a MAESTRO layer kind: 'conv', 'dsconv' or 'gemm'."""
        return {"conv": self.dataflow, "dsconv": self.dsconv_dataflow, "gemm": self.gemm_dataflow}[kind]

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "dataflow": self.dataflow}
        for f in fields(self):
            if f.name not in out:
                out[f.name] = getattr(self, f.name)
        if self.fpga15 is None:
            del out["fpga15"]
        else:
            out["fpga15"] = self.fpga15.to_dict()
        return out

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None) -> "AcceleratorSpec":
        if not isinstance(data, dict):
            raise CostModelError(f"an accelerator must be a mapping, got {type_name(data)}", file=file)
        item = f"accelerator '{data.get('name')}'"
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise CostModelError(f"unknown key(s) {unknown}; expected some of {sorted(known)}", file=file,
                           item=item)
        model = data.get("cost_model", "maestro")
        if model not in COST_MODELS:
            raise CostModelError(f"'cost_model' must be one of {list(COST_MODELS)}, got {model!r}", file=file,
                                 item=item)
        required = ("name", "dataflow", "num_pes") if model != "fpga15" else ("name",)
        missing = [k for k in required if k not in data]
        if missing:
            raise CostModelError(f"missing key(s) {missing}", file=file, item=item)
        try:
            if data.get("cost_model") == "fpga15":
                spec = Fpga15Spec.from_dict(data.get("fpga15"))
                data = {"dataflow": "kcp_ws", "num_pes": spec.tm * spec.tn, **data, "fpga15": spec}
            return cls(**data)
        except CostModelError as e:
            raise e.located(file=file, item=item) from None
