"""``h2h nas CONFIG.yaml``: FL-NAS, a language model proposing fair and efficient networks.

Writes result.json, history.csv, pareto.csv and pareto.png to ``--out`` (or the config's ``out``,
default ``results/<config name>``). Bad input (config, agent, dataset) exits 2 with one line.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "nas", help="FL-NAS: an agent proposes architectures (accuracy, fairness, latency, energy)",
        description="Run FL-NAS (Qin et al., ASP-DAC 2024) from a YAML config; see "
                    "examples/flnas_nb201.yaml and examples/flnas_fairness.yaml.")
    p.add_argument("config", metavar="CONFIG.yaml")
    p.add_argument("--budget", type=int, metavar="N", help="distinct evaluations (overrides the config)")
    p.add_argument("--seed", type=int, metavar="S", help="run seed (fallback draws, agent seed)")
    p.add_argument("--agent", metavar="'{...}'",
                   help="agent config as YAML/JSON text, e.g. '{kind: random}' (overrides the config)")
    p.add_argument("--out", metavar="DIR", help="results folder (default: the config's out, else "
                                                "results/<config name>)")
    p.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from h2h.flnas import load_settings, run_nas
    from llm_agents import from_config

    settings = load_settings(args.config, budget=args.budget, seed=args.seed, agent=args.agent, out=args.out)
    if settings.out is None:
        settings.out = Path("results") / Path(args.config).stem
    progress = None if args.quiet else (lambda line: print(line, file=sys.stderr, flush=True))
    result = run_nas(settings, from_config(dict(settings.agent_config)), progress=progress)
    counts = {s: sum(r.source == s for r in result.history) for s in ("agent", "fallback")}
    print(f"{len(result.history)} evaluations ({counts['agent']} from the agent, {counts['fallback']} "
          f"fallback) in {result.runtime_s:.1f} s; {len(result.front)} Pareto designs; results in "
          f"{result.out}")
    for row in result.front[:10]:
        shown = ", ".join(f"{o.name}={row.metrics.get(o.name, float('nan')):.4g}" for o in result.objectives)
        print(f"  #{row.evaluation}: {shown}")
    return 0
