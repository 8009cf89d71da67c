"""Periodic multi-model workloads ("usage scenarios"): models that run continuously at a rate.

A scenario lists models, each with a frame rate, an optional parent (it runs on the parent's frame,
after it: a cascade such as gaze estimation after eye segmentation) and a trigger probability drawn
per frame (speech recognition only when keyword detection fires). ``seed`` makes the draws
repeatable. XRBench (Kwon et al., MLSys 2023) defines scenarios this way; its ``.m`` files import
directly, and the YAML form is::

    name: vr_gaming
    duration_ms: 700            # optional, XRBench's 700 ms by default
    seed: 0                     # optional, for the probability draws
    models:
      - {name: ES, workload: es.m, fps: 60}               # a zoo name or a file beside the YAML
      - {name: GE, workload: ge.yaml, fps: 60, parent: ES, probability: 1.0}

Models that only exist as layer lists belong in one XRBench ``.m`` file (``Network NAME { FPS: 60
Dependency: { PARENT } Probability: 0.5 Layer ... }``); :func:`load_scenario` reads both.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import WorkloadError
from .graph import Workload
from .io import _read_text, parse_yaml

DEFAULT_DURATION_MS = 700.0
MAX_FPS = 1000  # a period of at least 1 ms (XRBench's periods are integer milliseconds)


@dataclass(frozen=True)
class PeriodicModel:
    """One model of a scenario: its layers, frames per second, parent and trigger probability."""

    name: str
    workload: Workload
    fps: int
    parent: str | None = None
    probability: float = 1.0

    @property
    def period_ms(self) -> int:
        """XRBench's period: 1000 / fps in whole milliseconds (60 FPS -> 16 ms)."""
        return 1000 // self.fps


@dataclass(frozen=True)
class Scenario:
    """Models that run concurrently at their own rates; see the module docstring."""

    name: str
    models: tuple[PeriodicModel, ...]
    duration_ms: float = DEFAULT_DURATION_MS
    seed: int = 0
    source: str | None = None

    def __post_init__(self) -> None:
        file = self.source
        if not self.models:
            raise WorkloadError("a scenario needs at least one model", file=file, item="models")
        names = [m.name for m in self.models]
        for m in self.models:
            item = f"model '{m.name}'"
            if names.count(m.name) > 1:
                raise WorkloadError("duplicate model name", file=file, item=item)
            if isinstance(m.fps, bool) or not isinstance(m.fps, int) or not 1 <= m.fps <= MAX_FPS:
                raise WorkloadError(f"fps must be an integer in [1, {MAX_FPS}], got {m.fps!r}",
                                    file=file, item=item)
            p = m.probability
            if isinstance(p, bool) or not isinstance(p, (int, float)) or not 0.0 <= p <= 1.0:
                raise WorkloadError(f"probability must be a number in [0, 1], got {p!r}", file=file,
                                    item=item)
            if m.parent is not None and (m.parent not in names or m.parent == m.name):
                raise WorkloadError(f"parent {m.parent!r} is not another model of the scenario; "
                                    f"expected one of {[n for n in names if n != m.name]}",
                                    file=file, item=item)
            if m.parent is not None and self.model(m.parent).fps != m.fps:
                raise WorkloadError(f"a child runs on its parent's frames, so it needs the parent's fps "
                                    f"({self.model(m.parent).fps}), got {m.fps}", file=file, item=item)
        for m in self.models:  # no cycles of parents
            seen, cur = {m.name}, m.parent
            while cur is not None:
                if cur in seen:
                    raise WorkloadError("parents form a cycle", file=file, item=f"model '{m.name}'")
                seen.add(cur)
                cur = self.model(cur).parent
        d = self.duration_ms
        if isinstance(d, bool) or not isinstance(d, (int, float)) or not 0 < d <= 3.6e6:
            raise WorkloadError(f"duration_ms must be a number in (0, 3600000], got {d!r}", file=file,
                                item="duration_ms")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or self.seed < 0:
            raise WorkloadError(f"seed must be an integer >= 0, got {self.seed!r}", file=file,
                                item="seed")

    def model(self, name: str) -> PeriodicModel:
        for m in self.models:
            if m.name == name:
                return m
        raise WorkloadError(f"no model named {name!r}", file=self.source)

    @property
    def deterministic(self) -> bool:
        """True when every trigger probability is 1 (the draws cannot change anything)."""
        return all(m.probability >= 1.0 for m in self.models)

    def with_seed(self, seed: int) -> "Scenario":
        return Scenario(self.name, self.models, self.duration_ms, seed, self.source)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "duration_ms": self.duration_ms, "seed": self.seed,
                "models": [{"name": m.name, "fps": m.fps, "parent": m.parent,
                            "probability": m.probability, "layers": len(m.workload)}
                           for m in self.models]}


