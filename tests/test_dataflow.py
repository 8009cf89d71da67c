"""The MAESTRO directive language: parsing, libraries, presets, error messages."""
from pathlib import Path

import numpy as np
import pytest

from costmodels.dataflow import (Dataflow, load_dataflow, load_library, parse_dataflow,
                                 parse_library, preset, presets)
from costmodels.errors import DataflowError
from workloads.errors import H2HError

PRESET_NAMES = {"kcp_ws", "yxp_os", "rs", "xp_ws", "dw", "gemm_mp", "gemm_np"}


def test_presets_are_shipped_and_complete():
    assert set(presets()) == PRESET_NAMES
    kcp = preset("kcp_ws")
    kinds = [d.kind for d in kcp.directives]
    assert kinds.count("Cluster") == 1 and kinds[0] == "SpatialMap"
    assert [d.dim for d in kcp.directives if d.kind != "Cluster"][:6] == ["K", "C", "R", "S", "Y", "X"]


def test_presets_match_the_public_reference_definitions(shared_dir):
    ref = load_library(shared_dir / "reference" / "maestro_public_dataflows.m")
    assert set(ref) == PRESET_NAMES
    for name, df in ref.items():
        assert [str(d) for d in df.directives] == [str(d) for d in preset(name).directives], name


def test_sizes_and_offsets_resolve_per_layer():
    df = parse_dataflow("SpatialMap(Sz(R), 1) Y;\nTemporalMap(Sz(S)-1, 2*Sz(S)) X;\n"
                        "TemporalMap((Sz(R)+1)/2, 3) K;")
    sizes = {"R": np.array([3, 5]), "S": np.array([7, 1])}
    y, x, k = df.directives
    assert list(y.size.evaluate(sizes)) == [3, 5] and y.offset.evaluate(sizes) == 1
    assert list(x.size.evaluate(sizes)) == [6, 0] and list(x.offset.evaluate(sizes)) == [14, 2]
    assert list(k.size.evaluate(sizes)) == [2, 3]
    assert x.size.dims() == {"S"}


def test_comments_primes_and_line_numbers():
    text = ("// header\nDataflow a { /* block\ncomment */ SpatialMap(1,1) Y';\n"
            "  TemporalMap(1,1) X'; // trailing\n  Cluster(Sz(R), P);\n  SpatialMap(1,1) R;\n}\n")
    lib = parse_library(text)
    d = lib["a"].directives
    assert [x.dim for x in d] == ["Y'", "X'", None, "R"]
    assert [x.line for x in d] == [3, 4, 5, 6]
    assert d[2].kind == "Cluster" and d[2].cluster_type == "P" and str(d[2].size) == "Sz(R)"


def test_to_text_round_trips():
    for df in presets().values():
        again = parse_library(df.to_text())[df.name]
        assert [str(d) for d in again.directives] == [str(d) for d in df.directives]


@pytest.mark.parametrize("text, fragment", [
    ("SpatialMap(1) K;", "takes (size, offset)"),
    ("SpatialMap(1,1) Q;", "needs a dimension"),
    ("SpatialMap(1,1) K;\nFlatMap(1,1) C;", "unknown directive 'FlatMap'"),
    ("SpatialMap(0,1) K;", "size must be a positive integer"),
    ("SpatialMap(1,Sz(Z)) K;", "Sz() needs one of"),
    ("SpatialMap(1,1) K;\nCluster(4, Q);", "Cluster takes (size, P)"),
    ("TemporalMap(1,1) K;", "at least one SpatialMap"),
    ("SpatialMap(1,1+) K;", "unexpected end"),
])
def test_malformed_directives_name_the_directive_and_line(text, fragment):
    with pytest.raises(DataflowError) as e:
        parse_dataflow(text, name="bad")
    msg = str(e.value)
    assert fragment in msg and "dataflow 'bad'" in msg
    assert isinstance(e.value, H2HError) and "\n" not in msg


def test_line_number_of_a_bad_directive_in_a_library():
    text = "Dataflow ok {\n SpatialMap(1,1) K;\n}\nDataflow broken {\n SpatialMap(1,1) K;\n TemporalMap(1) C;\n}\n"
    with pytest.raises(DataflowError, match=r"dataflow 'broken' line 6: directive 'TemporalMap\(1\) C'"):
        parse_library(text, file="lib.m")


def test_library_structure_errors():
    with pytest.raises(DataflowError, match="missing '}'"):
        parse_library("Dataflow a { SpatialMap(1,1) K;")
    with pytest.raises(DataflowError, match="defined twice"):
        parse_library("Dataflow a { SpatialMap(1,1) K; }\nDataflow a { SpatialMap(1,1) K; }")
    with pytest.raises(DataflowError, match="outside a Dataflow block"):
        parse_library("Dataflow a { SpatialMap(1,1) K; }\nSpatialMap(1,1) C;")


def test_unknown_preset_lists_the_known_ones():
    with pytest.raises(DataflowError) as e:
        preset("nvdla")
    assert "dataflow 'nvdla'" in str(e.value) and "kcp_ws" in str(e.value)
    with pytest.raises(DataflowError, match="unknown dataflow"):
        load_dataflow("nvdla")


def test_load_dataflow_by_name_path_and_block(tmp_path: Path):
    assert load_dataflow("rs") is preset("rs")
    single = tmp_path / "mine.m"
    single.write_text("SpatialMap(1,1) K;\nTemporalMap(2,2) C;\n")
    df = load_dataflow(single)
    assert isinstance(df, Dataflow) and df.name == "mine" and len(df.directives) == 2
    lib = tmp_path / "lib.m"
    lib.write_text("Dataflow a { SpatialMap(1,1) K; }\nDataflow b { SpatialMap(1,1) C; }\n")
    assert load_dataflow(f"{lib}:b").directives[0].dim == "C"
    with pytest.raises(DataflowError, match="holds 2 dataflows"):
        load_dataflow(lib)
    with pytest.raises(DataflowError, match="not found"):
        load_dataflow(tmp_path / "missing.m")
    assert load_dataflow("a", library=load_library(lib)).directives[0].dim == "K"


def test_constants_and_directives_without_semicolons():
    """MAESTRO files declare ``Constant NAME value;`` and its tokenizer does not need ';'."""
    lib = parse_library("Constant KTile 16;\nDataflow g {\n  TemporalMap(KTile,KTile) K\n"
                        "  SpatialMap(1,1) M\n  TemporalMap(Sz(N), Sz(N)) N;\n}\n")
    d = lib["g"].directives
    assert [str(x) for x in d] == ["TemporalMap(16,16) K;", "SpatialMap(1,1) M;",
                                   "TemporalMap(Sz(N),Sz(N)) N;"]
    assert [x.line for x in d] == [3, 4, 5]
    with pytest.raises(DataflowError, match="unexpected 'KTile'"):
        parse_dataflow("TemporalMap(KTile,1) K; SpatialMap(1,1) C;")
