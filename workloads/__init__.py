"""DNN workloads as graphs of layers: the IR, importers/exporters and the model zoo.

The names below are imported on first use, so that ``from workloads.errors import H2HError`` (which
every layer does) does not load networkx and the graph code: small commands start fast.
"""
from __future__ import annotations

import importlib
from typing import Any

from .errors import H2HError, H2HWarning, WorkloadError

# public name -> module that defines it
_LAZY = {"Edge": "workloads.graph", "Workload": "workloads.graph", "Layer": "workloads.layer",
         "Op": "workloads.layer", "load_workload": "workloads.load"}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'workloads' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = ["Edge", "H2HError", "H2HWarning", "Layer", "Op", "Workload", "WorkloadError", "load_workload"]
