"""from_config, record/replay, and prompt templates."""
from __future__ import annotations

import json

import pytest

from agents_toy import CONTEXT, OBJECTIVES, run_search, toy_space
from llm_agents import (AgentConfigError, HeuristicAgent, OpenAIAgent, RandomAgent, RecordingAgent,
                        ReplayAgent, ReplayError, Task, from_config)
from llm_agents.prompts import HISTORY_IN_PROMPT, render


# ---- from_config ----------------------------------------------------------------------------------

def test_kinds_from_dicts_and_strings(tmp_path):
    assert isinstance(from_config(None), HeuristicAgent)
    assert isinstance(from_config({}), HeuristicAgent)
    assert isinstance(from_config("heuristic"), HeuristicAgent)
    assert from_config({"kind": "heuristic", "seed": 3}).seed == 3
    assert from_config("{kind: random, seed: 7}").seed == 7          # YAML, as --agent takes it
    assert from_config('{"kind": "random", "seed": 8}').seed == 8     # JSON
    agent = from_config("kind: openai\nmodel: llama3.1\nbase_url: http://localhost:11434/v1\n"
                        "api_key_env: OLLAMA_API_KEY\ntemperature: 0.3\nmax_tokens: 1024\n"
                        "timeout_s: 120\nmax_retries: 2")
    assert isinstance(agent, OpenAIAgent) and agent.settings.model == "llama3.1"
    assert agent.settings.timeout_s == 120 and agent.settings.max_retries == 2
    path = tmp_path / "agent.yaml"
    path.write_text("kind: random\nseed: 4\n")
    assert from_config(str(path)).seed == 4


def test_record_wraps_any_agent(tmp_path):
    agent = from_config({"kind": "random", "seed": 1, "record": str(tmp_path / "r.jsonl")})
    assert isinstance(agent, RecordingAgent) and isinstance(agent.inner, RandomAgent)


@pytest.mark.parametrize("config, item, message", [
    ({"kind": "gpt"}, "agent 'kind'", "unknown kind 'gpt'"),
    ({"kind": "heuristic", "temperature": 0.5}, "agent 'temperature'", "unknown key"),
    ({"kind": "openai", "model": "m", "api_key": "sk-123"}, "agent 'api_key'", "unknown key"),
    ({"kind": "openai"}, "agent 'model'", "needs 'model'"),
    ({"kind": "openai", "model": "m", "temperature": "hot"}, "openai 'temperature'", "a number"),
    ({"kind": "openai", "model": "m", "max_retries": -1}, "openai 'max_retries'", ">= 0"),
    ({"kind": "openai", "model": "m", "base_url": "localhost:11434"}, "openai 'base_url'", "http(s) URL"),
    ({"kind": "openai", "model": "m", "template": "nope"}, "template 'nope'", "no such template"),
    ({"kind": "random", "seed": "x"}, "agent 'seed'", "integer"),
    ({"kind": "replay"}, "agent 'path'", "needs 'path'"),
    ({"kind": "heuristic", "record": 5}, "agent 'record'", "file path"),
    ("[1, 2]", "agent config", "expected a mapping"),
    ("{kind: [", "agent config", "not valid YAML"),
])
def test_bad_configs_name_the_key(config, item, message):
    with pytest.raises(AgentConfigError) as e:
        from_config(config)
    assert e.value.item == item and message in str(e.value)


def test_replay_of_a_missing_file_names_it(tmp_path):
    with pytest.raises(AgentConfigError, match="no such recording"):
        from_config({"kind": "replay", "path": str(tmp_path / "none.jsonl")})
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"version": 1, "proposal": {}}\nnot json\n')
    with pytest.raises(AgentConfigError) as e:
        from_config({"kind": "replay", "path": str(bad)})
    assert e.value.item == "line 2"


# ---- record and replay ----------------------------------------------------------------------------

def test_recorded_search_replays_identically(tmp_path):
    path = tmp_path / "heuristic.jsonl"
    recorded = run_search(from_config({"kind": "heuristic", "seed": 2, "record": str(path)}), rounds=4, n=5)
    lines = path.read_text().splitlines()
    assert len(lines) == 4 and all(json.loads(line)["version"] == 1 for line in lines)
    replay = ReplayAgent(path, strict=True)
    replayed = run_search(replay, rounds=4, n=5)
    strip = lambda h: [(e["candidate"], e["metrics"]) for e in h]  # noqa: E731 (sources name the agent)
    assert strip(replayed) == strip(recorded)


