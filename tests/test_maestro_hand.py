"""Small cases of the MAESTRO analysis derived by hand from MAESTRO's rules.

Notation: a *case* fixes each directive's state (Init = first tile, Steady = further full tiles,
Edge = a last partial tile); NoC delay = hop latency + ceil(volume / bw) - 1; per case the runtime
adds ``compute + ingress`` for the all-Init case and ``max(ingress, compute, egress)`` otherwise.
"""
import math

import numpy as np
import pytest

from costmodels.dataflow import parse_dataflow
from costmodels.errors import CostModelError
from costmodels.maestro import Hardware, LayerBatch, analyze_batch

KC = parse_dataflow("SpatialMap(1,1) K;\nTemporalMap(1,1) C;", name="kc")
K_ONLY = parse_dataflow("SpatialMap(1,1) K;", name="k")
WIDE = Hardware(num_pes=4, noc_bw=1000, offchip_bw=1000)


def one(res, col):
    return float(getattr(res, col)[0])


def test_pointwise_conv_over_four_pes():
    """K=4, C=3, 1x1 filter on a 1x1 input; K across 4 PEs, C over time.

    Cases: C Init (x1) and C Steady (x2); K fits the 4 PEs in one step (Init only).
    Each case: filter ingress 4 (one weight per PE), input ingress 1 (C not spatial: broadcast) in
    the Init case and 1 in each Steady case (the C tile changes); egress 4 partial outputs;
    compute 1 MAC per PE.  Init: 1 + delay(5) = 2 cycles; Steady: max(1, 1, 1) = 1 cycle.
    """
    r = analyze_batch(LayerBatch.conv(K=4, C=3, R=1, S=1, Y=1, X=1), KC, WIDE)
    assert r.error[0] is None
    assert one(r, "runtime_cycles") == 2 + 2 * 1
    assert one(r, "num_macs") == 12  # 4 PEs x 3 steps
    assert one(r, "avg_used_pes") == 4
    # L2 writes are whole tensors; L2 reads are ingress per case times occurrences
    assert (one(r, "input_l2_write"), one(r, "input_l2_read")) == (3, 1 + 2 * 1)
    assert (one(r, "filter_l2_write"), one(r, "filter_l2_read")) == (12, 4 + 2 * 4)
    # outputs: L2 read is the output tensor, L2 write one partial sum per PE per step
    assert (one(r, "output_l2_read"), one(r, "output_l2_write")) == (4, 12)
    assert one(r, "input_l1_write") == one(r, "input_l2_read")  # MAESTRO's L1 fill = L2 read
    assert one(r, "input_l1_read") == one(r, "filter_l1_read") == one(r, "output_l1_read") == 12
    l1 = 12 + 3 + 12 + 12 + 12 + 12
    l2 = 3 + 3 + 12 + 12 + 4 + 12
    assert one(r, "energy_mac_units") == pytest.approx(12 + 1.68 * l1 + 18.61 * l2)
    # double-buffered tiles: L1 = 2 x (1 input + 1 weight + 1 output); L2 = 2 x (1 + 4 + 4)
    assert one(r, "l1_req") == 6 and one(r, "l2_req") == 18
    assert one(r, "noc_bw_req") == 5  # 5 elements in per 1-cycle step
    # off-chip: max(8, 10) // compute, halved after each of the 2 cases in order: 10//2 -> 5, 5
    assert one(r, "offchip_bw_req") == 5


def test_spatial_edge_with_a_partial_last_step():
    """K=5 over 2 PEs: Init (PEs 0-1), Steady x1 (PEs 2-3), Edge x1 (only PE 4 busy).

    Init: 2 weights in, 2 outputs out, 1 input -> 1 + delay(3) = 2 cycles; Steady: the input stays
    (K does not index it) -> 1 cycle; Edge: one PE -> 1 cycle.  Average PEs = (2 + 2 + 1) / 3.
    """
    r = analyze_batch(LayerBatch.conv(K=5, C=1, R=1, S=1, Y=1, X=1), K_ONLY,
                      Hardware(num_pes=2, noc_bw=1000, offchip_bw=1000))
    assert one(r, "runtime_cycles") == 4
    assert one(r, "num_macs") == 5
    assert one(r, "avg_used_pes") == pytest.approx(5 / 3)
    assert one(r, "filter_l2_read") == 5 and one(r, "output_l2_write") == 5
    assert one(r, "input_l2_read") == 1
    # off-chip need (2 + 4) // 1 = 6, halved after each of 3 cases: 3, 3, 3
    assert one(r, "offchip_bw_req") == 3
    assert one(r, "energy_mac_units") == pytest.approx(
        5 + 1.68 * (5 + 1 + 5 + 5 + 5 + 5) + 18.61 * (1 + 1 + 5 + 5 + 5 + 5))


