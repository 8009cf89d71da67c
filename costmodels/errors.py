"""Errors of the cost models: bad dataflows, and layers a dataflow or accelerator cannot price."""
from __future__ import annotations

from workloads.errors import H2HError


class CostModelError(H2HError):
    """A layer, accelerator or request the cost model cannot price as given."""


class DataflowError(CostModelError):
    """A dataflow file or directive is malformed, unknown, or cannot map a layer."""
