"""Pareto filtering and hypervolume against hand-computed values and brute force."""
import itertools

import numpy as np
import pytest

from h2h.pareto import (Normalisation, evaluations_to_reach, hypervolume, hypervolume_curve, loss_matrix,
                        non_dominated, objectives_from, pareto_rows)


def test_non_dominated_by_hand():
    F = np.array([[1, 4], [2, 2], [4, 1], [3, 3], [2, 2], [np.inf, 0], [5, 5]])
    # (3,3) is dominated by (2,2); the inf row never counts; (5,5) is dominated; duplicates stay
    assert non_dominated(F).tolist() == [True, True, True, False, True, False, False]


def test_directions_and_missing_metrics():
    objs = objectives_from([{"name": "accuracy", "direction": "max"}, {"name": "latency_s", "direction": "min"}])
    rows = [{"accuracy": 0.9, "latency_s": 2.0}, {"accuracy": 0.8, "latency_s": 1.0},
            {"accuracy": 0.7, "latency_s": 1.5}, {"latency_s": 0.1}]
    F = loss_matrix(rows, objs)
    assert F[0].tolist() == [-0.9, 2.0]
    assert F[3, 0] == np.inf
    # 0.7 @ 1.5 is worse than 0.8 @ 1.0 on both; the row without accuracy cannot be on the front
    assert pareto_rows(rows, objs) == [0, 1]


def test_hypervolume_2d_by_hand():
    F = np.array([[1.0, 4.0], [2.0, 2.0], [4.0, 1.0], [3.0, 3.0]])
    norm = Normalisation.from_points(F)
    assert norm.ideal == (1.0, 1.0) and norm.nadir == (4.0, 4.0)
    # normalised: (0,1), (1/3,1/3), (1,0); reference 1.1 -> boxes 0.11 + (0.7667*0.6667) + 0.1*(1/3)
    expected = 1.1 * 0.1 + (1.1 - 1 / 3) * (1 - 1 / 3) + 0.1 * (1 / 3)
    assert hypervolume(F, norm) == pytest.approx(expected)
    curve = hypervolume_curve(F, norm)
    assert curve.tolist() == pytest.approx([0.11, 0.11 + (1.1 - 1 / 3) * (1 - 1 / 3), expected, expected])
    assert evaluations_to_reach(curve, expected) == 3
    assert evaluations_to_reach(curve, expected + 1) is None


def test_hypervolume_3d_matches_brute_force_counting():
    rng = np.random.default_rng(3)
    F = rng.integers(0, 10, size=(12, 3)) / 10.0  # points on a 0.1 grid in [0, 0.9]
    norm = Normalisation(ideal=(0.0, 0.0, 0.0), nadir=(1.0, 1.0, 1.0))
    # count the 0.1-cells of [0, 1.1)^3 whose lower corner is dominated by (>=) some point
    cells = 0
    for idx in itertools.product(range(11), repeat=3):
        corner = np.array(idx) / 10.0
        if ((F <= corner + 1e-12).all(axis=1)).any():
            cells += 1
    assert hypervolume(F, norm) == pytest.approx(cells * 1e-3)
    # the running curve ends at the same value and never decreases
    curve = hypervolume_curve(F, norm)
    assert curve[-1] == pytest.approx(cells * 1e-3)
    assert (np.diff(curve) >= -1e-12).all()
    for k in (1, 5, 9):
        assert curve[k - 1] == pytest.approx(hypervolume(F[:k], norm))


def test_common_normalisation_ignores_dominated_outliers():
    a = np.array([[0.0, 1.0], [1.0, 0.0]])
    b = np.array([[0.5, 0.5], [100.0, 100.0]])  # the outlier is dominated and must not set the nadir
    norm = Normalisation.from_points(a, b)
    assert norm.nadir == (1.0, 1.0)
    assert hypervolume(b, norm) > hypervolume(np.array([[0.9, 0.9]]), norm)
    assert hypervolume(np.empty((0, 2)), norm) == 0.0
