"""The mapper interface: one registry, one front door, one result type.

A mapper decides *where* each layer runs (an accelerator index per layer), optionally in which order
each accelerator runs its layers, and whose weights stay resident in local DRAM. It never prices
anything itself: candidates are scored by the scheduler (``Scheduler.evaluate_batch``), which reads
the CostTable. ``map_workload`` resolves the inputs, runs the chosen mapper and schedules its answer
once more in detail (``Scheduler.evaluate``), so every reported number comes from the scheduler.

A mapper is a callable ``mapper(problem: Problem, **options) -> Solution`` registered by name in
``MAPPERS`` (``register``). Heavy solvers (ortools, pymoo) are imported inside their mapper only.
"""
from __future__ import annotations

import inspect
import time
from collections.abc import Callable, Mapping as MappingABC
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import MappingError
from ..schedule import RECORD_EXTRAS, EvalResult, Mapping

OBJECTIVES = ("latency", "energy", "edp")


@dataclass(frozen=True)
class Solution:
    """What a mapper returns: ``assign[L]`` accelerator indices (``Scheduler.layer_names`` order),
    ``resident[L]`` bools, ``order`` {accelerator index: [layer indices in run order]} or None for the
    scheduler's default processing order, mapper-specific ``extras`` (JSON-able) and, from mappers
    that choose the interleaving too, the whole processing ``sequence`` [L]."""

    assign: np.ndarray
    resident: np.ndarray
    order: dict[int, list[int]] | None = None
    extras: dict[str, Any] = field(default_factory=dict)
    sequence: np.ndarray | None = None


@dataclass
class Problem:
    """One mapping problem: the scheduler (tables + batch API) and what to optimise."""

    scheduler: Any
    objective: str = "latency"
    time_limit_s: float | None = None
    seed: int = 0
    started: float = field(default_factory=time.perf_counter)

    @property
    def num_layers(self) -> int:
        return self.scheduler.num_layers

    @property
    def num_accelerators(self) -> int:
        return self.scheduler.num_accelerators

    @property
    def feasible(self) -> np.ndarray:
        """[L, A] bool: pairs the cost table can run."""
        return self.scheduler.cost_table.feasible

    def time_left_s(self) -> float:
        if self.time_limit_s is None:
            return float("inf")
        return self.time_limit_s - (time.perf_counter() - self.started)

    def score(self, batch: Any) -> np.ndarray:
        """Objective values [B] of a ``BatchResult`` (inf for invalid candidates)."""
        return np.asarray(batch.objective(self.objective), dtype=np.float64)

    def evaluate(self, assign: np.ndarray, resident: np.ndarray | None = None,
                 order: np.ndarray | None = None) -> Any:
        """``evaluate_batch`` with invalid candidates marked inf instead of raising."""
        return self.scheduler.evaluate_batch(assign, resident, order, on_invalid="inf")

    def processing_order(self, assign: np.ndarray, order: dict[int, list[int]] | None) -> np.ndarray | None:
        """The processing order the scheduler derives from per-accelerator orders (None: default)."""
        if not order:
            return None
        merged = self.scheduler.merge_orders(order.values())
        if len(merged) < self.num_layers:
            raise MappingError("the per-accelerator orders contradict the data dependencies", item="order")
        return merged

    def solution_order(self, sol: Solution) -> np.ndarray | None:
        """The processing order the scheduler follows for ``sol``: its sequence, else its
        per-accelerator orders merged (None: the default order)."""
        return sol.sequence if sol.sequence is not None else self.processing_order(sol.assign, sol.order)

    def evaluate_solution(self, sol: Solution) -> float:
        """Objective of one solution exactly as ``Scheduler.evaluate`` of its Mapping would score it."""
        batch = self.evaluate(sol.assign[None, :], sol.resident[None, :], self.solution_order(sol))
        return float(self.score(batch)[0])


MapperFn = Callable[..., Solution]
MAPPERS: dict[str, MapperFn] = {}
#: mapper name -> the function that checks its option values (the mapper calls it first thing, and
#: ``check_options`` calls it before any work: one rule for a run and for ``h2h batch --check``)
OPTION_CHECKS: dict[str, Callable[..., Any]] = {}


def register(name: str, options: Callable[..., Any] | None = None) -> Callable[[MapperFn], MapperFn]:
    """Register mapper ``name``; ``options`` takes its keyword options (all of them, defaults
    filled in) and raises a MappingError naming a bad one."""
    def deco(fn: MapperFn) -> MapperFn:
        MAPPERS[name] = fn
        if options is not None:
            OPTION_CHECKS[name] = options
        return fn
    return deco


