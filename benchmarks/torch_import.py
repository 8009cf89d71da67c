"""Networks exported from PyTorch, imported and mapped: MACs against torch's FLOP counter, weight
bytes by precision, import time per exporter, and the per-model latency of a three-modality network.

    .venv/bin/python benchmarks/torch_import.py [--out benchmarks/results/torch_import.md]

The networks are the test suite's (tests/torch_models.py: torchvision's ResNet-18, a 6-block ViT
written the way timm writes attention, a three-input RGB/depth/IR network with two task heads).
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests"), str(REPO / "benchmarks")]

import torch  # noqa: E402
import h2h  # noqa: E402
from machine import machine  # noqa: E402
from torch_models import ResNet18, ThreeModal, TwoBranch, ViT, export, torch_macs  # noqa: E402
from workloads import load_workload  # noqa: E402
from workloads.precision import precision_of  # noqa: E402

EXPORTERS = {"legacy": False, "dynamo": True}
SYSTEM = "hetero4_mid"


def networks():
    torch.manual_seed(0)
    return {
        "ResNet-18 (224²)": (ResNet18(), (torch.randn(1, 3, 224, 224),), None),
        "ViT, 6 blocks (32², patch 8)": (ViT(), (torch.randn(1, 3, 32, 32),), None),
        "RGB/depth/IR, 2 heads (112²)": (ThreeModal(width=32), tuple(torch.randn(1, c, 112, 112) for c in (3, 1, 1)),
                                         ["spoof", "quality"]),
        "two-branch concat (16²)": (TwoBranch(), (torch.randn(1, 3, 16, 16), torch.randn(1, 1, 16, 16)), None),
    }


def timed_load(path: Path, repeat: int = 3, **kw):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        w = load_workload(str(path), **kw)
        times.append(time.perf_counter() - t0)
    return w, statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(REPO / "benchmarks/results/torch_import.md"))
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    lines = ["# PyTorch exports: import, MACs, precision, per-model latency", "",
             "Command: `.venv/bin/python benchmarks/torch_import.py`", "",
             f"Machine: {machine(f'torch {torch.__version__}')}", ""]
    rows, files = [], {}
    with tempfile.TemporaryDirectory() as tmp:
        for label, (module, inputs, outputs) in networks().items():
            ref = torch_macs(module, inputs)
            for exporter, dynamo in EXPORTERS.items():
                path = Path(tmp) / f"{len(files)}.onnx"
                names = {"input_names": ["rgb", "depth", "ir"], "output_names": outputs} if outputs else {}
                export(module, inputs, path, dynamo=dynamo, **names)
                files[label, exporter] = path
                w, load_s = timed_load(path)
                rows.append(f"| {label} | {exporter} | {len(w)} | {', '.join(w.models)} | {w.total_macs:,} | "
                            f"{ref:,} | {'yes' if w.total_macs == ref else 'NO'} | {load_s:.3f} |")
        lines += ["## MACs against `torch.utils.flop_counter` (FLOPs / 2), and import time", "",
                  "| network | exporter | layers | models found | h2h MACs | torch MACs | equal | import (s, median of 3) |",
                  "|---|---|---:|---|---:|---:|:---:|---:|", *rows, ""]

        lines += ["## ResNet-18 weight bytes by precision, and its mapping on " + SYSTEM, "",
                  "The zoo's ResNet-18 (8-bit, BN and activations folded) beside the same network exported "
                  "from PyTorch (fp32 by its file, then `--precision int8`), each mapped with the h2h mapper.",
                  "", "| workload | precision | weight bytes | latency (ms) | energy (mJ) |", "|---|---|---:|---:|---:|"]
        legacy = files["ResNet-18 (224²)", "legacy"]
        cases = [("zoo resnet18", "resnet18", None), ("ONNX (legacy export)", str(legacy), None),
                 ("ONNX (legacy export)", str(legacy), "int8"),
                 ("ONNX (dynamo export)", str(files["ResNet-18 (224²)", "dynamo"]), "int8")]
        weights = {}
        for label, spec, precision in cases:
            w = load_workload(spec, precision=precision)
            r = h2h.map(w, SYSTEM)
            weights[label, precision] = w.total_weight_bytes
            lines.append(f"| {label} | {precision_of(w)}{' (--precision)' if precision else ' (file)'} | "
                         f"{w.total_weight_bytes:,} | {r.latency_s * 1e3:.3f} | {r.energy_j * 1e3:.3f} |")
        ratio = weights["ONNX (legacy export)", None] / weights["ONNX (legacy export)", "int8"]
        lines += ["", f"fp32 / int8 weight bytes of the exported ResNet-18: {ratio:g}", ""]

        three = files["RGB/depth/IR, 2 heads (112²)", "dynamo"]
        lines += [f"## The three-modality network mapped on {SYSTEM}", "",
                  "Per-model latency: when the model's last layer (and its output to the host) finishes; "
                  "every model starts at 0. Imported from the dynamo export; models found from the graph.", ""]
        header = None
        for mapper in ("compute_priority", "h2h"):
            for precision in (None, "int8"):
                w = load_workload(str(three), precision=precision)
                r = h2h.map(w, SYSTEM, mapper=mapper)
                per = r.model_latency_s(w)
                if header is None:
                    header = list(per)
                    lines += ["| mapper | precision | " + " | ".join(f"{m} (ms)" for m in header)
                              + " | latency (ms) | energy (mJ) |",
                              "|---|---|" + "---:|" * (len(header) + 2)]
                lines.append(f"| {mapper} | {precision_of(w)} | " + " | ".join(f"{per[m] * 1e3:.4f}" for m in header)
                             + f" | {r.latency_s * 1e3:.4f} | {r.energy_j * 1e3:.4f} |")
    load = os.getloadavg()
    lines += ["", f"Load average after the run: {load[0]:.1f}, {load[1]:.1f}, {load[2]:.1f}.", ""]
    Path(args.out).write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
