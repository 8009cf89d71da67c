"""What an agent is asked (:class:`Task`) and what it answers (:class:`Proposal`), as plain data.

This is the contract between a search (FL-NAS, co-design) and any agent. The search converts its
own space into plain dicts, so this package never imports ``h2h``:

Space description::

    {"variables": [
        {"name": "acc0_pes", "type": "int", "low": 64, "high": 4096, "step": 64,
         "role": "pe_count", "description": "PEs of accelerator 0"},
        {"name": "acc0_dataflow", "type": "choice", "options": ["ws", "os", "rs"], "role": "dataflow"},
        {"name": "acc2_pes", "type": "int", "low": 64, "high": 4096, "step": 64, "role": "pe_count",
         "active_if": {"var": "num_accelerators", "ge": 3}},
        {"name": "clock_ghz", "type": "real", "low": 0.2, "high": 1.5}],
     "constraints": [
        {"name": "area_budget", "le": 4096,
         "terms": [{"coef": 1.0, "vars": ["acc0_pes"]},
                   {"coef": 1.0, "vars": ["acc2_pes"], "active_if": {"var": "num_accelerators", "ge": 3}},
                   {"coef": 0.001, "vars": ["acc0_pes", "acc0_l1_bytes"]}]}]}

* ``type`` is ``choice`` (``options``: a list of JSON scalars), ``int`` or ``real`` (``low``, ``high``
  inclusive, optional ``step`` so that values are ``low + k*step``). Optional: ``role`` (domain
  meaning that the offline heuristic knows: ``num_accelerators pe_count l1_bytes l2_bytes dataflow
  bandwidth_gbps depth width expansion kernel resolution nb201_op backbone mapping_strategy``),
  ``description`` (shown to language models), ``default`` and ``active_if`` (a condition, below).
* A variable whose ``active_if`` does not hold is inactive: it may be left out of a candidate, and
  the canonical candidate carries its ``default`` (else the first option or ``low``).
* Conditions: ``{"var": name, op: value}`` with op one of ``eq ne lt le gt ge in not_in``, or
  ``{"all": [...]}``, ``{"any": [...]}``, ``{"not": cond}``.
* Constraints: ``sum(coef * product(vars))`` over the terms whose ``active_if`` holds, bounded by
  ``le`` and/or ``ge``; a term has zero (a constant), one or two numeric variables. Interpreted by
  :mod:`llm_agents.space`, never evaluated as code.

Objectives: ``[{"name": "latency_s", "direction": "min", "priority": 1}, ...]``; a smaller
``priority`` number is more important (1 first). History: ``[{"candidate": {...}, "metrics":
{"latency_s": 0.01, ...}, "source": "heuristic"}]``; a metric that is missing or not finite marks
a failed evaluation. ``template`` names the prompt (``flnas`` or ``codesign``, or a path to your
own file) and ``context`` holds plain facts for it (application, device constraints, workload
summary, budgets; a ``layer_profile`` helps the heuristic pick dataflows).
"""
from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, runtime_checkable

from .errors import TaskError
from .space import SpaceDescription

DIRECTIONS = ("min", "max")


def _plain(value: Any, where: str) -> Any:
    """``value`` as JSON-ready plain data (tuples become lists); anything else is a task error."""
    try:
        return json.loads(json.dumps(value, allow_nan=True))
    except (TypeError, ValueError) as e:
        raise TaskError(f"must be plain JSON-like data: {e}", item=where) from None


@dataclass(frozen=True)
class Objective:
    name: str
    direction: str = "min"
    priority: int = 1

    @classmethod
    def from_dict(cls, raw: Any, index: int) -> "Objective":
        if isinstance(raw, Objective):
            return raw
        where = f"objective #{index}"
        if not isinstance(raw, Mapping) or not isinstance(raw.get("name"), str) or not raw["name"]:
            raise TaskError("an objective is {'name', 'direction': min|max, 'priority': int}", item=where)
        unknown = sorted(set(raw) - {"name", "direction", "priority"})
        if unknown:
            raise TaskError(f"unknown key '{unknown[0]}'", item=f"objective '{raw['name']}'")
        direction = raw.get("direction", "min")
        priority = raw.get("priority", index + 1)
        if direction not in DIRECTIONS:
            raise TaskError(f"direction must be min or max, got {direction!r}", item=f"objective '{raw['name']}'")
        if not isinstance(priority, int) or isinstance(priority, bool):
            raise TaskError(f"priority must be an integer, got {priority!r}", item=f"objective '{raw['name']}'")
        return cls(raw["name"], direction, priority)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "direction": self.direction, "priority": self.priority}

    def loss(self, metrics: Mapping[str, Any]) -> float:
        """The metric as a quantity to minimise; ``inf`` when missing or not finite."""
        value = metrics.get(self.name)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            return math.inf
        return float(value) if self.direction == "min" else -float(value)


