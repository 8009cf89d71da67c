"""Fairness metrics on hand-computed confusion matrices (cms[group, true, pred])."""
import numpy as np
import pytest

from h2h.evaluators.fairness import (FairnessError, accuracy_gap, equal_opportunity_difference,
                                     equalized_odds_difference, fairness_metrics, false_positive_rates,
                                     group_accuracies, group_confusion_matrices, overall_accuracy,
                                     true_positive_rates, unfairness_score)

# binary, two groups; rows = true class (0 = negative, 1 = positive), columns = prediction
#   group A: TN 40, FP 10, FN 5, TP 45 -> acc 85/100, TPR 45/50 = 0.9, FPR 10/50 = 0.2
#   group B: TN 15, FP 5, FN 10, TP 10 -> acc 25/40, TPR 10/20 = 0.5, FPR 5/20 = 0.25
BINARY = np.array([[[40, 10], [5, 45]], [[15, 5], [10, 10]]])

# three classes, three groups; group 2 has no sample of class 1
#   g0: acc 25/30, TPR (.8, .9, .8), FPR c0 = 2/20, c1 = 1/20, c2 = 2/20
#   g1: acc 19/30, TPR (.7, 1., .2), FPR c0 = 0/20, c1 = 11/20, c2 = 0/20
#   g2: acc 6/6,   TPR (1., undefined, 1.), FPR c0 = 0/2, c1 = 0/6, c2 = 0/4
MULTI = np.array([
    [[8, 1, 1], [0, 9, 1], [2, 0, 8]],
    [[7, 3, 0], [0, 10, 0], [0, 8, 2]],
    [[4, 0, 0], [0, 0, 0], [0, 0, 2]],
])


def test_binary_two_groups_by_hand():
    assert overall_accuracy(BINARY) == pytest.approx(110 / 140)
    assert group_accuracies(BINARY) == pytest.approx([0.85, 0.625])
    # U = |0.85 - 11/14| + |0.625 - 11/14| = 0.225, equal to the gap for two groups
    assert unfairness_score(BINARY) == pytest.approx(0.225)
    assert accuracy_gap(BINARY) == pytest.approx(0.225)
    assert true_positive_rates(BINARY)[:, 1] == pytest.approx([0.9, 0.5])
    assert false_positive_rates(BINARY)[:, 1] == pytest.approx([0.2, 0.25])
    assert equal_opportunity_difference(BINARY) == pytest.approx(0.4)
    assert equalized_odds_difference(BINARY) == pytest.approx(0.4)  # max(0.4, 0.05)


def test_equalized_odds_picks_the_fpr_gap_when_larger():
    # group B now: TN 5, FP 15, FN 2, TP 18 -> TPR 0.9 (same as A), FPR 0.75 (A: 0.2)
    cms = np.array([[[40, 10], [5, 45]], [[5, 15], [2, 18]]])
    assert equal_opportunity_difference(cms) == pytest.approx(0.0)
    assert equalized_odds_difference(cms) == pytest.approx(0.55)


def test_multiclass_three_groups_by_hand():
    # A = 50/66; U = |25/30 - A| + |19/30 - A| + |1 - A| = (25 + 41 + 80) / 330
    assert overall_accuracy(MULTI) == pytest.approx(50 / 66)
    assert unfairness_score(MULTI) == pytest.approx(146 / 330)
    assert accuracy_gap(MULTI) == pytest.approx(1 - 19 / 30)
    tpr = true_positive_rates(MULTI)
    assert np.isnan(tpr[2, 1])
    assert tpr[1] == pytest.approx([0.7, 1.0, 0.2])
    assert false_positive_rates(MULTI)[1] == pytest.approx([0.0, 0.55, 0.0])
    # TPR gaps per class (0.3, 0.1 over groups 0-1 only, 0.8); FPR gaps (0.1, 0.55, 0.1)
    assert equal_opportunity_difference(MULTI) == pytest.approx(0.8)
    assert equalized_odds_difference(MULTI) == pytest.approx(0.8)
    assert equal_opportunity_difference(MULTI, positive_classes=[1]) == pytest.approx(0.1)
    assert equalized_odds_difference(MULTI, positive_classes=[1]) == pytest.approx(0.55)


def test_confusion_matrices_from_labels_round_trip():
    t, p, g = [], [], []
    for grp, cm in enumerate(MULTI):
        for true in range(3):
            for pred in range(3):
                n = cm[true, pred]
                t += [true] * n
                p += [pred] * n
                g += [grp] * n
    order = np.random.default_rng(0).permutation(len(t))
    cms = group_confusion_matrices(np.array(t)[order], np.array(p)[order], np.array(g)[order],
                                   num_classes=3, num_groups=3)
    assert (cms == MULTI).all()


def test_rates_match_brute_force_on_random_labels():
    rng = np.random.default_rng(1)
    t, p, g = rng.integers(0, 4, 500), rng.integers(0, 4, 500), rng.integers(0, 3, 500)
    cms = group_confusion_matrices(t, p, g, num_classes=4, num_groups=3)
    tpr, fpr = true_positive_rates(cms), false_positive_rates(cms)
    for grp in range(3):
        m = g == grp
        assert group_accuracies(cms)[grp] == pytest.approx(np.mean(t[m] == p[m]))
        for c in range(4):
            assert tpr[grp, c] == pytest.approx(np.mean(p[m & (t == c)] == c))
            assert fpr[grp, c] == pytest.approx(np.mean(p[m & (t != c)] == c))
    gaps = [max(np.ptp(tpr[:, c]), np.ptp(fpr[:, c])) for c in range(4)]
    assert equalized_odds_difference(cms) == pytest.approx(max(gaps))
    acc = np.mean(t == p)
    assert unfairness_score(cms) == pytest.approx(sum(abs(np.mean(t[g == k] == p[g == k]) - acc)
                                                      for k in range(3)))


def test_perfect_classifier_is_fair():
    t = np.array([0, 1, 2, 0, 1, 2])
    cms = group_confusion_matrices(t, t, [0, 0, 0, 1, 1, 1], num_classes=3, num_groups=2)
    m = fairness_metrics(cms, ["light", "dark"])
    assert m["accuracy"] == 1.0 and m["accuracy_light"] == 1.0 and m["accuracy_dark"] == 1.0
    assert m["unfairness"] == m["accuracy_gap"] == m["equalized_odds_diff"] == m["equal_opportunity_diff"] == 0.0


def test_bad_inputs_are_project_errors():
    with pytest.raises(FairnessError, match="one entry per sample"):
        group_confusion_matrices([0, 1], [0], [0, 0], num_classes=2, num_groups=1)
    with pytest.raises(FairnessError, match=r"y_pred values must lie in \[0, 2\)"):
        group_confusion_matrices([0, 1], [0, 2], [0, 0], num_classes=2, num_groups=1)
    with pytest.raises(FairnessError, match="shape"):
        unfairness_score(np.zeros((2, 3)))
    with pytest.raises(FairnessError, match="positive_classes"):
        equalized_odds_difference(BINARY, positive_classes=[5])
