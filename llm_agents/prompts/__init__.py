"""Prompt templates (files beside this module) and their rendering from a :class:`Task`.

Templates are ``string.Template`` text: ``$placeholder`` is substituted, ``$$`` is a dollar sign and
lines starting with ``#`` are comments. README.md beside this file lists the placeholders.
"""
from __future__ import annotations

import json
import string
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import AgentConfigError
from ..history import best, evaluated_ok, pareto_front
from ..space import Constraint, SpaceDescription, Variable
from ..task import Task

BUILTIN = ("flnas", "codesign")
PLACEHOLDERS = frozenset({"application", "space", "variable_names", "constraints", "device_constraints",
                          "objectives", "context", "best", "history", "n", "format"})
HISTORY_IN_PROMPT = 24  # designs shown: Pareto-best first, then the most recent
_CONTEXT_SHOWN_ELSEWHERE = {"application", "device_constraints", "budgets", "already_proposed"}
_MAX_FACT_CHARS = 600


def load_template(name_or_path: str) -> str:
    """The text of a built-in template (``flnas``, ``codesign``, ``system``) or of a file."""
    if name_or_path in (*BUILTIN, "system"):
        return resources.files(__package__).joinpath(f"{name_or_path}.txt").read_text(encoding="utf-8")
    path = Path(name_or_path)
    if not path.is_file():
        raise AgentConfigError(f"no such template; expected one of {', '.join(BUILTIN)} or a file path",
                               item=f"template '{name_or_path}'")
    return path.read_text(encoding="utf-8")


def check_template(text: str, where: str) -> None:
    """Raise if ``text`` uses a placeholder this module does not fill, or a malformed ``$``."""
    template = string.Template(_strip_comments(text))
    if not template.is_valid():
        raise AgentConfigError("malformed '$' placeholder (write $$ for a dollar sign)", item=where)
    unknown = sorted(set(template.get_identifiers()) - PLACEHOLDERS)
    if unknown:
        raise AgentConfigError(f"unknown placeholder '${unknown[0]}'; known: "
                               f"{', '.join(sorted(PLACEHOLDERS))}", item=where)


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#")).strip() + "\n"


def _short(value: Any) -> str:
    text = value if isinstance(value, str) else json.dumps(value, separators=(", ", ": "), default=str)
    return text if len(text) <= _MAX_FACT_CHARS else text[:_MAX_FACT_CHARS] + " ..."


def _condition_text(cond: Mapping[str, Any]) -> str:
    if "all" in cond:
        return " and ".join(f"({_condition_text(c)})" for c in cond["all"])
    if "any" in cond:
        return " or ".join(f"({_condition_text(c)})" for c in cond["any"])
    if "not" in cond:
        return f"not ({_condition_text(cond['not'])})"
    (op,) = set(cond) - {"var"}
    symbol = {"eq": "==", "ne": "!=", "lt": "<", "le": "<=", "gt": ">", "ge": ">=", "in": "in",
              "not_in": "not in"}[op]
    return f"{cond['var']} {symbol} {json.dumps(cond[op])}"


def describe_variable(v: Variable) -> str:
    if v.type == "choice":
        allowed = f"one of {json.dumps(list(v.options))}"
    else:
        allowed = f"{v.type} in [{v.low}, {v.high}]" + (f" in steps of {v.step} from {v.low}" if v.step else "")
    parts = [f"- {v.name}: {allowed}"]
    if v.role:
        parts.append(f"role: {v.role}")
    if v.description:
        parts.append(v.description)
    if v.active_if:
        parts.append(f"only matters when {_condition_text(v.active_if)}")
    return "; ".join(parts)


