"""The .m import convention against what the real MAESTRO counted (../shared/reference).

Each distinct layer of the reference table is written as a .m block, imported, and its MAC count
compared with MAESTRO's ``num_macs`` for a dataflow that visits every MAC once (kcp_ws for CONV,
dw for DSCONV, gemm_mp for GEMM). This pins the reading of Y/X as unpadded input sizes, of DSCONV's
K = 1 and of GEMM's M/N/K.
"""
import csv
import warnings

import pytest

from workloads.maestro_m import loads_maestro

EXACT_DATAFLOW = {"CONV": "kcp_ws", "DSCONV": "dw", "GEMM": "gemm_mp"}


SIZES = ("K", "C", "R", "S", "Y", "X", "M", "N", "stride_x", "stride_y")


def reference_layers(shared_dir):
    """One row per distinct layer, leaving out names that MAESTRO's model files use twice.

    MobileNetV2_model.m names two different layers Bottleneck5_2_3; MAESTRO reports the second
    one's counts for both rows (e.g. 16,257,024 MACs beside K=96, C=384, 14x14, which is 7,225,344).
    """
    rows: dict = {}
    sizes: dict = {}
    with open(shared_dir / "reference" / "maestro_public.csv", newline="") as f:
        for r in csv.DictReader(f):
            name = (r["network"], r["layer"])
            sizes.setdefault(name, set()).add(tuple(r[c] for c in SIZES))
            if r["dataflow"] == EXACT_DATAFLOW[r["type"]]:
                rows.setdefault(name, r)
    return [r for name, r in rows.items() if len(sizes[name]) == 1]


def block(i, r):
    if r["type"] == "GEMM":
        dims = f"K: {r['K']}, M: {r['M']}, N: {r['N']}"
        return f"Layer L{i} {{ Type: GEMM Dimensions {{ {dims} }} }}"
    dims = ", ".join(f"{d}: {r[d]}" for d in ("K", "C", "R", "S", "Y", "X"))
    return (f"Layer L{i} {{ Type: {r['type']} Stride {{ X: {r['stride_x']}, Y: {r['stride_y']} }} "
            f"Dimensions {{ {dims} }} }}")


def test_macs_match_maestro(shared_dir):
    rows = reference_layers(shared_dir)
    assert len(rows) > 50
    text = "Network Ref {\n" + "\n".join(block(i, r) for i, r in enumerate(rows)) + "\n}\n"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = loads_maestro(text, file="reference.m")
    for i, r in enumerate(rows):
        layer = w.layer(f"L{i}")
        assert layer.macs == pytest.approx(float(r["num_macs"]), rel=0, abs=0.5), (r["network"], r["layer"])
