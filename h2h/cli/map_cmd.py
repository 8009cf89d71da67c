"""``h2h map``: map a workload onto a system with a named mapper and report latency and energy.

With ``--json`` one JSON object goes to stdout: latency_s, energy_j, mapping {layer: accelerator},
mapper, objective, order, resident, sequence (when the mapper chose it), energy breakdown,
utilization, bytes moved, runtime_s and the mapper's extras (cpsat: status, objective_s, bound, gap;
nsga2: front). ``--option KEY=VALUE`` passes mapper options. ``--mapping FILE`` skips the search and
schedules a given mapping (JSON/YAML, ``{assignment, order?, resident?, sequence?}``, a saved
``--json`` result, or a plain ``{layer: accelerator}``).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from .workload_args import add_workload_options, load_from_args

MAPPER_NAMES = ("compute_priority", "h2h", "cpsat", "nsga2", "random", "brute_force")


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "map", help="map a workload onto a heterogeneous system",
        description="Map a workload (zoo name, file or nb201:<arch>) onto a system (built-in name or YAML) with a mapper "
        f"({', '.join(MAPPER_NAMES)}) and report latency and energy.")
    p.add_argument("--workload", required=True, metavar="SPEC", help="zoo name, workload file or nb201:<arch>")
    p.add_argument("--system", required=True, metavar="SPEC", help="system YAML or built-in name (h2h system list)")
    p.add_argument("--mapper", default=None, metavar="NAME", help="mapper name (default h2h)")
    p.add_argument("--mapping", metavar="FILE", help="schedule this mapping instead of searching")
    p.add_argument("--objective", default="latency", choices=("latency", "energy", "edp"))
    p.add_argument("--time-limit", type=float, default=None, metavar="S", help="search time limit (s)")
    p.add_argument("--seed", type=int, default=0, metavar="N")
    p.add_argument("--effort", default=None, choices=("fast", "default", "thorough"),
                   help="how hard h2h searches (default: default, about a second)")
    p.add_argument("--steps", default=None, metavar="LIST", help="h2h steps to run, e.g. 1,2,4 (ablation)")
    p.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                   help="a mapper option, VALUE read as YAML (e.g. num_workers=8, free_sequence=true); "
                   "repeatable; '?' lists the mapper's options with their types and defaults")
    add_workload_options(p)
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--schedule", action="store_true", help="with --json: include every interval")
    p.add_argument("--trace", metavar="FILE", help="write a Chrome/Perfetto trace JSON")
    p.add_argument("--plot", metavar="FILE", help="write a Gantt PNG (nsga2: also <FILE>_pareto.png)")
    p.set_defaults(func=_run)


def _options(pairs: list[str]) -> dict[str, Any]:
    """``--option KEY=VALUE`` pairs as mapper options; the mapper checks names and values."""
    import yaml

    from h2h.errors import MappingError
    from h2h.mappers.base import MAP_CALL_KEYS

    options: dict[str, Any] = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        key = key.strip()
        if key == "?":   # a question, not an option (``--option '?'``)
            options["?"] = None
            continue
        if not sep or not key:
            raise MappingError(f"expected KEY=VALUE, got {pair!r}", item="--option")
        if key in MAP_CALL_KEYS:   # map_workload's own settings have flags: time_limit_s is --time-limit
            flag = "--" + key.removesuffix("_s").replace("_", "-")
            raise MappingError(f"{key} is not a mapper option; give {flag}", item="--option")
        if key in options:
            raise MappingError(f"option {key!r} given twice", item="--option")
        try:
            options[key] = yaml.safe_load(text) if text.strip() else None
        except yaml.YAMLError:
            raise MappingError(f"the value of {key!r} is not valid YAML: {text!r}", item="--option") from None
        except RecursionError:
            raise MappingError(f"the value of {key!r} is nested too deeply", item="--option") from None
    return options


def _run(args: argparse.Namespace) -> int:
    from h2h.mappers.base import check_options, map_workload, MapResult, _resolve, read_mapping_file
    from h2h.evaluate import get_scheduler

    from .outputs import check_output_file

    if args.trace:
        check_output_file(args.trace, "--trace")
    if args.plot:
        check_output_file(args.plot, "--plot", plot=True)
    if args.mapping:
        search_flags = {"--mapper": args.mapper, "--option": args.option or None, "--steps": args.steps,
                        "--effort": args.effort, "--time-limit": args.time_limit}
        unused = [flag for flag, value in search_flags.items() if value is not None]
        if unused:
            from . import print_warning

            print_warning(f"--mapping schedules the given mapping without searching; {', '.join(unused)} "
                          f"{'is' if len(unused) == 1 else 'are'} not used")
        import time

        t0 = time.perf_counter()
        from workloads.errors import H2HError

        workload, system = _resolve(load_from_args(args.workload, args), args.system)
        mapping = read_mapping_file(args.mapping)
        try:
            evaluation = get_scheduler(workload, system).evaluate(mapping)
        except H2HError as e:  # a mapping that does not fit this workload or system: name the file
            raise e.located(file=args.mapping) from None
        result = MapResult("given", args.objective, evaluation, time.perf_counter() - t0,
                           {"mapping_file": args.mapping})
    else:
        mapper = args.mapper or "h2h"
        options = _options(args.option)
        if "?" in options:   # --option '?': what the mapper takes, nothing run
            from h2h.mappers.base import option_lines

            lines = option_lines(mapper)
            print(f"options of mapper {mapper!r} (--option KEY=VALUE, VALUE read as YAML):" if lines else
                  f"mapper {mapper!r} takes no options")
            for line in lines:
                print(f"  {line}")
            return 0
        for flag, key, value in (("--steps", "steps", args.steps), ("--effort", "effort", args.effort)):
            if value is None:
                continue
            from h2h.errors import MappingError

            if mapper != "h2h":
                raise MappingError(f"{flag} applies to the h2h mapper only", item=flag)
            if key in options:
                raise MappingError(f"give {flag} or --option {key}=..., not both", item=flag)
            options[key] = value
        check_options(mapper, options)   # before map_workload's own keywords could collide with one
        workload, system = _resolve(load_from_args(args.workload, args), args.system)
        result = map_workload(workload, system, mapper, args.objective, time_limit_s=args.time_limit,
                              seed=args.seed, **options)
    if args.trace:
        from h2h.trace import write_trace

        write_trace(result, args.trace)
    if args.plot:
        _plots(result, workload, args.plot)
    if args.json:
        out = result.to_dict(schedule=args.schedule)
        out["model_latency_s"] = result.model_latency_s(workload)
        json.dump(out, sys.stdout, default=_plain)
        sys.stdout.write("\n")
    else:
        _summary(result, workload, system)
    return 0


def _plain(x: Any) -> Any:
    if hasattr(x, "tolist"):
        return x.tolist()
    return str(x)


def _plots(result: Any, workload: Any, path: str) -> None:
    from h2h.plots import gantt, pareto_scatter

    gantt(result, path, workload=workload,
          title=f"{workload.name} / {result.mapper}: latency {result.latency_s * 1e3:.4g} ms, "
                f"energy {result.energy_j * 1e3:.4g} mJ")
    front = result.extras.get("front")
    if front:
        p = Path(path)
        xs = [pt["latency_s"] * 1e3 for pt in front]
        ys = [pt["energy_j"] * 1e3 for pt in front]
        pareto_scatter({"NSGA-II front": (xs, ys)}, p.with_name(f"{p.stem}_pareto{p.suffix or '.png'}"),
                       xlabel="latency (ms)", ylabel="energy (mJ)", fronts={"NSGA-II front": (xs, ys)},
                       title=f"{workload.name}: latency x energy")


def _summary(result: Any, workload: Any, system: Any) -> None:
    by = f"the mapping in {result.extras['mapping_file']}" if "mapping_file" in result.extras else result.mapper
    print(f"{workload.name} on {system.name} with {by} (objective {result.objective})")
    print(f"  latency  {result.latency_s * 1e3:.6g} ms")
    print(f"  energy   {result.energy_j * 1e3:.6g} mJ  "
          + ", ".join(f"{k} {v * 1e3:.3g}" for k, v in result.energy_breakdown_j.items()))
    if workload.is_mmmt:
        print("  models   " + ", ".join(f"{m} {t * 1e3:.4g} ms" for m, t in result.model_latency_s(workload).items()))
    counts: dict[str, int] = {}
    for acc in result.mapping.values():
        counts[acc] = counts.get(acc, 0) + 1
    print("  layers   " + ", ".join(f"{a}: {counts.get(a, 0)} ({result.utilization.get(a, 0) * 100:.0f}% busy)"
                                    for a in system.accelerator_names))
    if result.resident:
        print(f"  resident weights: {len(result.resident)} layer(s)")
    for key in ("status", "objective_s", "bound_s", "gap", "passes"):
        if key in result.extras:
            value = result.extras[key]
            print(f"  {key:8s} {'n/a' if value is None else value}")
    if result.extras.get("note"):
        print(f"  note     {result.extras['note']}")
    if "front" in result.extras:
        print(f"  Pareto front: {len(result.extras['front'])} point(s)")
    print(f"  runtime  {result.runtime_s:.3g} s")
