"""What one layer of a scenario model costs on each accelerator, in the real-time scheduler's units.

Two sources, named by ``costs``:

* ``"maestro"`` (default): our ``CostTable`` (the MAESTRO analysis with the system's dataflows and
  technology): compute latency and compute energy (MACs, L1, L2) of each (layer, accelerator).
* ``"xrbench"``: the per-layer costs XRBench's own MAESTRO build computes for its accelerators
  (``h2h/data/xrbench_layer_costs.csv.gz``, see ``h2h/data/PROVENANCE.md``), looked up by the
  layer's MAESTRO dimensions and the accelerator's style (kcp_ws = WS, yxp_os = OS, rs = RS), PE
  count and NoC bandwidth. XRBench's MAESTRO variant differs from upstream MAESTRO (it sizes an
  output-centric map whose filter is not mapped in the same level by the level's directive count,
  and prices convs whose filter exceeds the input), so our analysis cannot reproduce its numbers;
  this source is how the reference scores are compared like for like. Energy there is XRBench's:
  (6 x L2 + 0.55 x L1 accesses + MACs) x 0.00288 nJ.
"""
from __future__ import annotations

import csv
import gzip
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from costmodels.cost_table import CostTable
from workloads.graph import Workload
from workloads.layer import Op
from workloads.maestro_m import UNFIT_ATTR

from ..data import data_path
from ..errors import ConfigError

COST_SOURCES = ("maestro", "xrbench")
XRBENCH_COSTS_FILE = "xrbench_layer_costs.csv.gz"
XRBENCH_STYLES = {"kcp_ws": "WS", "yxp_os": "OS", "rs": "RS"}
XRBENCH_CLOCK_HZ = 1e9


@dataclass(frozen=True)
class ModelCosts:
    """Per-layer costs of one model: arrays are ``[layer, accelerator]`` in the workload's order."""

    model: str
    layer_names: list[str]
    accelerator_names: list[str]
    latency_ms: np.ndarray
    energy_mj: np.ndarray
    output_bytes: np.ndarray
    infeasible: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def whole_latency_ms(self) -> np.ndarray:
        """Latency of the whole model on each accelerator (inf where a layer cannot run)."""
        return self.latency_ms.sum(axis=0)

    @property
    def whole_energy_mj(self) -> np.ndarray:
        return self.energy_mj.sum(axis=0)


def model_costs(workload: Workload, system, costs: str = "maestro") -> ModelCosts:
    """The costs of ``workload`` on ``system`` from the named source (see the module docstring)."""
    if costs not in COST_SOURCES:
        raise ConfigError(f"unknown cost source {costs!r}; expected one of {list(COST_SOURCES)}",
                          item="costs")
    names = [a.name for a in system.accelerators]
    out_bytes = np.array([x.output_bytes for x in workload.layers], dtype=np.float64)
    if costs == "maestro":
        t = CostTable(workload, system)
        return ModelCosts(workload.name, list(t.layer_names), names, t.compute_latency_s * 1e3,
                          t.compute_energy_j * 1e3, out_bytes, dict(t.infeasible_reason))
    table = _xrbench_table()
    keys = []
    for a in system.accelerators:
        style = XRBENCH_STYLES.get(a.dataflow)
        key = (style, a.num_pes, int(a.noc_bw))
        if style is None or key not in table or a.clock_ghz != 1.0:
            have = sorted({(s, p, b) for s, p, b in table})
            raise ConfigError(f"costs 'xrbench' cover XRBench's accelerators only (dataflow kcp_ws, "
                              f"yxp_os or rs at 1 GHz with (style, num_pes, noc_bw) one of {have}); "
                              f"got {a.dataflow}, {a.num_pes} PEs, noc_bw {a.noc_bw}, {a.clock_ghz} GHz",
                              file=getattr(system, "source", None),
                              item=f"accelerator '{a.name}'")
        keys.append(key)
    L, A = len(workload.layers), len(keys)
    lat, en = np.zeros((L, A)), np.zeros((L, A))
    for i, layer in enumerate(workload.layers):
        dims = _maestro_dims(layer)
        if dims is None:
            continue  # a zero-MAC passthrough XRBench does not list
        for a, key in enumerate(keys):
            row = table[key].get(dims)
            if row is None:
                raise ConfigError(f"costs 'xrbench' have no entry for a conv with (K, C, Y, X, R, S) = "
                                  f"{dims}: only the layers of XRBench's scenarios are covered; use "
                                  f"costs 'maestro'", item=f"layer '{layer.name}' of model '{workload.name}'")
            lat[i, a] = row[0] / XRBENCH_CLOCK_HZ * 1e3
            en[i, a] = row[1] * 1e-6  # nJ -> mJ
    return ModelCosts(workload.name, list(workload.layer_names), names, lat, en, out_bytes)


def _maestro_dims(layer) -> tuple[int, ...] | None:
    """(K, C, Y, X, R, S) as the XRBench file wrote them; None for zero-MAC layers."""
    if layer.op is not Op.CONV2D:
        if layer.op in (Op.PASSTHROUGH,) or layer.macs == 0:
            return None
        raise ConfigError("costs 'xrbench' cover plain convolutions only (XRBench's layers)",
                          item=f"layer '{layer.name}'")
    y, x = layer.in_h, layer.in_w
    unfit = dict(layer.attrs).get(UNFIT_ATTR)
    if unfit:
        y, x = (int(v) for v in unfit.split("x"))
    return (layer.out_channels, layer.in_channels, y, x, layer.kernel[0], layer.kernel[1])


@lru_cache(maxsize=1)
def _xrbench_table() -> dict[tuple, dict[tuple, tuple[float, float]]]:
    table: dict[tuple, dict[tuple, tuple[float, float]]] = {}
    with gzip.open(data_path(XRBENCH_COSTS_FILE), "rt", encoding="utf-8") as f:
        for row in csv.DictReader(line for line in f if not line.startswith("#")):
            key = (row["style"], int(row["num_pes"]), int(row["noc_bw"]))
            dims = tuple(int(row[k]) for k in ("K", "C", "Y", "X", "R", "S"))
            table.setdefault(key, {})[dims] = (float(row["latency_cycles"]), float(row["energy_nj"]))
    return table
