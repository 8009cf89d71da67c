"""Prompt templates (files beside this module) and their rendering from a :class:`Task`.

Templates are ``string.Template`` text: ``$placeholder`` is substituted, ``$$`` is a dollar sign and
lines starting with ``#`` are comments. README.md beside this file lists the placeholders.
"""
from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import AgentConfigError
from ..history import best, evaluated_ok, feasible_front, violates
from ..space import Constraint, SpaceDescription, Variable
from ..task import Task

BUILTIN = ("flnas", "codesign")
PLACEHOLDERS = frozenset({"application", "space", "variable_names", "constraints", "device_constraints",
                          "objectives", "context", "best", "history", "n", "format", "goal", "facts",
                          "request"})
HISTORY_IN_PROMPT = 24  # designs shown besides the Pareto front (always shown whole): the most recent
# context keys a placeholder of their own shows, or that are for offline agents only (raw data that the
# facts state in words: the layer profile, the architecture template with its budgets)
_CONTEXT_SHOWN_ELSEWHERE = {"application", "device_constraints", "budgets", "already_proposed", "goal",
                            "facts", "request", "focus", "layer_profile", "workload_models",
                            "architecture_template", "evaluations_so_far", "generation"}
_LIST_ITEMS_SHOWN = 12  # a long list in a free-form fact: its first items, then how many more
_SIGNIFICANT = 5        # digits of the metrics shown


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
    """A fact as text; a long list is summarised (its first items and a count), never cut mid-value."""
    if isinstance(value, str):
        return value
    if isinstance(value, list) and len(value) > _LIST_ITEMS_SHOWN:
        head = json.dumps(value[:_LIST_ITEMS_SHOWN], separators=(", ", ": "), default=str)
        return f"{head[:-1]}, ... ({len(value) - _LIST_ITEMS_SHOWN} more items)]"
    return json.dumps(value, separators=(", ", ": "), default=str)


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


def _that_matter(space: SpaceDescription, design: Mapping[str, Any]) -> dict[str, Any]:
    """``design`` completed, keeping only the variables whose condition holds (what a model must give)."""
    full = space.complete(design)
    return {v.name: full[v.name] for v in space.variables if space.active(v, full)}


