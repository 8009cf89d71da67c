"""The scheduler: one list-scheduling loop, vectorised over a batch of candidate mappings.

``Scheduler(workload, system, cost_table)`` precomputes everything evaluations share (per-layer
costs, in-edges, routes and their costs as tables over node indices: accelerators ``0..A-1``, the
host ``A``). ``evaluate_batch(assign[B, L], resident[B, L], order)`` schedules B mappings at once;
``evaluate(mapping)`` runs the same loop with B = 1 and records the intervals. There is no second
implementation.

Semantics (times in seconds; every rule holds for every candidate of the batch):

* Layers are visited in one topological *processing order*: given (a mapping's ``sequence``),
  merged from per-accelerator orders, or by default earliest-start-first (``asap_order`` with each
  layer's fastest latency: models interleave the way they would run, so shared links are booked
  roughly in time order).
  Each accelerator runs its layers one at a time in that order; a layer starts when its
  accelerator is free and all of its data is there. A layer's transfers are booked in this order:
  its weights/model-input load, then its in-edges in ``workload.edges`` order.
* Double buffering: weights (and model inputs) of a layer are fetched while the accelerator's
  previous layer computes, i.e. the fetch may start when that previous layer *starts*.
  Non-resident weights and model inputs come from host over the interconnect (``HOST_LOAD``);
  resident weights are read from local DRAM at its bandwidth (``RESIDENT_WEIGHTS``).
* Activations: if the producer is the layer that ran just before on the same accelerator, the data
  is still on chip (``ONCHIP``, free). Same accelerator but not consecutive: written to local DRAM and
  read back (``LOCAL_DRAM``, ``2 * bytes / dram_bw``). Different accelerators: a transfer over the
  route, requested when the producer ends, landing in the consumer's local DRAM, then read
  (``INTERCONNECT``, ``+ bytes / dram_bw``). Outputs of layers without consumers go to host.
* Links: each link is busy with one transfer at a time; a route holds all its links for the whole
  transfer (cut-through). A shared bus is one link, so all transfers serialise on it; a crossbar has
  one link per pair. Transfers are booked in processing order, each after the transfers already
  booked on its links (no back-filling of earlier gaps); model outputs, which nothing waits for,
  are booked after all other transfers.
* Local DRAM ports are not modelled as a shared resource; DRAM passes add time and energy only.
* Makespan: the last compute end or output arrival at host. Static energy: each accelerator's
  static power over the whole makespan.
* Energy: compute (MACs) and on-chip (L1 + L2) from the CostTable; DRAM and interconnect from
  ``costmodels.comm`` (``DRAM_PASSES``, ``USES_LINK``; per-edge accounting).

The system's ``conventions: h2h_code`` swaps the timing rules above for those of the H2H authors'
code (xyzxinyizhang/H2H, ``Mapper/MapperH2H.py``), in the same loop:

* A layer starts when its accelerator is free and its producers have *ended*, then runs in series:
  its weights (unless resident) and inputs come from host memory, it computes, and it writes its
  output back to host memory. No prefetch: the accelerator is busy for the whole span, and its
  compute interval in the trace is that span.
* Chaining: an input whose producer ran just before on the same accelerator is not read, and a
  layer whose one consumer runs next on its accelerator does not write its output; every other
  activation goes through host memory (also between layers on one accelerator), read as
  ``costmodels.comm.h2h_code_read_factor`` times its bytes (the code's ``2R x 2C`` input plane).
* ``conventions: h2h_code_unchained`` is the same without chaining: every activation goes through
  host memory, as the code times its steps 1 and 2 (activation locality is its step 3).
* Transfers are booked on the links host <-> accelerator (a crossbar gives each accelerator its
  own, as the code's per-accelerator ``W_mem``; a bus makes them contend).
* Energy: besides the usual parts, an accelerator draws its ``busy_power_w`` while it waits on its
  transfers (booked as interconnect energy), so with an ``fpga15`` accelerator a layer costs
  ``power * (end - start)``, the code's rule.
"""
from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np

from costmodels.comm import (DRAM_TIME_PASSES, Move, dram_time_s, h2h_code_read_factor, move_energy_j,
                             transfer_time_s)
from costmodels.cost_table import CostTable
from workloads.graph import Workload, cycle_text

from .errors import MappingError
from .schedule import (ENERGY_PARTS, ComputeInterval, EvalResult, Mapping, Schedule,
                       TransferInterval)
from .system import System

@dataclass(frozen=True)
class BatchResult:
    """Per-candidate results of :meth:`Scheduler.evaluate_batch` (arrays of length B).

    ``valid`` is False where a candidate broke a rule (infeasible pair, residency over capacity,
    bad order) and ``on_invalid="inf"`` was asked; those rows hold ``inf``. ``energy_breakdown_j``
    has the keys of ``h2h.schedule.ENERGY_PARTS``.
    """

    latency_s: np.ndarray
    energy_j: np.ndarray
    energy_breakdown_j: dict[str, np.ndarray]
    valid: np.ndarray

    @property
    def edp(self) -> np.ndarray:
        return self.latency_s * self.energy_j

    def objective(self, name: str) -> np.ndarray:
        """'latency', 'energy' or 'edp'."""
        return {"latency": self.latency_s, "energy": self.energy_j, "edp": self.edp}[name]