def test_replay_says_when_it_runs_out_or_the_task_differs(tmp_path):
    path = tmp_path / "r.jsonl"
    run_search(RecordingAgent(RandomAgent(0), path), rounds=1, n=3)
    agent = ReplayAgent(path)
    task = Task(space=toy_space(), objectives=OBJECTIVES, n=3, template="codesign", context=CONTEXT)
    assert len(agent.propose(task).candidates) == 3
    with pytest.warns(UserWarning, match="ran out after 1 proposals"):
        p = agent.propose(task)
    assert p.candidates == [] and "ran out" in p.notes
    other = Task(space=toy_space(), objectives=OBJECTIVES, n=2, template="codesign", context=CONTEXT)
    with pytest.warns(UserWarning, match="was recorded for task"):
        p = ReplayAgent(path).propose(other)
    assert len(p.candidates) == 2  # only as many as this task asks, each valid in it
    with pytest.raises(ReplayError, match="was recorded for task"):
        ReplayAgent(path, strict=True).propose(other)


def test_recording_restarts_the_file(tmp_path):
    path = tmp_path / "r.jsonl"
    path.write_text("old content\n")
    run_search(RecordingAgent(RandomAgent(0), path), rounds=2, n=2)
    assert len(path.read_text().splitlines()) == 2


# ---- prompt templates -----------------------------------------------------------------------------

def _task(template="flnas", history=()):
    return Task(space=toy_space(), objectives=OBJECTIVES, history=list(history), n=3, template=template,
                context={**CONTEXT, "application": "skin-lesion classification on a wearable",
                         "device_constraints": {"latency_s": "< 0.01"}, "workload": "2 models"})


def test_flnas_prompt_follows_qin_et_al():
    history = run_search(RandomAgent(0), rounds=1, n=4)
    system, user = render(_task("flnas", history))
    assert "JSON" in system
    for section in ("Application:\nskin-lesion classification on a wearable", "Template variables and their choices:",
                    "Device constraints:\n- latency_s: < 0.01", "Goal of the search:\n", "Designs evaluated so far:"):
        assert section in user
    assert "- acc1_pes: int in [16, 1024] in steps of 16 from 16; only matters when num_acc >= 2" in user
    assert "- area: acc0_pes + acc1_pes [if num_acc >= 2]" in user
    assert "exactly 3 designs" in user and "#" not in user.splitlines()[0]
    assert "may be left out" in user and "\n\n\n" not in user


def test_without_a_goal_in_the_context_the_prompt_still_states_the_front_over_every_objective():
    _, user = render(_task("codesign"))
    goal = user.split("Goal of the search:\n")[1].split("\n\n")[0]
    assert "Pareto front" in goal and "accuracy (maximise)" in goal and "latency_s (minimise)" in goal


def test_the_front_is_shown_whole_then_the_most_recent_designs():
    history = run_search(RandomAgent(0), rounds=10, n=6)
    task = _task("codesign", history)
    _, user = render(task)
    from llm_agents.history import pareto_front

    front = pareto_front(task)
    lines = user.splitlines()
    at = lines.index(next(x for x in lines if x.startswith("Current Pareto front")))
    assert f"({len(front)} designs, all shown" in lines[at] and len(front) > 1
    shown_front = lines[at + 1: at + 1 + len(front)]
    assert all(x.startswith('{"design"') for x in shown_front)
    recent = [x for x in lines[at + 1 + len(front):] if x.startswith('{"design"')]
    assert len(recent) == HISTORY_IN_PROMPT
    assert f"({len(history) - len(front) - HISTORY_IN_PROMPT} older designs evaluated, not shown; none is on the front now;" in user
    # the newest design that is not on the front is the last one listed
    newest = next(h for h in reversed(history)
                  if not any(h["candidate"] == e.candidate for e, _ in front))
    assert json.loads(recent[-1])["metrics"]["latency_s"] == pytest.approx(newest["metrics"]["latency_s"], rel=1e-3)


def test_long_facts_are_summarised_never_cut_mid_value():
    task = Task(space=toy_space(), objectives=OBJECTIVES, n=2, template="codesign",
                context={"application": "toy", "big": [{"layer": i, "macs": 10 ** 6 + i} for i in range(40)]})
    _, user = render(task)
    line = next(x for x in user.splitlines() if x.startswith("- big:"))
    assert line.endswith("... (28 more items)]") and '{"layer": 11, "macs": 1000011}' in line


def test_your_own_template(tmp_path):
    mine = tmp_path / "mine.txt"
    mine.write_text("# a comment line, not sent\nDesign for $application. Costs $$5.\n$space\n$format\n")
    _, user = render(_task(), str(mine))
    assert user.startswith("Design for skin-lesion") and "Costs $5." in user and "comment" not in user
    bad = tmp_path / "bad.txt"
    bad.write_text("Hello $colour\n")
    with pytest.raises(AgentConfigError, match=r"unknown placeholder '\$colour'"):
        render(_task(), str(bad))
    with pytest.raises(AgentConfigError, match=r"unknown placeholder '\$colour'"):
        from_config({"kind": "openai", "model": "m", "template": str(bad)})
