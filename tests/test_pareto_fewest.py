"""``fewest_to_reach`` against brute force over every subset of small random fronts."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from h2h.pareto import Normalisation, fewest_to_reach, greedy_to_reach, hypervolume, non_dominated


def brute_force_fewest(F: np.ndarray, norm: Normalisation, target: float) -> int | None:
    for k in range(1, len(F) + 1):
        if any(hypervolume(F[list(s)], norm) >= target - 1e-12 for s in itertools.combinations(range(len(F)), k)):
            return k
    return None


@pytest.mark.parametrize("seed", range(12))
def test_bounds_bracket_the_true_fewest(seed):
    rng = np.random.default_rng(seed)
    m = 2 + seed % 3
    F = rng.random((9, m))
    F = F[non_dominated(F)]
    norm = Normalisation.from_points(F)
    full = hypervolume(F, norm)
    target = full * (0.6 + 0.35 * rng.random())
    greedy, lower = fewest_to_reach(F, norm, target)
    exact = brute_force_fewest(F, norm, target)
    assert exact is not None and greedy is not None
    assert lower <= exact <= greedy


def test_hand_case_two_corners_need_two():
    # 2-D: (0, 1) and (1, 0) after normalisation; each alone covers 0.1 * 1.1, both 0.11 + 0.11 - 0.01
    F = np.array([[0.0, 1.0], [1.0, 0.0]])
    norm = Normalisation.from_points(F)
    assert hypervolume(F[:1], norm) == pytest.approx(0.11)
    assert fewest_to_reach(F, norm, 0.2) == (2, 2)
    assert fewest_to_reach(F, norm, 0.1) == (1, 1)
    assert fewest_to_reach(F, norm, 0.5)[0] is None  # beyond the whole set


def test_the_greedy_rows_are_rows_of_F_that_reach_the_target():
    # unusable (inf) and dominated rows are skipped, and the indices still point into F
    F = np.array([[np.inf, 0.0], [0.0, 1.0], [0.5, 0.5], [0.6, 0.6], [1.0, 0.0]])
    norm = Normalisation.from_points(F[1:])
    target = 0.95 * hypervolume(F[1:], norm)
    rows, lower = greedy_to_reach(F, norm, target)
    assert rows is not None and set(rows) <= {1, 2, 4}
    assert hypervolume(F[rows], norm) >= target - 1e-12
    assert (len(rows), lower) == fewest_to_reach(F, norm, target)
    assert greedy_to_reach(F, norm, 10.0)[0] is None