@dataclass(frozen=True)
class Evaluated:
    """One design of the history with what it scored."""

    candidate: Mapping[str, Any]
    metrics: Mapping[str, Any]
    source: str = ""

    @classmethod
    def from_dict(cls, raw: Any, index: int) -> "Evaluated":
        if isinstance(raw, Evaluated):
            return raw
        where = f"history #{index}"
        if not isinstance(raw, Mapping) or not isinstance(raw.get("candidate"), Mapping):
            raise TaskError("a history entry is {'candidate': {...}, 'metrics': {...}, 'source'?}", item=where)
        metrics = raw.get("metrics") or {}
        if not isinstance(metrics, Mapping):
            raise TaskError("'metrics' must be a mapping", item=where)
        return cls(_plain(raw["candidate"], where), _plain(metrics, where), str(raw.get("source", "")))

    def to_dict(self) -> dict[str, Any]:
        return {"candidate": dict(self.candidate), "metrics": dict(self.metrics), "source": self.source}


@dataclass(frozen=True)
class Task:
    """What a search asks an agent for; accepts plain dicts and parses them on construction."""

    space: SpaceDescription
    objectives: tuple[Objective, ...]
    history: tuple[Evaluated, ...] = ()
    n: int = 1
    template: str = "codesign"
    context: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        set_ = object.__setattr__
        set_(self, "space", SpaceDescription.from_dict(self.space))
        objectives = self.objectives
        if not isinstance(objectives, Sequence) or isinstance(objectives, str) or not objectives:
            raise TaskError("needs a non-empty list of objectives", item="objectives")
        set_(self, "objectives", tuple(Objective.from_dict(o, i) for i, o in enumerate(objectives)))
        names = [o.name for o in self.objectives]
        if len(set(names)) != len(names):
            raise TaskError(f"objective names repeat: {names}", item="objectives")
        if not isinstance(self.history, Sequence) or isinstance(self.history, str):
            raise TaskError("history must be a list", item="history")
        set_(self, "history", tuple(Evaluated.from_dict(h, i) for i, h in enumerate(self.history)))
        if not isinstance(self.n, int) or isinstance(self.n, bool) or self.n < 1:
            raise TaskError(f"n must be a positive integer, got {self.n!r}", item="n")
        if not isinstance(self.template, str) or not self.template:
            raise TaskError(f"template must be a name or a path, got {self.template!r}", item="template")
        if not isinstance(self.context, Mapping):
            raise TaskError("context must be a mapping", item="context")
        set_(self, "context", _plain(dict(self.context), "context"))

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> "Task":
        unknown = sorted(set(raw) - {"space", "objectives", "history", "n", "template", "context"})
        if unknown:
            raise TaskError(f"unknown key '{unknown[0]}'", item="task")
        return cls(**raw)

    def to_dict(self) -> dict[str, Any]:
        return {"space": self.space.to_dict(), "objectives": [o.to_dict() for o in self.objectives],
                "history": [h.to_dict() for h in self.history], "n": self.n,
                "template": self.template, "context": dict(self.context)}

    @property
    def ranked_objectives(self) -> list[Objective]:
        """Objectives from most to least important (stable for equal priorities); the objective named
        by ``context["focus"]`` (the end of the front one request of a split warm start covers)
        comes first."""
        ranked = sorted(self.objectives, key=lambda o: o.priority)
        focus = self.context.get("focus")
        return sorted(ranked, key=lambda o: o.name != focus) if focus else ranked

    def digest(self) -> str:
        """A hash of everything the task asks (history sources aside), with floats rounded to 10
        significant digits so that a rerun that computes the same numbers in another order still
        matches."""
        def rounded(x: Any) -> Any:
            if isinstance(x, float):
                return float(f"{x:.10g}") if math.isfinite(x) else str(x)
            if isinstance(x, Mapping):
                return {str(k): rounded(v) for k, v in x.items()}
            if isinstance(x, (list, tuple)):
                return [rounded(v) for v in x]
            return x
        asked = self.to_dict()
        for entry in asked["history"]:
            del entry["source"]  # who proposed a design is a label, not part of the question
        text = json.dumps(rounded(asked), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Proposal:
    """An agent's answer: valid canonical ``candidates``; ``rejected`` proposals with the reason
    (``{"raw": ..., "reason": str}``); the ``transcript`` of what was asked and answered (no
    secrets); ``notes`` that say, in a sentence, what happened."""

    candidates: list[dict[str, Any]]
    rejected: list[dict[str, Any]] = field(default_factory=list)
    transcript: list[dict[str, Any]] = field(default_factory=list)
    notes: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"candidates": [dict(c) for c in self.candidates], "rejected": list(self.rejected),
                "transcript": list(self.transcript), "notes": self.notes}

    @classmethod
    def from_dict(cls, raw: Mapping[str, Any]) -> "Proposal":
        return cls([dict(c) for c in raw.get("candidates", [])], list(raw.get("rejected", [])),
                   list(raw.get("transcript", [])), str(raw.get("notes", "")))


@runtime_checkable
class Agent(Protocol):
    """Anything that proposes designs. ``propose`` never raises because a model answered badly;
    it returns fewer (possibly zero) candidates and says why, so the caller can fall back."""

    name: str

    def propose(self, task: Task) -> Proposal: ...
