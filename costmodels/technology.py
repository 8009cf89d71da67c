"""Technology table: what one action costs in picojoules.

The per-layer analysis counts actions (MACs, L1 and L2 accesses) in MAC-energy units, the way
MAESTRO does; this table turns those counts, and the bytes moved through DRAM and the interconnect,
into joules (the Timeloop/Accelergy split between counting and pricing).

Defaults and where they come from (8-bit data, the ``Layer.elem_bytes`` default):

* ``pj_per_mac = 0.23``: 45 nm, 8-bit integer multiply 0.2 pJ + 8-bit add 0.03 pJ
  (M. Horowitz, "Computing's energy problem", ISSCC 2014, Fig. 1.1.9).
* ``l1_multiplier = 1.68`` and ``l2_multiplier = 18.61``: energy of one L1 / L2 access relative to
  one MAC, MAESTRO's constants (Kwon et al., MICRO 2019; maestro-project/maestro, the printed
  summary). They follow Eyeriss' normalised access costs (Chen et al., ISCA 2016).
* ``pj_per_dram_byte = 160``: Horowitz ISSCC 2014 gives 640 pJ for a 32-bit DRAM read, i.e. 160 pJ
  per byte (about 700x an 8-bit MAC; Eyeriss quotes 200x a 16-bit MAC, the same order).
* ``pj_per_link_byte = 8``: 1 pJ/bit, the energy of short-reach package links such as Simba's
  ground-referenced signalling (0.82-1.75 pJ/bit; Shao et al., MICRO 2019). A system's links may
  set their own ``pj_per_byte``; this is the default for links that do not.
"""
from __future__ import annotations

import math

from dataclasses import asdict, dataclass, fields
from typing import Any

from workloads.errors import type_name

from .errors import CostModelError


@dataclass(frozen=True)
class Technology:
    """Per-action energies; see the module docstring for the source of each default."""

    pj_per_mac: float = 0.23
    l1_multiplier: float = 1.68
    l2_multiplier: float = 18.61
    pj_per_dram_byte: float = 160.0
    pj_per_link_byte: float = 8.0

    def __post_init__(self) -> None:
        for f in fields(self):
            v = getattr(self, f.name)
            if (isinstance(v, bool) or not isinstance(v, (int, float)) or math.isnan(v) or v < 0
                    or math.isinf(v)):
                raise CostModelError(f"'{f.name}' must be a finite number >= 0, got {v!r}",
                                     item="technology")
            object.__setattr__(self, f.name, float(v))

    @property
    def pj_per_l1_access(self) -> float:
        return self.pj_per_mac * self.l1_multiplier

    @property
    def pj_per_l2_access(self) -> float:
        return self.pj_per_mac * self.l2_multiplier

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Any, *, file: str | None = None) -> "Technology":
        if data is None:
            return cls()
        if not isinstance(data, dict):
            raise CostModelError(f"'technology' must be a mapping, got {type_name(data)}", file=file,
                           item="technology")
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise CostModelError(f"unknown key(s) {unknown}; expected some of {sorted(known)}", file=file,
                           item="technology")
        try:
            return cls(**data)
        except CostModelError as e:
            raise e.located(file=file) from None