def test_noc_bandwidth_and_hop_latency_set_the_delays():
    """With 1 element/cycle the 5-element Init ingress takes 5 cycles and each Steady step's
    5 elements (4 weights + 1 input) dominate compute; a hop latency of 3 adds 2 per transfer."""
    layer = LayerBatch.conv(K=4, C=3, R=1, S=1, Y=1, X=1)
    slow = analyze_batch(layer, KC, Hardware(4, 1, 1000))
    assert one(slow, "runtime_cycles") == (1 + 5) + 2 * 5
    hop = analyze_batch(layer, KC, Hardware(4, 1, 1000, hop_latency=3))
    assert one(hop, "runtime_cycles") == (1 + 7) + 2 * 7


def test_offchip_bandwidth_bounds_each_step():
    """offchip_bw 1: each step waits for half the double-buffered L2 tiles: in (2+8)//1//2 = 5."""
    r = analyze_batch(LayerBatch.conv(K=4, C=3, R=1, S=1, Y=1, X=1), KC, Hardware(4, 1000, 1))
    assert one(r, "runtime_cycles") == 3 * 5


def test_true_macs_for_dense_layers_and_mixed_hardware_rows():
    layers = LayerBatch.conv(K=[64, 32, 16], C=[3, 16, 8], R=[3, 1, 5], S=[3, 1, 5], Y=[18, 9, 20],
                             X=[18, 9, 20], stride_y=[1, 1, 2], stride_x=[1, 1, 2])
    hw = Hardware(num_pes=np.array([64, 128, 256]), noc_bw=np.array([16, 64, 32]), offchip_bw=50)
    for df in ("kcp_ws", "rs", "xp_ws"):
        r = analyze_batch(layers, df, hw)
        assert all(e is None for e in r.error), r.error
        out_y = (layers.Y - layers.R) // layers.stride_y + 1
        true = layers.K * layers.C * layers.R * layers.S * out_y * out_y
        assert np.array_equal(r.num_macs, true), df
        assert np.all(r.runtime_cycles * hw.num_pes >= true)  # never faster than all PEs busy


def test_gemm_counts_every_product_once():
    r = analyze_batch(LayerBatch.gemm(M=[64, 7], N=[64, 33], K=[64, 100]), "gemm_np",
                      Hardware(256, 64, 50))
    assert list(r.num_macs) == [64 * 64 * 64, 7 * 33 * 100]
    assert list(r.input_l2_write) == [64 * 64, 7 * 100]
    assert list(r.filter_l2_write) == [64 * 64, 100 * 33]
    assert list(r.output_l2_read) == [64 * 64, 7 * 33]


def test_yxp_os_overcounts_macs_on_strided_pointwise_layers():
    """MAESTRO sizes Y'/X' as Y-R+1 whatever the stride, so yxp_os's spatial rows overrun a
    strided 1x1 layer: for ResNet-50's CONV5_1_1 on 256 PEs MAESTRO prints 80,740,352 MACs and
    37.3333 used PEs, 3.14x the true 512*1024*7*7 (maestro_public.csv, MAESTRO commit 4eb08d1)."""
    layer = LayerBatch.conv(K=512, C=1024, R=1, S=1, Y=14, X=14, stride_y=2, stride_x=2)
    r = analyze_batch(layer, "yxp_os", Hardware(256, 64, 50))
    assert one(r, "num_macs") == 80_740_352 > 512 * 1024 * 7 * 7
    assert one(r, "avg_used_pes") == pytest.approx(37.3333, abs=1e-4)
    assert one(r, "runtime_cycles") == 3_670_017


