"""``h2h system`` and the built-in systems wherever a system is named: map, batch, search spaces."""
from __future__ import annotations

import csv
import json
import textwrap
from pathlib import Path

import pytest
from cli_helpers import run

from h2h.system import System, load_system, system_names

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_list_names_every_builtin_with_its_hardware(capsys):
    code, out, _ = run(capsys, "system", "list", "--json")
    assert code == 0
    rows = {r["name"]: r for r in json.loads(out)}
    assert sorted(rows) == system_names()
    low = rows["hetero4_low"]
    assert (low["accelerators"], low["total_pes"], low["interconnect"], low["bandwidth_gbps"]) == \
        (4, 1024 + 256 + 168 + 64, "bus", 1.0)
    assert low["dataflows"] == ["kcp_ws", "rs", "yxp_os"]
    code, out, _ = run(capsys, "system", "list")
    assert code == 0 and all(name in out for name in system_names())
    assert "bus 1 GB/s" in out


def test_info_by_name_or_file_round_trips_through_json(capsys, tmp_path):
    code, out, _ = run(capsys, "system", "info", "hetero4_ring", "--json")
    assert code == 0
    data = json.loads(out)
    assert Path(data.pop("file")).resolve() == (EXAMPLES / "systems" / "hetero4_ring.yaml").resolve()
    assert System.from_dict(data) == load_system(EXAMPLES / "systems" / "hetero4_ring.yaml")
    code, out, _ = run(capsys, "system", "info", str(EXAMPLES / "systems" / "eyeriss_like.yaml"))
    assert code == 0
    row = next(line.split() for line in out.splitlines() if line.startswith("eyeriss"))
    assert row[1:3] == ["rs", "168"]                          # dataflow and PEs of the one accelerator
    assert "eyeriss_like: 1 accelerator, 168 PEs" in out


def test_unknown_system_is_one_line_naming_the_builtins(capsys):
    for argv in (("system", "info", "hetero4_lo"), ("map", "--workload", "casia_surf", "--system", "hetero4_lo")):
        code, _, err = run(capsys, *argv)
        lines = err.strip().splitlines()
        assert code == 2 and len(lines) == 1, err
        assert lines[0].startswith("h2h: error: hetero4_lo: no such system file (built-in systems: ")
        assert "hetero4_low" in lines[0]


def test_map_takes_a_builtin_name(capsys):
    code, out, _ = run(capsys, "map", "--workload", "casia_surf", "--system", "hetero4_low", "--json")
    assert code == 0
    by_file = json.loads(out)
    code, out, _ = run(capsys, "map", "--workload", "casia_surf", "--system",
                       str(EXAMPLES / "systems" / "hetero4_low.yaml"), "--json")
    named = json.loads(out)
    assert (named["latency_s"], named["mapping"]) == (by_file["latency_s"], by_file["mapping"])


def test_batch_takes_a_builtin_name_and_reports_a_wrong_one_on_its_line(tmp_path, capsys):
    body = textwrap.dedent("""\
        name: named
        experiments:
          - name: m
            task: map
            workload: casia_surf
            system: {system}
            sweep:
              system.interconnect.bandwidth_gbps: [2, 16]
        """)
    good = tmp_path / "good.yaml"
    good.write_text(body.format(system="hetero4_mid"))
    code, _, err = run(capsys, "batch", str(good), "--out", str(tmp_path / "out"))
    assert code == 0, err
    with open(tmp_path / "out" / "summary.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["status"] for r in rows] == ["ok", "ok"]
    assert float(rows[0]["latency_s"]) > float(rows[1]["latency_s"])   # 2 GB/s slower than 16
    bad = tmp_path / "bad.yaml"
    bad.write_text(body.format(system="hetero4_middle"))
    code, _, err = run(capsys, "batch", str(bad), "--check")
    assert code == 2 and err.count("\n") == 1
    assert f"{bad}:6:" in err and "system file not found (built-in systems:" in err


def test_a_search_space_on_a_fixed_builtin_system():
    from h2h.config import ConfigError, Section
    from h2h.space import Space

    space = Space.from_config(Section({"architecture": {"family": "nb201"},
                                       "hardware": {"system": "hetero4_low"}}, file="run.yaml", item="space"))
    assert Path(space.hardware.path).name == "hetero4_low.yaml"
    with pytest.raises(ConfigError, match=r"^run.yaml: space.hardware.system: no such file: hetero "
                                          r"\(built-in systems: eyeriss_like"):
        Space.from_config(Section({"architecture": {"family": "nb201"}, "hardware": {"system": "hetero"}},
                                  file="run.yaml", item="space"))


def test_an_unknown_flag_is_blamed_on_the_innermost_command(capsys):
    """argparse reports unrecognized arguments from the top parser ('h2h: ...'); the line names the
    sub-command whose help lists the flags instead."""
    with pytest.raises(SystemExit) as stop:
        run(capsys, "system", "list", "--bogus", "1")
    assert stop.value.code == 2
    assert capsys.readouterr().err == ("h2h: error: h2h system list: unrecognized arguments: --bogus 1 "
                                       "(see 'h2h system list --help')\n")
    with pytest.raises(SystemExit):
        run(capsys, "--bogus")
    assert capsys.readouterr().err.startswith("h2h: error: h2h: unrecognized arguments: --bogus")
