"""Chrome / Perfetto trace of a schedule (open in chrome://tracing or https://ui.perfetto.dev).

Lanes: one process "accelerators" with a thread per accelerator (compute intervals), one process
"interconnect" with a thread per link (a transfer over several links appears on each of them) and
one process "local DRAM" with a thread per accelerator (resident-weight reads and spills).
Times are microseconds, as the trace format wants.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .schedule import EvalResult

_PIDS = {"accelerators": 1, "interconnect": 2, "local DRAM": 3}


def trace_events(result: EvalResult, lanes: dict[str, list[str]] | None = None) -> list[dict[str, Any]]:
    """Trace events; ``lanes`` may fix the lane order {"accelerators": [...], "interconnect": [...]}."""
    sched = result.schedule
    lanes = dict(lanes or {})
    accs = lanes.get("accelerators") or list(result.utilization) or sorted({c.accelerator for c in sched.compute})
    links = lanes.get("interconnect") or list(result.link_bytes) or sorted({k for t in sched.transfers for k in t.links})
    tids = {("accelerators", a): i for i, a in enumerate(accs)}
    tids.update({("interconnect", k): i for i, k in enumerate(links)})
    tids.update({("local DRAM", a): i for i, a in enumerate(accs)})
    events: list[dict[str, Any]] = []
    for proc, pid in _PIDS.items():
        events.append({"ph": "M", "name": "process_name", "pid": pid, "tid": 0, "args": {"name": proc}})
        events.append({"ph": "M", "name": "process_sort_index", "pid": pid, "tid": 0, "args": {"sort_index": pid}})
    for (proc, lane), tid in tids.items():
        events.append({"ph": "M", "name": "thread_name", "pid": _PIDS[proc], "tid": tid, "args": {"name": lane}})
        events.append({"ph": "M", "name": "thread_sort_index", "pid": _PIDS[proc], "tid": tid,
                       "args": {"sort_index": tid}})

    def ev(name: str, cat: str, proc: str, lane: str, start_s: float, end_s: float, args: dict) -> None:
        events.append({"name": name, "cat": cat, "ph": "X", "pid": _PIDS[proc], "tid": tids[(proc, lane)],
                       "ts": start_s * 1e6, "dur": max(end_s - start_s, 0.0) * 1e6, "args": args})

    for c in sched.compute:
        ev(c.layer, "compute", "accelerators", c.accelerator, c.start_s, c.end_s,
           {"layer": c.layer, "latency_s": c.end_s - c.start_s})
    for t in sched.transfers:
        name = f"{t.producer} -> {t.layer}" if t.producer else f"{t.kind} {t.layer}"
        args = {"kind": t.kind, "bytes": t.bytes, "src": t.src, "dst": t.dst, "layer": t.layer}
        if t.links:
            for k in t.links:
                ev(name, t.kind, "interconnect", k, t.start_s, t.end_s, args)
        else:
            ev(name, t.kind, "local DRAM", t.dst, t.start_s, t.end_s, args)
    return events


def to_trace(result: EvalResult) -> dict[str, Any]:
    return {"traceEvents": trace_events(result), "displayTimeUnit": "ms",
            "otherData": {"latency_s": result.latency_s, "energy_j": result.energy_j}}


def write_trace(result: EvalResult, path: str | Path) -> Path:
    """Write the trace JSON to ``path`` and return it."""
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps(to_trace(result)))
    return p
