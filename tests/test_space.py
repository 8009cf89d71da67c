"""The shared search Space: variables, pymoo conversion, agent description, budgets, decoders."""
import random
from pathlib import Path

import numpy as np
import pytest

from h2h.config import Section
from h2h.errors import ConfigError
from h2h.space import AreaModel, CandidateError, Space
from h2h.space.arch import nb201_arch_string, nb201_candidate

REPO = Path(__file__).resolve().parents[1]
SYSTEM = REPO / "examples" / "systems" / "hetero4_mid.yaml"
ALL_3x3 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"

HW = {"num_accelerators": {"low": 1, "high": 3}, "dataflow": ["kcp_ws", "yxp_os"],
      "pe_count": [64, 256, 1024], "l1_bytes": [256, 512], "l2_bytes": 1048576,
      "bandwidth_gbps": {"low": 4.0, "high": 32.0},
      "budgets": {"area_mm2": 20.0, "total_pes": 1500}}


def nb201_hw_space() -> Space:
    return Space.from_config({"architecture": {"family": "nb201"}, "hardware": HW})


def mbv2_space() -> Space:
    return Space.from_config({
        "architecture": {"family": "mbv2", "resolution": [32, 48], "num_classes": 4, "stem_width": 8,
                         "head_width": 64,
                         "stages": [{"depth": [1, 2], "expansion": [1, 3, 6], "kernel": [3, 5],
                                     "width": 16, "stride": 1},
                                    {"depth": {"low": 1, "high": 3}, "expansion": 6, "kernel": [3, 5],
                                     "width": [24, 32], "stride": 2}]},
        "hardware": {"system": str(SYSTEM)}})


# ---- variables and descriptions ----------------------------------------------------------------
def test_nb201_space_has_six_edges_of_five_ops():
    space = Space.from_config({"architecture": {"family": "nb201"}, "hardware": {"system": str(SYSTEM)}})
    assert space.names == ["edge_0_1", "edge_0_2", "edge_1_2", "edge_0_3", "edge_1_3", "edge_2_3"]
    for v in space.variables:
        assert v.type == "choice" and v.role == "nb201_op"
        assert v.options == ("none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3")
    assert nb201_arch_string(nb201_candidate(ALL_3x3)) == ALL_3x3


def test_description_is_a_valid_agent_task_with_active_if_and_constraints():
    from llm_agents import Task

    space = nb201_hw_space()
    desc = space.describe()
    by_name = {v["name"]: v for v in desc["variables"]}
    assert by_name["num_accelerators"] == {"name": "num_accelerators", "type": "int", "low": 1, "high": 3,
                                           "role": "num_accelerators",
                                           "description": "number of accelerators in the system"}
    assert "active_if" not in by_name["acc0_pe_count"]
    assert by_name["acc1_pe_count"]["active_if"] == {"var": "num_accelerators", "ge": 2}
    assert by_name["acc2_dataflow"]["active_if"] == {"var": "num_accelerators", "ge": 3}
    assert by_name["bandwidth_gbps"]["type"] == "real"
    assert "acc0_l2_bytes" not in by_name  # fixed values are not variables
    assert {c["name"] for c in desc["constraints"]} == {"area_mm2", "total_pes"}
    task = Task(space=desc, objectives=[{"name": "latency_s", "direction": "min"}], template="flnas")
    assert task.space.names == space.names


