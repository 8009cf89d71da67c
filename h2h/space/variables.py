"""Design variables: plain-data constructors and the conversion to pymoo mixed variables.

A variable *is* the plain dict of the agents' space description (``llm_agents.task``): ``name``,
``type`` (choice, int, real), ``options`` or ``low``/``high``/``step``, ``role``, ``description``,
``active_if``, ``default``. h2h parses it with ``llm_agents.space.Variable`` so candidates are
validated by one piece of code whoever proposed them (an agent, pymoo, a random sampler).

pymoo mapping (pymoo 0.6.2, ``pymoo.core.variable``):

* ``choice``                  -> ``Choice(options=[...])``
* ``int`` without ``step``    -> ``Integer(bounds=(low, high))``
* ``real`` without ``step``   -> ``Real(bounds=(low, high))``
* ``int``/``real`` with step  -> ``Integer(bounds=(0, n_steps))``, the index ``k`` of ``low + k*step``

Inactive variables (``active_if`` false) still get a pymoo value; the space sets them to their
fallback when converting back, so two pymoo points that differ only there are the same design.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from llm_agents.space import Variable

ROLES = ("num_accelerators", "pe_count", "l1_bytes", "l2_bytes", "dataflow", "bandwidth_gbps",
         "depth", "width", "expansion", "kernel", "resolution", "nb201_op", "backbone",
         "mapping_strategy")


def choice(name: str, options: Sequence[Any], *, role: str | None = None, description: str | None = None,
           active_if: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A choice variable as plain data."""
    return _drop_none({"name": name, "type": "choice", "options": list(options), "role": role,
                       "description": description, "active_if": active_if})


def integer(name: str, low: int, high: int, *, step: int | None = None, role: str | None = None,
            description: str | None = None, active_if: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """An integer variable in ``[low, high]`` (optionally ``low + k*step``) as plain data."""
    return _drop_none({"name": name, "type": "int", "low": low, "high": high, "step": step, "role": role,
                       "description": description, "active_if": active_if})


def real(name: str, low: float, high: float, *, step: float | None = None, role: str | None = None,
         description: str | None = None, active_if: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A real variable in ``[low, high]`` as plain data."""
    return _drop_none({"name": name, "type": "real", "low": low, "high": high, "step": step, "role": role,
                       "description": description, "active_if": active_if})


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}


def _steps(var: Variable) -> int:
    return int(math.floor((var.high - var.low) / var.step + 1e-9))


def to_pymoo(var: Variable) -> Any:
    """The pymoo variable that searches over ``var``'s values (see the module docstring)."""
    from pymoo.core.variable import Choice, Integer, Real

    if var.type == "choice":
        return Choice(options=list(var.options))
    if var.step is not None:
        return Integer(bounds=(0, _steps(var)))
    if var.type == "int":
        return Integer(bounds=(int(var.low), int(var.high)))
    return Real(bounds=(float(var.low), float(var.high)))


def value_to_pymoo(var: Variable, value: Any) -> Any:
    """``var``'s value as its pymoo variable holds it."""
    if var.type != "choice" and var.step is not None:
        return int(round((value - var.low) / var.step))
    return value


def value_from_pymoo(var: Variable, value: Any) -> Any:
    """A pymoo value back to ``var``'s value (numpy scalars become Python scalars)."""
    if isinstance(value, np.generic):
        value = value.item()
    if var.type == "choice":
        return value
    if var.step is not None:
        k = min(max(int(round(value)), 0), _steps(var))
        v = var.low + k * var.step
        return int(v) if var.type == "int" else float(v)
    if var.type == "int":
        return int(round(value))
    return float(min(max(float(value), var.low), var.high))


@dataclass(frozen=True)
class Field:
    """One design parameter read from a config: a fixed value, or the variable that chooses it."""

    fixed: Any = None
    var: dict[str, Any] | None = None

    def value(self, candidate: Mapping[str, Any]) -> Any:
        return self.fixed if self.var is None else candidate[self.var["name"]]

    @property
    def values(self) -> list[Any] | None:
        """Every value the field can take (None for a continuous real)."""
        if self.var is None:
            return [self.fixed]
        v = Variable.from_dict(self.var, 0)
        return v.grid()


#: the most values an integer (or stepped real) range may hold: its grid is listed in full by the
#: feasibility check and the agents, so a range of 10**30 would hang the search before it starts
MAX_RANGE_VALUES = 2**20


def field_from_config(sec: Any, key: str, name: str, role: str, description: str, *,
                      default: Any = None, kind: str = "int", low_bound: float = 1,
                      high_bound: float | None = None) -> Field:
    """Read ``key`` of config section ``sec`` as a fixed value, a list of choices, or a range.

    ``kind`` is ``int`` (``{low, high, step?}`` ranges of integers in [``low_bound``,
    ``high_bound``]), ``real`` (``{low, high}``) or ``str`` (fixed string or list of strings). A
    one-element list or a range with ``low == high`` is fixed. A stepped range holds at most
    :data:`MAX_RANGE_VALUES` values.
    """
    from h2h.config import Section

    raw = sec.raw(key, default)
    if raw is None:
        raise sec.error(key, "is required")
    scalar = (str,) if kind == "str" else (int,) if kind == "int" else (int, float)
    what = {"str": "a string", "int": "an integer", "real": "a number"}[kind]

    def ok(v: Any) -> bool:
        return isinstance(v, scalar) and not isinstance(v, bool) and (
            kind == "str" or low_bound <= v and (high_bound is None or v <= high_bound))

    bound = "" if kind == "str" else f" >= {low_bound:g}" if high_bound is None else \
        f" in [{low_bound:g}, {high_bound:g}]"
    if ok(raw):
        return Field(fixed=float(raw) if kind == "real" else raw)
    if isinstance(raw, (int, float)) and not isinstance(raw, bool) and kind != "str":
        raise sec.error(key, f"expected {what}{bound}, got {raw!r}")
    if isinstance(raw, list):
        if not raw or not all(ok(v) for v in raw):
            raise sec.error(key, f"expected a non-empty list of {what}{bound} values, got {list(raw)}")
        if len(set(raw)) != len(raw):
            raise sec.error(key, f"options repeat a value: {list(raw)}")
        if len(raw) == 1:
            return Field(fixed=raw[0])
        return Field(var=choice(name, list(raw), role=role, description=description))
    if isinstance(raw, Mapping) and kind != "str":
        r = Section(raw, file=sec.file, item=sec.key_item(key))
        num = int if kind == "int" else float
        low = r.take("low", num, low=low_bound)
        high = r.take("high", num, low=low, high=high_bound)
        step = r.take("step", num, default=None, low=0 if kind == "real" else 1)
        r.done()
        if kind == "real" and step == 0:
            raise r.error("step", "must be > 0, got 0")
        if (kind == "int" or step is not None) and (high - low) / (step or 1) + 1 > MAX_RANGE_VALUES:
            raise r.error("high", f"a range of {(high - low) / (step or 1) + 1:.3g} values; at most "
                                  f"{MAX_RANGE_VALUES} (2**20): give a list of choices or a larger step")
        if low == high:
            return Field(fixed=low)
        make = integer if kind == "int" else real
        return Field(var=make(name, low, high, step=step, role=role, description=description))
    forms = f"{what}, a list" + ("" if kind == "str" else " or {low, high}")
    raise sec.error(key, f"expected {forms}, got {raw!r}")
