"""Mappers: where each layer runs and in what order, chosen by name (see ``base``).

``map_workload(workload, system, mapper="h2h", objective="latency", ...)`` is ``h2h.map``;
``MAPPERS`` lists them. Importing this package is cheap: OR-Tools and pymoo load only when the
cpsat or nsga2 mapper runs.
"""
from . import brute_force, compute_priority, cpsat, h2h_mapper, nsga2, random_mapper  # noqa: F401  (register)
from .base import MAPPERS, MapResult, Problem, Solution, map_workload

__all__ = ["MAPPERS", "MapResult", "Problem", "Solution", "map_workload"]
