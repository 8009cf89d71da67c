"""``h2h codesign CONFIG.yaml``: NSGA-II co-design of network and hardware, warm-started by an agent.

Writes result.json, history.csv, pareto.csv, pareto.png, convergence.png and designs/ (system YAML,
mapping, trace of the best designs) to ``--out`` (or the config's ``out``, default
``results/<config name>``). Bad input exits 2 with one line; an agent that fails is replaced by
random starting designs, reported, and the run exits 0. A run in which no design could be evaluated
(or none met the bounds) writes its results and exits 1 with one line saying why.
"""
from __future__ import annotations

import argparse

from .search_args import (FRONT_SHOWN, add_search_options, check_line, evaluations_line, fill_default_out, pareto_line,
                          progress_printer, exit_code_of)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "codesign", help="co-design network and hardware with NSGA-II, warm-started by an agent",
        description="LLM-warm-started co-design (after LCDA, Yan et al., SOCC 2023) from a YAML config; "
                    "see examples/codesign_quickstart.yaml and examples/codesign_nb201.yaml. Exit codes: 0 "
                    "done, 1 no design could be evaluated or met the bounds, 2 bad input.")
    p.add_argument("config", metavar="CONFIG.yaml")
    p.add_argument("--start", choices=("warm", "cold"),
                   help="warm: the agent proposes the initial population; cold: random (overrides the config)")
    add_search_options(p, budget_help="distinct evaluations, initial population included (overrides the config)",
                       seed_help="run seed (NSGA-II, random designs, agent seed)",
                       agent_example="{kind: heuristic}", seed_first=True)
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from h2h.codesign import load_settings, run_codesign
    from llm_agents import from_config

    settings = load_settings(args.config, start=args.start, budget=args.budget, seed=args.seed,
                             agent=args.agent, out=args.out)
    if args.check:
        print(check_line(args.config, settings))
        return 0
    fill_default_out(settings, args.config, overwrite=args.overwrite)
    agent = from_config(dict(settings.agent_config)) if settings.start == "warm" else None
    result = run_codesign(settings, agent, progress=progress_printer(args.quiet))
    counted = evaluations_line(result.history, ("agent", "fallback", "random", "offspring"))
    print(f"{settings.start} start: {counted} in {result.generations} "
          f"generations, {result.runtime_s:.1f} s; {pareto_line(result.front, FRONT_SHOWN)}; results in {result.out}")
    if result.seeding.fallback:
        print(f"fallback: {result.seeding.fallback} of {settings.population_size} starting designs were random "
              f"because the agent gave too few valid ones: {result.seeding.reason}")
    if result.agent_summary:
        print(result.agent_summary)
    for row in result.front[:FRONT_SHOWN]:
        metrics = ", ".join(f"{o.name}={row.metrics.get(o.name, float('nan')):.4g}" for o in result.objectives)
        print(f"  #{row.evaluation} ({row.source}): {metrics}")
    if result.designs:
        timeline = "realtime.json" if getattr(settings.space.arch, "family", None) == "scenario" else "mapping.json"
        print(f"designs to take away (system.yaml, {timeline}, trace.json): {result.out / 'designs'}")
    return exit_code_of(result.history)
