"""Group-fairness metrics of a classifier, from per-group confusion matrices (numpy only).

Everything is computed from ``cms``, an array of shape ``(G, K, K)``: one confusion matrix per
sensitive group ``g``, with ``cms[g, t, p]`` = number of samples of group ``g`` whose true class is
``t`` and predicted class is ``p``. :func:`group_confusion_matrices` builds it from label arrays.
Accuracies and rates are fractions in [0, 1].

Definitions (``A`` = overall accuracy on all samples, ``A_g`` = accuracy on group ``g``):

* **Unfairness score** (FaHaNa, Sheng et al., DAC 2022; used by FL-NAS, Qin et al., ASP-DAC 2024)::

      U = sum_g |A_g - A|

  the L1 distance between the group accuracies and the overall accuracy. We keep FaHaNa's L1 form
  rather than ``max_g A_g - min_g A_g`` because it is the score those papers optimise. The two agree
  exactly for two groups: with weights ``w_1 + w_2 = 1`` and ``A = w_1 A_1 + w_2 A_2``,
  ``|A_1 - A| + |A_2 - A| = (w_2 + w_1) |A_1 - A_2|``. The max-minus-min spread is reported too, as
  :func:`accuracy_gap`. A perfectly fair classifier scores 0 on both.
* **Per-class rates**, one-vs-rest for class ``c`` within group ``g``:
  ``TPR_g(c) = cms[g, c, c] / sum_p cms[g, c, p]`` (recall of ``c``) and
  ``FPR_g(c) = (sum_{t != c} cms[g, t, c]) / (sum_{t != c} sum_p cms[g, t, p])``.
  A rate whose denominator is 0 (the group has no sample of that kind) is undefined and left out.
* **Equal-opportunity difference** (Hardt et al., 2016)::

      EOpp = max_{c in C} ( max_g TPR_g(c) - min_g TPR_g(c) )

* **Equalized-odds difference** (Hardt et al., 2016; the same form as fairlearn's)::

      EOdd = max_{c in C} max( max_g TPR_g(c) - min_g TPR_g(c),  max_g FPR_g(c) - min_g FPR_g(c) )

  The max/min over groups run over the groups where the rate is defined; a class with fewer than
  two such groups contributes 0. ``C``, the classes treated as "positive", is ``{1}`` for binary
  problems (the usual convention; for two classes the class-0 gaps equal the class-1 ones with
  TPR and FPR swapped, so EOdd is the same either way) and every class for multi-class problems.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from workloads.errors import H2HError


class FairnessError(H2HError):
    """Inputs to a fairness metric are inconsistent (shapes, labels out of range)."""


def group_confusion_matrices(y_true: Sequence[int] | np.ndarray, y_pred: Sequence[int] | np.ndarray,
                             groups: Sequence[int] | np.ndarray, *, num_classes: int,
                             num_groups: int) -> np.ndarray:
    """Count ``(G, K, K)`` confusion matrices, ``cms[g, true, pred]``, from integer label arrays."""
    t, p, g = (np.asarray(a, dtype=np.int64).ravel() for a in (y_true, y_pred, groups))
    if not (len(t) == len(p) == len(g)):
        raise FairnessError(f"y_true, y_pred and groups must have one entry per sample, "
                            f"got lengths {len(t)}, {len(p)}, {len(g)}")
    for name, arr, bound in (("y_true", t, num_classes), ("y_pred", p, num_classes),
                             ("groups", g, num_groups)):
        if arr.size and (arr.min() < 0 or arr.max() >= bound):
            raise FairnessError(f"{name} values must lie in [0, {bound}), got {arr.min()}..{arr.max()}")
    flat = (g * num_classes + t) * num_classes + p
    counts = np.bincount(flat, minlength=num_groups * num_classes * num_classes)
    return counts.reshape(num_groups, num_classes, num_classes)


def _check(cms: np.ndarray) -> np.ndarray:
    cms = np.asarray(cms, dtype=np.float64)
    if cms.ndim != 3 or cms.shape[1] != cms.shape[2] or cms.shape[1] < 2:
        raise FairnessError(f"expected per-group confusion matrices of shape (groups, K, K) with "
                            f"K >= 2, got shape {cms.shape}")
    if (cms < 0).any():
        raise FairnessError("confusion-matrix counts must be >= 0")
    return cms


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    """num / den, NaN where den == 0 (undefined rate)."""
    out = np.full(np.broadcast(num, den).shape, np.nan)
    np.divide(num, den, out=out, where=den > 0)
    return out


def overall_accuracy(cms: np.ndarray) -> float:
    cms = _check(cms)
    total = cms.sum()
    return float(np.trace(cms.sum(axis=0)) / total) if total else float("nan")


def group_accuracies(cms: np.ndarray) -> np.ndarray:
    """``A_g`` for every group (NaN for a group with no samples)."""
    cms = _check(cms)
    return _ratio(np.trace(cms, axis1=1, axis2=2), cms.sum(axis=(1, 2)))


def unfairness_score(cms: np.ndarray) -> float:
    """FaHaNa's ``U = sum_g |A_g - A|`` over the groups that have samples."""
    acc = group_accuracies(cms)
    return float(np.nansum(np.abs(acc - overall_accuracy(cms))))


