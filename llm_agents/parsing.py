"""Tolerant extraction of candidate designs from a model's reply text.

Models wrap JSON in code fences or prose, stop mid-object when they hit ``max_tokens``, and nest the
list under varying keys. :func:`extract_candidates` finds the JSON with ``json`` only (the text is
data: nothing here evaluates it), unwraps the usual containers and, when the JSON is truncated,
salvages every complete object before the cut.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

MAX_REPLY_CHARS = 200_000
# keys under which models put the list of designs
_LIST_KEYS = ("candidates", "designs", "proposals", "architectures", "configs", "configurations",
              "solutions", "results")
# keys under which one design sits beside commentary, e.g. {"design": {...}, "rationale": "..."}
_ITEM_KEYS = ("candidate", "design", "config", "configuration", "architecture", "params", "values")
# commentary models add inside a design; dropped before validation
COMMENT_KEYS = frozenset({"rationale", "reason", "reasoning", "why", "explanation", "notes", "note",
                          "comment", "justification", "expected", "prediction", "predicted_metrics"})
_FENCE = re.compile(r"```[ \t]*([A-Za-z0-9_+-]*)[ \t]*\n?(.*?)(?:```|\Z)", re.S)
_DECODER = json.JSONDecoder()
# reasoning models served locally (DeepSeek-R1, Qwen3 via Ollama or vLLM) think aloud first
_THINKING = re.compile(r"<think>.*?(?:</think>|\Z)", re.S | re.I)


def _decode_all(text: str) -> list[Any]:
    """Every top-level JSON object or array found scanning left to right; incomplete ones are
    skipped and their complete inner objects kept (salvage of truncated output)."""
    found: list[Any] = []
    i, n = 0, len(text)
    while i < n:
        j = min((k for k in (text.find("{", i), text.find("[", i)) if k >= 0), default=-1)
        if j < 0:
            break
        try:
            value, end = _DECODER.raw_decode(text, j)
        except json.JSONDecodeError:
            i = j + 1  # not complete from here: look inside it for complete pieces
            continue
        found.append(value)
        i = end
    return found


def _unwrap(value: Any) -> list[Any]:
    """The designs a decoded value holds."""
    if isinstance(value, list):
        out: list[Any] = []
        for item in value:
            out.extend(_unwrap(item) if isinstance(item, (list, Mapping)) and _is_container(item) else [item])
        return out
    if isinstance(value, Mapping):
        for key in _LIST_KEYS:
            if isinstance(value.get(key), list):
                return _unwrap(value[key])
        for key in _ITEM_KEYS:
            if isinstance(value.get(key), Mapping) and set(value) - {key} <= COMMENT_KEYS:
                return [value[key]]
        return [value]
    return [value]


def _is_container(item: Any) -> bool:
    if isinstance(item, list):
        return True
    return isinstance(item, Mapping) and (
        any(isinstance(item.get(k), list) for k in _LIST_KEYS)
        or any(isinstance(item.get(k), Mapping) and set(item) - {k} <= COMMENT_KEYS for k in _ITEM_KEYS))


def strip_comments(design: Any) -> Any:
    """``design`` without the commentary keys models like to add."""
    if isinstance(design, Mapping):
        return {k: v for k, v in design.items() if k not in COMMENT_KEYS}
    return design


def _values_in(bodies: list[str]) -> tuple[list[Any], bool]:
    """The JSON values in ``bodies``, and whether one looked cut short."""
    values: list[Any] = []
    truncated = False
    for body in bodies:
        try:
            values.append(json.loads(body))
            continue
        except json.JSONDecodeError:
            pass
        pieces = _decode_all(body)
        stripped = body.rstrip()
        if pieces and stripped and stripped[-1] not in "}]":
            truncated = True
        values.extend(pieces)
    return values, truncated


def extract_candidates(text: str | None, *, max_chars: int = MAX_REPLY_CHARS) -> tuple[list[Any], list[str]]:
    """``(designs, notes)`` found in ``text``: fenced JSON first, else JSON anywhere in the text;
    ``<think>`` sections of reasoning models are skipped.

    ``notes`` says what was repaired (truncated reply, salvaged objects, clipped length) or why
    nothing was found. Designs are returned raw; validating them is the caller's job.
    """
    notes: list[str] = []
    if text and "<think>" in text.lower():
        text = _THINKING.sub("", text)
    if not text or not text.strip():
        return [], ["the reply was empty"]
    if len(text) > max_chars:
        notes.append(f"the reply was {len(text)} characters; only the first {max_chars} were read")
        text = text[:max_chars]
    fenced = [body for _, body in _FENCE.findall(text) if body.strip()]
    values, truncated = _values_in(fenced)
    if not any(isinstance(d, Mapping) for v in values for d in _unwrap(v)):
        values, truncated = _values_in([text])  # the fences held no designs (code, say): read it all
    if truncated:
        notes.append("the JSON looked truncated; kept the complete objects before the cut")
    found = [d for v in values for d in _unwrap(v)]
    designs = [strip_comments(d) for d in found if isinstance(d, Mapping)]
    if len(designs) < len(found):
        notes.append(f"ignored {len(found) - len(designs)} JSON value(s) that were not objects")
    if not designs:
        notes.append("no JSON object found in the reply")
    return designs, notes
