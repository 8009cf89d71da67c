"""What an expert knows about NAS-Bench-201-style cells, from the space description alone.

A cell is a DAG whose edges (variables with role ``nb201_op``) each carry one operation. The edge's
end nodes are read from its description ("... from node 1 to node 3") or, failing that, from the
last two numbers in its name (lower number = source: cells are DAGs in node order). Rules of thumb (no benchmark table involved):

* **Cost** is the convolution work: a ``k x k`` convolution costs about ``k*k`` times a ``1x1``
  one; pooling, skip and ``none`` are nearly free.
* **Accuracy** needs an input-to-output path of non-``none`` edges (a cut cell scores chance),
  convolutions that lie on such a path (a conv on a dead edge is pure cost), depth (convolutions
  in sequence), convolutions feeding the output node, and an identity (skip) path from input to
  output for trainability; average pooling and piles of skips dilute the cell.

:func:`cell_levels` enumerates the cells of a small space once, groups them by cost and ranks each
group by that prior, so an agent can offer the most promising cell at every cost level.
"""
from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import product
from typing import Any

_NODES = re.compile(r"from node (\d+) to node (\d+)", re.IGNORECASE)
_DIGITS = re.compile(r"(\d+)\D+(\d+)\D*$")
_KERNEL = re.compile(r"(\d+)x(\d+)")
MAX_CELLS = 50_000  # enumerate only spaces this small


def op_kind(op: Any) -> str:
    """``none``, ``skip``, ``pool``, ``conv`` or ``other``, from an operation's name."""
    text = str(op).lower()
    if "none" in text or "zero" in text:
        return "none"
    if "skip" in text or "identity" in text:
        return "skip"
    if "pool" in text:
        return "pool"
    if "conv" in text:
        return "conv"
    return "other"


def op_cost(op: Any) -> int:
    """Relative MACs of one edge: ``k*k`` for a ``k x k`` convolution, 0 for the free operations."""
    if op_kind(op) != "conv":
        return 0
    m = _KERNEL.search(str(op))
    return int(m.group(1)) * int(m.group(2)) if m else 1


def edge_ends(name: str, description: str | None) -> tuple[int, int] | None:
    m = _NODES.search(description or "") or _DIGITS.search(name)
    if not m:
        return None
    a, b = int(m.group(1)), int(m.group(2))  # names may list the target first (NB201 strings do)
    return (min(a, b), max(a, b)) if a != b else None


@dataclass(frozen=True)
class CellLevel:
    """The cells of one cost, most promising first (ties broken later by the agent's seed)."""

    cost: int
    cells: tuple[tuple[Any, ...], ...]   # op per edge, in the edge order of :func:`cell_levels`
    priors: tuple[float, ...]


def cell_prior(ends: Sequence[tuple[int, int]], ops: Sequence[Any]) -> float:
    """How accurate a cell is likely to be, by the rules of thumb; ``-inf`` if it is cut."""
    out = max(d for _, d in ends)
    kinds = [op_kind(o) for o in ops]
    reach_in, reach_out = {0}, {out}
    for (s, d), k in sorted(zip(ends, kinds), key=lambda e: e[0][1]):
        if k != "none" and s in reach_in:
            reach_in.add(d)
    for (s, d), k in sorted(zip(ends, kinds), key=lambda e: -e[0][0]):
        if k != "none" and d in reach_out:
            reach_out.add(s)
    if out not in reach_in:
        return -math.inf
    live = [s in reach_in and d in reach_out and k != "none" for (s, d), k in zip(ends, kinds)]
    depth = {0: 0}  # most convolutions in sequence on a live path into each node
    skip_path = {0}
    for (s, d), k, alive in sorted(zip(ends, kinds, live), key=lambda e: e[0][1]):
        if alive and s in depth:
            depth[d] = max(depth.get(d, 0), depth[s] + (k == "conv"))
        if k == "skip" and s in skip_path:
            skip_path.add(d)
    convs = [(k == "conv", alive, d == out) for (_, d), k, alive in zip(ends, kinds, live)]
    live_convs = sum(c and a for c, a, _ in convs)
    dead_convs = sum(c and not a for c, a, _ in convs)
    into_out = sum(c and a and o for c, a, o in convs)
    skips = sum(k == "skip" and a for k, a in zip(kinds, live))
    pools = sum(k == "pool" and a for k, a in zip(kinds, live))
    return (1.0 * min(depth.get(out, 0), 3) + 0.5 * live_convs + 0.3 * into_out - 2.0 * dead_convs
            + 0.8 * (out in skip_path) - 0.4 * pools - 0.3 * max(0, skips - 1))