def accuracy_gap(cms: np.ndarray) -> float:
    """``max_g A_g - min_g A_g`` over the groups that have samples."""
    acc = group_accuracies(cms)
    acc = acc[~np.isnan(acc)]
    return float(acc.max() - acc.min()) if acc.size else 0.0


def true_positive_rates(cms: np.ndarray) -> np.ndarray:
    """``TPR[g, c]``, one-vs-rest recall of class ``c`` in group ``g`` (NaN if undefined)."""
    cms = _check(cms)
    return _ratio(np.diagonal(cms, axis1=1, axis2=2), cms.sum(axis=2))


def false_positive_rates(cms: np.ndarray) -> np.ndarray:
    """``FPR[g, c]``: share of group ``g``'s samples not of class ``c`` that were predicted ``c``."""
    cms = _check(cms)
    diag = np.diagonal(cms, axis1=1, axis2=2)
    false_pos = cms.sum(axis=1) - diag            # predicted c, true class != c
    negatives = cms.sum(axis=(1, 2))[:, None] - cms.sum(axis=2)  # true class != c
    return _ratio(false_pos, negatives)


def _positive_classes(k: int, positive_classes: Sequence[int] | None) -> list[int]:
    if positive_classes is None:
        return [1] if k == 2 else list(range(k))
    bad = [c for c in positive_classes if not 0 <= int(c) < k]
    if bad or not positive_classes:
        raise FairnessError(f"positive_classes must be a non-empty subset of 0..{k - 1}, "
                            f"got {list(positive_classes)}")
    return [int(c) for c in positive_classes]


def _spread(rates: np.ndarray) -> np.ndarray:
    """Per column: max - min over the rows where the value is defined; 0 with < 2 defined rows."""
    out = np.zeros(rates.shape[1])
    for c in range(rates.shape[1]):
        col = rates[:, c][~np.isnan(rates[:, c])]
        if col.size >= 2:
            out[c] = col.max() - col.min()
    return out


def equal_opportunity_difference(cms: np.ndarray,
                                 positive_classes: Sequence[int] | None = None) -> float:
    """``max_c (max_g TPR_g(c) - min_g TPR_g(c))``; see the module docstring."""
    cms = _check(cms)
    cls = _positive_classes(cms.shape[1], positive_classes)
    return float(_spread(true_positive_rates(cms)[:, cls]).max())


def equalized_odds_difference(cms: np.ndarray,
                              positive_classes: Sequence[int] | None = None) -> float:
    """``max_c max(TPR gap, FPR gap)`` across groups; see the module docstring."""
    cms = _check(cms)
    cls = _positive_classes(cms.shape[1], positive_classes)
    tpr_gap = _spread(true_positive_rates(cms)[:, cls])
    fpr_gap = _spread(false_positive_rates(cms)[:, cls])
    return float(np.maximum(tpr_gap, fpr_gap).max())


def fairness_metrics(cms: np.ndarray, group_names: Sequence[str] | None = None,
                     positive_classes: Sequence[int] | None = None) -> dict[str, float]:
    """Every metric above in one flat dict; per-group accuracies as ``accuracy_<group name>``."""
    cms = _check(cms)
    names = list(group_names) if group_names is not None else [str(g) for g in range(cms.shape[0])]
    if len(names) != cms.shape[0]:
        raise FairnessError(f"{len(names)} group names for {cms.shape[0]} groups")
    out = {
        "accuracy": overall_accuracy(cms),
        "unfairness": unfairness_score(cms),
        "accuracy_gap": accuracy_gap(cms),
        "equalized_odds_diff": equalized_odds_difference(cms, positive_classes),
        "equal_opportunity_diff": equal_opportunity_difference(cms, positive_classes),
    }
    for name, acc in zip(names, group_accuracies(cms)):
        out[f"accuracy_{name}"] = float(acc)
    return out
