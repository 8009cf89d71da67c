"""The shared search space: architecture x hardware x mapping strategy.

A :class:`Space` is assembled from three parts (see :mod:`h2h.space.arch` and
:mod:`h2h.space.hardware`) and a mapper choice, usually from the ``space`` section of a config::

    space:
      architecture: {family: nb201, dataset: cifar10}
      hardware: {system: systems/hetero4_mid.yaml}
      mapper: h2h                 # or a list, e.g. [h2h, compute_priority], to search over it

A candidate is a flat dict ``{variable name: value}``. Its plain-data description
(:meth:`Space.describe`) is exactly the agents' space description (``llm_agents.task``), and the
same parsed description validates every candidate, whoever proposed it; inactive variables are set
to their fallback so that equal designs have equal canonical forms (:meth:`Space.key`).
"""
from __future__ import annotations

import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from llm_agents.space import SpaceDescription, candidate_key

from h2h.config import Section
from h2h.errors import ConfigError
from workloads.errors import type_name

from .arch import arch_from_config
from .hardware import hardware_from_config
from .variables import choice, to_pymoo, value_from_pymoo, value_to_pymoo

DEFAULT_MAPPER = "h2h"


class CandidateError(ConfigError):
    """A candidate handed to the space directly (not through an agent) is not in the space."""


def known_mappers() -> tuple[str, ...] | None:
    """Names of the mappers ``h2h.mappers`` offers (None while that package is absent)."""
    try:
        from h2h.mappers import MAPPERS
    except ImportError:
        return None
    return tuple(MAPPERS)


