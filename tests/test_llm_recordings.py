"""The searches run with a language model in the loop, replayed from their recordings.

``benchmarks/results/llm/*.jsonl`` are what the model proposed, request by request, in the runs that
``benchmarks/results/llm_in_the_loop.md`` reports. Replaying one re-runs the search without a model, so
CI checks on every commit that the recordings still drive the search the way they did: every recorded
proposal is asked for again, in order, and the model's designs are evaluated, never replaced by random
ones. (The replays are not strict: a change of the cost model changes the metrics a later request
shows, and so its digest, but not the designs the model proposed.)
"""
from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

from llm_agents import read_recording

REPO = Path(__file__).resolve().parents[1]
RECORDINGS = sorted((REPO / "benchmarks" / "results" / "llm").glob("*_seed*.jsonl"))
FAST = [p for p in RECORDINGS if p.name == "flnas_nb201_seed1.jsonl"]


def test_the_measured_runs_are_all_recorded():
    names = {p.name for p in RECORDINGS}
    assert {f"codesign_nb201_seed{s}.jsonl" for s in (1, 2, 3)} <= names
    assert {f"codesign_casia_hw_seed{s}.jsonl" for s in (1, 2)} <= names
    assert {f"flnas_nb201_seed{s}.jsonl" for s in (1, 2, 3)} <= names


def _replay(path: Path):
    from h2h.codesign import codesign
    from h2h.flnas import nas

    name, seed = re.fullmatch(r"(.+)_seed(\d+)\.jsonl", path.name).groups()
    agent = {"kind": "replay", "path": str(path), "strict": False}
    run = nas if name.startswith("flnas") else codesign
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")   # a digest that moved with the metrics is a warning, not a failure
        return run(REPO / "examples" / f"{name}.yaml", seed=int(seed), agent=agent, plot=False)


def _check(path: Path) -> None:
    records = read_recording(path)
    result = _replay(path)
    proposed = sum(len(r["proposal"]["candidates"]) for r in records)
    assert result.agent.requests == len(records)       # the search asked exactly as often as recorded
    assert result.agent.failed_requests == 0
    assert result.agent.designs_proposed == proposed
    assert result.agent.designs_used >= 0.9 * proposed  # the model's designs were evaluated
    first = {json.dumps(c, sort_keys=True) for c in records[0]["proposal"]["candidates"]}
    evaluated = {json.dumps(dict(r.candidate), sort_keys=True) for r in result.history if r.source == "agent"}
    assert first <= evaluated                           # the first answer is evaluated exactly as given


@pytest.mark.parametrize("path", FAST, ids=lambda p: p.stem)
def test_a_recorded_flnas_run_replays(path):
    _check(path)


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in RECORDINGS if p not in FAST], ids=lambda p: p.stem)
def test_every_recorded_run_replays(path):
    _check(path)
