"""``h2h workload``: list the zoo, describe a workload, convert between formats.

``total_macs`` counts conv2d, dwconv, gemm and matmul MACs only (a 3x3 depthwise conv with a
C x H x W output counts 9*C*H*W; an attention product (T x d)(d x T) counts T*T*d); pooling and
elementwise ops count zero.
"""
from __future__ import annotations

import argparse
import contextlib
import json
import warnings
from typing import Any

from . import print_warning
from .tables import count_noun, text_table
from .workload_args import add_workload_options, load_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("workload", help="list, describe and convert workloads",
                              description="List the model zoo, describe a workload, convert files.")
    sub = p.add_subparsers(dest="workload_command", metavar="ACTION")
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    ls = sub.add_parser("list", help="the model zoo with layer and MAC counts")
    ls.add_argument("--json", action="store_true", help="print a JSON list of {name, layers, macs, mmmt}")
    ls.set_defaults(func=_list)

    info = sub.add_parser("info", help="layers and MACs of one workload",
                          description="SPEC is a zoo name, a file (.yaml .yml .json .onnx .m) or "
                          "nb201:<arch string>.")
    info.add_argument("spec", metavar="SPEC")
    info.add_argument("--json", action="store_true", help="print one JSON object")
    add_workload_options(info)
    info.set_defaults(func=_info)

    conv = sub.add_parser("convert", help="convert a workload to another format (by extension)",
                          description="IN is any workload SPEC; OUT ends in .yaml, .yml, .json, "
                          ".onnx or .m.")
    conv.add_argument("src", metavar="IN")
    conv.add_argument("dst", metavar="OUT")
    conv.add_argument("--onnx-weights", choices=("zeros", "empty"), default="zeros",
                      help="ONNX output: zero-filled weights (runnable, large) or shapes only (small)")
    add_workload_options(conv)
    conv.set_defaults(func=_convert)


@contextlib.contextmanager
def _warnings_to_stderr():
    """Print each H2HWarning raised inside as one 'h2h: warning:' line."""
    from workloads.errors import H2HWarning

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", H2HWarning)
        yield
    for warning in caught:
        print_warning(warning.message)


def _load(spec: str, args: argparse.Namespace):
    with _warnings_to_stderr():
        return load_from_args(spec, args)


def _layer_row(w, layer) -> dict[str, Any]:
    row: dict[str, Any] = {"name": layer.name, "op": layer.op.value, "model": layer.model,
                           "macs": layer.macs, "weight_elements": layer.weight_elements,
                           "input_elements": layer.input_elements,
                           "output_shape": list(layer.output_shape),
                           "inputs": w.predecessors(layer.name)}
    return row


def describe(w, precision: str | None = None) -> dict[str, Any]:
    """The ``info --json`` object of a workload; ``precision`` is what the user asked for."""
    from workloads.layer import MAC_OPS
    from workloads.model_tags import models_summary
    from workloads.precision import precision_of

    layers = w.layers
    return {
        "name": w.name,
        "models": w.models,
        "model_summary": models_summary(w),
        "precision": precision or precision_of(w),
        "precision_source": "user" if precision else "file",
        "mmmt": w.is_mmmt,
        "num_layers": len(layers),
        "num_edges": len(w.edges),
        "total_macs": sum(lay.macs for lay in layers if lay.op in MAC_OPS),
        "total_weight_bytes": w.total_weight_bytes,
        "total_activation_bytes": sum(lay.output_bytes for lay in layers),
        "layers": [_layer_row(w, lay) for lay in layers],
    }


def _list(args: argparse.Namespace) -> int:
    from workloads import zoo

    out = []
    for entry in zoo.list_zoo():
        w = zoo.build(entry["name"])
        out.append({"name": entry["name"], "layers": len(w), "macs": describe(w)["total_macs"],
                    "mmmt": entry["mmmt"], "models": w.models, "paper": entry["paper"]})
    if args.json:
        print(json.dumps(out, indent=1))
    else:
        rows = [[r["name"], r["layers"], f"{r['macs'] / 1e9:.3f}", "yes" if r["mmmt"] else "",
                 ",".join(r["models"]) if r["mmmt"] else ""] for r in out]
        print(text_table(rows, ["name", "layers", "GMACs", "mmmt", "models"]))
    return 0


def _info(args: argparse.Namespace) -> int:
    from workloads.precision import parse_precision

    d = describe(_load(args.spec, args), precision=args.precision and str(parse_precision(args.precision)))
    if args.json:
        print(json.dumps(d, indent=1))
        return 0
    rows = [[r["name"], r["op"], r["model"], "x".join(map(str, r["output_shape"])), f"{r['macs']:,}"]
            for r in d["layers"]]
    print(text_table(rows, ["layer", "op", "model", "output", "MACs"]))
    if len(d["model_summary"]) > 1:
        rows = [[r["model"], r["layers"], f"{r['macs']:,}", f"{r['weight_bytes']:,}"] for r in d["model_summary"]]
        print()
        print(text_table(rows, ["model", "layers", "MACs", "weight bytes"]))
    print(f"\nprecision: {d['precision']} ({'--precision' if args.precision else 'from the file'})")
    print(f"{d['name']}: {d['num_layers']} layers, {d['num_edges']} edges, models {', '.join(d['models'])}, "
          f"{d['total_macs']:,} MACs ({d['total_macs'] / 1e9:.3f} G), "
          f"{d['total_weight_bytes']:,} weight bytes")
    return 0


def _convert(args: argparse.Namespace) -> int:
    from workloads.io import read_workload, write_workload
    from workloads.maestro_m import is_resize_adapter

    w = _load(args.src, args)
    with _warnings_to_stderr():
        path = write_workload(w, args.dst, onnx_weights=args.onnx_weights)
    written = len(w)
    if path.suffix == ".m":   # only conv and gemm layers (batched matmuls split); reading adds adapters
        with warnings.catch_warnings():   # already reported when writing
            warnings.simplefilter("ignore")
            written = sum(not is_resize_adapter(layer) for layer in read_workload(path).layers)
    detail = "" if written == len(w) else f" from the {len(w)} of {w.name}"
    print(f"wrote {path} ({count_noun(written, 'layer')}{detail})")
    return 0