def _example(space: SpaceDescription) -> dict[str, Any]:
    """A design showing the format (middle options, lowest numbers), without the variables that then
    do not matter."""
    return _that_matter(space, {v.name: v.options[len(v.options) // 2] for v in space.variables
                                if v.type == "choice"})


def _rounded(value: Any) -> Any:
    if isinstance(value, float) and value == value and value not in (float("inf"), float("-inf")):
        return float(f"{value:.{_SIGNIFICANT}g}")
    return value


def _design_line(task: Task, entry: Any) -> str:
    """One evaluated design, compactly: the variables that matter, the objectives' metrics."""
    names = {o.name for o in task.objectives} | {"constraint_violation"}
    design = _that_matter(task.space, entry.candidate)
    metrics = {k: _rounded(v) for k, v in entry.metrics.items() if k in names} or {
        k: _rounded(v) for k, v in entry.metrics.items()}
    return json.dumps({"design": design, "metrics": metrics}, default=str)


def _facts(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, Mapping):
        return [f"- {k}: {_short(v)}" for k, v in value.items()]
    if isinstance(value, list):
        return [f"- {_short(v)}" for v in value]
    return [f"- {_short(value)}"]


def _history_lines(task: Task) -> list[str]:
    """The current Pareto front (of the designs that meet every bound, if any does), whole, then the
    most recent other designs; a count of the rest."""
    front = [entry for entry, _ in feasible_front(task)]
    first = task.ranked_objectives[0]
    front.sort(key=lambda e: first.loss(e.metrics))
    in_front = {id(e) for e in front}
    others = [e for e in task.history if id(e) not in in_front]
    recent = others[-HISTORY_IN_PROMPT:]
    lines: list[str] = []
    if front:
        lines.append(f"Current Pareto front ({len(front)} design{'s' if len(front) != 1 else ''}, all shown, "
                     f"by {first.name}):")
        lines += [_design_line(task, e) for e in front]
    if recent:
        lines.append(f"Most recent other evaluated designs ({len(recent)} of {len(others)}, oldest first; "
                     "none is on the front now):")
        lines += [_design_line(task, e) for e in recent]
    if len(others) > len(recent):
        lines.append(f"({len(others) - len(recent)} older designs evaluated, not shown; none is on the front now; "
                     "proposing one of them again wastes the slot: repeats are rejected)")
    return lines


def _sections(value: Any) -> list[str]:
    """``{title: [lines]}`` (or a list of lines) as text blocks."""
    if isinstance(value, Mapping):
        out = []
        for title, lines in value.items():
            out.append(f"{title}:")
            out += [str(x) for x in (lines if isinstance(lines, list) else [lines])]
            out.append("")
        return out[:-1]
    if isinstance(value, list):
        return [str(x) for x in value]
    return [] if value is None else [str(value)]


def _goal(task: Task) -> list[str]:
    """``context["goal"]`` (the search's own statement), else one built from the objectives."""
    if task.context.get("goal"):
        return _sections(task.context["goal"])
    names = "; ".join(f"{o.name} ({'maximise' if o.direction == 'max' else 'minimise'})" for o in task.objectives)
    return [f"The search keeps the set of best trade-offs (the Pareto front) over all of these objectives: "
            f"{names}. Designs anywhere along the front count; a useful proposal is likely to join it."]


def placeholders(task: Task) -> dict[str, str]:
    """The text each placeholder becomes for ``task``."""
    ctx = task.context
    top = best(task)
    space = task.space
    example = json.dumps({"candidates": [_example(space)]})
    optional = [v.name for v in space.variables if v.active_if]
    fmt = (f"Answer with one JSON object and nothing else, in this format (the values are placeholders that "
           f"show the format, not a suggestion):\n"
           f"{example}\nThe list must hold exactly {task.n} designs, each giving a value for every "
           f"variable that matters: {', '.join(space.names)}"
           + (" (a variable whose condition does not hold may be left out, as in the example)." if optional else "."))
    device = _facts(ctx.get("device_constraints"))
    others = {k: v for k, v in ctx.items() if k not in _CONTEXT_SHOWN_ELSEWHERE}
    objectives = [f"{i}. {o.name} ({'minimise' if o.direction == 'min' else 'maximise'})"
                  for i, o in enumerate(sorted(task.objectives, key=lambda o: o.priority), 1)]
    scored = {id(e) for e, _ in evaluated_ok(task)}
    unscored = [e for e in task.history if id(e) not in scored]
    over = sum(violates(e.metrics) for e in unscored)
    history = _history_lines(task) or ["none yet"]
    if over:
        history.append(f"({over} designs over a budget were not scored)")
    if len(unscored) > over:
        history.append(f"({len(unscored) - over} designs failed to evaluate)")
    pending = ctx.get("already_proposed")
    if isinstance(pending, list) and pending:
        history.append("Already proposed for this same search by its earlier requests (under their own "
                       "budgets), not yet evaluated; do not repeat them:")
        history += [json.dumps(_that_matter(space, d), default=str) for d in pending if isinstance(d, Mapping)]
    return {
        "application": _short(ctx.get("application", "not stated")),
        "space": "\n".join(describe_variable(v) for v in space.variables),
        "variable_names": ", ".join(space.names),
        "constraints": "\n".join(describe_constraint(c) for c in space.constraints),
        "device_constraints": "\n".join(device) or "- none stated",
        "objectives": "\n".join(objectives),
        "context": "\n".join(_facts(others)) or "- none",
        "best": "none yet" if top is None else _design_line(task, top),
        "history": "\n".join(history),
        "n": str(task.n),
        "format": fmt,
        "goal": "\n".join(_goal(task)),
        "facts": "\n".join(_sections({**dict(ctx.get("facts") or {}),
                                       **({"Other facts": _facts(others)} if others else {})})) or "- none",
        "request": "\n".join(_sections(ctx.get("request"))) or f"Propose {task.n} new designs.",
    }


def render(task: Task, template: str | None = None) -> tuple[str, str]:
    """``(system prompt, user prompt)`` for ``task``, using ``template`` if given (name or path),
    else the task's own template."""
    name = template or task.template
    text = load_template(name)
    check_template(text, f"template '{name}'")
    user = string.Template(_strip_comments(text)).substitute(placeholders(task))
    user = re.sub(r"\n{3,}", "\n\n", user)  # an empty placeholder leaves no run of blank lines
    return _strip_comments(load_template("system")).strip(), user.strip()