@functools.lru_cache(maxsize=8)
def _levels(ends: tuple[tuple[int, int], ...], options: tuple[tuple[Any, ...], ...]) -> tuple[CellLevel, ...]:
    groups: dict[int, list[tuple[float, tuple[Any, ...]]]] = {}
    for ops in product(*options):
        prior = cell_prior(ends, ops)
        if prior > -math.inf:
            groups.setdefault(sum(op_cost(o) for o in ops), []).append((prior, ops))
    levels = []
    for cost in sorted(groups):
        ranked = sorted(groups[cost], key=lambda pc: -pc[0])  # stable: listing order breaks ties
        levels.append(CellLevel(cost, tuple(c for _, c in ranked), tuple(p for p, _ in ranked)))
    return tuple(levels)


def cell_levels(edges: Sequence[Any]) -> tuple[CellLevel, ...] | None:
    """Connected cells of the ``edges`` (variables with ``name``, ``description``, ``options``)
    grouped by cost, cheapest first; ``None`` when the edges' nodes are unknown or the space is
    too large to enumerate."""
    ends = [edge_ends(v.name, v.description) for v in edges]
    if len(edges) < 2 or any(e is None for e in ends) or not any(e[0] == 0 for e in ends):
        return None
    if math.prod(len(v.options) for v in edges) > MAX_CELLS:
        return None
    return _levels(tuple(ends), tuple(tuple(v.options) for v in edges))


def cell_cost(edges: Sequence[Any], design: Mapping[str, Any]) -> int:
    return sum(op_cost(design[v.name]) for v in edges)


def cell_ladder(edges: Sequence[Any]) -> tuple[tuple[Any, ...], ...]:
    """Cells of growing capacity, one step at a time, as a designer climbs from a cheap network to
    a rich one: the identity; one small then one large convolution from input to output; then
    residual chains (a skip from input to output beside them) that gain a small convolution and
    upgrade it to a large one until the longest input-output path is used; last, a large
    convolution on every other edge too. Each rung is a network no cheaper cell beats by the rules
    of thumb above (depth before width, no dead work), so the ladder spans the accuracy-cost
    trade-off with few designs. Empty when the edges' nodes are unknown or the ops lack a skip or
    a convolution."""
    ends = [edge_ends(v.name, v.description) for v in edges]
    if len(edges) < 2 or any(e is None for e in ends):
        return ()
    out = max(d for _, d in ends)
    index = {e: i for i, e in enumerate(ends)}
    if (0, out) not in index:
        return ()

    def op(i: int, kind: str, largest: bool = False) -> Any:
        found = sorted((o for o in edges[i].options if op_kind(o) == kind), key=op_cost)
        return (found[-1] if largest else found[0]) if found else None

    direct = index[0, out]
    if op(direct, "skip") is None or op(direct, "conv") is None or any(
            op(i, "none") is None for i in range(len(edges))):
        return ()

    def cell(path: Sequence[int], kernels: Sequence[bool], residual: bool) -> tuple[Any, ...]:
        ops = [op(i, "none") for i in range(len(edges))]
        if residual:
            ops[direct] = op(direct, "skip")
        for i, is_large in zip(path, kernels):
            ops[i] = op(i, "conv", largest=is_large)
        return tuple(ops)

    rungs = [cell([], [], True), cell([direct], [False], False), cell([direct], [True], False)]
    for depth in range(2, out + 1):
        path = _path_of(index, out, depth)
        if path is None or any(op(i, "conv") is None for i in path):
            break
        rungs += [cell(path, [True] * (depth - 1) + [False], True), cell(path, [True] * depth, True)]
    wide = [i for i in range(len(edges)) if i != direct and op(i, "conv") is not None]
    rungs.append(cell(wide, [True] * len(wide), True))
    ladder: list[tuple[Any, ...]] = []
    for ops in rungs:
        if ops not in ladder and cell_prior(ends, ops) > -math.inf:
            ladder.append(ops)
    return tuple(ladder)


def _path_of(index: Mapping[tuple[int, int], int], out: int, hops: int) -> list[int] | None:
    """Edge indices of an input-to-output path of ``hops`` edges through ascending nodes, if any."""
    def walk(node: int, left: int) -> list[int] | None:
        if left == 1:
            return [index[node, out]] if (node, out) in index else None
        for nxt in range(node + 1, out):
            rest = walk(nxt, left - 1) if (node, nxt) in index else None
            if rest is not None:
                return [index[node, nxt], *rest]
        return None
    return walk(0, hops)
