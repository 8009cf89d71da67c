"""CostTable: layer conversion, deduplication, caching and agreement with the analysis called directly."""
from __future__ import annotations

import math

import numpy as np
import pytest

import costmodels.cost_table as cost_table_module
from costmodels.accelerator import AcceleratorSpec
from costmodels.cost_table import CostTable, clear_cache
from costmodels.layer_dims import elementwise_ops, maestro_rows, row_macs
from costmodels.maestro import Hardware, LayerBatch, analyze_batch
from costmodels.technology import Technology
from workloads import Layer, Workload

NV = AcceleratorSpec("nv", "kcp_ws", 256, noc_bw=64, offchip_bw=32, clock_ghz=2.0)
EY = AcceleratorSpec("ey", "rs", 168, noc_bw=16, offchip_bw=16, clock_ghz=0.5)
TECH = Technology()


def conv(name, c=16, k=32, hw=14, r=3, stride=1, pad=1, **kw):
    return Layer(name, "conv2d", in_channels=c, out_channels=k, in_h=hw, in_w=hw, kernel=r, stride=stride,
                 padding=pad, **kw)


LAYERS = [
    conv("plain"),
    conv("strided", stride=2, pad=(0, 0, 1, 1)),
    conv("grouped", groups=4),
    conv("batched", batch=2),
    conv("dilated", r=3, pad=2, dilation=2),
    conv("dilated_strided", r=3, pad=2, dilation=2, stride=2),
    Layer("dw", "dwconv", in_channels=16, out_channels=32, in_h=14, in_w=14, kernel=3, padding=1, groups=16),
    Layer("fc", "gemm", m=3, k=64, n=10, batch=2),
    Layer("att", "matmul", m=8, k=16, n=8, batch=4),
]


def test_maestro_rows_keep_the_true_mac_count():
    rows = maestro_rows(LAYERS)
    assert list(rows.owner) == list(range(len(LAYERS)))
    assert list(row_macs(rows)) == [layer.macs for layer in LAYERS]


def test_row_conversion_details():
    rows = maestro_rows(LAYERS)
    b = rows.batch
    by = {layer.name: i for i, layer in enumerate(LAYERS)}
    g = by["grouped"]
    assert (b.K[g], b.C[g], rows.repeat[g]) == (8, 4, 4)
    s = by["strided"]
    assert (b.Y[s], b.stride_y[s]) == (15, 2)          # 14 + 0 top + 1 bottom
    d = by["dw"]
    assert (b.kind[d], b.C[d], rows.repeat[d]) == (1, 16, 2)  # DSCONV, channel multiplier 2
    f = by["fc"]
    assert (b.M[f], b.N[f], b.K[f], rows.repeat[f]) == (6, 10, 64, 1)  # GEMM: M = batch * m
    assert (b.C[f], b.R[f], b.S[f], b.Y[f], b.X[f]) == (1, 1, 1, 1, 1)   # LayerBatch.gemm's convention
    a = by["att"]
    assert (b.M[a], rows.repeat[a]) == (8, 4)
    assert maestro_rows([Layer("p", "pool", in_channels=4, out_channels=4, in_h=4, in_w=4, kernel=2,
                               stride=2)]).owner.size == 0


def _direct(batch: LayerBatch, acc: AcceleratorSpec, dataflow: str):
    return analyze_batch(batch, dataflow, Hardware(num_pes=acc.num_pes, noc_bw=acc.noc_bw,
                                                   offchip_bw=acc.offchip_bw, l1_size=acc.l1_bytes,
                                                   l2_size=acc.l2_bytes, hop_latency=acc.hop_latency_cycles))


@pytest.mark.parametrize("acc", [NV, EY], ids=["kcp_ws", "rs"])
def test_agrees_with_analyze_batch_called_directly(acc):
    w = Workload("w", [conv("plain"), conv("grouped", groups=4)], [])
    ct = CostTable(w, [acc], TECH)
    # plain: padding folded in (14 + 2); grouped: 4 convolutions of 8 x 4 channels
    res = _direct(LayerBatch.conv(K=[32, 8], C=[16, 4], R=3, S=3, Y=16, X=16), acc, acc.dataflow)
    cycles = res.runtime_cycles * np.array([1, 4])
    energy_units = res.energy_mac_units * np.array([1, 4])
    assert ct.compute_cycles[:, 0] == pytest.approx(cycles)
    assert ct.compute_latency_s[:, 0] == pytest.approx(cycles / (acc.clock_ghz * 1e9))
    assert ct.compute_energy_j[:, 0] == pytest.approx(energy_units * TECH.pj_per_mac * 1e-12)
    assert ct.mac_energy_j[:, 0] == pytest.approx(res.num_macs * np.array([1, 4]) * TECH.pj_per_mac * 1e-12)
    assert ct.feasible.all()


