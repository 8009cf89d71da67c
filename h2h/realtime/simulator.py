"""The real-time multi-rate scheduler: frames released per period, deadlines, drops and cascades.

Each model of a scenario releases frame k at k x period (period = 1000 // fps ms); its deadline is
the start of the next period. A frame runs as a sequence of *segments*, each a run of consecutive
layers on one accelerator; the plan of a model says where its segments run (``Segment.acc``) or
leaves it open (``None``: the whole model goes to the fastest idle accelerator, XRBench's
LatencyGreedy). A segment, once started, runs to completion (non-preemptive); a frame still waiting
to start at its deadline is dropped. Moving an activation between accelerators costs the system's
interconnect time and energy (XRBench's whole-model dispatch never moves one).

:class:`Conventions` names how the runtime behaves; :data:`XRBENCH` reproduces the reference code
of XRBench (XRBench-MLSys2023, ``HET_runtime.hpp``): events only at ticks of 1000 // max_fps ms and
at completions, one new frame per model per event, models served in name order, a job within
0.01 ms of its end counts as finished, and a child frame k may start once its parent has completed
k + 1 frames (a dropped parent frame therefore blocks the child's later frames). The simulation
stops, as there, once every model has released its last frame (``floor(duration / period)``
frames); frames still waiting or running then are ``unfinished`` and not scored.
"""
from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from workloads.scenario import Scenario

from ..errors import ConfigError
from .costs import ModelCosts


@dataclass(frozen=True)
class Conventions:
    """How the runtime releases, orders and chains frames (see the module docstring)."""

    release: str = "period"  # "period": at k x period; "tick": XRBench's event-driven noticing
    order: str = "deadline"  # "deadline": earliest first; "rate": shortest period first; "name"
    cascade: str = "frame"  # "frame": child k after parent k, dropped with it; "count": XRBench's
    finish_margin_ms: float = 0.0
    wait_for_faster: bool = False  # keep a frame waiting when a busy accelerator would finish it sooner
    drop_hopeless: bool = False  # drop a frame that would start too late to score (> HOPELESS_MS late)

    def __post_init__(self) -> None:
        for key, allowed in (("release", ("period", "tick")), ("order", ("deadline", "rate", "name")),
                             ("cascade", ("frame", "count"))):
            if getattr(self, key) not in allowed:
                raise ConfigError(f"'{key}' must be one of {allowed}, got {getattr(self, key)!r}",
                                  item="conventions")


XRBENCH = Conventions(release="tick", order="name", cascade="count", finish_margin_ms=0.01)
HOPELESS_MS = 0.3  # a frame this late scores 1 / (1 + e^4.5) = 0.011 of an on-time one


@dataclass(frozen=True)
class Segment:
    """Layers ``first:stop`` of a model on accelerator ``acc`` (index), or on the fastest idle one."""

    acc: int | None
    first: int
    stop: int


@dataclass
class Run:
    accelerator: str
    start_ms: float
    end_ms: float
    first_layer: int
    stop_layer: int
    energy_mj: float


@dataclass
class Frame:
    """One frame of one model and what became of it."""

    model: str
    frame: int
    release_ms: float
    deadline_ms: float
    triggered: bool = True
    inject_ms: float | None = None
    status: str = "waiting"  # waiting, running, done, dropped, unfinished, not_triggered, unreleased
    completion_ms: float | None = None
    energy_mj: float = 0.0
    runs: list[Run] = field(default_factory=list)
    next_segment: int = 0
    ready_ms: float = 0.0  # when its next segment may start
    last_acc: int | None = None

    @property
    def delay_ms(self) -> float | None:
        return None if self.completion_ms is None else self.completion_ms - self.deadline_ms

    def to_dict(self) -> dict[str, Any]:
        return {"model": self.model, "frame": self.frame, "status": self.status,
                "release_ms": self.release_ms, "inject_ms": self.inject_ms,
                "deadline_ms": self.deadline_ms, "completion_ms": self.completion_ms,
                "delay_ms": self.delay_ms, "energy_mj": self.energy_mj,
                "runs": [r.__dict__ for r in self.runs]}


