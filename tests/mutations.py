"""Mutated copies of config documents, for the robustness tests (test_config_mutations.py).

Every node of a YAML document is deleted, retyped (a string where a number was, a number where a
string was, a mapping or a list where a scalar was), negated, made huge; every mapping gets an
unknown key beside its own. A MAESTRO ``.m`` file is mutated token by token: each line deleted,
each number negated, made huge or replaced by a word. The list is deterministic.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from typing import Any

HUGE = 10**30
UNKNOWN_KEY = "zz_unknown_key"


@dataclass(frozen=True)
class Mutation:
    """One mutated document: ``label`` says what changed (for the test id), ``text`` is the file."""

    label: str
    text: str


def _paths(node: Any, prefix: tuple = ()) -> list[tuple]:
    """Every path to a node below the root, parents before children."""
    out: list[tuple] = []
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        out.append((*prefix, key))
        out.extend(_paths(child, (*prefix, key)))
    return out


def _get(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def _replacements(value: Any) -> list[tuple[str, Any]]:
    """(what, new value) for one node: retyped, negated, huge."""
    out: list[tuple[str, Any]] = []
    if isinstance(value, bool):
        out += [("str", "maybe"), ("int", 2)]
    elif isinstance(value, (int, float)):
        out += [("str", "big"), ("neg", -value if value else -1), ("huge", HUGE),
                ("hugefloat", 1e300 if isinstance(value, float) else HUGE * 10**270)]
        if isinstance(value, int):
            out.append(("float", value + 0.5))
    elif isinstance(value, str):
        out += [("int", 7), ("empty", ""), ("bool", True)]
    elif value is None:
        out += [("str", "x"), ("int", 7)]
    if not isinstance(value, dict):
        out.append(("dict", {"high": HUGE}))
    if not isinstance(value, list):
        out.append(("list", [value, value] if not isinstance(value, (dict, list)) else []))
    if isinstance(value, (dict, list)):
        out += [("str", "x"), ("null", None)]
        if value:
            out.append(("emptied", type(value)()))
    return out


def _label(path: tuple) -> str:
    return ".".join(str(p) for p in path) or "<root>"


def yaml_mutations(text: str) -> list[Mutation]:
    """Every mutation of a YAML document (comments and anchors are not kept)."""
    import yaml

    doc = yaml.safe_load(text)

    def dump(d: Any) -> str:
        return yaml.safe_dump(d, sort_keys=False, width=1000)

    out: list[Mutation] = []
    for path in [(), *_paths(doc)]:
        node = _get(doc, path)
        if isinstance(node, dict):
            d = copy.deepcopy(doc)
            _get(d, path)[UNKNOWN_KEY] = 1
            out.append(Mutation(f"{_label(path)}+unknown", dump(d)))
        if not path:
            continue
        parent_path, key = path[:-1], path[-1]
        d = copy.deepcopy(doc)
        del _get(d, parent_path)[key]
        out.append(Mutation(f"{_label(path)}-deleted", dump(d)))
        for what, value in _replacements(node):
            d = copy.deepcopy(doc)
            _get(d, parent_path)[key] = value
            out.append(Mutation(f"{_label(path)}={what}", dump(d)))
    return out


_NUMBER = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)(?![\w.])")


def text_mutations(text: str) -> list[Mutation]:
    """Every line deleted; every number negated, made huge and replaced by a word."""
    lines = text.splitlines(keepends=True)
    out: list[Mutation] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        out.append(Mutation(f"line{i + 1}-deleted", "".join(lines[:i] + lines[i + 1:])))
        for m in _NUMBER.finditer(line):
            for what, new in (("neg", f"-{m.group(1)}"), ("huge", str(HUGE)), ("word", "big")):
                changed = line[:m.start()] + new + line[m.end():]
                out.append(Mutation(f"line{i + 1}:{m.start()}={what}",
                                    "".join(lines[:i] + [changed] + lines[i + 1:])))
    return out
