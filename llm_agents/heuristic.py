"""An offline agent that proposes designs the way an expert (or a language model) would.

No model, no network, deterministic for a given seed and task. It knows only variable *roles*
(see :mod:`llm_agents.task`), objective *names* and the history, and applies rules of thumb:

* **Capacity trades cost for performance.** More PEs, buffers, bandwidth or accelerators cut
  latency but cost area and energy; deeper, wider, larger-kernel, higher-resolution networks and
  stronger NAS-Bench-201 ops (``nor_conv_3x3`` > ``nor_conv_1x1`` > ``avg_pool_3x3`` >
  ``skip_connect`` > ``none``) gain accuracy with diminishing returns but cost latency and energy.
  Objectives are recognised by name: quality (accuracy, top1, fairness, ...), speed (latency,
  cycles, throughput, ...) and cost (energy, area, power, edp, params, ...).
* **Dataflow–layer affinity.** Weight-stationary (NVDLA-like) suits channel-heavy layers,
  output-stationary (ShiDianNao-like) suits large feature maps. ``context["layer_profile"]`` is
  either ``{"channel_heavy_fraction": f}`` or a list of layers ``{"in_channels", "out_channels",
  "out_h", "out_w", "macs"?}``; with several accelerators the dataflows are mixed in proportion.
* **Size hardware to what can use it.** A PE array larger than its on-chip network can feed sits
  idle: beyond about twice the network's elements per cycle (``noc_bw`` among the template's
  ``accelerator_defaults``; multicast reuse covers about 2x) extra PEs add area and leakage but
  little speed, so fresh designs stay at or below that size. A single network
  (``context["workload_models"] == 1``) gains little from several accelerators (a layer chain
  runs one layer at a time), so fresh designs use one or two, two only when speed weighs most.
* **Keep chatty neighbours together.** Mapping strategies that respect locality (names with
  ``local``, ``comm``, ``affinity``, ``h2h``, ``cluster``, ``pipeline``) are preferred to
  ``random`` or ``round_robin`` ones.
* **NB201 cells.** A cell's cost is its convolution work (3x3 ~ 9x a 1x1; pooling, skip and
  ``none`` ~ free); at every cost level the most promising cell is connected, has its convolutions
  on live input-output paths and feeding the output node, and a skip path for trainability (see
  :mod:`llm_agents.cells`). Fresh designs take a cost level from the objective weights; with a
  history, part of every batch fills the largest cost gaps of the feasible front and extends its
  cheap end with the best untried cell of that level.
* **Start with a ladder.** With no history, a co-design batch (cells and hardware both searched,
  cells that cost something) opens with :func:`llm_agents.cells.cell_ladder`: the identity, a
  small then a large convolution, residual chains growing one layer or one kernel at a time, the
  widest cell last. Every rung sits on frugal hardware (one accelerator, fewest PEs, smallest
  buffers), first on the dataflow the layers favour and on row stationary alternately, then on
  the other; cheap networks need no more, and a front of small steps beats a few big guesses.
  Designs in ``context["already_proposed"]`` (earlier requests of the same round) are skipped.
* **Budgets.** Every design is repaired greedily until it meets every constraint; designs that
  cannot be repaired are dropped, never proposed.
* **Exploit and spread.** With a history, most proposals perturb or recombine Pareto-front
  designs, pushing the ends of the front outward and its middle toward the objective it is weakest
  in; the rest are fresh designs placed
  along the trade-off by sweeping objective weights.
"""
from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .cells import CellLevel, cell_cost, cell_ladder, cell_levels
from .collect import Collector
from .history import feasible_front
from .random_agent import fill_randomly, seeded_rng
from .space import SpaceDescription, Variable, condition_vars
from .task import Proposal, Task

