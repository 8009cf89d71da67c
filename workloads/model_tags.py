"""Model tags of an imported graph: which modality, fusion part or task head each layer belongs to.

Rules, in order (the first that applies):

1. a ``tags`` prefix that the layer's name or its PyTorch module path starts with (the longest
   one) names its model: ``/rgb/`` matches ``/rgb/rgb.0/Conv`` of the legacy exporter and the
   module path ``/rgb/rgb.0/`` the dynamo exporter records;
2. with several graph inputs, a layer that depends on only one of them belongs to that input's model;
3. with several graph outputs, a layer that feeds only one of them belongs to that output's task head;
4. a layer that joins several inputs belongs to ``fusion``;
5. a layer that depends on one input belongs to that input's model when the graph has several
   outputs (a shared trunk) or the user named the input; else to the one output it feeds when the
   user named that output; else ``main``.

An input's or output's model is named after the tensor, or after the name in ``models``.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from .errors import WorkloadError
from .graph import Workload

FUSION = "fusion"
MAIN = "main"


def _check_names(names: Mapping[str, str], known: Sequence[str], what: str, file: str | None) -> dict:
    if names is not None and not isinstance(names, Mapping):
        raise WorkloadError(f"expected a mapping of names, got {names!r}", file=file, item=what)
    out = dict(names or {})
    for key, value in out.items():
        if not isinstance(key, str) or not isinstance(value, str) or not key or not value.strip():
            raise WorkloadError(f"expected a non-empty name for {key!r}, got {value!r}", file=file, item=what)
        if known is not None and key not in known:
            raise WorkloadError(f"no graph input or output named {key!r}; the graph has "
                                f"{', '.join(repr(k) for k in known) or 'none'}", file=file, item=what)
    return out


def assign_models(w: Workload, inputs: Sequence[str], reach: Mapping[str, frozenset[str]],
                  outputs: Mapping[str, str], *, models: Mapping[str, str] | None = None,
                  tags: Mapping[str, str] | None = None, scopes: Mapping[str, str] | None = None,
                  file: str | None = None) -> Workload:
    """``w`` with each layer's model decided by the rules above.

    ``inputs`` are the graph input names, ``reach[layer]`` the inputs a layer depends on and
    ``outputs`` maps each graph output to the layer that writes it, ``scopes[layer]`` is its
    module path where known.
    """
    scopes = scopes or {}
    names = _check_names(models, [*inputs, *outputs], "models", file)
    prefixes = _prefixes(tags or {}, file)
    fed: dict[str, set[str]] = {n: set() for n in w.layer_names}
    for tensor, layer in outputs.items():
        fed[layer].add(tensor)
    for n in reversed(w.layer_names):
        for p in w.predecessors(n):
            fed[p] |= fed[n]
    several_in, several_out = len(inputs) > 1, len(outputs) > 1

    def model_of(name: str) -> str:
        for prefix, model in prefixes:
            if name.startswith(prefix) or scopes.get(name, "").startswith(prefix):
                return model
        r, f = reach.get(name, frozenset()), fed[name]
        (one_in,) = r if len(r) == 1 else (None,)
        (one_out,) = f if len(f) == 1 else (None,)
        if several_in and one_in:
            return names.get(one_in, one_in)
        if several_out and one_out:
            return names.get(one_out, one_out)
        if len(r) > 1:
            return FUSION
        if one_in and (several_out or one_in in names):
            return names.get(one_in, one_in)
        if one_out and one_out in names:
            return names[one_out]
        return MAIN

    layers = [replace(layer, model=model_of(layer.name)) for layer in w.layers]
    return Workload(w.name, layers, w.edges, source=w.source)


def tag_by_prefix(w: Workload, tags: Mapping[str, str] | None, *, file: str | None = None) -> Workload:
    """``w`` with the layers whose names start with a ``tags`` prefix (the longest) re-tagged."""
    if not tags:
        return w
    prefixes = _prefixes(tags, file)
    layers = [replace(layer, model=next((m for p, m in prefixes if layer.name.startswith(p)), layer.model))
              for layer in w.layers]
    return Workload(w.name, layers, w.edges, source=w.source)


def _prefixes(tags: Mapping[str, str], file: str | None) -> list[tuple[str, str]]:
    return sorted(_check_names(tags, None, "tags", file).items(), key=lambda kv: -len(kv[0]))


def models_summary(w: Workload) -> list[dict]:
    """Per model tag: layers, MACs and weight bytes, in order of first appearance."""
    rows = {m: {"model": m, "layers": 0, "macs": 0, "weight_bytes": 0} for m in w.models}
    for layer in w.layers:
        row = rows[layer.model]
        row["layers"] += 1
        row["macs"] += layer.macs
        row["weight_bytes"] += layer.weight_bytes
    return list(rows.values())