def test_area_model_and_budget_constraints_by_hand():
    space = nb201_hw_space()
    cand = space.canonical({**nb201_candidate(ALL_3x3), "num_accelerators": 2,
                            "acc0_dataflow": "kcp_ws", "acc0_pe_count": 1024, "acc0_l1_bytes": 256,
                            "acc1_dataflow": "yxp_os", "acc1_pe_count": 256, "acc1_l1_bytes": 512,
                            "bandwidth_gbps": 8.0})
    # MAESTRO DSE 28 nm: MAC 4470.9014 um^2, L1 4505.1889 um^2 per 64 B, L2 4161.536 um^2 per 32 KiB
    acc0 = 1024 * (4470.9014 + 4505.1889 / 64 * 256) + 4161.536 / 32768 * 1048576
    acc1 = 256 * (4470.9014 + 4505.1889 / 64 * 512) + 4161.536 / 32768 * 1048576
    assert space.area_mm2(cand) == pytest.approx((acc0 + acc1) / 1e6)
    assert (acc0 + acc1) / 1e6 == pytest.approx(23.164 + 10.504, abs=1e-3)  # over the 20 mm^2 budget
    v = space.violations(cand)
    assert v["area_mm2"] == pytest.approx((acc0 + acc1) / 1e6 - 20.0)
    assert v["total_pes"] == pytest.approx(1280 - 1500 if 1280 > 1500 else 0.0)
    assert space.constraint_violation(cand) == pytest.approx(((acc0 + acc1) / 1e6 - 20.0) / 20.0)
    # the decoded system carries exactly these accelerators, and the area model agrees with it
    system = space.hardware.system(cand)
    assert [(a.dataflow, a.num_pes, a.l1_bytes) for a in system.accelerators] == [
        ("kcp_ws", 1024, 256), ("yxp_os", 256, 512)]
    assert AreaModel().system_mm2(system) == pytest.approx(space.area_mm2(cand))
    assert system.links[0].bandwidth_gbps == 8.0


def test_inactive_variables_do_not_make_a_new_design():
    space = nb201_hw_space()
    base = {**nb201_candidate(ALL_3x3), "num_accelerators": 1, "acc0_dataflow": "kcp_ws",
            "acc0_pe_count": 64, "acc0_l1_bytes": 256, "bandwidth_gbps": 8.0}
    a = space.canonical(base)
    b = space.canonical({**base, "acc2_pe_count": 1024, "acc1_dataflow": "yxp_os"})
    assert a == b and space.key(a) == space.key(b)
    c = space.canonical({**base, "num_accelerators": 2, "acc1_dataflow": "yxp_os", "acc1_pe_count": 64,
                         "acc1_l1_bytes": 256})
    assert space.key(c) != space.key(a)


def test_bad_candidates_are_refused_with_reasons():
    space = nb201_hw_space()
    cand, reasons = space.validate({**nb201_candidate(ALL_3x3), "edge_0_1": "conv_7x7", "bogus": 1})
    assert cand is None
    assert any("bogus" in r for r in reasons) and any("conv_7x7" in r for r in reasons)
    with pytest.raises(CandidateError, match="missing variable"):
        space.canonical({"edge_0_1": "none"})


def test_feasible_sampling_respects_budgets():
    space = nb201_hw_space()
    rng = random.Random(1)
    for _ in range(30):
        c = space.sample(rng)
        assert space.constraint_violation(c) == 0
        assert space.area_mm2(c) <= 20.0 + 1e-9


# ---- pymoo -------------------------------------------------------------------------------------
def test_pymoo_variables_and_round_trip():
    from pymoo.core.variable import Choice, Integer, Real

    space = nb201_hw_space()
    pv = space.pymoo_variables()
    assert isinstance(pv["edge_0_1"], Choice) and list(pv["edge_0_1"].options)[3] == "nor_conv_3x3"
    assert isinstance(pv["num_accelerators"], Integer) and tuple(pv["num_accelerators"].bounds) == (1, 3)
    assert isinstance(pv["bandwidth_gbps"], Real) and tuple(pv["bandwidth_gbps"].bounds) == (4.0, 32.0)
    rng = random.Random(0)
    for _ in range(20):
        c = space.sample(rng)
        assert space.from_pymoo(space.to_pymoo(c)) == c


def test_integer_steps_become_pymoo_indices():
    from pymoo.core.variable import Integer

    space = Space.from_config({"architecture": {"family": "nb201"},
                               "hardware": {"pe_count": {"low": 64, "high": 512, "step": 64},
                                            "dataflow": "kcp_ws"}})
    v = space.pymoo_variables()["acc0_pe_count"]
    assert isinstance(v, Integer) and tuple(v.bounds) == (0, 7)  # 64, 128, ..., 512
    c = space.sample(random.Random(4))
    x = space.to_pymoo(c)
    assert x["acc0_pe_count"] == (c["acc0_pe_count"] - 64) // 64
    assert space.from_pymoo({**x, "acc0_pe_count": np.int64(7)})["acc0_pe_count"] == 512


