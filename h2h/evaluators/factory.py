"""Build an evaluator from plain config data (the ``evaluator:`` section of a NAS or co-design YAML).

::

    {kind: table, dataset: cifar10}                     # packaged NAS-Bench-201 accuracies
    {kind: table, dataset: cifar10, metrics: [accuracy, accuracy_cifar100]}
    {kind: table, path: my_accs.csv, key_column: arch, spec_key: arch,
     columns: [{metric: accuracy, column: top1, direction: max, scale: 0.01}]}
    {kind: train, dataset: {kind: synthetic, num_samples: 1200, minority_fraction: 0.2},
     budget: {epochs: 3, batch_size: 32, lr: 0.05, max_seconds: 60}, test_fraction: 0.25, seed: 0}
    {kind: train, dataset: {kind: image_folder, root: data/fitzpatrick17k, csv: fitzpatrick17k.csv,
                            image_column: md5hash, image_suffix: .jpg, label_column: three_partition_label,
                            group_column: fitzpatrick_scale, group_map: {"1": light, ..., "6": dark}}}

Relative paths (``path``, a dataset's ``root`` and ``csv``) are taken relative to ``base_dir``.
Unknown keys and kinds are errors that name the key and what was expected.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .base import EvaluatorConfigError
from .datasets import dataset_from_config
from .table import TableColumn, TableEvaluator
from .train import TrainEvaluator

TABLE_KEYS = ("kind", "dataset", "metrics", "path", "key_column", "columns", "spec_key")
TRAIN_KEYS = ("kind", "dataset", "budget", "test_fraction", "seed", "metrics", "num_threads")
COLUMN_KEYS = ("metric", "column", "direction", "scale", "unit")


def _check_keys(config: Mapping[str, Any], allowed: tuple[str, ...], item: str) -> None:
    unknown = sorted(set(config) - set(allowed))
    if unknown:
        raise EvaluatorConfigError(f"unknown key(s) {unknown}; expected some of {list(allowed)}", item=item)


def _path(value: Any, base_dir: Path | None, item: str) -> str:
    if not isinstance(value, str) or not value:
        raise EvaluatorConfigError(f"expected a path string, got {value!r}", item=item)
    p = Path(value).expanduser()
    return str(p if p.is_absolute() or base_dir is None else Path(base_dir) / p)


def make_evaluator(config: Mapping[str, Any], *, base_dir: str | Path | None = None):
    """A :class:`TableEvaluator` or :class:`TrainEvaluator` from ``config`` (see the module docstring)."""
    if not isinstance(config, Mapping):
        raise EvaluatorConfigError(f"an evaluator is a mapping with a 'kind', got {config!r}", item="evaluator")
    kind = config.get("kind")
    base = Path(base_dir) if base_dir is not None else None
    if kind == "table":
        _check_keys(config, TABLE_KEYS, "evaluator")
        if "path" not in config:
            extra = sorted({"key_column", "columns", "spec_key"} & set(config))
            if extra:
                raise EvaluatorConfigError(f"{extra} need a 'path' to a table of your own", item="evaluator")
            return TableEvaluator.nb201(config.get("dataset", "cifar10"), metrics=config.get("metrics"))
        if "dataset" in config:
            raise EvaluatorConfigError("'dataset' selects a NAS-Bench-201 column; with 'path' give "
                                       "'columns' instead", item="evaluator.dataset")
        columns = config.get("columns")
        if not isinstance(columns, list) or not columns:
            raise EvaluatorConfigError("'columns' must be a non-empty list of {metric, column, direction, "
                                       "scale}", item="evaluator.columns")
        parsed = []
        for i, col in enumerate(columns):
            if not isinstance(col, Mapping) or not {"metric", "column"} <= set(col):
                raise EvaluatorConfigError("each column needs 'metric' and 'column'", item=f"evaluator.columns[{i}]")
            _check_keys(col, COLUMN_KEYS, f"evaluator.columns[{i}]")
            parsed.append(TableColumn(str(col["metric"]), str(col["column"]), col.get("direction", "max"),
                                      float(col.get("scale", 1.0)), str(col.get("unit", ""))))
        return TableEvaluator(_path(config["path"], base, "evaluator.path"),
                              key_column=str(config.get("key_column", "arch")), columns=parsed,
                              metrics=config.get("metrics"), spec_key=str(config.get("spec_key", "arch")))
    if kind == "train":
        _check_keys(config, TRAIN_KEYS, "evaluator")
        dataset = config.get("dataset")
        if not isinstance(dataset, Mapping):
            raise EvaluatorConfigError("'dataset' must be a mapping with a 'kind' (synthetic or image_folder)",
                                       item="evaluator.dataset")
        dataset = dict(dataset)
        for key in ("root", "csv"):
            if key in dataset and not (key == "csv" and "root" in dataset):
                dataset[key] = _path(dataset[key], base, f"evaluator.dataset.{key}")
        return TrainEvaluator(dataset_from_config(dataset), config.get("budget"),
                              test_fraction=config.get("test_fraction", 0.25),
                              seed=config.get("seed", 0), metrics=config.get("metrics"),
                              num_threads=config.get("num_threads", 1))
    raise EvaluatorConfigError(f"evaluator kind must be 'table' or 'train', got {kind!r}", item="evaluator.kind")
