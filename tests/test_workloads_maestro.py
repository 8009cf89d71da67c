"""MAESTRO .m model files: import, export, and both round trips, on hand-written fixtures."""
import warnings

import pytest

from workloads import H2HWarning, Layer, Op, Workload, WorkloadError
from workloads.maestro_m import dumps_maestro, loads_maestro, read_maestro

FIXTURE = """// hand-written fixture in MAESTRO's syntax
Constant SeqLen 16;
Network Tiny {
	Layer CONV1 {
		Type: CONV
		Stride { X: 2, Y: 2 }
		Dimensions { K: 8, C: 3, R: 3, S: 3, Y: 33, X: 33 }
	}

	Layer DW2 {
		Type: DSCONV
		Stride { X: 1, Y: 1 }
		Dimensions { K: 1, C: 8, R: 3, S: 3, Y: 18, X: 18 }
		Dataflow {
			SpatialMap(1,1) C;
			TemporalMap(Sz(R),1) Y; // a comment
			TemporalMap(Sz(S),1) X;
		}
	}

	Layer PW2 {
		Type: CONV
		Dimensions { N: 1, K: 16, C: 8, R: 1, S: 1, Y: 16, X: 16 }
	}

	Layer FC {
		Type: GEMM
		Dimensions { K: 4096, M: 1, N: SeqLen }
	}
}
"""