def test_pymoo_mixed_sampling_gives_valid_candidates():
    from pymoo.core.mixed import MixedVariableSampling
    from pymoo.core.problem import Problem

    space = mbv2_space()
    problem = Problem(vars=space.pymoo_variables(), n_obj=1)
    pop = MixedVariableSampling()(problem, 25, random_state=np.random.default_rng(0))
    for x in pop.get("X"):
        cand = space.from_pymoo(x)
        assert space.validate(cand)[0] == cand


# ---- decoders ----------------------------------------------------------------------------------
def test_nb201_decoder_matches_the_layer_facts(shared_dir):
    """Layer facts of ../shared/data/README_nb201.md, computed by hand for an all-3x3 cell."""
    assert "9·C²·H·W" in (shared_dir / "data" / "README_nb201.md").read_text()
    space = Space.from_config({"architecture": {"family": "nb201", "dataset": "cifar10"},
                               "hardware": {"system": str(SYSTEM)}})
    workload, system, mapper = space.decode(space.canonical(nb201_candidate(ALL_3x3)))
    assert mapper == "h2h" and system.name == "hetero4_mid"
    convs = [layer for layer in workload.layers if layer.op.value == "conv2d"]
    cell_3x3 = [c for c in convs if c.kernel == (3, 3) and c.stride == (1, 1)
                and c.in_channels == c.out_channels and c.in_channels in (16, 32, 64)
                and (c.in_channels, c.in_h) in ((16, 32), (32, 16), (64, 8))]
    # 15 cells x 6 edges, plus the second conv of each reduction block (32@16x16 and 64@8x8)
    assert len(cell_3x3) == 90 + 2
    assert all(c.macs == 2_359_296 for c in cell_3x3)  # 9*C^2*H*W, the same in every stage
    stem = 3 * 16 * 9 * 32 * 32
    reductions = sum(cin * cout * 9 * hw * hw + cout * cout * 9 * hw * hw + cin * cout * hw * hw
                     for cin, cout, hw in ((16, 32, 16), (32, 64, 8)))
    assert workload.total_macs == stem + 90 * 2_359_296 + reductions + 64 * 10
    assert len([c for c in convs if c.kernel == (1, 1)]) == 2  # the two shortcut 1x1 convs
    assert space.arch_spec(space.canonical(nb201_candidate(ALL_3x3))) == {
        "family": "nb201", "arch": ALL_3x3, "dataset": "cifar10"}


def test_nb201_1x1_edges_and_imagenet16_sizes():
    space = Space.from_config({"architecture": {"family": "nb201", "dataset": "ImageNet16-120"},
                               "hardware": {"system": str(SYSTEM)}})
    arch = "|nor_conv_1x1~0|+|none~0|nor_conv_1x1~1|+|none~0|none~1|nor_conv_1x1~2|"
    workload, _, _ = space.decode(space.canonical(nb201_candidate(arch)))
    cell_1x1 = [c for c in workload.layers if c.op.value == "conv2d" and c.kernel == (1, 1)
                and c.in_channels == c.out_channels]
    assert len(cell_1x1) == 45  # 15 cells x 3 live 1x1 edges
    # C^2*H*W with H halved for ImageNet16: 16^2*16^2, 32^2*8^2, 64^2*4^2 are all 65,536
    assert {c.macs for c in cell_1x1} == {65_536}
    assert workload.layers[-1].n == 120


