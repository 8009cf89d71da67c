"""``from_torch``: a PyTorch module as a workload, exported to ONNX in memory (extra ``torch``).

The graph inputs are named after ``forward``'s arguments, so a module ``forward(self, rgb, depth)``
gives the models ``rgb`` and ``depth`` (see :mod:`workloads.model_tags`); ``outputs`` names the
task heads after the values ``forward`` returns, in order.
"""
from __future__ import annotations

import inspect
import io
import re
import warnings
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import WorkloadError
from .graph import Workload

EXPORTERS = ("dynamo", "legacy")


def _input_names(module: Any, count: int) -> list[str]:
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    try:
        params = [p.name for p in inspect.signature(module.forward).parameters.values() if p.kind in kinds]
    except (TypeError, ValueError):   # no introspectable signature (a scripted module)
        params = []
    return params[:count] if len(params) >= count else [f"input_{i}" for i in range(count)]


def _export(module: Any, args: tuple, exporter: str, input_names: list[str],
            output_names: list[str] | None) -> Any:
    import onnx
    import torch

    names = {"input_names": input_names, "output_names": output_names}
    with warnings.catch_warnings():   # the exporters' deprecation and progress chatter
        warnings.simplefilter("ignore")
        if exporter == "legacy":
            buf = io.BytesIO()
            torch.onnx.export(module, args, buf, dynamo=False, **names)
            return onnx.load_from_string(buf.getvalue())
        program = torch.onnx.export(module, args, dynamo=True, verbose=False, **names)
        return program.model_proto


def from_torch(module: Any, example_inputs: Any, *, outputs: Sequence[str] | None = None,
               models: Mapping[str, str] | None = None, tags: Mapping[str, str] | None = None,
               precision: Any = None, exporter: str = "dynamo", name: str | None = None) -> Workload:
    """The workload of ``module`` run on ``example_inputs`` (a tensor or a tuple of them).

    ``outputs`` names the values ``forward`` returns; ``models`` renames the model of an input or
    output, ``tags`` tags layers by module path prefix (``{"/rgb/": "rgb"}``), ``precision`` sets
    the number format (default: the module's dtype). ``exporter`` is ``"dynamo"`` (needs
    ``onnxscript``) or ``"legacy"`` (TorchScript). The module is exported in eval mode and left in
    the mode it was in.
    """
    from .onnx_import import load_onnx_model
    from .precision import apply_precision, parse_precision

    if exporter not in EXPORTERS:
        raise WorkloadError(f"unknown exporter {exporter!r}; expected one of {', '.join(EXPORTERS)}",
                            item="exporter")
    parse_precision(precision)
    try:
        import torch
    except ImportError:
        raise WorkloadError("from_torch needs PyTorch: pip install 'h2h[torch]'", item="from_torch") from None
    if not isinstance(module, torch.nn.Module):
        raise WorkloadError(f"expected a torch.nn.Module, got {type(module).__name__}", item="module")
    args = tuple(example_inputs) if isinstance(example_inputs, (tuple, list)) else (example_inputs,)
    label = f"<torch {type(module).__name__}>"
    training = module.training
    module.eval()
    try:
        model = _export(module, args, exporter, _input_names(module, len(args)),
                        list(outputs) if outputs else None)
    except ImportError as e:
        raise WorkloadError(f"the {exporter} exporter needs {e.name or 'a missing package'}: "
                            "pip install 'h2h[torch]'", item=label) from None
    except Exception as e:  # noqa: BLE001 -- torch raises many types; the message is what helps
        while e.__cause__ is not None:   # the exporter wraps the error that says what went wrong
            e = e.__cause__
        first = " ".join(re.sub(r"\x1b\[[0-9;]*m", "", str(e)).split())[:300] or type(e).__name__
        raise WorkloadError(f"PyTorch could not export the module with the {exporter} exporter: {first}",
                            item=label) from None
    finally:
        module.train(training)
    model.graph.name = name or type(module).__name__
    return apply_precision(load_onnx_model(model, file=label, models=models, tags=tags), precision)
