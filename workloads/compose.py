"""One multi-model workload from separately exported networks: a workload file with ``parts``.

.. code-block:: yaml

    name: face_antispoof
    parts:                                   # part name -> any workload spec, or a mapping
      rgb: rgb_branch.onnx                   #   paths are relative to this file
      depth: {source: depth_branch.onnx, precision: int8}
      head: {source: head.onnx, tags: {/classifier/: spoof}}
    edges:                                   # which output feeds which input
      - {src: rgb, dst: "head:rgb_feat"}     # PART (its only output/input) or PART:NAME
      - {src: "depth:feat", dst: "head:depth_feat"}
      - {src: rgb, dst: "head:fc", port: 1}  # a layer name and its input position also work

A document with ``source`` instead of ``parts`` (and ``precision``, ``models``, ``tags``) loads
one workload with those options, so the names a user gives an export live in a file beside it.

A part's layers are named ``PART/LAYER``. A part of one model is tagged with the part's name; a part
that holds several models, or whose ``models``/``tags`` the user gave, keeps its own tags. ``NAME``
is a graph input or output of an ONNX part (the input feeds every layer that reads it) or a layer
name of any part. The joined tensors must
have the same number of elements; a mismatch is an error naming the edge.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import WorkloadError
from .graph import Workload

SPEC_KEYS = ("source", "precision", "models", "tags")
#: how a part is loaded: ``load(spec) -> (Workload, ports)`` (``workloads.load.load_with_ports``, passed
#: in by the loader so that this module imports no loader back)
PartLoader = Callable[[Any], tuple[Workload, Any]]

TOP_KEYS = ("name", "description", "parts", "edges")
EDGE_KEYS = ("src", "dst", "port")


def _join(part: str, layer: str) -> str:
    """``PART/LAYER`` (one slash also before the legacy exporter's ``/module/Op`` names)."""
    return part + layer if layer.startswith("/") else f"{part}/{layer}"


def _source(spec: Any, base_dir: Path) -> Any:
    """A relative file path resolved against the composing file's folder."""
    if isinstance(spec, str) and Path(spec).suffix and not Path(spec).is_absolute():
        beside = base_dir / spec
        if beside.exists():
            return str(beside)
    return spec


def _load_part(load: PartLoader, pname: str, spec: Any, base_dir: Path, file: str, item: str | None = None
               ) -> tuple[Workload, Any]:
    item = item or f"parts.{pname}"
    if not isinstance(pname, str) or not pname or "/" in pname or ":" in pname:
        raise WorkloadError(f"a part name is a non-empty string without '/' or ':', got {pname!r}",
                            file=file, item="parts")
    if not isinstance(spec, Mapping):
        spec = {"source": spec}
    unknown = sorted(set(spec) - set(SPEC_KEYS))
    if unknown or "source" not in spec:
        raise WorkloadError(f"expected a workload spec or a mapping with 'source' and optional "
                            f"{', '.join(SPEC_KEYS[1:])}; got keys {sorted(spec)}", file=file, item=item)
    try:
        return load({**spec, "source": _source(spec["source"], base_dir)})
    except WorkloadError as e:
        raise WorkloadError(str(e), file=file, item=item) from None


def _split(ref: Any, parts: Mapping[str, Any], file: str, item: str) -> tuple[str, str | None]:
    if not isinstance(ref, str) or not ref:
        raise WorkloadError(f"expected PART or PART:NAME, got {ref!r}", file=file, item=item)
    part, _, name = ref.partition(":")
    if part not in parts:
        raise WorkloadError(f"no part named {part!r}; the parts are {', '.join(parts)}", file=file, item=item)
    return part, name or None


def _output(w: Workload, ports: Any, name: str | None, file: str, item: str) -> str:
    named = dict(ports.outputs) if ports else {}
    if name is None:
        outs = sorted(set(named.values())) if named else [n for n in w.layer_names if w.is_output(n)]
        if len(outs) != 1:
            raise WorkloadError(f"the part has {len(outs)} outputs; name one as PART:NAME "
                                f"({', '.join(named or outs)})", file=file, item=item)
        return outs[0]
    if name in named:
        return named[name]
    if name in w:
        return name
    raise WorkloadError(f"no output or layer named {name!r}; the outputs are "
                        f"{', '.join(named or [n for n in w.layer_names if w.is_output(n)])}", file=file, item=item)


def _inputs(w: Workload, ports: Any, name: str | None, port: int | None, file: str,
            item: str) -> list[tuple[str, int]]:
    named = dict(ports.inputs) if ports else {}
    if name is None:
        if named:
            if len(named) != 1:
                raise WorkloadError(f"the part has {len(named)} inputs; name one as PART:NAME "
                                    f"({', '.join(named)})", file=file, item=item)
            return list(next(iter(named.values())))
        sources = [n for n in w.layer_names if not w.predecessors(n)]
        if len(sources) != 1:
            raise WorkloadError(f"the part has {len(sources)} first layers; name one as PART:LAYER",
                                file=file, item=item)
        return [(sources[0], port or 0)]
    if name in named:
        if port is not None:
            raise WorkloadError(f"{name!r} is a graph input, which names its input positions itself; "
                                "drop 'port'", file=file, item=item)
        return list(named[name])
    if name in w:
        return [(name, port or 0)]
    raise WorkloadError(f"no input or layer named {name!r}"
                        + (f"; the inputs are {', '.join(named)}" if named else ""), file=file, item=item)


def from_source(data: Mapping[str, Any], *, file: str, load: PartLoader) -> Workload:
    """A document that names one workload with options (``{source: net.onnx, models: {...},
    tags: {...}, precision: int8}``): the user's model names kept in a file beside the export."""
    w, _ = _load_part(load, "source", dict(data), Path(file).parent, file, item="source")
    return w


def compose(data: Mapping[str, Any], *, file: str, load: PartLoader) -> Workload:
    """The workload a ``parts`` document describes (see the module docstring)."""
    unknown = sorted(set(data) - set(TOP_KEYS))
    if unknown:
        raise WorkloadError(f"unknown top-level key(s) {unknown}; a composed workload has "
                            f"{', '.join(TOP_KEYS)}", file=file)
    parts = data.get("parts")
    if not isinstance(parts, Mapping) or not parts:
        raise WorkloadError("'parts' must be a non-empty mapping of part name to workload", file=file)
    base_dir = Path(file).parent
    loaded = {p: _load_part(load, p, spec, base_dir, file) for p, spec in parts.items()}
    layers, edges = [], []
    for pname, (w, _) in loaded.items():
        spec = parts[pname]
        named = isinstance(spec, Mapping) and bool(spec.get("models") or spec.get("tags"))
        single = len(w.models) == 1 and not named   # else the part's own (or the user's) tags
        layers += [replace(layer, name=_join(pname, layer.name), model=pname if single else layer.model)
                   for layer in w.layers]
        edges += [(_join(pname, e.src), _join(pname, e.dst), e.port) for e in w.edges]
    raw_edges = data.get("edges") or []
    if not isinstance(raw_edges, list):
        raise WorkloadError(f"'edges' must be a list, got {type(raw_edges).__name__}", file=file)
    for i, e in enumerate(raw_edges):
        item = f"edges[{i}]"
        if not isinstance(e, Mapping) or not {"src", "dst"} <= set(e) or set(e) - set(EDGE_KEYS):
            raise WorkloadError(f"an edge is a mapping with src, dst and optional port, got {e!r}",
                                file=file, item=item)
        port = e.get("port")
        if port is not None and (not isinstance(port, int) or isinstance(port, bool) or port < 0):
            raise WorkloadError(f"'port' must be an integer >= 0, got {port!r}", file=file, item=item)
        sp, sname = _split(e["src"], loaded, file, item)
        dp, dname = _split(e["dst"], loaded, file, item)
        src = _output(*loaded[sp], sname, file, item)
        for layer, p in _inputs(*loaded[dp], dname, port, file, item):
            edges.append((_join(sp, src), _join(dp, layer), p))
    name = data.get("name")
    if name is not None and not isinstance(name, str):
        raise WorkloadError(f"'name' must be a string, got {name!r}", file=file)
    return Workload(name or Path(file).stem, layers, edges, source=file)
