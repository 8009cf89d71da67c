"""Tiny mapping instances for the mapper tests: hand-built workloads and systems, with compute
latencies given directly (``CostTable.from_arrays``) so that heterogeneity is controlled."""
from __future__ import annotations

import numpy as np

from costmodels.cost_table import CostTable
from h2h.system import System
from workloads import Layer, Workload


def conv(name: str, model: str, cin: int = 8, cout: int = 8, hw: int = 16) -> Layer:
    return Layer(name, "conv2d", model=model, in_channels=cin, out_channels=cout, in_h=hw, in_w=hw,
                 kernel=3, padding=1)


def two_models() -> Workload:
    """Two 2-layer models whose outputs meet in an add (5 layers, 4 edges, 1 output to host)."""
    layers = [conv("a1", "a", cin=3), conv("a2", "a"), conv("b1", "b", cin=3), conv("b2", "b"),
              Layer("f", "add", model="fusion", shape=(1, 8, 16, 16), num_inputs=2)]
    return Workload("two_models", layers, [("a1", "a2"), ("a2", "f"), ("b1", "b2"), ("b2", "f", 1)])


def diamond() -> Workload:
    """x -> (y, z) -> w: a fork and a join in one model (4 layers)."""
    layers = [conv("x", "m", cin=3), conv("y", "m"), conv("z", "m"),
              Layer("w", "add", model="m", shape=(1, 8, 16, 16), num_inputs=2)]
    return Workload("diamond", layers, [("x", "y"), ("x", "z"), ("y", "w"), ("z", "w", 1)])


def system(kind: str = "bus", accelerators: int = 3, bandwidth_gbps: float = 0.5,
           dram_capacity_bytes: int = 1 << 20) -> System:
    accs = [{"name": f"acc{i}", "dataflow": "kcp_ws", "num_pes": 64, "l1_bytes": 512, "l2_bytes": 65536,
             "noc_bw": 16, "offchip_bw": 16, "clock_ghz": 1.0, "dram_capacity_bytes": dram_capacity_bytes,
             "dram_bandwidth_gbps": 4.0, "static_power_w": 0.01} for i in range(accelerators)]
    return System.from_dict({"name": f"tiny_{kind}", "accelerators": accs,
                             "interconnect": {"kind": kind, "bandwidth_gbps": bandwidth_gbps,
                                              "latency_ns": 200, "pj_per_byte": 8}})


def random_table(workload: Workload, sys_: System, seed: int, *, scale_s: float = 2e-4) -> CostTable:
    """Compute latencies drawn uniformly in [0.2, 1] x ``scale_s`` (so accelerators differ per layer);
    energy proportional to latency; zero-MAC layers are cheap."""
    rng = np.random.default_rng(seed)
    L, A = len(workload), len(sys_.accelerators)
    lat = rng.uniform(0.2, 1.0, (L, A)) * scale_s
    macs = np.array([x.macs for x in workload.layers]) > 0
    lat[~macs] *= 0.05
    return CostTable.from_arrays(workload, sys_.accelerators, lat, lat * 0.5, technology=sys_.technology)


def per_model(w: Workload, n: int) -> Workload:
    """The first ``n`` layers of each model of ``w`` and the edges among them."""
    count: dict[str, int] = {}
    keep = []
    for layer in w.layers:
        if count.get(layer.model, 0) < n:
            keep.append(layer)
            count[layer.model] = count.get(layer.model, 0) + 1
    names = {x.name for x in keep}
    return Workload(f"{w.name}[{n}/model]", keep,
                    [(e.src, e.dst, e.port) for e in w.edges if e.src in names and e.dst in names])
