"""A synthetic co-design problem in plain data, with a known objective function, for agent tests.

Hardware: up to four accelerators, each with PEs and a dataflow, under an area budget. Network:
depth and width. Accuracy rises with depth and width with diminishing returns; latency is the
work divided by the effective PE throughput (dataflow affinity for a 70 % channel-heavy workload),
plus a communication penalty that depends on the mapping strategy and the accelerator count.
A variable with no effect ("misc") dilutes the space. Objectives: accuracy (max), latency (min).
"""
from __future__ import annotations

import math

AREA_BUDGET_PES = 1536
CHANNEL_HEAVY = 0.7
# effective utilisation of a dataflow on channel-heavy and on large-feature-map work
EFFICIENCY = {"ws": (1.0, 0.4), "os": (0.4, 1.0), "rs": (0.7, 0.7)}
MAPPING_PENALTY = {"random": 0.30, "round_robin": 0.20, "comm_aware": 0.02}


def toy_space() -> dict:
    variables = [{"name": "num_acc", "type": "int", "low": 1, "high": 4, "role": "num_accelerators"}]
    terms = []
    for i in range(4):
        when = {"var": "num_acc", "ge": i + 1}
        variables.append({"name": f"acc{i}_pes", "type": "int", "low": 16, "high": 1024, "step": 16,
                          "role": "pe_count", **({"active_if": when} if i else {})})
        variables.append({"name": f"acc{i}_dataflow", "type": "choice", "options": ["rs", "os", "ws"],
                          "role": "dataflow", **({"active_if": when} if i else {})})
        terms.append({"coef": 1.0, "vars": [f"acc{i}_pes"], **({"active_if": when} if i else {})})
    variables += [
        {"name": "depth", "type": "int", "low": 2, "high": 12, "role": "depth"},
        {"name": "width", "type": "choice", "options": [16, 32, 48, 64, 96, 128], "role": "width"},
        {"name": "mapping", "type": "choice", "options": ["random", "round_robin", "comm_aware"],
         "role": "mapping_strategy"},
        {"name": "misc", "type": "choice", "options": ["p", "q", "r", "s"]},
    ]
    return {"variables": variables,
            "constraints": [{"name": "area", "terms": terms, "le": AREA_BUDGET_PES}]}


OBJECTIVES = [{"name": "accuracy", "direction": "max", "priority": 1},
              {"name": "latency_s", "direction": "min", "priority": 2}]
CONTEXT = {"application": "toy", "layer_profile": {"channel_heavy_fraction": CHANNEL_HEAVY}}


def toy_metrics(c: dict) -> dict:
    accuracy = 0.95 - 0.25 * math.exp(-c["depth"] / 4) - 0.25 * math.exp(-c["width"] / 40)
    work = c["depth"] * c["width"] ** 2 * 1e3
    k = c["num_acc"]
    ch = sum(c[f"acc{i}_pes"] * EFFICIENCY[c[f"acc{i}_dataflow"]][0] for i in range(k))
    sp = sum(c[f"acc{i}_pes"] * EFFICIENCY[c[f"acc{i}_dataflow"]][1] for i in range(k))
    latency = (CHANNEL_HEAVY * work / ch + (1 - CHANNEL_HEAVY) * work / sp) * 1e-9
    latency *= 1 + MAPPING_PENALTY[c["mapping"]] * (k - 1)
    return {"accuracy": accuracy, "latency_s": latency}


def hypervolume(points: list[tuple[float, float]], ref: tuple[float, float]) -> float:
    """2-D hypervolume of (loss1, loss2) points to minimise, dominated region below ``ref``."""
    pts = sorted(p for p in points if p[0] < ref[0] and p[1] < ref[1])
    area, best_y = 0.0, ref[1]
    for x, y in pts:
        if y < best_y:
            area += (ref[0] - x) * (best_y - y)
            best_y = y
    return area


def run_search(agent, rounds: int, n: int, seed_history: list | None = None) -> list[dict]:
    from llm_agents import Task

    history = list(seed_history or [])
    for _ in range(rounds):
        task = Task(space=toy_space(), objectives=OBJECTIVES, history=history, n=n,
                    template="codesign", context=CONTEXT)
        for c in agent.propose(task).candidates:
            history.append({"candidate": c, "metrics": toy_metrics(c), "source": agent.name})
    return history


def history_hv(history: list[dict]) -> float:
    # losses: (-accuracy, log10 latency); reference just beyond the worst corner of the space
    pts = [(-h["metrics"]["accuracy"], math.log10(h["metrics"]["latency_s"])) for h in history]
    return hypervolume(pts, ref=(-0.4, -1.5))
