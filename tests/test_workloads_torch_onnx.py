"""ONNX files exported here by PyTorch (legacy and dynamo exporters) load with their shapes, MACs and
modalities: MACs against torch's FLOP counter, model tags against the network's known branches."""
import json
import warnings

import pytest

torch = pytest.importorskip("torch")
pytest.importorskip("onnxscript")   # the dynamo exporter's dependency

import h2h  # noqa: E402
from torch_models import ResNet18, TextEncoder, ThreeModal, TwoBranch, ViT, export, torch_macs  # noqa: E402
from workloads import H2HWarning, Op, WorkloadError, load_workload  # noqa: E402
from workloads.model_tags import models_summary  # noqa: E402
from workloads.onnx_io import read_onnx  # noqa: E402
from workloads.precision import precision_of  # noqa: E402

EXPORTERS = {"legacy": False, "dynamo": True}


def three_args():
    return (torch.randn(1, 3, 64, 64), torch.randn(1, 1, 64, 64), torch.randn(1, 1, 64, 64))


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """(network, exporter) -> (path of the ONNX file, module, args); exported once per module."""
    folder = tmp_path_factory.mktemp("torch_onnx")
    cache = {}
    nets = {"three": (ThreeModal, three_args), "two": (TwoBranch, lambda: (torch.randn(1, 3, 16, 16),
                                                                            torch.randn(1, 1, 16, 16))),
            "vit": (ViT, lambda: (torch.randn(1, 3, 32, 32),)),
            "resnet18": (ResNet18, lambda: (torch.randn(1, 3, 224, 224),))}

    def get(net: str, exporter: str):
        if (net, exporter) not in cache:
            torch.manual_seed(0)
            make, args = nets[net]
            module, a = make(), args()
            path = export(module, a, folder / f"{net}_{exporter}.onnx", dynamo=EXPORTERS[exporter])
            cache[net, exporter] = (path, module, a)
        return cache[net, exporter]
    return get


