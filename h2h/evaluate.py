"""``evaluate(workload, system, mapping)``: latency, energy and the schedule of one mapping.

A thin front door to :class:`h2h.scheduler.Scheduler`; it keeps the few most recent schedulers so
repeated calls on the same (workload, system) do not rebuild the cost table and route tables.
Searches that evaluate many mappings should hold a ``Scheduler`` and call ``evaluate_batch``.
"""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping as MappingABC
from typing import Any

from costmodels.cost_table import CostTable
from workloads.graph import Workload

from .callable_module import make_callable
from .schedule import EvalResult, Mapping
from .scheduler import Scheduler
from .system import System

_RECENT: "OrderedDict[tuple[int, int, int], tuple[Any, ...]]" = OrderedDict()
_KEEP = 8


def get_scheduler(workload: Workload, system: System, cost_table: CostTable | None = None) -> Scheduler:
    """A Scheduler for (workload, system), reused across calls with the same objects."""
    key = (id(workload), id(system), id(cost_table))
    hit = _RECENT.get(key)
    if hit is not None and hit[0] is workload and hit[1] is system and hit[2] is cost_table:
        _RECENT.move_to_end(key)
        return hit[3]
    sched = Scheduler(workload, system, cost_table)
    _RECENT[key] = (workload, system, cost_table, sched)  # holding the objects keeps their ids unique
    while len(_RECENT) > _KEEP:
        _RECENT.popitem(last=False)
    return sched


def evaluate(workload: Workload, system: System, mapping: Mapping | MappingABC[str, str], *,
             order: MappingABC[str, Any] | None = None, resident: Any = None, sequence: Any = None,
             cost_table: CostTable | None = None) -> EvalResult:
    """Schedule ``mapping`` ({layer: accelerator} or a :class:`Mapping`) on ``system``.

    ``order`` ({accelerator: [layers]}), ``resident`` (layer names) and ``sequence`` (the whole
    processing order, every layer once) override those of a Mapping. Raises MappingError for unknown
    or unmapped layers, unknown accelerators, infeasible pairs, resident weights over DRAM capacity
    and orders or sequences that contradict the data dependencies.
    """
    m = Mapping.coerce(mapping)
    if order is not None or resident is not None or sequence is not None:
        m = Mapping(m.assignment, order if order is not None else m.order,
                    resident if resident is not None else m.resident,
                    sequence if sequence is not None else m.sequence)
    return get_scheduler(workload, system, cost_table).evaluate(m)


make_callable(__name__, evaluate)
