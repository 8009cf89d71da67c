"""Mappers on degenerate but valid inputs (one layer, two layers, one layer per model, one feasible
accelerator per layer) against brute force, and bad mapper options rejected with a MappingError."""
from __future__ import annotations

import numpy as np
import pytest

import h2h
from costmodels.cost_table import CostTable
from h2h.errors import H2HError, MappingError
from h2h.mappers import MAPPERS
from h2h.mappers.base import check_options
from mapper_instances import conv, random_table, system
from workloads import Layer, Workload

#: options that keep each mapper fast on these tiny instances (cpsat: bounded, all 8 workers)
FAST = {"cpsat": {"time_limit_s": 20, "num_workers": 8}, "nsga2": {"pop_size": 8, "generations": 5}}
#: mappers that search for the optimum; the others only have to return a valid mapping
SEARCHING = ("h2h", "cpsat", "nsga2", "brute_force")


def one(op: str) -> Workload:
    layer = {"gemm": Layer("a", "gemm", model="m", m=1, k=64, n=2),
             "act": Layer("a", "act", model="m", shape=(1, 8, 4, 4)),
             "pool": Layer("a", "pool", model="m", in_channels=8, out_channels=8, in_h=8, in_w=8, kernel=2,
                           stride=2),
             "conv2d": conv("a", "m", cin=3)}[op]
    return Workload(f"one_{op}", [layer], [])


def chain2() -> Workload:
    return Workload("chain2", [conv("a", "m", cin=3), Layer("b", "act", model="m", shape=(1, 8, 16, 16))],
                    [("a", "b")])


def two_models_one_layer() -> Workload:
    return Workload("two_one", [conv("a", "ma", cin=3), Layer("b", "gemm", model="mb", m=4, k=32, n=8)], [])


TINY = [one("gemm"), one("act"), one("pool"), one("conv2d"), chain2(), two_models_one_layer()]


def _map(w, s, mapper, **kw):
    return h2h.map(w, s, mapper=mapper, **FAST.get(mapper, {}), **kw)


def _check(w, s, mapper, ct=None):
    brute = h2h.map(w, s, mapper="brute_force", cost_table=ct, residency="subsets")
    got = _map(w, s, mapper, cost_table=ct)
    assert set(got.mapping) == set(w.layer_names)
    if mapper in SEARCHING:
        assert got.latency_s == pytest.approx(brute.latency_s, rel=1e-9)
    else:
        assert got.latency_s >= brute.latency_s * (1 - 1e-12)
    return got


@pytest.mark.parametrize("mapper", sorted(MAPPERS))
@pytest.mark.parametrize("w", TINY, ids=lambda w: w.name)
def test_tiny_workloads_on_a_builtin_system(w, mapper):
    _check(w, "hetero4_mid", mapper)


@pytest.mark.parametrize("mapper", sorted(MAPPERS))
@pytest.mark.parametrize("w", [one("conv2d"), chain2(), two_models_one_layer()], ids=lambda w: w.name)
@pytest.mark.parametrize("kind", ["bus", "crossbar"])
def test_tiny_workloads_on_tiny_systems(w, kind, mapper):
    s = system(kind, dram_capacity_bytes=1200)
    _check(w, s, mapper, random_table(w, s, seed=3))


@pytest.mark.parametrize("mapper", sorted(MAPPERS))
@pytest.mark.parametrize("w", [one("conv2d"), chain2(), two_models_one_layer()], ids=lambda w: w.name)
def test_one_feasible_accelerator_per_layer(w, mapper):
    # layer l can run only on accelerator l % 3: every mapper must find that one mapping
    s = system("bus")
    L, A = len(w), 3
    feasible = np.zeros((L, A), dtype=bool)
    feasible[np.arange(L), np.arange(L) % A] = True
    lat = np.full((L, A), 1e-4)
    ct = CostTable.from_arrays(w, s.accelerators, lat, lat * 0.5, technology=s.technology, feasible=feasible)
    got = _check(w, s, mapper, ct)
    assert got.mapping == {n: f"acc{l % A}" for l, n in enumerate(w.layer_names)}


