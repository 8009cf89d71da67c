"""A pymoo callback that records every evaluation of a co-design run with its source.

Works with any pymoo algorithm run on a :class:`~h2h.codesign.problem.CodesignProblem`
(``minimize(problem, algorithm, callback=recorder)``) as well as with the co-design loop: after
each generation it reads the individuals the algorithm has just evaluated (``algorithm.off``),
finds the evaluation each got through its ``call`` index into ``problem.calls``, and appends a
:class:`~h2h.results.HistoryRow`. The source is the individual's ``source`` (set by whoever
inserted it: ``agent``, ``fallback``, ``random``), else ``random`` in the first generation and
``offspring`` after it.
"""
from __future__ import annotations

from typing import Any

from pymoo.core.callback import Callback

from h2h.results import HistoryRow

from .problem import CodesignProblem


class EvaluationRecorder(Callback):
    """``rows``: one :class:`HistoryRow` per evaluation, in order (repeats included, flagged)."""

    def __init__(self, problem: CodesignProblem) -> None:
        super().__init__()
        self.problem = problem
        self.rows: list[HistoryRow] = []
        self._recorded: set[int] = set()

    def notify(self, algorithm: Any) -> None:
        infills = algorithm.off
        if infills is None:
            return
        first = algorithm.n_iter == 1
        for ind in infills:
            call = ind.get("call")
            if call is None or int(call) in self._recorded:
                continue
            self._recorded.add(int(call))
            ev = self.problem.calls[int(call)]
            source = ind.get("source") or ("random" if first else "offspring")
            self.rows.append(HistoryRow(len(self.rows) + 1, str(source), dict(ev.candidate), dict(ev.metrics),
                                        self.problem.violation(ev), ev.repeat, ev.error))

    @property
    def distinct(self) -> int:
        """Rows that were evaluated for the first time (what the budget counts)."""
        return sum(not r.repeat for r in self.rows)
