"""Weight locality (H2H step 2): which layers keep their weights resident in local DRAM.

Per accelerator this is a 0/1 knapsack: items are the layers mapped there that have weights, an
item's size is its weight bytes, the capacity is the accelerator's ``dram_capacity_bytes``, and its
value is what residency saves under the objective, priced with the scheduler's own tables:

* latency (and edp): a host load over the route (``path latency + bytes / path bandwidth``) replaced
  by one local-DRAM read (``bytes / dram bandwidth``);
* energy: the interconnect energy of the host load (the DRAM pass is paid either way).

On a link that other transfers share, the saving above undersells residency: a host load also
holds the link everyone else waits for. ``link_time_value`` prices what residency frees there (the
host load's link time); h2h offers the knapsack under both values and keeps whichever schedules
better, so residency is judged by the scheduler, the same way at every bandwidth.

``knapsack_resident`` solves it exactly by dynamic programming over capacity in ``buckets`` steps
(sizes rounded *up*, so the answer always fits). ``greedy_resident`` is the vectorised, batched
value-density greedy used inside searches that score many candidates at once.
"""
from __future__ import annotations

import numpy as np


def residency_value(scheduler, objective: str) -> np.ndarray:
    """[L, A] what keeping each layer's weights resident on each accelerator saves (>= 0)."""
    W = scheduler.weight_bytes[:, None]
    host = scheduler.host_index
    A = scheduler.num_accelerators
    if objective == "energy":
        value = W * scheduler.path_pj_per_byte[host, :A][None, :] * 1e-12
    else:
        bw = scheduler.path_bandwidth_gbps[host, :A][None, :] * 1e9
        t_host = np.where(W > 0, scheduler.path_latency_s[host, :A][None, :] + W / bw, 0.0)
        t_res = W / (scheduler.dram_bandwidth_gbps[None, :] * 1e9)
        value = t_host - t_res
    return np.maximum(value, 0.0)


def link_time_value(scheduler) -> np.ndarray:
    """[L, A] the link time a resident layer frees: its host load's ``path latency + bytes /
    path bandwidth`` (0 for layers without weights)."""
    W = scheduler.weight_bytes[:, None]
    host, A = scheduler.host_index, scheduler.num_accelerators
    bw = scheduler.path_bandwidth_gbps[host, :A][None, :] * 1e9
    return np.where(W > 0, scheduler.path_latency_s[host, :A][None, :] + W / bw, 0.0)


def knapsack_resident(scheduler, assign: np.ndarray, value: np.ndarray, *, buckets: int = 4096) -> np.ndarray:
    """[L] bool: an optimal (up to the bucket rounding of sizes) resident set for ``assign``."""
    W = scheduler.weight_bytes
    cap = scheduler.dram_capacity_bytes
    resident = np.zeros(len(assign), dtype=bool)
    for a in range(scheduler.num_accelerators):
        items = np.flatnonzero((assign == a) & (W > 0) & (value[:, a] > 0))
        if not len(items):
            continue
        if W[items].sum() <= cap[a]:
            resident[items] = True
            continue
        unit = cap[a] / buckets
        size = np.ceil(W[items] / unit).astype(np.int64)
        val = value[items, a]
        best = np.zeros(buckets + 1)
        take = np.zeros((len(items), buckets + 1), dtype=bool)
        for n, (s, v) in enumerate(zip(size, val)):
            if s > buckets:
                continue
            cand = best[:-s] + v if s else best + v
            if s:
                better = cand > best[s:]
                take[n, s:] = better
                best[s:] = np.where(better, cand, best[s:])
        c = int(np.argmax(best))
        for n in range(len(items) - 1, -1, -1):
            if take[n, c]:
                resident[items[n]] = True
                c -= int(size[n])
    return resident


def greedy_resident(scheduler, assign: np.ndarray, value: np.ndarray) -> np.ndarray:
    """[B, L] bool for a batch ``assign[B, L]``: per accelerator, layers by decreasing value per byte,
    resident while the running total fits the capacity (a prefix; vectorised over the batch)."""
    assign = np.atleast_2d(assign)
    W = scheduler.weight_bytes
    cap = scheduler.dram_capacity_bytes
    B, L = assign.shape
    resident = np.zeros((B, L), dtype=bool)
    has_w = W > 0
    for a in range(scheduler.num_accelerators):
        density = np.where(has_w & (value[:, a] > 0), value[:, a] / np.maximum(W, 1.0), -1.0)
        idx = np.argsort(-density, kind="stable")
        idx = idx[density[idx] > 0]
        if not len(idx):
            continue
        on = assign[:, idx] == a
        total = np.cumsum(on * W[idx][None, :], axis=1)
        resident[:, idx] |= on & (total <= cap[a])
    return resident
