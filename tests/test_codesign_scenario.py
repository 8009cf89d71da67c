"""Co-design for a real-time scenario: hardware searched for XRBench's score (h2h.realtime)."""
import json
from pathlib import Path

import pytest

import h2h
from h2h.space import Space
from h2h.space.pipeline import CandidateEvaluator

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "codesign_ar_gaming.yaml"


def _space(tmp_path, hardware: str, arch_extra: str = "") -> Space:
    from h2h.config import load_config

    cfg = tmp_path / "space.yaml"
    scenario = REPO / "examples" / "workloads" / "xrbench" / "social_interactionB.m"
    cfg.write_text(f"architecture: {{scenario: {scenario}, policy: xrbench, costs: xrbench{arch_extra}}}\n"
                   f"hardware: {hardware}\n")
    return Space.from_config(load_config(cfg))


def test_a_scenario_candidate_scores_what_h2h_realtime_scores(tmp_path):
    hw = ("{num_accelerators: {low: 1, high: 2}, dataflow: [kcp_ws, rs], pe_count: [2048, 4096], "
          "l1_bytes: [16384], l2_bytes: [8388608], bandwidth_gbps: [128.0], "
          "accelerator_defaults: {noc_bw: 256, offchip_bw: 128}}")
    space = _space(tmp_path, hw)
    pipe = CandidateEvaluator(space)
    assert "xrbench_score" in pipe.metrics
    cand = {"num_accelerators": 2, "acc0_dataflow": "kcp_ws", "acc0_pe_count": 4096,
            "acc1_dataflow": "rs", "acc1_pe_count": 4096}  # single-choice sizes are fixed
    ev = pipe(cand)
    assert not ev.error, ev.error
    _, system, _ = space.decode(ev.candidate)
    direct = h2h.realtime(REPO / "examples/workloads/xrbench/social_interactionB.m", system, "xrbench",
                          costs="xrbench")
    assert ev.metrics["xrbench_score"] == direct.overall_score
    assert 0 < ev.metrics["latency_s"] < 1 and ev.metrics["energy_j"] > 0


def test_codesign_run_on_a_scenario(tmp_path):
    out = tmp_path / "cd"
    result = h2h.codesign(EXAMPLE, budget=12, seed=1, out=out)
    assert [o.name for o in result.objectives] == ["xrbench_score", "energy_j", "area_mm2"]
    scored = [r for r in result.history if not r.error and r.constraint_violation <= 0]
    assert scored and all(0 <= r.metrics["xrbench_score"] <= 100 for r in scored)
    design = next((out / "designs").iterdir())
    data = json.loads((design / "design.json").read_text())
    assert data["score_reproduced"] and data["architecture"]["family"] == "scenario"
    rt = json.loads((design / "realtime.json").read_text())
    assert rt["overall_score"] == data["metrics"]["xrbench_score"] and rt["frames"]


def test_scenario_architecture_errors(tmp_path):
    from h2h.errors import H2HError

    with pytest.raises(H2HError, match="policy"):
        _space(tmp_path, "{system: hetero4_mid}", ", policy: fifo")
    with pytest.raises(H2HError, match="evaluator"):
        CandidateEvaluator(_space(tmp_path, "{num_accelerators: 1, dataflow: [kcp_ws, rs], pe_count: 4096, "
                                             "accelerator_defaults: {noc_bw: 256}}"), evaluator=object())