def to_mapping(scheduler: Any, assign: np.ndarray, resident: np.ndarray | None,
               order: dict[int, list[int]] | None, sequence: Any = None) -> Mapping:
    """Index arrays -> a :class:`Mapping` by names."""
    layers, accs = scheduler.layer_names, scheduler.accelerator_names
    assignment = {layers[l]: accs[int(a)] for l, a in enumerate(assign)}
    named_order = None
    if order:
        named_order = {accs[a]: tuple(layers[l] for l in seq) for a, seq in order.items() if len(seq)}
    res = frozenset(layers[l] for l in np.flatnonzero(resident)) if resident is not None else frozenset()
    named_seq = None if sequence is None else tuple(layers[int(l)] for l in sequence)
    return Mapping(assignment, named_order, res, named_seq)


def orders_from_sequence(assign: np.ndarray, sequence: Any) -> dict[int, list[int]]:
    """Per-accelerator orders that follow one global ``sequence`` of layer indices."""
    out: dict[int, list[int]] = {}
    for l in sequence:
        out.setdefault(int(assign[l]), []).append(int(l))
    return out


@dataclass
class MapResult:
    """A mapping and how it scheduled. Reads like an :class:`EvalResult` (``schedule``,
    ``utilization``, ``link_bytes``...) so traces and Gantt plots take it directly."""

    mapper: str
    objective: str
    evaluation: EvalResult
    runtime_s: float
    extras: dict[str, Any] = field(default_factory=dict)

    @property
    def latency_s(self) -> float:
        return self.evaluation.latency_s

    @property
    def energy_j(self) -> float:
        return self.evaluation.energy_j

    @property
    def edp(self) -> float:
        return self.evaluation.edp

    @property
    def mapping(self) -> dict[str, str]:
        return dict(self.evaluation.mapping.assignment)

    def model_latency_s(self, workload: Any) -> dict[str, float]:
        """Per model tag of ``workload``: when its last layer (and its output to the host)
        finishes, every model starting at 0."""
        return self.evaluation.schedule.model_finish_s({layer.name: layer.model for layer in workload.layers})

    @property
    def order(self) -> dict[str, list[str]] | None:
        o = self.evaluation.mapping.order
        return None if o is None else {k: list(v) for k, v in o.items()}

    @property
    def resident(self) -> list[str]:
        return sorted(self.evaluation.mapping.resident)

    @property
    def sequence(self) -> list[str] | None:
        """The whole processing order, when the mapper chose one (h2h, cpsat with ``free_sequence``);
        None when the scheduler merges the per-accelerator orders."""
        s = self.evaluation.mapping.sequence
        return None if s is None else list(s)

    @property
    def schedule(self):
        return self.evaluation.schedule

    @property
    def utilization(self) -> dict[str, float]:
        return self.evaluation.utilization

    @property
    def link_bytes(self) -> dict[str, float]:
        return self.evaluation.link_bytes

    @property
    def energy_breakdown_j(self) -> dict[str, float]:
        return self.evaluation.energy_breakdown_j

    def objective_value(self) -> float:
        return {"latency": self.latency_s, "energy": self.energy_j, "edp": self.edp}[self.objective]

    def to_dict(self, *, schedule: bool = False) -> dict[str, Any]:
        out = {"mapper": self.mapper, "objective": self.objective, "runtime_s": self.runtime_s}
        out.update(self.evaluation.to_dict(schedule=schedule))
        out.update({k: v for k, v in self.extras.items() if k not in out})   # extras never hide a field
        return out


def _resolve(workload: Any, system: Any) -> tuple[Any, Any]:
    from workloads.graph import Workload
    from workloads.load import load_workload

    from ..system import System, load_system

    w = workload if isinstance(workload, Workload) else load_workload(workload)
    if isinstance(system, MappingABC):          # a system as plain data, as System.to_dict gives it
        s = System.from_dict(dict(system))
    else:
        s = system if isinstance(system, System) else load_system(system)
    return w, s


def check_objective(objective: str) -> str:
    if objective not in OBJECTIVES:
        raise MappingError(f"unknown objective {objective!r}; expected one of {', '.join(OBJECTIVES)}",
                           item="objective")
    return objective


def get_mapper(name: str) -> MapperFn:
    fn = MAPPERS.get(name)
    if fn is None:
        raise MappingError(f"unknown mapper {name!r}; expected one of: {', '.join(MAPPERS)}", item="mapper")
    return fn


def mapper_options(name: str) -> list[str]:
    """The option names mapper ``name`` takes (its keyword parameters after the problem)."""
    params = list(inspect.signature(get_mapper(name)).parameters.values())[1:]
    return [p.name for p in params if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD)]


def option_lines(name: str) -> list[str]:
    """Mapper ``name``'s options as ``name: type = default``, one per option (its signature)."""
    params = list(inspect.signature(get_mapper(name)).parameters.values())[1:]
    return [f"{p.name}: {p.annotation if isinstance(p.annotation, str) else p.annotation.__name__} = {p.default!r}"
            for p in params if p.name in mapper_options(name)]