def load(text=FIXTURE, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        w = loads_maestro(text, file="fixture.m", **kw)
    return w, [str(c.message) for c in caught if issubclass(c.category, H2HWarning)]


def test_import_follows_maestro_conventions():
    w, warns = load()
    assert w.name == "Tiny"
    conv = w.layer("CONV1")
    # Y, X are the input size with no padding: (33 - 3) / 2 + 1 = 16
    assert (conv.in_h, conv.padding, conv.out_h, conv.stride) == (33, (0, 0, 0, 0), 16, (2, 2))
    assert conv.macs == 8 * 3 * 9 * 16 * 16
    dw = w.layer("DW2")
    assert dw.op is Op.DWCONV and dw.out_channels == dw.groups == 8 and dw.macs == 9 * 8 * 16 * 16
    assert dict(dw.attrs)["maestro_dataflow"] == \
        "SpatialMap(1,1) C; TemporalMap(Sz(R),1) Y; TemporalMap(Sz(S),1) X"
    fc = w.layer("FC")
    assert (fc.op, fc.m, fc.k, fc.n) == (Op.GEMM, 1, 4096, 16)  # the Constant resolved
    # CONV1 gives 8x16x16 but DW2 reads 8x18x18 (padding ignored): joined through a resize node
    assert w.layer_names == ["CONV1", "DW2__in", "DW2", "PW2", "FC"]
    assert w.layer("DW2__in").op is Op.PASSTHROUGH and w.layer("DW2__in").macs == 0
    assert [(e.src, e.dst) for e in w.edges] == [("CONV1", "DW2__in"), ("DW2__in", "DW2"),
                                                  ("DW2", "PW2"), ("PW2", "FC")]
    assert len(warns) == 1 and "1 consecutive layer pair" in warns[0]


def test_m_round_trip_is_exact():
    w, _ = load()
    text = dumps_maestro(w)
    w2, _ = load(text)
    assert w2 == w
    assert dumps_maestro(w2) == text
    assert "Dimensions { K: 1, C: 8, R: 3, S: 3, Y: 18, X: 18 }" in text
    assert "\t\t\tTemporalMap(Sz(R),1) Y;" in text


def test_export_converts_padding_depthwise_and_gemm():
    conv = Layer("c1", "conv2d", in_channels=3, out_channels=16, in_h=32, in_w=30, kernel=3,
                 stride=2, padding=(1, 0, 2, 1))
    dw = Layer("dw", "dwconv", in_channels=16, out_channels=16, in_h=17, in_w=15, kernel=3,
               padding=1, groups=16)  # (35 - 3) // 2 + 1 = 17 rows, (31 - 3) // 2 + 1 = 15 columns
    pool = Layer("gap", "pool", in_channels=16, out_channels=16, in_h=17, in_w=15, kernel=(17, 15),
                 stride=(17, 15))
    fc = Layer("fc", "gemm", m=1, k=16, n=10, batch=4)
    att = Layer("qk", "matmul", m=8, k=4, n=8, batch=2)
    w = Workload("net-1", [conv, dw, pool, fc, att], [("c1", "dw"), ("dw", "gap")])
    with pytest.warns(H2HWarning, match="left out 1 zero-MAC"):
        text = dumps_maestro(w)
    assert "Network net_1 {" in text
    # padded input: 32 + 1 + 2 = 35 rows, 30 + 0 + 1 = 31 columns
    assert "Dimensions { K: 16, C: 3, R: 3, S: 3, Y: 35, X: 31 }" in text
    assert "Stride { X: 2, Y: 2 }" in text
    assert "Type: DSCONV" in text and "Dimensions { K: 1, C: 16, R: 3, S: 3, Y: 19, X: 17 }" in text
    assert "Dimensions { K: 16, M: 4, N: 10 }" in text  # batch of shared-weight products -> M
    assert text.count("Dimensions { K: 4, M: 8, N: 8 }") == 2  # one GEMM per attention head
    back, _ = load(text)
    # MACs survive the trip (padding became input size; the pool had none)
    assert back.total_macs == w.total_macs
    assert back.layer("c1").out_h == conv.out_h and back.layer("c1").out_w == conv.out_w


@pytest.mark.parametrize("layer, pattern", [
    (Layer("g", "conv2d", in_channels=8, out_channels=8, in_h=4, in_w=4, groups=2), "no groups"),
    (Layer("d", "conv2d", in_channels=8, out_channels=8, in_h=9, in_w=9, kernel=3, dilation=2), "dilation"),
    (Layer("m", "dwconv", in_channels=8, out_channels=16, in_h=4, in_w=4, groups=8), "multiplier"),
])
def test_export_refuses_what_maestro_cannot_say(layer, pattern):
    with pytest.raises(WorkloadError, match=pattern):
        dumps_maestro(Workload("w", [layer], []))


@pytest.mark.parametrize("text, pattern, where", [
    ("Network X { Layer A { Type: POOL } }", "unsupported layer type 'POOL'", "layer 'A'"),
    ("Network X { Layer A { Type: CONV Dimensions { K: 4, C: 3, R: 3, S: 3, Y: 8 } } }",
     "missing X", "layer 'A'"),
    ("Network X { Layer A { Type: DSCONV Dimensions { K: 2, C: 3, R: 3, S: 3, Y: 8, X: 8 } } }",
     "K: 1", "layer 'A'"),
    ("Network X {\n Layer A {\n Type: GEMM\n Dimensions { K: 4, M: 1, N: Q }\n }\n}",
     "unknown constant 'Q'", "line 4"),
    ("Network X {\n Layer A {\n Type: CONV\n Dimensions { K: 4, C: 3, R: 3, S: 3, Y: 8, X: 8 }\n",
     "expected", "end of file"),
    ("Network X { Layer A { Type: GEMM Dimensions { K: 4, M: 1, N: 2 } }\n"
     " Layer A { Type: GEMM Dimensions { K: 2, M: 1, N: 2 } } }", "duplicate layer name", "layer 'A'"),
    ("Layer A { }", "expected 'Constant' or 'Network'", "line 1"),
    ("Network X { Layer A { Type: GEMM Dimensions { K: 4, M: 1, N: 2 } } } @", "unexpected character",
     "line 1"),
    ("// nothing", "no 'Network", None),
])
def test_malformed_m(text, pattern, where):
    with pytest.raises(WorkloadError, match=pattern) as info:
        loads_maestro(text, file="bad.m")
    msg = str(info.value)
    assert msg.startswith("bad.m") and "\n" not in msg
    if where:
        assert where in msg


def test_duplicate_names_can_be_renamed():
    text = ("Network X {\n Layer A { Type: GEMM Dimensions { K: 4, M: 1, N: 2 } }\n"
            " Layer A { Type: GEMM Dimensions { K: 2, M: 1, N: 2 } }\n}")
    w, _ = load(text, rename_duplicates=True)
    assert w.layer_names == ["A", "A_3"]


def test_example_file_and_cli(capsys, tmp_path):
    from pathlib import Path

    from h2h.cli import main

    example = Path(__file__).resolve().parents[1] / "examples" / "workloads" / "tiny_cnn.m"
    with pytest.warns(H2HWarning):
        w = read_maestro(example)
    assert w.total_macs == 16 * 3 * 9 * 32 * 32 + 9 * 16 * 16 * 16 + 32 * 16 * 16 * 16 + 8192 * 10
    out = tmp_path / "copy.m"
    assert main(["workload", "convert", str(example), str(out)]) == 0
    assert out.read_text() == dumps_maestro(w)
    bad = tmp_path / "bad.m"
    bad.write_text("Network X {\n Layer A {\n Type: TRCONV\n }\n}\n")
    assert main(["workload", "info", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("h2h: error: ") and "line 3" in err[-1] and str(bad) in err[-1]
