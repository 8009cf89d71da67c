"""Agreement with the real MAESTRO (maestro-project/maestro, commit 4eb08d1).

``test_reference_agreement`` prices all 4,086 rows of ``../shared/reference/maestro_public.csv``
and fails below the target: within 1% of MAESTRO on >= 95% of rows and within 5% on every row but
the documented exceptions below, for runtime and energy (every other column is reported too).

Documented exceptions (72 rows, one reason):

* ``MobileNetV2 / Bottleneck5_2_3`` with K=96, C=384, 14x14 (kcp_ws, yxp_os, rs, xp_ws; all 18
  hardware points). MAESTRO's MobileNetV2 model file names two different layers
  ``Bottleneck5_2_3`` (K=96, C=384, 14x14 and K=576, C=576, 7x7); the reference holds the
  second layer's results on both. Running the MAESTRO binary on the K=96 layer gives what this
  model gives (e.g. kcp_ws, 64 PEs, NoC 16, off-chip 50: 1,016,072 cycles, not 2,286,152).

``test_unseen_agreement`` does the same on ``tests/data/maestro_unseen.csv``: 1,998 cases the MAESTRO
binary (same commit) was run on, with layers, 16 dataflows (three-level ``maeri`` and GEMM, tiled and strided
maps, GEMM variants), batches N > 1, PE counts, bandwidths and hop latencies not in the reference.
Rows on which MAESTRO stopped with an error must be error rows here too, and so must the few
where MAESTRO printed zero MACs (tiny inputs with stride 3: no tile holds a whole output window;
MAESTRO still prints a runtime, this model reports that the dataflow cannot map the layer).
"""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from costmodels.dataflow import load_library, presets
from costmodels.maestro import RESULT_COLUMNS, Hardware, LayerBatch, analyze_batch

DATA = Path(__file__).parent / "data"
KEY_COLUMNS = ("runtime_cycles", "energy_mac_units")


def _documented_exceptions(ref: pd.DataFrame) -> np.ndarray:
    return ((ref["network"] == "MobileNetV2") & (ref["layer"] == "Bottleneck5_2_3")
            & (ref["K"] == 96) & (ref["C"] == 384)).to_numpy()


def _predict(df: pd.DataFrame, library: dict) -> tuple[dict, np.ndarray]:
    pred = {c: np.full(len(df), np.nan) for c in RESULT_COLUMNS}
    error = np.full(len(df), None, dtype=object)
    for name, g in df.groupby("dataflow"):
        rows = np.flatnonzero((df["dataflow"] == name).to_numpy())
        extra = {"hop_latency": g["hop_latency"].to_numpy()} if "hop_latency" in g else {}
        # no buffer limits: MAESTRO only warns when a requirement exceeds them
        hw = Hardware(g["num_pes"].to_numpy(), g["noc_bw"].to_numpy(), g["offchip_bw"].to_numpy(),
                      **extra)
        res = analyze_batch(LayerBatch.from_frame(g), library[name], hw)
        for c in RESULT_COLUMNS:
            pred[c][rows] = getattr(res, c)
        error[rows] = res.error
    return pred, error


def _relative_error(expected, predicted) -> np.ndarray:
    expected = np.asarray(expected, dtype=np.float64)
    return np.abs(predicted - expected) / np.maximum(np.abs(expected), 1e-12)


def _report(title: str, ref: pd.DataFrame, pred: dict, mask: np.ndarray) -> dict[str, np.ndarray]:
    print(f"\n{title}: {int(mask.sum())} rows")
    print(f"{'column':18s} {'exact*':>8s} {'<=1%':>8s} {'<=5%':>8s} {'max rel err':>12s}")
    rel = {}
    for c in RESULT_COLUMNS:
        r = _relative_error(ref[c].to_numpy()[mask], pred[c][mask])
        rel[c] = r
        print(f"{c:18s} {np.mean(r <= 1e-5):8.2%} {np.mean(r <= 0.01):8.2%} {np.mean(r <= 0.05):8.2%}"
              f" {np.nanmax(r):12.3g}")
    print("(*exact: within MAESTRO's 6-significant-digit printing)")
    return rel


def test_reference_agreement(shared_dir):
    ref = pd.read_csv(shared_dir / "reference" / "maestro_public.csv")
    assert len(ref) == 4086
    library = load_library(shared_dir / "reference" / "maestro_public_dataflows.m")
    pred, error = _predict(ref, library)
    assert all(e is None for e in error), {e for e in error if e}
    everything = np.ones(len(ref), dtype=bool)
    rel = _report("maestro_public.csv, all rows", ref, pred, everything)
    exceptions = _documented_exceptions(ref)
    assert exceptions.sum() == 72
    for c in KEY_COLUMNS:
        within_1 = np.mean(rel[c] <= 0.01)
        assert within_1 >= 0.95, f"{c}: only {within_1:.2%} of rows within 1% of MAESTRO"
        off = rel[c] > 0.05
        assert not np.any(off & ~exceptions), (
            f"{c}: undocumented rows beyond 5%: {ref.loc[off & ~exceptions, ['layer', 'dataflow']].head()}")
    # outside the documented exceptions every column matches MAESTRO's printed values
    rest = _report("maestro_public.csv without the documented exceptions", ref, pred, ~exceptions)
    for c in RESULT_COLUMNS:
        assert np.max(rest[c]) <= 1e-5, c


def test_unseen_agreement():
    cases = pd.read_csv(DATA / "maestro_unseen.csv")
    library = load_library(DATA / "maestro_unseen_dataflows.m")
    library = {**presets(), **library}
    pred, error = _predict(cases, library)
    stopped = cases["maestro_stopped"].to_numpy(dtype=bool) | (cases["num_macs"] == 0).to_numpy()
    ours = np.array([e is not None for e in error])
    assert np.array_equal(ours, stopped), cases.loc[ours != stopped, ["layer", "dataflow"]]
    rel = _report("tests/data/maestro_unseen.csv, rows MAESTRO priced", cases, pred, ~stopped)
    for c in RESULT_COLUMNS:
        assert np.max(rel[c]) <= 1e-5, c

