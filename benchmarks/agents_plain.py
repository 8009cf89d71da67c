"""The offline agents on plain data: heuristic vs random quality, and the cost of one proposal.

    .venv/bin/python benchmarks/agents_plain.py [--seeds 21] [--nb201 ../shared/data/nb201_accuracy.csv]

Writes benchmarks/results/agents_plain.md with
* the toy co-design problem of tests/agents_toy.py (5 rounds of 6 proposals; hypervolume of
  (-accuracy, log10 latency) against the reference (-0.4, -1.5)), per agent: median, min, max over seeds;
* NAS-Bench-201 CIFAR-10 (4 rounds of 8 proposals, accuracy only; the published accuracies):
  the best accuracy found, median over seeds (skipped when the CSV is absent);
* milliseconds per ``propose`` call on the toy problem with a 60-design history.
"""
from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests")]

from agents_toy import CONTEXT, OBJECTIVES, history_hv, run_search, toy_space  # noqa: E402
from llm_agents import HeuristicAgent, RandomAgent, Task  # noqa: E402
from machine import machine  # noqa: E402

EDGES = ["e1_0", "e2_0", "e2_1", "e3_0", "e3_1", "e3_2"]
OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]


def nb201_best(agent, accuracy: dict, rounds: int = 4, n: int = 8) -> float:
    space = {"variables": [{"name": e, "type": "choice", "options": OPS, "role": "nb201_op"} for e in EDGES]}
    history: list[dict] = []
    for _ in range(rounds):
        task = Task(space=space, objectives=[{"name": "accuracy", "direction": "max"}], history=history, n=n,
                    template="flnas")
        for c in agent.propose(task).candidates:
            history.append({"candidate": c, "metrics": {"accuracy": accuracy[tuple(c[e] for e in EDGES)]}})
    return max(h["metrics"]["accuracy"] for h in history)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=int, default=21)
    ap.add_argument("--nb201", default=str(REPO.parent / "shared" / "data" / "nb201_accuracy.csv"))
    args = ap.parse_args()
    agents = {"heuristic": HeuristicAgent, "random": RandomAgent}
    lines = ["# Offline agents on plain data", "",
             f"Command: `.venv/bin/python benchmarks/agents_plain.py --seeds {args.seeds}`", "",
             f"Machine: {machine()}", "",
             "## Toy co-design problem (tests/agents_toy.py): hypervolume after 5 rounds x 6 proposals", "",
             "| agent | median HV | min | max | seeds won vs random |", "|---|---:|---:|---:|---:|"]
    hv = {name: [history_hv(run_search(cls(s), rounds=5, n=6)) for s in range(args.seeds)]
          for name, cls in agents.items()}
    for name, values in hv.items():
        won = sum(a > b for a, b in zip(values, hv["random"])) if name != "random" else "-"
        lines.append(f"| {name} | {statistics.median(values):.3f} | {min(values):.3f} | {max(values):.3f} | {won} |")
    path = Path(args.nb201)
    if path.is_file():
        accuracy = {}
        with path.open(newline="") as f:
            for row in csv.DictReader(f):
                ops = tuple(t.split("~")[0] for part in row["arch"].strip("|").split("|+|") for t in part.split("|"))
                accuracy[ops] = float(row["cifar10_test_acc"])
        lines += ["", "## NAS-Bench-201 CIFAR-10: best test accuracy (%) found in 4 rounds x 8 proposals", "",
                  f"Best of all 15,625 cells: {max(accuracy.values()):.2f}", "",
                  "| agent | median best | min | max |", "|---|---:|---:|---:|"]
        for name, cls in agents.items():
            best = [nb201_best(cls(s), accuracy) for s in range(args.seeds)]
            lines.append(f"| {name} | {statistics.median(best):.2f} | {min(best):.2f} | {max(best):.2f} |")
    history = run_search(RandomAgent(0), rounds=10, n=6)
    task = Task(space=toy_space(), objectives=OBJECTIVES, history=history, n=6, template="codesign",
                context=CONTEXT)
    lines += ["", "## Cost of one proposal (toy problem, 60-design history, n = 6)", "",
              "| agent | ms per propose |", "|---|---:|"]
    for name, cls in agents.items():
        agent, calls, t0 = cls(0), 0, time.perf_counter()
        while time.perf_counter() - t0 < 1.0:
            agent.propose(task)
            calls += 1
        lines.append(f"| {name} | {1000 * (time.perf_counter() - t0) / calls:.1f} |")
    out = REPO / "benchmarks" / "results" / "agents_plain.md"
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
