"""System YAML: the examples load, round-trip, and bad files give one-line errors naming the item."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import yaml

from h2h.errors import SystemError_
from h2h.system import System, load_system
from workloads.errors import H2HError

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((REPO / "examples" / "systems").glob("*.yaml"))

MINIMAL = """
name: tiny
accelerators:
  - {name: a0, dataflow: kcp_ws, num_pes: 64}
  - {name: a1, dataflow: rs, num_pes: 168}
interconnect: {kind: bus, bandwidth_gbps: 2, latency_ns: 100}
"""


def write(tmp_path, text, name="sys.yaml"):
    p = tmp_path / name
    p.write_text(text)
    return p


def test_the_required_examples_exist():
    names = {p.stem for p in EXAMPLES}
    assert {"hetero4_low", "hetero4_mid", "hetero4_high", "homo4_mid", "eyeriss_like"} <= names


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_load_and_round_trip(path, tmp_path):
    s = load_system(path)
    assert s.accelerators and all(a.name for a in s.accelerators)
    again = System.from_dict(s.to_dict())
    assert again == s
    s.save(tmp_path / "copy.yaml")
    assert load_system(tmp_path / "copy.yaml") == s
    g = s.graph
    assert all(n in g for n in s.nodes)
    assert nx.is_connected(g)


def test_hetero4_family_differs_only_in_interconnect():
    low, mid, high = (load_system(REPO / f"examples/systems/hetero4_{b}.yaml") for b in ("low", "mid", "high"))
    assert low.accelerators == mid.accelerators == high.accelerators
    assert {a.dataflow for a in mid.accelerators} == {"kcp_ws", "yxp_os", "rs"}
    bws = [s.interconnect.bandwidth_gbps for s in (low, mid, high)]
    assert bws == sorted(bws) and len(set(bws)) == 3


def test_eyeriss_like_is_one_168_pe_row_stationary_accelerator():
    s = load_system(REPO / "examples/systems/eyeriss_like.yaml")
    (acc,) = s.accelerators
    assert (acc.num_pes, acc.dataflow) == (168, "rs")


def test_minimal_defaults_and_units(tmp_path):
    s = load_system(write(tmp_path, MINIMAL))
    assert s.host.name == "host" and s.accelerator_names == ["a0", "a1"]
    (bus,) = s.links
    assert bus.latency_s == pytest.approx(1e-7) and bus.pj_per_byte == s.technology.pj_per_link_byte
    assert [k.name for k in s.route("a0", "a1")] == ["bus"] and s.route("a0", "a0") == ()


def test_crossbar_has_a_link_per_pair(tmp_path):
    s = load_system(write(tmp_path, MINIMAL.replace("kind: bus", "kind: crossbar")))
    assert len(s.links) == 3  # host-a0, host-a1, a0-a1
    assert [k.name for k in s.route("host", "a1")] == ["host<->a1"]


@pytest.mark.parametrize("text, match", [
    ("name: x\n", "accelerators"),
    (MINIMAL.replace("kind: bus", "kind: mesh"), "kind"),
    (MINIMAL + "colour: red\n", "unknown top-level key"),
    (MINIMAL.replace("num_pes: 64}", "num_pes: 64, pes: 3}"), "accelerator 'a0'.*unknown key"),
    (MINIMAL.replace("num_pes: 64}", "num_pes: -4}"), "accelerator 'a0'.*num_pes"),
    (MINIMAL.replace("name: a1", "name: a0"), "duplicate"),
    (MINIMAL.replace("name: a1", "name: host"), "host"),
    (MINIMAL.replace("dataflow: rs", "dataflow: nosuch"), "accelerator 'a1'.*dataflow"),
    (MINIMAL.replace("bandwidth_gbps: 2", "bandwidth_gbps: 0"), "bandwidth_gbps"),
    (MINIMAL.replace("latency_ns: 100", "latency_ns: 100, latency_s: 1"), "not both"),
    (MINIMAL.replace("{kind: bus, bandwidth_gbps: 2, latency_ns: 100}",
                     "{kind: links, links: [{between: [host, a0], bandwidth_gbps: 1}]}"),
     "no path between"),
    (MINIMAL.replace("{kind: bus, bandwidth_gbps: 2, latency_ns: 100}",
                     "{kind: links, links: [{between: [host, gpu], bandwidth_gbps: 1}]}"),
     "links\\[0\\].*unknown node 'gpu'"),
    (MINIMAL.replace("{kind: bus, bandwidth_gbps: 2, latency_ns: 100}",
                     "{kind: links, links: [{between: [host, a0], bandwidth_gbps: 1}, "
                     "{between: [a0, host], bandwidth_gbps: 1}, {between: [a0, a1], bandwidth_gbps: 1}]}"),
     "second link"),
    ("accelerators: [\n", "malformed YAML"),
])
def test_bad_systems_are_one_line_errors_naming_the_file(tmp_path, text, match):
    p = write(tmp_path, text)
    with pytest.raises(SystemError_, match=match) as info:
        load_system(p)
    msg = str(info.value)
    assert "\n" not in msg and str(p) in msg


def test_missing_file_is_an_error(tmp_path):
    with pytest.raises(H2HError, match="no such system file"):
        load_system(tmp_path / "nope.yaml")


def test_dataflow_file_is_resolved_next_to_the_system(tmp_path):
    (tmp_path / "mine.m").write_text("Dataflow mine {\n SpatialMap(1,1) K;\n TemporalMap(1,1) C;\n"
                                     " TemporalMap(Sz(R),1) Y;\n TemporalMap(Sz(S),1) X;\n"
                                     " TemporalMap(Sz(R),Sz(R)) R;\n TemporalMap(Sz(S),Sz(S)) S;\n}\n")
    s = load_system(write(tmp_path, MINIMAL.replace("dataflow: rs", "dataflow: mine.m")))
    assert Path(s.accelerator("a1").dataflow) == tmp_path / "mine.m"


def test_h2h_load_system_is_the_public_entry_point():
    import h2h

    s = h2h.load_system(REPO / "examples/systems/hetero4_mid.yaml")
    assert [a.name for a in s.accelerators][0] == "nvdla_large"


def test_programmatic_links_must_join_known_nodes():
    from costmodels.accelerator import AcceleratorSpec
    from h2h.system import Interconnect, Link

    accs = [AcceleratorSpec("a0", "kcp_ws", 64)]
    with pytest.raises(SystemError_, match="unknown node"):
        System("x", accs, Interconnect("links", (Link("l", ("host", "gpu"), 1.0, 0.0, 1.0),)))


# ---- built-in systems: examples/systems/ by name -------------------------------------------------
def test_builtin_systems_load_by_name_and_equal_their_files():
    from h2h.system import system_names

    names = system_names()
    examples = Path(__file__).resolve().parents[1] / "examples" / "systems"
    assert names == sorted(p.stem for p in examples.glob("*.yaml"))
    assert {"hetero4_low", "hetero4_mid", "hetero4_high", "eyeriss_like"} <= set(names)
    for name in names:
        assert load_system(name) == load_system(examples / f"{name}.yaml")


def test_a_file_wins_over_a_builtin_name_and_unknown_names_list_the_builtins(tmp_path, monkeypatch):
    from h2h.system import system_names

    monkeypatch.chdir(tmp_path)
    mine = load_system("hetero4_mid").to_dict()
    mine["name"] = "mine"
    (tmp_path / "hetero4_mid").write_text(yaml.safe_dump(mine))
    assert load_system("hetero4_mid").name == "mine"          # a path that exists is a path
    with pytest.raises(H2HError) as info:
        load_system("hetero4_medium")
    assert str(info.value) == ("hetero4_medium: no such system file "
                               f"(built-in systems: {', '.join(system_names())})")
    with pytest.raises(H2HError, match="no such system file"):
        load_system("hetero4_mid.yaml")                       # a file name is never a built-in name