def test_errors_name_directive_and_keep_other_rows():
    layers = LayerBatch.conv(K=[8, 8], C=[8, 8], R=[3, 3], S=[3, 5], Y=[10, 10], X=[10, 10])
    r = analyze_batch(layers, "yxp_os", Hardware(64, 16, 50))
    assert r.error[0] is None and not math.isnan(r.runtime_cycles[0])
    assert "TemporalMap(Sz(R),Sz(R)) S" in r.error[1] and "line" in r.error[1]
    assert math.isnan(r.runtime_cycles[1])


def test_cluster_larger_than_num_pes_is_an_error_row():
    r = analyze_batch(LayerBatch.conv(8, 8, 3, 3, 10, 10), "kcp_ws", Hardware(32, 16, 50))
    assert "Cluster(64, P)" in r.error[0] and "num_pes" in r.error[0]


def test_filter_tile_that_cannot_cover_the_filter_is_an_error_row():
    df = parse_dataflow("SpatialMap(1,1) K;\nTemporalMap(2,2) R;", name="rsplit")
    r = analyze_batch(LayerBatch.conv(8, 8, 3, 3, 10, 10), df, Hardware(64, 16, 50))
    assert "TemporalMap(2,2) R" in r.error[0] and "size = offset = Sz(R)" in r.error[0]


def test_buffer_limits_and_bad_layers():
    layer = LayerBatch.conv(K=64, C=64, R=3, S=3, Y=30, X=30)
    r = analyze_batch(layer, "kcp_ws", Hardware(256, 64, 50, l1_size=10))
    assert "L1 requirement" in r.error[0] and "l1_size 10" in r.error[0]
    r = analyze_batch(LayerBatch.conv(K=4, C=4, R=5, S=5, Y=3, X=3), "kcp_ws", Hardware(256, 64, 50))
    assert "filter must fit" in r.error[0]
    with pytest.raises(CostModelError, match="noc_bw"):
        analyze_batch(layer, "kcp_ws", Hardware(256, 0, 50))


def test_dataflow_naming_a_dimension_the_layer_lacks():
    df = parse_dataflow("SpatialMap(1,1) M;", name="mm")
    r = analyze_batch(LayerBatch.conv(8, 8, 3, 3, 10, 10), df, Hardware(64, 16, 50))
    assert "has no dimension M" in r.error[0]


def test_tile_narrower_than_the_filter_is_an_error_row():
    """yxp_os steps X in tiles of 8 inputs: an 11-wide filter fits no whole window in a tile."""
    r = analyze_batch(LayerBatch.conv(16, 16, 11, 11, 40, 40), "yxp_os", Hardware(64, 16, 50))
    assert "'TemporalMap(8,8) X'" in r.error[0] and "smaller than the filter's S" in r.error[0]


def test_output_centric_map_needs_the_filter_in_its_level():
    df = parse_dataflow("SpatialMap(1,1) Y';\nTemporalMap(1,1) K;", name="yonly")
    r = analyze_batch(LayerBatch.conv(8, 8, 3, 3, 10, 10), df, Hardware(64, 16, 50))
    assert "Y' needs R mapped in the same cluster level" in r.error[0]


def test_a_dataflow_that_maps_the_batch():
    """A dataflow naming N makes N a layer dimension even at N = 1 (MAESTRO's binary, run on
    this layer and dataflow with 64 PEs, NoC 64, off-chip 50, prints 121,280 / 242,456 cycles)."""
    df = parse_dataflow("TemporalMap(1,1) N; SpatialMap(1,1) K; TemporalMap(16,16) C;\n"
                        "TemporalMap(Sz(R),Sz(R)) R; TemporalMap(Sz(S),Sz(S)) S;\n"
                        "TemporalMap(Sz(R),1) Y; TemporalMap(Sz(S),1) X;", name="nkc")
    r = analyze_batch(LayerBatch.conv(64, 32, 3, 3, 20, 20, N=[1, 2]), df, Hardware(64, 64, 50))
    assert list(r.runtime_cycles) == [121_280, 242_456]
    assert list(r.num_macs) == [64 * 32 * 9 * 18 * 18, 2 * 64 * 32 * 9 * 18 * 18]
    assert r.energy_mac_units[0] == pytest.approx(4.89177e7, rel=1e-5)