def test_depthwise_and_gemm_use_their_own_dataflows():
    w = Workload("w", [LAYERS[6], LAYERS[7]], [])
    ct = CostTable(w, [NV], TECH)
    dw = _direct(LayerBatch.dsconv(C=16, R=3, S=3, Y=16, X=16), NV, "dw")
    gm = _direct(LayerBatch.gemm(M=6, N=10, K=64), NV, "gemm_mp")
    assert ct.compute_cycles[0, 0] == pytest.approx(2 * dw.runtime_cycles[0])
    assert ct.compute_cycles[1, 0] == pytest.approx(gm.runtime_cycles[0])


def test_identical_layers_are_priced_once_and_cached(monkeypatch):
    clear_cache()
    seen = []
    real = cost_table_module.analyze_batch

    def spy(batch, dataflow, hw):  # the real analysis, counting the rows it is given
        seen.append(len(batch))
        return real(batch, dataflow, hw)

    monkeypatch.setattr(cost_table_module, "analyze_batch", spy)
    twins = [conv(f"c{i}", k=16, model=f"m{i % 2}") for i in range(6)] + [conv("other", k=64)]
    w = Workload("w", twins, [(f"c{i}", f"c{i + 1}") for i in range(5)])
    ct = CostTable(w, [NV, EY], TECH)
    assert ct.num_unique == 2
    assert sum(seen) == 2 * 2                      # 2 unique layers x 2 accelerators
    assert np.all(ct.compute_latency_s[:6] == ct.compute_latency_s[0])
    seen.clear()
    again = CostTable(w, [NV, EY], Technology(pj_per_mac=0.46))
    assert seen == []                              # served from the cache
    assert again.compute_energy_j == pytest.approx(2 * ct.compute_energy_j)  # energy scales with pJ/MAC
    assert again.compute_latency_s == pytest.approx(ct.compute_latency_s)
    renamed = AcceleratorSpec("other_name", "kcp_ws", 256, noc_bw=64, offchip_bw=32, clock_ghz=1.0)
    third = CostTable(w, [renamed], TECH)
    assert seen == []                              # name and clock do not change the analysis
    assert third.compute_latency_s[:, 0] == pytest.approx(2 * ct.compute_latency_s[:, 0])


def test_zero_mac_layers_use_the_simple_model():
    pool = Layer("pool", "pool", in_channels=64, out_channels=64, in_h=56, in_w=56, kernel=3, stride=2,
                 padding=1)
    add = Layer("add", "add", shape=(1, 64, 28, 28), num_inputs=2)
    reshape = Layer("flat", "reshape", shape=(1, 64 * 28 * 28))
    w = Workload("w", [pool, add, reshape], [("pool", "add"), ("add", "flat")])
    ct = CostTable(w, [NV], TECH)
    out = 64 * 28 * 28
    assert elementwise_ops(pool) == out * 9
    # pool: 9 ops per output on 256 PEs vs (inputs + outputs) over a 64-wide NoC
    assert ct.compute_cycles[0, 0] == max(math.ceil(out * 9 / 256), math.ceil((64 * 56 * 56 + out) / 64))
    assert ct.compute_cycles[1, 0] == max(math.ceil(out / 256), math.ceil(3 * out / 64))
    assert ct.compute_cycles[2, 0] == 0 and ct.compute_energy_j[2, 0] == 0
    expect_units = out * 9 + 1.68 * 2 * out * 9 + 18.61 * (64 * 56 * 56 + out)
    assert ct.compute_energy_j[0, 0] == pytest.approx(expect_units * TECH.pj_per_mac * 1e-12)


def test_buffer_limits_make_pairs_infeasible_with_a_reason():
    tiny = AcceleratorSpec("tiny", "kcp_ws", 64, l1_bytes=1, l2_bytes=16)
    w = Workload("w", [conv("plain")], [])
    ct = CostTable(w, [NV, tiny], TECH)
    assert list(ct.feasible[0]) == [True, False]
    assert ct.infeasible_reason[("plain", "tiny")]
    assert np.isinf(ct.compute_latency_s[0, 1])
    assert ct.unrunnable_layers() == []
    assert CostTable(w, [tiny], TECH).unrunnable_layers() == ["plain"]


def test_table_arrays_and_frame():
    layers = [conv("a", k=16), conv("b"), conv("grouped", groups=4)]
    w = Workload("w", layers, [("a", "b")])
    ct = CostTable(w, [NV, EY], TECH)
    assert ct.compute_latency_s.shape == (3, 2) and ct.layer_names == ["a", "b", "grouped"]
    assert list(ct.weight_bytes) == [layer.weight_bytes for layer in layers]
    assert list(ct.is_output) == [False, True, True]
    df = ct.to_frame()
    assert len(df) == 6 and set(df.accelerator) == {"nv", "ey"}
    assert np.allclose(ct.compute_energy_j, ct.mac_energy_j + ct.l1_energy_j + ct.l2_energy_j)
