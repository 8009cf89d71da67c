"""Properties over generated spaces: offline agents never raise and only propose valid, new designs."""
from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from llm_agents import HeuristicAgent, RandomAgent, Task
from llm_agents.heuristic import HARDWARE_CAPACITY, NETWORK_CAPACITY

ROLES = sorted(HARDWARE_CAPACITY | NETWORK_CAPACITY | {"dataflow", "mapping_strategy"}) + [None]


@st.composite
def spaces(draw):
    variables = [{"name": "count", "type": "int", "low": 1, "high": draw(st.integers(1, 4)),
                  "role": "num_accelerators"}]
    numeric = ["count"]
    for i in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["choice_num", "choice_str", "int", "real"]))
        role = draw(st.sampled_from(ROLES))
        v = {"name": f"v{i}"} | ({"role": role} if role else {})
        if kind == "choice_num":
            opts = draw(st.lists(st.integers(1, 64), min_size=1, max_size=5, unique=True))
            v |= {"type": "choice", "options": opts}
        elif kind == "choice_str":
            pool = ["ws", "os", "rs", "h2h", "random", "nor_conv_3x3", "skip_connect", "none", "x"]
            v |= {"type": "choice", "options": draw(st.lists(st.sampled_from(pool), min_size=1, max_size=5,
                                                             unique=True))}
        elif kind == "int":
            low = draw(st.integers(0, 50))
            v |= {"type": "int", "low": low, "high": low + draw(st.integers(0, 200)),
                  "step": draw(st.sampled_from([None, 1, 3, 16]))}
            v = {k: x for k, x in v.items() if x is not None}
        else:
            low = draw(st.floats(0, 10))
            v |= {"type": "real", "low": low, "high": low + draw(st.floats(0, 10))}
        if draw(st.booleans()):
            v["active_if"] = {"var": "count", "ge": draw(st.integers(1, 4))}
        variables.append(v)
        if kind != "choice_str":
            numeric.append(v["name"])
    constraints = []
    if draw(st.booleans()):
        terms = [{"coef": draw(st.floats(0.1, 2)), "vars": [n]} for n in numeric]
        if len(numeric) >= 2:
            terms.append({"coef": 0.01, "vars": numeric[:2]})
        bound = draw(st.floats(1, 300))
        constraints.append({"name": "budget", "terms": terms,
                            **({"le": bound} if draw(st.booleans()) else {"ge": bound / 10})})
    return {"variables": variables, "constraints": constraints}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(space=spaces(), seed=st.integers(0, 10**6), n=st.integers(1, 5), history_size=st.integers(0, 12),
       objectives=st.sampled_from([["accuracy"], ["latency_s", "energy_j"], ["accuracy", "latency_s", "area_mm2"]]))
def test_offline_agents_only_propose_valid_new_designs(space, seed, n, history_size, objectives):
    objs = [{"name": o, "direction": "max" if o == "accuracy" else "min", "priority": i + 1}
            for i, o in enumerate(objectives)]
    probe = Task(space=space, objectives=objs, n=1)
    rng = random.Random(seed)
    history = []
    for _ in range(history_size):
        c = probe.space.sample(rng)
        history.append({"candidate": c, "metrics": {o: rng.random() for o in objectives}})
    task = Task(space=space, objectives=objs, history=history, n=n)
    seen = {str(sorted(task.space.complete(h["candidate"]).items())) for h in history}
    for agent in (HeuristicAgent(seed), RandomAgent(seed)):
        p = agent.propose(task)
        assert len(p.candidates) <= n and p.notes
        keys = set()
        for c in p.candidates:
            cand, errors = task.space.validate(c)
            assert errors == [] and cand == c
            key = str(sorted(c.items()))
            assert key not in seen and key not in keys
            keys.add(key)
