"""What a batch config may say, checked in full before any run starts.

A batch config is a YAML mapping::

    name: h2h_repro                 # optional; defaults to the file's stem
    description: free text          # optional
    out: results/h2h_repro          # optional; `h2h batch --out` wins; default results/<name>
    executor: {kind: local, workers: 2}     # or {kind: dask, address: tcp://HOST:8786}
    experiments:                    # one or more
      - name: repro                 # unique; defaults to <task><index>
        task: map                   # map | nas | codesign | realtime
        workload: mmmt_small        # the task's parameters (see TASK_PARAMS) ...
        system: systems/hetero4_mid.yaml
        sweep:                      # cartesian product over any key path
          mapper: [compute_priority, h2h]
          system.interconnect.bandwidth_gbps: [8, 32]
        seeds: [0, 1]

Reading is built on :class:`h2h.config.Section` (strict keys, typed values); the subclass
:class:`LocatedSection` adds the line numbers that :mod:`h2h.yaml_loader` records, so every error
reads ``FILE:LINE: key 'experiments[0].mapper': expected ...``. Referenced files (workloads,
systems, agent configs, task configs) are opened and parsed by :mod:`h2h.batch.tasks`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from h2h.config import REQUIRED, Section
from h2h.errors import ConfigError
from h2h.yaml_loader import LocatedDict, LocatedList, load_yaml_file, plain, type_name

TASK_NAMES = ("map", "nas", "codesign", "realtime")
EXECUTOR_KINDS = ("local", "dask")


class LocatedSection(Section):
    """A :class:`Section` whose errors carry the line of the offending key."""

    def __init__(self, data: Any, *, file: str | Path | None = None, item: str = "",
                 line: int = 0) -> None:
        if data is not None and not isinstance(data, dict):
            raise ConfigError(f"expected a mapping, got {type_name(data)}",
                              file=_at(file, line), item=f"key '{item}'" if item else None)
        super().__init__(data, file=file, item=item)
        self.located = data if isinstance(data, LocatedDict) else None
        self.line = self.located.line if self.located is not None else line

    def line_of(self, key: str | None) -> int:
        if key is not None and self.located is not None:
            return self.located.key_line(key)
        return self.line

    def error(self, key: str | None, message: str) -> ConfigError:
        item = self.key_item(key) if key else self.item
        return ConfigError(message, file=_at(self.file, self.line_of(key)),
                           item=f"key '{item}'" if item else None)

    def section(self, key: str, *, required: bool = False) -> "LocatedSection":
        self._taken.add(key)
        if key not in self.data:
            if required:
                raise self.error(key, "is required")
            return LocatedSection({}, file=self.file, item=self.key_item(key), line=self.line)
        return LocatedSection(self.data[key], file=self.file, item=self.key_item(key),
                              line=self.line_of(key))


def _at(file: str | Path | None, line: int) -> str | None:
    if file is None:
        return None
    return f"{file}:{line}" if line else str(file)


@dataclass(frozen=True)
class Param:
    """One parameter of a task: its type, default and bounds, as :meth:`Section.take` wants them.

    ``ref`` says what the value points to, so that it can be resolved and parsed: ``"workload"``
    (a zoo name or a workload file), ``"system"`` (a system YAML file), ``"yaml"`` (a task config
    file), ``"agent"`` (an agent config: a kind name or a mapping). Sweep keys may reach inside
    ``system`` and ``yaml`` documents and inside mapping values (``system.interconnect.bandwidth_gbps``).
    """

    key: str
    types: tuple[type, ...]
    default: Any = REQUIRED
    low: float | None = None
    options: tuple[Any, ...] | None = None
    ref: str | None = None
    doc: str = ""

    @property
    def required(self) -> bool:
        return self.default is REQUIRED

    @property
    def nested(self) -> bool:
        """Whether sweep keys may reach inside the value (``key.sub.path``)."""
        return self.ref in ("system", "yaml", "agent") or dict in self.types


MAP_PARAMS = (
    Param("workload", (str,), ref="workload", doc="zoo name or workload file"),
    Param("precision", (str,), default=None, doc="int8, fp16, bf16, fp32 or activations=A,weights=W "
          "(default: the file's)"),
    Param("system", (str,), ref="system", doc="system YAML file"),
    Param("mapper", (str,), default="h2h", doc="compute_priority, h2h, cpsat, nsga2, random"),
    Param("objective", (str,), default="latency", options=("latency", "energy", "edp")),
    Param("time_limit_s", (float,), default=None, low=0.0, doc="for cpsat and nsga2"),
    Param("options", (dict,), default={}, doc="mapper options, e.g. {steps: [1, 2, 4]} (h2h ablation)"),
    Param("trace", (bool,), default=True, doc="write the schedule as a Perfetto trace"),
)
SEARCH_PARAMS = (
    Param("config", (str,), ref="yaml", doc="the task's own config file"),
    Param("budget", (int,), default=None, low=1, doc="evaluations; overrides the config's"),
    Param("agent", (str, dict), default=None, ref="agent", doc="agent kind or config mapping"),
)
REALTIME_PARAMS = (
    Param("scenario", (str,), ref="workload", doc="scenario YAML or XRBench .m file"),
    Param("system", (str,), ref="system", doc="system YAML file"),
    Param("policy", (str,), default="xrbench", options=("xrbench", "edf", "h2h", "cpsat")),
    Param("time_limit_s", (float,), default=None, low=0.0, doc="for cpsat"),
    Param("costs", (str,), default="maestro", options=("maestro", "xrbench")),
    Param("trace", (bool,), default=True, doc="write the frames as a Perfetto trace"),
)
TASK_PARAMS: dict[str, tuple[Param, ...]] = {
    "map": MAP_PARAMS,
    "realtime": REALTIME_PARAMS,
    "nas": SEARCH_PARAMS,
    "codesign": (*SEARCH_PARAMS, Param("start", (str,), default="warm", options=("warm", "cold"))),
}
_EXPERIMENT_KEYS = ("name", "task", "description", "sweep", "seeds")


@dataclass(frozen=True)
class Origin:
    """Where a value was written: for error messages about what it refers to."""

    file: str
    line: int
    key: str

    def error(self, message: str) -> ConfigError:
        return ConfigError(message, file=f"{self.file}:{self.line}", item=f"key '{self.key}'")


@dataclass(frozen=True)
class SweepAxis:
    """One swept key path and its values, with the line of each value."""

    path: tuple[str, ...]
    values: tuple[Any, ...]
    origins: tuple[Origin, ...]

    @property
    def key(self) -> str:
        return ".".join(self.path)


@dataclass(frozen=True)
class Experiment:
    name: str
    task: str
    params: dict[str, Any]
    origins: dict[str, Origin]
    sweep: tuple[SweepAxis, ...]
    seeds: tuple[int, ...]
    seed_origin: Origin
    description: str = ""


@dataclass(frozen=True)
class ExecutorConfig:
    kind: str = "local"
    workers: int = 1
    address: str | None = None
    processes: bool = True  # Dask LocalCluster: worker processes (true) or threads (false)


@dataclass(frozen=True)
class BatchConfig:
    path: Path
    name: str
    description: str
    out: str | None
    executor: ExecutorConfig
    experiments: tuple[Experiment, ...]

    @property
    def base_dir(self) -> Path:
        """Relative paths in the config are resolved against the config's folder."""
        return self.path.resolve().parent


