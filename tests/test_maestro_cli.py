"""``h2h cost predict``: run in-process on small CSVs."""
import pandas as pd
import pytest

from costmodels.maestro import RESULT_COLUMNS
from h2h.cli import main

HEADER = "network,layer,type,K,C,R,S,Y,X,M,N,stride_x,stride_y,dataflow,num_pes,noc_bw,offchip_bw\n"
GOOD = ("Resnet50,CONV1,CONV,64,3,7,7,224,224,,,2,2,kcp_ws,64,16,50\n"
        "gemm,g64,GEMM,64,,,,,,64,64,,,gemm_mp,64,16,50\n")
BAD = ("x,badtype,FOO,1,1,1,1,1,1,,,1,1,kcp_ws,64,16,50\n"
       "x,nodf,CONV,64,3,7,7,224,224,,,2,2,nvdla,64,16,50\n"
       "x,smallarray,CONV,64,3,7,7,224,224,,,2,2,kcp_ws,16,16,50\n"
       "x,rnots,CONV,64,3,3,5,22,22,,,1,1,yxp_os,64,16,50\n"
       "x,negative,CONV,-4,3,3,3,22,22,,,1,1,kcp_ws,64,16,50\n")


def _run(tmp_path, text, *extra):
    src = tmp_path / "in.csv"
    src.write_text(text)
    out = tmp_path / "out.csv"
    rc = main(["cost", "predict", str(src), "-o", str(out), *extra])
    return rc, out


def test_predict_matches_maestro_and_keeps_going_on_bad_rows(tmp_path, capsys):
    rc, out = _run(tmp_path, HEADER + GOOD + BAD)
    assert rc == 0
    df = pd.read_csv(out)
    # the reference file's columns, in its order, then the error column
    assert list(df.columns) == (HEADER.strip().split(",") + [c for c in RESULT_COLUMNS if c != "energy_mac_units"]
                                + ["energy_mac_units", "error"])
    conv = df.iloc[0]
    # MAESTRO's figures for ResNet-50 CONV1 under kcp_ws, 64 PEs, NoC 16, off-chip 50
    assert (conv.runtime_cycles, conv.l1_req, conv.l2_req, conv.num_macs) == (51706131, 294, 590, 111776448)
    assert conv.energy_mac_units == pytest.approx(1.59949e9, rel=1e-5)
    assert pd.isna(conv.error) and pd.isna(df.iloc[1].error)
    assert df.iloc[1].num_macs == 64 ** 3
    errors = df["error"].tolist()[2:]
    assert "layer 'badtype'" in errors[0] and "field 'type'" in errors[0]
    assert "unknown dataflow 'nvdla'" in errors[1] and "kcp_ws" in errors[1]
    assert "Cluster(64, P)" in errors[2] and "num_pes" in errors[2]
    assert "TemporalMap(Sz(R),Sz(R)) S" in errors[3] and "line" in errors[3]
    assert "field 'K'" in errors[4]
    assert df.iloc[2:][list(RESULT_COLUMNS)].isna().all().all()
    assert "priced 2 of 7 rows" in capsys.readouterr().out


def test_dataflows_option_adds_a_library(tmp_path):
    lib = tmp_path / "mine.m"
    lib.write_text("Dataflow kfirst { SpatialMap(1,1) K; TemporalMap(1,1) C; }\n")
    rc, out = _run(tmp_path, HEADER + "t,pw,CONV,4,3,1,1,1,1,,,1,1,kfirst,4,1000,1000\n",
                   "--dataflows", str(lib))
    assert rc == 0
    row = pd.read_csv(out).iloc[0]
    assert (row.runtime_cycles, row.num_macs, row.filter_l2_read) == (4, 12, 12)  # see test_maestro_hand


def test_bad_files_exit_2_with_one_line(tmp_path, capsys):
    rc, _ = _run(tmp_path, "layer,K\nx,1\n")
    assert rc == 2
    err = capsys.readouterr().err
    assert "missing column(s) type, dataflow" in err and err.count("\n") == 1
    lib = tmp_path / "broken.m"
    lib.write_text("Dataflow b { SpatialMap(1) K; }\n")
    rc, _ = _run(tmp_path, HEADER + GOOD, "--dataflows", str(lib))
    assert rc == 2
    assert "broken.m" in capsys.readouterr().err
    src = tmp_path / "none.csv"
    assert main(["cost", "predict", str(src), "-o", str(tmp_path / "o.csv")]) == 2


def test_optional_buffer_and_hop_columns(tmp_path):
    text = (HEADER.strip() + ",l1_size,hop_latency\n"
            "t,pw,CONV,4,3,1,1,1,1,,,1,1,kcp_ws,64,1000,1000,100000,1\n"
            "t,tiny_l1,CONV,64,3,7,7,224,224,,,2,2,kcp_ws,64,16,50,10,1\n"
            "t,hop3,CONV,4,3,1,1,1,1,,,1,1,kcp_ws,64,1000,1000,100000,3\n")
    rc, out = _run(tmp_path, text)
    assert rc == 0
    df = pd.read_csv(out)
    assert pd.isna(df.error[0]) and "L1 requirement 294 elements exceeds l1_size 10" in df.error[1]
    assert df.runtime_cycles[2] > df.runtime_cycles[0]  # each NoC transfer pays 2 more cycles


def test_each_bad_row_names_its_first_bad_field(tmp_path):
    """The column-wise checks report, per row, the first bad field in the row's own field order
    (type, the layer fields, num_pes, bandwidths), with the field as written."""
    rows = ("x,frac,CONV,4.5,3,3,3,22,22,,,1,1,kcp_ws,64,16,50\n"
            "x,word_then_neg,CONV,4,three,-3,3,22,22,,,1,1,kcp_ws,64,16,50\n"
            "x,inf,CONV,4,3,3,3,22,22,,,1,1,kcp_ws,64,inf,50\n"
            "x,gemm_zero,GEMM,4,,,,,,0,4,,,gemm_mp,64,16,50\n"
            "x,huge,CONV,4,3,3,3,3000000000,22,,,1,1,kcp_ws,64,16,50\n"
            "x,bigprod,CONV,100000,100000,3,3,2000,2000,,,1,1,kcp_ws,64,16,50\n"
            "x,pes,CONV,4,3,3,3,22,22,,,1,1,kcp_ws,64.5,16,50\n"
            "x,short,CONV,4,3,3\n"
            "x,fine,CONV,4,3,3,3,22,22,,,1,1,kcp_ws,64,0.5,50.5\n")
    rc, out = _run(tmp_path, HEADER + rows)
    assert rc == 0
    errors = pd.read_csv(out, keep_default_na=False)["error"].tolist()
    assert errors == [
        "row 1, network 'x', layer 'frac': field 'K' must be a positive integer, got '4.5'",
        "row 2, network 'x', layer 'word_then_neg': field 'C' must be a positive integer, got 'three'",
        "row 3, network 'x', layer 'inf': field 'noc_bw' must be a positive number, got 'inf'",
        "row 4, network 'x', layer 'gemm_zero': field 'M' must be a positive integer, got '0'",
        "row 5, network 'x', layer 'huge': field 'Y' must be at most 2**31 - 1 = 2147483647, got '3000000000'",
        "row 6, network 'x', layer 'bigprod': the product of the layer's dimensions (360000000000000000) "
        "exceeds the sane maximum of 2**48",
        "row 7, network 'x', layer 'pes': field 'num_pes' must be a positive integer, got '64.5'",
        "row 8, network 'x', layer 'short': has 6 fields, expected 17 as in the header",
        ""]
