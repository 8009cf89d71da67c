"""Space descriptions and candidate validation, on hand-checked cases."""
from __future__ import annotations

import random

import pytest

from llm_agents import SpaceDescription, Task, TaskError
from llm_agents.space import holds

SPACE = {
    "variables": [
        {"name": "num_acc", "type": "int", "low": 1, "high": 3, "role": "num_accelerators"},
        {"name": "acc0_pes", "type": "int", "low": 64, "high": 1024, "step": 64},
        {"name": "acc0_l1_bytes", "type": "choice", "options": [512, 1024, 2048]},
        {"name": "acc1_pes", "type": "int", "low": 64, "high": 1024, "step": 64,
         "active_if": {"var": "num_acc", "ge": 2}},
        {"name": "dataflow", "type": "choice", "options": ["ws", "os", "rs"]},
        {"name": "clock_ghz", "type": "real", "low": 0.2, "high": 1.0, "step": 0.1},
        {"name": "ratio", "type": "real", "low": 0.0, "high": 1.0},
    ],
    "constraints": [
        # area ~ PEs + PEs x buffer / 1024; accelerator 1 counts only when present
        {"name": "area", "le": 2048, "terms": [
            {"coef": 1.0, "vars": ["acc0_pes"]},
            {"coef": 1 / 1024, "vars": ["acc0_pes", "acc0_l1_bytes"]},
            {"coef": 1.0, "vars": ["acc1_pes"], "active_if": {"var": "num_acc", "ge": 2}}]},
        {"name": "min_clock", "ge": 0.3, "terms": [{"coef": 1.0, "vars": ["clock_ghz"]}]},
    ],
}
OK = {"num_acc": 2, "acc0_pes": 512, "acc0_l1_bytes": 1024, "acc1_pes": 512, "dataflow": "ws",
      "clock_ghz": 0.5, "ratio": 0.25}


@pytest.fixture(scope="module")
def space():
    return SpaceDescription.from_dict(SPACE)


def test_valid_candidate_is_canonical(space):
    cand, errors = space.validate(OK)
    assert errors == [] and cand == OK
    assert list(cand) == space.names
    # integral floats are accepted for ints, ints for reals and numeric options
    cand, errors = space.validate({**OK, "acc0_pes": 512.0, "ratio": 0, "acc0_l1_bytes": 1024.0})
    assert errors == [] and cand["acc0_pes"] == 512 and isinstance(cand["acc0_pes"], int)
    assert cand["acc0_l1_bytes"] == 1024 and isinstance(cand["acc0_l1_bytes"], int)


def test_constraint_value_by_hand(space):
    area = space.constraints[0]
    assert area.value(OK) == 512 + 512 * 1024 / 1024 + 512  # 1536
    assert area.value({**OK, "num_acc": 1}) == 1024            # accelerator 1 inactive
    over = {**OK, "acc0_l1_bytes": 2048}                       # 512 + 1024 + 512 = 2048: on the bound
    assert space.validate(over)[1] == []
    cand, errors = space.validate({**OK, "acc0_l1_bytes": 2048, "acc1_pes": 576})
    assert cand is None and errors == ["constraint 'area' needs <= 2048, got 2112"]
    assert space.validate({**OK, "clock_ghz": 0.2})[1] == ["constraint 'min_clock' needs >= 0.3, got 0.2"]


@pytest.mark.parametrize("change, message", [
    ({"acc0_pes": 100}, "'acc0_pes': 100 is not low + k*step (low=64, step=64)"),
    ({"acc0_pes": 2048}, "'acc0_pes': 2048 is outside [64, 1024]"),
    ({"acc0_pes": "512"}, "'acc0_pes': expected an integer, got str '512'"),
    ({"acc0_pes": True}, "'acc0_pes': expected an integer, got bool True"),
    ({"acc0_pes": 512.5}, "'acc0_pes': expected an integer, got 512.5"),
    ({"dataflow": "WS"}, "'dataflow': 'WS' is not one of the options ['ws', 'os', 'rs']"),
    ({"acc0_l1_bytes": "1024"}, "'acc0_l1_bytes': '1024' is not one of the options [512, 1024, 2048]"),
    ({"clock_ghz": 0.55}, "'clock_ghz': 0.55 is not low + k*step (low=0.2, step=0.1)"),
    ({"ratio": float("nan")}, "'ratio': expected a number, got float nan"),
    ({"extra": 1}, "unknown variable 'extra'"),
])
def test_invalid_values_say_why(space, change, message):
    cand, errors = space.validate({**OK, **change})
    assert cand is None and errors == [message]


def test_inactive_variables_may_be_left_out_and_take_their_fallback(space):
    one = {k: v for k, v in OK.items() if k != "acc1_pes"} | {"num_acc": 1}
    cand, errors = space.validate(one)
    assert errors == [] and cand["acc1_pes"] == 64
    # a bad value of an inactive variable does not matter, and is replaced
    cand, errors = space.validate({**one, "acc1_pes": 7})
    assert errors == [] and cand["acc1_pes"] == 64
    # but an active one must be given
    missing = {k: v for k, v in OK.items() if k != "acc1_pes"}
    assert space.validate(missing)[1] == ["missing variable 'acc1_pes'"]


