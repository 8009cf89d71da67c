"""Language-model agents that propose designs; plain data in, plain data out (no h2h imports).

A search hands an agent a :class:`Task` (space description, objectives, history, how many designs,
prompt template, context) and gets back a :class:`Proposal` of valid, new candidate dicts. Build
agents with :func:`from_config`; see the README section "Choosing a language model".
"""
from .config import from_config, parse_config
from .errors import AgentConfigError, AgentError, AgentUnreachableError, ReplayError, TaskError
from .heuristic import HeuristicAgent
from .openai_agent import OpenAIAgent, OpenAISettings
from .parsing import extract_candidates
from .random_agent import RandomAgent
from .replay import RecordingAgent, ReplayAgent, read_recording
from .space import SpaceDescription, Variable, candidate_key
from .task import Agent, Evaluated, Objective, Proposal, Task

__all__ = [
    "Agent", "AgentConfigError", "AgentError", "AgentUnreachableError", "Evaluated", "HeuristicAgent", "Objective",
    "OpenAIAgent", "OpenAISettings", "Proposal", "RandomAgent", "RecordingAgent", "ReplayAgent",
    "ReplayError", "SpaceDescription", "Task", "TaskError", "Variable", "candidate_key",
    "extract_candidates", "from_config", "parse_config", "read_recording",
]
