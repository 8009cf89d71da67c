"""Evaluators that score an architecture spec on accuracy and fairness.

``TableEvaluator`` looks metrics up in a CSV (NAS-Bench-201 accuracies ship with h2h);
``TrainEvaluator`` trains the candidate with PyTorch (extra ``train``) on a dataset with a
sensitive-group attribute. Both follow :class:`~h2h.evaluators.base.Evaluator`. Nothing here
imports torch at module level: only training and ``build_module`` need it.
"""
from __future__ import annotations

from .base import (DatasetError, EvaluationError, Evaluator, EvaluatorConfigError, Metric,
                   select_metrics)
from .datasets import GroupDataset, ImageFolderCSV, SyntheticGroups, dataset_from_config, export_image_folder
from .table import TableColumn, TableEvaluator
from .torch_models import TorchMissingError, build_module
from .train import TrainBudget, TrainEvaluator

__all__ = ["DatasetError", "EvaluationError", "Evaluator", "EvaluatorConfigError", "GroupDataset",
           "ImageFolderCSV", "Metric", "SyntheticGroups", "TableColumn", "TableEvaluator",
           "TorchMissingError", "TrainBudget", "TrainEvaluator", "build_module", "dataset_from_config", "export_image_folder",
           "select_metrics"]
