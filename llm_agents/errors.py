"""Errors of the agents package.

``llm_agents`` imports nothing of ours, so these mirror ``workloads.errors.H2HError`` (a message
that names the file and the item) instead of subclassing it; the CLI catches :class:`AgentError`
beside ``H2HError`` and prints it as one line. They are raised for programmer and configuration
mistakes only: a model that answers badly never raises, it yields an empty or partial
:class:`~llm_agents.task.Proposal` that says why.
"""
from __future__ import annotations


class AgentError(Exception):
    """Bad input to an agent: the message names the file, the item and what was expected."""

    def __init__(self, message: str, *, file: str | None = None, item: str | None = None) -> None:
        self.message = message
        self.file = None if file is None else str(file)
        self.item = item
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ": ".join(p for p in (self.file, self.item) if p)
        return f"{where}: {self.message}" if where else self.message


class AgentConfigError(AgentError):
    """An agent config (``from_config``, ``--agent``) names an unknown kind or key, or a bad value."""


class TaskError(AgentError):
    """A task handed to an agent is malformed: its space description, objectives or history."""


class ReplayError(AgentError):
    """A strict replay found a recording that ran out or was made for a different task."""


class AgentUnreachableError(AgentError):
    """The agent's very first request could not reach its model (no server, wrong URL or model): a
    search stops before any evaluation instead of running on random designs."""
