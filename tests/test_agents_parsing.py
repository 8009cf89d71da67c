"""Tolerant extraction of designs from reply text."""
from __future__ import annotations

import json

from llm_agents import extract_candidates

A, B = {"x": 1, "y": "ws"}, {"x": 2, "y": "os"}


def test_plain_list_and_container_keys():
    assert extract_candidates(json.dumps([A, B]))[0] == [A, B]
    for key in ("candidates", "designs", "proposals", "architectures"):
        assert extract_candidates(json.dumps({key: [A, B]}))[0] == [A, B]
    assert extract_candidates(json.dumps(A))[0] == [A]


def test_commentary_is_dropped():
    text = json.dumps({"candidates": [{**A, "rationale": "more PEs"}, {"design": B, "why": "smaller"}]})
    assert extract_candidates(text) == ([A, B], [])


def test_fences_and_prose():
    fenced = f"Sure.\n```json\n{json.dumps({'candidates': [A]})}\n```\nand\n```\n{json.dumps([B])}\n```"
    assert extract_candidates(fenced)[0] == [A, B]
    prose = f"My picks (see [1]): {json.dumps({'candidates': [A, B]})}. Hope that helps {{"
    designs, notes = extract_candidates(prose)
    assert designs == [A, B] and any("not objects" in n for n in notes)


def test_truncated_reply_keeps_complete_objects():
    text = json.dumps({"candidates": [A, B, {"x": 3, "y": "rs"}]})
    cut = text[: text.rindex('"rs"')]
    designs, notes = extract_candidates(cut)
    assert designs == [A, B] and any("truncated" in n for n in notes)
    fenced_cut = "```json\n" + cut  # the closing fence never came either
    assert extract_candidates(fenced_cut)[0] == [A, B]


def test_nothing_usable():
    assert extract_candidates("") == ([], ["the reply was empty"])
    assert extract_candidates(None) == ([], ["the reply was empty"])
    assert extract_candidates("I cannot help with that.")[1] == ["no JSON object found in the reply"]
    assert extract_candidates("{'x': 1}")[0] == []  # Python literals are not JSON and are not evaluated


def test_long_reply_is_clipped():
    text = json.dumps({"candidates": [A] + [B] * 100_000})
    designs, notes = extract_candidates(text, max_chars=10_000)
    assert designs[0] == A and 100 < len(designs) < 1000
    assert any("only the first 10000" in n for n in notes)