# ---- options ------------------------------------------------------------------------------------

W1 = one("gemm")


@pytest.mark.parametrize("mapper,options,words", [
    ("h2h", {"bogus": 1}, ["bogus", "max_passes"]),
    ("compute_priority", {"steps": 1}, ["steps", "compute_priority", "expected one of: rule"]),
    ("random", {"steps": 1}, ["steps", "random", "no options"]),
    ("h2h", {"max_passes": "x"}, ["max_passes", "integer"]),
    ("h2h", {"max_passes": 0}, ["max_passes", ">= 1"]),
    ("h2h", {"restarts": -1}, ["restarts", ">= 0"]),
    ("h2h", {"grasp_noise": 2.0}, ["grasp_noise"]),
    ("h2h", {"max_prefix": 0}, ["max_prefix"]),
    ("h2h", {"buckets": 1.5}, ["buckets", "integer"]),
    ("nsga2", {"pop_size": 0, "time_limit_s": 2}, ["pop_size", ">= 1"]),
    ("nsga2", {"generations": -1}, ["generations", ">= 1"]),
    ("nsga2", {"pop_size": True}, ["pop_size", "integer"]),
    ("cpsat", {"num_workers": 0}, ["num_workers", ">= 1"]),
    ("cpsat", {"resolution": "fine"}, ["resolution"]),
    ("brute_force", {"max_candidates": -5}, ["max_candidates"]),
    ("brute_force", {"batch": 0}, ["batch"]),
    ("brute_force", {"free_sequence": "yes"}, ["free_sequence", "true or false"]),
    ("cpsat", {"free_sequence": 1}, ["free_sequence", "true or false"]),
    ("h2h", {"seed": "x"}, ["seed", "integer"]),
    ("h2h", {"seed": -1}, ["seed", ">= 0"]),
    ("random", {"seed": 1.5}, ["seed", "integer"]),
])
def test_bad_options_are_mapping_errors(mapper, options, words):
    with pytest.raises(MappingError) as e:
        h2h.map(W1, "hetero4_mid", mapper=mapper, **options)
    msg = str(e.value)
    assert "\n" not in msg
    for word in words:
        assert word in msg


def test_check_options_names_the_mapper_and_its_options():
    check_options("h2h", {"max_passes": 3, "steps": "1,2"})
    check_options("cpsat", {})
    with pytest.raises(MappingError, match="pop_size: int = 64; generations: int = 60"):
        check_options("nsga2", {"popsize": 3})
    with pytest.raises(MappingError, match="unknown mapper"):
        check_options("nope", {})


def test_valid_numeric_options_still_accepted():
    # numpy integers and integral values are fine; results do not change with the seed type
    a = h2h.map(W1, "hetero4_mid", mapper="h2h", seed=np.int64(3), max_passes=np.int32(5))
    b = h2h.map(W1, "hetero4_mid", mapper="h2h", seed=3, max_passes=5)
    assert a.latency_s == b.latency_s


def test_cli_rejects_a_negative_seed(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "one.yaml"
    path.write_text("name: one\nlayers: [{name: a, op: gemm, model: m, m: 1, k: 64, n: 2}]\n")
    run = subprocess.run([sys.executable, "-m", "h2h", "map", "--workload", str(path), "--system",
                          "hetero4_mid", "--seed", "-1"], capture_output=True, text=True)
    assert run.returncode == 2, run.stderr
    assert "seed" in run.stderr and "Traceback" not in run.stderr
    ok = subprocess.run([sys.executable, "-m", "h2h", "map", "--workload", str(path), "--system",
                         "hetero4_mid", "--json"], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert issubclass(MappingError, H2HError)


def test_cpsat_extras_do_not_hide_the_objective_name():
    r = _map(chain2(), "hetero4_mid", "cpsat")
    d = r.to_dict()
    assert d["objective"] == "latency" and d["mapper"] == "cpsat"
    assert d["objective_value"] == pytest.approx(r.latency_s, rel=1e-5)