class _State:
    """Per-batch scheduler state in flat arrays (see ``Scheduler._run``)."""

    def __init__(self, batch: int, accelerators: int, link_slots: int) -> None:
        self.batch = batch
        self.acc_free = np.zeros(batch * accelerators)
        self.last_start = np.zeros(batch * accelerators)
        self.last_on = np.full(batch * accelerators, -1, dtype=np.int64)
        self.link_free = np.zeros(batch * link_slots)
        self.link_row = np.arange(batch) * link_slots
        self.dummy_cells = self.link_row + link_slots - 1


class _Recorder:
    """Collects intervals when B == 1 (the detailed path)."""

    def __init__(self) -> None:
        self.transfers: list[TransferInterval] = []


class Scheduler:
    """Precomputed tables + the batched scheduling loop. See the module docstring.

    Public tables for mappers (L layers in ``layer_names`` order, A accelerators, host index A):
      cost_table                       the CostTable (compute_latency_s[L, A], compute_energy_j, ...)
      layer_names, accelerator_names, layer_index, accelerator_index, host_index (= A)
      edge_src[E], edge_dst[E], edge_bytes[E]   inter-layer tensors (layer indices, bytes)
      preds[L], succs[L]                        lists of (layer, edge) index pairs
      weight_bytes[L], external_input_bytes[L], output_to_host_bytes[L]
      path_bandwidth_gbps[A+1, A+1], path_latency_s, path_pj_per_byte  (uncontended route costs)
      default_order[L]                          the processing order used when none is given
                                                (see ``asap_order``)
      default_rank[L]                           each layer's position in default_order
      merge_orders(chains), merge_sequence(assign, sequence)   per-accelerator orders -> processing order
    """

    def __init__(self, workload: Workload, system: System, cost_table: CostTable | None = None) -> None:
        ct = cost_table if cost_table is not None else CostTable(workload, system)
        if ct.accelerator_names != system.accelerator_names:
            raise MappingError(f"the cost table's accelerators {ct.accelerator_names} are not the "
                               f"system's {system.accelerator_names}", item=f"system '{system.name}'")
        if ct.layer_names != workload.layer_names:
            raise MappingError("the cost table was built for another workload",
                               item=f"workload '{workload.name}'")
        bad = ct.unrunnable_layers()
        if bad:
            name = bad[0]
            why = "; ".join(f"{a}: {ct.infeasible_reason.get((name, a), '?')}" for a in ct.accelerator_names)
            raise MappingError(f"no accelerator can run this layer ({why})",
                               file=system.source, item=f"layer '{name}'")
        self.workload, self.system, self.cost_table = workload, system, ct
        self.technology = ct.technology
        self.layer_names = ct.layer_names
        self.accelerator_names = ct.accelerator_names
        self.layer_index = ct.layer_index
        self.accelerator_index = ct.accelerator_index
        L, A = len(self.layer_names), len(self.accelerator_names)
        self.num_layers, self.num_accelerators, self.host_index = L, A, A
        self.node_names = [*self.accelerator_names, system.host.name]

        edges = workload.edges
        li = self.layer_index
        self.edge_src = np.array([li[e.src] for e in edges], dtype=np.int64)
        self.edge_dst = np.array([li[e.dst] for e in edges], dtype=np.int64)
        self.edge_bytes = np.array([e.bytes for e in edges], dtype=np.float64)
        self.preds: list[list[tuple[int, int]]] = [[] for _ in range(L)]
        self.succs: list[list[tuple[int, int]]] = [[] for _ in range(L)]
        for k, (s, d) in enumerate(zip(self.edge_src, self.edge_dst)):
            self.preds[d].append((int(s), k))
            self.succs[s].append((int(d), k))
        self.in_degree = np.array([len(p) for p in self.preds], dtype=np.int64)
        D = int(self.in_degree.max()) if L else 0
        self._pred_edge = np.full((L, max(D, 1)), -1, dtype=np.int64)
        for d, plist in enumerate(self.preds):
            for n, (_, k) in enumerate(plist):
                self._pred_edge[d, n] = k

        self.weight_bytes = ct.weight_bytes
        self.external_input_bytes = ct.external_input_bytes
        self.output_to_host_bytes = ct.output_to_host_bytes
        self._lat = ct.compute_latency_s
        self._feasible = ct.feasible
        self._all_feasible = bool(ct.feasible.all())
        self._onchip_j = ct.l1_energy_j + ct.l2_energy_j
        accs = system.accelerators
        self.dram_bandwidth_gbps = np.array([a.dram_bandwidth_gbps for a in accs])
        self.dram_capacity_bytes = np.array([a.dram_capacity_bytes for a in accs], dtype=np.float64)
        self.static_power_w = np.array([a.static_power_w for a in accs])
        self.busy_power_w = np.array([a.busy_power_w for a in accs])
        self.serial = system.conventions.startswith("h2h_code")
        self.chaining = system.conventions != "h2h_code_unchained"
        self.read_factor = h2h_code_read_factor(workload) if self.serial else np.ones(L)
        out_degree = np.bincount(self.edge_src, minlength=L)
        self._sole_consumer = np.array([s[0][0] if len(s) == 1 else -1 for s in self.succs], dtype=np.int64)
        self._writes_always = (out_degree != 1) | (self.output_to_host_bytes > 0)
        self.output_bytes = ct.output_bytes

        # routes over node indices (accelerators 0..A-1, host A); link index NL is a dummy
        self.link_names = [k.name for k in system.links]
        link_id = {n: i for i, n in enumerate(self.link_names)}
        NL, N = len(self.link_names), A + 1
        self._dummy = NL
        routes = {(u, v): [link_id[k.name] for k in system.route(self.node_names[u], self.node_names[v])]
                  for u in range(N) for v in range(N)}
        H = max(1, max(len(r) for r in routes.values()))
        self._route = np.full((N, N, H), NL, dtype=np.int64)
        self.path_bandwidth_gbps = np.full((N, N), np.inf)
        self.path_latency_s = np.zeros((N, N))
        self.path_pj_per_byte = np.zeros((N, N))
        for (u, v), r in routes.items():
            self._route[u, v, :len(r)] = r
            if u != v:
                pc = system.path_cost(self.node_names[u], self.node_names[v])
                self.path_bandwidth_gbps[u, v] = pc.bandwidth_gbps
                self.path_latency_s[u, v] = pc.latency_s
                self.path_pj_per_byte[u, v] = pc.pj_per_byte
        self._num_nodes = N
        self._route_flat = self._route.reshape(N * N, H)
        self._bw_flat = self.path_bandwidth_gbps.ravel()
        self._lat_flat = self.path_latency_s.ravel()
        fastest = np.where(self._feasible, self._lat, np.inf).min(axis=1)
        self.default_order = self.asap_order(fastest[None, :] if L else np.zeros((1, 0)))[0]
        self.default_rank = np.empty(L, dtype=np.int64)   # each layer's position in default_order
        self.default_rank[self.default_order] = np.arange(L)

    # ---- helpers mappers use --------------------------------------------------------------------
    def transfer_time_s(self, src, dst, nbytes):
        """Uncontended time to move ``nbytes`` between node indices (host = ``host_index``)."""
        src, dst = np.asarray(src), np.asarray(dst)
        return transfer_time_s(np.where(src == dst, 0.0, nbytes), self.path_bandwidth_gbps[src, dst],
                               self.path_latency_s[src, dst])

    def transfer_energy_j(self, src, dst, nbytes):
        """Interconnect energy of moving ``nbytes`` between node indices (DRAM passes excluded)."""
        return np.asarray(nbytes, dtype=np.float64) * self.path_pj_per_byte[src, dst] * 1e-12

    def occupancy_s(self) -> np.ndarray:
        """[L, A] how long a layer holds an accelerator on its own: its compute latency, plus under
        ``conventions: h2h_code`` its unchained whole-layer transfers (weights and inputs in, output
        out, over the uncontended host route), which it waits for in series."""
        lat = np.where(self._feasible, self._lat, np.inf)
        if not self.serial:
            return lat
        A, host = self.num_accelerators, self.host_index
        L = self.num_layers
        in_bytes = np.bincount(self.edge_dst, weights=self.edge_bytes, minlength=L)
        load = self.weight_bytes + (self.external_input_bytes + in_bytes) * self.read_factor
        write = np.where(self._writes_always | (self._sole_consumer >= 0), self.output_bytes, 0.0)
        accs = np.arange(A)
        t_in = self.transfer_time_s(np.full(A, host), accs, load[:, None])
        t_out = self.transfer_time_s(accs, np.full(A, host), write[:, None])
        return lat + t_in + t_out

    def asap_order(self, latency_s: np.ndarray) -> np.ndarray:
        """Earliest-start-first processing orders, [B, L], from per-candidate layer latencies [B, L].

        Each layer's estimated start is the longest path of latencies to it (no communication);
        layers are ordered by that estimate, ties in workload order, which keeps the order
        topological. With each layer's fastest latency this is ``default_order``; with
        ``compute_latency_s[l, assign[b, l]]`` it is a mapping-aware order for ``evaluate_batch``.
        """
        latency_s = np.atleast_2d(np.asarray(latency_s, dtype=np.float64))
        B, L = latency_s.shape
        est = np.zeros((B, L))
        for j in range(L):  # layer_names is a topological order
            for i, _ in self.preds[j]:
                np.maximum(est[:, j], est[:, i] + latency_s[:, i], out=est[:, j])
        tie = np.broadcast_to(np.arange(L), (B, L))
        return np.lexsort((tie, est), axis=-1).astype(np.int64)

    def assignment_array(self, mapping: "Mapping | dict[str, str]") -> np.ndarray:
        """{layer: accelerator} -> int array [L], validated."""
        m = Mapping.coerce(mapping)
        unknown = sorted(set(m.assignment) - set(self.layer_index))
        if unknown:
            raise MappingError(f"the mapping names unknown layer(s) {unknown[:5]}",
                               item=f"workload '{self.workload.name}'")
        missing = [n for n in self.layer_names if n not in m.assignment]
        if missing:
            raise MappingError(f"{len(missing)} layer(s) are not mapped, e.g. {missing[:5]}",
                               item=f"workload '{self.workload.name}'")
        out = np.empty(self.num_layers, dtype=np.int64)
        for name, acc in m.assignment.items():
            a = self.accelerator_index.get(acc)
            if a is None:
                raise MappingError(f"unknown accelerator '{acc}'; expected one of {self.accelerator_names}",
                                   item=f"layer '{name}'")
            out[self.layer_index[name]] = a
        return out

    def mapping_from_arrays(self, assign: Any, resident: Any = None) -> Mapping:
        """The inverse of ``assignment_array``/``resident_array``: int [L] (+ bool [L]) -> Mapping."""
        assign = np.asarray(assign)
        res = frozenset() if resident is None else frozenset(
            self.layer_names[i] for i in np.flatnonzero(np.asarray(resident, dtype=bool)))
        return Mapping({n: self.accelerator_names[int(a)] for n, a in zip(self.layer_names, assign)},
                       resident=res)

    def resident_array(self, mapping: "Mapping | dict[str, str]") -> np.ndarray:
        m = Mapping.coerce(mapping)
        out = np.zeros(self.num_layers, dtype=bool)
        for name in m.resident:
            if name not in self.layer_index:
                raise MappingError("'resident' names an unknown layer", item=f"layer '{name}'")
            out[self.layer_index[name]] = True
        return out

    def order_array(self, mapping: "Mapping | dict[str, str]", assign: np.ndarray | None = None) -> np.ndarray:
        """The processing order: the mapping's ``sequence`` (checked against the DAG and its
        per-accelerator orders), else its per-accelerator orders merged by ``merge_orders``, else
        ``default_order``."""
        m = Mapping.coerce(mapping)
        if not m.order and m.sequence is None:
            return self.default_order
        assign = self.assignment_array(m) if assign is None else assign
        chains = self._chains(m, assign)
        if m.sequence is not None:
            return self._sequence_array(m.sequence, chains)
        merged = self.merge_orders(chains.values())
        if len(merged) < self.num_layers:
            g = nx.DiGraph(zip(self.edge_src.tolist(), self.edge_dst.tolist()))
            for idx in chains.values():
                g.add_edges_from(zip(idx, idx[1:]))
            cyc = cycle_text(g, self.layer_names.__getitem__)
            raise MappingError(f"the per-accelerator order contradicts the data dependencies: {cyc}",
                               item="order")
        return merged

    def _chains(self, m: Mapping, assign: np.ndarray) -> dict[str, list[int]]:
        """The per-accelerator orders of ``m`` as layer indices, checked against the assignment."""
        chains = {}
        for acc, seq in (m.order or {}).items():
            a = self.accelerator_index.get(acc)
            if a is None:
                raise MappingError(f"the order names unknown accelerator '{acc}'", item=f"order of '{acc}'")
            if len(set(seq)) != len(seq):
                raise MappingError("a layer appears twice", item=f"order of '{acc}'")
            idx = []
            for name in seq:
                i = self.layer_index.get(name)
                if i is None:
                    raise MappingError(f"unknown layer '{name}'", item=f"order of '{acc}'")
                if assign[i] != a:
                    raise MappingError(f"layer '{name}' is mapped to '{self.accelerator_names[assign[i]]}'",
                                       item=f"order of '{acc}'")
                idx.append(i)
            chains[acc] = idx
        return chains

    def _sequence_array(self, names: Sequence[str], chains: dict[str, list[int]]) -> np.ndarray:
        """A mapping's ``sequence`` as indices: every layer once, producers first, and each
        per-accelerator order (if given too) followed."""
        idx = []
        for name in names:
            i = self.layer_index.get(name)
            if i is None:
                raise MappingError(f"unknown layer '{name}'", item="sequence")
            idx.append(i)
        seq = np.array(idx, dtype=np.int64)
        pos = np.full(self.num_layers, -1, dtype=np.int64)
        for p, i in enumerate(idx):
            if pos[i] >= 0:
                raise MappingError(f"layer '{self.layer_names[i]}' appears twice", item="sequence")
            pos[i] = p
        missing = [self.layer_names[i] for i in np.flatnonzero(pos < 0)]
        if missing:
            more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
            raise MappingError(f"every layer must appear once; missing {', '.join(missing[:3])}{more}",
                               item="sequence")
        late = np.flatnonzero(pos[self.edge_src] > pos[self.edge_dst])
        if len(late):
            k = int(late[0])
            raise MappingError(f"layer '{self.layer_names[self.edge_dst[k]]}' comes before its producer "
                               f"'{self.layer_names[self.edge_src[k]]}'", item="sequence")
        for acc, chain in chains.items():
            for u, v in zip(chain, chain[1:]):
                if pos[u] > pos[v]:
                    raise MappingError(f"the order of '{acc}' runs '{self.layer_names[u]}' before "
                                       f"'{self.layer_names[v]}', the sequence the other way round",
                                       item="sequence")
        return seq

    def merge_orders(self, chains: Any) -> np.ndarray:
        """THE rule that turns per-accelerator orders into one processing order: repeatedly take, of
        the layers whose producers and chain predecessor are done, the one earliest in
        ``default_order``. ``chains`` is an iterable of layer-index sequences (one per accelerator;
        layers in no chain are free). The result is shorter than L iff the chains and the DAG form a
        cycle. Mappers call this (via ``merge_sequence``) so they predict exactly what
        ``order_array`` gives."""
        L = self.num_layers
        prio = self.default_rank.tolist()
        need = self.in_degree.tolist()
        waiting: list[list[int]] = [[d for d, _ in s] for s in self.succs]
        for seq in chains:
            for u, v in zip(seq, seq[1:]):
                waiting[int(u)].append(int(v))
                need[int(v)] += 1
        heap = [(prio[l], l) for l in range(L) if need[l] == 0]
        heapq.heapify(heap)
        out = []
        while heap:
            _, j = heapq.heappop(heap)
            out.append(j)
            for s in waiting[j]:
                need[s] -= 1
                if need[s] == 0:
                    heapq.heappush(heap, (prio[s], s))
        return np.array(out, dtype=np.int64)

    def merge_sequence(self, assign: Any, sequence: Any) -> np.ndarray:
        """``merge_orders`` of the per-accelerator orders that follow one global ``sequence`` of
        layer indices under ``assign`` [L]."""
        chains: dict[int, list[int]] = {}
        for l in sequence:
            chains.setdefault(int(assign[l]), []).append(int(l))
        return self.merge_orders(chains.values())

    # ---- validation -----------------------------------------------------------------------------
    def _check(self, assign: np.ndarray, resident: np.ndarray, order: np.ndarray) -> tuple[np.ndarray, list[str]]:
        """(valid[B], a message for the first invalid candidate per rule)."""
        B, L, A = assign.shape[0], self.num_layers, self.num_accelerators
        msgs: list[str] = []
        valid = np.ones(B, dtype=bool)
        ok_pair = valid[:, None] if self._all_feasible else self._feasible[np.arange(L)[None, :], assign]
        valid &= ok_pair.all(axis=1)
        if not valid.all():
            b = int(np.flatnonzero(~valid)[0])
            l = int(np.flatnonzero(~ok_pair[b])[0])
            name, acc = self.layer_names[l], self.accelerator_names[assign[b, l]]
            why = self.cost_table.infeasible_reason.get((name, acc), "infeasible")
            msgs.append(f"layer '{name}' cannot run on '{acc}': {why}")
        cells = (np.arange(B) * A)[:, None] + assign
        load = np.bincount(cells.ravel(), weights=(resident * self.weight_bytes[None, :]).ravel(),
                           minlength=B * A).reshape(B, A)
        over = load > self.dram_capacity_bytes[None, :]
        cap_ok = ~over.any(axis=1)
        if not cap_ok.all():
            b = int(np.flatnonzero(~cap_ok)[0])
            a = int(np.flatnonzero(over[b])[0])
            msgs.append(f"resident weights on '{self.accelerator_names[a]}' need {load[b, a]:.0f} bytes, "
                        f"more than its DRAM capacity of {self.dram_capacity_bytes[a]:.0f} bytes")
        valid &= cap_ok
        if order is not self.default_order:
            ords = order if order.ndim == 2 else order[None, :]
            good = (np.sort(ords, axis=1) == np.arange(L)[None, :]).all(axis=1)
            if len(self.edge_src):
                ords = np.where(good[:, None], ords, np.arange(L)[None, :])
                pos = np.empty_like(ords)
                np.put_along_axis(pos, ords, np.arange(L)[None, :].repeat(len(ords), 0), axis=1)
                good &= (pos[:, self.edge_src] < pos[:, self.edge_dst]).all(axis=1)
            if not good.all():
                which = f"candidate {int(np.flatnonzero(~good)[0])}'s" if order.ndim == 2 else "the"
                msgs.append(f"{which} processing order is not a topological permutation of the layers")
            valid &= np.broadcast_to(good, valid.shape)
        return valid, msgs

    # ---- the batch API --------------------------------------------------------------------------
    def evaluate_batch(self, assign: Any, resident: Any = None, order: Any = None, *,
                       on_invalid: str = "raise") -> BatchResult:
        """Schedule B candidate mappings at once.

        assign: int [B, L] (or [L]) accelerator index of each layer (``layer_names`` order).
        resident: bool [B, L] (or [L]) weights preloaded in local DRAM; default none.
        order: processing order, int [L] shared by all candidates or [B, L]; each must be a
            topological permutation. Default ``default_order``.
        on_invalid: "raise" -> MappingError for the first bad candidate; "inf" -> mark it invalid
            (``valid`` False, latency and energy inf) and go on.
        """
        res, _ = self._evaluate(assign, resident, order, on_invalid=on_invalid, record=False)
        return res

    def _normalise(self, assign: Any, resident: Any, order: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        L, A = self.num_layers, self.num_accelerators
        assign = np.atleast_2d(np.asarray(assign))
        if assign.ndim != 2 or assign.shape[1] != L or not np.issubdtype(assign.dtype, np.integer):
            raise MappingError(f"assign must be an integer array [B, {L}], got shape {assign.shape} "
                               f"of {assign.dtype}", item="evaluate_batch")
        if assign.size and (assign.min() < 0 or assign.max() >= A):
            raise MappingError(f"assign holds accelerator indices outside 0..{A - 1}", item="evaluate_batch")
        B = assign.shape[0]
        if resident is None:
            resident = np.zeros((B, L), dtype=bool)
        resident = np.broadcast_to(np.asarray(resident, dtype=bool), (B, L))
        order = self.default_order if order is None else np.asarray(order, dtype=np.int64)
        if order.ndim == 2 and order.shape[0] == 1 and B > 1:
            order = order[0]
        if order.shape not in ((L,), (B, L)):
            raise MappingError(f"order must be [L] or [B, L] with L = {L}, got shape {order.shape}",
                               item="evaluate_batch")
        return assign.astype(np.int64, copy=False), resident, order

    def _evaluate(self, assign: Any, resident: Any, order: Any, *, on_invalid: str, record: bool):
        if on_invalid not in ("raise", "inf"):
            raise MappingError(f"on_invalid must be 'raise' or 'inf', got {on_invalid!r}")
        assign, resident, order = self._normalise(assign, resident, order)
        valid, msgs = self._check(assign, resident, order)
        if msgs and on_invalid == "raise":
            raise MappingError(msgs[0], item="mapping")
        run_order = order
        if not valid.all() and order is not self.default_order:  # keep the loop well-defined
            run_order = np.where(valid[:, None], order, self.default_order[None, :])
        rec = _Recorder() if record else None
        out = self._run(assign, resident, run_order, rec)
        lat, breakdown = out["makespan"], out["breakdown"]
        energy = sum(breakdown.values())
        if not valid.all():
            lat = np.where(valid, lat, np.inf)
            energy = np.where(valid, energy, np.inf)
        return BatchResult(lat, energy, breakdown, valid), (out, rec)

    # ---- the one scheduling loop ----------------------------------------------------------------
    def _transfer(self, st, src, dst, nbytes, request, rec, kind, layer, producer=None):
        """Book a transfer of ``nbytes`` (array [B]; zero books nothing) from node ``src`` to ``dst``
        requested at ``request``; returns when it ends ([B], ``request`` where nothing moved)."""
        active = nbytes > 0
        if not active.any():
            return request
        pair = src * self._num_nodes + dst
        route = self._route_flat[pair]                        # [B, H] link ids (dummy-padded)
        if route.ndim == 1:
            route = np.broadcast_to(route, (st.batch, route.shape[0]))
        cells = st.link_row[:, None] + route
        link_free = st.link_free
        held = link_free[cells]
        start = np.maximum(request, held.max(axis=1))
        end = np.where(active, start + transfer_time_s(nbytes, self._bw_flat[pair], self._lat_flat[pair]),
                       request)
        link_free[cells] = np.where(active[:, None], end[:, None], held)
        link_free[st.dummy_cells] = 0.0
        if rec is not None and active[0]:
            s, d = int(np.ravel(src)[0]), int(np.ravel(dst)[0])
            links = tuple(self.link_names[k] for k in route[0] if k != self._dummy)
            rec.transfers.append(TransferInterval(kind, self.node_names[s], self.node_names[d], links,
                                                  float(start[0]), float(end[0]), float(nbytes[0]),
                                                  layer, producer))
        return end

    def _run(self, assign: np.ndarray, resident: np.ndarray, order: np.ndarray, rec: _Recorder | None):
        """The scheduling loop over layers in processing order; state is kept in flat arrays indexed
        ``b * A + accelerator`` and ``b * (links + 1) + link`` (1-D fancy indexing is the cheap kind)."""
        B, L, A = assign.shape[0], self.num_layers, self.num_accelerators
        host = self.host_index
        bi = np.arange(B)
        st = _State(B, A, len(self.link_names) + 1)
        acc_free, last_start, last_on = st.acc_free, st.last_start, st.last_on
        start = np.zeros((B, L))
        end = np.zeros((B, L))
        edge_move = np.full((B, len(self.edge_src)), int(Move.ONCHIP), dtype=np.int64)
        O = self.output_to_host_bytes
        lat_flat = self._lat.ravel()
        shared = order.ndim == 1
        names = self.layer_names
        any_resident = bool(resident.any())
        row_a = bi * A
        row_l = bi * L
        assign_flat, resident_flat = assign.ravel(), np.ascontiguousarray(resident).ravel()
        start_flat, end_flat = start.ravel(), end.ravel()   # views: writes land in start / end
        serial = self.serial
        nxt = self.next_on_accelerator(assign, order) if serial else None
        for t in range(L):
            if shared:
                j = int(order[t])
                a = assign[:, j]
                res = resident[:, j] if any_resident else None
            else:
                j = order[:, t]
                cell = row_l + j
                a = assign_flat[cell]
                res = resident_flat[cell] if any_resident else None
            jname = names[int(np.ravel(j)[0])] if rec is not None else ""
            fa = row_a + a
            prev = last_on[fa]
            dmax = int(self.in_degree[j]) if shared else int(self.in_degree[j].max())
            inputs = [self._in_edge(j, d, shared, assign, assign_flat, end, end_flat, row_l) for d in range(dmax)]
            if serial:
                ready, e = self._serial_span(st, j, a, res, prev, inputs, acc_free[fa], nxt, edge_move, rec,
                                             jname)
            else:
                ready = self._overlapped_inputs(st, j, a, res, prev, inputs, acc_free[fa], last_start[fa],
                                                edge_move, rec, jname)
                e = ready + lat_flat[j * A + a]
            if shared:
                start[:, j] = ready
                end[:, j] = e
            else:
                start_flat[cell] = ready
                end_flat[cell] = e
            acc_free[fa] = e
            last_start[fa] = ready
            last_on[fa] = j
        makespan = end.max(axis=1) if L else np.zeros(B)
        # model outputs: nothing waits for them, so they are booked last (in processing order) and
        # never hold a link that an earlier-requested load or activation needed
        for t in ([] if serial else np.flatnonzero(self._sink_at_step(order))):
            j = order[t] if shared else order[:, t]
            out = np.broadcast_to(O[j], (B,))
            sent = self._transfer(st, assign[bi, j], host, out, end[bi, j], rec, "output",
                                  names[int(np.ravel(j)[0])] if rec is not None else "")
            makespan = np.maximum(makespan, sent)
        breakdown = self._energy(assign, resident, edge_move, makespan)
        if serial:   # the accelerator's busy power while it waits on its own transfers
            rows = np.arange(L)[None, :]
            waiting = end - start - self._lat[rows, assign]
            breakdown["interconnect"] = breakdown["interconnect"] + (self.busy_power_w[assign] * waiting).sum(axis=1)
        return {"makespan": makespan, "start": start, "end": end, "edge_move": edge_move,
                "breakdown": breakdown}

    def _in_edge(self, j, d, shared, assign, assign_flat, end, end_flat, row_l):
        """The d-th in-edge of layer(s) ``j``: (edge k, producer i, bytes [B], producer's accelerator,
        producer's end, valid [B] or None when every candidate has it)."""
        k = self._pred_edge[j, d]
        if shared:
            i = int(self.edge_src[k])
            return k, i, self.edge_bytes[k], assign[:, i], end[:, i], None
        valid = k >= 0
        i = self.edge_src[k]
        return k, i, self.edge_bytes[k] * valid, assign_flat[row_l + i], end_flat[row_l + i], valid

    def _overlapped_inputs(self, st, j, a, res, prev, inputs, ready, prefetch, edge_move, rec, jname):
        """When layer(s) ``j`` on ``a`` may start under the default (overlapped) conventions: loads
        prefetched from the previous layer's start, activations on chip, via local DRAM or a link."""
        B = st.batch
        w = self.weight_bytes[j]
        X = self.external_input_bytes[j]
        dram_bps = self.dram_bandwidth_gbps
        load = np.full(B, w + X) if res is None else w * ~res + X
        ready = np.maximum(ready, self._transfer(st, self.host_index, a, load, prefetch, rec, "load", jname))
        if res is not None and res.any():
            wt = res * dram_time_s(w, dram_bps[a])
            ready = np.maximum(ready, prefetch + wt)
            if rec is not None and res[0] and w > 0:
                an = self.node_names[int(a[0])]
                rec.transfers.append(TransferInterval("resident_weights", an, an, (),
                                                      float(prefetch[0]), float(prefetch[0] + wt[0]),
                                                      float(w), jname))
        for k, i, nb, ai, fin, valid in inputs:
            same = ai == a
            onchip = same & (prev == i)
            local = same ^ onchip
            pname = self.layer_names[int(np.ravel(i)[0])] if rec is not None else None
            arrive = self._transfer(st, ai, a, nb * ~same, fin, rec, "activation", jname, pname)
            # ONCHIP = 2, LOCAL_DRAM = 3, INTERCONNECT = 4 (costmodels.comm.Move)
            move = int(Move.INTERCONNECT) - 2 * onchip - local
            read = DRAM_TIME_PASSES[move] * dram_time_s(nb, dram_bps[a])
            r = arrive + read                  # arrive == fin where nothing crossed a link
            self._note_moves(edge_move, k, move, valid)
            ready = np.maximum(ready, r if valid is None else np.where(valid, r, 0.0))
            if rec is not None and local[0]:
                an = self.node_names[int(a[0])]
                rec.transfers.append(TransferInterval("spill", an, an, (), float(fin[0]),
                                                      float(fin[0] + read[0]), float(np.ravel(nb)[0]),
                                                      jname, pname))
        return ready

    @staticmethod
    def _note_moves(edge_move, k, move, valid) -> None:
        if valid is None:
            edge_move[:, k] = move
        else:
            edge_move[np.flatnonzero(valid), k[valid]] = move[valid]

    def _serial_span(self, st, j, a, res, prev, inputs, ready, nxt, edge_move, rec, jname):
        """[start, end] of layer(s) ``j`` on ``a`` under ``conventions: h2h_code`` (module docstring):
        after the producers end, load weights and inputs, compute, write the output, in series."""
        host, q = self.host_index, self.read_factor[j]
        for *_, fin, valid in inputs:
            ready = np.maximum(ready, fin if valid is None else np.where(valid, fin, 0.0))
        w = self.weight_bytes[j]
        load = (w if res is None else w * ~res) + self.external_input_bytes[j] * q
        t = self._transfer(st, host, a, np.broadcast_to(load, (st.batch,)), ready, rec, "load", jname)
        if res is not None and res.any():
            t = t + res * dram_time_s(w, self.dram_bandwidth_gbps[a])
        for k, i, nb, ai, fin, valid in inputs:
            onchip = (ai == a) & (prev == i) & self.chaining
            pname = self.layer_names[int(np.ravel(i)[0])] if rec is not None else None
            t = self._transfer(st, host, a, nb * q * ~onchip, t, rec, "activation", jname, pname)
            self._note_moves(edge_move, k, np.where(onchip, int(Move.ONCHIP), int(Move.INTERCONNECT)), valid)
        t = t + self._lat[j, a]
        bi = np.arange(st.batch)
        write = self._writes_always[j] | (nxt[bi, j] != self._sole_consumer[j]) | (not self.chaining)
        out = self._transfer(st, a, host, self.output_bytes[j] * write, t, rec, "output", jname)
        return ready, out

    def next_on_accelerator(self, assign: np.ndarray, order: np.ndarray) -> np.ndarray:
        """[B, L]: the layer each accelerator processes right after each layer (-1 for its last)."""
        B, L = assign.shape
        bi = np.arange(B)
        nxt = np.full((B, L), -1, dtype=np.int64)
        last = np.full((B, self.num_accelerators), -1, dtype=np.int64)
        for t in range(L):
            j = order[t] if order.ndim == 1 else order[:, t]
            a = assign[bi, j]
            p = last[bi, a]
            has = p >= 0
            nxt[bi[has], p[has]] = np.broadcast_to(j, (B,))[has]
            last[bi, a] = j
        return nxt

    def _sink_at_step(self, order: np.ndarray) -> np.ndarray:
        """[L] bool: some candidate processes a layer with output to host at this step."""
        has_out = self.output_to_host_bytes > 0
        return has_out[order] if order.ndim == 1 else has_out[order].any(axis=0)

    def _energy(self, assign, resident, edge_move, makespan) -> dict[str, np.ndarray]:
        ct, tech, host = self.cost_table, self.technology, self.host_index
        rows = np.arange(self.num_layers)[None, :]
        mac = ct.mac_energy_j[rows, assign].sum(axis=1)
        onchip = self._onchip_j[rows, assign].sum(axis=1)
        pj_dram = tech.pj_per_dram_byte
        dram = np.zeros(assign.shape[0])
        link = np.zeros(assign.shape[0])
        parts = [
            (np.where(resident, Move.RESIDENT_WEIGHTS, Move.HOST_LOAD), self.weight_bytes,
             self.path_pj_per_byte[host, assign]),
            (Move.HOST_LOAD, self.external_input_bytes, self.path_pj_per_byte[host, assign]),
            (Move.TO_HOST, self.output_to_host_bytes, self.path_pj_per_byte[assign, host]),
        ]
        if len(self.edge_src):
            parts.append((edge_move, self.edge_bytes,
                          self.path_pj_per_byte[assign[:, self.edge_src], assign[:, self.edge_dst]]))
        for move, nbytes, pj in parts:
            dj, lj = move_energy_j(move, nbytes, pj, pj_dram)
            dram += np.broadcast_to(dj, pj.shape).sum(axis=1)
            link += np.broadcast_to(lj, pj.shape).sum(axis=1)
        static = self.static_power_w.sum() * makespan
        return dict(zip(ENERGY_PARTS, (mac, onchip, dram, link, static)))

    # ---- the detailed single evaluation ---------------------------------------------------------
    def evaluate(self, mapping: "Mapping | dict[str, str]") -> EvalResult:
        """Schedule one mapping with the batch loop (B = 1) and record every interval."""
        m = Mapping.coerce(mapping)
        assign = self.assignment_array(m)
        resident = self.resident_array(m)
        order = self.order_array(m, assign)
        batch, (out, rec) = self._evaluate(assign[None, :], resident[None, :], order,
                                           on_invalid="raise", record=True)
        makespan = float(batch.latency_s[0])
        start, end = out["start"][0], out["end"][0]
        compute = tuple(sorted((ComputeInterval(self.layer_names[l], self.accelerator_names[assign[l]],
                                                float(start[l]), float(end[l])) for l in range(self.num_layers)),
                               key=lambda c: (c.start_s, c.accelerator)))
        transfers = tuple(sorted(rec.transfers, key=lambda t: (t.start_s, t.kind)))
        busy = np.bincount(assign, weights=end - start, minlength=self.num_accelerators)
        util = {n: (float(busy[a] / makespan) if makespan > 0 else 0.0)
                for a, n in enumerate(self.accelerator_names)}
        link_bytes = {n: 0.0 for n in self.link_names}
        for t in transfers:
            for k in t.links:
                link_bytes[k] += t.bytes
        dram_bytes = self._dram_bytes(assign, resident, out["edge_move"][0])
        return EvalResult(makespan, float(batch.energy_j[0]),
                          {k: float(v[0]) for k, v in batch.energy_breakdown_j.items()}, util,
                          link_bytes, dram_bytes, Schedule(compute, transfers), m)

    def _dram_bytes(self, assign: np.ndarray, resident: np.ndarray, edge_move: np.ndarray) -> dict[str, float]:
        """Bytes through each DRAM (host and every accelerator's local DRAM), one candidate."""
        A = self.num_accelerators
        local = np.zeros(A)
        np.add.at(local, assign, np.where(resident, self.weight_bytes, 0.0))
        if len(self.edge_src):
            passes = np.where(edge_move == Move.ONCHIP, 0.0, 2.0)
            np.add.at(local, assign[self.edge_dst], passes * self.edge_bytes)
        host = (np.where(resident, 0.0, self.weight_bytes).sum() + self.external_input_bytes.sum()
                + self.output_to_host_bytes.sum())
        out = {self.system.host.name: float(host)}
        out.update({n: float(local[a]) for a, n in enumerate(self.accelerator_names)})
        return out


def make_assign(scheduler: Scheduler, mappings: Sequence["Mapping | dict[str, str]"]) -> np.ndarray:
    """Stack {layer: accelerator} mappings into the [B, L] array ``evaluate_batch`` takes."""
    return np.stack([scheduler.assignment_array(m) for m in mappings])
