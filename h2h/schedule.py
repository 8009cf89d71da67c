"""What a mapping is and what scheduling it gives back, as plain data.

``Mapping``: which accelerator runs each layer, optionally the order of layers on each accelerator,
and the layers whose weights stay resident in their accelerator's local DRAM. ``Schedule``: compute
intervals (one per layer) and transfer intervals (interconnect transfers, and local-DRAM moves whose
``links`` is empty). ``EvalResult``: latency, energy and its breakdown, utilization, bytes moved and
the schedule; ``to_dict()`` is its JSON form.
"""
from __future__ import annotations

import reprlib
from collections.abc import Mapping as MappingABC
from collections.abc import Set as SetABC
from dataclasses import dataclass, field
from numbers import Number
from typing import Any

from workloads.errors import type_name

from .errors import MappingError

ENERGY_PARTS = ("compute", "onchip", "dram", "interconnect", "static")
RECORD_EXTRAS = ("order", "resident", "sequence")   # a mapping record's keys besides its assignment


def _layer_names(value: Any, key: str, item: str, *, ordered: bool) -> tuple[str, ...]:
    """``value`` as a tuple of layer names: a list (a set too when ``ordered`` is false) of strings
    or numbers (YAML reads an unquoted numeric name as a number), else a MappingError. A string, a
    dict or an unordered set where order matters is a wrong type, not a list of its characters/keys."""
    wrong = (isinstance(value, (str, bytes, MappingABC)) or not hasattr(value, "__iter__")
             or (ordered and isinstance(value, SetABC)))
    if wrong:
        raise MappingError(f"'{key}' is a list of layer names, got {reprlib.repr(value)}", item=item)
    names = tuple(value)
    for i, x in enumerate(names):
        if isinstance(x, bool) or not isinstance(x, (str, Number)):
            raise MappingError(f"'{key}' is a list of layer names; entry {i} is {reprlib.repr(x)}", item=item)
    return tuple(str(x) for x in names)


@dataclass(frozen=True)
class Mapping:
    """``assignment`` {layer: accelerator}; ``order`` {accelerator: [layers in run order]} (optional,
    may list a subset); ``resident``: layers whose weights are preloaded in local DRAM; ``sequence``
    (optional): the scheduler's whole processing order, every layer once. Per-accelerator orders fix
    only each accelerator's run order and the scheduler interleaves them by its priority rule; a
    sequence also fixes the interleaving, hence the order in which links are booked."""

    assignment: dict[str, str]
    order: dict[str, tuple[str, ...]] | None = None
    resident: frozenset[str] = frozenset()
    sequence: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.assignment, MappingABC):
            raise MappingError(f"a mapping is {{layer: accelerator}}, got {type_name(self.assignment)}")
        object.__setattr__(self, "assignment", {str(k): str(v) for k, v in self.assignment.items()})
        if self.order is not None:
            if not isinstance(self.order, MappingABC):
                raise MappingError("'order' must be {accelerator: [layer, ...]}")
            order = {}
            for acc, seq in self.order.items():
                order[str(acc)] = _layer_names(seq, "order", f"order of '{acc}'", ordered=True)
            object.__setattr__(self, "order", order)
        object.__setattr__(self, "resident", frozenset(_layer_names(self.resident, "resident", "resident", ordered=False)))
        if self.sequence is not None:
            object.__setattr__(self, "sequence", _layer_names(self.sequence, "sequence", "sequence", ordered=True))

    @classmethod
    def coerce(cls, mapping: "Mapping | MappingABC[str, str]") -> "Mapping":
        return mapping if isinstance(mapping, Mapping) else cls(mapping)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"assignment": dict(self.assignment)}
        if self.order is not None:
            out["order"] = {k: list(v) for k, v in self.order.items()}
        if self.resident:
            out["resident"] = sorted(self.resident)
        if self.sequence is not None:
            out["sequence"] = list(self.sequence)
        return out

    @classmethod
    def from_dict(cls, data: Any) -> "Mapping":
        if not isinstance(data, MappingABC) or "assignment" not in data:
            raise MappingError(f"a mapping record needs 'assignment' (and optional {', '.join(RECORD_EXTRAS)})")
        unknown = sorted(set(map(str, data)) - {"assignment", *RECORD_EXTRAS})
        if unknown:
            raise MappingError(f"unknown key(s) {unknown} in a mapping record; expected assignment, "
                               f"{', '.join(RECORD_EXTRAS)}")
        return cls(data["assignment"], data.get("order"), data.get("resident") or (), data.get("sequence"))