def read_batch_config(path: str | Path) -> BatchConfig:
    """Parse and type-check a batch config (keys, types, bounds); no referenced file is opened."""
    file = str(path)
    root = LocatedSection(load_yaml_file(path, what="batch config"), file=file)
    name = root.take("name", str, default=Path(file).stem)
    description = root.take("description", str, default="")
    out = root.take("out", str, default=None)
    executor = _read_executor(root.section("executor"))
    raw = root.raw("experiments")
    if not isinstance(raw, list) or not raw:
        got = "an empty list" if isinstance(raw, list) else type_name(raw)
        raise root.error("experiments", f"expected a non-empty list of experiments, got {got}")
    experiments = [_read_experiment(raw, i, file) for i in range(len(raw))]
    root.done()
    seen: dict[str, int] = {}
    for i, e in enumerate(experiments):
        if e.name in seen:
            raise ConfigError(f"duplicate experiment name '{e.name}' (also experiments[{seen[e.name]}])",
                              file=_at(file, raw[i].key_line("name")), item=f"key 'experiments[{i}].name'")
        seen[e.name] = i
    return BatchConfig(Path(file), name, description, out, executor, tuple(experiments))


def _read_executor(sec: LocatedSection) -> ExecutorConfig:
    kind = sec.take("kind", str, default="local", options=EXECUTOR_KINDS)
    workers = sec.take("workers", int, default=1, low=1)
    address = processes = None
    if kind == "dask":
        address = sec.take("address", str, default=None)
        processes = sec.take("processes", bool, default=True)
    sec.done()
    return ExecutorConfig(kind, workers, address, processes is not False)


