"""``h2h nas CONFIG.yaml``: FL-NAS, a language model proposing fair and efficient networks.

Writes result.json, history.csv, pareto.csv and pareto.png to ``--out`` (or the config's ``out``,
default ``results/<config name>``). Bad input (config, agent, dataset) exits 2 with one line.
"""
from __future__ import annotations

import argparse

from .search_args import (FRONT_SHOWN, add_search_options, check_line, evaluations_line, fill_default_out, pareto_line,
                          progress_printer, exit_code_of)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "nas", help="FL-NAS: an agent proposes architectures (accuracy, fairness, latency, energy)",
        description="Run FL-NAS (Qin et al., ASP-DAC 2024) from a YAML config; see "
                    "examples/flnas_nb201.yaml and examples/flnas_fairness.yaml. Exit codes: 0 done, 1 no "
                    "design could be evaluated or met the bounds, 2 bad input.")
    p.add_argument("config", metavar="CONFIG.yaml")
    add_search_options(p, budget_help="distinct evaluations (overrides the config)",
                       seed_help="run seed (fallback draws, agent seed)", agent_example="{kind: random}")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from h2h.flnas import load_settings, run_nas
    from llm_agents import from_config

    settings = load_settings(args.config, budget=args.budget, seed=args.seed, agent=args.agent, out=args.out)
    if args.check:
        print(check_line(args.config, settings))
        return 0
    fill_default_out(settings, args.config, overwrite=args.overwrite)
    result = run_nas(settings, from_config(dict(settings.agent_config)), progress=progress_printer(args.quiet))
    print(f"{evaluations_line(result.history, ('agent', 'fallback'))} in {result.runtime_s:.1f} s; "
          f"{pareto_line(result.front, FRONT_SHOWN)}; results in "
          f"{result.out}")
    print(result.agent_summary)
    for row in result.front[:FRONT_SHOWN]:
        shown = ", ".join(f"{o.name}={row.metrics.get(o.name, float('nan')):.4g}" for o in result.objectives)
        print(f"  #{row.evaluation}: {shown}")
    return exit_code_of(result.history)
