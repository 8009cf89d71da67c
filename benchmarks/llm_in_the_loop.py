"""Searches with a language model in the loop, replayed from their recordings, against cold/random and
the offline heuristic.

The recordings (``benchmarks/results/llm/<config>_seed<S>.jsonl``) were made by ``h2h codesign`` /
``h2h nas`` with ``--agent '{kind: openai, model: bridge, base_url: ..., record: PATH}'`` while a
language model answered every request through ``../shared/tools/llm_bridge.py`` (one fresh model
session per run, answering from the prompt text alone; the transcripts of what it was asked and
answered are beside the recordings). Replaying a recording (``{kind: replay, strict: true}``) re-runs
the same search with the same proposals, so these tables rebuild on any machine without the model.

* Co-design: per seed, the model's warm run, the cold run (random start) and the heuristic's warm
  run; all on one normalisation (ideal and nadir of the union of every run's front); evaluations
  to 95% of the best final hypervolume of any run, as in ``benchmarks/codesign_warmstart.py``;
  speed-up = cold / model.
* FL-NAS: per seed, the model's run, the random agent's and the heuristic's; hypervolume on one
  normalisation and the best accuracy found.

    python benchmarks/llm_in_the_loop.py            # every recording found; writes llm_in_the_loop.md
"""
from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from codesign_warmstart import TARGET_FRACTION, measure, run_one
from machine import machine

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"
RECORDINGS = RESULTS / "llm"
CODESIGN = ("codesign_nb201", "codesign_casia_hw")
FLNAS = "flnas_nb201"


def recordings() -> dict[str, list[int]]:
    """``{config name: [seeds]}`` of the recordings present."""
    found: dict[str, list[int]] = {}
    for path in sorted(RECORDINGS.glob("*_seed*.jsonl")):
        m = re.fullmatch(r"(.+)_seed(\d+)\.jsonl", path.name)
        if m:
            found.setdefault(m.group(1), []).append(int(m.group(2)))
    return {k: sorted(v) for k, v in found.items()}


def replay(name: str, seed: int) -> str:
    """Not strict: a later change of the prompt's facts or of the cost model moves a request's digest
    but not the designs the model answered; ``_replayed`` counts the requests whose digest still matched."""
    return f"{{kind: replay, strict: false, path: '{RECORDINGS / f'{name}_seed{seed}.jsonl'}'}}"


def _replayed(fn: Any, *args: Any) -> dict[str, Any]:
    """``fn(*args)``, counting the replay's digest warnings (requests asked differently than recorded)."""
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run = fn(*args)
    run["moved"] = sum("was recorded for task" in str(w.message) for w in caught)
    return run


def codesign_job(name: str, who: str, seed: int, budget: int | None = None) -> dict[str, Any]:
    config = str(REPO / "examples" / f"{name}.yaml")
    start = "cold" if who == "cold" else "warm"
    agent = {"model": replay(name, seed), "heuristic": "{kind: heuristic}", "cold": None}[who]
    run = _replayed(run_one, config, start, seed, budget, agent)
    run["who"] = who
    run["budget"] = budget
    return run


def codesign_table(name: str, seeds: list[int], runs: list[dict[str, Any]], title: str = "") -> list[str]:
    """The model's warm runs against the cold runs, on the normalisation and target of those runs alone
    (the definition of ``codesign_warmstart.py``); the heuristic's runs measured against the same target."""
    from h2h.pareto import evaluations_to_reach, hypervolume_curve

    compared = [r for r in runs if r["who"] in ("model", "cold")]
    info = measure(compared)
    for r in runs:
        if r["who"] == "heuristic":
            r["curve"] = hypervolume_curve(r["F"], info["norm"])
            r["final"] = float(r["curve"][-1]) if len(r["curve"]) else 0.0
            r["to_target"] = evaluations_to_reach(r["curve"], info["target"])
    by = {(r["who"], r["seed"]): r for r in runs}

    def evals(r: dict[str, Any]) -> str:
        return f"> {len(r['F'])}" if r["to_target"] is None else str(r["to_target"])

    lines = [f"### `examples/{name}.yaml`{title}", "",
             f"Target: {TARGET_FRACTION:.0%} of the best final hypervolume of the model's and the cold runs "
             f"({info['best']:.4f} on their common normalisation; the heuristic's runs are measured against "
             "the same target and normalisation).", "",
             "| seed | model: evals to target | cold | heuristic | speed-up cold / model | model designs used | "
             "final HV model / cold / heuristic | requests asked as recorded |", "|---:|---:|---:|---:|---:|---:|---|---:|"]
    ratios: list[float | None] = []
    censored = False
    for s in seeds:
        m, c, h = by["model", s], by["cold", s], by["heuristic", s]
        if m["to_target"] is None:
            ratio, text = None, "- (the model's run never reached it)"
        else:
            ratio = (c["to_target"] or len(c["F"])) / m["to_target"]
            censored = censored or c["to_target"] is None
            text = f"{'>= ' if c['to_target'] is None else ''}{ratio:.1f}x"
        ratios.append(ratio)
        lines.append(f"| {s} | {evals(m)} | {evals(c)} | {evals(h)} | {text} | {m['from_agent']} of "
                     f"{m['from_agent'] + m['fallback']} starts | {m['final']:.4f} / {c['final']:.4f} / {h['final']:.4f} | "
                     f"{_asked_as_recorded(name, s, m['moved'])} |")
    known = [r for r in ratios if r is not None]
    shown = ", ".join("-" if r is None else f"{r:.1f}x" for r in ratios)
    if len(known) == len(ratios):
        summary = f"**{statistics.median(known):.1f}x**"
    else:
        summary = (f"not defined on every seed ({len(ratios) - len(known)} of {len(ratios)} model runs never "
                   "reached the target)")
    lines += ["", f"Median speed-up of the model's warm start over the cold start: {summary} (per seed: {shown}"
                  + ("; a cold run that never reaches the target counts as its budget, so those are lower bounds"
                     if censored else "") + ").", ""]
    return lines


