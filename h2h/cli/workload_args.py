"""The flags every command that reads a workload shares: --precision, --model, --tag."""
from __future__ import annotations

import argparse
from typing import Any


def add_workload_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--precision", metavar="P", default=None,
                   help="number format: int8, fp16, bf16 or fp32, or activations=A,weights=W "
                   "(default: what the file says)")
    p.add_argument("--model", action="append", default=[], metavar="NAME=MODEL",
                   help="ONNX: name the model of graph input or output NAME (repeatable)")
    p.add_argument("--tag", action="append", default=[], metavar="PREFIX=MODEL",
                   help="tag the layers whose name (or PyTorch module path) starts with PREFIX "
                   "(repeatable; the longest prefix wins)")


def _pairs(values: list[str], flag: str) -> dict[str, str]:
    from workloads.errors import WorkloadError

    out: dict[str, str] = {}
    for value in values:
        key, sep, name = value.partition("=")
        if not sep or not key or not name.strip():
            raise WorkloadError(f"expected KEY=NAME, got {value!r}", item=flag)
        if key in out:
            raise WorkloadError(f"{key!r} given twice", item=flag)
        out[key] = name.strip()
    return out


def load_from_args(spec: str, args: argparse.Namespace) -> Any:
    """``load_workload(spec)`` with the command's --precision, --model and --tag."""
    from workloads.load import load_workload

    return load_workload(spec, precision=args.precision, models=_pairs(args.model, "--model"),
                         tags=_pairs(args.tag, "--tag"))
