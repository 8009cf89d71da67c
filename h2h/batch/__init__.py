"""Batch studies from one YAML file: sweeps, resumable runs, local or Dask execution, reports.

``run_batch(config_path, out_dir, workers=..., check=False)`` is the entry point; ``h2h batch``
calls it. See :mod:`h2h.batch.schema` for the config format and :mod:`h2h.batch.runner` for the
results folder.
"""
from .executors import WorkerStartError
from .runner import BatchOutcome, BatchPlan, plan_batch, run_batch

__all__ = ["BatchOutcome", "BatchPlan", "WorkerStartError", "plan_batch", "run_batch"]
