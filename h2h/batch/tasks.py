"""Task kinds a batch can run, as small adapters over the public API.

Each :class:`TaskKind` has two functions:

* ``check(run, cache)``: before anything runs, open and parse what the run refers to (workload,
  system with its overrides, agent config, task config), raising a :class:`ConfigError` that names
  the batch file, the line and the key that referred to it;
* ``run(run, run_dir) -> summary``: do the work, write the task's files into ``run_dir`` (an
  empty folder) and return a flat dict of scalar metrics for ``summary.csv``.

The adapters call the same functions as ``h2h map``, ``h2h nas`` and ``h2h codesign``; they add
nothing but file plumbing, so a batch run and a single command agree to the last digit.
"""
from __future__ import annotations

import importlib
import inspect
import json
import os
import tempfile
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from llm_agents.errors import AgentError

from h2h.errors import ConfigError, H2HError
from h2h.yaml_loader import load_yaml_file, plain

from .schema import Origin
from .sweep import RunSpec, apply_overrides

_PERSON_ERRORS = (H2HError, AgentError)


def optional_api(module: str, attr: str, task: str) -> Any:
    """``module.attr``, or a ConfigError saying the task is not in this build."""
    try:
        mod = importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name and (module == e.name or module.startswith(e.name + ".")
                       or e.name.startswith(module + ".")):
            raise ConfigError(f"task '{task}' is not available in this build "
                              f"({module} is missing)") from None
        raise
    if not hasattr(mod, attr):
        raise ConfigError(f"task '{task}' is not available in this build ({module}.{attr} is missing)")
    return getattr(mod, attr)


def _origin(run: RunSpec, key: str) -> Origin:
    return run.origins.get(key) or Origin("<batch>", 0, key)


# ---- loading referenced things (shared by check and run) --------------------------------------

def load_workload_of(run: RunSpec) -> Any:
    load_workload = optional_api("workloads.load", "load_workload", run.task)
    return load_workload(run.resolved("workload"), precision=run.params.get("precision"))


def system_document(run: RunSpec) -> dict[str, Any]:
    """The system YAML as a plain dict, with the run's sweep overrides applied."""
    from h2h.system import builtin_systems_hint

    path = run.resolved("system")
    if not Path(path).is_file():
        raise ConfigError(f"system file not found {builtin_systems_hint()}", file=path)
    doc = plain(load_yaml_file(path, what="system file"))
    overrides = run.overrides.get("system", {})
    return apply_overrides(doc, overrides, _origin(run, "system.overrides")) if overrides else doc


def load_system_of(run: RunSpec) -> Any:
    from h2h.system import System

    return System.from_dict(system_document(run), file=run.resolved("system"))


def agent_of(run: RunSpec) -> Any:
    """The agent built from the run's ``agent`` value (a kind name or a config mapping)."""
    from llm_agents import from_config

    return from_config(run.resolved("agent"))


def task_config(run: RunSpec) -> dict[str, Any]:
    """A nas/codesign config as a plain dict, with the run's sweep overrides applied."""
    doc = plain(load_yaml_file(run.resolved("config"), what="task config"))
    overrides = run.overrides.get("config", {})
    return apply_overrides(doc, overrides, _origin(run, "config.overrides")) if overrides else doc


def _checked(run: RunSpec, key: str, cache: dict, fn: Callable[[RunSpec], Any],
             cache_key: Hashable) -> Any:
    """``fn(run)`` once per ``cache_key``; a problem is re-raised at the batch key ``key``."""
    if cache_key not in cache:
        origin = _origin(run, key)
        try:
            cache[cache_key] = fn(run)
        except ConfigError as e:
            if e.file and e.file.startswith(f"{origin.file}:"):
                raise  # already located in the batch file (e.g. a bad override path)
            raise origin.error(str(e)) from None
        except _PERSON_ERRORS as e:
            raise origin.error(str(e)) from None
    return cache[cache_key]


def _doc_key(run: RunSpec, key: str) -> tuple[str, str, str]:
    return (key, str(run.resolved(key)), json.dumps(run.overrides.get(key, {}), sort_keys=True))