def describe_constraint(c: Constraint) -> str:
    terms = []
    for t in c.terms:
        text = " * ".join([f"{t.coef:g}", *t.vars]) if t.coef != 1 or not t.vars else " * ".join(t.vars)
        if t.active_if:
            text += f" [if {_condition_text(t.active_if)}]"
        terms.append(text)
    bounds = " and ".join(b for b in (None if c.le is None else f"<= {c.le:g}",
                                      None if c.ge is None else f">= {c.ge:g}") if b)
    desc = f" ({c.description})" if c.description else ""
    return f"- {c.name}{desc}: {' + '.join(terms)} {bounds}"


def _example(space: SpaceDescription) -> dict[str, Any]:
    return {v.name: v.fallback for v in space.variables}


def _facts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [f"- {k}: {_short(v)}" for k, v in value.items()]
    if isinstance(value, list):
        return [f"- {_short(v)}" for v in value]
    return [f"- {_short(value)}"]


def _history_lines(task: Task) -> list[str]:
    names = {o.name for o in task.objectives}
    shown: list[int] = []
    index = {id(e): i for i, e in enumerate(task.history)}
    for entry, _ in pareto_front(task):
        shown.append(index[id(entry)])
    for i in range(len(task.history) - 1, -1, -1):
        if len(shown) >= HISTORY_IN_PROMPT:
            break
        if i not in shown:
            shown.append(i)
    lines = []
    for i in sorted(shown[:HISTORY_IN_PROMPT]):
        entry = task.history[i]
        metrics = {k: v for k, v in entry.metrics.items() if k in names} or dict(entry.metrics)
        lines.append(json.dumps({"design": entry.candidate, "metrics": metrics}, default=str))
    if len(task.history) > len(lines):
        lines.append(f"({len(task.history) - len(lines)} more designs evaluated, not shown)")
    return lines


def placeholders(task: Task) -> dict[str, str]:
    """The text each placeholder becomes for ``task``."""
    ctx = task.context
    top = best(task)
    example = json.dumps({"candidates": [_example(task.space)]})
    fmt = (f"Answer with one JSON object and nothing else, in this format (values are examples):\n"
           f"{example}\nThe list must hold exactly {task.n} designs, each giving a value for every "
           f"variable: {', '.join(task.space.names)}.")
    device = _facts(ctx.get("device_constraints")) + _facts(ctx.get("budgets"))
    others = {k: v for k, v in ctx.items() if k not in _CONTEXT_SHOWN_ELSEWHERE}
    objectives = [f"{i}. {o.name} ({'minimise' if o.direction == 'min' else 'maximise'})"
                  for i, o in enumerate(task.ranked_objectives, 1)]
    failed = len(task.history) - len(evaluated_ok(task))
    history = _history_lines(task) or ["none yet"]
    if failed:
        history.append(f"({failed} designs failed to evaluate)")
    pending = ctx.get("already_proposed")
    if isinstance(pending, list) and pending:
        history.append("Already proposed in this round, not yet evaluated (do not repeat them):")
        history += [json.dumps(d, default=str) for d in pending]
    return {
        "application": _short(ctx.get("application", "not stated")),
        "space": "\n".join(describe_variable(v) for v in task.space.variables),
        "variable_names": ", ".join(task.space.names),
        "constraints": "\n".join(describe_constraint(c) for c in task.space.constraints) or "- none",
        "device_constraints": "\n".join(device) or "- none stated",
        "objectives": "\n".join(objectives),
        "context": "\n".join(_facts(others)) or "- none",
        "best": "none yet" if top is None else json.dumps(
            {"design": top.candidate, "metrics": dict(top.metrics)}, default=str),
        "history": "\n".join(history),
        "n": str(task.n),
        "format": fmt,
    }


def render(task: Task, template: str | None = None) -> tuple[str, str]:
    """``(system prompt, user prompt)`` for ``task``, using ``template`` if given (name or path),
    else the task's own template."""
    name = template or task.template
    text = load_template(name)
    check_template(text, f"template '{name}'")
    user = string.Template(_strip_comments(text)).substitute(placeholders(task))
    return _strip_comments(load_template("system")).strip(), user.strip()
