"""Architecture parts of the search space: what a candidate's network is.

Each part declares its variables (plain dicts, see :mod:`h2h.space.variables`), turns a candidate
into an architecture spec (the plain dict of ``notes/archspec``, accepted by both
``workloads.builders.build_workload`` and the torch builder of the evaluators, so the network that
is priced is the network that is trained) and into a :class:`~workloads.Workload`.

Config (the ``architecture`` section of a space), one of:

* NAS-Bench-201 cell, 6 edges x 5 ops::

      architecture: {family: nb201, dataset: cifar10}      # ops: [...] restricts the op set

* MobileNetV2 / ProxylessNAS blocks; any field given as a list is a choice, as
  ``{low, high, step?}`` an integer range, as a scalar fixed::

      architecture:
        family: mbv2
        resolution: [32, 48]
        num_classes: 2
        stem_width: 16
        head_width: 256
        stages:
          - {depth: [1, 2], expansion: [1, 3, 6], kernel: [3, 5], width: [16, 24], stride: 1}
          - {depth: {low: 1, high: 3}, expansion: [3, 6], kernel: [3, 5], width: 32, stride: 2}

* Multi-modal multi-task: one backbone choice per modality (``workloads.zoo.casia_surf.BACKBONES``)::

      architecture:
        family: mmmt
        backbones: {rgb: [resnet18, resnet34], depth: [resnet18, mobilenetv2], ir: resnet18}
        resolution: 112                                   # optional

* A fixed workload (hardware-only search): ``architecture: {workload: PATH_OR_ZOO_NAME}``.

* A periodic scenario (hardware-only search, scored by ``h2h.realtime``): ``architecture:
  {scenario: FILE, policy: h2h, costs: maestro}``; it adds the metric ``xrbench_score`` (max).

Any of them takes ``precision: int8 | fp16 | bf16 | fp32`` (or ``activations=A,weights=W``, see
:mod:`workloads.precision`): the number format every candidate network runs in (default: the
builders' 8-bit, or what a fixed workload's file says).
"""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from h2h.config import Section

from .variables import Field, choice, field_from_config

NB201_EDGES = ((0, 1), (0, 2), (1, 2), (0, 3), (1, 3), (2, 3))
MBV2_STAGE_KEYS = ("depth", "expansion", "kernel", "width", "stride")


def nb201_edge_name(src: int, dst: int) -> str:
    return f"edge_{src}_{dst}"


def nb201_arch_string(c: Mapping[str, Any]) -> str:
    """The NB201 string of a candidate's six edge ops (``workloads.nb201`` format)."""
    from workloads.nb201 import arch_string

    return arch_string(tuple(tuple((c[nb201_edge_name(i, j)], i) for i in range(j)) for j in (1, 2, 3)))


def nb201_candidate(arch: str) -> dict[str, str]:
    """The space variables of an NB201 string (inverse of :func:`nb201_arch_string`)."""
    from workloads.nb201 import parse_arch

    return {nb201_edge_name(i, j): op for j, group in enumerate(parse_arch(arch), start=1)
            for op, i in group}


