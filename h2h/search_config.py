"""The part of a search config that FL-NAS and co-design share, read in one place.

Both searches take a space, an evaluator, objectives, an agent, a budget and a seed, plus free-text
facts for the agent's prompt; :func:`read_common` reads and checks those keys and each search reads
its own on top (``h2h.flnas.load_settings``, ``h2h.codesign.settings.load_settings``). Keyword
arguments given on the command line (budget, seed, agent, out) override the file's values.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from llm_agents.task import Objective

from .config import Section, load_config
from .errors import ConfigError, H2HError
from .space import HARDWARE_METRICS, Space


@dataclass
class SearchSettings:
    """What every search run needs; subclasses add their own knobs."""

    space: Space
    evaluator: Any
    objectives: tuple[Objective, ...]
    agent_config: dict[str, Any]
    budget: int = 60
    seed: int = 0
    out: Path | None = None
    application: str = ""
    device_constraints: tuple[str, ...] = ()
    map_options: dict[str, Any] = field(default_factory=dict)
    metric_bounds: dict[str, dict[str, float]] = field(default_factory=dict)
    config_file: str | None = None
    evaluator_config: dict[str, Any] = field(default_factory=dict)


def open_config(config: str | Path | Mapping[str, Any]) -> Section:
    """A config file (located errors) or an in-memory mapping, as a :class:`Section`."""
    return Section(config, item="") if isinstance(config, Mapping) else load_config(config)


def override(cfg: Section, key: str, value: Any, types: Any, default: Any, **bounds: Any) -> Any:
    """``value`` when given (the config's entry is then marked as read), else the config's."""
    if value is None:
        return cfg.take(key, types, default=default, **bounds)
    if key in cfg:
        cfg.raw(key)
    return value


def evaluator_from_config(sec: Section) -> tuple[Any, dict[str, Any]]:
    """The evaluator a config section describes (None when absent), via h2h.evaluators."""
    if not sec.data:
        sec.done()
        return None, {}
    from .evaluators.factory import make_evaluator
    from .yaml_loader import plain

    raw = plain(sec.data)
    for key in sec.data:
        sec.raw(key)
    try:
        evaluator = make_evaluator(raw, base_dir=sec.base_dir)
    except H2HError as e:
        item = e.item or sec.item
        item = item if item.startswith(sec.item) else f"{sec.item}: {item}"
        where = e.file or (f"{sec.file}:{sec.line}" if sec.file and sec.line else sec.file)
        raise ConfigError(e.message, file=where, item=item) from None
    return evaluator, raw


def objectives_from_config(cfg: Section, evaluator: Any, defaults: tuple[str, ...],
                           arch_metrics: Mapping[str, str] | None = None) -> tuple[Objective, ...]:
    """Objectives in priority order; each must be a metric the run reports, in its direction.

    Without an ``objectives`` key, the architecture's own metrics (a scenario's ``xrbench_score``)
    and then the metrics of ``defaults`` that the run reports are used."""
    available = {m: "min" for m in HARDWARE_METRICS}
    available.update(arch_metrics or {})
    if evaluator is not None:
        available.update({m.name: m.direction for m in evaluator.metrics})
    raw = cfg.raw("objectives", None)
    if raw is None:
        names = list(dict.fromkeys([*(arch_metrics or {}), *(n for n in defaults if n in available)]))
        return tuple(Objective(n, available[n], i + 1) for i, n in enumerate(names))
    if not isinstance(raw, list) or not raw:
        raise cfg.error("objectives", "expected a non-empty list of metric names or {name, direction}")
    out = []
    for o in raw:
        name, direction = (o, None) if isinstance(o, str) else (
            (o.get("name"), o.get("direction")) if isinstance(o, Mapping) else (None, None))
        if isinstance(o, Mapping) and set(o) - {"name", "direction"}:
            raise cfg.error("objectives", f"an objective is a name or {{name, direction}}, got {dict(o)}")
        if not isinstance(name, str) or name not in available:
            raise cfg.error("objectives", f"unknown option {name!r}; this run reports: "
                                          f"{', '.join(available)}")
        if direction is not None and direction != available[name]:
            raise cfg.error("objectives", f"'{name}' is better when {available[name]}imised, "
                                          f"not {direction}")
        out.append(Objective(name, available[name], len(out) + 1))
    names = [o.name for o in out]
    if len(set(names)) != len(names):
        raise cfg.error("objectives", f"objectives repeat: {names}")
    return tuple(out)


def metric_bounds_from_config(cfg: Section, evaluator: Any,
                              arch_metrics: Mapping[str, str] | None = None) -> dict[str, dict[str, float]]:
    """``{metric: {le|ge: number}}`` over metrics the run reports."""
    available = (list(HARDWARE_METRICS) + list(arch_metrics or {})
                 + ([m.name for m in evaluator.metrics] if evaluator is not None else []))
    sec = cfg.section("metric_bounds")
    out: dict[str, dict[str, float]] = {}
    for name in list(sec.data):
        if name not in available:
            raise sec.error(name, f"unknown metric; this run reports: {', '.join(available)}")
        b = sec.section(name)
        bound = {op: b.take(op, float) for op in ("le", "ge") if op in b}
        b.done()
        if not bound:
            raise sec.error(name, "expected {le: number} and/or {ge: number}")
        if any(math.isnan(v) for v in bound.values()):
            raise sec.error(name, "a bound must be a number, not NaN")
        if bound.get("ge", -math.inf) > bound.get("le", math.inf):
            raise sec.error(name, f"ge {bound['ge']:g} above le {bound['le']:g}: no design could meet it")
        unit = next((m.unit for m in (evaluator.metrics if evaluator is not None else ()) if m.name == name), "")
        if unit == "fraction" and any(not 0 <= v <= 1 for v in bound.values()):
            raise sec.error(name, f"{name} is a fraction: its bounds lie in [0, 1], got {bound}")
        out[name] = bound
    sec.done()
    return out


def bound_statements(metric_bounds: Mapping[str, Mapping[str, float]]) -> list[str]:
    """Metric bounds as device-constraint sentences for the agent's prompt."""
    return [f"{name} {'<=' if op == 'le' else '>='} {value:g} (designs outside this bound are rejected)"
            for name, bound in metric_bounds.items() for op, value in bound.items()]


