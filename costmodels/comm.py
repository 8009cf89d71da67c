"""Pricing data movement: N bytes over links and through DRAM.

Everything here is plain arithmetic on numbers or numpy arrays, so the scheduler can call it on a
whole batch of candidate mappings at once. Bandwidths are in GB/s (1e9 bytes/s), latencies in
seconds, energies per byte in pJ.

How each kind of move is priced (the scheduler decides which kind a move is):

=================  ===============================================  ===========  =================
move               path                                              DRAM passes  time
=================  ===============================================  ===========  =================
HOST_LOAD          host DRAM -> links -> accelerator buffers         1 (read)     link (contended)
RESIDENT_WEIGHTS   accelerator's local DRAM -> buffers               1 (read)     bytes / local BW
ONCHIP             producer's buffer is the consumer's (consecutive)  0            0
LOCAL_DRAM         spill to local DRAM and read back (same acc.)     2 (w + r)    2 bytes / local BW
INTERCONNECT       producer -> links -> consumer's local DRAM -> read 2 (w + r)    link + bytes / BW
TO_HOST            accelerator -> links -> host DRAM (model output)  1 (write)    link (contended)
=================  ===============================================  ===========  =================

A route over several links is cut-through: every hop is held for the whole transfer, the latency is
the sum of the hops' latencies and the rate is the slowest hop's bandwidth; energy per byte is the
sum over hops.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

import numpy as np

from workloads.graph import Workload


class Move(IntEnum):
    HOST_LOAD = 0
    RESIDENT_WEIGHTS = 1
    ONCHIP = 2
    LOCAL_DRAM = 3
    INTERCONNECT = 4
    TO_HOST = 5


#: DRAM accesses (reads + writes) per byte moved, indexed by ``Move``.
DRAM_PASSES = np.array([1, 1, 0, 2, 2, 1], dtype=np.float64)
#: 1 when the move crosses the interconnect, indexed by ``Move``.
USES_LINK = np.array([1, 0, 0, 0, 1, 1], dtype=np.float64)
#: local-DRAM passes that add time before the consumer may start, indexed by ``Move``.
DRAM_TIME_PASSES = np.array([0, 1, 0, 2, 1, 0], dtype=np.float64)


@dataclass(frozen=True)
class PathCost:
    """What moving bytes from one place to another costs, uncontended."""

    bandwidth_gbps: float
    latency_s: float
    pj_per_byte: float

    def time_s(self, nbytes):
        return transfer_time_s(nbytes, self.bandwidth_gbps, self.latency_s)

    def energy_j(self, nbytes):
        return transfer_energy_j(nbytes, self.pj_per_byte)


def cut_through(hops: Iterable[PathCost]) -> PathCost:
    """A multi-hop route, cut-through: slowest bandwidth, summed latency and energy per byte."""
    hops = list(hops)
    if not hops:
        return PathCost(float("inf"), 0.0, 0.0)
    return PathCost(min(h.bandwidth_gbps for h in hops), sum(h.latency_s for h in hops),
                    sum(h.pj_per_byte for h in hops))


def transfer_time_s(nbytes, bandwidth_gbps, latency_s):
    """Latency plus serialisation at ``bandwidth_gbps``; zero when nothing moves."""
    nbytes = np.asarray(nbytes, dtype=np.float64)
    t = latency_s + nbytes / (np.asarray(bandwidth_gbps, dtype=np.float64) * 1e9)
    return np.where(nbytes > 0, t, 0.0)


def transfer_energy_j(nbytes, pj_per_byte):
    return np.asarray(nbytes, dtype=np.float64) * pj_per_byte * 1e-12


def dram_time_s(nbytes, dram_bandwidth_gbps):
    """One pass of ``nbytes`` through a DRAM interface (no fixed latency modelled)."""
    return np.asarray(nbytes, dtype=np.float64) / (np.asarray(dram_bandwidth_gbps, dtype=np.float64) * 1e9)


def dram_energy_j(nbytes, pj_per_dram_byte):
    return np.asarray(nbytes, dtype=np.float64) * pj_per_dram_byte * 1e-12


def move_energy_j(move, nbytes, path_pj_per_byte, pj_per_dram_byte):
    """(dram_j, interconnect_j) of moving ``nbytes`` as ``move`` (arrays broadcast)."""
    move = np.asarray(move)
    nbytes = np.asarray(nbytes, dtype=np.float64)
    dram = dram_energy_j(nbytes * DRAM_PASSES[move], pj_per_dram_byte)
    link = transfer_energy_j(nbytes * USES_LINK[move], path_pj_per_byte)
    return dram, link


@dataclass(frozen=True)
class LayerTraffic:
    """Bytes a layer moves besides inter-layer activations, one entry per layer (topological order).

    ``weight_bytes`` are loaded from host over the interconnect unless resident in the accelerator's
    local DRAM; ``external_input_bytes`` (model inputs no edge supplies) come from host;
    ``output_to_host_bytes`` are the outputs of layers with no consumer, written back to host.
    """

    weight_bytes: np.ndarray
    external_input_bytes: np.ndarray
    output_to_host_bytes: np.ndarray


def layer_traffic(workload: Workload) -> LayerTraffic:
    layers = workload.layers
    w = np.array([layer.weight_bytes for layer in layers], dtype=np.float64)
    ext = np.array([workload.external_input_elements(layer.name) * layer.elem_bytes for layer in layers],
                   dtype=np.float64)
    out = np.array([layer.output_bytes if workload.is_output(layer.name) else 0 for layer in layers],
                   dtype=np.float64)
    return LayerTraffic(w, ext, out)


def h2h_code_read_factor(workload: Workload) -> np.ndarray:
    """[L] bytes read per byte of a layer's inputs under the H2H code's convention.

    The authors' code (``getDataInPerf``, xyzxinyizhang/H2H) reads an input plane of ``2R x 2C``
    for every layer with an ``R x C`` output plane, as if each layer followed a 2 x 2 pooling. For
    a convolution that is ``in_channels * 2 out_h * 2 out_w`` elements (4x the tensor of a stride-1
    layer, 1x after a stride-2 one); other layers read 4x their input tensor.
    """
    out = np.full(len(workload), 4.0)
    for i, layer in enumerate(workload.layers):
        if layer.op.value in ("conv2d", "dwconv") and layer.input_bytes > 0:
            plane = layer.in_channels * 4 * layer.out_h * layer.out_w * layer.batch * layer.elem_bytes
            out[i] = plane / layer.input_bytes
    return out
