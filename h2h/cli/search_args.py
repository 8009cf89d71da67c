"""Options and rules shared by the search commands (``h2h nas``, ``h2h codesign``).

Both take a YAML config and let the command line override its budget, seed and agent, choose the
results folder and silence progress; keeping them here keeps the two commands' flags and defaults
the same. Imports nothing heavy (CLI start-up).
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .tables import count_noun


def add_search_options(parser: argparse.ArgumentParser, *, budget_help: str, seed_help: str,
                       agent_example: str, seed_first: bool = False) -> None:
    """Add ``--budget N`` and ``--seed S`` (in that order, or seed first), then ``--agent``, ``--out``
    and ``--quiet``. ``agent_example`` is the agent config shown in ``--agent``'s help."""
    budget = ("--budget", {"type": int, "metavar": "N", "help": budget_help})
    seed = ("--seed", {"type": int, "metavar": "S", "help": seed_help})
    for flag, kwargs in ((seed, budget) if seed_first else (budget, seed)):
        parser.add_argument(flag, **kwargs)
    parser.add_argument("--agent", metavar="'{...}'",
                        help=f"agent config as YAML/JSON text, e.g. '{agent_example}' (overrides the config)")
    parser.add_argument("--out", metavar="DIR", help="results folder (default: the config's out, else "
                                                     "results/<config name>)")
    parser.add_argument("--overwrite", action="store_true",
                        help="replace the results of an earlier run in --out (refused otherwise)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    parser.add_argument("--check", action="store_true",
                        help="validate the config (and the overrides) only; exit 0 if valid, 2 if not")


def check_line(config: str | Path, settings: Any) -> str:
    """What ``--check`` prints for a valid search config."""
    return (f"{config}: ok: {count_noun(settings.budget, 'evaluation')}, "
            f"objectives {', '.join(o.name for o in settings.objectives)}")


def fill_default_out(settings: Any, config: str | Path, *, overwrite: bool = False) -> None:
    """Choose and check the results folder before the search runs. When neither ``--out`` nor the
    config named one (``settings.out`` is None): results/<config file name without suffix>, or
    with -2, -3, ... appended when that already holds a run, so a rerun never replaces results
    nobody asked to replace. A named folder holding a run is refused unless ``overwrite``."""
    from h2h.results import prepare_out_dir

    if settings.out is None:
        base = Path("results") / Path(config).stem
        settings.out, k = base, 2
        while not overwrite and (settings.out / "result.json").exists():
            settings.out, k = base.with_name(f"{base.name}-{k}"), k + 1
    prepare_out_dir(settings.out, overwrite=overwrite)


def progress_printer(quiet: bool) -> Callable[[str], None] | None:
    """Print each progress line to stderr as it comes, or None (no progress) when ``quiet``."""
    if quiet:
        return None
    return lambda line: print(line, file=sys.stderr, flush=True)


def evaluations_line(history: Any, sources: tuple[str, ...]) -> str:
    """"N evaluations (a agent, b fallback, ...)" counting distinct evaluations only, as the budget
    does; repeats (free, answered from memory) are named separately."""
    distinct = [r for r in history if not r.repeat]
    counts = {s: sum(r.source == s for r in distinct) for s in sources}
    shown = ", ".join(f"{n} {s}" for s, n in counts.items() if n) or "none"
    repeats = len(history) - len(distinct)
    more = f"; {count_noun(repeats, 'repeat')} answered from memory" if repeats else ""
    return f"{len(distinct)} evaluations ({shown}{more})"


#: Pareto designs ``h2h nas`` and ``h2h codesign`` print; all of them are in pareto.csv
FRONT_SHOWN = 10


def pareto_line(front: Any, shown: int) -> str:
    """``1 Pareto design`` / ``20 Pareto designs (the first 10 below)``."""
    text = count_noun(len(front), "Pareto design")
    return f"{text} (the first {shown} below)" if len(front) > shown else text


def failures_line(history: Any) -> str | None:
    """A warning when no evaluation produced a usable design (every one failed or broke a bound),
    with the most common error, so an impossible space does not pass for an empty front."""
    from collections import Counter

    distinct = [r for r in history if not r.repeat]
    if not distinct or any(r.usable for r in distinct):
        return None
    errors = Counter(r.error for r in distinct if r.error)
    if not errors:
        return f"none of the {len(distinct)} designs met the constraints and metric bounds"
    error, n = errors.most_common(1)[0]
    return f"none of the {len(distinct)} designs could be evaluated; {n} failed with: {error}"


#: the exit code of a search that ran but has no usable design to show (bad input is 2)
NOTHING_USABLE_EXIT = 1


def exit_code_of(history: Any) -> int:
    """0, or :data:`NOTHING_USABLE_EXIT` after printing ``failures_line`` as one ``h2h: error:``
    line when no evaluation gave a usable design: a script must not take an empty front for a
    result (the results folder is written all the same)."""
    failed = failures_line(history)
    if not failed:
        return 0
    print(f"h2h: error: {failed}", file=sys.stderr)
    return NOTHING_USABLE_EXIT
