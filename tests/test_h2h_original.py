"""The H2H authors' setting: the FPGA'15 cost model, their conventions, their example and numbers."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import h2h
from costmodels.cost_table import CostTable
from costmodels.errors import CostModelError
from h2h.errors import SystemError_
from h2h.system import System
from h2h_original_numbers import BANDWIDTHS_GBPS, SYSTEMS, THEIRS, system_dict
from workloads import Layer, Workload

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples/workloads/h2h_original_example.yaml"


def original_system(name: str, bandwidth_gbps: float = 1.25, conventions: str = "h2h_code") -> System:
    path = REPO / f"examples/systems/h2h_original_{name}.yaml"
    return System.from_dict(system_dict(yaml.safe_load(path.read_text()), bandwidth_gbps, conventions),
                            file=str(path))


def conv(name: str, cin: int, cout: int, hw: int, stride: int = 1) -> Layer:
    return Layer(name, "conv2d", model=name[:2], in_channels=cin, out_channels=cout, in_h=hw, in_w=hw,
                 kernel=3, stride=stride, padding=1, elem_bytes=4)


# ---- the FPGA'15 cost model -------------------------------------------------------------------------

def test_fpga15_layer_latency_matches_the_authors_code_and_the_formula_by_hand():
    w = Workload("two", [conv("M1L1", 3, 64, 112), conv("M1L2", 128, 256, 28, stride=2)], [])
    ct = CostTable(w, original_system("2het"))
    # their cnn_acc_1.getLayerPerf(False, False, False) for (M, N, R, C, K) = (64, 3, 112, 112, 3)
    # and (256, 128, 14, 14, 3), run with their code: 0.0026030022863924047 and 0.00782241253164557 s;
    # the Tm = 32, 30.81 GOP/s one on the second: 0.01477058506329114 s
    assert ct.compute_latency_s[0, 0] == pytest.approx(0.0026030022863924047, rel=1e-12)
    assert ct.compute_latency_s[1, 0] == pytest.approx(0.00782241253164557, rel=1e-12)
    assert ct.compute_latency_s[1, 1] == pytest.approx(0.01477058506329114, rel=1e-12)
    # by hand, the first: 9 x 9 x 1 output tiles, 1 input-channel step of 7
    port = 512 * 100e6
    step = (64 * 7 * 9 + 7 * 13 * 13) * 32 / port + 2 * 13 * 13 * 64 * 7 * 9 / 61.62e9
    tile = step + 64 * 13 * 13 * 32 / port
    assert ct.compute_latency_s[0, 0] == pytest.approx(81 * tile, rel=1e-12)
    # energy = busy power x latency, no per-access parts
    assert ct.compute_energy_j[0, 0] == pytest.approx(18.61 * ct.compute_latency_s[0, 0])
    assert ct.compute_energy_j[1, 1] == pytest.approx(9.3 * ct.compute_latency_s[1, 1])
    assert (ct.l1_energy_j == 0).all() and (ct.l2_energy_j == 0).all()


def test_fpga15_accelerator_yaml_errors_name_the_field():
    base = yaml.safe_load((REPO / "examples/systems/h2h_original_1acc.yaml").read_text())
    for key, value, words in (("tm", 0, "fpga15.tm"), ("tn", 2.5, "fpga15.tn"), ("bogus", 1, "bogus"),
                              ("power_w", -1.0, "fpga15.power_w")):
        bad = yaml.safe_load(yaml.safe_dump(base))
        bad["accelerators"][0]["fpga15"][key] = value
        with pytest.raises(SystemError_, match=words) as e:
            System.from_dict(bad, file="sys.yaml")
        assert "sys.yaml" in str(e.value) and "acc1" in str(e.value)
    bad = yaml.safe_load(yaml.safe_dump(base))
    bad["accelerators"][0]["cost_model"] = "timeloop"
    with pytest.raises(SystemError_, match="cost_model"):
        System.from_dict(bad, file="sys.yaml")
    bad["conventions"] = "serial"
    bad["accelerators"][0]["cost_model"] = "fpga15"
    with pytest.raises(SystemError_, match="conventions"):
        System.from_dict(bad, file="sys.yaml")


def test_fpga15_system_round_trips_through_its_dict():
    s = original_system("2het")
    again = System.from_dict(s.to_dict())
    assert again.accelerators == s.accelerators and again.conventions == "h2h_code"
    with pytest.raises(CostModelError, match="cost_model: fpga15"):
        type(s.accelerators[0])(name="x", dataflow="kcp_ws", num_pes=4, fpga15=s.accelerators[0].fpga15)


# ---- the conventions, by hand ---------------------------------------------------------------------

def test_h2h_code_conventions_time_a_chain_by_hand():
    """Two 3x3 convolutions: chained on one accelerator, the first writes nothing and the second
    reads nothing; on two accelerators, the first writes its output and the second reads 4x it."""
    w = Workload("chain", [conv("aa", 8, 16, 16), conv("ab", 16, 16, 16)], [("aa", "ab")])
    bw = 1.25
    s = original_system("2acc", bw)
    ct = CostTable(w, s)
    lat = ct.compute_latency_s[:, 0]
    t = lambda nbytes: nbytes / (bw * 1e9)            # noqa: E731  (seconds over the private link)
    wa, wb = 16 * 8 * 9 * 4, 16 * 16 * 9 * 4          # weight bytes
    x = 8 * 16 * 16 * 4 * 4                           # model input, read as a 2R x 2C plane
    y = 16 * 16 * 16 * 4                              # aa's output
    chained = h2h.evaluate(w, s, {"aa": "acc1", "ab": "acc1"})
    expect = t(wa + x) + lat[0] + t(wb) + lat[1] + t(y)      # ab writes the model output
    assert chained.latency_s == pytest.approx(expect, rel=1e-12)
    split = h2h.evaluate(w, s, {"aa": "acc1", "ab": "acc2"})
    expect_split = t(wa + x) + lat[0] + t(y) + t(wb + 4 * y) + lat[1] + t(y)
    assert split.latency_s == pytest.approx(expect_split, rel=1e-12)
    # energy = 18.61 W x busy time (the accelerators are busy the whole way, one after the other)
    assert split.energy_j == pytest.approx(18.61 * expect_split, rel=1e-12)
    # resident weights are not loaded; unchained conventions write and read even when consecutive
    res = h2h.evaluate(w, s, {"aa": "acc1", "ab": "acc1"}, resident=["aa", "ab"])
    assert res.latency_s == pytest.approx(expect - t(wa + wb), rel=1e-12)
    un = h2h.evaluate(w, original_system("2acc", bw, "h2h_code_unchained"), {"aa": "acc1", "ab": "acc1"})
    assert un.latency_s == pytest.approx(expect + t(y) + t(4 * y), rel=1e-12)


# ---- their example and their numbers ---------------------------------------------------------------

def test_example_workload_has_their_three_chains_with_the_slips_fixed():
    w = h2h.load_workload(EXAMPLE)
    assert len(w) == 44 and sorted(w.models) == ["M1", "M2", "M3"]
    assert [x.name for x in w.layers if x.model == "M1"] == [f"M1L{i}" for i in range(1, 21)]
    assert w.layer("M1L13").in_channels == 128


@pytest.mark.parametrize("name", SYSTEMS)
def test_compute_priority_joint_reproduces_their_step_1(name):
    w = h2h.load_workload(EXAMPLE)
    for bw in BANDWIDTHS_GBPS:
        r = h2h.map(w, original_system(name, bw, "h2h_code_unchained"), mapper="compute_priority", rule="joint")
        lat, energy = THEIRS[(name, bw)][:2]
        assert r.latency_s == pytest.approx(lat, rel=1e-4)
        assert r.energy_j == pytest.approx(energy, rel=1e-4)


def test_h2h_on_one_accelerator_beats_their_step_4():
    w = h2h.load_workload(EXAMPLE)
    for bw in BANDWIDTHS_GBPS:
        r = h2h.map(w, original_system("1acc", bw), mapper="h2h", effort="fast")
        assert r.latency_s <= THEIRS[("1acc", bw)][2] * 1.02
        # on one accelerator the best is known: all weights resident and each chain run back to
        # back, so only each chain's input and final output cross the link
        s = original_system("1acc", bw)
        ct = CostTable(w, s)
        q = 4 * 3 * 112 * 112 * 4 / (bw * 1e9)
        outs = (512 * 7 * 7 + 2 * 128 * 28 * 28) * 4 / (bw * 1e9)
        assert r.latency_s == pytest.approx(ct.compute_latency_s.sum() + 3 * q + outs, rel=1e-9)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["2acc", "2het"])
def test_h2h_default_is_at_most_2_percent_above_their_step_4(name):
    w = h2h.load_workload(EXAMPLE)
    for bw in BANDWIDTHS_GBPS:
        r = h2h.map(w, original_system(name, bw), mapper="h2h")
        assert r.latency_s <= THEIRS[(name, bw)][2] * 1.02


def test_joint_rule_is_checked():
    with pytest.raises(h2h.H2HError, match="rule"):
        h2h.map(h2h.load_workload(EXAMPLE), original_system("1acc"), mapper="compute_priority", rule="best")


def test_cpsat_refuses_the_serial_conventions():
    w = h2h.load_workload(EXAMPLE)
    with pytest.raises(h2h.MappingError, match="overlapped conventions"):
        h2h.map(w, original_system("1acc"), mapper="cpsat", time_limit_s=5)