class NB201Arch:
    """The NAS-Bench-201 cell: one op per edge, shared by all 15 cells of the network."""

    family = "nb201"

    def __init__(self, dataset: str = "cifar10", ops: tuple[str, ...] | None = None) -> None:
        from workloads.nb201 import OPS

        self.dataset = dataset
        self.ops = tuple(OPS if ops is None else ops)

    @classmethod
    def from_config(cls, sec: Section) -> "NB201Arch":
        from workloads.nb201 import DATASETS, OPS

        dataset = sec.take("dataset", str, default="cifar10", options=tuple(DATASETS))
        ops = sec.take("ops", list, default=list(OPS))
        for op in ops:
            if op not in OPS:
                raise sec.error("ops", f"unknown option {op!r}; expected some of: {', '.join(OPS)}")
        if not ops or len(set(ops)) != len(ops):
            raise sec.error("ops", f"expected a non-empty list of distinct ops, got {list(ops)}")
        return cls(dataset, tuple(ops))

    def variables(self) -> list[dict[str, Any]]:
        return [choice(nb201_edge_name(s, d), self.ops, role="nb201_op",
                       description=f"operation on the cell edge from node {s} to node {d}")
                for s, d in NB201_EDGES]

    def spec(self, c: Mapping[str, Any]) -> dict[str, Any]:
        return {"family": "nb201", "arch": nb201_arch_string(c), "dataset": self.dataset}

    def workload(self, c: Mapping[str, Any]) -> Any:
        from workloads.builders import build_workload

        return build_workload(self.spec(c))

    def template(self) -> dict[str, Any]:
        return {"family": "nb201", "dataset": self.dataset,
                "summary": "NAS-Bench-201 cell network: stem conv, 3 stages of 5 identical cells "
                           "(16/32/64 channels) joined by residual reduction blocks, then a linear "
                           "classifier. The cell is a 4-node DAG; each of its 6 edges carries one op.",
                "ops": list(self.ops)}

    def semantics(self) -> list[str]:
        """What the edge variables mean, for a language model (see ``workloads.nb201``)."""
        return [
            "The cell is a DAG of 4 nodes: node 0 is the cell input, node 3 the cell output; node j "
            "sums what its incoming edges i->j (i < j) deliver. The same cell is used in all 15 cells "
            "(3 stages x 5 cells, at 16, 32 and 64 channels on 32x32, 16x16 and 8x8 feature maps for "
            "CIFAR), so each edge op is built 15 times.",
            "Edge ops: 'none' removes the edge; 'skip_connect' passes its input unchanged (no MACs); "
            "'nor_conv_1x1' and 'nor_conv_3x3' are ReLU-conv-BN layers with as many output as input "
            "channels; 'avg_pool_3x3' is a 3x3 average pooling (no MACs, some memory traffic). Where two "
            "or more live edges meet, the node adds them: an elementwise layer that costs memory traffic "
            "and energy (so a skip edge beside a conv is not free).",
            "An edge is live only if its source is reachable from node 0 and its target reaches node 3 "
            "through edges that are not 'none'; dead edges are pruned and cost nothing. A cell with no "
            "path from node 0 to node 3 outputs zeros: the network then predicts at chance level.",
            "Edges into the same node can run in parallel on different accelerators; the cells follow "
            "one another, so the network is otherwise a chain.",
        ]


class MBV2Arch:
    """MobileNetV2 / ProxylessNAS blocks: per stage depth, expansion, kernel, width; resolution."""

    family = "mbv2"

    def __init__(self, resolution: Field, stages: list[dict[str, Field]], fixed: dict[str, int]) -> None:
        self.resolution = resolution
        self.stages = stages
        self.fixed = fixed  # in_channels, num_classes, stem_width, head_width

    @classmethod
    def from_config(cls, sec: Section) -> "MBV2Arch":
        resolution = field_from_config(sec, "resolution", "resolution", "resolution", "input height = width (pixels)",
                            default=32)
        fixed = {"in_channels": sec.take("in_channels", int, default=3, low=1),
                 "num_classes": sec.take("num_classes", int, default=10, low=2),
                 "stem_width": sec.take("stem_width", int, default=16, low=1),
                 "head_width": sec.take("head_width", int, default=1280, low=1)}
        raw_stages = sec.take("stages", list)
        if not raw_stages:
            raise sec.error("stages", "expected a non-empty list of stages")
        stages = []
        for i, raw in enumerate(raw_stages):
            s = Section(raw, file=sec.file, item=sec.key_item(f"stages[{i}]"))
            stage = {
                "depth": field_from_config(s, "depth", f"stage{i}_depth", "depth", f"blocks in stage {i}"),
                "expansion": field_from_config(s, "expansion", f"stage{i}_expansion", "expansion",
                                    f"expansion ratio of the blocks of stage {i}", default=6),
                "kernel": field_from_config(s, "kernel", f"stage{i}_kernel", "kernel",
                                 f"depthwise kernel size in stage {i}", default=3),
                "width": field_from_config(s, "width", f"stage{i}_width", "width", f"output channels of stage {i}"),
                "stride": Field(fixed=s.take("stride", int, default=1, options=(1, 2))),
            }
            s.done()
            stages.append(stage)
        return cls(resolution, stages, fixed)

    def _fields(self) -> list[Field]:
        return [self.resolution, *(f for st in self.stages for f in st.values())]

    def variables(self) -> list[dict[str, Any]]:
        return [f.var for f in self._fields() if f.var is not None]

    def spec(self, c: Mapping[str, Any]) -> dict[str, Any]:
        return {"family": "mbv2", "resolution": self.resolution.value(c),
                "in_channels": self.fixed["in_channels"], "num_classes": self.fixed["num_classes"],
                "stem_width": self.fixed["stem_width"],
                "stages": [{k: st[k].value(c) for k in MBV2_STAGE_KEYS} for st in self.stages],
                "head_width": self.fixed["head_width"]}

    def workload(self, c: Mapping[str, Any]) -> Any:
        from workloads.builders import build_workload

        return build_workload(self.spec(c))

    def template(self) -> dict[str, Any]:
        return {"family": "mbv2",
                "summary": "MobileNetV2-style network: 3x3 stem conv, stages of inverted-residual "
                           "blocks (1x1 expand, kxk depthwise, 1x1 project; residual when shapes "
                           "match), 1x1 head conv, global pool, classifier.",
                "fixed": dict(self.fixed),
                "stages": [{k: (f.fixed if f.var is None else f.var["name"]) for k, f in st.items()}
                           for st in self.stages]}


