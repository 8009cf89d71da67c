"""Hardware parts of the search space: the system a candidate runs on, its area and its budgets.

Config (the ``hardware`` section of a space), one of:

* a fixed system (no hardware variables)::

      hardware: {system: systems/hetero4_mid.yaml}

* a searched system: 1..N accelerators, each with its own dataflow, PE count and buffers, joined
  by an interconnect whose bandwidth is searched; every field takes a fixed value, a list of
  choices, or an ``{low, high, step?}`` range::

      hardware:
        num_accelerators: {low: 1, high: 4}
        dataflow: [kcp_ws, yxp_os, rs]          # MAESTRO presets (or .m paths)
        pe_count: [64, 128, 256, 512, 1024]
        l1_bytes: [64, 128, 256, 512]           # per PE
        l2_bytes: [65536, 262144, 1048576]
        bandwidth_gbps: [4, 8, 16, 32]          # interconnect, 1e9 bytes/s
        interconnect: {kind: bus, latency_ns: 100}
        accelerator_defaults: {clock_ghz: 1.0, noc_bw: 64, offchip_bw: 64}  # other AcceleratorSpec fields
        technology: {pj_per_mac: 0.23}          # optional, costmodels.technology overrides
        budgets: {total_pes: 2048, area_mm2: 20}
        area_model: {mac_um2: 4470.9014}        # optional overrides of AreaModel

Accelerator ``i`` (0-based) exists when ``num_accelerators >= i + 1``; its variables
(``acc{i}_dataflow``, ``acc{i}_pe_count``, ``acc{i}_l1_bytes``, ``acc{i}_l2_bytes``) carry that
``active_if``. Budgets become declarative constraints of the space description, so agents can
check them before proposing and pymoo sees them as inequality constraints.

Area model (``AreaModel``): the MAESTRO design-space-exploration cost database
(maestro-project/maestro, ``cost-model/include/design-space-exploration/DSE_cost-database.hpp``
and ``DSE_hardware_modules.hpp``, 28 nm): an accelerator is ``num_pes`` x (one MAC of
4470.9014 um^2 + an L1 SRAM of 4505.1889 um^2 per 64 bytes) + an L2 SRAM of 4161.536 um^2 per
32768 bytes. We use those per-byte rates linearly (MAESTRO rounds up to whole 64 B / 32 KiB
banks), so the area is a sum of products of at most two variables and the budget is exactly a
declarative constraint. MAESTRO's NoC terms (a bus linear and a matrix arbiter quadratic in the PE
count) are left out: they model one specific all-to-all PE network and, at 1024 PEs, the
quadratic arbiter alone would exceed 500 mm^2, which says more about that network than about the
accelerator.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any

from h2h.config import Section

from .variables import Field, field_from_config

UM2_PER_MM2 = 1e6


@dataclass(frozen=True)
class AreaModel:
    """MAESTRO DSE area per PE (MAC), per L1 byte and per L2 byte, in um^2 (see module docstring)."""

    mac_um2: float = 4470.9014
    l1_um2_per_byte: float = 4505.1889 / 64
    l2_um2_per_byte: float = 4161.536 / 32768

    def accelerator_mm2(self, num_pes: float, l1_bytes: float, l2_bytes: float) -> float:
        um2 = num_pes * (self.mac_um2 + self.l1_um2_per_byte * l1_bytes) + self.l2_um2_per_byte * l2_bytes
        return um2 / UM2_PER_MM2

    def system_mm2(self, system: Any) -> float:
        return sum(self.accelerator_mm2(a.num_pes, a.l1_bytes, a.l2_bytes) for a in system.accelerators)

    @classmethod
    def from_config(cls, sec: Section) -> "AreaModel":
        model = cls(**{f.name: sec.take(f.name, float, default=getattr(cls, f.name), low=0)
                       for f in fields(cls)})
        sec.done()
        return model


class FixedSystem:
    """No hardware variables: every candidate runs on one system file."""

    def __init__(self, system: Any, path: str, area_model: AreaModel = AreaModel()) -> None:
        self._system = system
        self.path = path
        self.area_model = area_model

    @classmethod
    def from_config(cls, sec: Section) -> "FixedSystem":
        from h2h.system import builtin_systems_hint, load_system, system_path

        raw = sec.take("system", str)
        path = system_path(raw, sec.base_dir)
        if not path.is_file():
            raise sec.error("system", f"no such file: {raw} {builtin_systems_hint()}")
        system = load_system(path)
        area = AreaModel.from_config(sec.section("area_model"))
        return cls(system, str(path), area)

    def variables(self) -> list[dict[str, Any]]:
        return []

    def constraints(self) -> list[dict[str, Any]]:
        return []

    def system(self, c: Mapping[str, Any]) -> Any:
        return self._system

    def area_mm2(self, c: Mapping[str, Any]) -> float:
        return self.area_model.system_mm2(self._system)

    def template(self) -> dict[str, Any]:
        s = self._system
        return {"system": s.name, "accelerators": [
            {"name": a.name, "dataflow": a.dataflow, "num_pes": a.num_pes, "l1_bytes": a.l1_bytes,
             "l2_bytes": a.l2_bytes, "clock_ghz": a.clock_ghz} for a in s.accelerators],
            "interconnect": s.interconnect.kind}


def _active(i: int, num: Field) -> dict[str, Any] | None:
    """The condition under which accelerator ``i`` exists (None when it always does)."""
    if num.var is None or i + 1 <= min(num.values or [num.fixed]):
        return None
    return {"var": "num_accelerators", "ge": i + 1}


#: a searched system's most accelerators: each one adds its own variables to the search
MAX_SEARCHED_ACCELERATORS = 64


class SearchedSystem:
    """1..N accelerators with per-accelerator dataflow, PEs and buffers, and a searched bandwidth."""

    PER_ACC = ("dataflow", "pe_count", "l1_bytes", "l2_bytes")

    def __init__(self, *, num: Field, per_acc: dict[str, Field], bandwidth: Field,
                 interconnect: dict[str, Any], accelerator_defaults: dict[str, Any],
                 technology: Any, budgets: dict[str, float], area_model: AreaModel) -> None:
        self.num = num
        self.per_acc = per_acc
        self.bandwidth = bandwidth
        self.interconnect = interconnect
        self.accelerator_defaults = accelerator_defaults
        self.technology = technology
        self.budgets = budgets
        self.area_model = area_model
        counts = num.values or [num.fixed]
        self.max_accelerators = int(max(counts))

    @classmethod
    def from_config(cls, sec: Section) -> "SearchedSystem":
        from costmodels.accelerator import AcceleratorSpec
        from costmodels.technology import Technology
        from workloads.errors import H2HError

        from costmodels.accelerator import MAX_BYTES, MAX_COUNT

        num = field_from_config(sec, "num_accelerators", "num_accelerators", "num_accelerators",
                                "number of accelerators in the system", default=1,
                                high_bound=MAX_SEARCHED_ACCELERATORS)
        per_acc = {
            "dataflow": field_from_config(sec, "dataflow", "dataflow", "dataflow",
                                          "dataflow of the accelerator's convolutions", kind="str"),
            "pe_count": field_from_config(sec, "pe_count", "pe_count", "pe_count", "PEs of the accelerator",
                                          high_bound=MAX_COUNT),
            "l1_bytes": field_from_config(sec, "l1_bytes", "l1_bytes", "l1_bytes",
                                          "L1 scratchpad bytes per PE", default=512, high_bound=MAX_BYTES),
            "l2_bytes": field_from_config(sec, "l2_bytes", "l2_bytes", "l2_bytes",
                                          "shared L2 buffer bytes", default=1 << 20, high_bound=MAX_BYTES),
        }
        bandwidth = field_from_config(sec, "bandwidth_gbps", "bandwidth_gbps", "bandwidth_gbps",
                                      "interconnect bandwidth in GB/s (1e9 bytes/s)", default=8.0,
                                      kind="real", low_bound=1e-9)
        ic = sec.section("interconnect")
        interconnect = {"kind": ic.take("kind", str, default="bus", options=("bus", "crossbar")),
                        "latency_s": ic.take("latency_ns", float, default=100.0, low=0) * 1e-9,
                        "pj_per_byte": ic.take("pj_per_byte", float, default=None, low=0)}
        ic.done()
        defaults = sec.section("accelerator_defaults")
        allowed = {f.name for f in fields(AcceleratorSpec)} - {"name", "dataflow", "num_pes", "l1_bytes",
                                                                "l2_bytes"}
        for key in defaults.data:
            if key not in allowed:
                raise defaults.error(key, f"unknown key; expected some of: {', '.join(sorted(allowed))}")
        accelerator_defaults = dict(defaults.data)
        try:
            technology = Technology.from_dict(dict(sec.raw("technology", {}) or {}))
            for df in (per_acc["dataflow"].values or []):
                AcceleratorSpec(name="probe", dataflow=df, num_pes=1, **accelerator_defaults)
        except H2HError as e:
            raise sec.error("accelerator_defaults", e.message) from None
        from costmodels.dataflow import load_dataflow

        for df in (per_acc["dataflow"].values or []):   # every option loads, before any evaluation
            try:
                load_dataflow(str(df))
            except H2HError as e:
                raise sec.error("dataflow", f"{df!r}: {e.message}") from None
        b = sec.section("budgets")
        budgets = {k: v for k, v in (("total_pes", b.take("total_pes", float, default=None, low=0)),
                                     ("area_mm2", b.take("area_mm2", float, default=None, low=0)))
                   if v is not None}
        b.done()
        area = AreaModel.from_config(sec.section("area_model"))
        sec.done()
        return cls(num=num, per_acc=per_acc, bandwidth=bandwidth, interconnect=interconnect,
                   accelerator_defaults=accelerator_defaults, technology=technology, budgets=budgets,
                   area_model=area)

    # ---- variables and constraints --------------------------------------------------------------
    def _name(self, i: int, key: str) -> str:
        return f"acc{i}_{key}"

    def variables(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        if self.num.var is not None:
            out.append(dict(self.num.var))
        for i in range(self.max_accelerators):
            cond = _active(i, self.num)
            for key in self.PER_ACC:
                f = self.per_acc[key]
                if f.var is not None:
                    v = {**f.var, "name": self._name(i, key),
                         "description": f"{f.var['description']} (accelerator {i})"}
                    if cond:
                        v["active_if"] = cond
                    out.append(v)
        if self.bandwidth.var is not None:
            out.append(dict(self.bandwidth.var))
        return out

    def _term(self, coef: float, fields_: list[Field], i: int) -> dict[str, Any]:
        """``coef * product(fields)``: fixed fields fold into the coefficient."""
        names = []
        for f in fields_:
            if f.var is None:
                coef *= float(f.fixed)
            else:
                names.append(self._name(i, next(k for k, g in self.per_acc.items() if g is f)))
        term: dict[str, Any] = {"coef": coef, "vars": names}
        cond = _active(i, self.num)
        if cond:
            term["active_if"] = cond
        return term

    def constraints(self) -> list[dict[str, Any]]:
        out = []
        pe, l1, l2 = (self.per_acc[k] for k in ("pe_count", "l1_bytes", "l2_bytes"))
        accs = range(self.max_accelerators)
        if "total_pes" in self.budgets:
            out.append({"name": "total_pes", "le": self.budgets["total_pes"],
                        "description": "PEs summed over the accelerators",
                        "terms": [self._term(1.0, [pe], i) for i in accs]})
        if "area_mm2" in self.budgets:
            m = self.area_model
            terms = []
            for i in accs:
                terms += [self._term(m.mac_um2 / UM2_PER_MM2, [pe], i),
                          self._term(m.l1_um2_per_byte / UM2_PER_MM2, [pe, l1], i),
                          self._term(m.l2_um2_per_byte / UM2_PER_MM2, [l2], i)]
            out.append({"name": "area_mm2", "le": self.budgets["area_mm2"],
                        "description": "MAESTRO-style area in mm^2: PEs x (MAC + L1 bytes x per-byte "
                                       "SRAM area) + L2 bytes x per-byte SRAM area, summed",
                        "terms": terms})
        return out

    # ---- decoding -------------------------------------------------------------------------------
    def count(self, c: Mapping[str, Any]) -> int:
        return int(self.num.value(c))

    def _acc_value(self, c: Mapping[str, Any], i: int, key: str) -> Any:
        f = self.per_acc[key]
        return f.fixed if f.var is None else c[self._name(i, key)]

    def system(self, c: Mapping[str, Any]) -> Any:
        from costmodels.accelerator import AcceleratorSpec
        from h2h.system import HostMemory, Interconnect, System

        accs = tuple(AcceleratorSpec(name=f"acc{i}", dataflow=self._acc_value(c, i, "dataflow"),
                                     num_pes=int(self._acc_value(c, i, "pe_count")),
                                     l1_bytes=int(self._acc_value(c, i, "l1_bytes")),
                                     l2_bytes=int(self._acc_value(c, i, "l2_bytes")),
                                     **self.accelerator_defaults)
                     for i in range(self.count(c)))
        host = HostMemory()
        pj = self.interconnect["pj_per_byte"]
        ic = Interconnect.build(self.interconnect["kind"], [host.name, *(a.name for a in accs)],
                                bandwidth_gbps=float(self.bandwidth.value(c)),
                                latency_s=self.interconnect["latency_s"],
                                pj_per_byte=self.technology.pj_per_link_byte if pj is None else pj)
        return System("searched", accs, ic, host, self.technology)

    def area_mm2(self, c: Mapping[str, Any]) -> float:
        return sum(self.area_model.accelerator_mm2(self._acc_value(c, i, "pe_count"),
                                                   self._acc_value(c, i, "l1_bytes"),
                                                   self._acc_value(c, i, "l2_bytes"))
                   for i in range(self.count(c)))

    def template(self) -> dict[str, Any]:
        return {"max_accelerators": self.max_accelerators, "interconnect": self.interconnect["kind"],
                "budgets": dict(self.budgets), "accelerator_defaults": dict(self.accelerator_defaults)}


def hardware_from_config(sec: Section) -> Any:
    """A fixed ``system`` file, or a searched system (see the module docstring)."""
    if "system" in sec:
        part = FixedSystem.from_config(sec)
        sec.done()
        return part
    return SearchedSystem.from_config(sec)


__all__ = ["AreaModel", "FixedSystem", "SearchedSystem", "hardware_from_config"]