def check_options(name: str, options: MappingABC[str, Any]) -> None:
    """Unknown mapper names and option names are MappingErrors that list what the mapper takes
    (with types and defaults); then the values, by the mapper's own check (``OPTION_CHECKS``),
    before any work."""
    known = mapper_options(name)
    for key in options:
        if key not in known:
            raise MappingError(f"not an option of mapper {name!r}; " + (
                f"expected one of: {'; '.join(option_lines(name))}" if known else "it takes no options"),
                item=str(key))
    check = OPTION_CHECKS.get(name)
    if check is not None:
        params = list(inspect.signature(get_mapper(name)).parameters.values())[1:]
        check(**{p.name: options.get(p.name, p.default) for p in params if p.name in known})


MAX_INT_OPTION = 2**31 - 1   # counts and sizes beyond this overflow the solvers' and numpy's int32/index types


def check_int(name: str, value: Any, minimum: int = 1, *, optional: bool = False,
              maximum: int | None = MAX_INT_OPTION) -> int | None:
    """``value`` as an int in [``minimum``, ``maximum``] (None passes when ``optional``; ``maximum``
    None: no upper bound), else a MappingError."""
    if value is None and optional:
        return None
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise MappingError(f"must be an integer >= {minimum}, got {value!r}", item=name)
    if maximum is not None and value > maximum:
        raise MappingError(f"must be an integer <= {maximum}, got {value!r}", item=name)
    return int(value)


def check_bool(name: str, value: Any) -> bool:
    """``value`` as a bool (YAML's true/false), else a MappingError."""
    if not isinstance(value, (bool, np.bool_)):
        raise MappingError(f"must be true or false, got {value!r}", item=name)
    return bool(value)


def check_number(name: str, value: Any, low: float, high: float = float("inf"), *,
                 low_open: bool = False, high_open: bool = False) -> float:
    """``value`` as a float within [low, high] (open ends as asked), else a MappingError."""
    interval = f"{'(' if low_open else '['}{low:g}, {high:g}{')' if high_open else ']'}"
    ok = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))
    if ok:
        v = float(value)
        ok = (v > low if low_open else v >= low) and (v < high if high_open else v <= high)
    if not ok:
        raise MappingError(f"must be a number in {interval}, got {value!r}", item=name)
    return float(value)


# keywords map_workload takes itself (a search's map_options may hold them); the rest go to the mapper
MAP_CALL_KEYS = frozenset({"seed", "time_limit_s", "objective"})


def map_workload(workload: Any, system: Any, mapper: str = "h2h", objective: str = "latency", *,
                 time_limit_s: float | None = None, seed: int = 0, cost_table: Any = None,
                 **options: Any) -> MapResult:
    """Map ``workload`` (object, zoo name or file) onto ``system`` (object or YAML path).

    ``mapper`` is a name in ``MAPPERS``; ``objective`` latency, energy or edp; ``options`` go to the
    mapper (e.g. ``steps=(1, 2, 4)`` for h2h, ``num_workers`` for cpsat, ``pop_size`` for nsga2).
    """
    from ..evaluate import get_scheduler

    fn = get_mapper(mapper)
    check_objective(objective)
    check_options(mapper, options)
    if time_limit_s is not None:
        check_number("time_limit_s", time_limit_s, 0.0, low_open=True)
    seed = check_int("seed", seed, 0, maximum=None)
    w, s = _resolve(workload, system)
    t0 = time.perf_counter()
    sched = get_scheduler(w, s, cost_table)
    problem = Problem(sched, objective, time_limit_s, seed, started=t0)
    sol = fn(problem, **options)
    evaluation = sched.evaluate(to_mapping(sched, sol.assign, sol.resident, sol.order, sol.sequence))
    return MapResult(mapper, objective, evaluation, time.perf_counter() - t0, dict(sol.extras))


def read_mapping_file(path: str | Path) -> Mapping:
    """A mapping saved as JSON or YAML ({assignment, order?, resident?, sequence?}, ``h2h map --json``
    output, or a plain {layer: acc})."""
    import json

    import yaml

    p = Path(path)
    if not p.is_file():
        raise MappingError("no such mapping file", file=str(path))
    try:
        data = json.loads(p.read_text()) if p.suffix == ".json" else yaml.safe_load(p.read_text())
    except (ValueError, yaml.YAMLError) as e:
        raise MappingError(f"not valid JSON/YAML: {e}".splitlines()[0], file=str(path)) from None
    except RecursionError:
        raise MappingError("not valid JSON/YAML: nested too deeply", file=str(path)) from None
    if isinstance(data, MappingABC) and "mapping" in data and "assignment" not in data:
        data = {"assignment": data["mapping"], **{k: data.get(k) for k in RECORD_EXTRAS}}
    if isinstance(data, MappingABC) and "assignment" not in data:
        record_keys = [k for k in RECORD_EXTRAS if k in data and not isinstance(data[k], str)]
        if record_keys:   # a record missing its assignment, not a plain {layer: accelerator}
            raise MappingError(f"has '{record_keys[0]}' but no 'assignment' (or 'mapping') "
                               "{layer: accelerator}", file=str(path))
        data = {"assignment": data}
    try:
        return Mapping.from_dict(data)
    except MappingError as e:
        raise e.located(file=str(path)) from None
