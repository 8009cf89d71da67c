"""Gathering a proposal: validate each raw candidate, drop duplicates, remember why rejects failed.

All agents fill their :class:`~llm_agents.task.Proposal` through :class:`Collector`, so every
candidate that leaves this package is valid in the task's space, canonical, and new.
"""
from __future__ import annotations

from typing import Any

from .space import candidate_key
from .task import Proposal, Task

_MAX_RAW_CHARS = 2000  # a rejected proposal is kept for diagnosis, not in full when huge


def _clip(raw: Any) -> Any:
    text = candidate_key(raw) if not isinstance(raw, str) else raw
    if len(text) <= _MAX_RAW_CHARS:
        return raw
    return text[:_MAX_RAW_CHARS] + f"... [{len(text) - _MAX_RAW_CHARS} more characters]"


def proposed_before(task: Task) -> set[str]:
    """Keys of the valid designs in ``context["already_proposed"]``: what earlier requests of the
    same round (not yet evaluated) already hold, so a split request does not repeat them."""
    raw = task.context.get("already_proposed")
    keys = set()
    for design in raw if isinstance(raw, list) else ():
        candidate, _ = task.space.validate(design)
        if candidate is not None:
            keys.add(candidate_key(candidate))
    return keys


class Collector:
    """Accepts up to ``task.n`` valid, new candidates."""

    def __init__(self, task: Task) -> None:
        self.task = task
        self.candidates: list[dict[str, Any]] = []
        self.rejected: list[dict[str, Any]] = []
        self._evaluated = {candidate_key(task.space.complete(h.candidate)) for h in task.history}
        self._seen = set(self._evaluated) | proposed_before(task)

    @property
    def missing(self) -> int:
        return self.task.n - len(self.candidates)

    def known(self, candidate: dict[str, Any]) -> bool:
        return candidate_key(candidate) in self._seen

    def offer(self, raw: Any) -> str | None:
        """Take ``raw`` if valid and new; otherwise return (and record) why not."""
        candidate, errors = self.task.space.validate(raw)
        if candidate is not None and self.known(candidate):
            evaluated = candidate_key(candidate) in self._evaluated
            errors = ["already evaluated" if evaluated else "duplicate of another proposal"]
            candidate = None
        if candidate is None:
            reason = "; ".join(errors)
            self.rejected.append({"raw": _clip(raw), "reason": reason})
            return reason
        if self.missing <= 0:
            return "more candidates than asked for"  # not an error; silently extra
        self._seen.add(candidate_key(candidate))
        self.candidates.append(candidate)
        return None

    def proposal(self, transcript: list[dict[str, Any]], notes: str) -> Proposal:
        return Proposal(list(self.candidates), list(self.rejected), transcript, notes)