def prompt_context(space: Space, application: str = "", device_constraints: Sequence[str] = (),
                   metric_bounds: Mapping[str, Mapping[str, float]] | None = None,
                   objectives: Sequence[Objective] = (), evaluator: Any = None) -> dict[str, Any]:
    """The facts every search gives its agent: the application, the device constraints (metric
    bounds stated among them), the architecture template, the upper-bounded budgets, and (with
    ``objectives``) the goal the search is scored on and the facts of :mod:`h2h.agent_facts`."""
    ctx: dict[str, Any] = {"application": application or "not stated",
                           "device_constraints": [*device_constraints, *bound_statements(metric_bounds or {})],
                           "architecture_template": space.template()}
    if objectives:
        from .agent_facts import search_facts

        ctx.update(search_facts(space, objectives, metric_bounds, evaluator))
    budgets = {c.name: c.le for c in space.description.constraints if c.le is not None}
    if budgets:
        ctx["budgets"] = budgets
    return ctx


def agent_config_from(raw: Any, seed: int, file: str | None) -> dict[str, Any]:
    """The agent config as a dict (validated by building it); seeds default to the run seed."""
    from llm_agents import AgentError, from_config, parse_config
    from llm_agents.config import config_file

    from .yaml_loader import plain

    try:
        conf = parse_config(plain(raw))   # plain: a YAML list is described as a list
        if conf.get("kind") in ("heuristic", "random") and "seed" not in conf:
            conf["seed"] = seed
        from_config(dict(conf))  # fail now, before any work
    except AgentError as e:
        raise ConfigError(e.message, file=e.file or config_file(raw) or file, item=e.item or "agent") from None
    return conf


def check_map_options(cfg: Any, mappers: Sequence[str], map_options: Mapping[str, Any]) -> None:
    """Every option in ``map_options`` is one each of the space's mappers takes (every candidate is
    mapped with all of them), found out before the search spends its budget."""
    from .errors import MappingError
    from .mappers.base import MAP_CALL_KEYS, check_options

    for name in mappers:
        try:
            check_options(name, {k: v for k, v in map_options.items() if k not in MAP_CALL_KEYS})
        except MappingError as e:
            raise cfg.error("map_options", f"{e.item}: {e.message}") from None


def read_common(cfg: Section, *, budget: int | None, seed: int | None, agent: Any,
                out: str | Path | None, default_budget: int,
                default_objectives: tuple[str, ...]) -> dict[str, Any]:
    """The shared keys of a search config, checked, as keyword arguments of a SearchSettings."""
    run_seed = override(cfg, "seed", seed, int, 0)
    run_budget = override(cfg, "budget", budget, int, default_budget)
    if not isinstance(run_budget, int) or isinstance(run_budget, bool) or run_budget < 1:
        raise ConfigError(f"the evaluation budget must be an integer >= 1, got {run_budget!r}",
                          file=cfg.file, item="budget")
    application = cfg.take("application", str, default="")
    constraints = cfg.take("device_constraints", (list, str), default=[])
    constraints = [constraints] if isinstance(constraints, str) else [str(c) for c in constraints]
    map_options = dict(cfg.take("map_options", dict, default={}))
    out_path = override(cfg, "out", None if out is None else str(out), str, None)  # relative to the cwd
    space = Space.from_config(cfg.section("space", required=True))
    check_map_options(cfg, space.mappers, map_options)
    evaluator, evaluator_config = evaluator_from_config(cfg.section("evaluator"))
    objectives = objectives_from_config(cfg, evaluator, default_objectives, getattr(space.arch, "metrics", {}))
    metric_bounds = metric_bounds_from_config(cfg, evaluator, getattr(space.arch, "metrics", {}))
    agent_raw = agent if agent is not None else cfg.raw("agent", None)
    if agent is not None and "agent" in cfg.data:
        cfg.raw("agent")
    agent_config = agent_config_from(agent_raw, run_seed, None if agent is not None else cfg.file)
    return dict(space=space, evaluator=evaluator, objectives=objectives, agent_config=agent_config,
                budget=run_budget, seed=run_seed, out=None if out_path is None else Path(out_path),
                application=application, device_constraints=tuple(constraints),
                map_options=map_options, metric_bounds=metric_bounds, config_file=cfg.file,
                evaluator_config=evaluator_config)
