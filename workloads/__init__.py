"""DNN workloads as graphs of layers: the IR, importers/exporters and the model zoo."""
from .errors import H2HError, H2HWarning, WorkloadError
from .graph import Edge, Workload
from .layer import Layer, Op
from .load import load_workload

__all__ = ["Edge", "H2HError", "H2HWarning", "Layer", "Op", "Workload", "WorkloadError", "load_workload"]