HARDWARE_CAPACITY = frozenset({"num_accelerators", "pe_count", "l1_bytes", "l2_bytes", "bandwidth_gbps"})
NETWORK_CAPACITY = frozenset({"depth", "width", "expansion", "kernel", "resolution", "nb201_op", "backbone"})
_QUALITY = ("acc", "top1", "top5", "map", "miou", "f1", "auc", "fair", "score", "quality")
_SPEED = ("latency", "delay", "time", "runtime", "cycles", "makespan", "throughput", "fps")
_COST = ("energy", "power", "area", "edp", "param", "memory", "size", "flop", "mac", "cost", "footprint")
# capacity rank of NAS-Bench-201 ops, by keyword (first match wins)
_NB201_RANK = (("none", 0), ("zero", 0), ("skip", 1), ("identity", 1), ("pool", 2), ("1x1", 3),
               ("3x3", 4), ("5x5", 5))
_WS = ("ws", "weight", "nvdla", "kcp")
_OS = ("os", "output", "shidiannao", "shi", "yxp")
_RS = ("rs", "row", "eyeriss")
_LOCAL = ("local", "comm", "affin", "h2h", "cluster", "pipeline", "greedy", "topo", "group")
_SCATTER = ("random", "round_robin", "roundrobin", "rr", "spread", "scatter")


def objective_kind(name: str) -> str:
    """``quality``, ``speed``, ``cost`` or ``unknown``, from an objective's name."""
    low = name.lower()
    for kind, words in (("cost", _COST), ("speed", _SPEED), ("quality", _QUALITY)):
        if any(w in low for w in words):
            return kind
    return "unknown"


def capacity_effect(role: str | None, kind: str) -> int:
    """+1 if more capacity of a variable with ``role`` improves an objective of ``kind``, -1 if it
    hurts it, 0 if it does not matter or is not known."""
    if role in HARDWARE_CAPACITY:
        return {"speed": 1, "cost": -1}.get(kind, 0)
    if role in NETWORK_CAPACITY:
        return {"quality": 1, "speed": -1, "cost": -1}.get(kind, 0)
    return 0


def _tag(option: Any, words: Sequence[str]) -> bool:
    text = str(option).lower()
    parts = set(text.replace("-", "_").replace(" ", "_").split("_"))
    return any(w in parts or (len(w) > 3 and w in text) for w in words)


def _nb201_rank(option: Any) -> int:
    text = str(option).lower()
    return next((rank for word, rank in _NB201_RANK if word in text), 2)


def ordered_values(v: Variable) -> list[Any] | None:
    """The variable's values from least to most capacity, or ``None`` if continuous."""
    grid = v.grid()
    if grid is None or v.type != "choice":
        return grid
    if v.role == "nb201_op":
        return sorted(grid, key=_nb201_rank)
    if v.is_numeric:
        return sorted(grid)
    return grid  # capacity choices (backbone) are taken as listed smallest to largest


def channel_heavy_fraction(context: Mapping[str, Any]) -> float | None:
    """Share of the work in channel-heavy layers, from ``context["layer_profile"]`` if present."""
    profile = context.get("layer_profile")
    if isinstance(profile, Mapping):
        f = profile.get("channel_heavy_fraction")
        return float(f) if isinstance(f, (int, float)) and 0 <= f <= 1 else None
    if not isinstance(profile, list):
        return None
    heavy = total = 0.0
    for layer in profile:
        if not isinstance(layer, Mapping):
            continue
        try:
            c, k = float(layer.get("in_channels", 0)), float(layer.get("out_channels", 0))
            hw = float(layer.get("out_h", 1)) * float(layer.get("out_w", 1))
            weight = float(layer.get("macs", c * k * hw)) or 1.0
        except (TypeError, ValueError):
            continue
        total += weight
        heavy += weight if min(c, k) >= hw else 0.0  # more channels than output pixels
    return heavy / total if total > 0 else None


