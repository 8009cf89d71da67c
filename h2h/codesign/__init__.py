"""LLM-warm-started software-hardware co-design (after Yan et al., IEEE SOCC 2023, "LCDA").

NSGA-II over the shared Space (DNN architecture x heterogeneous hardware, the mapping found by the
H2H mapper inside every evaluation) whose initial population a language model (or the offline
heuristic agent) proposes, so the optimizer does not start cold.

* :mod:`.settings`  -- the config format and its checks (``load_settings``)
* :mod:`.problem`   -- ``CodesignProblem``, a plain pymoo Problem
* :mod:`.warmstart` -- initial population from the agent, random top-up, injections
* :mod:`.recorder`  -- the pymoo callback recording every evaluation with its source
* :mod:`.loop`      -- ``codesign(...)``
* :mod:`.outputs`   -- the results folder (the ``h2h nas`` format plus designs to take away)
"""
from ..callable_module import make_callable
from .loop import CodesignResult, codesign, make_algorithm, problem_of, run_codesign
from .problem import CodesignProblem
from .recorder import EvaluationRecorder
from .settings import CodesignSettings, InfeasibleBudgetError, load_settings

make_callable(__name__, codesign)   # h2h.codesign(...) stays the function once this package is imported

__all__ = ["CodesignProblem", "CodesignResult", "CodesignSettings", "EvaluationRecorder",
           "InfeasibleBudgetError", "codesign", "load_settings", "make_algorithm", "problem_of",
           "run_codesign"]
