"""Agent health: a model that is missing stops the run before any evaluation (exit 2, one line); a model
that answers badly costs one warning per request, and after three failures in a row the search stops
asking and goes on alone; result.json and the summary say how many designs came from the model.

Every case drives the real ``openai`` client against a real chat server on 127.0.0.1."""
from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from chat_server import ChatServer, Reply
from h2h.agent_session import MAX_FAILED_IN_A_ROW, clip
from h2h.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
NB201_CELL = ["none", "skip_connect", "none", "skip_connect", "none", "nor_conv_3x3"]
EDGES = ["edge_0_1", "edge_0_2", "edge_1_2", "edge_0_3", "edge_1_3", "edge_2_3"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def openai_agent(url: str) -> str:
    return json.dumps({"kind": "openai", "model": "m", "base_url": url, "timeout_s": 5, "max_retries": 0,
                       "max_reasks": 0})


@pytest.mark.parametrize("command", ["nas", "codesign"])
def test_no_server_stops_before_any_evaluation_with_one_line(command, tmp_path, capsys):
    url = f"http://127.0.0.1:{free_port()}/v1"
    config = EXAMPLES / ("flnas_nb201.yaml" if command == "nas" else "codesign_casia_hw.yaml")
    code = main([command, str(config), "--out", str(tmp_path / "out"), "--agent", openai_agent(url)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 2 and len(err) == 1
    assert url in err[0] and "{kind: heuristic}" in err[0]
    assert not (tmp_path / "out" / "result.json").exists() and not (tmp_path / "out" / "history.csv").exists()


def test_prose_costs_one_warning_per_request_then_the_search_stops_asking(tmp_path, capsys):
    srv = ChatServer(lifetime_s=60).start()
    try:
        srv.queue(*[Reply(content="I would suggest a residual cell with two 3x3 convolutions. " * 30)] * 10)
        out = tmp_path / "out"
        code = main(["nas", str(EXAMPLES / "flnas_nb201.yaml"), "--budget", "30", "--out", str(out),
                     "--agent", openai_agent(srv.url)])
        requests = len(srv.requests)
    finally:
        srv.stop()
    captured = capsys.readouterr()
    warnings = [line for line in captured.err.splitlines() if line.startswith("h2h: warning:")]
    assert code == 0 and requests == MAX_FAILED_IN_A_ROW
    assert len(warnings) == MAX_FAILED_IN_A_ROW + 1 and len(set(warnings)) == len(warnings)
    assert "stops asking" in warnings[-1]
    agent = json.loads((out / "result.json").read_text())["agent"]
    assert agent == {"requests": 3, "failed_requests": 3, "designs_proposed": 0, "designs_used": 0}
    assert "0 of the 30 evaluated designs came from it" in captured.out


def test_a_good_model_is_counted_in_result_json(tmp_path, capsys):
    cells = [dict(zip(EDGES, NB201_CELL)), dict(zip(EDGES, ["none", "none", "none", "nor_conv_3x3", "none", "none"]))]
    srv = ChatServer(lifetime_s=60).start()
    try:
        srv.queue(Reply(content=json.dumps({"candidates": cells})), *[Reply(content="no idea")] * 5)
        out = tmp_path / "out"
        code = main(["nas", str(EXAMPLES / "flnas_nb201.yaml"), "--budget", "4", "--out", str(out),
                     "--agent", openai_agent(srv.url)])
    finally:
        srv.stop()
    agent = json.loads((out / "result.json").read_text())["agent"]
    assert code == 0
    assert agent == {"requests": 1, "failed_requests": 0, "designs_proposed": 2, "designs_used": 2}
    assert "2 of the 4 evaluated designs came from it" in capsys.readouterr().out


def test_clip_never_cuts_inside_a_number():
    text = "the agent proposed 19 valid designs (19 distinct) of 20: got 9.125 and 7.5 " * 8
    short = clip(text, 60)
    assert short.endswith(" ...") and len(short) <= 64
    kept = short[:-4]
    assert text.startswith(kept) and text[len(kept)] in " ,;:("   # ends where a word ends
