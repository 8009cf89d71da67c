"""ONNX import: one layer per compute node, shapes resolved, model tags from the graph.

Shapes come from :func:`workloads.onnx_fold.resolve_shapes` (data-propagating shape inference and
constant folding), so Reshape targets computed by Shape/Gather/Concat chains load for the legacy
and the dynamo exporter alike. A node whose inputs are all constants (initializers, ``Constant``
outputs, or results of such nodes, e.g. an ``Identity`` aliasing a weight or a ``Transpose`` of
one) computes a weight, not a layer; ``Identity`` and ``Dropout`` on activations are aliases.

=====================================================  ==========================================
ONNX                                                   layer
=====================================================  ==========================================
Conv                                                   ``conv2d``; ``dwconv`` when group == C_in
Gemm, MatMul with a constant right operand             ``gemm`` (leading dims of A folded into m)
MatMul of two activations                              ``matmul`` (leading dims are the batch)
MaxPool, AveragePool, Global*Pool, Reduce*             ``pool`` (a Reduce* is a window over the
                                                       reduced elements of each output)
Add, Sub, Sum, Max, Min, Mean / Mul, Div, Pow          ``add`` / ``mul`` (num_inputs = activations)
Concat                                                 ``concat``
*Normalization                                         ``norm``
Relu, Softmax, HardSwish, Gelu, ... (unary, ACT_OPS)   ``act``
Reshape, Transpose, Flatten, Squeeze, Unsqueeze, ...   ``reshape``
Gather, Slice, Split, Expand, Pad, Resize, ...         ``passthrough`` (data movement, no warning)
anything else                                          ``passthrough``; one H2HWarning lists them
=====================================================  ==========================================

Edges follow tensors from producer to consumer; ``port`` is the consumer's input position. The
layer name is the node name (``<op>_<index>`` when empty); the element size is that of the output's
data type. Zero-MAC layers record the ONNX op in ``attrs['onnx_op']``. Model tags: see
:mod:`workloads.model_tags`; a file written by h2h keeps the tags stored in its metadata.
"""
from __future__ import annotations

import json
import math
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import H2HWarning, WorkloadError
from .graph import Workload
from .layer import Layer, Op
from .model_tags import assign_models
from .onnx_fold import STANDARD_DOMAINS, resolve_shapes, static_shape

ADAPTER_DOC = "h2h.adapter"
META_KEY = "h2h"
H2H_DOMAIN = "h2h"
ACT_OPS = ("Relu", "Clip", "Sigmoid", "Softmax", "LogSoftmax", "HardSwish", "HardSigmoid", "Gelu",
           "Tanh", "LeakyRelu", "PRelu", "Elu", "Selu", "Celu", "Softplus", "Softsign", "Mish", "Erf",
           "Exp", "Log", "Sqrt", "Reciprocal", "Neg", "Abs", "Sign", "Floor", "Ceil", "Round", "Cast",
           "Sin", "Cos", "Not", "IsNaN", "ThresholdedRelu", "Shrink", "Swish")
NORM_OPS = ("BatchNormalization", "LayerNormalization", "InstanceNormalization", "GroupNormalization",
            "LpNormalization", "MeanVarianceNormalization", "RMSNormalization",
            "SimplifiedLayerNormalization")
RESHAPE_OPS = ("Reshape", "Transpose", "Flatten", "Squeeze", "Unsqueeze", "DepthToSpace",
               "SpaceToDepth")
POOL_OPS = ("MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool", "LpPool", "GlobalLpPool")
REDUCE_OPS = ("ReduceMean", "ReduceMax", "ReduceMin", "ReduceSum", "ReduceProd", "ReduceL1", "ReduceL2",
              "ReduceLogSum", "ReduceLogSumExp", "ReduceSumSquare", "ArgMax", "ArgMin")
