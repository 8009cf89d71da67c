"""Shapes of a real ONNX export: onnx's data-propagating shape inference plus constant folding.

Exporters compute Reshape and Expand targets at run time (``Shape -> Gather -> Concat -> Reshape``,
``ConstantOfShape -> Equal -> Where -> Expand``). Once the graph input shapes are fixed those
chains are constants: :func:`resolve_shapes` runs ``onnx.shape_inference.infer_shapes(model,
data_prop=True)``, evaluates every node whose inputs are all known, small constants (``Shape`` of a
tensor of static shape counts as one) with onnx's reference evaluator, stores the results as
initializers and infers again, until nothing more folds.
"""
from __future__ import annotations

import math
import warnings

import numpy as np

from .errors import H2HWarning, WorkloadError

FOLD_MAX_ELEMENTS = 1 << 16   # constants up to this size are evaluated; weights are never folded
MAX_ROUNDS = 8                # a fold can expose another Shape of a now-static tensor
NOT_FOLDED = frozenset({"RandomNormal", "RandomUniform", "RandomNormalLike", "RandomUniformLike",
                        "Multinomial", "Bernoulli", "If", "Loop", "Scan", "Constant"})
STANDARD_DOMAINS = ("", "ai.onnx")


def static_shape(value_info) -> tuple[int, ...] | None:
    """The shape of a ValueInfoProto when every dimension is a known positive size, else None."""
    t = value_info.type.tensor_type
    if not t.HasField("shape"):
        return None
    dims = []
    for d in t.shape.dim:
        if not d.HasField("dim_value") or d.dim_value < 1:
            return None
        dims.append(int(d.dim_value))
    return tuple(dims)


def infer(model, file: str):
    """``infer_shapes(model, data_prop=True)`` with its failures as one-line WorkloadErrors."""
    import onnx

    try:
        return onnx.shape_inference.infer_shapes(model, data_prop=True)
    except Exception as e:  # onnx raises several unrelated types here
        raise WorkloadError(f"ONNX shape inference failed: {' '.join(str(e).split())[:300]}",
                            file=file) from None


def resolve_shapes(model, file: str):
    """``model`` with shape computations folded into initializers and every shape inferred.

    Initializers too large to fold keep their name, type and dims but not their data (all that
    import reads), so shape inference does not copy the weights of a large network.
    """
    light = _skeleton(model)
    model = infer(_fix_dynamic_dims(light, file, owned=light is not model), file)
    for _ in range(MAX_ROUNDS):
        folded = _fold_round(model)
        if not folded:
            break
        model = infer(_replace(model, folded), file)
    return model


def _copy_fields(src, dst, skip: str) -> None:
    """Copy every set field of protobuf message ``src`` into ``dst`` except ``skip``."""
    for field, value in src.ListFields():
        if field.name == skip:
            continue
        if hasattr(value, "extend"):   # a repeated field
            getattr(dst, field.name).extend(value)
        elif field.message_type:
            getattr(dst, field.name).CopyFrom(value)
        else:
            setattr(dst, field.name, value)


def _skeleton(model):
    import onnx

    g = model.graph
    if all(math.prod(t.dims) <= FOLD_MAX_ELEMENTS for t in g.initializer):
        return model
    out = onnx.ModelProto()
    _copy_fields(model, out, "graph")
    _copy_fields(g, out.graph, "initializer")
    for t in g.initializer:
        if math.prod(t.dims) > FOLD_MAX_ELEMENTS:
            t = onnx.TensorProto(name=t.name, data_type=t.data_type, dims=list(t.dims))
        out.graph.initializer.append(t)
    return out


def _fix_dynamic_dims(model, file: str, *, owned: bool):
    """Graph inputs with symbolic or unknown sizes (a dynamic batch) get size 1, with one warning;
    graph outputs drop their symbolic shapes so that inference states them."""
    import onnx

    g = model.graph
    weights = {t.name for t in g.initializer}
    dynamic = [(vi.name, i, d.dim_param or "?") for vi in g.input if vi.name not in weights
               and vi.type.tensor_type.HasField("shape")
               for i, d in enumerate(vi.type.tensor_type.shape.dim) if not d.HasField("dim_value") or d.dim_value < 1]
    if not dynamic:
        return model
    if not owned:   # the caller's own model: edit a copy
        copy = onnx.ModelProto()
        copy.CopyFrom(model)
        model, g = copy, copy.graph
    for vi in g.input:
        if vi.name not in weights and vi.type.tensor_type.HasField("shape"):
            for d in vi.type.tensor_type.shape.dim:
                if not d.HasField("dim_value") or d.dim_value < 1:
                    d.dim_value = 1   # (clears dim_param, one of the same oneof)
    for vi in g.output:
        t = vi.type.tensor_type
        if t.HasField("shape") and any(not d.HasField("dim_value") for d in t.shape.dim):
            t.ClearField("shape")
    warnings.warn(f"{file}: dynamic input size(s) fixed to 1: "
                  + ", ".join(f"'{name}' dim {i} ({param})" for name, i, param in dynamic), H2HWarning,
                  stacklevel=5)
    return model