def _read_experiment(items: LocatedList, index: int, file: str) -> Experiment:
    item = f"experiments[{index}]"
    line = items.item_line(index) if isinstance(items, LocatedList) else 0
    sec = LocatedSection(items[index], file=file, item=item, line=line)
    task = sec.take("task", str, options=TASK_NAMES)
    task_origin = Origin(file, sec.line_of("task"), sec.key_item("task"))
    name = sec.take("name", str, default=f"{task}{index}")
    description = sec.take("description", str, default="")
    sweep_sec = sec.section("sweep")
    specs = {p.key: p for p in TASK_PARAMS[task]}
    sweep = tuple(_read_axis(sweep_sec, key, specs) for key in sweep_sec.data)
    swept_whole = {a.path[0] for a in sweep if len(a.path) == 1}
    params: dict[str, Any] = {}
    origins: dict[str, Origin] = {"task": task_origin}
    for p in TASK_PARAMS[task]:
        if p.key in swept_whole and p.key not in sec.data:
            sec._taken.add(p.key)
            continue
        params[p.key] = plain(_take(sec, p))
        origins[p.key] = Origin(file, sec.line_of(p.key), sec.key_item(p.key))
    seeds = _read_seeds(sec)
    seed_origin = Origin(file, sec.line_of("seeds"), sec.key_item("seeds"))
    for key in sec.data:
        if key not in specs and key not in _EXPERIMENT_KEYS:
            known = ", ".join([*_EXPERIMENT_KEYS, *specs])
            raise sec.error(key, f"unknown key for task '{task}'; expected one of: {known}")
    sec.done()
    return Experiment(name, task, params, origins, sweep, seeds, seed_origin, description)


def _take(sec: LocatedSection, p: Param) -> Any:
    return sec.take(p.key, p.types, default=p.default, low=p.low, options=p.options)


def _read_seeds(sec: LocatedSection) -> tuple[int, ...]:
    raw = sec.raw("seeds", default=[0])
    values = raw if isinstance(raw, list) else [raw]
    if not values:
        raise sec.error("seeds", "expected a non-empty list of seeds (integers >= 0)")
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int):
            raise sec.error("seeds", f"expected integers >= 0, got {v!r}")
        if v < 0:
            raise sec.error("seeds", f"must be >= 0, got {v!r}")
    if len(set(values)) != len(values):
        raise sec.error("seeds", "lists a seed twice")
    return tuple(values)


def _read_axis(sweep: LocatedSection, key: Any, specs: dict[str, Param]) -> SweepAxis:
    item = sweep.key_item(str(key))
    if not isinstance(key, str) or not key or any(not part for part in key.split(".")):
        raise sweep.error(str(key), "expected a key path such as 'mapper' or "
                                    "'system.interconnect.bandwidth_gbps'")
    path = tuple(key.split("."))
    param = specs.get(path[0])
    if param is None:
        raise sweep.error(key, f"cannot sweep unknown key '{path[0]}'; expected one of: "
                               f"{', '.join(specs)}")
    if len(path) > 1 and not param.nested:
        raise sweep.error(key, f"'{path[0]}' holds a single value; sweep '{path[0]}' itself")
    values = sweep.raw(key)
    if not isinstance(values, list) or not values:
        got = "an empty list" if isinstance(values, list) else type_name(values)
        raise sweep.error(key, f"expected a non-empty list of values, got {got}")
    lines = [values.item_line(i) if isinstance(values, LocatedList) else sweep.line_of(key)
             for i in range(len(values))]
    origins = tuple(Origin(sweep.file or "", line, f"{item}[{i}]") for i, line in enumerate(lines))
    checked = []
    for i, v in enumerate(values):
        if len(path) == 1:  # the value replaces the parameter: the same type rules apply
            try:
                v = _take(LocatedSection({param.key: v}, file=sweep.file), param)
            except ConfigError as e:
                raise origins[i].error(e.message) from None
        checked.append(plain(v))
    if len({_canon(v) for v in checked}) != len(checked):
        raise sweep.error(key, "lists a value twice")
    return SweepAxis(path, tuple(checked), origins)


def _canon(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)
