"""ONNX export with exact round trips; import lives in :mod:`workloads.onnx_import`.

Export writes one node per layer (zero-filled weights of the right shapes) plus ``Reshape`` adapters
(doc_string ``h2h.adapter``) where a producer's shape differs from what the consumer reads, and
stores what ONNX cannot carry (model tag, element size, attrs) in the model's metadata under
``h2h``, so ``read_onnx(write_onnx(w)) == w``.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np

from .errors import WorkloadError
from .graph import Workload
from .layer import Layer, Op
from .onnx_import import ADAPTER_DOC, H2H_DOMAIN, META_KEY, _onnx, load_onnx_model, read_onnx  # noqa: F401

# activations the exporter writes back as themselves: unary in opset 17, every attribute optional
EXPORT_ACT_OPS = ("Relu", "Clip", "Sigmoid", "Softmax", "LogSoftmax", "HardSwish", "HardSigmoid", "Tanh",
                  "LeakyRelu", "Elu", "Selu", "Softplus", "Softsign", "Erf", "Exp", "Sqrt", "Neg", "Abs")
WEIGHT_DTYPE = {1: 1, 2: 10, 4: 1, 8: 11}  # elem_bytes -> TensorProto type for exported tensors


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
            if layer.weight_elem_bytes:
                meta["weight_elem_bytes"] = layer.weight_elem_bytes
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
                    onnx_op = attrs.get("onnx_op") if attrs.get("onnx_op") in EXPORT_ACT_OPS else "Relu"
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
