"""A search's side of its agent: every request goes through one :class:`AgentSession`.

A language model can be missing, slow or talkative. The session keeps the search honest about it:

* it counts requests, failed requests, designs the agent proposed and designs the search used
  (``result.json`` ``"agent"``, and the end-of-run summary);
* a request that gives no usable design is one warning line (``AgentWarning``, printed by the CLI as
  ``h2h: warning:``), clipped at a word, never mid-number;
* after :data:`MAX_FAILED_IN_A_ROW` failed requests in a row it stops asking, says so once, and the
  search goes on with its own designs;
* an agent that cannot reach its model at all raises on its first request
  (``llm_agents.AgentUnreachableError``), before any evaluation: the CLI exits 2 with one line.
"""
from __future__ import annotations

import warnings
from dataclasses import asdict, dataclass
from typing import Any

from llm_agents.errors import AgentUnreachableError, ReplayError
from llm_agents.task import Proposal, Task

from .errors import H2HWarning

MAX_FAILED_IN_A_ROW = 3
REASON_CHARS = 240


def agent_entry(row: Any, evaluator: Any = None) -> dict[str, Any]:
    """A history row as a search shows it to its agent: every metric it scored (but wall-clock ones),
    plus ``constraint_violation`` when it broke a budget or a metric bound."""
    from .evaluators.base import agent_metrics

    metrics = agent_metrics(row.metrics, evaluator)
    if row.constraint_violation > 0:
        metrics["constraint_violation"] = row.constraint_violation
    return {"candidate": dict(row.candidate), "metrics": metrics, "source": row.source}


class AgentWarning(H2HWarning):
    """An agent request gave no usable design, or the search stopped asking the agent."""


def clip(text: str, limit: int = REASON_CHARS) -> str:
    """``text`` on one line, shortened at a word boundary (never inside a number) when too long."""
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0].rstrip(",;:(")
    return cut + " ..."


@dataclass
class AgentStats:
    """What ``result.json`` reports under ``"agent"`` (all integers)."""

    requests: int = 0
    failed_requests: int = 0
    designs_proposed: int = 0
    designs_used: int = 0

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


class AgentSession:
    """Wraps an agent for one search run; ``propose`` never raises for a bad answer."""

    def __init__(self, agent: Any, max_failed_in_a_row: int = MAX_FAILED_IN_A_ROW) -> None:
        self.agent = agent
        self.name = getattr(agent, "name", type(agent).__name__)
        self.stats = AgentStats()
        self.max_failed_in_a_row = max_failed_in_a_row
        self.failed_in_a_row = 0
        self.stopped = False

    def propose(self, task: Task) -> Proposal:
        """The agent's proposal; an empty one (not asked) once the session has stopped asking."""
        if self.stopped:
            return Proposal([], notes=f"not asked: the agent failed {self.max_failed_in_a_row} requests in a row")
        self.stats.requests += 1
        try:
            proposal = self.agent.propose(task)
        except (ReplayError, AgentUnreachableError):  # the user asked for an error / no model at all
            raise
        except Exception as e:  # noqa: BLE001 -- any other agent failure is a failed request
            proposal = Proposal([], notes=f"agent failed: {type(e).__name__}: {e}")
        if proposal.candidates:
            self.failed_in_a_row = 0
            self.stats.designs_proposed += len(proposal.candidates)
        else:
            self._failed(proposal)
        return proposal

    def _failed(self, proposal: Proposal) -> None:
        self.stats.failed_requests += 1
        self.failed_in_a_row += 1
        why = proposal.notes or "; ".join(str(r.get("reason")) for r in proposal.rejected[:2]) or "no reason given"
        warnings.warn(f"agent request {self.stats.requests} ({self.name}) gave no usable design: {clip(why)}; "
                      "the search uses its own designs instead", AgentWarning, stacklevel=3)
        if self.failed_in_a_row >= self.max_failed_in_a_row:
            self.stopped = True
            warnings.warn(f"the agent ({self.name}) failed {self.failed_in_a_row} requests in a row: the search "
                          "stops asking it and goes on with its own designs", AgentWarning, stacklevel=3)

    def finish(self, history: Any) -> AgentStats:
        """The stats, with ``designs_used`` = the distinct evaluations of the run that the agent proposed."""
        self.stats.designs_used = sum(r.source == "agent" and not r.repeat for r in history)
        return self.stats

    def summary(self, evaluations: int) -> str:
        """One line for the end of a run."""
        s = self.stats
        line = (f"agent {self.name}: {s.requests} requests ({s.failed_requests} failed), "
                f"{s.designs_proposed} designs proposed, {s.designs_used} of the {evaluations} evaluated "
                "designs came from it")
        return line + ("; it stopped being asked after failing repeatedly" if self.stopped else "")


__all__ = ["AgentSession", "AgentStats", "AgentWarning", "MAX_FAILED_IN_A_ROW", "agent_entry", "clip"]
