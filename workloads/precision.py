"""The number format a network runs in, chosen by the user rather than taken from the file's dtype.

A precision is one name for weights and activations (``int8``, ``fp16``, ``bf16``, ``fp32``) or
two (``activations=fp16,weights=int8``; the mapping ``{activations: fp16, weights: int8}`` in
YAML and Python). Applying it sets every layer's ``elem_bytes`` (activations, and the buffers the
cost model sizes in elements) and ``weight_elem_bytes`` (weights, where they differ).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from .errors import WorkloadError
from .graph import Workload

FORMAT_BYTES = {"int8": 1, "fp16": 2, "bf16": 2, "fp32": 4}


@dataclass(frozen=True)
class Precision:
    activations: str
    weights: str

    @property
    def activation_bytes(self) -> int:
        return FORMAT_BYTES[self.activations]

    @property
    def weight_bytes(self) -> int:
        return FORMAT_BYTES[self.weights]

    def __str__(self) -> str:
        if self.activations == self.weights:
            return self.activations
        return f"activations={self.activations},weights={self.weights}"


def _format(value: Any, what: str, item: str) -> str:
    if not isinstance(value, str) or value.strip().lower() not in FORMAT_BYTES:
        raise WorkloadError(f"unknown {what} {value!r}; expected one of "
                            f"{', '.join(FORMAT_BYTES)}", item=item)
    return value.strip().lower()


def parse_precision(spec: Any, *, item: str = "precision") -> Precision | None:
    """``"int8"``, ``"activations=fp16,weights=int8"``, a mapping of those keys, a Precision or None."""
    if spec is None or isinstance(spec, Precision):
        return spec
    if isinstance(spec, str) and "=" in spec:
        pairs = {}
        for part in spec.split(","):
            key, sep, value = part.partition("=")
            if not sep:
                raise WorkloadError(f"expected NAME or activations=NAME,weights=NAME, got {spec!r}", item=item)
            pairs[key.strip()] = value
        spec = pairs
    if isinstance(spec, Mapping):
        unknown = sorted(set(spec) - {"activations", "weights"})
        if unknown or not spec:
            raise WorkloadError(f"a precision mapping has the keys activations and weights, got {dict(spec)!r}",
                                item=item)
        act = _format(spec.get("activations", spec.get("weights")), "activations precision", item)
        return Precision(act, _format(spec.get("weights", act), "weights precision", item))
    name = _format(spec, "precision", item)
    return Precision(name, name)


def apply_precision(w: Workload, spec: Any) -> Workload:
    """``w`` with every layer in ``spec``'s formats (``w`` itself when ``spec`` is None)."""
    p = parse_precision(spec)
    if p is None:
        return w
    wb = 0 if p.weight_bytes == p.activation_bytes else p.weight_bytes
    layers = [replace(layer, elem_bytes=p.activation_bytes, weight_elem_bytes=wb) for layer in w.layers]
    return Workload(w.name, layers, w.edges, source=w.source)


def precision_of(w: Workload) -> str:
    """What ``w`` runs in, by its layers' element sizes: a format name, or the bytes when mixed."""
    names = {1: "int8", 2: "16-bit", 4: "fp32", 8: "fp64"}

    def label(sizes: set[int]) -> str:
        return names.get(next(iter(sizes)), f"{next(iter(sizes))}-byte") if len(sizes) == 1 else \
            "mixed " + "/".join(f"{s}-byte" for s in sorted(sizes))
    acts = {layer.elem_bytes for layer in w.layers}
    weights = {layer.weight_elem_bytes or layer.elem_bytes for layer in w.layers if layer.weight_elements}
    a, wt = label(acts), label(weights or acts)
    return a if a == wt else f"activations {a}, weights {wt}"