def test_mbv2_decoder_builds_the_spec_it_prices():
    space = mbv2_space()
    assert {v.role for v in space.variables} == {"resolution", "depth", "expansion", "kernel", "width"}
    cand = space.canonical({"resolution": 48, "stage0_depth": 2, "stage0_expansion": 3, "stage0_kernel": 5,
                            "stage1_depth": 3, "stage1_kernel": 3, "stage1_width": 32})
    spec = space.arch_spec(cand)
    assert spec == {"family": "mbv2", "resolution": 48, "in_channels": 3, "num_classes": 4, "stem_width": 8,
                    "stages": [{"depth": 2, "expansion": 3, "kernel": 5, "width": 16, "stride": 1},
                               {"depth": 3, "expansion": 6, "kernel": 3, "width": 32, "stride": 2}],
                    "head_width": 64}
    workload, _, _ = space.decode(cand)
    dws = [layer for layer in workload.layers if layer.op.value == "dwconv"]
    assert [d.kernel for d in dws] == [(5, 5)] * 2 + [(3, 3)] * 3
    assert dws[2].stride == (2, 2) and dws[0].in_h == 48


def test_mmmt_backbone_choices():
    space = Space.from_config({"architecture": {"family": "mmmt", "resolution": 64,
                                                "backbones": {"rgb": ["resnet18", "mobilenetv2"],
                                                              "depth": "resnet18"}},
                               "hardware": {"system": str(SYSTEM)}})
    assert space.names == ["backbone_rgb"]
    assert space.variable("backbone_rgb").role == "backbone"
    a, _, _ = space.decode(space.canonical({"backbone_rgb": "mobilenetv2"}))
    b, _, _ = space.decode(space.canonical({"backbone_rgb": "resnet18"}))
    assert a.is_mmmt and a.name == "casia_surf[rgb=mobilenetv2,depth=resnet18]"
    assert b.name == "casia_surf[rgb=resnet18,depth=resnet18]" and a.total_macs != b.total_macs
    assert space.arch_spec(space.canonical({"backbone_rgb": "resnet18"}))["backbones"] == {
        "rgb": "resnet18", "depth": "resnet18"}


# ---- config errors -----------------------------------------------------------------------------
@pytest.mark.parametrize("section, match", [
    ({"architecture": {"family": "nb201", "opz": []}, "hardware": {"system": str(SYSTEM)}},
     "space.architecture.opz: unknown key"),
    ({"architecture": {"family": "nb201", "ops": ["none", "conv_7x7"]}, "hardware": {"system": str(SYSTEM)}},
     "unknown option 'conv_7x7'"),
    ({"architecture": {"family": "resnet"}, "hardware": {"system": str(SYSTEM)}}, "unknown option 'resnet'"),
    ({"architecture": {"family": "nb201"}, "hardware": {"system": "nowhere.yaml"}}, "no such file"),
    ({"architecture": {"family": "nb201"}, "hardware": {"pe_count": 64, "dataflow": ["kcp_ws", "zzz"]}},
     "space.hardware.dataflow: 'zzz': unknown dataflow"),
    ({"architecture": {"family": "nb201"}, "hardware": {"pe_count": [64, -1], "dataflow": "kcp_ws"}},
     "space.hardware.pe_count"),
    ({"architecture": {"family": "nb201"}, "hardware": {"pe_count": 64, "dataflow": "kcp_ws",
                                                        "budgets": {"area_m2": 3}}},
     "space.hardware.budgets.area_m2: unknown key"),
    ({"architecture": {"family": "nb201"}, "hardware": {"system": str(SYSTEM)}, "mapper": 3},
     "space.mapper"),
])
def test_config_errors_name_the_key(section, match):
    with pytest.raises(ConfigError, match=match):
        Space.from_config(Section(section, file="run.yaml", item="space"))


def test_config_errors_carry_file_and_line(tmp_path):
    from h2h.config import load_config

    cfg = tmp_path / "run.yaml"
    cfg.write_text(f"space:\n  architecture:\n    family: nb201\n    dataset: cifar11\n"
                   f"  hardware: {{system: {SYSTEM}}}\n")
    with pytest.raises(ConfigError) as e:
        Space.from_config(load_config(cfg).section("space"))
    assert str(e.value).startswith(f"{cfg}:4: space.architecture.dataset: unknown option 'cifar11'")
    assert "\n" not in str(e.value)