def test_step_on_reals_is_tolerant_of_float_noise(space):
    assert space.validate({**OK, "clock_ghz": 0.2 + 3 * 0.1})[1] == []  # 0.5000000000000001


def test_conditions():
    values = {"a": 3, "b": "ws"}
    assert holds({"var": "a", "ge": 3}, values) and not holds({"var": "a", "gt": 3}, values)
    assert holds({"var": "b", "in": ["ws", "os"]}, values)
    assert holds({"all": [{"var": "a", "lt": 4}, {"not": {"var": "b", "eq": "os"}}]}, values)
    assert not holds({"any": [{"var": "a", "eq": 1}, {"var": "b", "not_in": ["ws"]}]}, values)
    assert not holds({"var": "b", "lt": 3}, values)  # ordering a string is false, not an error


def test_round_trip(space):
    assert SpaceDescription.from_dict(space.to_dict()) == space


@pytest.mark.parametrize("change, item, message", [
    ({"variables": []}, "space", "non-empty list of 'variables'"),
    ({"variables": [{"name": "x", "type": "float", "low": 0, "high": 1}]}, "variable 'x'", "type must be one of"),
    ({"variables": [{"name": "x", "type": "int", "low": 5, "high": 1}]}, "variable 'x'", "low' <= 'high'"),
    ({"variables": [{"name": "x", "type": "choice", "options": [1, 1]}]}, "variable 'x'", "repeat"),
    ({"variables": [{"name": "x", "type": "int", "low": 0, "high": 4, "colour": 1}]}, "variable 'x'",
     "unknown key 'colour'"),
    ({"variables": [{"name": "x", "type": "int", "low": 0, "high": 4, "active_if": {"var": "y", "eq": 1}}]},
     "variable 'x'", "unknown variable 'y'"),
    ({"variables": [{"name": "x", "type": "int", "low": 0, "high": 4, "active_if": "x > 1"}]},
     "variable 'x'", "a condition must be a mapping"),
    ({"variables": [{"name": "x", "type": "choice", "options": ["a", "b"]}],
      "constraints": [{"name": "c", "le": 1, "terms": [{"coef": 1, "vars": ["x"]}]}]},
     "constraint 'c' term #0", "variable 'x' is not numeric"),
    ({"variables": [{"name": "x", "type": "int", "low": 0, "high": 4}],
      "constraints": [{"name": "c", "terms": [{"coef": 1, "vars": ["x"]}]}]}, "constraint 'c'", "'le' and/or 'ge'"),
    ({"variables": [{"name": "x", "type": "int", "low": 0, "high": 4}],
      "constraints": [{"name": "c", "le": 1, "terms": [{"coef": "__import__('os')", "vars": ["x"]}]}]},
     "constraint 'c' term #0", "'coef' must be a number"),
])
def test_bad_space_descriptions_name_the_item(change, item, message):
    with pytest.raises(TaskError) as e:
        SpaceDescription.from_dict({"variables": SPACE["variables"], **change})
    assert e.value.item == item and message in str(e.value)


def test_sample_covers_the_values():
    space = SpaceDescription.from_dict(SPACE)
    rng = random.Random(0)
    seen = {space.sample(rng)["acc0_pes"] for _ in range(2000)}
    assert seen == set(range(64, 1025, 64))


def test_task_checks_and_digest():
    t = Task(space=SPACE, objectives=[{"name": "latency_s"}], n=2)
    assert t.objectives[0].direction == "min" and t.objectives[0].priority == 1
    same = Task.from_dict(t.to_dict())
    assert same.digest() == t.digest()
    hist = [{"candidate": OK, "metrics": {"latency_s": 0.1 + 0.2}}]
    a = Task(space=SPACE, objectives=[{"name": "latency_s"}], history=hist)
    b = Task(space=SPACE, objectives=[{"name": "latency_s"}], history=[{"candidate": OK, "metrics": {"latency_s": 0.3}}])
    assert a.digest() == b.digest()  # 0.30000000000000004 and 0.3 agree to 10 digits
    assert Task(space=SPACE, objectives=[{"name": "latency_s"}], n=3).digest() != t.digest()
    with pytest.raises(TaskError, match="direction must be min or max"):
        Task(space=SPACE, objectives=[{"name": "x", "direction": "up"}])
    with pytest.raises(TaskError, match="n must be a positive integer"):
        Task(space=SPACE, objectives=[{"name": "x"}], n=0)


def test_numpy_strings_are_accepted_and_canonicalised_to_str(space):
    np = pytest.importorskip("numpy")
    cand, errors = space.validate({**OK, "dataflow": np.str_("ws")})
    assert errors == [] and type(cand["dataflow"]) is str
