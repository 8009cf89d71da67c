"""ONNX import (``onnx.load`` + shape inference) and export, with exact round trips.

Import maps each node to a layer (initializers and ``Constant`` outputs are weights, not inputs):

=====================================  =============================================================
ONNX                                   layer
=====================================  =============================================================
Conv                                   ``conv2d``; ``dwconv`` when group == C_in (depthwise)
Gemm, MatMul with an initializer       ``gemm`` (leading dims of A folded into m)
MatMul of two activations              ``matmul`` (leading dims are the batch)
MaxPool, AveragePool, Global*Pool      ``pool`` (ceil_mode becomes extra bottom/right padding)
Add, Mul                               ``add``, ``mul`` (num_inputs = activation operands)
Concat                                 ``concat``
BatchNormalization, LayerNormalization ``norm``
Relu, Clip, Sigmoid, Softmax           ``act``
Reshape, Transpose, Flatten            ``reshape``
anything else                          ``passthrough`` (zero MACs); one H2HWarning lists the types
=====================================  =============================================================

Edges follow tensors from producer to consumer; ``port`` is the consumer's input position. The
layer name is the node name (``<op>_<index>`` when empty); the element size is that of the output's
data type. Zero-MAC layers record the ONNX op in ``attrs['onnx_op']``.

Export writes one node per layer (zero-filled weights of the right shapes) plus ``Reshape`` adapters
(doc_string ``h2h.adapter``) where a producer's shape differs from what the consumer reads, and
stores what ONNX cannot carry (model tag, element size, attrs) in the model's metadata under
``h2h``, so ``read_onnx(write_onnx(w)) == w``.
"""
from __future__ import annotations

import json
import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from .errors import H2HWarning, WorkloadError
from .graph import Workload
from .layer import Layer, Op

ADAPTER_DOC = "h2h.adapter"
META_KEY = "h2h"
H2H_DOMAIN = "h2h"
ACT_OPS = ("Relu", "Clip", "Sigmoid", "Softmax")
NORM_OPS = ("BatchNormalization", "LayerNormalization")
RESHAPE_OPS = ("Reshape", "Transpose", "Flatten")
POOL_OPS = ("MaxPool", "AveragePool", "GlobalAveragePool", "GlobalMaxPool")
WEIGHT_DTYPE = {1: 1, 2: 10, 4: 1, 8: 11}  # elem_bytes -> TensorProto type for exported tensors


def _onnx():
    import onnx

    return onnx


# ---- import -------------------------------------------------------------------------------------
def _shape_of(vi) -> tuple[int, ...] | None:
    t = vi.type.tensor_type
    if not t.HasField("shape"):
        return None
    dims = []
    for d in t.shape.dim:
        if not d.HasField("dim_value") or d.dim_value < 1:
            return None
        dims.append(int(d.dim_value))
    return tuple(dims)


def _attrs(node) -> dict[str, Any]:
    onnx = _onnx()
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


