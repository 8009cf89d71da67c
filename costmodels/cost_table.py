"""The cost table: every (layer, accelerator) pair of a workload priced once.

This is the only place latency and energy of computation come from; mappers and the scheduler only
read it. Layers with equal ``Layer.signature()`` are analysed once, and results are cached across
tables by (signature, the accelerator's analysis parameters), so searches that rebuild tables for
related workloads or systems reuse earlier work. Pricing is vectorised: one ``analyze_batch`` call
per (accelerator, layer kind) over all unique layers.

An accelerator with ``cost_model: fpga15`` is priced by :mod:`costmodels.fpga15` instead of the
MAESTRO analysis (cheap closed formula, not cached); it draws its busy power while it computes, so
its compute energy is ``busy_power_w * latency`` (booked as MAC energy, no L1/L2 counts).

Arrays are indexed ``[layer, accelerator]`` with layers in ``workload.layer_names`` order (a
topological order) and accelerators in the order given.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from workloads.graph import Workload

from .accelerator import AcceleratorSpec
from .comm import layer_traffic
from .fpga15 import fpga15_latency_s
from .maestro import Hardware, analyze_batch
from .layer_dims import (KIND_CONV, KIND_DSCONV, KIND_GEMM, KIND_KEYS, MaestroRows, elementwise_cost,
                         maestro_rows, row_macs)
from .technology import Technology

# (signature, analysis key of the accelerator) -> (cycles, macs, l1_accesses, l2_accesses, l1_req_el,
# l2_req_el, error-or-None); counts only, so a different Technology reuses them.
_CACHE: dict[tuple, tuple] = {}
_CACHE_LIMIT = 500_000

_L1_COUNTS = ("input_l1_read", "input_l1_write", "filter_l1_read", "filter_l1_write",
              "output_l1_read", "output_l1_write")
_L2_COUNTS = tuple(c.replace("l1", "l2") for c in _L1_COUNTS)


# the analysis counts buffers in elements (MAESTRO's convention); people read them in bytes
_BUFFER_ERROR = re.compile(r"^(L[12]) requirement (\d+) elements exceeds l[12]_size (\d+)$")


def _in_bytes(message: str, elem_bytes: int, acc: AcceleratorSpec) -> str:
    """A buffer-overflow message of the analysis restated in bytes, elements beside them."""
    m = _BUFFER_ERROR.match(message)
    if m is None:
        return message
    level, need = m.group(1), int(m.group(2))
    have = acc.l1_bytes if level == "L1" else acc.l2_bytes
    unit = f"{elem_bytes}-byte elements"
    return (f"{level} requirement {need * elem_bytes:,} bytes ({need:,} {unit}) exceeds "
            f"{level.lower()}_bytes {have:,} ({have // elem_bytes:,} {unit})")


def clear_cache() -> None:
    _CACHE.clear()


def _analysis_key(acc: AcceleratorSpec) -> tuple:
    """What the per-layer analysis depends on (not the name, clock, DRAM or power)."""
    return (acc.dataflow, acc.dsconv_dataflow, acc.gemm_dataflow, acc.num_pes, acc.l1_bytes,
            acc.l2_bytes, acc.noc_bw, acc.offchip_bw, acc.hop_latency_cycles)


def _analyse(rows: MaestroRows, acc: AcceleratorSpec) -> list[tuple]:
    """Analyse MAC rows on one accelerator; one cache tuple per row (repeat applied)."""
    out: list[tuple | None] = [None] * len(rows)
    for kind in (KIND_CONV, KIND_DSCONV, KIND_GEMM):
        idx = np.flatnonzero(rows.batch.kind == kind)
        if not len(idx):
            continue
        sub = rows.take(idx)
        hw = Hardware(num_pes=acc.num_pes, noc_bw=acc.noc_bw, offchip_bw=acc.offchip_bw,
                      l1_size=acc.l1_bytes // sub.elem_bytes, l2_size=acc.l2_bytes // sub.elem_bytes,
                      hop_latency=acc.hop_latency_cycles)
        res = analyze_batch(sub.batch, acc.dataflow_for(KIND_KEYS[kind]), hw)
        l1 = sum(np.asarray(getattr(res, c), dtype=np.float64) for c in _L1_COUNTS)
        l2 = sum(np.asarray(getattr(res, c), dtype=np.float64) for c in _L2_COUNTS)
        rep = sub.repeat.astype(np.float64)
        cycles = np.asarray(res.runtime_cycles, dtype=np.float64) * rep
        macs = np.asarray(res.num_macs, dtype=np.float64) * rep
        for n, i in enumerate(idx):
            err = res.error[n]
            out[i] = (cycles[n], macs[n], l1[n] * rep[n], l2[n] * rep[n], float(res.l1_req[n]),
                      float(res.l2_req[n]), None if err is None else str(err))
    return out  # type: ignore[return-value]


class CostTable:
    """Compute cost of every (layer, accelerator) pair; see the module docstring.

    Attributes (L layers, A accelerators):
      layer_names[L], accelerator_names[A], accelerators[A]
      compute_cycles[L, A], compute_latency_s[L, A]
      mac_energy_j, l1_energy_j, l2_energy_j, compute_energy_j [L, A] (the last is their sum)
      num_macs[L, A] (as the analysis counted them), l1_req_bytes[L, A] (per PE), l2_req_bytes[L, A]
      feasible[L, A] (bool), infeasible_reason {(layer, accelerator): message}
      weight_bytes[L], input_bytes[L], output_bytes[L], external_input_bytes[L],
      output_to_host_bytes[L], is_output[L]
      unique_index[L] -> row of the deduplicated layer, num_unique
    """

    def __init__(self, workload: Workload, accelerators: Sequence[AcceleratorSpec] | Any,
                 technology: Technology | None = None) -> None:
        if hasattr(accelerators, "accelerators"):  # a System (h2h) or anything that holds them
            technology = technology or getattr(accelerators, "technology", None)
            accelerators = accelerators.accelerators
        accs = list(accelerators)
        tech = technology or Technology()
        layers = workload.layers
        sigs = [layer.signature() for layer in layers]
        first: dict[tuple, int] = {}
        unique_index = np.array([first.setdefault(s, len(first)) for s in sigs], dtype=np.int64)
        uniq_layers = [None] * len(first)
        for layer, u in zip(layers, unique_index):
            uniq_layers[u] = uniq_layers[u] or layer
        uniq_sigs = list(first)
        U, A = len(uniq_layers), len(accs)

        rows = maestro_rows(uniq_layers)
        counts = np.zeros((6, U, A))  # cycles, macs, l1, l2, l1_req_el, l2_req_el
        errors: dict[tuple[int, int], str] = {}
        ew = elementwise_cost(uniq_layers, np.array([a.num_pes for a in accs]),
                              np.array([a.noc_bw for a in accs]))
        counts[0], counts[1], counts[2], counts[3] = ew.cycles, ew.ops, ew.l1_accesses, ew.l2_accesses
        for a, acc in enumerate(accs):
            if acc.cost_model == "fpga15":
                counts[0, rows.owner, a] = fpga15_latency_s(rows, acc.fpga15, acc.clock_hz) * acc.clock_hz
                counts[1, rows.owner, a] = row_macs(rows)
                counts[2:, rows.owner, a] = 0.0
                continue
            key = _analysis_key(acc)
            missing = [r for r in range(len(rows)) if (uniq_sigs[rows.owner[r]], key) not in _CACHE]
            if missing:
                if len(_CACHE) > _CACHE_LIMIT:
                    _CACHE.clear()
                for r, val in zip(missing, _analyse(rows.take(np.array(missing)), acc)):
                    _CACHE[(uniq_sigs[rows.owner[r]], key)] = val
            for r, u in enumerate(rows.owner):
                val = _CACHE[(uniq_sigs[u], key)]
                counts[:, u, a] = val[:6]
                if val[6] is not None:
                    errors[(int(u), a)] = _in_bytes(val[6], uniq_layers[u].elem_bytes, acc)

        clock = np.array([a.clock_hz for a in accs])
        elem = np.array([layer.elem_bytes for layer in uniq_layers], dtype=np.float64)[:, None]
        ux = unique_index
        mac_j = counts[1] * tech.pj_per_mac * 1e-12
        busy = np.array([a.cost_model == "fpga15" for a in accs])
        if busy.any():
            mac_j[:, busy] = (counts[0] / clock * np.array([a.busy_power_w for a in accs]))[:, busy]
            counts[2:4, :, busy] = 0.0
        self._set(
            workload=workload,
            accelerators=accs,
            technology=tech,
            compute_cycles=counts[0][ux],
            compute_latency_s=(counts[0] / clock)[ux],
            mac_energy_j=mac_j[ux],
            l1_energy_j=(counts[2] * tech.pj_per_l1_access * 1e-12)[ux],
            l2_energy_j=(counts[3] * tech.pj_per_l2_access * 1e-12)[ux],
            num_macs=counts[1][ux],
            l1_req_bytes=(counts[4] * elem)[ux],
            l2_req_bytes=(counts[5] * elem)[ux],
            unique_errors=errors,
            unique_index=unique_index,
        )

    # ---- construction ---------------------------------------------------------------------------
    def _set(self, *, workload: Workload, accelerators: Sequence[AcceleratorSpec], technology: Technology,
             compute_cycles: np.ndarray, compute_latency_s: np.ndarray, mac_energy_j: np.ndarray,
             l1_energy_j: np.ndarray, l2_energy_j: np.ndarray, num_macs: np.ndarray,
             l1_req_bytes: np.ndarray, l2_req_bytes: np.ndarray, unique_errors: dict[tuple[int, int], str],
             unique_index: np.ndarray) -> None:
        self.workload = workload
        self.accelerators = list(accelerators)
        self.technology = technology
        self.layer_names = workload.layer_names
        self.accelerator_names = [a.name for a in self.accelerators]
        self.layer_index = {n: i for i, n in enumerate(self.layer_names)}
        self.accelerator_index = {n: i for i, n in enumerate(self.accelerator_names)}
        self.unique_index = np.asarray(unique_index, dtype=np.int64)
        self.num_unique = int(self.unique_index.max()) + 1 if len(self.unique_index) else 0
        self.compute_cycles = np.asarray(compute_cycles, dtype=np.float64)
        self.compute_latency_s = np.asarray(compute_latency_s, dtype=np.float64)
        self.mac_energy_j = np.asarray(mac_energy_j, dtype=np.float64)
        self.l1_energy_j = np.asarray(l1_energy_j, dtype=np.float64)
        self.l2_energy_j = np.asarray(l2_energy_j, dtype=np.float64)
        self.compute_energy_j = self.mac_energy_j + self.l1_energy_j + self.l2_energy_j
        self.num_macs = np.asarray(num_macs, dtype=np.float64)
        self.l1_req_bytes = np.asarray(l1_req_bytes, dtype=np.float64)
        self.l2_req_bytes = np.asarray(l2_req_bytes, dtype=np.float64)
        L, A = len(self.layer_names), len(self.accelerators)
        if self.compute_latency_s.shape != (L, A):
            raise ValueError(f"cost arrays must be [{L}, {A}], got {self.compute_latency_s.shape}")
        self.feasible = np.ones((L, A), dtype=bool)
        self.infeasible_reason: dict[tuple[str, str], str] = {}
        for l, u in enumerate(self.unique_index):
            for a in range(A):
                msg = unique_errors.get((int(u), a))
                if msg is not None:
                    self.feasible[l, a] = False
                    self.infeasible_reason[(self.layer_names[l], self.accelerator_names[a])] = msg
        bad = ~self.feasible
        for arr in (self.compute_latency_s, self.compute_cycles, self.compute_energy_j):
            arr[bad] = np.inf
        traffic = layer_traffic(workload)
        layers = workload.layers
        self.weight_bytes = traffic.weight_bytes
        self.external_input_bytes = traffic.external_input_bytes
        self.output_to_host_bytes = traffic.output_to_host_bytes
        self.input_bytes = np.array([x.input_bytes for x in layers], dtype=np.float64)
        self.output_bytes = np.array([x.output_bytes for x in layers], dtype=np.float64)
        self.is_output = np.array([workload.is_output(x.name) for x in layers], dtype=bool)

    @classmethod
    def from_arrays(cls, workload: Workload, accelerators: Sequence[AcceleratorSpec],
                    compute_latency_s: Any, compute_energy_j: Any = 0.0, *,
                    technology: Technology | None = None, feasible: Any = None) -> "CostTable":
        """A table given directly (hand-computed tests, external cost models).

        ``compute_energy_j`` is booked as MAC energy; ``feasible`` False marks pairs no mapping may use.
        """
        self = cls.__new__(cls)
        L, A = len(workload), len(accelerators)
        lat = np.broadcast_to(np.asarray(compute_latency_s, dtype=np.float64), (L, A)).copy()
        en = np.broadcast_to(np.asarray(compute_energy_j, dtype=np.float64), (L, A)).copy()
        clock = np.array([a.clock_hz for a in accelerators])
        errors = {}
        if feasible is not None:
            ok = np.broadcast_to(np.asarray(feasible, dtype=bool), (L, A))
            errors = {(l, a): "marked infeasible" for l, a in zip(*np.nonzero(~ok))}
        zeros = np.zeros((L, A))
        self._set(workload=workload, accelerators=accelerators, technology=technology or Technology(),
                  compute_cycles=lat * clock, compute_latency_s=lat, mac_energy_j=en, l1_energy_j=zeros,
                  l2_energy_j=zeros.copy(), num_macs=zeros.copy(), l1_req_bytes=zeros.copy(),
                  l2_req_bytes=zeros.copy(), unique_errors=errors, unique_index=np.arange(L))
        return self

    # ---- reading --------------------------------------------------------------------------------
    def unrunnable_layers(self) -> list[str]:
        """Layers that no accelerator can run."""
        return [self.layer_names[l] for l in np.flatnonzero(~self.feasible.any(axis=1))]

    def to_frame(self):
        """A long pandas DataFrame, one row per (layer, accelerator), for inspection and export."""
        import pandas as pd

        L, A = self.compute_latency_s.shape
        li, ai = np.divmod(np.arange(L * A), A)
        return pd.DataFrame({
            "layer": np.array(self.layer_names, dtype=object)[li],
            "accelerator": np.array(self.accelerator_names, dtype=object)[ai],
            "latency_s": self.compute_latency_s.ravel(),
            "energy_j": self.compute_energy_j.ravel(),
            "mac_energy_j": self.mac_energy_j.ravel(),
            "l1_energy_j": self.l1_energy_j.ravel(),
            "l2_energy_j": self.l2_energy_j.ravel(),
            "feasible": self.feasible.ravel(),
        })

    def __repr__(self) -> str:
        return (f"CostTable({len(self.layer_names)} layers ({self.num_unique} unique) x "
                f"{len(self.accelerators)} accelerators)")