def load_quietly(path, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        w = read_onnx(path, **kw)
    return w, [str(c.message) for c in caught if issubclass(c.category, H2HWarning)]


@pytest.mark.parametrize("exporter", ["legacy", pytest.param("dynamo", marks=pytest.mark.slow)])
def test_vit_loads_through_shape_gather_concat_reshape_chains(exported, exporter):
    """The legacy exporter computes Reshape and Expand targets from Shape nodes; they resolve."""
    path, module, args = exported("vit", exporter)
    w, warns = load_quietly(path)
    assert not warns
    assert w.total_macs == torch_macs(module, args)
    matmuls = [layer for layer in w.layers if layer.op is Op.MATMUL]
    assert len(matmuls) == 12   # q @ k^T and attn @ v in each of 6 blocks
    assert {(m.batch, m.m, m.k, m.n) for m in matmuls} == {(4, 17, 16, 17), (4, 17, 17, 16)}
    softmax = [layer for layer in w.layers if dict(layer.attrs).get("onnx_op") == "Softmax"]
    assert len(softmax) == 6 and all(s.op is Op.ACT and s.output_shape == (1, 4, 17, 17) for s in softmax)
    norms = [layer for layer in w.layers if layer.op is Op.NORM]
    assert len(norms) == 13 and all(n.output_elements == 17 * 64 for n in norms)
    assert not [layer.name for layer in w.layers if dict(layer.attrs).get("onnx_op") in ("Shape", "Identity")]


@pytest.mark.slow
def test_both_exporters_give_the_same_vit(exported):
    legacy, _ = load_quietly(exported("vit", "legacy")[0])
    dynamo, _ = load_quietly(exported("vit", "dynamo")[0])
    assert legacy.total_weight_bytes == dynamo.total_weight_bytes == 4 * (6 * 12 * 64 * 64 + 64 * 10 + 3 * 64 * 64)
    assert sorted((l.op.value, l.macs) for l in legacy.layers if l.macs) == \
        sorted((l.op.value, l.macs) for l in dynamo.layers if l.macs)


@pytest.mark.slow
def test_resnet18_identity_aliases_of_weights_are_not_layers(exported):
    path, module, args = exported("resnet18", "legacy")
    import onnx

    identities = sum(n.op_type == "Identity" for n in onnx.load(str(path)).graph.node)
    assert identities > 0   # the legacy exporter aliases shared folded weights
    w, warns = load_quietly(path)
    assert not warns
    assert [n for n in w.layer_names if w.is_output(n)] == ["/fc/Gemm"]
    assert [n for n in w.layer_names if not w.predecessors(n)] == ["/conv1/Conv"]
    assert w.total_macs == torch_macs(module, args) == 1_814_073_344
    params = sum(p.numel() for name, p in module.named_parameters() if name.endswith("weight")
                 and p.dim() > 1)
    assert w.total_weight_bytes == 4 * params   # fp32, biases excluded


@pytest.mark.parametrize("exporter", ["legacy", pytest.param("dynamo", marks=pytest.mark.slow)])
def test_three_modalities_fusion_and_heads_from_the_graph(exported, exporter):
    path, module, args = exported("three", exporter)
    w, warns = load_quietly(path)
    assert not warns   # HardSwish, HardSigmoid, ReduceMean are known ops now
    assert w.total_macs == torch_macs(module, args)
    summary = {r["model"]: r for r in models_summary(w)}
    names = list(summary)
    assert len(names) == 6 and names[3] == "fusion"
    rgb, depth, ir = names[:3]
    if exporter == "dynamo":   # forward's argument names
        assert (rgb, depth, ir) == ("rgb", "depth", "ir")
    assert [summary[m]["layers"] for m in names[:3]] == [4, 4, 4]   # conv, relu, conv, hardswish
    assert summary[rgb]["macs"] == 32 * 32 * 16 * 3 * 9 + 32 * 32 * 16 * 16 * 9
    assert summary[depth]["macs"] == summary[ir]["macs"] == 32 * 32 * 16 * 1 * 9 + 32 * 32 * 16 * 16 * 9
    heads = names[4:]
    assert sorted(summary[h]["layers"] for h in heads) == [1, 3]   # spoof: one Linear; quality: 3 layers
    hswish = [layer for layer in w.layers if dict(layer.attrs).get("onnx_op") == "HardSwish"]
    assert len(hswish) == 3 and all(h.op is Op.ACT and h.output_shape == (1, 16, 32, 32) for h in hswish)


def test_users_name_inputs_and_outputs_and_tag_by_module_prefix(exported):
    import onnx

    path = exported("three", "legacy")[0]
    g = onnx.load(str(path)).graph
    ins, outs = [i.name for i in g.input], [o.name for o in g.output]
    names = dict(zip(ins + outs, ["RGB", "DEPTH", "IR", "spoof", "quality"]))
    w, _ = load_quietly(path, models=names)
    assert w.models == ["RGB", "DEPTH", "IR", "fusion", "spoof", "quality"]
    tagged, _ = load_quietly(path, models=names, tags={"/tail/": "tail", "/rgb/rgb.5": "rgb_act"})
    assert {layer.model for layer in tagged.layers if layer.name.startswith("/tail/")} == {"tail"}
    assert tagged.layer("/rgb/rgb.5/HardSwish").model == "rgb_act"
    assert tagged.layer("/rgb/rgb.3/Conv").model == "RGB"
    with pytest.raises(WorkloadError, match=r"no graph input or output named 'nope'; the graph has 'input\.1'"):
        read_onnx(path, models={"nope": "x"})


@pytest.mark.slow
def test_module_prefix_tags_work_on_dynamo_exports(exported):
    w, _ = load_quietly(exported("three", "dynamo")[0], tags={"/tail/": "tail", "/quality/": "q"})
    assert [r["layers"] for r in models_summary(w) if r["model"] in ("tail", "q")] == [4, 3]


def test_two_branch_concat(exported):
    w, _ = load_quietly(exported("two", "legacy")[0])
    assert [r["layers"] for r in models_summary(w)] == [2, 2, 6]
    cat = next(layer for layer in w.layers if layer.op is Op.CONCAT)
    assert cat.model == "fusion" and sorted(e.port for e in w.edges if e.dst == cat.name) == [0, 1]


@pytest.mark.slow
def test_resnet18_in_int8_has_exactly_a_quarter_of_the_fp32_weight_bytes(exported):
    path = exported("resnet18", "legacy")[0]
    fp32 = load_workload(str(path))
    int8 = load_workload(str(path), precision="int8")
    assert precision_of(fp32) == "fp32" and precision_of(int8) == "int8"
    assert fp32.total_weight_bytes == 4 * int8.total_weight_bytes == 4 * 11_678_912
    assert int8.total_macs == fp32.total_macs


@pytest.mark.parametrize("exporter", ["legacy", pytest.param("dynamo", marks=pytest.mark.slow)])
def test_torch_transformer_encoder_from_both_exporters(exporter):
    """nn.TransformerEncoder (4 layers, d 128, 4 heads, FFN 256) over 64 tokens: MACs by hand, as
    torch's FLOP counter does not see its fused inference path."""
    w = h2h.from_torch(TextEncoder(), torch.randint(0, 1000, (1, 64)), exporter=exporter)
    t, d, f, heads = 64, 128, 256, 4
    per_layer = t * d * 3 * d + t * d * d + 2 * t * d * f + 2 * heads * t * t * (d // heads)
    assert w.total_macs == 4 * per_layer + d * 3
    assert sum(layer.op is Op.MATMUL for layer in w.layers) == 8
    assert sum(dict(layer.attrs).get("onnx_op") == "ReduceMean" for layer in w.layers) == 1


# ---- from_torch ----------------------------------------------------------------------------------

def test_from_torch_names_models_after_forward_arguments_and_outputs():
    module = ThreeModal()
    module.train()
    w = h2h.from_torch(module, three_args(), outputs=["spoof", "quality"], exporter="legacy")
    assert module.training   # exported in eval mode, left as it was
    assert w.name == "ThreeModal" and w.models == ["rgb", "depth", "ir", "fusion", "spoof", "quality"]
    assert w.total_macs == torch_macs(module, three_args())
    renamed = h2h.from_torch(module, three_args(), models={"rgb": "colour"}, precision="int8",
                             exporter="legacy")
    assert renamed.models[:1] == ["colour"] and precision_of(renamed) == "int8"


@pytest.mark.slow
def test_from_torch_with_the_dynamo_exporter():
    w = h2h.from_torch(TwoBranch(), (torch.randn(1, 3, 16, 16), torch.randn(1, 1, 16, 16)),
                       tags={"/head/": "head"})
    assert w.models == ["image", "mask", "fusion", "head"]   # the concat is in forward itself
    assert [layer.op for layer in w.layers if layer.model == "fusion"] == [Op.CONCAT]


def test_from_torch_errors_are_one_line():
    with pytest.raises(WorkloadError, match=r"<torch ThreeModal>: PyTorch could not export the module with "
                       r"the legacy exporter: .*missing 2 required positional arguments"):
        h2h.from_torch(ThreeModal(), torch.randn(1, 3, 64, 64), exporter="legacy")
    with pytest.raises(WorkloadError, match="expected a torch.nn.Module, got str"):
        h2h.from_torch("resnet18", torch.randn(1))
    with pytest.raises(WorkloadError, match="unknown exporter 'onnx'"):
        h2h.from_torch(TwoBranch(), torch.randn(1), exporter="onnx")


def test_an_imported_three_modality_network_maps_with_per_model_latency(exported, capsys):
    from cli_helpers import run

    path = exported("three", "legacy")[0]
    code, out, _ = run(capsys, "map", "--workload", str(path), "--system", "hetero4_mid", "--precision", "int8",
                       "--model", "input.1=rgb", "--tag", "/spoof/=spoof", "--option", "restarts=0", "--json")
    assert code == 0
    d = json.loads(out)
    lat = d["model_latency_s"]
    assert list(lat)[:1] == ["rgb"] and "fusion" in lat and "spoof" in lat and len(lat) == 6
    assert max(lat.values()) == pytest.approx(d["latency_s"])
    assert lat["fusion"] > max(lat[m] for m in list(lat)[:3])   # fusion waits for every branch
    code, out, _ = run(capsys, "map", "--workload", str(path), "--system", "hetero4_mid", "--mapper",
                       "compute_priority", "--model", "input.1=rgb")
    line = next(line for line in out.splitlines() if line.strip().startswith("models"))
    assert "rgb " in line and "fusion " in line and line.endswith("ms")