def _check_document(run: RunSpec, key: str, cache: dict, load: Callable[[RunSpec], Any],
                    extra_key: Hashable = (), *, alone: bool = True) -> None:
    """Check a referenced document as written, then with the run's sweep overrides applied; a
    problem that only the overrides cause is blamed on the sweep key that set them. ``extra_key``
    completes the cache key when ``load`` also depends on more than the document. ``alone=False``:
    the document need not pass as written when overrides complete it (a nas/codesign config whose
    budget only fits the population a sweep sets); as written it then only decides whom to blame."""
    bare = RunSpec(run.run_id, run.experiment, run.task, run.seed, run.params, {}, run.paths,
                   run.inputs, run.label, run.origins)
    swept = bool(run.overrides.get(key))
    if alone or not swept:
        _checked(bare, key, cache, load, (*_doc_key(bare, key), extra_key))
    if swept:
        try:
            _checked(run, f"{key}.overrides", cache, load, (*_doc_key(run, key), extra_key))
        except ConfigError as e:
            if not alone:
                _checked(bare, key, cache, load, (*_doc_key(bare, key), extra_key))
            values = ", ".join(f"{k}={v!r}" for k, v in run.overrides[key].items())
            raise ConfigError(f"with {values}: {e.message}", file=e.file, item=e.item) from None


# ---- map -----------------------------------------------------------------------------------------

def check_map_files(run: RunSpec, cache: dict) -> None:
    _checked(run, "workload", cache, load_workload_of, ("workload", str(run.resolved("workload")),
                                                         str(run.params.get("precision"))))
    _check_document(run, "system", cache, load_system_of)


def check_map(run: RunSpec, cache: dict) -> None:
    """The mapper and its options, by the same rule ``h2h.map`` applies."""
    check_options = optional_api("h2h.mappers.base", "check_options", "map")
    try:
        check_options(run.params["mapper"], run.params.get("options") or {})
    except H2HError as e:
        if e.item == "mapper":
            raise _origin(run, "mapper").error(e.message) from None
        swept = run.origins.get(f"options.{e.item}")  # a swept option value: blame its line
        raise (swept or _origin(run, "options")).error(f"{e.item}: {e.message}") from None


def run_map(run: RunSpec, run_dir: Path) -> dict[str, Any]:
    map_workload = optional_api("h2h.mappers", "map_workload", "map")
    workload = load_workload_of(run)
    system = load_system_of(run)
    kwargs: dict[str, Any] = {"mapper": run.params["mapper"], "objective": run.params["objective"]}
    if run.params.get("time_limit_s") is not None:
        kwargs["time_limit_s"] = run.params["time_limit_s"]
    result = map_workload(workload, system, seed=run.seed, **kwargs, **(run.params.get("options") or {}))
    data = result.to_dict()
    data.setdefault("mapper", run.params["mapper"])
    data.setdefault("workload", workload.name)
    data.setdefault("system", system.name)
    data["model_latency_s"] = result.model_latency_s(workload)
    (run_dir / "result.json").write_text(json.dumps(data, indent=1, default=str) + "\n")
    if run.params.get("trace", True):
        from h2h.trace import write_trace

        write_trace(result, run_dir / "trace.json")
    summary: dict[str, Any] = {"latency_s": result.latency_s, "energy_j": result.energy_j}
    for key, column in (("status", "solver_status"), ("bound", "bound"), ("gap", "gap")):
        if data.get(key) is not None:  # cpsat reports these
            summary[column] = data[key]
    return summary


# ---- realtime ------------------------------------------------------------------------------------

def load_scenario_of(run: RunSpec) -> Any:
    load_scenario = optional_api("workloads.scenario", "load_scenario", "realtime")
    return load_scenario(run.resolved("scenario"))


def check_realtime_files(run: RunSpec, cache: dict) -> None:
    _checked(run, "scenario", cache, load_scenario_of, ("scenario", str(run.resolved("scenario"))))
    _check_document(run, "system", cache, load_system_of)


def run_realtime(run: RunSpec, run_dir: Path) -> dict[str, Any]:
    """``h2h realtime`` with the batch seed as the seed of the trigger draws."""
    realtime = optional_api("h2h.realtime", "realtime", "realtime")
    result = realtime(load_scenario_of(run), load_system_of(run), run.params["policy"], seed=run.seed,
                      costs=run.params["costs"], time_limit_s=run.params.get("time_limit_s"))
    (run_dir / "result.json").write_text(json.dumps(result.to_dict(frames=True), indent=1) + "\n")
    if run.params.get("trace", True):
        from h2h.realtime.trace import write_trace

        write_trace(result, run_dir / "trace.json")
    summary: dict[str, Any] = {"overall_score": result.overall_score}
    for name, s in result.models.items():
        summary[f"score_{name}"] = None if s is None else s.score * 100
    return summary


# ---- nas and codesign -----------------------------------------------------------------------------

_SEARCH_API = {"nas": ("h2h.flnas", "nas"), "codesign": ("h2h.codesign", "codesign")}


