"""Periodic scenarios: XRBench's .m files and the YAML form, and their errors."""
from pathlib import Path

import pytest

from workloads.errors import WorkloadError
from workloads.scenario import PeriodicModel, Scenario, load_scenario

XR = Path(__file__).resolve().parents[1] / "examples" / "workloads" / "xrbench"
EXAMPLES = XR.parent

# from the XRBench paper's Table 2 / its usage_scenarios/*.m files: (model, fps, parent, probability)
EXPECTED = {
    "VR_gaming": [("ES_RITNet", 60, None, 1.0), ("GE_FBNet_C", 60, "ES_RITNet", 1.0),
                  ("HT_hand_graph_cnn_half", 45, None, 1.0)],
    "outdoor_activity_A": [("KD_res8_narrow", 3, None, 1.0), ("ASR_EM_24L", 3, "KD_res8_narrow", 0.2),
                           ("SS_HRViT_b1", 10, None, 1.0), ("OD_D2go_FasterRCNN", 30, None, 1.0)],
    "social_interactionB": [("ES_RITNet", 60, None, 1.0), ("GE_FBNet_C", 60, "ES_RITNet", 1.0),
                            ("AS_ED_TCN", 30, None, 1.0)],
}


def test_all_seven_xrbench_scenarios_import():
    names = sorted(p.stem for p in XR.glob("*.m"))
    assert names == ["AR_Assistant", "AR_gaming", "VR_gaming", "outdoor_activity_A", "outdoor_activity_B",
                     "social_interactionA", "social_interactionB"]
    for stem, models in EXPECTED.items():
        sc = load_scenario(XR / f"{stem}.m")
        assert sc.name == stem and sc.duration_ms == 700
        assert [(m.name, m.fps, m.parent, m.probability) for m in sc.models] == models
    vr = load_scenario(XR / "VR_gaming.m")
    # layer counts of the files (MAC layers; the importer adds zero-MAC resize nodes between them)
    assert [sum(1 for x in m.workload.layers if x.macs) for m in vr.models] == [42, 63, 224]
    assert vr.deterministic and not load_scenario(XR / "outdoor_activity_A.m").deterministic
    assert vr.model("HT_hand_graph_cnn_half").period_ms == 22  # 1000 // 45, XRBench's integer ms


def test_filters_larger_than_the_input_are_padded_and_remembered():
    vr = load_scenario(XR / "VR_gaming.m")
    padded = [x for x in vr.model("GE_FBNet_C").workload.layers if dict(x.attrs).get("maestro_unpadded_input")]
    # conv51, conv54, conv57: K = C = 1104, Y = 5, X = 4, R = S = 5 in the file
    assert [x.name for x in padded] == ["conv51", "conv54", "conv57"]
    assert all(x.kernel == (5, 5) and (x.in_h, x.in_w) == (5, 4) and x.padding == (0, 0, 0, 1) for x in padded)
    assert dict(padded[0].attrs)["maestro_unpadded_input"] == "5x4"


@pytest.mark.filterwarnings("ignore::workloads.errors.H2HWarning")  # tiny_cnn.m joins a resize
def test_yaml_scenario(tmp_path):
    sc = load_scenario(EXAMPLES / "periodic_camera.yaml")
    assert [(m.name, m.fps, m.parent, m.probability) for m in sc.models] == [
        ("detect", 30, None, 1.0), ("classify", 30, "detect", 0.3), ("track", 90, None, 1.0)]
    assert sc.model("track").workload.name and sc.model("detect").period_ms == 33


@pytest.mark.parametrize("text, match", [
    ("models: []", "non-empty list"),
    ("models: [{name: a, workload: resnet18}]", "missing key"),
    ("models: [{name: a, workload: resnet18, fps: 0}]", "fps must be an integer"),
    ("models: [{name: a, workload: resnet18, fps: 30, probability: 2}]", "probability"),
    ("models: [{name: a, workload: resnet18, fps: 30, parent: b}]", "parent 'b'"),
    ("models: [{name: a, workload: resnet18, fps: 30}, {name: b, workload: resnet18, fps: 60, parent: a}]",
     "parent's fps"),
    ("models: [{name: a, workload: resnet18, fps: 30}, {name: a, workload: resnet18, fps: 30}]", "duplicate"),
    ("models: [{name: a, workload: nosuchmodel, fps: 30}]", "nosuchmodel"),
    ("models: [{name: a, workload: resnet18, fps: 30, colour: red}]", "unknown key"),
    ("models: [{name: a, workload: resnet18, fps: 30}]\nseed: -1", "seed"),
    ("models: [{name: a, workload: resnet18, fps: 30}]\nmodels: []", "duplicate"),
])
def test_bad_yaml_scenarios_name_file_and_item(tmp_path, text, match):
    p = tmp_path / "s.yaml"
    p.write_text(text)
    with pytest.raises(WorkloadError, match=match) as e:
        load_scenario(p)
    assert str(p) in str(e.value)


@pytest.mark.parametrize("text, match", [
    ("Network A {\nFPS: 2.5\nLayer c { Type: CONV Dimensions { K: 1, C: 1, R: 1, S: 1, Y: 4, X: 4 } }\n}", "FPS"),
    ("Network A {\nLayer c { Type: CONV Dimensions { K: 1, C: 1, R: 1, S: 1, Y: 4, X: 4 } }\n}", "missing 'FPS"),
    ("Network A {\nFPS: 10\nProbability: 1.5\nLayer c { Type: CONV Dimensions { K: 1, C: 1, R: 1, S: 1, Y: 4, X: 4 } }\n}",
     "probability"),
    ("Network A {\nFPS: 10\nDependency: { B }\nLayer c { Type: CONV Dimensions { K: 1, C: 1, R: 1, S: 1, Y: 4, X: 4 } }\n}",
     "parent 'B'"),
])
def test_bad_m_scenarios(tmp_path, text, match):
    p = tmp_path / "s.m"
    p.write_text(text)
    with pytest.raises(WorkloadError, match=match):
        load_scenario(p)


def test_cycles_of_parents_are_refused():
    w = load_scenario(XR / "social_interactionB.m").models[0].workload
    with pytest.raises(WorkloadError, match="cycle"):
        Scenario("c", (PeriodicModel("a", w, 30, "b"), PeriodicModel("b", w, 30, "a")))