class _Importer:
    def __init__(self, model, file: str) -> None:
        onnx = _onnx()
        self.file = file
        try:
            model = onnx.shape_inference.infer_shapes(model)
        except Exception as e:  # onnx raises several unrelated types here
            raise WorkloadError(f"ONNX shape inference failed: {' '.join(str(e).split())[:300]}",
                                file=file) from None
        g = model.graph
        self.graph = g
        self.weights: dict[str, tuple[int, ...]] = {t.name: tuple(t.dims) for t in g.initializer}
        self.shapes: dict[str, tuple[int, ...] | None] = {}
        self.dtypes: dict[str, int] = {}
        for vi in [*g.input, *g.value_info, *g.output]:
            self.shapes[vi.name] = _shape_of(vi)
            self.dtypes[vi.name] = vi.type.tensor_type.elem_type
        for t in g.initializer:
            self.dtypes[t.name] = t.data_type
        meta = {p.key: p.value for p in model.metadata_props}
        try:
            self.meta = json.loads(meta[META_KEY]) if META_KEY in meta else {}
        except json.JSONDecodeError:
            self.meta = {}
        self.available = {vi.name for vi in g.input} | set(self.weights)  # tensors a node may read
        self.producer: dict[str, str] = {}  # tensor -> layer name
        self.layers: list[Layer] = []
        self.edges: list[tuple[str, str, int]] = []
        self.unknown: list[str] = []

    def shape(self, tensor: str, node_name: str) -> tuple[int, ...]:
        s = self.weights.get(tensor) or self.shapes.get(tensor)
        if not s:
            raise WorkloadError(f"cannot infer the shape of tensor '{tensor}'", file=self.file,
                                item=f"node '{node_name}'")
        return s

    def is_weight(self, tensor: str) -> bool:
        return tensor in self.weights

    def elem_bytes(self, tensor: str) -> int:
        onnx = _onnx()
        dtype = self.dtypes.get(tensor, 1)
        try:
            return max(1, onnx.helper.tensor_dtype_to_np_dtype(dtype).itemsize)
        except Exception:
            return 4

    def run(self, name: str) -> Workload:
        seen: set[str] = set()
        for idx, node in enumerate(self.graph.node):
            missing = [t for t in node.input if t and t not in self.available]
            if missing:   # ONNX nodes are listed in topological order
                raise WorkloadError(f"reads tensor '{missing[0]}', which is not a graph input, an initializer "
                                    "or the output of an earlier node", file=self.file,
                                    item=f"node '{node.name or f'{node.op_type}_{idx}'}'")
            self.available.update(t for t in node.output if t)
            if node.op_type == "Constant" and node.domain in ("", "ai.onnx"):
                for out in node.output:
                    value = _attrs(node).get("value")
                    self.weights[out] = tuple(getattr(value, "dims", ())) or (1,)
                continue
            lname = node.name or f"{node.op_type}_{idx}"
            if lname in seen:
                raise WorkloadError("duplicate layer name", file=self.file, item=f"node '{lname}'")
            seen.add(lname)
            if node.doc_string == ADAPTER_DOC and node.op_type == "Reshape":
                if node.input[0] in self.producer:  # an adapter of our exporter: an alias
                    self.producer[node.output[0]] = self.producer[node.input[0]]
                continue
            try:
                fields, inputs = self.convert(node, lname)
            except WorkloadError as e:
                raise e.located(file=self.file, item=f"node '{lname}' ({node.op_type})") from None
            except (KeyError, IndexError, ValueError, TypeError) as e:
                raise WorkloadError(f"unsupported or malformed {node.op_type} node: {e}", file=self.file,
                                    item=f"node '{lname}'") from None
            meta = self.meta.get("layers", {}).get(lname, {})
            fields.setdefault("elem_bytes", self.elem_bytes(node.output[0]))
            for key in ("model", "elem_bytes"):
                if key in meta:
                    fields[key] = meta[key]
            if "attrs" in meta:
                fields["attrs"] = tuple(meta["attrs"].items())
            try:
                layer = Layer(lname, **fields)
            except WorkloadError as e:
                raise e.located(file=self.file, item=f"node '{lname}'") from None
            self.layers.append(layer)
            fed: set[str] = set()  # x + x: one edge (a DiGraph holds one per pair)
            for port, tensor in inputs:
                src = self.producer.get(tensor)
                if src is not None and src not in fed:
                    fed.add(src)
                    self.edges.append((src, lname, port))
            for out in node.output:
                if out:
                    self.producer[out] = lname
        if self.unknown:
            warnings.warn(f"{self.file}: unsupported ONNX op type(s) imported as zero-MAC passthrough "
                          f"nodes: {', '.join(sorted(set(self.unknown)))}", H2HWarning, stacklevel=3)
        if not self.layers:
            raise WorkloadError("the ONNX graph has no nodes", file=self.file)
        return Workload(self.meta.get("name") or name, self.layers, self.edges, source=self.file)

    def convert(self, node, lname: str) -> tuple[dict[str, Any], list[tuple[int, str]]]:
        op, a = node.op_type, _attrs(node)
        acts = [(p, t) for p, t in enumerate(node.input) if t and not self.is_weight(t)]
        out_shape = self.shape(node.output[0], lname)
        tag = (("onnx_op", op),)
        if node.domain not in ("", "ai.onnx"):
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
            pads = self._pads(a, x, out_shape, (w[2], w[3]), lname)
            dw = groups == c and groups > 1
            return dict(op=Op.DWCONV if dw else Op.CONV2D, batch=x[0], in_channels=c, out_channels=k,
                        in_h=x[2], in_w=x[3], kernel=(w[2], w[3]),
                        stride=tuple(a.get("strides", (1, 1))), padding=pads,
                        dilation=tuple(a.get("dilations", (1, 1))), groups=groups), acts[:1]
        if op in ("Gemm", "MatMul"):
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
        if op in POOL_OPS:
            x = self.shape(node.input[0], lname)
            if op.startswith("Global"):
                kernel, stride, pads = (x[2], x[3]), (x[2], x[3]), (0, 0, 0, 0)
            else:
                kernel = tuple(a["kernel_shape"])
                stride = tuple(a.get("strides", (1, 1)))
                pads = self._pads(a, x, out_shape, kernel, lname, stride=stride)
            return dict(op=Op.POOL, batch=x[0], in_channels=x[1], out_channels=x[1], in_h=x[2],
                        in_w=x[3], kernel=kernel, stride=stride, padding=pads, attrs=tag), acts[:1]
        if op in ("Add", "Mul", "Sum"):
            return dict(op=Op.MUL if op == "Mul" else Op.ADD, shape=out_shape,
                        num_inputs=max(1, len(acts))), acts
        if op == "Concat":
            return dict(op=Op.CONCAT, shape=out_shape), acts
        if op in NORM_OPS:
            return dict(op=Op.NORM, shape=out_shape, attrs=tag), acts[:1]
        if op in ACT_OPS:
            return dict(op=Op.ACT, shape=out_shape, attrs=tag), acts[:1]
        if op in RESHAPE_OPS:
            return dict(op=Op.RESHAPE, shape=out_shape, attrs=tag), acts[:1]
        self.unknown.append(op)
        return dict(op=Op.PASSTHROUGH, shape=out_shape, attrs=tag), acts

    def _pads(self, a: dict, x: tuple, out: tuple, kernel: tuple, lname: str,
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


def load_onnx_model(model, *, file: str = "<onnx>") -> Workload:
    """Import an in-memory ``onnx.ModelProto``."""
    name = model.graph.name or Path(file).stem
    known = _onnx().defs.onnx_opset_version()
    opset = max((o.version for o in model.opset_import if o.domain in ("", "ai.onnx")), default=0)
    if opset > known:   # operators may have changed meaning; they are read as the newest known opset
        warnings.warn(f"{file}: opset {opset} is newer than this onnx package knows ({known}); operators are "
                      f"read with opset {known} semantics", H2HWarning, stacklevel=2)
    return _Importer(model, file).run(name)


def read_onnx(path: str | Path) -> Workload:
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
    return load_onnx_model(model, file=str(path))


# ---- export -------------------------------------------------------------------------------------
def _concat_axis(out: tuple[int, ...], sizes: list[int]) -> int:
    """The axis along which inputs of ``sizes`` elements stack into ``out``."""
    total = math.prod(out)
    for axis in [1, 0, *range(2, len(out))][: len(out)]:
        rest = total // out[axis]
        if all(s % rest == 0 for s in sizes) and sum(s // rest for s in sizes) <= out[axis]:
            return axis
    raise WorkloadError(f"cannot find a concat axis for inputs of {sizes} elements into {list(out)}")


class _Exporter:
    def __init__(self, w: Workload, weights: str = "zeros") -> None:
        if weights not in ("zeros", "empty"):
            raise WorkloadError(f"weights must be 'zeros' or 'empty', got {weights!r}", item="weights")
        self.w = w
        self.weights = weights
        self.onnx = _onnx()
        self.nodes: list = []
        self.inits: list = []
        self.inputs: list = []
        self.value_info: dict[str, tuple[int, ...]] = {}
        self.tensor_of: dict[str, str] = {}  # layer -> output tensor name
        self.shape_of: dict[str, tuple[int, ...]] = {}
        self.dtype = 1

    def tensor(self, name: str, shape) -> Any:
        return self.onnx.helper.make_tensor_value_info(name, self.dtype, list(shape))

    def weight(self, name: str, shape: tuple[int, ...]) -> str:
        if self.weights == "empty":  # shapes only: small files, enough for shape inference
            t = self.onnx.TensorProto(name=name, data_type=self.dtype, dims=list(shape))
            self.inits.append(t)
            return name
        arr = np.zeros(shape, dtype=self.onnx.helper.tensor_dtype_to_np_dtype(self.dtype))
        self.inits.append(self.onnx.numpy_helper.from_array(arr, name))
        return name

    def const_i64(self, name: str, values) -> str:
        self.inits.append(self.onnx.numpy_helper.from_array(np.asarray(values, dtype=np.int64), name))
        return name

    def feed(self, layer: Layer, port: int, src: str | None, shape: tuple[int, ...]) -> str:
        """A tensor of ``shape`` for input ``port``: the producer's output (reshaped if needed)
        or a new graph input."""
        if src is None:
            name = f"{layer.name}.in{port}"
            self.inputs.append(self.tensor(name, shape))
            return name
        t, have = self.tensor_of[src], self.shape_of[src]
        if have == tuple(shape) or (layer.op in (Op.ADD, Op.MUL) and _broadcasts(have, shape)):
            return t
        name = f"{t}.as.{layer.name}.{port}"
        self.nodes.append(self.onnx.helper.make_node(
            "Reshape", [t, self.const_i64(name + ".shape", shape)], [name], name=name,
            doc_string=ADAPTER_DOC))
        self.value_info[name] = tuple(shape)
        return name

    def run(self):
        helper = self.onnx.helper
        w = self.w
        sizes = {lay.elem_bytes for lay in w.layers}
        self.dtype = WEIGHT_DTYPE.get(max(sizes), 1)
        meta_layers: dict[str, dict] = {}
        for layer in w.layers:
            ins = {}
            for e in w.graph.in_edges(layer.name, data=True):
                port = e[2]["port"]
                if port in ins:
                    raise WorkloadError(f"two edges feed input {port}; ONNX needs one tensor per input",
                                        file=w.source, item=f"layer '{layer.name}'")
                ins[port] = e[0]
            self.emit(layer, ins)
            meta: dict[str, Any] = {}
            if layer.model != "main":
                meta["model"] = layer.model
            meta["elem_bytes"] = layer.elem_bytes
            meta["attrs"] = dict(layer.attrs)
            meta_layers[layer.name] = meta
        outputs = [self.tensor(self.tensor_of[n], self.shape_of[n]) for n in w.layer_names if w.is_output(n)]
        vi = [self.tensor(n, s) for n, s in self.value_info.items()
              if n not in {o.name for o in outputs}]
        graph = helper.make_graph(self.nodes, w.name, self.inputs, outputs, initializer=self.inits,
                                  value_info=vi)
        model = helper.make_model(graph, producer_name="h2h",
                                  opset_imports=[helper.make_opsetid("", 17),
                                                 helper.make_opsetid(H2H_DOMAIN, 1)])
        helper.set_model_props(model, {META_KEY: json.dumps({"name": w.name, "layers": meta_layers})})
        return model

    def emit(self, layer: Layer, ins: dict[int, str]) -> None:
        helper = self.onnx.helper
        op, name = layer.op, layer.name
        out_shape = tuple(layer.output_shape)
        attrs = dict(layer.attrs)
        kw: dict[str, Any] = {}
        domain = ""
        if op in (Op.CONV2D, Op.DWCONV, Op.POOL):
            x = self.feed(layer, 0, ins.get(0), (layer.batch, layer.in_channels, layer.in_h, layer.in_w))
            geom = dict(kernel_shape=list(layer.kernel), strides=list(layer.stride),
                        pads=list(layer.padding))
            if op is Op.POOL:
                onnx_op = attrs.get("onnx_op") or ("AveragePool" if attrs.get("pool") == "avg" else "MaxPool")
                if onnx_op.startswith("Global") and (layer.kernel != (layer.in_h, layer.in_w)
                                                     or layer.padding != (0, 0, 0, 0)):
                    onnx_op = onnx_op.replace("Global", "")
                inputs, kw = [x], ({} if onnx_op.startswith("Global") else geom)
            else:
                wshape = (layer.out_channels, layer.in_channels // layer.groups, *layer.kernel)
                inputs = [x, self.weight(name + ".weight", wshape)]
                onnx_op = "Conv"
                kw = dict(geom, dilations=list(layer.dilation), group=layer.groups)
        elif op is Op.GEMM:
            a_shape = (layer.batch, layer.m, layer.k) if layer.batch > 1 else (layer.m, layer.k)
            inputs = [self.feed(layer, 0, ins.get(0), a_shape),
                      self.weight(name + ".weight", (layer.k, layer.n))]
            onnx_op = "MatMul"
        elif op is Op.MATMUL:
            lead = (layer.batch,) if layer.batch > 1 else ()
            inputs = [self.feed(layer, 0, ins.get(0), (*lead, layer.m, layer.k)),
                      self.feed(layer, 1, ins.get(1), (*lead, layer.k, layer.n))]
            onnx_op = "MatMul"
        elif op in (Op.ADD, Op.MUL):
            n = max(layer.num_inputs, max(ins, default=-1) + 1)
            inputs = []
            for p in range(n):
                src = ins.get(p)
                shape = out_shape if src is None else self._broadcast_shape(src, out_shape)
                inputs.append(self.feed(layer, p, src, shape))
            if len(inputs) == 1:  # one activation operand, the other a constant
                inputs.append(self.weight(name + ".const", (1,)))
            onnx_op = "Mul" if op is Op.MUL else "Add" if len(inputs) == 2 else "Sum"
            if onnx_op == "Mul" and len(inputs) > 2:
                raise WorkloadError(f"a mul of {len(inputs)} operands is not one ONNX node",
                                    file=self.w.source, item=f"layer '{name}'")
        elif op is Op.CONCAT:
            n = max(ins, default=-1) + 1
            supplied = [self.w.layer(ins[p]).output_elements for p in sorted(ins)]
            rest = layer.output_elements - sum(supplied)
            axis = _concat_axis(out_shape, supplied + ([rest] if rest else []))
            per = layer.output_elements // out_shape[axis]
            gaps = [p for p in range(n) if p not in ins] or ([n] if rest else [])
            if gaps and (not rest or (rest // per) % len(gaps)):
                raise WorkloadError("the inputs that no edge supplies do not split evenly",
                                    file=self.w.source, item=f"layer '{name}'")
            inputs = []
            for p in range(max(n, gaps[-1] + 1 if gaps else 0)):
                src = ins.get(p)
                shape = list(out_shape)
                shape[axis] = (self.w.layer(src).output_elements if src else rest // len(gaps)) // per
                inputs.append(self.feed(layer, p, src, tuple(shape)))
            onnx_op, kw = "Concat", dict(axis=axis)
        elif op is Op.PASSTHROUGH:
            inputs = [self.tensor_of[ins[p]] for p in sorted(ins)] or [self.feed(layer, 0, None, out_shape)]
            onnx_op, domain = "Passthrough", H2H_DOMAIN
        else:  # norm, act, reshape: same elements in and out
            src = ins.get(0)
            if op is Op.RESHAPE:
                x = self.feed(layer, 0, src, self.shape_of[src] if src else out_shape)
                inputs = [x, self.const_i64(name + ".shape", out_shape)]
                onnx_op = "Reshape"
            else:
                x = self.feed(layer, 0, src, out_shape)
                if op is Op.ACT:
                    onnx_op = attrs.get("onnx_op") if attrs.get("onnx_op") in ACT_OPS else "Relu"
                    inputs = [x]
                elif len(out_shape) >= 2 and attrs.get("onnx_op") != "LayerNormalization" \
                        and len(out_shape) == 4:
                    onnx_op = "BatchNormalization"
                    c = out_shape[1]
                    inputs = [x] + [self.weight(f"{name}.{p}", (c,)) for p in ("scale", "bias", "mean", "var")]
                else:
                    onnx_op = "LayerNormalization"
                    inputs = [x, self.weight(name + ".scale", (out_shape[-1],))]
                    kw = dict(axis=-1)
        out = name
        self.nodes.append(helper.make_node(onnx_op, inputs, [out], name=name, domain=domain, **kw))
        self.tensor_of[name], self.shape_of[name] = out, out_shape
        self.value_info[out] = out_shape

    def _broadcast_shape(self, src: str, out_shape: tuple[int, ...]) -> tuple[int, ...]:
        have = self.shape_of[src]
        if math.prod(have) == math.prod(out_shape) or _broadcasts(have, out_shape):
            return out_shape if math.prod(have) == math.prod(out_shape) else have
        n = math.prod(have)
        for cut in range(1, len(out_shape) + 1):  # e.g. (1, C) scaling a (1, C, H, W) map
            if math.prod(out_shape[:cut]) == n:
                return (*out_shape[:cut], *(1,) * (len(out_shape) - cut))
        raise WorkloadError(f"cannot broadcast a {list(have)} operand to {list(out_shape)}",
                            item=f"layer '{src}'")


def _broadcasts(have: tuple[int, ...], want: tuple[int, ...]) -> bool:
    if len(have) > len(want):
        return False
    return all(h in (1, w) for h, w in zip(have[::-1], want[::-1]))


def to_onnx_model(workload: Workload, *, weights: str = "zeros"):
    """The ``onnx.ModelProto`` of ``workload``.

    ``weights="zeros"`` writes zero-filled weights (a valid, runnable model; large for big
    networks); ``"empty"`` writes weight tensors with their shapes but no data (small files that
    onnx.load and shape inference accept, not runnable).
    """
    return _Exporter(workload, weights).run()


def write_onnx(workload: Workload, path: str | Path, *, weights: str = "zeros") -> Path:
    onnx = _onnx()
    path = Path(path)
    try:
        onnx.save(to_onnx_model(workload, weights=weights), str(path))
    except OSError as e:
        raise WorkloadError(f"cannot write: {e}", file=str(path)) from None
    return path
