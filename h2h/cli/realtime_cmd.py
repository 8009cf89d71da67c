"""``h2h realtime``: simulate a periodic multi-model scenario on a system and print its XRBench score.

With ``--json`` one JSON object goes to stdout: overall_score (0-100), models {name: {realtime_score,
energy_score, qoe_score, score, frames_scored, frames_done, frames_dropped}}, plans, conventions and,
with ``--frames``, every frame.
"""
from __future__ import annotations

import argparse
import json
import sys


def register(subparsers: argparse._SubParsersAction) -> None:
    from h2h.realtime.costs import COST_SOURCES
    from h2h.realtime.policies import POLICIES

    p = subparsers.add_parser(
        "realtime", help="score a periodic multi-model scenario (XRBench-style)",
        description="Simulate a scenario (YAML or XRBench .m file) of periodic models with deadlines "
        f"and cascades on a system under a policy ({', '.join(POLICIES)}) and report XRBench's score.")
    p.add_argument("--scenario", required=True, metavar="FILE", help="scenario YAML or XRBench .m file")
    p.add_argument("--system", required=True, metavar="SPEC", help="system YAML or built-in name")
    p.add_argument("--policy", default="xrbench", choices=POLICIES)
    p.add_argument("--seed", type=int, default=None, metavar="N",
                   help="seed of the trigger-probability draws (default: the scenario's)")
    p.add_argument("--costs", default="maestro", choices=COST_SOURCES,
                   help="per-layer costs: our MAESTRO analysis, or XRBench's own (its accelerators only)")
    p.add_argument("--time-limit", type=float, default=None, metavar="S",
                   help="CP-SAT's time limit for --policy cpsat (default 10 s)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--frames", action="store_true", help="with --json: include every frame")
    p.add_argument("--trace", metavar="FILE", help="write a Chrome/Perfetto trace JSON of the frames")
    p.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from h2h.realtime import realtime

    from .outputs import check_output_file

    if args.trace:
        check_output_file(args.trace, "--trace")
    if args.time_limit is not None and not args.time_limit > 0:
        from h2h.errors import ConfigError

        raise ConfigError(f"must be > 0, got {args.time_limit}", item="--time-limit")
    result = realtime(args.scenario, args.system, args.policy, seed=args.seed, costs=args.costs,
                      time_limit_s=args.time_limit)
    if args.trace:
        from h2h.realtime.trace import write_trace

        write_trace(result, args.trace)
    if args.json:
        json.dump(result.to_dict(frames=args.frames), sys.stdout)
        sys.stdout.write("\n")
        return 0
    print(f"{result.scenario} on {result.system} with {result.policy} (costs {result.costs}, "
          f"seed {result.seed}): score {result.overall_score:.3f}")
    for name, s in result.models.items():
        if s is None:
            print(f"  {name:28s} no frame scored")
            continue
        print(f"  {name:28s} score {s.score * 100:7.3f}  real-time {s.realtime_score:.4f}  energy "
              f"{s.energy_score:.4f}  QoE {s.qoe_score:.4f}  ({s.frames_done} done, {s.frames_dropped} dropped)")
    return 0