class _Sim:
    def __init__(self, scenario: Scenario, costs: dict[str, ModelCosts], plans: dict[str, list[Segment]],
                 conv: Conventions, accelerators: list[str], link_cost,
                 timetable: dict[tuple[str, int], tuple[int, float]] | None = None) -> None:
        self.sc, self.costs, self.plans, self.conv = scenario, costs, plans, conv
        self.timetable = timetable
        self.accs = accelerators
        self.link_cost = link_cost  # (src acc index, dst acc index, bytes) -> (ms, mJ)
        self.models = list(scenario.models)
        self.index = {m.name: i for i, m in enumerate(self.models)}
        self.n_frames = [int(math.floor(scenario.duration_ms / m.period_ms)) for m in self.models]
        self.released = [-1] * len(self.models)
        self.rngs = [np.random.default_rng([scenario.seed, i]) for i in range(len(self.models))]
        self.frames: list[list[Frame]] = [[] for _ in self.models]
        self.queues: list[deque[Frame]] = [deque() for _ in self.models]
        self.busy: list[tuple[Frame, float] | None] = [None] * len(accelerators)
        self.completed = [0] * len(self.models)
        self.children = {i: [self.index[c.name] for c in self.models if c.parent == m.name]
                         for i, m in enumerate(self.models)}
        self.order = sorted(range(len(self.models)), key=lambda i: self.models[i].name)
        self.tick_ms = float(1000 // max(m.fps for m in self.models))
        self.stop_ms = max(((n - 1) * m.period_ms for n, m in zip(self.n_frames, self.models) if n > 0),
                           default=0.0)
        self.base_tick = 0
        # cost of each planned segment on each accelerator: (latency_ms[A], energy_mj[A])
        self.seg_cost: dict[tuple[int, int], tuple[np.ndarray, np.ndarray]] = {}
        for i, m in enumerate(self.models):
            c = costs[m.name]
            for s, seg in enumerate(plans[m.name]):
                self.seg_cost[(i, s)] = (c.latency_ms[seg.first:seg.stop].sum(axis=0),
                                         c.energy_mj[seg.first:seg.stop].sum(axis=0))

    # ---- the loop -------------------------------------------------------------------------------
    def run(self) -> list[Frame]:
        t = 0.0
        while any(self.released[i] < self.n_frames[i] - 1 for i in range(len(self.models))):
            self.release(t)
            self.finish(t)
            self.drop(t)
            self.dispatch(t)
            t = self.next_event(t)
        for frames in self.frames:
            for f in frames:
                if f.status in ("waiting", "running"):
                    f.status = "unfinished"
        for i, frames in enumerate(self.frames):  # frames never released (so they can be listed)
            for k in range(len(frames), self.n_frames[i]):
                p = self.models[i].period_ms
                frames.append(Frame(self.models[i].name, k, k * p, (k + 1) * p, status="unreleased"))
        return [f for frames in self.frames for f in frames]

    def release(self, t: float) -> None:
        for i, m in enumerate(self.models):
            while self.released[i] < self.n_frames[i] - 1 and m.period_ms * (self.released[i] + 1) <= t:
                k = self.released[i] = self.released[i] + 1
                p = m.period_ms
                f = Frame(m.name, k, k * p, (k + 1) * p)
                f.triggered = bool(self.rngs[i].random() < m.probability)
                f.inject_ms = t if self.conv.release == "tick" else float(k * p)
                self.frames[i].append(f)
                if not f.triggered:
                    f.status = "not_triggered"
                    self.parent_gone(i, k, t, untriggered=True)
                elif self.conv.cascade == "frame" and self.parent_lost(i, k):
                    f.status = self.parent_lost(i, k)
                    self.parent_gone(i, k, t, untriggered=f.status == "not_triggered")
                elif (self.timetable is not None and (m.name, k) not in self.timetable
                      and f.deadline_ms < self.stop_ms):
                    f.status = "dropped"  # the timetable leaves it out
                    self.parent_gone(i, k, t)
                else:
                    f.ready_ms = f.inject_ms
                    self.queues[i].append(f)
                if self.conv.release == "tick":
                    break  # XRBench: one frame per model per event

    def parent_lost(self, i: int, k: int) -> str | None:
        """'dropped' or 'not_triggered' when the parent's frame k already is; else None."""
        parent = self.models[i].parent
        if parent is None:
            return None
        frames = self.frames[self.index[parent]]
        if k < len(frames) and frames[k].status in ("dropped", "not_triggered"):
            return frames[k].status
        return None

    def parent_gone(self, i: int, k: int, t: float, untriggered: bool = False) -> None:
        """Frame k of model i will never complete: in 'frame' cascades its children's frame k go too."""
        if self.conv.cascade != "frame":
            return
        for c in self.children[i]:
            frames = self.frames[c]
            if k < len(frames) and frames[k].status == "waiting":
                f = frames[k]
                self.queues[c].remove(f)
                f.status = "not_triggered" if untriggered else "dropped"
                self.parent_gone(c, k, t, untriggered)

    def finish(self, t: float) -> None:
        for a, job in enumerate(self.busy):
            if job is None or t + self.conv.finish_margin_ms < job[1]:
                continue
            f, end = job
            self.busy[a] = None
            i = self.index[f.model]
            if f.next_segment == len(self.plans[f.model]):
                f.status = "done"
                f.completion_ms = end
                self.completed[i] += 1
            else:
                f.status = "waiting"
                f.ready_ms = end
                self.queues[i].appendleft(f)  # its next segment goes before later frames

    def drop(self, t: float) -> None:
        for i in range(len(self.models)):
            q = self.queues[i]
            while q and q[0].next_segment == 0 and q[0].deadline_ms < t:
                f = q.popleft()
                f.status = "dropped"
                self.parent_gone(i, f.frame, t)

    def deps_ok(self, i: int, f: Frame) -> bool:
        parent = self.models[i].parent
        if parent is None or f.next_segment > 0:
            return True
        p = self.index[parent]
        if self.conv.cascade == "count":
            return self.completed[p] - 1 >= f.frame
        frames = self.frames[p]
        return f.frame < len(frames) and frames[f.frame].status == "done"

    def dispatch(self, t: float) -> None:
        changed = True
        while changed:
            changed = False
            if self.conv.order == "name":
                order = self.order
            elif self.conv.order == "rate":
                order = sorted((i for i in range(len(self.models)) if self.queues[i]),
                               key=lambda i: (self.models[i].period_ms, self.queues[i][0].deadline_ms, i))
            else:
                order = sorted((i for i in range(len(self.models)) if self.queues[i]),
                               key=lambda i: (self.queues[i][0].deadline_ms, i))
            for i in order:
                q = self.queues[i]
                if not q:
                    continue
                f = q[0]
                if f.ready_ms > t or not self.deps_ok(i, f):
                    continue
                a = self.choose(i, f, t)
                if a is None:
                    continue
                q.popleft()
                if self.conv.drop_hopeless and f.next_segment == 0 and self.hopeless(i, f, a, t):
                    f.status = "dropped"
                    self.parent_gone(i, f.frame, t)
                    changed = True
                    continue
                self.start(i, f, a, t)
                changed = True

    def choose(self, i: int, f: Frame, t: float) -> int | None:
        if self.timetable is not None:  # a time-triggered schedule: its accelerator, at its time
            acc, start = self.timetable.get((f.model, f.frame), (None, math.inf))
            return acc if acc is not None and start <= t + 1e-9 and self.busy[acc] is None else None
        seg = self.plans[f.model][f.next_segment]
        lat = self.seg_cost[(i, f.next_segment)][0]
        if seg.acc is not None:
            return seg.acc if self.busy[seg.acc] is None else None
        idle = [a for a in range(len(self.accs)) if self.busy[a] is None and np.isfinite(lat[a])]
        if not idle:
            return None
        best = min(idle, key=lambda a: (lat[a], a))
        if self.conv.wait_for_faster:
            for a in range(len(self.accs)):
                job = self.busy[a]
                if job is not None and np.isfinite(lat[a]) and job[1] + lat[a] < t + lat[best] - 1e-9:
                    return None
        return best

    def hopeless(self, i: int, f: Frame, a: int, t: float) -> bool:
        """Even without waiting anywhere later, the frame would end more than HOPELESS_MS late."""
        rest = sum(float(np.min(self.seg_cost[(i, s)][0])) for s in range(1, len(self.plans[f.model])))
        return t + float(self.seg_cost[(i, 0)][0][a]) + rest > f.deadline_ms + HOPELESS_MS

    def start(self, i: int, f: Frame, a: int, t: float) -> None:
        s = f.next_segment
        seg = self.plans[f.model][s]
        lat, en = self.seg_cost[(i, s)]
        dur, energy = float(lat[a]), float(en[a])
        if f.last_acc is not None and f.last_acc != a:
            move_ms, move_mj = self.link_cost(f.last_acc, a,
                                              float(self.costs[f.model].output_bytes[seg.first - 1]))
            dur += move_ms
            energy += move_mj
        end = t + dur
        f.runs.append(Run(self.accs[a], t, end, seg.first, seg.stop, energy))
        f.energy_mj += energy
        f.status = "running"
        f.next_segment = s + 1
        f.last_acc = a
        self.busy[a] = (f, end)

    def next_event(self, t: float) -> float:
        cands = [job[1] for job in self.busy if job is not None]
        if self.conv.release == "tick":
            nxt = (self.base_tick + 1) * self.tick_ms
            ret = min([nxt] + cands)
            if ret == nxt:
                self.base_tick += 1
            return ret
        for i, m in enumerate(self.models):
            if self.released[i] < self.n_frames[i] - 1:
                cands.append(float(m.period_ms * (self.released[i] + 1)))
        cands += [q[0].ready_ms for q in self.queues if q and q[0].ready_ms > t]
        if self.timetable is not None:
            cands += [self.timetable.get((q[0].model, q[0].frame), (None, -1.0))[1] for q in self.queues if q]
        later = [c for c in cands if c > t]
        return min(later) if later else t + self.tick_ms


def simulate(scenario: Scenario, costs: dict[str, ModelCosts], plans: dict[str, list[Segment]],
             conventions: Conventions, accelerators: list[str], link_cost,
             timetable: dict[tuple[str, int], tuple[int, float]] | None = None) -> list[Frame]:
    """Every frame of every model, in model then frame order (see the module docstring).

    ``timetable`` ({(model, frame): (accelerator index, start_ms)}, whole-model plans) makes the
    runtime time-triggered: a frame starts on its accelerator at its time, and one the table leaves
    out is dropped when released (unless its deadline is past the end of the run)."""
    return _Sim(scenario, costs, plans, conventions, accelerators, link_cost, timetable).run()
