"""Local search over an assignment and its whole processing sequence together (h2h's last phase).

The scheduler's merge rule (per-accelerator orders merged by priority) fixes how the accelerators'
work interleaves, and with it the order in which transfers book a shared link. A mapping that
carries its own ``sequence`` can do better: on vlocnet[10/model] on hetero4_mid the best sequence
for an assignment is up to 7% faster than any merged one. Moving the assignment alone or the
sequence alone stalls there, so a move here changes both at once: one layer goes to another place
in the sequence (the dependencies permitting) and, optionally, to another accelerator. All moves of
a pass are scored in one ``evaluate_batch`` call and the best is taken (steepest descent).
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from .base import Problem, Solution, orders_from_sequence


def sequence_solution(assign: np.ndarray, resident: np.ndarray, sequence: np.ndarray) -> Solution:
    """A solution that carries its whole processing ``sequence`` (and the per-accelerator orders
    that follow from it, so both views agree)."""
    seq = np.asarray(sequence, dtype=np.int64)
    return Solution(assign, resident, orders_from_sequence(assign, seq.tolist()), sequence=seq)


def _insertions(rest: np.ndarray, layer: int, places: np.ndarray) -> np.ndarray:
    """[P, L] the sequence ``rest`` (L - 1 layers) with ``layer`` inserted at each of ``places``."""
    L = len(rest) + 1
    if L == 1:
        return np.full((len(places), 1), layer, dtype=np.int64)
    idx = np.arange(L)[None, :]
    at = places[:, None]
    out = rest[np.clip(np.where(idx < at, idx, idx - 1), 0, L - 2)]
    out[idx == at] = layer
    return out


#: applies single-layer moves [[(layer, accelerator)], ...] to (assign, resident), one row each
MoveFn = Callable[[np.ndarray, np.ndarray, list[list[tuple[int, int]]]], tuple[np.ndarray, np.ndarray]]


def sequence_moves(problem: Problem, reach: np.ndarray, assign: np.ndarray, resident: np.ndarray,
                   sequence: np.ndarray, apply_moves: MoveFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every joint move from (assign, resident, sequence) as [C, L] (assign, resident, sequence).

    ``reach[u, v]``: v depends on u (a layer is inserted after its last ancestor and before its
    first descendant, so every candidate respects the dependencies). ``apply_moves`` decides the
    residency of a layer moved to another accelerator."""
    L = problem.num_layers
    feasible = problem.feasible
    others = [(l, int(a)) for l in range(L) for a in np.flatnonzero(feasible[l]) if a != assign[l]]
    moved_a, moved_r = apply_moves(assign, resident, [[m] for m in others])
    row = {m: k for k, m in enumerate(others)}
    out_a, out_r, out_s = [], [], []
    for i, layer in enumerate(sequence.tolist()):
        rest = np.delete(sequence, i)
        anc = np.flatnonzero(reach[rest, layer])
        desc = np.flatnonzero(reach[layer, rest])
        places = np.arange(anc[-1] + 1 if len(anc) else 0, (desc[0] if len(desc) else L - 1) + 1)
        seqs = _insertions(rest, layer, places)
        for acc in np.flatnonzero(feasible[layer]).tolist():
            if acc == assign[layer]:
                # same accelerator: other places, less place i - 1 (that swap with the layer before
                # is also that layer's move to place i)
                keep = (places != i) & (places != i - 1)
                if not keep.any():
                    continue
                a, r, s = assign, resident, seqs[keep]
            else:
                k = row[layer, acc]
                a, r, s = moved_a[k], moved_r[k], seqs
            out_s.append(s)
            out_a.append(np.broadcast_to(a, s.shape))
            out_r.append(np.broadcast_to(r, s.shape))
    if not out_s:
        empty = np.zeros((0, L), dtype=np.int64)
        return empty, np.zeros((0, L), dtype=bool), empty
    return np.concatenate(out_a), np.concatenate(out_r), np.concatenate(out_s)


def descend(problem: Problem, reach: np.ndarray, start: Solution, start_score: float,
            apply_moves: MoveFn,
            refresh_resident: Callable[[np.ndarray], np.ndarray], max_passes: int
            ) -> tuple[Solution, float, int]:
    """Steepest descent over ``sequence_moves`` from ``start`` (which must carry a sequence); at a
    fixed point the resident set is re-chosen (``refresh_resident``) and the descent goes on if that
    helps. Returns (solution, objective, passes)."""
    cur, score = start, start_score
    passes = 0
    while passes < max_passes and problem.time_left_s() > 0:
        passes += 1
        cand_a, cand_r, cand_s = sequence_moves(problem, reach, cur.assign, cur.resident, cur.sequence,
                                                apply_moves)
        if len(cand_s):
            scores = problem.score(problem.evaluate(cand_a, cand_r, cand_s))
            k = int(np.argmin(scores))
            if scores[k] < score * (1 - 1e-12):
                cur, score = sequence_solution(cand_a[k].copy(), cand_r[k].copy(), cand_s[k]), float(scores[k])
                continue
        res = refresh_resident(cur.assign)
        if np.array_equal(res, cur.resident):
            break
        new = float(problem.score(problem.evaluate(cur.assign[None, :], res[None, :], cur.sequence))[0])
        if not new < score * (1 - 1e-12):
            break
        cur, score = sequence_solution(cur.assign, res, cur.sequence), new
    return cur, score, passes
