"""A search-space description as plain data, and validation of candidates against it.

The h2h side converts its search ``Space`` into the plain dict documented in
:mod:`llm_agents.task`; this module parses that dict once (:meth:`SpaceDescription.from_dict`)
and checks candidates, whoever proposed them. Conditions (``active_if``) and constraints form a
small declarative language that is interpreted here, never evaluated as code:

* a condition is ``{"var": name, <op>: value}`` with one ``<op>`` of ``eq ne lt le gt ge in
  not_in``, or ``{"all": [cond, ...]}``, ``{"any": [cond, ...]}``, ``{"not": cond}``;
* a constraint is ``{"name", "terms": [{"coef", "vars": [], [a] or [a, b], "active_if"?}],
  "le"?, "ge"?}``: the sum of ``coef`` times the product of the named numeric values, over
  the terms whose condition holds, must be ``<= le`` and/or ``>= ge``.
"""
from __future__ import annotations

import json
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .errors import TaskError

VARIABLE_TYPES = ("choice", "int", "real")
COMPARISONS = ("eq", "ne", "lt", "le", "gt", "ge", "in", "not_in")
_VARIABLE_KEYS = {"name", "type", "options", "low", "high", "step", "role", "description",
                  "active_if", "default"}
_TERM_KEYS = {"coef", "vars", "active_if"}
_CONSTRAINT_KEYS = {"name", "terms", "le", "ge", "description"}
_REL_TOL = 1e-9


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _is_scalar(x: Any) -> bool:
    return isinstance(x, (str, bool)) or _is_number(x)


def candidate_key(candidate: Mapping[str, Any]) -> str:
    """A canonical string for a candidate, to tell duplicates apart."""
    return json.dumps(candidate, sort_keys=True, separators=(",", ":"), default=str)


# ---- conditions ------------------------------------------------------------------------------


def _parse_condition(raw: Any, where: str) -> dict[str, Any]:
    if not isinstance(raw, Mapping):
        raise TaskError(f"a condition must be a mapping, got {raw!r}", item=where)
    keys = set(raw)
    if keys in ({"all"}, {"any"}):
        (k,) = keys
        parts = raw[k]
        if not isinstance(parts, Sequence) or isinstance(parts, str) or not parts:
            raise TaskError(f"'{k}' needs a non-empty list of conditions", item=where)
        return {k: [_parse_condition(p, where) for p in parts]}
    if keys == {"not"}:
        return {"not": _parse_condition(raw["not"], where)}
    ops = keys - {"var"}
    if "var" not in raw or len(ops) != 1 or not ops <= set(COMPARISONS):
        raise TaskError(
            f"a condition is {{'var': name, <op>: value}} with one op of {', '.join(COMPARISONS)}, "
            f"or all/any/not; got {dict(raw)!r}", item=where)
    (op,) = ops
    value = raw[op]
    if op in ("in", "not_in"):
        if not isinstance(value, Sequence) or isinstance(value, str) or not all(map(_is_scalar, value)):
            raise TaskError(f"'{op}' needs a list of scalars, got {value!r}", item=where)
        value = list(value)
    elif not _is_scalar(value):
        raise TaskError(f"'{op}' needs a scalar, got {value!r}", item=where)
    return {"var": str(raw["var"]), op: value}


def condition_vars(cond: Mapping[str, Any]) -> set[str]:
    """The variable names a condition reads."""
    if "all" in cond or "any" in cond:
        return set().union(*(condition_vars(c) for c in cond.get("all", cond.get("any", []))))
    if "not" in cond:
        return condition_vars(cond["not"])
    return {cond["var"]}


def _compare(op: str, a: Any, b: Any) -> bool:
    if op == "eq":
        return a == b
    if op == "ne":
        return a != b
    if op == "in":
        return a in b
    if op == "not_in":
        return a not in b
    if not (_is_number(a) and _is_number(b)):
        return False  # ordering needs numbers; a non-number never satisfies it
    return {"lt": a < b, "le": a <= b, "gt": a > b, "ge": a >= b}[op]


def holds(cond: Mapping[str, Any] | None, values: Mapping[str, Any]) -> bool:
    """Interpret a parsed condition over ``values``; ``None`` always holds."""
    if cond is None:
        return True
    if "all" in cond:
        return all(holds(c, values) for c in cond["all"])
    if "any" in cond:
        return any(holds(c, values) for c in cond["any"])
    if "not" in cond:
        return not holds(cond["not"], values)
    (op,) = set(cond) - {"var"}
    return _compare(op, values.get(cond["var"]), cond[op])