class MMMTArch:
    """One backbone per modality (names of ``workloads.zoo.casia_surf.BACKBONES``)."""

    family = "mmmt"

    def __init__(self, backbones: dict[str, list[str]], resolution: int = 112, num_classes: int = 2) -> None:
        self.backbones = backbones
        self.resolution = resolution
        self.num_classes = num_classes

    @classmethod
    def from_config(cls, sec: Section) -> "MMMTArch":
        from workloads.zoo.casia_surf import BACKBONES

        b = sec.section("backbones", required=True)
        backbones: dict[str, list[str]] = {}
        for modality in list(b.data):
            opts = b.take(modality, (list, str))
            opts = [opts] if isinstance(opts, str) else list(opts)
            if not opts or len(set(opts)) != len(opts):
                raise b.error(modality, f"expected a non-empty list of distinct backbones, got {opts}")
            for o in opts:
                if o not in BACKBONES:
                    raise b.error(modality, f"unknown option {o!r}; expected one of: {', '.join(BACKBONES)}")
            backbones[str(modality)] = opts
        b.done()
        if not backbones:
            raise sec.error("backbones", "expected at least one modality")
        return cls(backbones, sec.take("resolution", int, default=112, low=8),
                   sec.take("num_classes", int, default=2, low=2))

    def variables(self) -> list[dict[str, Any]]:
        return [choice(f"backbone_{m}", opts, role="backbone", description=f"backbone of the {m} modality")
                for m, opts in self.backbones.items() if len(opts) > 1]

    def _chosen(self, c: Mapping[str, Any]) -> dict[str, str]:
        return {m: opts[0] if len(opts) == 1 else c[f"backbone_{m}"] for m, opts in self.backbones.items()}

    def spec(self, c: Mapping[str, Any]) -> dict[str, Any]:
        return {"family": "mmmt", "backbones": self._chosen(c), "resolution": self.resolution,
                "num_classes": self.num_classes}

    def workload(self, c: Mapping[str, Any]) -> Any:
        from workloads.zoo.casia_surf import build_mmmt

        return build_mmmt(self._chosen(c), resolution=self.resolution, num_classes=self.num_classes)

    def template(self) -> dict[str, Any]:
        return {"family": "mmmt", "summary": "CASIA-SURF-style multi-modal network: one backbone "
                "stream per modality, squeeze-excite fusion, shared classifier",
                "modalities": dict(self.backbones), "resolution": self.resolution}


