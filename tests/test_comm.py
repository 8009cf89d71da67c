"""Communication and DRAM costs, worked out by hand."""
from __future__ import annotations

import numpy as np
import pytest

from costmodels.comm import (DRAM_PASSES, Move, PathCost, cut_through, dram_energy_j, dram_time_s,
                             layer_traffic, move_energy_j, transfer_energy_j, transfer_time_s)
from workloads import Layer, Workload


def test_transfer_time_is_latency_plus_bytes_over_bandwidth():
    # 4 MB over 8 GB/s with 500 ns latency: 0.5 ms + 0.5 us
    assert transfer_time_s(4e6, 8.0, 500e-9) == pytest.approx(5e-4 + 5e-7)
    assert transfer_time_s(0, 8.0, 500e-9) == 0.0  # nothing moves, no latency either
    t = transfer_time_s(np.array([0, 1e9, 2e9]), np.array([1.0, 1.0, 4.0]), 1e-6)
    assert t == pytest.approx([0.0, 1.0 + 1e-6, 0.5 + 1e-6])


def test_energy_per_byte():
    assert transfer_energy_j(1e6, 8.0) == pytest.approx(8e-6)      # 1 MB at 8 pJ/B = 8 uJ
    assert dram_energy_j(1e6, 160.0) == pytest.approx(1.6e-4)
    assert dram_time_s(25.6e9, 25.6) == pytest.approx(1.0)


def test_cut_through_route():
    hops = [PathCost(8.0, 1e-6, 8.0), PathCost(2.0, 2e-6, 4.0), PathCost(16.0, 0.5e-6, 1.0)]
    pc = cut_through(hops)
    assert (pc.bandwidth_gbps, pc.latency_s, pc.pj_per_byte) == (2.0, pytest.approx(3.5e-6), 13.0)
    # 2 MB: 3.5 us + 2e6 / 2e9 s = 1.0035 ms, 26 uJ
    assert pc.time_s(2e6) == pytest.approx(1.0035e-3)
    assert pc.energy_j(2e6) == pytest.approx(26e-6)
    assert cut_through([]).time_s(10) == 0.0


@pytest.mark.parametrize("move, dram_bytes, link_bytes", [
    (Move.HOST_LOAD, 1000, 1000),          # host DRAM read + link
    (Move.RESIDENT_WEIGHTS, 1000, 0),      # local DRAM read only
    (Move.ONCHIP, 0, 0),
    (Move.LOCAL_DRAM, 2000, 0),            # write + read back
    (Move.INTERCONNECT, 2000, 1000),       # link, then write + read at the consumer
    (Move.TO_HOST, 1000, 1000),            # link + host DRAM write
])
def test_move_energy_by_kind(move, dram_bytes, link_bytes):
    dram, link = move_energy_j(move, 1000, 10.0, 100.0)
    assert dram == pytest.approx(dram_bytes * 100e-12)
    assert link == pytest.approx(link_bytes * 10e-12)


def test_move_energy_vectorised():
    moves = np.array([Move.ONCHIP, Move.LOCAL_DRAM, Move.INTERCONNECT])
    dram, link = move_energy_j(moves, np.array([10.0, 20.0, 30.0]), np.array([1.0, 1.0, 2.0]), 5.0)
    assert dram == pytest.approx([0.0, 200e-12, 300e-12])
    assert link == pytest.approx([0.0, 0.0, 60e-12])
    assert len(DRAM_PASSES) == len(Move)


def test_layer_traffic_counts_weights_model_inputs_and_outputs():
    conv = Layer("conv", "conv2d", in_channels=3, out_channels=8, in_h=8, in_w=8, kernel=3, padding=1,
                 elem_bytes=2)
    add = Layer("add", "add", shape=(1, 8, 8, 8), num_inputs=2, elem_bytes=2)
    w = Workload("w", [conv, add], [("conv", "add")])
    t = layer_traffic(w)
    assert list(t.weight_bytes) == [8 * 3 * 9 * 2, 0]
    # conv reads a 3x8x8 model input; add gets one operand by edge and one (512 elems) from host
    assert list(t.external_input_bytes) == [3 * 64 * 2, 512 * 2]
    assert list(t.output_to_host_bytes) == [0, 512 * 2]
