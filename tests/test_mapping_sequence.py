"""A mapping's ``sequence``: the whole processing order, which fixes the interleaving of the
accelerators' run orders and so the booking order on shared links (hand-computed on a bus)."""
from __future__ import annotations

import json

import pytest
from test_scheduler import approx, gemm, sched, system

from h2h.errors import MappingError
from h2h.mappers.base import read_mapping_file
from h2h.schedule import Mapping
from workloads import Workload

ASSIGN = {"x": "a0", "y": "a1"}


def two_models():
    """x (model m1) and y (model m2), independent, each loading 1.001 MB over the 1 GB/s bus."""
    return sched(Workload("two", [gemm("x", "m1"), gemm("y", "m2")], []), system("bus"), 1e-3)


def test_sequence_sets_the_booking_order_on_the_bus():
    s = two_models()
    default = s.evaluate(ASSIGN)
    assert default.schedule.transfers_of("x")[0].start_s == 0.0       # x first by default
    r = s.evaluate(Mapping(ASSIGN, sequence=["y", "x"]))
    lx, ly = r.schedule.transfers_of("x")[0], r.schedule.transfers_of("y")[0]
    assert (ly.start_s, lx.start_s) == (0.0, approx(1.001e-3))       # y's load now goes first
    assert r.schedule.interval("y").start_s == approx(1.001e-3)
    assert r.schedule.interval("x").start_s == approx(2.002e-3)
    assert r.latency_s == approx(default.latency_s)                   # symmetric case
    assert r.to_dict(schedule=False)["sequence"] == ["y", "x"]
    same = s.evaluate(Mapping(ASSIGN, sequence=["x", "y"]))
    assert same.latency_s == default.latency_s and same.schedule == default.schedule


def test_sequence_with_a_consistent_order_and_round_trips(tmp_path):
    s = two_models()
    m = Mapping(ASSIGN, order={"a0": ["x"], "a1": ["y"]}, resident=["x"], sequence=["y", "x"])
    assert Mapping.from_dict(json.loads(json.dumps(m.to_dict()))) == m
    r = s.evaluate(m)
    p = tmp_path / "saved.json"
    p.write_text(json.dumps(r.to_dict(schedule=False)))   # the shape `h2h map --json` prints
    back = read_mapping_file(p)
    assert back.sequence == ("y", "x") and s.evaluate(back).latency_s == r.latency_s


@pytest.mark.parametrize("seq, order, words", [
    (["x"], None, "every layer must appear once; missing y"),
    (["x", "y", "x"], None, "'x' appears twice"),
    (["x", "z"], None, "unknown layer 'z'"),
    ("xy", None, "list of layer names"),
    ({"x": 0, "y": 1}, None, r"'sequence' is a list of layer names, got \{'x': 0"),   # not its keys
    ({"x", "y"}, None, "'sequence' is a list of layer names, got "),                  # a set has no order
    (["x", ["y"]], None, r"entry 1 is \['y'\]"),
    (["x", None], None, "entry 1 is None"),
])
def test_bad_sequences(seq, order, words):
    with pytest.raises(MappingError, match=f"sequence.*{words}"):
        two_models().evaluate(Mapping(ASSIGN, order=order, sequence=seq))


@pytest.mark.parametrize("kwargs, words", [
    ({"order": {"a0": {"x": 1}}}, r"order of 'a0': 'order' is a list of layer names, got \{'x': 1\}"),
    ({"order": {"a0": {"x"}}}, "order of 'a0': 'order' is a list of layer names"),
    ({"resident": {"x": False}}, r"resident: 'resident' is a list of layer names, got \{'x': False\}"),
])
def test_orders_and_resident_of_the_wrong_type(kwargs, words):
    with pytest.raises(MappingError, match=words):
        Mapping(ASSIGN, **kwargs)


def test_a_record_without_its_assignment_is_not_a_plain_mapping(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text("sequence: [x, y]\n")
    with pytest.raises(MappingError, match="m.yaml: has 'sequence' but no 'assignment'"):
        read_mapping_file(p)


def test_sequence_must_follow_dependencies_and_the_per_accelerator_order():
    w = Workload("chain", [gemm("p"), gemm("q"), gemm("r")], [("p", "q"), ("q", "r")])
    s = sched(w, system("bus"), 1e-3)
    with pytest.raises(MappingError, match="sequence: layer 'q' comes before its producer 'p'"):
        s.evaluate(Mapping({"p": "a0", "q": "a0", "r": "a1"}, sequence=["q", "p", "r"]))
    w = Workload("two", [gemm("x", "m1"), gemm("y", "m2")], [])
    s = sched(w, system("bus"), 1e-3)
    with pytest.raises(MappingError, match="the order of 'a0' runs 'y' before 'x'"):
        s.evaluate(Mapping({"x": "a0", "y": "a0"}, order={"a0": ["y", "x"]}, sequence=["x", "y"]))


def test_h2h_evaluate_takes_a_sequence():
    import h2h
    from workloads.zoo import build

    w, s = build("casia_surf"), h2h.load_system("hetero4_low")
    best = h2h.map(w, s, mapper="h2h")
    assert best.sequence is None                      # h2h keeps the scheduler's merge rule
    seq = [l.name for l in w.layers]                  # the zoo lists layers in a topological order
    r = h2h.evaluate(w, s, best.mapping, resident=best.resident, sequence=seq)
    assert r.mapping.sequence == tuple(seq)
    assert r.latency_s == h2h.evaluate(w, s, h2h.schedule.Mapping(best.mapping, resident=best.resident,
                                                                    sequence=seq)).latency_s
    with pytest.raises(MappingError, match="sequence: every layer must appear once"):
        h2h.evaluate(w, s, best.mapping, sequence=seq[:-1])