class FixedWorkload:
    """No architecture variables: the workload is a file or a zoo name."""

    family = "fixed"

    def __init__(self, name: str, workload: Any) -> None:
        self.name = name
        self._workload = workload

    @classmethod
    def from_config(cls, sec: Section) -> "FixedWorkload":
        from workloads.load import load_workload

        raw = sec.take("workload", str)
        precision = sec.take("precision", str, default=None)
        path = sec.base_dir / raw
        target = str(path) if path.exists() else raw
        try:
            w = load_workload(target, precision=precision)
        except Exception as e:  # noqa: BLE001 -- re-located below when it is an H2HError
            from workloads.errors import H2HError

            if isinstance(e, H2HError):
                raise sec.error("workload", str(e)) from None
            raise
        return cls(raw, w)

    def variables(self) -> list[dict[str, Any]]:
        return []

    def spec(self, c: Mapping[str, Any]) -> None:
        return None

    def workload(self, c: Mapping[str, Any]) -> Any:
        return self._workload

    def template(self) -> dict[str, Any]:
        return {"family": "fixed", "workload": self.name}

    def semantics(self) -> list[str]:
        """What the fixed network is, for a language model."""
        w = self._workload
        models = ", ".join(w.models)
        return [f"The network is fixed: {self.name}, {len(w)} layers, {w.total_macs / 1e9:.3g} GMACs, "
                f"{w.total_weight_bytes / 1e6:.3g} MB of weights, models: {models}. Only the hardware is searched."]


class FixedScenario(FixedWorkload):
    """No architecture variables: a periodic scenario, scored by the real-time scheduler under
    ``policy`` with ``costs`` (see :mod:`h2h.realtime`)."""

    family = "scenario"
    #: what a scenario's evaluation adds to the hardware metrics, with its direction
    metrics = {"xrbench_score": "max"}

    def __init__(self, name: str, scenario: Any, policy: str, costs: str) -> None:
        super().__init__(name, scenario)
        self.policy, self.costs = policy, costs

    @classmethod
    def from_config(cls, sec: Section) -> "FixedScenario":
        from h2h.realtime.costs import COST_SOURCES
        from h2h.realtime.policies import POLICIES
        from workloads.errors import H2HError
        from workloads.scenario import load_scenario

        raw = sec.take("scenario", str)
        policy = sec.take("policy", str, default="h2h", options=POLICIES)
        costs = sec.take("costs", str, default="maestro", options=COST_SOURCES)
        try:
            scenario = load_scenario(sec.base_dir / raw)
        except H2HError as e:
            raise sec.error("scenario", str(e)) from None
        return cls(raw, scenario, policy, costs)

    def template(self) -> dict[str, Any]:
        return {"family": "scenario", "scenario": self.name, "policy": self.policy, "costs": self.costs}


FAMILIES = {"nb201": NB201Arch, "mbv2": MBV2Arch, "mmmt": MMMTArch}


class WithPrecision:
    """An architecture part whose every workload runs in a chosen precision."""

    def __init__(self, part: Any, precision: str) -> None:
        self.part = part
        self.precision = precision

    def __getattr__(self, name: str) -> Any:   # variables, spec, family, ...: the part's own
        if name in ("part", "precision") or name.startswith("__"):   # (while unpickling)
            raise AttributeError(name)
        return getattr(self.part, name)

    def workload(self, c: Mapping[str, Any]) -> Any:
        from workloads.precision import apply_precision

        return apply_precision(self.part.workload(c), self.precision)

    def template(self) -> dict[str, Any]:
        return {**self.part.template(), "precision": self.precision}


def arch_from_config(sec: Section) -> Any:
    """The architecture part named by ``family`` (or a fixed ``workload`` or ``scenario``)."""
    if "scenario" in sec:
        part = FixedScenario.from_config(sec)
    elif "workload" in sec:   # loaded once, in its precision
        part = FixedWorkload.from_config(sec)
    else:
        precision = sec.take("precision", str, default=None)
        if precision is not None:
            from workloads.errors import H2HError
            from workloads.precision import parse_precision

            try:
                precision = str(parse_precision(precision))
            except H2HError as e:
                raise sec.error("precision", e.message) from None
        family = sec.take("family", str, options=tuple(FAMILIES))
        part = FAMILIES[family].from_config(sec)
        if precision is not None:
            part = WithPrecision(part, precision)
    sec.done()
    return part