# ---- variables -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Variable:
    """One design variable; ``options`` for a choice, ``low``/``high``/``step`` for int and real."""

    name: str
    type: str
    options: tuple[Any, ...] = ()
    low: float | None = None
    high: float | None = None
    step: float | None = None
    role: str | None = None
    description: str | None = None
    active_if: Mapping[str, Any] | None = None
    default: Any = None

    @classmethod
    def from_dict(cls, raw: Any, index: int) -> "Variable":
        where = f"variable #{index}"
        if not isinstance(raw, Mapping):
            raise TaskError(f"a variable must be a mapping, got {type(raw).__name__}", item=where)
        name = raw.get("name")
        if not isinstance(name, str) or not name:
            raise TaskError("a variable needs a non-empty string 'name'", item=where)
        where = f"variable '{name}'"
        unknown = sorted(set(raw) - _VARIABLE_KEYS)
        if unknown:
            raise TaskError(f"unknown key '{unknown[0]}'; expected some of {sorted(_VARIABLE_KEYS)}",
                            item=where)
        vtype = raw.get("type")
        if vtype not in VARIABLE_TYPES:
            raise TaskError(f"type must be one of {', '.join(VARIABLE_TYPES)}, got {vtype!r}", item=where)
        for key in ("role", "description"):
            if raw.get(key) is not None and not isinstance(raw[key], str):
                raise TaskError(f"'{key}' must be a string, got {raw[key]!r}", item=where)
        active_if = None if raw.get("active_if") is None else _parse_condition(raw["active_if"], where)
        common = dict(name=name, type=vtype, role=raw.get("role"), description=raw.get("description"),
                      active_if=active_if)
        if vtype == "choice":
            options = raw.get("options")
            if (not isinstance(options, Sequence) or isinstance(options, str) or not options
                    or not all(map(_is_scalar, options))):
                raise TaskError(f"a choice needs a non-empty list of scalar 'options', got {options!r}",
                                item=where)
            if len({candidate_key({"v": o}) for o in options}) != len(options):
                raise TaskError(f"options repeat a value: {list(options)!r}", item=where)
            var = cls(options=tuple(options), **common)
        else:
            low, high, step = raw.get("low"), raw.get("high"), raw.get("step")
            if vtype == "int":
                ok = all(isinstance(v, int) and not isinstance(v, bool) for v in (low, high))
                ok_step = step is None or (isinstance(step, int) and not isinstance(step, bool) and step >= 1)
            else:
                ok = _is_number(low) and _is_number(high)
                ok_step = step is None or (_is_number(step) and step > 0)
            if not ok or low > high:
                raise TaskError(f"{vtype} needs numeric 'low' <= 'high', got low={low!r}, high={high!r}",
                                item=where)
            if not ok_step:
                raise TaskError(f"'step' must be a positive {'integer' if vtype == 'int' else 'number'}, "
                                f"got {step!r}", item=where)
            var = cls(low=low, high=high, step=step, **common)
        if raw.get("default") is not None:
            value, problem = var.coerce(raw["default"])
            if problem:
                raise TaskError(f"default: {problem}", item=where)
            var = cls(**{**var.__dict__, "default": value})
        return var

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        if self.type == "choice":
            out["options"] = list(self.options)
        else:
            out["low"], out["high"] = self.low, self.high
            if self.step is not None:
                out["step"] = self.step
        for key in ("role", "description", "active_if", "default"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @property
    def is_numeric(self) -> bool:
        return self.type != "choice" or all(_is_number(o) for o in self.options)

    @property
    def fallback(self) -> Any:
        """The value an inactive variable takes in a canonical candidate."""
        if self.default is not None:
            return self.default
        return self.options[0] if self.type == "choice" else self.low

    def coerce(self, value: Any) -> tuple[Any, str | None]:
        """``(canonical value, None)`` when ``value`` is allowed, else ``(None, why not)``."""
        if self.type == "choice":
            for option in self.options:
                # strict types so True never matches 1; any str subclass (numpy's np.str_) matches
                same_type = type(option) is type(value) or (
                    isinstance(option, str) and isinstance(value, str))
                same = (option == value and same_type) or (
                    _is_number(option) and _is_number(value) and option == value)
                if same:
                    return option, None
            return None, f"{value!r} is not one of the options {list(self.options)!r}"
        if isinstance(value, bool) or not _is_number(value):
            kind = "an integer" if self.type == "int" else "a number"
            return None, f"expected {kind}, got {type(value).__name__} {value!r}"
        if self.type == "int":
            if float(value) != int(value):
                return None, f"expected an integer, got {value!r}"
            value = int(value)
        else:
            value = float(value)
        if not self.low <= value <= self.high:
            return None, f"{value!r} is outside [{self.low}, {self.high}]"
        if self.step is not None:
            steps = (value - self.low) / self.step
            if abs(steps - round(steps)) > 1e-6:
                return None, f"{value!r} is not low + k*step (low={self.low}, step={self.step})"
        return value, None

    # ---- positions along the variable, for samplers and the heuristic ----------------------
    def grid(self) -> list[Any] | None:
        """Every allowed value in order, or ``None`` for a continuous real."""
        if self.type == "choice":
            return list(self.options)
        if self.type == "int":
            return list(range(int(self.low), int(self.high) + 1, int(self.step or 1)))
        if self.step is not None:
            count = int(math.floor((self.high - self.low) / self.step + 1e-9)) + 1
            return [self.low + i * self.step for i in range(count)]
        return None

    def sample(self, rng: random.Random) -> Any:
        """A value drawn uniformly over the allowed values."""
        if self.type == "int" and self.step is None:
            return rng.randint(int(self.low), int(self.high))
        grid = self.grid()
        return rng.uniform(self.low, self.high) if grid is None else rng.choice(grid)


# ---- constraints -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    coef: float
    vars: tuple[str, ...]
    active_if: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class Constraint:
    """``le`` / ``ge`` bounds on a sum of products of at most two numeric variables."""

    name: str
    terms: tuple[Term, ...]
    le: float | None = None
    ge: float | None = None
    description: str | None = None

    @classmethod
    def from_dict(cls, raw: Any, index: int, variables: Mapping[str, Variable]) -> "Constraint":
        where = f"constraint #{index}"
        if not isinstance(raw, Mapping):
            raise TaskError(f"a constraint must be a mapping, got {type(raw).__name__}", item=where)
        name = raw.get("name", f"constraint_{index}")
        where = f"constraint '{name}'"
        unknown = sorted(set(raw) - _CONSTRAINT_KEYS)
        if unknown:
            raise TaskError(f"unknown key '{unknown[0]}'; expected some of {sorted(_CONSTRAINT_KEYS)}",
                            item=where)
        le, ge = raw.get("le"), raw.get("ge")
        if (le is None and ge is None) or any(b is not None and not _is_number(b) for b in (le, ge)):
            raise TaskError(f"needs a numeric 'le' and/or 'ge', got le={le!r}, ge={ge!r}", item=where)
        raw_terms = raw.get("terms")
        if not isinstance(raw_terms, Sequence) or isinstance(raw_terms, str) or not raw_terms:
            raise TaskError("needs a non-empty list of 'terms'", item=where)
        terms = []
        for j, t in enumerate(raw_terms):
            tw = f"{where} term #{j}"
            if not isinstance(t, Mapping) or set(t) - _TERM_KEYS:
                raise TaskError(f"a term is {{'coef', 'vars', 'active_if'?}}, got {t!r}", item=tw)
            coef, names = t.get("coef", 1.0), t.get("vars", [])
            if not _is_number(coef):
                raise TaskError(f"'coef' must be a number, got {coef!r}", item=tw)
            if isinstance(names, str) or not isinstance(names, Sequence) or len(names) > 2:
                raise TaskError(f"'vars' lists at most two variable names, got {names!r}", item=tw)
            for n in names:
                if n not in variables:
                    raise TaskError(f"unknown variable '{n}'", item=tw)
                if not variables[n].is_numeric:
                    raise TaskError(f"variable '{n}' is not numeric", item=tw)
            cond = None if t.get("active_if") is None else _parse_condition(t["active_if"], tw)
            terms.append(Term(float(coef), tuple(names), cond))
        return cls(str(name), tuple(terms), None if le is None else float(le),
                   None if ge is None else float(ge), raw.get("description"))

    def to_dict(self) -> dict[str, Any]:
        terms = []
        for t in self.terms:
            d: dict[str, Any] = {"coef": t.coef, "vars": list(t.vars)}
            if t.active_if is not None:
                d["active_if"] = t.active_if
            terms.append(d)
        out: dict[str, Any] = {"name": self.name, "terms": terms}
        for key in ("le", "ge", "description"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    def value(self, values: Mapping[str, Any]) -> float:
        return sum(t.coef * math.prod(float(values[v]) for v in t.vars)
                   for t in self.terms if holds(t.active_if, values))

    def violation(self, values: Mapping[str, Any]) -> float:
        """How far ``values`` are outside the bounds (0 when satisfied), in the constraint's units."""
        v = self.value(values)
        over = 0.0
        if self.le is not None and v > self.le + _REL_TOL * max(1.0, abs(self.le)):
            over = v - self.le
        if self.ge is not None and v < self.ge - _REL_TOL * max(1.0, abs(self.ge)):
            over = max(over, self.ge - v)
        return over

    def explain(self, values: Mapping[str, Any]) -> str:
        v = self.value(values)
        bounds = " and ".join(b for b in (
            None if self.le is None else f"<= {self.le:g}", None if self.ge is None else f">= {self.ge:g}") if b)
        return f"constraint '{self.name}' needs {bounds}, got {v:g}"


# ---- the space -------------------------------------------------------------------------------


@dataclass(frozen=True)
class SpaceDescription:
    """Parsed variables and constraints; see the module docstring for the format."""

    variables: tuple[Variable, ...]
    constraints: tuple[Constraint, ...] = ()

    @classmethod
    def from_dict(cls, raw: Any) -> "SpaceDescription":
        if isinstance(raw, SpaceDescription):
            return raw
        if not isinstance(raw, Mapping):
            raise TaskError(f"a space description must be a mapping, got {type(raw).__name__}",
                            item="space")
        unknown = sorted(set(raw) - {"variables", "constraints"})
        if unknown:
            raise TaskError(f"unknown key '{unknown[0]}'; expected 'variables' and 'constraints'",
                            item="space")
        raw_vars = raw.get("variables")
        if not isinstance(raw_vars, Sequence) or isinstance(raw_vars, str) or not raw_vars:
            raise TaskError("needs a non-empty list of 'variables'", item="space")
        variables = [Variable.from_dict(v, i) for i, v in enumerate(raw_vars)]
        by_name: dict[str, Variable] = {}
        for v in variables:
            if v.name in by_name:
                raise TaskError("duplicate variable name", item=f"variable '{v.name}'")
            by_name[v.name] = v
        for v in variables:
            missing = condition_vars(v.active_if) - set(by_name) if v.active_if else set()
            if missing:
                raise TaskError(f"active_if names unknown variable '{sorted(missing)[0]}'",
                                item=f"variable '{v.name}'")
        raw_cons = raw.get("constraints") or []
        if not isinstance(raw_cons, Sequence) or isinstance(raw_cons, str):
            raise TaskError("'constraints' must be a list", item="space")
        constraints = tuple(Constraint.from_dict(c, i, by_name) for i, c in enumerate(raw_cons))
        for c in constraints:
            for t in c.terms:
                missing = condition_vars(t.active_if) - set(by_name) if t.active_if else set()
                if missing:
                    raise TaskError(f"active_if names unknown variable '{sorted(missing)[0]}'",
                                    item=f"constraint '{c.name}'")
        return cls(tuple(variables), constraints)

    def to_dict(self) -> dict[str, Any]:
        return {"variables": [v.to_dict() for v in self.variables],
                "constraints": [c.to_dict() for c in self.constraints]}

    @property
    def names(self) -> list[str]:
        return [v.name for v in self.variables]

    def variable(self, name: str) -> Variable:
        for v in self.variables:
            if v.name == name:
                return v
        raise KeyError(name)

    def active(self, var: Variable, values: Mapping[str, Any]) -> bool:
        return holds(var.active_if, values)

    def complete(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """``values`` in variable order with inactive or missing variables set to their fallback."""
        out = {v.name: values.get(v.name, v.fallback) for v in self.variables}
        for v in self.variables:
            if not self.active(v, out):
                out[v.name] = v.fallback
        return out

    def validate(self, raw: Any) -> tuple[dict[str, Any] | None, list[str]]:
        """``(canonical candidate, [])`` when ``raw`` is valid, else ``(None, reasons)``.

        The canonical candidate holds every variable in space order, with each inactive
        variable at its fallback value, so that equal designs have equal keys.
        """
        if not isinstance(raw, Mapping):
            return None, [f"a candidate must be a JSON object, got {type(raw).__name__}"]
        errors = [f"unknown variable '{k}'" for k in raw if k not in {v.name for v in self.variables}]
        values: dict[str, Any] = {}
        bad: list[tuple[Variable, str]] = []
        for v in self.variables:  # coerce what is given; activity is decided on coerced values
            if v.name in raw:
                value, problem = v.coerce(raw[v.name])
                values[v.name] = value if problem is None else raw[v.name]
                if problem is not None:
                    bad.append((v, problem))
        candidate = {v.name: values.get(v.name, v.fallback) for v in self.variables}
        for v, problem in bad:
            if self.active(v, candidate):
                errors.append(f"'{v.name}': {problem}")
        for v in self.variables:
            if v.name not in raw and self.active(v, candidate):
                errors.append(f"missing variable '{v.name}'")
        if errors:
            return None, errors
        candidate = self.complete(candidate)
        errors = [c.explain(candidate) for c in self.constraints if c.violation(candidate) > 0]
        return (None, errors) if errors else (candidate, [])

    def feasible(self, candidate: Mapping[str, Any]) -> bool:
        return all(c.violation(candidate) == 0 for c in self.constraints)

    def sample(self, rng: random.Random) -> dict[str, Any]:
        """A candidate with every variable drawn uniformly (constraints not checked)."""
        return self.complete({v.name: v.sample(rng) for v in self.variables})
