"""Building an agent from plain config: ``from_config`` (a dict, or a YAML/JSON string for ``--agent``).

Kinds and their keys::

    {kind: openai, model, base_url, api_key_env, temperature, max_tokens, timeout_s, max_retries,
     max_reasks, backoff_s, max_backoff_s, response_format, template, seed, max_reply_chars}
    {kind: heuristic, seed, explore_fraction}
    {kind: random, seed}
    {kind: replay, path, strict}

Any of them may add ``record: path`` to write its proposals as JSONL. ``None`` or an empty config
gives the heuristic agent, the default when no model is configured.
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any, Callable

from .errors import AgentConfigError
from .heuristic import HeuristicAgent
from .openai_agent import OpenAIAgent, OpenAISettings
from .random_agent import RandomAgent
from .replay import RecordingAgent, ReplayAgent
from .task import Agent


def _int(value: Any, key: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise AgentConfigError(f"expected an integer, got {value!r}", item=f"agent '{key}'")
    return value


def _heuristic(cfg: dict[str, Any]) -> Agent:
    fraction = cfg.get("explore_fraction", 0.3)
    if not isinstance(fraction, (int, float)) or isinstance(fraction, bool) or not 0 <= fraction <= 1:
        raise AgentConfigError(f"expected a number in [0, 1], got {fraction!r}", item="agent 'explore_fraction'")
    return HeuristicAgent(_int(cfg.get("seed", 0), "seed"), explore_fraction=float(fraction))


def _random(cfg: dict[str, Any]) -> Agent:
    return RandomAgent(_int(cfg.get("seed", 0), "seed"))


def _replay(cfg: dict[str, Any]) -> Agent:
    if not isinstance(cfg.get("path"), str) or not cfg["path"]:
        raise AgentConfigError("a replay agent needs 'path', the JSONL recording to play", item="agent 'path'")
    strict = cfg.get("strict", False)
    if not isinstance(strict, bool):
        raise AgentConfigError(f"expected true or false, got {strict!r}", item="agent 'strict'")
    return ReplayAgent(cfg["path"], strict=strict)


def _openai(cfg: dict[str, Any]) -> Agent:
    if "model" not in cfg:
        raise AgentConfigError("an openai agent needs 'model'", item="agent 'model'")
    return OpenAIAgent(OpenAISettings(**cfg))


# kind -> (builder, keys it takes besides kind and record)
KINDS: dict[str, tuple[Callable[[dict[str, Any]], Agent], frozenset[str]]] = {
    "openai": (_openai, frozenset(OpenAISettings.keys())),
    "heuristic": (_heuristic, frozenset({"seed", "explore_fraction"})),
    "random": (_random, frozenset({"seed"})),
    "replay": (_replay, frozenset({"path", "strict"})),
}


def config_file(config: Any) -> str | None:
    """The path when ``config`` names an agent config file (a ``.yaml``/``.yml``/``.json`` word),
    else None: errors about what the file says then name it."""
    if isinstance(config, str):
        text = config.strip()
        if text.endswith((".yaml", ".yml", ".json")) and "\n" not in text and " " not in text:
            return text
    return None


def parse_config(config: Mapping[str, Any] | str | None) -> dict[str, Any]:
    """A config as a dict: YAML or JSON text, a path to such a file, a bare kind, or a mapping."""
    if config is None:
        return {"kind": "heuristic"}
    if isinstance(config, str):
        import yaml  # only the CLI path needs it

        text = config.strip()
        if config_file(text):
            if not Path(text).is_file():
                raise AgentConfigError("no such agent config file", file=text)
            try:
                text = Path(text).read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as e:
                raise AgentConfigError(f"cannot read the agent config: {e}", file=text) from None
        try:
            loaded = yaml.safe_load(text) if text else None
        except yaml.YAMLError as e:
            raise AgentConfigError(f"not valid YAML or JSON: {str(e).splitlines()[0]}", item="agent config") from None
        except RecursionError:
            raise AgentConfigError("not valid YAML or JSON: nested too deeply", item="agent config") from None
        config = {"kind": loaded} if isinstance(loaded, str) else loaded
        if config is None:
            return {"kind": "heuristic"}
    if not isinstance(config, Mapping):
        raise AgentConfigError(f"expected a mapping with 'kind', got {type(config).__name__}", item="agent config")
    return {str(k): v for k, v in config.items()} or {"kind": "heuristic"}


def from_config(config: Mapping[str, Any] | str | None) -> Agent:
    """The agent a config describes; unknown kinds and keys raise :class:`AgentConfigError`
    (naming the config file, when ``config`` is one)."""
    try:
        return _from_config(config)
    except AgentConfigError as e:
        if e.file or not config_file(config):
            raise
        raise AgentConfigError(e.message, file=config_file(config), item=e.item) from None


def _from_config(config: Mapping[str, Any] | str | None) -> Agent:
    cfg = parse_config(config)
    kind = cfg.pop("kind", None)
    if not isinstance(kind, str) or kind not in KINDS:
        raise AgentConfigError(f"unknown kind {kind!r}; expected one of {', '.join(KINDS)}", item="agent 'kind'")
    build, keys = KINDS[kind]
    record = cfg.pop("record", None)
    unknown = sorted(set(cfg) - keys)
    if unknown:
        raise AgentConfigError(f"unknown key for an agent of kind {kind!r}; expected some of {', '.join(sorted(keys | {'kind', 'record'}))}",
                               item=f"agent '{unknown[0]}'")
    agent = build(cfg)
    if record is not None:
        if not isinstance(record, str) or not record:
            raise AgentConfigError(f"expected a file path, got {record!r}", item="agent 'record'")
        agent = RecordingAgent(agent, record)
    return agent
