"""``h2h cost predict`` keeps an input column that has the name of one it writes, as ``<name>_input``.

The repository's MAESTRO file carries MAESTRO's own results under the names h2h writes; they used to
be overwritten, so the two could not be compared.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from costmodels.dataflow import load_library, presets
from costmodels.maestro import RESULT_COLUMNS, Hardware, LayerBatch, analyze_batch
from h2h.cli import main
from h2h.cli.cost import input_renames, rename_note

DATA = Path(__file__).parent / "data"
DATAFLOWS = DATA / "maestro_unseen_dataflows.m"
HAND_SET_CYCLES = 7  # written into the input by hand: no analysis of that layer gives it


def _two_rows(tmp_path: Path) -> tuple[Path, list[dict[str, str]]]:
    """Rows L1 (DSCONV, nlr) and L2 (CONV, xp_ws) of the MAESTRO file; L1's runtime set by hand."""
    with open(DATA / "maestro_unseen.csv", newline="") as f:
        reader = csv.DictReader(f)
        header = list(reader.fieldnames or [])
        rows = [r for r in reader if r["network"] == "rand" and r["layer"] in ("L1", "L2")][:2]
    assert [r["layer"] for r in rows] == ["L1", "L2"]
    rows[0]["runtime_cycles"] = str(HAND_SET_CYCLES)
    src = tmp_path / "in.csv"
    with open(src, "w", newline="") as f:
        writer = csv.DictWriter(f, header)
        writer.writeheader()
        writer.writerows(rows)
    return src, rows


def _api(library, dataflow: str, layers: LayerBatch, num_pes, noc_bw, offchip_bw, hop_latency):
    return analyze_batch(layers, library[dataflow], Hardware(num_pes, noc_bw, offchip_bw, hop_latency=hop_latency))


def test_input_results_survive_beside_h2hs(tmp_path, capsys):
    src, rows = _two_rows(tmp_path)
    out = tmp_path / "out.csv"
    assert main(["cost", "predict", str(src), "--dataflows", str(DATAFLOWS), "-o", str(out)]) == 0
    stdout = capsys.readouterr().out.splitlines()
    notes = [line for line in stdout if line.startswith("note:")]
    assert len(notes) == 1 and "20 input column(s)" in notes[0] and "runtime_cycles" in notes[0]
    df = pd.read_csv(out)
    for c in RESULT_COLUMNS:
        assert c in df and f"{c}_input" in df, c
    assert list(df.columns[-len(RESULT_COLUMNS) - 1:-1]) == [c for c in RESULT_COLUMNS if c != "energy_mac_units"] + ["energy_mac_units"]

    # the input's values, as written
    assert df["runtime_cycles_input"].tolist() == [HAND_SET_CYCLES, int(rows[1]["runtime_cycles"])]
    assert df["energy_mac_units_input"].tolist() == [float(rows[0]["energy_mac_units"]),
                                                     float(rows[1]["energy_mac_units"])]
    # h2h's values: the cost model's API on each layer
    library = {**presets(), **load_library(DATAFLOWS)}  # as the CLI builds it
    l1 = _api(library, "nlr", LayerBatch.dsconv(C=42, R=2, S=2, Y=27, X=27, stride_y=2, stride_x=2),
              1024, 1000, 50, 2)
    l2 = _api(library, "xp_ws", LayerBatch.conv(K=62, C=166, R=3, S=3, Y=50, X=34), 300, 5, 50, 1)
    for row, res in ((df.iloc[0], l1), (df.iloc[1], l2)):
        assert res.error[0] is None and pd.isna(row["error"])
        assert row["runtime_cycles"] == res.runtime_cycles[0]
        assert row["num_macs"] == res.num_macs[0]
        assert row["energy_mac_units"] == pytest.approx(res.energy_mac_units[0], rel=1e-12)
    assert df["runtime_cycles"][0] != HAND_SET_CYCLES
    # and h2h agrees with MAESTRO's own figures left in the input (within 1%, as the README states)
    assert df["runtime_cycles"][1] == pytest.approx(df["runtime_cycles_input"][1], rel=0.01)
    assert df["energy_mac_units"][0] == pytest.approx(df["energy_mac_units_input"][0], rel=0.01)


def test_rerun_on_an_output_keeps_every_column(tmp_path, capsys):
    src, _ = _two_rows(tmp_path)
    first, second = tmp_path / "first.csv", tmp_path / "second.csv"
    assert main(["cost", "predict", str(src), "--dataflows", str(DATAFLOWS), "-o", str(first)]) == 0
    assert main(["cost", "predict", str(first), "--dataflows", str(DATAFLOWS), "-o", str(second)]) == 0
    note = [line for line in capsys.readouterr().out.splitlines() if line.startswith("note:")][-1]
    assert "21 input column(s)" in note and "runtime_cycles (as runtime_cycles_input2)" in note
    a, b = pd.read_csv(first), pd.read_csv(second)
    assert len(b.columns) == len(a.columns) + len(RESULT_COLUMNS) + 1
    # the column already named runtime_cycles_input keeps its name; the clashing one takes the next
    assert b["runtime_cycles_input"].tolist() == a["runtime_cycles_input"].tolist()
    assert b["runtime_cycles_input2"].tolist() == a["runtime_cycles"].tolist()
    assert b["runtime_cycles"].tolist() == a["runtime_cycles"].tolist()
    assert "error_input" in b


def test_no_clash_means_no_rename_and_no_note():
    assert input_renames(["network", "K", "runtime"], ["runtime_cycles", "error"]) == {}
    renames = input_renames(["error", "x", "error_input"], ["error"])
    assert renames == {"error": "error_input2"}
    assert rename_note(renames).endswith(": error (as error_input2)")