@contextmanager
def config_file(run: RunSpec) -> Iterator[str]:
    """The path of the run's task config. With sweep overrides, a modified copy is written beside
    the original (hidden, removed afterwards) so that relative paths inside it still resolve."""
    path = Path(run.resolved("config"))
    if not run.overrides.get("config"):
        yield str(path)
        return
    text = yaml.safe_dump(task_config(run), sort_keys=False)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.batch-{run.run_id}-", suffix=".yaml", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as f:
            f.write(text)
        yield tmp
    except H2HError as e:
        if e.file is None or not e.file.startswith(tmp):
            raise
        # name the user's file, not the hidden copy (its line numbers are the copy's: dropped)
        raise type(e)(e.message, file=str(path), item=e.item) from None
    finally:
        Path(tmp).unlink(missing_ok=True)


def _search_kwargs(run: RunSpec) -> dict[str, Any]:
    kwargs: dict[str, Any] = {"seed": run.seed}
    if run.params.get("budget") is not None:
        kwargs["budget"] = run.params["budget"]
    if run.params.get("agent") is not None:
        kwargs["agent"] = run.resolved("agent")
    if run.task == "codesign":
        kwargs["start"] = run.params["start"]
    return kwargs


def _load_settings(run: RunSpec) -> Any:
    """Check the whole task config the way the task itself will read it (no evaluation runs)."""
    optional_api(*_SEARCH_API[run.task], run.task)
    load_settings = getattr(importlib.import_module(_SEARCH_API[run.task][0]), "load_settings", None)
    task_config(run)  # parses, and applies the overrides (a bad override path is located here)
    if load_settings is None:
        return None
    kwargs = {k: v for k, v in _search_kwargs(run).items()
              if k in inspect.signature(load_settings).parameters}
    with config_file(run) as path:
        return load_settings(path, **kwargs)


def check_search_files(run: RunSpec, cache: dict) -> None:
    _check_document(run, "config", cache, task_config)
    if run.params.get("agent") is not None:
        _checked(run, "agent", cache, agent_of,
                 ("agent", json.dumps(run.params["agent"], sort_keys=True)))


def check_search(run: RunSpec, cache: dict) -> None:
    optional_api(*_SEARCH_API[run.task], run.task)
    _check_document(run, "config", cache, _load_settings,
                    json.dumps(_search_kwargs(run), sort_keys=True, default=str), alone=False)


def run_search(run: RunSpec, run_dir: Path) -> dict[str, Any]:
    api = optional_api(*_SEARCH_API[run.task], run.task)
    with config_file(run) as path:
        api(path, out=run_dir, **_search_kwargs(run))
    return search_summary(run_dir)


def search_summary(run_dir: Path) -> dict[str, Any]:
    """Scalars of a nas/codesign results folder: counts and the best value of each objective."""
    result = json.loads((run_dir / "result.json").read_text())
    counts = result.get("counts", {})
    out: dict[str, Any] = {"evaluations": counts.get("evaluations"), "pareto_size": counts.get("pareto")}
    for name, best in result.get("best_by_objective", {}).items():
        out[f"best_{name}"] = best.get("metrics", {}).get(name)
    for key in ("hypervolume", "hypervolume_self_normalised", "fallbacks", "runtime_s"):
        if isinstance(result.get(key), (int, float)) and not isinstance(result.get(key), bool):
            out[key] = result[key]
    return out


@dataclass(frozen=True)
class TaskKind:
    """``check_files`` parses what a run refers to; ``check`` then needs the task's own code."""

    name: str
    check_files: Callable[[RunSpec, dict], None]
    check: Callable[[RunSpec, dict], None]
    run: Callable[[RunSpec, Path], dict[str, Any]]


TASKS: dict[str, TaskKind] = {
    "map": TaskKind("map", check_map_files, check_map, run_map),
    "nas": TaskKind("nas", check_search_files, check_search, run_search),
    "codesign": TaskKind("codesign", check_search_files, check_search, run_search),
    "realtime": TaskKind("realtime", check_realtime_files, lambda run, cache: None, run_realtime),
}


def check_references(runs: list[RunSpec]) -> None:
    """Open and parse everything the runs refer to, then check each run with its task's code;
    the first problem is a ConfigError located at the batch key responsible."""
    cache: dict[Any, Any] = {}
    for stage in ("check_files", "check"):
        for run in runs:
            try:
                getattr(TASKS[run.task], stage)(run, cache)
            except ConfigError as e:
                if e.file:
                    raise
                raise _origin(run, "task").error(e.message) from None
