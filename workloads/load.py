"""``load_workload(spec)``: one way to name a workload everywhere (CLI, configs, Python).

A spec is one of:

* a :class:`Workload` (returned as is);
* an architecture spec mapping (``{"family": "mbv2" | "nb201", ...}``, see :mod:`workloads.builders`);
* ``"nb201:<arch string>"``, optionally ``"nb201:<arch>@<dataset>"`` (cifar10, cifar100,
  ImageNet16-120);
* a file path ending in .yaml, .yml, .json, .onnx or .m;
* a zoo name (``workloads.zoo.names()``).
"""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .errors import WorkloadError
from .graph import Workload
from .io import SUFFIXES, read_workload

NB201_PREFIX = "nb201:"


def load_workload(spec: Any) -> Workload:
    """Resolve ``spec`` (see the module docstring) to a Workload; WorkloadError if it names nothing."""
    if isinstance(spec, Workload):
        return spec
    if isinstance(spec, Mapping):
        from .builders import build_workload

        return build_workload(spec)
    if isinstance(spec, Path):
        return read_workload(spec)
    if not isinstance(spec, str) or not spec.strip():
        raise WorkloadError(f"a workload is named by a zoo name, a file path or nb201:<arch>, "
                            f"got {spec!r}", item="workload spec")
    spec = spec.strip()
    if spec.startswith(NB201_PREFIX):
        from . import nb201

        arch, _, dataset = spec[len(NB201_PREFIX):].partition("@")
        return nb201.build(arch, dataset or "cifar10")
    if Path(spec).suffix.lower() in SUFFIXES or "/" in spec or "\\" in spec:
        return read_workload(spec)
    from . import zoo

    return zoo.build(spec)
