"""The openai agent refuses to start against the OpenAI API without a key, before any request.

Without this check a run with no key spent minutes on connection retries, filled every start with
random designs and exited 0. Local servers (``base_url`` set) take no key and still start.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from h2h.cli import main
from llm_agents import AgentConfigError, OpenAIAgent, from_config

REPO = Path(__file__).resolve().parents[1]
NO_KEY_AGENT = "{kind: openai, model: gpt-4o-mini}"


@pytest.fixture
def no_key(monkeypatch):
    """No key, and no OPENAI_BASE_URL redirecting the client away from the OpenAI API."""
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)


def _one_error_line(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    return err[0]


@pytest.mark.parametrize("command, config", [("codesign", "examples/codesign_nb201.yaml"),
                                             ("nas", "examples/flnas_nb201.yaml")])
def test_cli_exits_2_naming_the_variable(no_key, capsys, command, config):
    assert main([command, str(REPO / config), "--agent", NO_KEY_AGENT]) == 2
    line = _one_error_line(capsys)
    assert line.startswith("h2h: error: ") and "OPENAI_API_KEY is not set" in line
    assert "base_url" in line and "Ollama" in line


def test_batch_check_rejects_the_run(no_key, capsys, tmp_path):
    batch = tmp_path / "batch.yaml"
    batch.write_text(f"""name: nokey
out: {tmp_path / 'out'}
experiments:
  - name: e
    task: codesign
    config: {REPO / 'examples/codesign_nb201.yaml'}
    agent: {NO_KEY_AGENT}
    seeds: [0]
""", encoding="utf-8")
    assert main(["batch", str(batch), "--check"]) == 2
    assert "OPENAI_API_KEY is not set" in capsys.readouterr().err


@pytest.mark.parametrize("value", [None, "", "  "])
def test_custom_variable_unset_or_blank(monkeypatch, no_key, value):
    if value is None:
        monkeypatch.delenv("MY_OPENAI_KEY", raising=False)
    else:
        monkeypatch.setenv("MY_OPENAI_KEY", value)
    with pytest.raises(AgentConfigError, match="MY_OPENAI_KEY is not set"):
        from_config({"kind": "openai", "model": "gpt-4o-mini", "api_key_env": "MY_OPENAI_KEY"})


def test_explicit_official_url_needs_the_key_too(no_key):
    with pytest.raises(AgentConfigError, match="OPENAI_API_KEY"):
        OpenAIAgent(model="gpt-4o-mini", base_url="https://api.openai.com/v1")


def test_with_a_key_the_agent_is_built(monkeypatch, no_key):
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used-here")
    assert OpenAIAgent(model="gpt-4o-mini").name == "openai:gpt-4o-mini"


@pytest.mark.parametrize("url", ["http://localhost:11434/v1", "http://127.0.0.1:8000/v1",
                                 "https://llm.example.org/v1"])
def test_local_or_other_servers_need_no_key(no_key, url):
    agent = from_config({"kind": "openai", "model": "local", "base_url": url})
    assert agent.name == "openai:local"


def test_openai_base_url_variable_counts_as_a_server(monkeypatch, no_key):
    # the openai client sends requests to OPENAI_BASE_URL when base_url is not given
    monkeypatch.setenv("OPENAI_BASE_URL", "http://localhost:11434/v1")
    assert OpenAIAgent(model="local").name == "openai:local"