ADD_OPS = ("Add", "Sub", "Sum", "Max", "Min", "Mean", "Where", "Equal", "Less", "Greater", "And", "Or")
MUL_OPS = ("Mul", "Div", "Pow", "Mod")
MOVE_OPS = ("Gather", "GatherElements", "GatherND", "Slice", "Split", "Expand", "Tile", "Pad", "Resize",
            "Upsample", "TopK", "ScatterND", "ScatterElements", "Trilu", "CumSum", "NonZero",
            "OneHot", "Range", "ConstantOfShape", "Shape", "Size")
ALIAS_OPS = ("Identity", "Dropout")


@dataclass(frozen=True)
class GraphPorts:
    """The named graph inputs (the layers and input positions that read each) and outputs (the
    layer that writes each) of an imported model, for joining models into one workload."""

    inputs: Mapping[str, tuple[tuple[str, int], ...]]
    outputs: Mapping[str, str]


def _onnx():
    import onnx

    return onnx


def _attrs(node) -> dict[str, Any]:
    onnx = _onnx()
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


class _Importer:
    def __init__(self, model, file: str) -> None:
        self.file = file
        model = resolve_shapes(model, file)
        g = model.graph
        self.graph = g
        self.initializers = {t.name: t for t in g.initializer}
        self.weights: dict[str, tuple[int, ...] | None] = {t.name: tuple(t.dims) for t in g.initializer}
        self.shapes: dict[str, tuple[int, ...] | None] = {}
        self.dtypes: dict[str, int] = {}
        for vi in [*g.input, *g.value_info, *g.output]:
            self.shapes[vi.name] = static_shape(vi)
            self.dtypes[vi.name] = vi.type.tensor_type.elem_type
        for t in g.initializer:
            self.dtypes[t.name] = t.data_type
        meta = {p.key: p.value for p in model.metadata_props}
        try:
            self.meta = json.loads(meta[META_KEY]) if META_KEY in meta else {}
        except json.JSONDecodeError:
            self.meta = {}
        self.inputs = [vi.name for vi in g.input if vi.name not in self.weights]
        self.outputs = [vi.name for vi in g.output]
        self.available = set(self.inputs) | set(self.weights)  # tensors a node may read
        self.producer: dict[str, str] = {}  # tensor -> layer name
        self.reach: dict[str, frozenset[str]] = {t: frozenset([t]) for t in self.inputs}
        self.layer_reach: dict[str, frozenset[str]] = {}   # layer -> graph inputs it depends on
        self.scopes: dict[str, str] = {}   # layer -> module path "/rgb/rgb.0/" (dynamo exports)
        self.readers: dict[str, list[tuple[str, int]]] = {t: [] for t in self.inputs}  # input -> (layer, port)
        self.layers: list[Layer] = []
        self.edges: list[tuple[str, str, int]] = []
        self.unknown: list[str] = []
        self.seen: set[str] = set()

    def shape(self, tensor: str, node_name: str) -> tuple[int, ...]:
        """The static shape of ``tensor``; (1,) for a scalar."""
        s = self.weights.get(tensor)
        if s is None:
            s = self.shapes.get(tensor)
        if s is None:
            raise WorkloadError(f"cannot infer the shape of tensor '{tensor}'", file=self.file,
                                item=f"node '{node_name}'")
        return s or (1,)

    def is_weight(self, tensor: str) -> bool:
        return tensor in self.weights

    def ints(self, tensor: str) -> list[int] | None:
        """The values of a constant integer tensor (an initializer or a Constant node's value, e.g.
        Reduce axes), None if not a known constant."""
        t = self.initializers.get(tensor)
        if t is None:
            return None
        from onnx import numpy_helper

        try:
            return [int(v) for v in numpy_helper.to_array(t).ravel()]
        except ValueError:   # a shape without data
            return None

    def elem_bytes(self, tensor: str) -> int:
        onnx = _onnx()
        dtype = self.dtypes.get(tensor, 1)
        try:
            return max(1, onnx.helper.tensor_dtype_to_np_dtype(dtype).itemsize)
        except Exception:
            return 4

    def run(self, name: str) -> Workload:
        for idx, node in enumerate(self.graph.node):
            missing = [t for t in node.input if t and t not in self.available]
            if missing:   # ONNX nodes are listed in topological order
                raise WorkloadError(f"reads tensor '{missing[0]}', which is not a graph input, an initializer "
                                    "or the output of an earlier node", file=self.file,
                                    item=f"node '{node.name or f'{node.op_type}_{idx}'}'")
            self.available.update(t for t in node.output if t)
            self.node(node, idx)
        if self.unknown:
            warnings.warn(f"{self.file}: unsupported ONNX op type(s) imported as zero-MAC passthrough "
                          f"nodes: {', '.join(sorted(set(self.unknown)))}", H2HWarning, stacklevel=4)
        if not self.layers:
            raise WorkloadError("the ONNX graph has no nodes", file=self.file)
        return Workload(self.meta.get("name") or name, self.layers, self.edges, source=self.file)

    def node(self, node, idx: int) -> None:
        ins = [t for t in node.input if t]
        if node.domain in STANDARD_DOMAINS and node.op_type == "Constant" and node.output:
            value = _attrs(node).get("value")
            if value is not None and hasattr(value, "dims"):   # a tensor (e.g. Reduce axes)
                self.initializers[node.output[0]] = value
        if node.domain in STANDARD_DOMAINS and (node.op_type == "Constant" or all(map(self.is_weight, ins))):
            for out in node.output:   # a constant or a computation on weights only: a weight
                if out:
                    self.weights[out] = self.shapes.get(out)
            return
        lname = node.name or f"{node.op_type}_{idx}"
        if lname in self.seen:
            raise WorkloadError("duplicate layer name", file=self.file, item=f"node '{lname}'")
        self.seen.add(lname)
        reach = frozenset().union(*(self.reach.get(t, frozenset()) for t in ins))
        for out in node.output:
            self.reach[out] = reach
        if node.domain in STANDARD_DOMAINS and node.op_type in ALIAS_OPS or (
                node.doc_string == ADAPTER_DOC and node.op_type == "Reshape"):
            if node.input[0] in self.producer:  # an alias of its input (our exporter's adapters too)
                self.producer[node.output[0]] = self.producer[node.input[0]]
                return
        try:
            parts = self.convert(node, lname)
        except WorkloadError as e:
            raise e.located(file=self.file, item=f"node '{lname}' ({node.op_type})") from None
        except (KeyError, IndexError, ValueError, TypeError) as e:
            raise WorkloadError(f"unsupported or malformed {node.op_type} node: {e}", file=self.file,
                                item=f"node '{lname}'") from None
        scope = _module_path(node)
        for k, (out, (fields, inputs)) in enumerate(parts):
            layer_name = lname if k == 0 else f"{lname}.{out}"
            self.add(layer_name, out, fields, inputs, reach)
            if scope:
                self.scopes[layer_name] = scope

    def add(self, lname: str, out: str, fields: dict[str, Any], inputs: list[tuple[int, str]],
            reach: frozenset[str]) -> None:
        meta = self.meta.get("layers", {}).get(lname, {})
        fields.setdefault("elem_bytes", self.elem_bytes(out))
        for key in ("model", "elem_bytes", "weight_elem_bytes"):
            if key in meta:
                fields[key] = meta[key]
        if "attrs" in meta:
            fields["attrs"] = tuple(meta["attrs"].items())
        try:
            layer = Layer(lname, **fields)
        except WorkloadError as e:
            raise e.located(file=self.file, item=f"node '{lname}'") from None
        self.layers.append(layer)
        self.layer_reach[lname] = reach
        fed: set[str] = set()  # x + x: one edge (a DiGraph holds one per pair)
        for port, tensor in inputs:
            if tensor in self.readers:
                self.readers[tensor].append((lname, port))
            src = self.producer.get(tensor)
            if src is not None and src not in fed:
                fed.add(src)
                self.edges.append((src, lname, port))
        self.producer[out] = lname

    def convert(self, node, lname: str) -> list[tuple[str, tuple[dict[str, Any], list[tuple[int, str]]]]]:
        """(output tensor, (layer fields, activation inputs)) per layer the node becomes."""
        acts = [(p, t) for p, t in enumerate(node.input) if t and not self.is_weight(t)]
        outs = [t for t in node.output if t]
        if node.op_type == "Split" and node.domain in STANDARD_DOMAINS:   # one layer per part
            return [(t, (dict(op=Op.PASSTHROUGH, shape=self.shape(t, lname),
                              attrs=(("onnx_op", "Split"),)), acts[:1])) for t in outs]
        return [(outs[0], self._convert(node, lname, acts))]

    def _convert(self, node, lname: str, acts: list[tuple[int, str]]) -> tuple[dict[str, Any], list]:
        op, a = node.op_type, _attrs(node)
        out_shape = self.shape(node.output[0], lname)
        tag = (("onnx_op", op),)
        if node.domain not in STANDARD_DOMAINS:
            if node.domain != H2H_DOMAIN:
                self.unknown.append(f"{node.domain}.{op}")
            return dict(op=Op.PASSTHROUGH, shape=out_shape, attrs=tag), acts
        if op == "Conv":
            x = self.shape(node.input[0], lname)
            w = self.shape(node.input[1], lname)
            if len(x) != 4 or len(w) != 4:
                raise WorkloadError(f"only 2-d convolutions are supported, input shape {list(x)}, "
                                    f"weight shape {list(w)}")
            k, c = w[0], x[1]
            groups = int(a.get("group", 1))
            if groups < 1 or c % groups or k % groups or w[1] * groups != c:
                raise WorkloadError(f"inconsistent shapes: input {list(x)} has {c} channels, but weight "
                                    f"{list(w)} with group={groups} expects {w[1] * groups}")
            pads = _pads(a, x, out_shape, (w[2], w[3]))
            dw = groups == c and groups > 1
            return dict(op=Op.DWCONV if dw else Op.CONV2D, batch=x[0], in_channels=c, out_channels=k,
                        in_h=x[2], in_w=x[3], kernel=(w[2], w[3]),
                        stride=tuple(a.get("strides", (1, 1))), padding=pads,
                        dilation=tuple(a.get("dilations", (1, 1))), groups=groups), acts[:1]
        if op in ("Gemm", "MatMul"):
            return self._product(node, lname, a, out_shape, acts)
        if op in POOL_OPS:
            x = self.shape(node.input[0], lname)
            if op.startswith("Global"):
                kernel, stride, pads = (x[2], x[3]), (x[2], x[3]), (0, 0, 0, 0)
            else:
                kernel = tuple(a["kernel_shape"])
                stride = tuple(a.get("strides", (1, 1)))
                pads = _pads(a, x, out_shape, kernel, stride=stride)
            return dict(op=Op.POOL, batch=x[0], in_channels=x[1], out_channels=x[1], in_h=x[2],
                        in_w=x[3], kernel=kernel, stride=stride, padding=pads, attrs=tag), acts[:1]
        if op in REDUCE_OPS:
            return self._reduce(node, lname, a, tag), acts[:1]
        if op in ADD_OPS or op in MUL_OPS:
            return dict(op=Op.MUL if op in MUL_OPS else Op.ADD, shape=out_shape,
                        num_inputs=max(1, len(acts)), attrs=() if op in ("Add", "Mul", "Sum") else tag), acts
        if op == "Concat":
            return dict(op=Op.CONCAT, shape=out_shape), acts
        if op in NORM_OPS:
            return dict(op=Op.NORM, shape=out_shape, attrs=tag), acts[:1]
        if op in ACT_OPS:
            return dict(op=Op.ACT, shape=out_shape, attrs=tag), acts[:1]
        if op in RESHAPE_OPS or op in ALIAS_OPS:
            return dict(op=Op.RESHAPE, shape=out_shape, attrs=tag), acts[:1]
        if op not in MOVE_OPS:
            self.unknown.append(op)
        return dict(op=Op.PASSTHROUGH, shape=out_shape, attrs=tag), acts

    def _product(self, node, lname: str, a: dict, out_shape: tuple, acts: list) -> tuple[dict, list]:
        op = node.op_type
        sa, sb = self.shape(node.input[0], lname), self.shape(node.input[1], lname)
        if op == "Gemm":
            if len(sa) != 2 or len(sb) != 2:
                raise WorkloadError(f"Gemm needs 2-d operands, got {list(sa)} and {list(sb)}")
            m, k = (sa[1], sa[0]) if a.get("transA", 0) else sa
            kb, n = (sb[1], sb[0]) if a.get("transB", 0) else sb
            batch = 1
        else:
            if len(sa) < 2 or len(sb) < 2:
                raise WorkloadError("MatMul of 1-d tensors is not supported")
            m, k, n = sa[-2], sa[-1], sb[-1]
            kb = sb[-2]
            batch = math.prod(out_shape[:-2])
        if k != kb:
            raise WorkloadError(f"inconsistent shapes: the operands {list(sa)} and {list(sb)} do not "
                                f"agree on the inner dimension ({k} vs {kb})")
        if self.is_weight(node.input[1]):
            if op == "MatMul":  # shared weight: the batch is more rows
                m, batch = m * batch, 1
            return dict(op=Op.GEMM, m=m, k=k, n=n, batch=batch), acts[:1]
        if self.is_weight(node.input[0]):
            raise WorkloadError("a product with a constant left operand is not supported")
        return dict(op=Op.MATMUL, m=m, k=k, n=n, batch=batch), acts

    def _reduce(self, node, lname: str, a: dict, tag: tuple) -> dict[str, Any]:
        """A reduction as a pool: global over H x W for (N, C, H, W) over axes 2, 3, else one
        window of the reduced elements per output element."""
        x = self.shape(node.input[0], lname)
        if "axes" in a:
            axes = list(a["axes"])
        elif "axis" in a:
            axes = [int(a["axis"])]
        elif len(node.input) > 1 and node.input[1]:
            axes = self.ints(node.input[1])
            if axes is None:
                raise WorkloadError("the reduction axes are not a constant")
        else:
            axes = [] if a.get("noop_with_empty_axes", 0) else list(range(len(x)))
        axes = sorted({ax % len(x) for ax in axes}) if x else []
        if len(x) == 4 and axes == [2, 3]:
            return dict(op=Op.POOL, batch=x[0], in_channels=x[1], out_channels=x[1], in_h=x[2], in_w=x[3],
                        kernel=(x[2], x[3]), stride=(x[2], x[3]), attrs=tag)
        reduced = math.prod(x[i] for i in axes) if axes else 1
        kept = math.prod(x) // reduced
        return dict(op=Op.POOL, in_channels=kept, out_channels=kept, in_h=1, in_w=reduced,
                    kernel=(1, reduced), stride=(1, reduced), attrs=tag)


