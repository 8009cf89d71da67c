"""Workload files in YAML or JSON, and dispatch to the other formats by extension.

Schema (the same in YAML and JSON; it is ``Workload.to_dict()``)::

    name: two_branch              # optional string, default "workload"
    description: free text        # optional, ignored
    layers:                       # required, non-empty list, names unique
      - name: rgb_conv1           # required, unique
        op: conv2d                # conv2d dwconv gemm matmul pool add mul concat norm act reshape passthrough
        model: rgb                # modality / task tag, default "main"
        in_channels: 3            # conv2d, dwconv, pool: C, K (out_channels), input H x W (unpadded)
        out_channels: 64
        in_h: 224
        in_w: 224
        kernel: 7                 # int or [R, S]
        stride: 2                 # int or [y, x]
        padding: 3                # int, [y, x] or [top, left, bottom, right]
        dilation: 1               # int or [y, x]
        groups: 1                 # dwconv: groups == in_channels
      - {name: fc, op: gemm, m: 1, k: 512, n: 10}        # gemm/matmul: batch x (m x k) @ (k x n)
      - {name: cat, op: concat, shape: [1, 128, 56, 56]}  # shape ops: output shape
    edges:                        # optional list; src's output feeds input `port` (default 0) of dst
      - {src: rgb_conv1, dst: fc}

Other optional layer keys: ``batch`` (1), ``elem_bytes`` (1), ``weight_elem_bytes`` (0: as
``elem_bytes``), ``num_inputs`` (add/mul operands, 1), ``attrs`` (a string -> string mapping kept verbatim). Unknown keys, wrong types, duplicate
names or keys, cycles and tensor-size mismatches along edges raise :class:`WorkloadError` naming the
file and the item; YAML/JSON syntax errors give the line. A document with ``parts`` instead of
``layers`` joins several workload files into one (:mod:`workloads.compose`).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from .errors import WorkloadError, type_name
from .graph import Workload

YAML_SUFFIXES = (".yaml", ".yml")
SUFFIXES = (".yaml", ".yml", ".json", ".onnx", ".m")


MAX_YAML_DEPTH = 200  # levels of nesting; no workload or config comes near it


class DepthLimitedLoader(yaml.SafeLoader):
    """SafeLoader that refuses documents nested deeper than :data:`MAX_YAML_DEPTH`, long before
    Python's recursion limit (a RecursionError raised deep in the stack can leave a module that was
    being imported there half-initialised)."""

    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self._depth >= MAX_YAML_DEPTH:
            raise yaml.composer.ComposerError(None, None, f"nested too deeply (more than {MAX_YAML_DEPTH} "
                                              "levels)", self.peek_event().start_mark)
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


class _UniqueKeyLoader(DepthLimitedLoader):
    """SafeLoader that refuses a mapping with the same key twice (plain YAML keeps the last)."""


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def parse_yaml(text: str, *, file: str) -> Any:
    """``yaml.safe_load`` (no duplicate keys) with errors as one-line WorkloadErrors with the line."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except RecursionError:
        raise WorkloadError("malformed YAML: nested too deeply", file=file, item="document") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "YAML"
        problem = getattr(e, "problem", None) or str(e)
        raise WorkloadError(f"malformed YAML: {_one_line(problem)}", file=file, item=where) from None


class _DuplicateKey(ValueError):
    pass


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def parse_json(text: str, *, file: str) -> Any:
    """``json.loads`` that refuses duplicate keys (as :func:`parse_yaml` does), with one-line errors."""
    try:
        return json.loads(text, object_pairs_hook=_unique_pairs)
    except json.JSONDecodeError as e:
        raise WorkloadError(f"malformed JSON: {e.msg}", file=file,
                            item=f"line {e.lineno}, column {e.colno}") from None
    except _DuplicateKey as e:
        raise WorkloadError(f"malformed JSON: duplicate key {e.args[0]!r}", file=file,
                            item="document") from None
    except RecursionError:
        raise WorkloadError("malformed JSON: nested too deeply", file=file, item="document") from None