def _small_values(model) -> dict[str, np.ndarray]:
    from onnx import numpy_helper

    values = {}
    for t in model.graph.initializer:
        if math.prod(t.dims) <= FOLD_MAX_ELEMENTS and not t.external_data:
            try:
                values[t.name] = numpy_helper.to_array(t)
            except ValueError:   # a shape without data (h2h's "empty" weights): not a known value
                continue
    for node in model.graph.node:
        if node.op_type == "Constant" and node.domain in STANDARD_DOMAINS:
            try:
                values[node.output[0]] = _evaluate(model, node, {})[0]
            except Exception:   # a Constant the reference evaluator cannot read: not a known value
                continue
    return values


def _fold_round(model) -> dict[str, np.ndarray]:
    """Values of the outputs of every foldable node (one pass in graph order)."""
    g = model.graph
    shapes = {vi.name: static_shape(vi) for vi in [*g.input, *g.value_info, *g.output]}
    values = _small_values(model)
    folded: dict[str, np.ndarray] = {}
    for node in g.node:
        if node.domain not in STANDARD_DOMAINS or node.op_type in NOT_FOLDED:
            continue
        ins = [t for t in node.input if t]
        if node.op_type in ("Shape", "Size") and shapes.get(node.input[0]) is not None:
            result = [_shape_value(node, shapes[node.input[0]])]
        elif ins and all(t in values for t in ins):
            try:
                result = _evaluate(model, node, values)
            except Exception:   # not evaluable here (an unusual op or attribute): left as it is
                continue
        else:
            continue
        if any(r is None or np.size(r) > FOLD_MAX_ELEMENTS for r in result):
            continue
        for name, value in zip(node.output, result):
            if name:
                values[name] = folded[name] = np.asarray(value)
    return folded


def _shape_value(node, shape: tuple[int, ...]) -> np.ndarray:
    import onnx

    if node.op_type == "Size":
        return np.asarray(math.prod(shape), dtype=np.int64)
    a = {x.name: onnx.helper.get_attribute_value(x) for x in node.attribute}
    return np.asarray(shape, dtype=np.int64)[a.get("start", 0):a.get("end", None)]


def _evaluate(model, node, values: dict[str, np.ndarray]) -> list:
    """Run one node with onnx's reference evaluator under the model's opsets."""
    import onnx
    from onnx.reference import ReferenceEvaluator

    helper = onnx.helper
    inputs = [helper.make_tensor_value_info(t, helper.np_dtype_to_tensor_dtype(values[t].dtype), None)
              for t in dict.fromkeys(t for t in node.input if t)]
    outputs = [helper.make_empty_tensor_value_info(t) for t in node.output if t]
    graph = helper.make_graph([node], "fold", inputs, outputs)
    sub = helper.make_model(graph, opset_imports=list(model.opset_import), ir_version=model.ir_version)
    feeds = {vi.name: values[vi.name] for vi in inputs}
    return list(ReferenceEvaluator(sub).run(None, feeds))


def _replace(model, folded: dict[str, np.ndarray]):
    """A copy of ``model`` whose folded nodes are replaced by initializers of their values."""
    import onnx
    from onnx import numpy_helper

    out = onnx.ModelProto()
    out.CopyFrom(model)
    g = out.graph
    keep = [n for n in g.node if not (n.output and all(t in folded or not t for t in n.output))]
    del g.node[:]
    g.node.extend(keep)
    g.initializer.extend(numpy_helper.from_array(np.asarray(v), name) for name, v in folded.items())
    outputs = {o.name for o in g.output}
    vi = [v for v in g.value_info if v.name not in folded or v.name in outputs]
    del g.value_info[:]
    g.value_info.extend(vi)
    return out