def read_xrbench_scenario(path: str | Path, *, seed: int = 0) -> Scenario:
    """An XRBench usage-scenario ``.m`` file: one ``Network`` per model with FPS, Probability and
    Dependency (one parent at most)."""
    from .maestro_m import loads_maestro_networks

    path = Path(path)
    text = _read_text(path)
    models = []
    for w, meta in loads_maestro_networks(text, file=str(path)):
        item = f"network '{w.name}'"
        if "FPS" not in meta:
            raise WorkloadError("missing 'FPS:'", file=str(path), item=item)
        parents = meta.get("Dependency", [])
        if len(parents) > 1:
            raise WorkloadError(f"at most one Dependency is supported, got {parents}", file=str(path),
                                item=item)
        models.append(PeriodicModel(w.name, w, meta["FPS"], parents[0] if parents else None,
                                    float(meta.get("Probability", 1.0))))
    return Scenario(path.stem, tuple(models), seed=seed, source=str(path))


_MODEL_KEYS = {"name", "workload", "fps", "parent", "probability"}
_TOP_KEYS = {"name", "duration_ms", "seed", "models"}


def read_scenario_yaml(path: str | Path) -> Scenario:
    from .load import load_workload

    path = Path(path)
    file = str(path)
    data = parse_yaml(_read_text(path), file=file)
    if not isinstance(data, dict):
        raise WorkloadError("a scenario must be a mapping with 'models'", file=file)
    unknown = sorted(set(data) - _TOP_KEYS)
    if unknown:
        raise WorkloadError(f"unknown key(s) {unknown}; expected some of {sorted(_TOP_KEYS)}", file=file)
    raw = data.get("models")
    if not isinstance(raw, list) or not raw:
        raise WorkloadError("'models' must be a non-empty list", file=file, item="models")
    models = []
    for i, m in enumerate(raw):
        item = f"models[{i}]"
        if not isinstance(m, dict):
            raise WorkloadError("a model must be a mapping", file=file, item=item)
        unknown = sorted(set(m) - _MODEL_KEYS)
        missing = [k for k in ("name", "workload", "fps") if k not in m]
        if unknown or missing:
            raise WorkloadError(f"unknown key(s) {unknown}" if unknown else f"missing key(s) {missing}",
                                file=file, item=item)
        if not isinstance(m["name"], str) or not m["name"]:
            raise WorkloadError(f"'name' must be a non-empty string, got {m['name']!r}", file=file,
                                item=item)
        spec = m["workload"]
        if isinstance(spec, str) and (path.parent / spec).is_file():
            spec = str(path.parent / spec)
        try:
            w = load_workload(spec)
        except WorkloadError as e:
            raise e.located(file=file, item=f"model '{m['name']}'") from None
        parent = m.get("parent")
        if parent is not None and not isinstance(parent, str):
            raise WorkloadError(f"'parent' must be a model name, got {parent!r}", file=file, item=item)
        models.append(PeriodicModel(m["name"], w, m["fps"], parent, m.get("probability", 1.0)))
    return Scenario(str(data.get("name", path.stem)), tuple(models),
                    data.get("duration_ms", DEFAULT_DURATION_MS), data.get("seed", 0), file)


def load_scenario(spec: "str | Path | Scenario") -> Scenario:
    """A Scenario from a ``.yaml``/``.yml`` file or an XRBench ``.m`` usage-scenario file."""
    if isinstance(spec, Scenario):
        return spec
    path = Path(spec)
    suffix = path.suffix.lower()
    if suffix == ".m":
        return read_xrbench_scenario(path)
    if suffix in (".yaml", ".yml"):
        return read_scenario_yaml(path)
    raise WorkloadError("a scenario is a .yaml/.yml file or an XRBench .m file", file=str(spec))
