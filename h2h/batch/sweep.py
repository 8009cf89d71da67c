"""Expand experiments into runs: the cartesian product of their sweeps, times their seeds.

A sweep key names a task parameter (``mapper``, ``workload``, ``system``) or a path inside one:
inside a referenced YAML document (``system.interconnect.bandwidth_gbps`` changes that value in
the loaded system file, ``config.budget`` in a task config) or inside a mapping value
(``agent.temperature``). Document paths become *overrides*, applied when the run loads the file.

Every run gets a ``run_id``: a hash of its canonical resolved config (task, experiment, seed,
every parameter with defaults filled in, the overrides, and the SHA-256 of each referenced file's
bytes). The same run in a rerun gets the same id, so finished runs can be skipped; editing a
referenced file changes the id, so a stale result is never reused.
"""
from __future__ import annotations

import copy
import hashlib
import itertools
import json
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .schema import TASK_PARAMS, BatchConfig, Experiment, Origin, Param

RUN_ID_CHARS = 12


@dataclass(frozen=True)
class RunSpec:
    """One run of a batch, as plain data that pickles to a worker process or Dask node.

    ``params`` hold paths as written in the config (relative to its folder); ``paths`` the same
    references resolved to absolute paths for execution.
    """

    run_id: str
    experiment: str
    task: str
    seed: int
    params: dict[str, Any]
    overrides: dict[str, dict[str, Any]]
    paths: dict[str, str]
    inputs: dict[str, str]
    label: dict[str, Any]
    origins: dict[str, Origin] = field(default_factory=dict, compare=False)

    def snapshot(self) -> dict[str, Any]:
        """The resolved run config: what ``run_id`` hashes, plus the id and resolved paths."""
        return {"run_id": self.run_id, **canonical_config(self.experiment, self.task, self.seed,
                                                          self.params, self.overrides, self.inputs),
                "paths": dict(self.paths)}

    def resolved(self, key: str) -> Any:
        """A parameter as the task should use it: referenced paths absolute."""
        return self.paths.get(key, self.params.get(key))


def canonical_config(experiment: str, task: str, seed: int, params: Mapping[str, Any],
                     overrides: Mapping[str, Mapping[str, Any]],
                     inputs: Mapping[str, str]) -> dict[str, Any]:
    return {"experiment": experiment, "task": task, "seed": seed, "params": dict(params),
            "overrides": {k: dict(v) for k, v in overrides.items() if v},
            "inputs": dict(inputs)}


def run_id_of(config: Mapping[str, Any]) -> str:
    text = json.dumps(config, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:RUN_ID_CHARS]


def expand(config: BatchConfig) -> list[RunSpec]:
    """Every run of every experiment, in config order (sweep axes vary last-key-fastest)."""
    runs: list[RunSpec] = []
    for exp in config.experiments:
        runs.extend(_expand_experiment(exp, config.base_dir))
    return runs


def _expand_experiment(exp: Experiment, base_dir: Path) -> Iterator[RunSpec]:
    specs = {p.key: p for p in TASK_PARAMS[exp.task]}
    axes = exp.sweep
    for combo in itertools.product(*(range(len(a.values)) for a in axes)):
        params = copy.deepcopy(exp.params)
        origins = dict(exp.origins)
        overrides: dict[str, dict[str, Any]] = {}
        label: dict[str, Any] = {}
        for axis, i in zip(axes, combo):
            value, origin = axis.values[i], axis.origins[i]
            label[axis.key] = value
            head, rest = axis.path[0], axis.path[1:]
            if not rest:
                params[head] = copy.deepcopy(value)
                origins[head] = origin
            elif specs[head].ref in ("system", "yaml"):
                overrides.setdefault(head, {})[".".join(rest)] = value
                origins[f"{head}.overrides"] = origin  # the last one: exact for one axis
            else:  # inside a mapping value, e.g. agent.temperature
                if not isinstance(params.get(head), dict):
                    raise origin.error(f"'{head}' must be a mapping to sweep '{axis.key}'")
                set_path(params[head], rest, value, origin)
                origins[axis.key] = origin  # where e.g. options.pop_size got this value
        params = {k: params[k] for k in specs if k in params}  # declared order, for snapshots
        for seed in exp.seeds:
            paths = {k: p for k in specs if (p := _resolve(specs[k], params.get(k), base_dir))}
            inputs = {k: _sha256(p) for k, p in paths.items()}
            cfg = canonical_config(exp.name, exp.task, seed, params, overrides, inputs)
            run_label = {**label, "seed": seed} if len(exp.seeds) > 1 else dict(label)
            yield RunSpec(run_id_of(cfg), exp.name, exp.task, seed, params, overrides, paths,
                          inputs, run_label, origins)


def _resolve(param: Param, value: Any, base_dir: Path) -> str | None:
    """The absolute path a file-valued parameter points to (None: not a file, e.g. a zoo name)."""
    if param.ref not in ("workload", "system", "yaml", "agent") or not isinstance(value, str):
        return None
    if param.ref == "agent" and not value.strip().endswith((".yaml", ".yml", ".json")):
        return None  # a kind name or inline YAML, not a file
    if param.ref == "system":
        from h2h.system import system_path

        return os.path.normpath(system_path(value, base_dir))
    p = Path(value).expanduser()
    if not p.is_absolute():
        p = base_dir / p
    if param.ref in ("workload", "agent") and not p.is_file():
        return None  # a zoo name or nb201:<arch>, not a file
    return os.path.normpath(p)


def _sha256(path: str) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return "missing"  # reported by the reference check before anything runs


def set_path(doc: dict[str, Any], path: tuple[str, ...] | list[str], value: Any,
             origin: Origin) -> None:
    """Set ``doc[a][b]...[z] = value``; every step but the last must already be a mapping.

    A list index may be written as a number (``accelerators.0.num_pes``).
    """
    node: Any = doc
    for depth, part in enumerate(path[:-1]):
        node = _step(node, part, path[: depth + 1], origin)
    last = path[-1]
    if isinstance(node, list):
        idx = _index(node, last, path, origin)
        node[idx] = copy.deepcopy(value)
    elif isinstance(node, dict):
        node[last] = copy.deepcopy(value)
    else:
        raise origin.error(f"cannot set '{'.'.join(path)}': '{'.'.join(path[:-1])}' is not a mapping")


def _step(node: Any, part: str, sofar: tuple[str, ...], origin: Origin) -> Any:
    if isinstance(node, dict):
        if part not in node:
            raise origin.error(f"no key '{'.'.join(sofar)}' in the referenced document")
        return node[part]
    if isinstance(node, list):
        return node[_index(node, part, sofar, origin)]
    raise origin.error(f"'{'.'.join(sofar[:-1])}' is not a mapping or list")


def _index(node: list, part: str, sofar: Any, origin: Origin) -> int:
    if not part.isdigit() or int(part) >= len(node):
        raise origin.error(f"'{'.'.join(sofar)}': expected a list index below {len(node)}")
    return int(part)


def apply_overrides(doc: dict[str, Any], overrides: Mapping[str, Any], origin: Origin) -> dict[str, Any]:
    """A deep copy of ``doc`` with each ``"a.b.c": value`` override set."""
    out = copy.deepcopy(doc)
    for key, value in overrides.items():
        set_path(out, tuple(key.split(".")), value, origin)
    return out