def _check_edges(data: Any, file: str) -> None:
    """Type checks Workload.from_dict leaves to Python (so they do not surface as tracebacks)."""
    if not isinstance(data, dict):
        return
    edges = data.get("edges")
    if edges is None:
        return
    if not isinstance(edges, list):
        raise WorkloadError(f"'edges' must be a list, got {type_name(edges)}", file=file)
    for i, e in enumerate(edges):
        if not isinstance(e, dict):
            continue  # from_dict reports it
        for key in ("src", "dst"):
            if key in e and not isinstance(e[key], str):
                raise WorkloadError(f"'{key}' must be a layer name (string), got {e[key]!r}",
                                    file=file, item=f"edges[{i}]")
        port = e.get("port", 0)
        if not isinstance(port, int) or isinstance(port, bool) or port < 0:
            raise WorkloadError(f"'port' must be an integer >= 0, got {port!r}", file=file,
                                item=f"edges[{i}]")
    name = data.get("name")
    if name is not None and not isinstance(name, str):
        raise WorkloadError(f"'name' must be a string, got {name!r}", file=file)


def joins_workloads(data: Any) -> bool:
    """A document that names other workloads (``parts``, or one ``source``): see workloads.compose."""
    return isinstance(data, dict) and ("parts" in data or "source" in data)


def workload_from_data(data: Any, *, file: str) -> Workload:
    if joins_workloads(data):
        raise WorkloadError("this document joins other workloads ('parts' or 'source'); load it with "
                            "workloads.load_workload, as every h2h command does", file=file)
    _check_edges(data, file)
    return Workload.from_dict(data, file=file)


def read_document(path: str | Path) -> Any:
    """The parsed YAML or JSON document of a workload file (located errors)."""
    path = Path(path)
    parse = parse_json if path.suffix.lower() == ".json" else parse_yaml
    return parse(_read_text(path), file=str(path))


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WorkloadError("no such file", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise WorkloadError(f"cannot read: {_one_line(e)}", file=str(path)) from None


def read_yaml(path: str | Path) -> Workload:
    return workload_from_data(read_document(path), file=str(path))


def read_json(path: str | Path) -> Workload:
    return workload_from_data(read_document(path), file=str(path))


def dumps_yaml(workload: Workload) -> str:
    return yaml.safe_dump(workload.to_dict(), sort_keys=False, default_flow_style=None, width=100)


def dumps_json(workload: Workload) -> str:
    return json.dumps(workload.to_dict(), indent=1) + "\n"


def read_workload(path: str | Path) -> Workload:
    """Read a workload file; the format comes from the extension (.yaml/.yml/.json/.onnx/.m)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        return read_yaml(path)
    if suffix == ".json":
        return read_json(path)
    if suffix == ".onnx":
        from .onnx_io import read_onnx

        return read_onnx(path)
    if suffix == ".m":
        from .maestro_m import read_maestro

        return read_maestro(path)
    raise WorkloadError(f"unknown workload file type {suffix!r}; expected one of {', '.join(SUFFIXES)}",
                        file=str(path))


def write_workload(workload: Workload, path: str | Path, *, onnx_weights: str = "zeros") -> Path:
    """Write ``workload`` in the format of ``path``'s extension; returns the path.

    ``onnx_weights`` ("zeros" or "empty") is passed to :func:`workloads.onnx_io.write_onnx`.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES:
        text = dumps_yaml(workload)
    elif suffix == ".json":
        text = dumps_json(workload)
    elif suffix == ".onnx":
        from .onnx_io import write_onnx

        write_onnx(workload, path, weights=onnx_weights)
        return path
    elif suffix == ".m":
        from .maestro_m import dumps_maestro

        text = dumps_maestro(workload)
    else:
        raise WorkloadError(f"unknown workload file type {suffix!r}; expected one of "
                            f"{', '.join(SUFFIXES)}", file=str(path))
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as e:
        raise WorkloadError(f"cannot write: {_one_line(e)}", file=str(path)) from None
    return path