def _asked_as_recorded(name: str, seed: int, moved: int) -> str:
    from llm_agents import read_recording

    n = len(read_recording(RECORDINGS / f"{name}_seed{seed}.jsonl"))
    return f"{n - moved} of {n}"


def flnas_job(who: str, seed: int) -> dict[str, Any]:
    return _replayed(_flnas_run, who, seed)


def _flnas_run(who: str, seed: int) -> dict[str, Any]:
    from flnas_agents import loss_rows
    from h2h.flnas import load_settings, run_nas
    from llm_agents import from_config

    config = REPO / "examples" / f"{FLNAS}.yaml"
    agent = {"model": replay(FLNAS, seed), "heuristic": "{kind: heuristic}", "random": "{kind: random}"}[who]
    settings = load_settings(config, seed=seed, agent=agent)
    settings.out = None
    result = run_nas(settings, from_config(dict(settings.agent_config)), plot=False)
    F = loss_rows(result)
    best = max((r.metrics.get("accuracy", 0.0) for r in result.history if r.usable), default=0.0)
    return {"who": who, "seed": seed, "F": F, "best_accuracy": best,
            "agent": None if getattr(result, "agent", None) is None else result.agent.to_dict()}


def flnas_table(seeds: list[int], runs: list[dict[str, Any]]) -> list[str]:
    from h2h.pareto import Normalisation, hypervolume

    norm = Normalisation.from_points(*(r["F"] for r in runs))
    by = {(r["who"], r["seed"]): r for r in runs}
    for r in runs:
        r["hv"] = hypervolume(r["F"], norm)
    lines = [f"### `examples/{FLNAS}.yaml`", "",
             "| seed | HV model | HV random | HV heuristic | model above random | best accuracy model / random / heuristic | "
             "requests asked as recorded |", "|---:|---:|---:|---:|:---:|---|---:|"]
    for s in seeds:
        m, r, h = by["model", s], by["random", s], by["heuristic", s]
        lines.append(f"| {s} | {m['hv']:.4f} | {r['hv']:.4f} | {h['hv']:.4f} | {'yes' if m['hv'] > r['hv'] else 'no'} | "
                     f"{m['best_accuracy']:.4f} / {r['best_accuracy']:.4f} / {h['best_accuracy']:.4f} | "
                     f"{_asked_as_recorded(FLNAS, s, m['moved'])} |")
    med = {w: statistics.median(by[w, s]["hv"] for s in seeds) for w in ("model", "random", "heuristic")}
    lines += [f"| **median** | **{med['model']:.4f}** | **{med['random']:.4f}** | **{med['heuristic']:.4f}** | "
              f"{sum(by['model', s]['hv'] > by['random', s]['hv'] for s in seeds)}/{len(seeds)} | | |", "",
              "A request 'asked as recorded' had the digest the recording holds; the others differ because the "
              "prompt's facts or a metric changed after the recording (the replay then plays the same designs).", ""]
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--name", default="llm_in_the_loop")
    p.add_argument("--cold-budget", type=int, default=None,
                   help="also run the cold co-design runs with this budget (the model's keep theirs), to "
                        "resolve speed-ups that equal budgets only bound from below")
    args = p.parse_args(argv)
    found = recordings()
    t0 = time.perf_counter()
    lines = ["# A language model in the loop: replayed recordings against cold/random and the heuristic", "",
             f"Command: `python benchmarks/llm_in_the_loop.py` (replays `benchmarks/results/llm/*.jsonl`).", "",
             f"Machine: {machine()}.", ""]
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        for name in CODESIGN:
            seeds = found.get(name, [])
            if not seeds:
                continue
            jobs = [(name, who, s) for s in seeds for who in ("model", "cold", "heuristic")]
            runs = list(pool.map(codesign_job, *zip(*jobs)))
            lines += codesign_table(name, seeds, runs, ", equal budgets")
            if args.cold_budget and name == CODESIGN[0]:
                longer = list(pool.map(codesign_job, *zip(*[(name, "cold", s, args.cold_budget) for s in seeds])))
                lines += codesign_table(name, seeds, [r for r in runs if r["who"] != "cold"] + longer,
                                        f", cold runs given {args.cold_budget} evaluations")
        seeds = found.get(FLNAS, [])
        if seeds:
            jobs = [(who, s) for s in seeds for who in ("model", "random", "heuristic")]
            runs = list(pool.map(flnas_job, *zip(*jobs)))
            lines += flnas_table(seeds, runs)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    print(f"{time.perf_counter() - t0:.0f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