@dataclass(frozen=True)
class ComputeInterval:
    layer: str
    accelerator: str
    start_s: float
    end_s: float


@dataclass(frozen=True)
class TransferInterval:
    """A move of ``bytes``: ``kind`` is load (weights and/or model input from host), activation,
    output (to host), spill (local DRAM round trip) or resident_weights (local DRAM read).
    ``links`` is the route held (empty for local-DRAM moves); ``layer`` the layer it serves."""

    kind: str
    src: str
    dst: str
    links: tuple[str, ...]
    start_s: float
    end_s: float
    bytes: float
    layer: str
    producer: str | None = None


@dataclass(frozen=True)
class Schedule:
    compute: tuple[ComputeInterval, ...]
    transfers: tuple[TransferInterval, ...]

    def interval(self, layer: str) -> ComputeInterval:
        for c in self.compute:
            if c.layer == layer:
                return c
        raise KeyError(layer)

    def transfers_of(self, layer: str) -> list[TransferInterval]:
        return [t for t in self.transfers if t.layer == layer]

    def model_finish_s(self, model_of: MappingABC[str, str]) -> dict[str, float]:
        """When each model's last layer finishes, with the write of its outputs to the host:
        the per-model latency of an MMMT workload whose models start together at 0.
        ``model_of`` maps layer names to model tags (``{l.name: l.model for l in workload}``)."""
        out: dict[str, float] = {}
        for c in self.compute:
            m = model_of[c.layer]
            out[m] = max(out.get(m, 0.0), c.end_s)
        for t in self.transfers:
            if t.kind == "output" and t.layer in model_of:
                m = model_of[t.layer]
                out[m] = max(out.get(m, 0.0), t.end_s)
        ordered = dict.fromkeys(model_of.values())
        return {m: out[m] for m in ordered if m in out}

    def to_dict(self) -> dict[str, Any]:
        return {
            "compute": [{"layer": c.layer, "accelerator": c.accelerator, "start_s": c.start_s,
                         "end_s": c.end_s} for c in self.compute],
            "transfers": [{"kind": t.kind, "src": t.src, "dst": t.dst, "links": list(t.links),
                           "start_s": t.start_s, "end_s": t.end_s, "bytes": t.bytes, "layer": t.layer,
                           **({"producer": t.producer} if t.producer else {})} for t in self.transfers],
        }


@dataclass(frozen=True)
class EvalResult:
    """The outcome of scheduling one mapping; ``energy_breakdown_j`` keys are ``ENERGY_PARTS``."""

    latency_s: float
    energy_j: float
    energy_breakdown_j: dict[str, float]
    utilization: dict[str, float]
    link_bytes: dict[str, float]
    dram_bytes: dict[str, float]
    schedule: Schedule
    mapping: Mapping
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def edp(self) -> float:
        return self.latency_s * self.energy_j

    @property
    def bytes_moved(self) -> dict[str, dict[str, float]]:
        return {"links": dict(self.link_bytes), "dram": dict(self.dram_bytes)}

    def to_dict(self, *, schedule: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "latency_s": self.latency_s,
            "energy_j": self.energy_j,
            "energy_breakdown_j": dict(self.energy_breakdown_j),
            "utilization": dict(self.utilization),
            "bytes_moved": self.bytes_moved,
        }
        record = self.mapping.to_dict()   # its assignment is called "mapping" here
        out["mapping"] = record.pop("assignment")
        out.update(record)
        out.update(self.extra)
        if schedule:
            out["schedule"] = self.schedule.to_dict()
        return out
