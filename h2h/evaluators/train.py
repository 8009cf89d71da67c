"""Train a candidate on a dataset with a sensitive-group attribute and score accuracy and fairness.

The candidate is built from its architecture spec by :func:`~h2h.evaluators.torch_models.build_module`
(the network the cost model prices), trained on CPU within a :class:`TrainBudget`, and scored on a
held-out split stratified by (group, label). Runs are seeded: weights, data order and the split
depend only on ``seed``, and torch's deterministic algorithms are switched on while training, so
the same spec with the same thread count (``num_threads``, 1 by default) gives the same
metrics. Only ``train_time_s``, the wall-clock seconds spent in the training loop, varies, and
so does everything when ``max_seconds`` cuts training short (how far it got depends on speed).

Metrics (see :mod:`h2h.evaluators.fairness` for the formulas): ``accuracy``, ``unfairness``,
``accuracy_gap``, ``equalized_odds_diff``, ``equal_opportunity_diff``, ``accuracy_<group>`` per
group, ``train_time_s`` and ``params`` (trainable parameters).
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any

import numpy as np

from workloads.errors import type_name

from .base import EvaluationError, EvaluatorConfigError, Metric, select_metrics
from .datasets import GroupDataset, ImageFolderCSV, SyntheticGroups, dataset_from_config, stratified_split
from .fairness import fairness_metrics, group_confusion_matrices
from .torch_models import build_module, import_torch, input_shape, priced_workload

FAIRNESS_METRICS = (
    Metric("accuracy", "max", "fraction", "top-1 accuracy on the held-out split"),
    Metric("unfairness", "min", "fraction", "FaHaNa unfairness score sum_g |A_g - A|"),
    Metric("accuracy_gap", "min", "fraction", "max_g A_g - min_g A_g"),
    Metric("equalized_odds_diff", "min", "fraction", "max over classes of the TPR/FPR gap across groups"),
    Metric("equal_opportunity_diff", "min", "fraction", "max over classes of the TPR gap across groups"),
)
COST_METRICS = (
    Metric("train_time_s", "min", "s", "wall-clock seconds in the training loop", wall_clock=True),
    Metric("params", "min", "count", "trainable parameters"),
)


@dataclass(frozen=True)
class TrainBudget:
    """How much training a candidate gets: ``epochs`` passes, cut short after ``max_seconds``.

    SGD with Nesterov momentum and a cosine learning-rate schedule over the planned steps (the
    NAS-Bench-201 recipe, shortened). At least one batch always runs.
    """

    epochs: int = 1
    max_seconds: float | None = None
    batch_size: int = 64
    lr: float = 0.05
    momentum: float = 0.9
    weight_decay: float = 5e-4

    def __post_init__(self) -> None:
        for name in ("max_seconds", "lr", "momentum", "weight_decay"):
            value = getattr(self, name)
            if not (value is None and name == "max_seconds") and (
                    not isinstance(value, (int, float)) or isinstance(value, bool)):
                raise EvaluatorConfigError(f"{name} must be a number, got {value!r}", item="budget")
        checks = [
            (isinstance(self.epochs, int) and self.epochs >= 1, f"epochs must be an integer >= 1, got {self.epochs!r}"),
            (self.max_seconds is None or self.max_seconds > 0, f"max_seconds must be > 0, got {self.max_seconds!r}"),
            (isinstance(self.batch_size, int) and self.batch_size >= 2, f"batch_size must be an integer >= 2, got {self.batch_size!r}"),
            (self.lr > 0, f"lr must be > 0, got {self.lr!r}"),
            (0 <= self.momentum < 1, f"momentum must be in [0, 1), got {self.momentum!r}"),
            (self.weight_decay >= 0, f"weight_decay must be >= 0, got {self.weight_decay!r}"),
        ]
        for ok, msg in checks:
            if not ok:
                raise EvaluatorConfigError(msg, item="budget")

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> "TrainBudget":
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise EvaluatorConfigError(f"unknown key(s) {unknown}; expected some of {sorted(known)}",
                                       item="budget")
        return cls(**data)


class TrainEvaluator:
    """Scores a spec by training it: ``evaluate(spec) -> {metric: value}``.

    ``dataset`` is a source (:class:`SyntheticGroups`, :class:`ImageFolderCSV`) or its config dict.
    It is loaded once per input resolution and split ``test_fraction`` / rest, stratified.
    ``num_threads`` pins torch's intra-op threads while training and scoring. The default, 1,
    makes results the same on machines with different core counts, suits searches that evaluate
    several candidates at once, and avoids the slowdown of multi-threaded kernels on a busy
    machine (benchmarks/results/evaluators_train.md).
    """

    def __init__(self, dataset: SyntheticGroups | ImageFolderCSV | Mapping[str, Any],
                 budget: TrainBudget | Mapping[str, Any] | None = None, *, test_fraction: float = 0.25,
                 seed: int = 0, metrics: Iterable[str] | None = None, num_threads: int | None = 1) -> None:
        self.source = dataset_from_config(dataset) if isinstance(dataset, Mapping) else dataset
        if not isinstance(self.source, (SyntheticGroups, ImageFolderCSV)):
            raise EvaluatorConfigError(f"dataset must be a SyntheticGroups, ImageFolderCSV or a config "
                                       f"mapping, got {type_name(dataset)}", item="dataset")
        if budget is None:
            budget = TrainBudget()
        self.budget = TrainBudget.from_dict(budget) if isinstance(budget, Mapping) else budget
        if (isinstance(test_fraction, bool) or not isinstance(test_fraction, (int, float))
                or not 0.0 < test_fraction < 1.0):
            raise EvaluatorConfigError(f"test_fraction must be in (0, 1), got {test_fraction}",
                                       item="test_fraction")
        if num_threads is not None and (not isinstance(num_threads, int) or isinstance(num_threads, bool)
                                        or num_threads < 1):
            raise EvaluatorConfigError(f"num_threads must be an integer >= 1 (or None for torch's "
                                       f"default), got {num_threads!r}", item="num_threads")
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise EvaluatorConfigError(f"seed must be an integer >= 0, got {seed!r}", item="seed")
        self.test_fraction = float(test_fraction)
        self.seed = seed
        self.num_threads = num_threads
        groups = tuple(Metric(f"accuracy_{g}", "max", "fraction", f"accuracy on group '{g}'")
                       for g in self.source.group_names)
        clash = sorted({m.name for m in groups} & {m.name for m in (*FAIRNESS_METRICS, *COST_METRICS)})
        if clash:
            raise EvaluatorConfigError(f"group name(s) give metric name(s) {clash} that clash with "
                                       f"built-in metrics; rename the group(s)", item="dataset groups")
        self._metrics = select_metrics((*FAIRNESS_METRICS, *groups, *COST_METRICS), metrics,
                                       owner="TrainEvaluator")
        self._splits: dict[tuple[int, int], tuple[GroupDataset, GroupDataset]] = {}
        import_torch()  # fail now, with a clear message, if the extra is missing

    @property
    def metrics(self) -> tuple[Metric, ...]:
        return self._metrics

    def splits(self, channels: int, resolution: int) -> tuple[GroupDataset, GroupDataset]:
        """(train, test) at this input size, loaded and split once."""
        key = (channels, resolution)
        if key not in self._splits:
            data = self.source.load(resolution, channels)
            self._splits[key] = stratified_split(data, self.test_fraction, self.seed)
        return self._splits[key]

    def check(self, spec: Mapping[str, Any]) -> None:
        """Raise EvaluationError if ``spec`` cannot be trained on this dataset (no work done)."""
        priced_workload(spec)
        shape = input_shape(spec)
        classes = len(self.source.class_names)
        if shape.num_classes != classes:
            raise EvaluationError(f"the network has {shape.num_classes} outputs but the dataset has "
                                  f"{classes} classes", candidate=spec)

    def evaluate(self, spec: Mapping[str, Any]) -> dict[str, float]:
        self.check(spec)
        shape = input_shape(spec)
        train, test = self.splits(shape.channels, shape.resolution)
        result = _train_and_score(spec, train, test, self.budget, self.seed, self.num_threads)
        return {m.name: result[m.name] for m in self._metrics}


@contextmanager
def _deterministic(num_threads: int | None) -> Iterator[Any]:
    """torch with deterministic algorithms (and pinned threads), restored afterwards."""
    torch = import_torch()
    previous_deterministic = torch.are_deterministic_algorithms_enabled()
    previous_threads = torch.get_num_threads()
    try:
        torch.use_deterministic_algorithms(True)
        if num_threads is not None:
            torch.set_num_threads(num_threads)
        yield torch
    finally:
        torch.use_deterministic_algorithms(previous_deterministic)
        torch.set_num_threads(previous_threads)


def _standardise(images: np.ndarray, mean: np.ndarray, std: np.ndarray):
    """Standardised NCHW tensor stored channels-last, the layout the module is trained in."""
    torch = import_torch()
    return torch.from_numpy((images - mean) / std).contiguous(memory_format=torch.channels_last)


def train_module(spec: Mapping[str, Any], train: GroupDataset, budget: TrainBudget, *, seed: int = 0,
                 num_threads: int | None = 1) -> tuple[Any, float, int]:
    """Build ``spec`` and train it on ``train`` within ``budget``.

    Returns the module (in eval mode), the seconds spent in the training loop and the optimizer
    steps taken (fewer than planned when ``max_seconds`` ran out).

    Inputs are standardised per channel with the training split's mean and std (kept on the module
    as ``input_mean`` / ``input_std`` for :func:`predict`).
    """
    with _deterministic(num_threads) as torch:
        torch.manual_seed(seed)
        # channels-last: depthwise and 1x1 convs train faster on CPU in this layout
        # (benchmarks/results/evaluators_train.md)
        model = build_module(spec).to(memory_format=torch.channels_last)
        mean = train.images.mean(axis=(0, 2, 3), keepdims=True)
        std = train.images.std(axis=(0, 2, 3), keepdims=True) + 1e-6
        x_train = _standardise(train.images, mean, std)
        y_train = torch.from_numpy(train.labels)

        n, bs = len(train), budget.batch_size
        steps_per_epoch = n // bs + (1 if n % bs > 1 else 0)  # a last batch of 1 breaks BatchNorm
        total_steps = max(1, steps_per_epoch * budget.epochs)
        optimizer = torch.optim.SGD(model.parameters(), lr=budget.lr, momentum=budget.momentum,
                                    nesterov=budget.momentum > 0, weight_decay=budget.weight_decay)
        schedule = torch.optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=total_steps)
        loss_fn = torch.nn.CrossEntropyLoss()
        order_rng = torch.Generator().manual_seed(seed)

        model.train()
        start = time.perf_counter()
        out_of_time = False
        steps = 0
        for _ in range(budget.epochs):
            perm = torch.randperm(n, generator=order_rng)
            for step in range(steps_per_epoch):
                idx = perm[step * bs:(step + 1) * bs]
                optimizer.zero_grad(set_to_none=True)
                loss = loss_fn(model(x_train[idx]), y_train[idx])
                if not torch.isfinite(loss):
                    raise EvaluationError(f"training diverged (loss {loss.item()}); try a lower lr",
                                          candidate=spec)
                loss.backward()
                optimizer.step()
                schedule.step()
                steps += 1
                out_of_time = (budget.max_seconds is not None
                               and time.perf_counter() - start > budget.max_seconds)
                if out_of_time:
                    break
            if out_of_time:
                break
        seconds = time.perf_counter() - start
    model.eval()
    model.input_mean, model.input_std = mean, std
    return model, seconds, steps


def predict(model: Any, images: np.ndarray, batch_size: int = 256) -> np.ndarray:
    """Predicted class per image of a module returned by :func:`train_module`."""
    torch = import_torch()
    x = _standardise(images, model.input_mean, model.input_std)
    with torch.no_grad():
        return np.concatenate([model(x[i:i + batch_size]).argmax(dim=1).numpy()
                               for i in range(0, len(x), batch_size)])


def _train_and_score(spec: Mapping[str, Any], train: GroupDataset, test: GroupDataset, budget: TrainBudget,
                     seed: int, num_threads: int | None) -> dict[str, float]:
    model, seconds, _ = train_module(spec, train, budget, seed=seed, num_threads=num_threads)
    with _deterministic(num_threads):
        y_pred = predict(model, test.images)
    cms = group_confusion_matrices(test.labels, y_pred, test.groups, num_classes=test.num_classes,
                                   num_groups=test.num_groups)
    out = fairness_metrics(cms, test.group_names)
    out["train_time_s"] = float(seconds)
    out["params"] = float(sum(p.numel() for p in model.parameters() if p.requires_grad))
    return out