def _module_path(node) -> str:
    """The PyTorch module path of a node of the dynamo exporter ("/rgb/rgb.1/"), else ""."""
    for p in node.metadata_props:
        if p.key == "pkg.torch.onnx.name_scopes":
            scopes = [s for s in re.findall(r"'((?:[^'\\]|\\.)*)'", p.value) if s]
            return "/" + "".join(s + "/" for s in scopes[:-1]) if len(scopes) > 1 else ""
    return ""


def _pads(a: dict, x: tuple, out: tuple, kernel: tuple,
          stride: tuple | None = None) -> tuple[int, int, int, int]:
    """Explicit (top, left, bottom, right) padding reproducing ONNX's output size."""
    stride = tuple(a.get("strides", (1, 1))) if stride is None else stride
    dil = tuple(a.get("dilations", (1, 1)))
    auto = a.get("auto_pad", b"NOTSET")
    auto = auto.decode() if isinstance(auto, bytes) else auto
    if auto in ("SAME_UPPER", "SAME_LOWER"):
        pads = []
        for i in range(2):
            total = max(0, (out[2 + i] - 1) * stride[i] + dil[i] * (kernel[i] - 1) + 1 - x[2 + i])
            small, big = total // 2, total - total // 2
            pads.append((big, small) if auto == "SAME_LOWER" else (small, big))
        p = (pads[0][0], pads[1][0], pads[0][1], pads[1][1])
    else:
        p4 = tuple(a.get("pads", (0, 0, 0, 0)))
        p = (p4[0], p4[1], p4[2], p4[3])
    # ceil_mode (pools) or anything else the floor formula misses: pad bottom/right
    top, left, bottom, right = p
    for i in range(2):
        eff = dil[i] * (kernel[i] - 1) + 1
        while (x[2 + i] + (top, left)[i] + (bottom, right)[i] - eff) // stride[i] + 1 < out[2 + i]:
            if i == 0:
                bottom += 1
            else:
                right += 1
    return (top, left, bottom, right)


