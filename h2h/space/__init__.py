"""The shared search space (architecture x hardware x mapping) and its evaluation pipeline.

See :mod:`h2h.space.space` for the config format, :mod:`h2h.space.arch` and
:mod:`h2h.space.hardware` for the parts (and the area model), and :mod:`h2h.space.pipeline` for
``evaluate_candidate``.
"""
from .hardware import AreaModel
from .pipeline import HARDWARE_METRICS, CandidateEvaluator, Evaluation, evaluate_candidate
from .space import CandidateError, Space

__all__ = ["HARDWARE_METRICS", "AreaModel", "CandidateError", "CandidateEvaluator", "Evaluation", "Space",
           "evaluate_candidate"]
