"""TrainEvaluator: training-step speed by layout and threads, and accuracy/fairness by capacity.

Part 1 times one SGD step (forward + backward, batch 32, 32x32 inputs, deterministic algorithms on,
as TrainEvaluator trains) for four specs, in the NCHW and channels-last layouts, with 1 and 2 torch
threads; each point is the median of 5 steps after one warm-up step.

Part 2 trains three mbv2 capacities on the default synthetic group dataset (1,200 images, 4
classes, 20 % minority, group_shift 0.8, noise 1.5) for 3 epochs (batch 32, lr 0.05) with three
seeds (dataset and training seed alike), and reports accuracy, per-group accuracy, the FaHaNa
unfairness score, the equalized-odds difference and training seconds.

Run:  .venv/bin/python benchmarks/evaluators_train.py [--out benchmarks/results/evaluators_train.md]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import torch  # noqa: E402

from h2h.evaluators import SyntheticGroups, TrainBudget, TrainEvaluator, build_module  # noqa: E402
from machine import machine  # noqa: E402


def mbv2(stem, widths, expansion, depth, head, kernel=3, strides=None, classes=4):
    strides = strides or (2,) * len(widths)
    return {"family": "mbv2", "resolution": 32, "in_channels": 3, "num_classes": classes, "stem_width": stem,
            "stages": [{"depth": depth, "expansion": expansion, "kernel": kernel, "width": w, "stride": s}
                       for w, s in zip(widths, strides)], "head_width": head}


SPEED_SPECS = {
    "mbv2 tiny (392 params)": mbv2(4, (4, 8), 1, 1, 8),
    "mbv2 medium (86k params)": mbv2(16, (24, 32, 64), 4, 2, 128),
    "mbv2 flnas_fairness largest (59k params, stride-1 first stage, k5)": mbv2(8, (16, 24, 32), 6, 2, 64, 5, (1, 2, 2)),
    "nb201 best CIFAR-10 cell": {"family": "nb201", "arch": "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|"
                                 "+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"},
}
CAPACITY_SPECS = {"tiny": mbv2(4, (4, 8), 1, 1, 8), "small": mbv2(8, (8, 16), 2, 1, 32),
                  "medium": mbv2(16, (24, 32, 64), 4, 2, 128)}


def step_seconds(spec, layout, threads, steps=5):
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)
    torch.manual_seed(0)
    model = build_module(spec).to(memory_format=layout)
    classes = 10 if spec["family"] == "nb201" else spec["num_classes"]
    x = torch.randn(32, 3, 32, 32).contiguous(memory_format=layout)
    y = torch.randint(0, classes, (32,))
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    times = []
    for i in range(steps + 1):
        t = time.perf_counter()
        opt.zero_grad()
        torch.nn.functional.cross_entropy(model(x), y).backward()
        opt.step()
        if i:
            times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(REPO / "benchmarks/results/evaluators_train.md"))
    args = parser.parse_args()
    load_before = os.getloadavg()[0]

    speed_rows = []
    for name, spec in SPEED_SPECS.items():
        cells = []
        for threads in (1, 2):
            for layout in (torch.contiguous_format, torch.channels_last):
                cells.append(step_seconds(spec, layout, threads) * 1e3)
        speed_rows.append(f"| {name} | " + " | ".join(f"{c:.1f}" for c in cells) + " |")
        print(speed_rows[-1], flush=True)

    fair_rows = []
    for seed in (0, 1, 2):
        ev = TrainEvaluator(SyntheticGroups(seed=seed), TrainBudget(epochs=3, batch_size=32, lr=0.05), seed=seed)
        for name, spec in CAPACITY_SPECS.items():
            r = ev.evaluate(spec)
            fair_rows.append(f"| {seed} | {name} | {int(r['params']):,} | {r['accuracy']:.3f} | "
                             f"{r['accuracy_majority']:.3f} | {r['accuracy_minority']:.3f} | {r['unfairness']:.3f} | "
                             f"{r['equalized_odds_diff']:.3f} | {r['train_time_s']:.2f} |")
            print(fair_rows[-1], flush=True)
    load_after = os.getloadavg()[0]

    text = f"""# TrainEvaluator: training speed and accuracy/fairness by capacity

Command: `.venv/bin/python benchmarks/evaluators_train.py`

Machine: {machine(f'torch {torch.__version__}')}.
Load average (1 min) {load_before:.2f} before and {load_after:.2f} after the run: the machine is shared,
so times measured under load are higher, and multi-threaded times suffer most.

## Milliseconds per training step (batch 32, 32x32, deterministic algorithms)

| spec | 1 thread NCHW | 1 thread channels-last | 2 threads NCHW | 2 threads channels-last |
|---|---:|---:|---:|---:|
""" + "\n".join(speed_rows) + """

TrainEvaluator trains channels-last with 1 thread by default (`num_threads=1`).

## Accuracy and fairness by capacity (synthetic group dataset, 3 epochs)

Default `SyntheticGroups(seed=s)`: 1,200 images, 4 classes, minority 20 %, group_shift 0.8, noise 1.5;
25 % held out, stratified by (group, label). Accuracies are fractions; unfairness is FaHaNa's
sum over groups of |group accuracy - accuracy| (for two groups, the accuracy gap).

| seed | spec | params | accuracy | majority | minority | unfairness | equalized-odds diff | train s |
|---:|---|---:|---:|---:|---:|---:|---:|---:|
""" + "\n".join(fair_rows) + "\n"
    Path(args.out).write_text(text)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
