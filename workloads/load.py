"""``load_workload(spec)``: one way to name a workload everywhere (CLI, configs, Python).

A spec is one of:

* a :class:`Workload` (returned as is);
* an architecture spec mapping (``{"family": "mbv2" | "nb201", ...}``, see :mod:`workloads.builders`);
* ``"nb201:<arch string>"``, optionally ``"nb201:<arch>@<dataset>"`` (cifar10, cifar100,
  ImageNet16-120);
* a file path ending in .yaml, .yml, .json, .onnx or .m;
* a zoo name (``workloads.zoo.names()``);
* a mapping ``{source: <any spec above>, precision: ..., models: {...}, tags: {...}}``.

``precision`` (:mod:`workloads.precision`) sets the number format of every layer; the default is
what the file says. ``models`` names the models of an ONNX file's graph inputs and outputs and
``tags`` tags layers by name prefix (:mod:`workloads.model_tags`).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import WorkloadError
from .graph import Workload
from .compose import SPEC_KEYS, compose, from_source
from .io import SUFFIXES, YAML_SUFFIXES, joins_workloads, read_document, read_workload, workload_from_data

NB201_PREFIX = "nb201:"




def load_workload(spec: Any, *, precision: Any = None, models: Mapping[str, str] | None = None,
                  tags: Mapping[str, str] | None = None) -> Workload:
    """Resolve ``spec`` (see the module docstring) to a Workload; WorkloadError if it names nothing."""
    return load_with_ports(spec, precision=precision, models=models, tags=tags)[0]


def load_with_ports(spec: Any, *, precision: Any = None, models: Mapping[str, str] | None = None,
                    tags: Mapping[str, str] | None = None) -> tuple[Workload, Any]:
    """:func:`load_workload` and, for an ONNX file, its :class:`~workloads.onnx_import.GraphPorts`
    (None otherwise)."""
    if isinstance(spec, Mapping) and "source" in spec:
        unknown = sorted(set(spec) - set(SPEC_KEYS))
        if unknown:
            raise WorkloadError(f"unknown key(s) {unknown}; expected some of {list(SPEC_KEYS)}",
                                item="workload spec")
        return load_with_ports(spec["source"], precision=precision or spec.get("precision"),
                               models={**(spec.get("models") or {}), **(models or {})},
                               tags={**(spec.get("tags") or {}), **(tags or {})})
    from .model_tags import tag_by_prefix
    from .precision import apply_precision, parse_precision

    parse_precision(precision)   # a bad name fails before any file is read
    if models and not _is_onnx(spec):
        raise WorkloadError("'models' names the graph inputs and outputs of an ONNX file or a PyTorch "
                            "module; tag the layers of other workloads by name prefix with 'tags'",
                            item="models")
    ports = None
    if _is_onnx(spec):
        from .onnx_import import read_onnx_ports

        w, ports = read_onnx_ports(str(spec).strip(), models=models, tags=tags)
    else:
        w = tag_by_prefix(_resolve(spec), tags)
    return apply_precision(w, precision), ports


def _is_onnx(spec: Any) -> bool:
    return isinstance(spec, (str, Path)) and str(spec).strip().lower().endswith(".onnx")


def _resolve(spec: Any) -> Workload:
    if isinstance(spec, Workload):
        return spec
    if isinstance(spec, Mapping):
        from .builders import build_workload

        return build_workload(spec)
    if isinstance(spec, Path):
        return _read_file(spec)
    if not isinstance(spec, str) or not spec.strip():
        raise WorkloadError(f"a workload is named by a zoo name, a file path or nb201:<arch>, "
                            f"got {spec!r}", item="workload spec")
    spec = spec.strip()
    if spec.startswith(NB201_PREFIX):
        from . import nb201

        arch, _, dataset = spec[len(NB201_PREFIX):].partition("@")
        return nb201.build(arch, dataset or "cifar10")
    if Path(spec).suffix.lower() in SUFFIXES or "/" in spec or "\\" in spec:
        return _read_file(Path(spec))
    from . import zoo

    return zoo.build(spec)


def _read_file(path: Path) -> Workload:
    """A workload file; a YAML/JSON document that joins others (``parts``/``source``) is composed."""
    if path.suffix.lower() not in (*YAML_SUFFIXES, ".json"):
        return read_workload(path)
    data = read_document(path)
    if not joins_workloads(data):
        return workload_from_data(data, file=str(path))
    join = compose if "parts" in data else from_source
    return join(data, file=str(path), load=load_with_ports)