def load_onnx_model(model, *, file: str = "<onnx>", models: Mapping[str, str] | None = None,
                    tags: Mapping[str, str] | None = None) -> Workload:
    """Import an in-memory ``onnx.ModelProto``.

    ``models`` names the model of a graph input or output (``{"input.1": "rgb", "logits":
    "spoof"}``); ``tags`` tags layers by node-name prefix (``{"/rgb/": "rgb"}``, longest prefix
    wins, over every other rule). See :mod:`workloads.model_tags` for the tags found without them.
    """
    return import_onnx(model, file=file, models=models, tags=tags)[0]


def import_onnx(model, *, file: str = "<onnx>", models: Mapping[str, str] | None = None,
                tags: Mapping[str, str] | None = None) -> tuple[Workload, GraphPorts]:
    """:func:`load_onnx_model` and the layers behind the graph's named inputs and outputs."""
    name = model.graph.name or Path(file).stem
    known = _onnx().defs.onnx_opset_version()
    opset = max((o.version for o in model.opset_import if o.domain in STANDARD_DOMAINS), default=0)
    if opset > known:   # operators may have changed meaning; they are read as the newest known opset
        warnings.warn(f"{file}: opset {opset} is newer than this onnx package knows ({known}); operators are "
                      f"read with opset {known} semantics", H2HWarning, stacklevel=3)
    importer = _Importer(model, file)
    w = importer.run(name)
    outputs = {t: importer.producer[t] for t in importer.outputs if t in importer.producer}
    ports = GraphPorts({t: tuple(r) for t, r in importer.readers.items() if r}, outputs)
    if importer.meta and not (models or tags):   # written by h2h: its tags are in the metadata
        return w, ports
    return assign_models(w, importer.inputs, importer.layer_reach, outputs, models=models, tags=tags,
                         scopes=importer.scopes, file=file), ports


def read_onnx(path: str | Path, *, models: Mapping[str, str] | None = None,
              tags: Mapping[str, str] | None = None) -> Workload:
    """Read an ONNX file; ``models`` and ``tags`` as in :func:`load_onnx_model`."""
    return read_onnx_ports(path, models=models, tags=tags)[0]


def read_onnx_ports(path: str | Path, *, models: Mapping[str, str] | None = None,
                    tags: Mapping[str, str] | None = None) -> tuple[Workload, GraphPorts]:
    """:func:`read_onnx` and the layers behind the graph's named inputs and outputs."""
    onnx = _onnx()
    path = Path(path)
    if not path.is_file():
        raise WorkloadError("no such file", file=str(path))
    try:
        model = onnx.load(str(path))
    except Exception as e:  # protobuf DecodeError and friends
        raise WorkloadError(f"not a valid ONNX model: {' '.join(str(e).split())[:200] or type(e).__name__}",
                            file=str(path)) from None
    if not model.graph.node and not model.graph.input:
        raise WorkloadError("not a valid ONNX model: empty graph", file=str(path))
    return import_onnx(model, file=str(path), models=models, tags=tags)