class Space:
    """Variables, constraints and decoders of one search; see the module docstring."""

    def __init__(self, arch: Any, hardware: Any, mappers: tuple[str, ...] = (DEFAULT_MAPPER,), *,
                 source: str | None = None) -> None:
        self.arch = arch
        self.hardware = hardware
        self.mappers = tuple(mappers)
        self.source = source
        variables = [*arch.variables(), *hardware.variables()]
        if len(self.mappers) > 1:
            variables.append(choice("mapper", self.mappers, role="mapping_strategy",
                                    description="mapping algorithm that places layers on accelerators"))
        if not variables:
            raise ConfigError("the space has no variables: give an architecture family or hardware "
                              "choices", file=source, item="space")
        self.description = SpaceDescription.from_dict(
            {"variables": variables, "constraints": hardware.constraints()})
        self._by_name = {v.name: v for v in self.description.variables}

    # ---- construction ---------------------------------------------------------------------------
    @classmethod
    def from_config(cls, sec: Section | Mapping[str, Any], *, file: str | Path | None = None) -> "Space":
        """Build from a ``space`` config section (a :class:`Section` or a plain dict)."""
        if not isinstance(sec, Section):
            sec = Section(sec, file=file, item="space")
        arch = arch_from_config(sec.section("architecture", required=True))
        hardware = hardware_from_config(sec.section("hardware", required=True))
        raw = sec.raw("mapper", DEFAULT_MAPPER)
        mappers = [raw] if isinstance(raw, str) else raw
        if not isinstance(mappers, list) or not mappers or not all(isinstance(m, str) for m in mappers):
            raise sec.error("mapper", f"expected a mapper name or a list of names, got {raw!r}")
        known = known_mappers()
        for m in mappers:
            if known is not None and m not in known:
                raise sec.error("mapper", f"unknown option {m!r}; expected one of: {', '.join(known)}")
        sec.done()
        return cls(arch, hardware, tuple(dict.fromkeys(mappers)), source=sec.file)

    # ---- variables ------------------------------------------------------------------------------
    @property
    def variables(self) -> tuple[Any, ...]:
        """The parsed variables (``llm_agents.space.Variable``), in order."""
        return self.description.variables

    @property
    def names(self) -> list[str]:
        return self.description.names

    def variable(self, name: str) -> Any:
        return self._by_name[name]

    def describe(self) -> dict[str, Any]:
        """The agents' plain-data space description (variables and constraints)."""
        return self.description.to_dict()

    def template(self) -> dict[str, Any]:
        """Plain facts about the architecture template, hardware and mapping, for prompts."""
        return {"architecture": self.arch.template(), "hardware": self.hardware.template(),
                "mappers": list(self.mappers)}

    # ---- candidates -----------------------------------------------------------------------------
    def validate(self, raw: Any) -> tuple[dict[str, Any] | None, list[str]]:
        """``(canonical candidate, [])``, or ``(None, reasons)``; budget violations are not checked
        here (see :meth:`violations`), so an over-budget design can still be scored as infeasible."""
        if not isinstance(raw, Mapping):
            return None, [f"a candidate must be a mapping, got {type_name(raw)}"]
        loose = SpaceDescription(self.description.variables)
        return loose.validate(raw)

    def canonical(self, raw: Mapping[str, Any]) -> dict[str, Any]:
        """The canonical form of ``raw``; a :class:`CandidateError` lists what is wrong."""
        cand, reasons = self.validate(raw)
        if cand is None:
            raise CandidateError("; ".join(reasons), file=self.source, item="candidate")
        return cand

    def key(self, candidate: Mapping[str, Any]) -> str:
        """Equal for candidates that are the same design (inactive variables ignored)."""
        return candidate_key(self.description.complete(candidate))

    def violations(self, candidate: Mapping[str, Any]) -> dict[str, float]:
        """Per budget, how far the candidate is over it (0 when within), in the budget's units."""
        return {c.name: c.violation(candidate) for c in self.description.constraints}

    def constraint_violation(self, candidate: Mapping[str, Any]) -> float:
        """Sum of the budget overshoots relative to each budget (0 = feasible); pymoo's CV."""
        total = 0.0
        for c in self.description.constraints:
            v = c.violation(candidate)
            if v > 0:
                bound = c.le if c.le is not None else c.ge
                total += v / max(1e-12, abs(bound)) if bound else v
        return total

    def sample(self, rng: random.Random, *, feasible: bool = True, tries: int = 1000) -> dict[str, Any]:
        """A uniformly drawn candidate; with ``feasible``, redrawn until it fits the budgets
        (the last draw is returned, infeasible, if ``tries`` draws all fail)."""
        cand = self.description.sample(rng)
        for _ in range(tries - 1):
            if not feasible or self.constraint_violation(cand) == 0:
                break
            cand = self.description.sample(rng)
        return cand

    # ---- pymoo ----------------------------------------------------------------------------------
    def pymoo_variables(self) -> dict[str, Any]:
        """``{name: pymoo Variable}`` for a mixed-variable pymoo ``Problem(vars=...)``."""
        return {v.name: to_pymoo(v) for v in self.variables}

    def to_pymoo(self, candidate: Mapping[str, Any]) -> dict[str, Any]:
        c = self.description.complete(candidate)
        return {v.name: value_to_pymoo(v, c[v.name]) for v in self.variables}

    def from_pymoo(self, x: Mapping[str, Any]) -> dict[str, Any]:
        """A pymoo point back to a canonical candidate."""
        return self.canonical({v.name: value_from_pymoo(v, x[v.name]) for v in self.variables})

    # ---- decoding -------------------------------------------------------------------------------
    def arch_spec(self, candidate: Mapping[str, Any]) -> dict[str, Any] | None:
        """The architecture spec evaluators score (None for a fixed workload)."""
        return self.arch.spec(candidate)

    def mapper(self, candidate: Mapping[str, Any]) -> str:
        return candidate["mapper"] if len(self.mappers) > 1 else self.mappers[0]

    def area_mm2(self, candidate: Mapping[str, Any]) -> float:
        return float(self.hardware.area_mm2(candidate))

    def decode(self, candidate: Mapping[str, Any]) -> tuple[Any, Any, str]:
        """``(Workload, System, mapper name)`` of a canonical candidate."""
        return self.arch.workload(candidate), self.hardware.system(candidate), self.mapper(candidate)

    def __repr__(self) -> str:
        return f"Space({self.arch.family}, {len(self.names)} variables, mappers={list(self.mappers)})"