@dataclass
class _Knowledge:
    """What the heuristic infers once per task."""

    space: SpaceDescription
    kinds: list[str]                 # objective kinds, most important first
    orders: dict[str, list[Any] | None]
    heavy: float | None
    edges: list[Variable]                   # the cell's edges, if the space has an NB201-like cell
    levels: tuple[CellLevel, ...] | None    # its connected cells by cost, most promising first
    ladder: tuple[tuple[Any, ...], ...]     # its cells of growing capacity (see cells.cell_ladder)
    useful_pes: float | None = None         # PEs the on-chip network can feed (None: unknown)
    single_model: bool = False              # the workload is one network (a layer chain)

    @classmethod
    def of(cls, task: Task) -> "_Knowledge":
        edges = [v for v in task.space.variables
                 if v.role == "nb201_op" and v.type == "choice" and not v.active_if]
        return cls(task.space, [objective_kind(o.name) for o in task.ranked_objectives],
                   {v.name: ordered_values(v) for v in task.space.variables},
                   channel_heavy_fraction(task.context), edges, cell_levels(edges) if edges else None,
                   cell_ladder(edges) if edges else (), useful_pes(task.context),
                   task.context.get("workload_models") == 1)

    def capacity_cap(self, v: Variable, weights: Sequence[float]) -> float:
        """The highest relative capacity worth proposing for ``v`` in a fresh design (1 = any)."""
        order = self.orders[v.name]
        if not order or not v.is_numeric:
            return 1.0
        if v.role == "pe_count" and self.useful_pes is not None:
            most = self.useful_pes
        elif v.role == "num_accelerators" and self.single_model:
            top = max(range(len(weights)), key=weights.__getitem__) if weights else None
            most = 2 if top is not None and self.kinds[top] == "speed" else 1
        else:
            return 1.0
        fitting = [i for i, value in enumerate(order) if float(value) <= most]
        return fitting[-1] / max(1, len(order) - 1) if fitting else 0.0

    def with_cell(self, design: Mapping[str, Any], level: CellLevel, known: Any,
                  rng: random.Random) -> dict[str, Any] | None:
        """``design`` with the most promising cell of ``level`` that ``known`` has not seen
        (now and then the next one, so seeds differ); ``None`` if the level is used up."""
        skipped = None
        for cell in level.cells:
            trial = self.space.complete({**design, **{v.name: op for v, op in zip(self.edges, cell)}})
            if known(trial):
                continue
            if skipped is None and rng.random() < 0.25:
                skipped = trial
                continue
            return trial
        return skipped

    def on_frugal_hardware(self, design: Mapping[str, Any], dataflow: Sequence[str]) -> dict[str, Any]:
        """``design`` with every hardware capacity at its least and every accelerator on a
        ``dataflow`` (keywords) where one matches."""
        # the accelerator count first: it decides which per-accelerator variables are active
        out = self.space.complete({**design, **{v.name: self.at(v, 0.0) for v in self.space.variables
                                                if v.role == "num_accelerators"}})
        for v in self.space.variables:
            if not self.space.active(v, out):
                continue
            if v.role in HARDWARE_CAPACITY:
                out[v.name] = self.at(v, 0.0)
            elif v.role == "dataflow" and v.type == "choice":
                out[v.name] = next((o for o in v.options if _tag(o, dataflow)), out[v.name])
        return self.space.complete(out)

    # ---- positions along a variable ----------------------------------------------------------
    def at(self, v: Variable, u: float) -> Any:
        """The value at relative capacity ``u`` in [0, 1]."""
        u = min(1.0, max(0.0, u))
        order = self.orders[v.name]
        if order is None:
            return v.low + u * (v.high - v.low)
        return order[min(len(order) - 1, int(round(u * (len(order) - 1))))]

    def position(self, v: Variable, value: Any) -> float:
        order = self.orders[v.name]
        if order is None:
            return 0.0 if v.high == v.low else (float(value) - v.low) / (v.high - v.low)
        try:
            i = order.index(value)
        except ValueError:
            return 0.5
        return i / max(1, len(order) - 1)

    def notch(self, v: Variable) -> float:
        """A step of about one tenth of the range (at least one value)."""
        order = self.orders[v.name]
        return 0.1 if order is None else max(1.0 / max(1, len(order) - 1), 0.1)

    def desirability(self, v: Variable, weights: Sequence[float]) -> float:
        return sum(w * capacity_effect(v.role, k) for w, k in zip(weights, self.kinds))

    # ---- role rules --------------------------------------------------------------------------
    def dataflows(self, names: list[str], rng: random.Random) -> dict[str, Any]:
        """Dataflows for the active dataflow variables, mixed by the layer profile."""
        out: dict[str, Any] = {}
        heavy = self.heavy if self.heavy is not None else 0.5
        n_ws = round(heavy * len(names))
        if len(names) >= 2 and 0.15 <= heavy <= 0.85:
            n_ws = min(len(names) - 1, max(1, n_ws))  # heterogeneity: both kinds present
        order = list(names)
        rng.shuffle(order)
        for i, name in enumerate(order):
            v = self.space.variable(name)
            want = _WS if (i < n_ws if len(names) > 1 else rng.random() < heavy) else _OS
            if rng.random() < 0.15:
                want = _RS
            matching = [o for o in v.options if _tag(o, want)]
            out[name] = rng.choice(matching or list(v.options))
        return out

    def mapping_strategy(self, v: Variable, rng: random.Random) -> Any:
        local = [o for o in v.options if _tag(o, _LOCAL) and not _tag(o, _SCATTER)]
        neutral = [o for o in v.options if not _tag(o, _SCATTER)]
        if local and rng.random() < 0.85:
            return rng.choice(local)
        return rng.choice(neutral or list(v.options))

    def fix_cell(self, design: dict[str, Any], rng: random.Random) -> None:
        """Few ``none`` edges and, among several conv edges, one ``skip_connect``."""
        edges = [v for v in self.space.variables if v.role == "nb201_op" and self.space.active(v, design)]
        if len(edges) < 3:
            return
        nones = [v for v in edges if _nb201_rank(design[v.name]) == 0]
        for v in nones[len(edges) // 3:]:
            design[v.name] = self.at(v, 0.75 + 0.25 * rng.random())
        if not any(_nb201_rank(design[v.name]) == 1 for v in edges) and rng.random() < 0.6:
            v = rng.choice(edges)
            skips = [o for o in v.options if _nb201_rank(o) == 1]
            if skips:
                design[v.name] = skips[0]


class HeuristicAgent:
    """Rule-of-thumb designs; the default agent when no language model is configured."""

    def __init__(self, seed: int = 0, *, explore_fraction: float = 0.3, gap_fraction: float = 0.4,
                 max_repair_steps: int = 400) -> None:
        self.seed = int(seed)
        self.explore_fraction = float(explore_fraction)
        self.gap_fraction = float(gap_fraction)
        self.max_repair_steps = int(max_repair_steps)
        self.name = f"heuristic(seed={self.seed})"

    # ---- building blocks -------------------------------------------------------------------
    def _fresh(self, know: _Knowledge, weights: Sequence[float], rng: random.Random,
               known: Any = None) -> dict[str, Any]:
        """A design placed by objective ``weights`` using the capacity rules."""
        design: dict[str, Any] = {}
        for v in know.space.variables:
            if v.role == "mapping_strategy" and v.type == "choice":
                design[v.name] = know.mapping_strategy(v, rng)
            elif v.role in HARDWARE_CAPACITY or v.role in NETWORK_CAPACITY:
                d = know.desirability(v, weights)
                u = 0.5 + 0.5 * d + rng.gauss(0.0, 0.12)
                design[v.name] = know.at(v, min(u, know.capacity_cap(v, weights)))
            else:
                design[v.name] = v.sample(rng)
        design = know.space.complete(design)
        self._apply_rules(know, design, rng)
        if know.levels and known is not None:
            u = 0.5 + 0.5 * know.desirability(know.edges[0], weights) + rng.gauss(0.0, 0.05)
            target = min(1.0, max(0.0, u)) * know.levels[-1].cost
            for level in sorted(know.levels, key=lambda lv: (abs(lv.cost - target), rng.random())):
                placed = know.with_cell(design, level, known, rng)
                if placed is not None:
                    return placed
        return design

    @staticmethod
    def _ladder(know: _Knowledge, base: Mapping[str, Any]) -> list[dict[str, Any]]:
        """The cell ladder on frugal hardware, in the order to try it: every rung once, the
        dataflow alternating between the one the layers favour and the energy-frugal row
        stationary one, then every rung on the other. Later designs of the batch stay fresh and
        varied, so the optimizer does not start from one hardware point only."""
        favoured = _WS if know.heavy is not None and know.heavy > 0.5 else _OS
        tiers = (favoured, _RS)
        n = len(know.ladder)
        order = [(i, i % 2) for i in range(n)] + [(i, (i + 1) % 2) for i in range(n)]
        designs = []
        for rung, tier in order:
            cell = {v.name: op for v, op in zip(know.edges, know.ladder[rung])}
            designs.append(know.on_frugal_hardware({**base, **cell}, tiers[tier]))
        return designs

    def _apply_rules(self, know: _Knowledge, design: dict[str, Any], rng: random.Random) -> None:
        flows = [v.name for v in know.space.variables
                 if v.role == "dataflow" and v.type == "choice" and know.space.active(v, design)]
        if flows:
            design.update(know.dataflows(flows, rng))
        if not know.levels:
            know.fix_cell(design, rng)

    def _move(self, know: _Knowledge, v: Variable, design: dict[str, Any], direction: int,
              rng: random.Random) -> None:
        if know.orders[v.name] is None or v.role in HARDWARE_CAPACITY | NETWORK_CAPACITY or v.is_numeric:
            step = know.notch(v) * (1 + rng.random())
            design[v.name] = know.at(v, know.position(v, design[v.name]) + direction * step)
        elif v.role == "dataflow":
            design.update(know.dataflows([v.name], rng))
        elif v.role == "mapping_strategy":
            design[v.name] = know.mapping_strategy(v, rng)
        else:
            design[v.name] = v.sample(rng)

    def _perturb(self, know: _Knowledge, parent: Mapping[str, Any], target: int,
                 rng: random.Random) -> dict[str, Any]:
        """``parent`` with one to three variables moved; one of them toward objective ``target``."""
        design = know.space.complete(parent)
        active = [v for v in know.space.variables if know.space.active(v, design)]
        helpful = [v for v in active if capacity_effect(v.role, know.kinds[target]) != 0]
        if helpful and rng.random() < 0.7:
            v = rng.choice(helpful)
            self._move(know, v, design, capacity_effect(v.role, know.kinds[target]), rng)
        for v in rng.sample(active, k=min(len(active), rng.choice((1, 1, 2)))):
            self._move(know, v, design, rng.choice((-1, 1)), rng)
        return know.space.complete(design)

    @staticmethod
    def _fill_gap(know: _Knowledge, front: Sequence[Mapping[str, Any]], taken: list[int], tried: list[int],
                  known: Any, rng: random.Random) -> dict[str, Any] | None:
        """The best untried cell of the cost level farthest from every front member's cell cost
        (levels below the front's cheapest end count double; crowded levels count less), built on
        the front member nearest in cost. ``taken`` grows with each pick so a batch spreads."""
        top = max(1, know.levels[-1].cost)
        cheapest = min(taken)

        def score(level: CellLevel) -> float:
            gap = min(abs(level.cost - t) for t in taken) / top
            if level.cost < cheapest:
                gap *= 2.0
            return gap - 0.03 * tried.count(level.cost) + rng.uniform(0.0, 0.01)

        for level in sorted(know.levels, key=score, reverse=True)[:6]:
            base = min(zip(front, (cell_cost(know.edges, f) for f in front)),
                       key=lambda fc: (abs(fc[1] - level.cost), rng.random()))[0]
            design = know.with_cell(base, level, known, rng)
            if design is not None:
                taken.append(level.cost)
                tried.append(level.cost)
                return design
        return None

    def _cross(self, know: _Knowledge, a: Mapping[str, Any], b: Mapping[str, Any],
               rng: random.Random) -> dict[str, Any]:
        return know.space.complete({v.name: (a if rng.random() < 0.5 else b)[v.name]
                                    for v in know.space.variables})

    def _repair(self, know: _Knowledge, design: dict[str, Any], rng: random.Random) -> dict[str, Any] | None:
        """Greedy one-notch moves that shrink the total constraint violation, until none is left."""
        space = know.space

        def badness(d: Mapping[str, Any]) -> float:
            return sum(c.violation(d) / max(1.0, abs(c.le if c.le is not None else c.ge))
                       for c in space.constraints)

        current = badness(design)
        for _ in range(self.max_repair_steps):
            if current == 0:
                return design
            in_terms: set[str] = set()
            switches: set[str] = set()  # variables that turn terms on or off (accelerator count)
            for c in space.constraints:
                if c.violation(design) > 0:
                    for t in c.terms:
                        in_terms.update(t.vars)
                        if t.active_if:
                            switches.update(condition_vars(t.active_if))
            # shrink the terms first; dropping whole parts (an accelerator) only if that fails
            best = self._best_move(know, design, sorted(in_terms), badness, current, rng) \
                or self._best_move(know, design, sorted(switches - in_terms), badness, current, rng)
            if best is None:
                return None
            current, design = best
        return design if current == 0 else None

    @staticmethod
    def _best_move(know: _Knowledge, design: dict[str, Any], names: list[str], badness: Any,
                   current: float, rng: random.Random) -> tuple[float, dict[str, Any]] | None:
        """The one-notch move of one of ``names`` that lowers ``badness`` most, if any does."""
        best: tuple[float, float, dict[str, Any]] | None = None
        for name in names:
            v = know.space.variable(name)
            if not know.space.active(v, design):
                continue
            for direction in (-1, 1):
                trial = dict(design)
                trial[name] = know.at(v, know.position(v, design[name]) + direction * know.notch(v))
                trial = know.space.complete(trial)
                score = badness(trial)
                tie = rng.random()
                if score < current and (best is None or (score, tie) < best[:2]):
                    best = (score, tie, trial)
        return None if best is None else (best[0], best[2])

    # ---- the agent ---------------------------------------------------------------------------
    def propose(self, task: Task) -> Proposal:
        rng = seeded_rng("heuristic", self.seed, task)
        know = _Knowledge.of(task)
        collector = Collector(task)
        pareto = feasible_front(task)
        front = [entry.candidate for entry, _ in pareto]
        losses = [vec for _, vec in pareto]
        m = len(know.kinds)
        n_fresh = task.n if not front else max(1, int(round(task.n * self.explore_fraction)))
        trade_off = any(capacity_effect("nb201_op", k) < 0 for k in know.kinds)  # cells cost something
        n_gaps = int(round(task.n * self.gap_fraction)) if front and know.levels and trade_off else 0
        taken = [cell_cost(know.edges, c) for c in front] if n_gaps else []
        tried = ([cell_cost(know.edges, know.space.complete(e.candidate)) for e in task.history]
                 if n_gaps else [])
        made = {"ladder": 0, "fresh": 0, "perturbed": 0, "crossed": 0, "gap": 0, "unrepairable": 0}
        if not task.history and know.ladder and trade_off and any(
                v.role in HARDWARE_CAPACITY for v in know.space.variables):
            base = self._fresh(know, [1.0 / m] * m, rng)
            for design in self._ladder(know, base):
                repaired = self._repair(know, design, rng) if collector.missing > 0 else None
                if repaired is not None and collector.offer(repaired) is None:
                    made["ladder"] += 1
        attempts = fresh_index = 0
        while collector.missing > 0 and attempts < 40 * task.n:
            attempts += 1
            slot = len(collector.candidates)
            design, how = None, "gap"
            if slot < n_gaps and attempts <= 4 * task.n:
                design = self._fill_gap(know, front, taken, tried, collector.known, rng)
            if design is None and (not front or slot < n_fresh + n_gaps or attempts > 30 * task.n):
                weights = _sweep_weights(m, fresh_index, n_fresh, rng)
                fresh_index += 1
                design, how = self._fresh(know, weights, rng, collector.known), "fresh"
            elif design is None:
                i = _spread_index(len(front), slot + attempts, rng)
                target = _target_objective(losses, i, rng)
                if len(front) >= 2 and rng.random() < 0.3:
                    j = rng.randrange(len(front))
                    design = self._perturb(know, self._cross(know, front[i], front[j], rng), target, rng)
                    how = "crossed"
                else:
                    design, how = self._perturb(know, front[i], target, rng), "perturbed"
            repaired = self._repair(know, design, rng)
            if repaired is None:
                made["unrepairable"] += 1
                continue
            if collector.offer(repaired) is None:
                made[how] += 1
        counts = fill_randomly(task, collector, rng, 200 * task.n) if collector.missing > 0 else None
        ladder = f"{made['ladder']} from the cell ladder on frugal hardware, " if made["ladder"] else ""
        notes = (f"{len(collector.candidates)} of {task.n} designs: {ladder}{made['fresh']} placed by rules "
                 f"along the trade-off, {made['gap']} filling cost gaps of the front, {made['perturbed']} "
                 f"perturbed and {made['crossed']} recombined from "
                 f"{len(front)} Pareto designs; {made['unrepairable']} could not be brought within budget")
        if counts is not None:
            notes += f"; {counts['draws']} uniform draws filled the rest"
        if collector.missing > 0:
            notes += f"; could not find {collector.missing} more new designs within budget"
        # rejected repeats of our own making are not news to the caller
        collector.rejected.clear()
        return collector.proposal([{"event": "heuristic", "detail": notes}], notes)


def useful_pes(context: Mapping[str, Any]) -> float | None:
    """About twice the on-chip network's elements per cycle, from the template's accelerator
    defaults; ``None`` when the context does not say."""
    try:
        noc = context["architecture_template"]["hardware"]["accelerator_defaults"]["noc_bw"]
    except (KeyError, TypeError):
        return None
    return 2.0 * float(noc) if isinstance(noc, (int, float)) and noc > 0 else None


def _sweep_weights(m: int, i: int, n: int, rng: random.Random) -> list[float]:
    """Objective weights for the ``i``-th fresh design of ``n``: the most important objective's
    weight sweeps [0, 1] across the designs, so they spread along the whole trade-off, corners
    included; the rest of the weight is shared at random among the other objectives."""
    if m == 1:
        return [1.0]
    k = i % max(1, n)
    slot = k / (n - 1) if n > 1 else rng.random()  # the corners of the trade-off included
    first = min(1.0, max(0.0, slot + rng.uniform(-0.2, 0.2) / max(1, n - 1)))
    others = [rng.random() + 1e-9 for _ in range(m - 1)]
    total = sum(others)
    return [first, *((1 - first) * o / total for o in others)]


def _spread_index(size: int, i: int, rng: random.Random) -> int:
    """Parents taken across the whole front (sorted by the first objective), not just its end:
    golden-ratio steps through it, and now and then any member."""
    if size == 1:
        return 0
    if rng.random() < 0.3:
        return rng.randrange(size)
    return int((i * 0.618034) % 1.0 * size)


def _target_objective(losses: Sequence[Sequence[float]], i: int, rng: random.Random) -> int:
    """The objective to push front member ``i`` toward: at an end of the front, often the one it
    is already best in (to extend the front); otherwise the one it ranks worst in (to fill it)."""
    m = len(losses[i])
    ranks = []
    for k in range(m):
        values = sorted(vec[k] for vec in losses)
        ranks.append(values.index(losses[i][k]) / max(1, len(values) - 1))
    best_in = [k for k in range(m) if ranks[k] == 0]
    if best_in and rng.random() < 0.6:
        return rng.choice(best_in)
    worst = max(ranks)
    return ranks.index(worst) if worst > 0 else 0
