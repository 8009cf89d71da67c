"""Chrome / Perfetto trace of a real-time timeline (chrome://tracing or https://ui.perfetto.dev).

Process "accelerators": a thread per accelerator with each segment a frame ran there
(``MODEL#FRAME``). Process "frames": a thread per model with each frame's span from release to
completion (or to its deadline, for a dropped frame), coloured by status. Times are microseconds.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .run import RealtimeResult

_COLORS = {"done": "good", "dropped": "terrible", "unfinished": "grey"}


def trace_events(result: RealtimeResult) -> list[dict[str, Any]]:
    models = list(result.models)
    events: list[dict[str, Any]] = []
    for pid, proc, lanes in ((1, "accelerators", result.accelerators), (2, "frames", models)):
        events.append({"ph": "M", "name": "process_name", "pid": pid, "tid": 0, "args": {"name": proc}})
        for tid, lane in enumerate(lanes):
            events.append({"ph": "M", "name": "thread_name", "pid": pid, "tid": tid, "args": {"name": lane}})
    accs = {a: i for i, a in enumerate(result.accelerators)}
    for f in result.frames:
        name = f"{f.model}#{f.frame}"
        for r in f.runs:
            events.append({"name": name, "cat": "segment", "ph": "X", "pid": 1, "tid": accs[r.accelerator],
                           "ts": r.start_ms * 1e3, "dur": (r.end_ms - r.start_ms) * 1e3,
                           "args": {"layers": [r.first_layer, r.stop_layer], "energy_mj": r.energy_mj}})
        if f.status not in _COLORS:
            continue
        end = f.completion_ms if f.completion_ms is not None else f.deadline_ms
        start = f.inject_ms if f.inject_ms is not None else f.release_ms
        events.append({"name": f"{name} {f.status}", "cat": f.status, "ph": "X", "pid": 2,
                       "tid": models.index(f.model), "ts": start * 1e3, "dur": max(end - start, 0.0) * 1e3,
                       "cname": _COLORS[f.status],
                       "args": {"deadline_ms": f.deadline_ms, "delay_ms": f.delay_ms, "energy_mj": f.energy_mj}})
    return events


def write_trace(result: RealtimeResult, path: str | Path) -> Path:
    p = Path(path)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(json.dumps({"traceEvents": trace_events(result), "displayTimeUnit": "ms",
                             "otherData": {"overall_score": result.overall_score, "policy": result.policy}}))
    return p
