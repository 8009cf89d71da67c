"""``h2h quickstart``: the demo that ``make demo`` runs, examples/quickstart.yaml through ``h2h batch``."""
from __future__ import annotations

import argparse

from h2h.data import EXAMPLES_DIR
from workloads.errors import H2HError

QUICKSTART = EXAMPLES_DIR / "quickstart.yaml"   # shipped, so the demo runs from a wheel install too


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "quickstart",
        help="run the demo study: map an MMMT workload with compute_priority and h2h, then a small co-design",
        description="What 'make demo' runs (examples/quickstart.yaml, offline, about 5 s once installed): "
                    "CASIA-SURF mapped onto hetero4_mid by compute_priority and by h2h, then a small "
                    "co-design warm-started by the heuristic agent; prints a summary and writes plots and "
                    "report.html.",
    )
    p.add_argument("--out", metavar="DIR", help="results folder (default: results/quickstart)")
    p.set_defaults(func=handle)


def handle(args: argparse.Namespace) -> int:
    if not QUICKSTART.is_file():
        raise H2HError("the examples are missing from this installation of h2h (reinstall it)",
                       file=str(QUICKSTART))
    from h2h.cli.batch import handle as batch

    return batch(argparse.Namespace(config=str(QUICKSTART), out=args.out, check=False, workers=None))
