"""h2h's ``effort`` knob: what each level sets, that options override it, and the CLI flag."""
from __future__ import annotations

import json

import pytest
from cli_helpers import run
from mapper_instances import system, two_models

import h2h
from h2h.mappers.h2h_mapper import GRASP_MAX_LAYERS, effort_settings


def test_effort_levels_grow():
    for L in (5, 44, 150, 402):
        fast, default, thorough = (effort_settings(e, L) for e in ("fast", "default", "thorough"))
        assert fast["restarts"] == 0 and fast["grasp"] == 0 and fast["pair_moves"] == 0
        assert default["restarts"] == (0 if L > 200 else min(8, 600 // L))
        assert default["grasp"] == (min(10, 200 // L) if L <= GRASP_MAX_LAYERS else 0)
        # thorough is what h2h ran before the knob existed
        assert thorough["restarts"] == (0 if L > 200 else min(40, 800 // L))
        assert thorough["grasp"] == (min(100, 3000 // L) if 0 < thorough["restarts"] and L <= GRASP_MAX_LAYERS
                                     else 0)
        assert (thorough["pair_moves"], thorough["reorder"], thorough["chain_each"]) == (5000, 60_000, 12_000)
    assert effort_settings("thorough", 44, restarts=0)["grasp"] == 0
    assert effort_settings("default", 44, restarts=0)["grasp"] == 0


def test_effort_only_sets_options_the_caller_left_unset():
    w, s = two_models(), system("bus", accelerators=3)
    L = len(w)
    thorough = h2h.map(w, s, mapper="h2h", effort="thorough")
    spelled = effort_settings("thorough", L)
    same = h2h.map(w, s, mapper="h2h", effort="fast", **spelled)
    assert same.latency_s == thorough.latency_s and same.mapping == thorough.mapping
    assert same.extras["restarts"] == thorough.extras["restarts"] == spelled["restarts"]
    fast = h2h.map(w, s, mapper="h2h", effort="fast", restarts=2)
    assert fast.extras["restarts"] == 2 and fast.extras["grasp"] == 0
    base = h2h.map(w, s, mapper="compute_priority")
    for effort in ("fast", "default", "thorough"):
        assert h2h.map(w, s, mapper="h2h", effort=effort).latency_s <= base.latency_s


def test_bad_effort_is_a_mapping_error():
    with pytest.raises(h2h.MappingError, match="effort"):
        h2h.map(two_models(), system("bus", accelerators=2), mapper="h2h", effort="hard")


def test_cli_effort_flag(capsys, tiny):
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--effort", "fast", "--json")
    assert code == 0, err
    assert json.loads(out)["restarts"] == 0
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--mapper", "cpsat",
                         "--effort", "fast")
    assert code == 2 and "--effort applies to the h2h mapper only" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "map", "--workload", tiny[0], "--system", tiny[1], "--effort", "fast",
                         "--option", "effort=thorough")
    assert code == 2 and "not both" in err
