"""h2h: map multi-modal multi-task DNNs onto heterogeneous accelerators and co-design them.

The public API is imported lazily so that ``h2h --help`` and small commands start fast.
"""
from __future__ import annotations

import importlib
from typing import Any

from .errors import ConfigError, H2HError, MappingError, WorkloadError

__version__ = "0.1.0"

# public name -> "module:attribute"
_LAZY = {
    "load_workload": "workloads.load:load_workload",
    "from_torch": "workloads.torch_import:from_torch",
    "load_system": "h2h.system:load_system",
    "system_names": "h2h.system:system_names",
    "System": "h2h.system:System",
    "evaluate": "h2h.evaluate:evaluate",
    "map": "h2h.mappers:map_workload",
    "MAPPERS": "h2h.mappers:MAPPERS",
    "Space": "h2h.space:Space",
    "evaluate_candidate": "h2h.space:evaluate_candidate",
    "nas": "h2h.flnas:nas",
    "codesign": "h2h.codesign:codesign",
    "run_batch": "h2h.batch:run_batch",
    "realtime": "h2h.realtime:realtime",
    "load_scenario": "workloads.scenario:load_scenario",
}


def __getattr__(name: str) -> Any:
    target = _LAZY.get(name)
    if target is None:
        raise AttributeError(f"module 'h2h' has no attribute {name!r}")
    module, attr = target.split(":")
    value = getattr(importlib.import_module(module), attr)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = ["ConfigError", "H2HError", "MappingError", "WorkloadError", *_LAZY]
