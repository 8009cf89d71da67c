"""``h2h system``: list the built-in systems and describe a system, so a user can see what a mapping
or a co-design runs on before writing a system YAML of their own."""
from __future__ import annotations

import argparse
import json
from typing import Any

from .tables import count_noun, text_table


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("system", help="list the built-in systems, describe a system",
                              description="List the systems that ship with h2h (examples/systems/) "
                              "and describe any system file.")
    sub = p.add_subparsers(dest="system_command", metavar="ACTION")
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    ls = sub.add_parser("list", help="the built-in systems: accelerators, PEs and interconnect")
    ls.add_argument("--json", action="store_true", help="print a JSON list, one summary per system")
    ls.set_defaults(func=_list)

    info = sub.add_parser("info", help="accelerators and links of one system",
                          description="SPEC is a built-in system name (h2h system list) or a system "
                          "YAML file.")
    info.add_argument("spec", metavar="SPEC")
    info.add_argument("--json", action="store_true", help="print the system as one JSON object")
    info.set_defaults(func=_info)


def summary(system: Any) -> dict[str, Any]:
    """One line's worth of a system: what ``list --json`` prints per system."""
    ic = system.interconnect
    return {"name": system.name, "accelerators": len(system.accelerators),
            "total_pes": sum(a.num_pes for a in system.accelerators),
            "dataflows": sorted({a.model_label for a in system.accelerators}),
            "interconnect": ic.kind, "links": len(system.links), "bandwidth_gbps": ic.bandwidth_gbps,
            "description": system.description}


def _interconnect_text(s: dict[str, Any]) -> str:
    bw = s["bandwidth_gbps"]
    return f"{s['interconnect']} {bw:g} GB/s" if bw is not None else count_noun(s["links"], "link")


def _list(args: argparse.Namespace) -> int:
    from h2h.system import load_system, system_names

    out = [summary(load_system(name)) for name in system_names()]
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    rows = [[s["name"], s["accelerators"], s["total_pes"], ",".join(s["dataflows"]), _interconnect_text(s)]
            for s in out]
    print(text_table(rows, ["name", "accelerators", "PEs", "dataflows", "interconnect"]))
    return 0


def _info(args: argparse.Namespace) -> int:
    from h2h.system import load_system, system_path

    system = load_system(args.spec)
    if args.json:
        print(json.dumps({**system.to_dict(), "file": str(system_path(args.spec))}, indent=1))
        return 0
    rows = [[a.name, a.model_label, a.num_pes, a.l1_bytes, f"{a.l2_bytes / 1024:g}", f"{a.noc_bw:g}",
             f"{a.offchip_bw:g}", f"{a.clock_ghz:g}", f"{a.dram_capacity_bytes / 2**20:g}",
             f"{a.dram_bandwidth_gbps:g}", f"{a.static_power_w:g}"] for a in system.accelerators]
    print(text_table(rows, ["accelerator", "dataflow", "PEs", "L1 B/PE", "L2 KiB", "NoC el/cycle",
                            "off-chip el/cycle", "GHz", "DRAM MiB", "DRAM GB/s", "static W"]))
    links = [[k.name, ",".join(k.endpoints), f"{k.bandwidth_gbps:g}", f"{k.latency_s * 1e9:g}",
              f"{k.pj_per_byte:g}"] for k in system.links]
    print()
    print(text_table(links, ["link", "joins", "GB/s", "latency ns", "pJ/byte"]))
    s = summary(system)
    print(f"\n{system.name}: {count_noun(s['accelerators'], 'accelerator')}, {s['total_pes']} PEs, "
          f"{_interconnect_text(s)}; host memory '{system.host.name}'"
          + (f"; conventions {system.conventions}" if system.conventions != "overlapped" else "")
          + (f"\n{system.description}" if system.description else ""))
    return 0
