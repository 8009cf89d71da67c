"""MAESTRO model files (``.m``): import and export.

MAESTRO (Kwon et al., MICRO 2019; maestro-project/maestro) describes a network as::

    Constant SeqLen 128;                       // optional named integers
    Network Resnet50 {
      Layer CONV1 {
        Type: CONV                             // CONV, DSCONV or GEMM
        Stride { X: 2, Y: 2 }                  // optional, default 1
        Dimensions { K: 64, C: 3, R: 7, S: 7, Y: 224, X: 224 }   // N (batch) optional
        Dataflow { SpatialMap(1,1) K; ... }    // optional per-layer mapping
      }
      Layer FC { Type: GEMM  Dimensions { K: 2048, M: 1, N: 1000 } }
    }

MAESTRO's conventions, kept faithfully in both directions:

* ``Y``, ``X`` are the *input* height and width and MAESTRO applies no padding: output height is
  (Y - R) / stride + 1. Import gives ``in_h = Y`` with zero padding (the same MACs MAESTRO counts);
  export writes a padded layer's padded input size, ``Y = in_h + pad_top + pad_bottom``.
* ``DSCONV`` is a depthwise conv with ``K: 1`` and ``C`` channels (``dwconv`` here).
* ``GEMM`` multiplies an M x K input by a K x N matrix: ``gemm`` with m, k, n.

A file lists layers in execution order, so import chains them. When a layer's output size differs
from the next layer's input size (MAESTRO files ignore padding, pooling and flattening), the two
are joined through a zero-MAC ``passthrough`` node of kind ``maestro_resize`` named
``<next layer>__in``, and one :class:`H2HWarning` says how many. A per-layer ``Dataflow`` block is
kept verbatim in the layer's ``attrs`` (key ``maestro_dataflow``) and written back on export.

Export writes conv2d (CONV; groups 1, dilation 1), dwconv (DSCONV; channel multiplier 1), gemm
(GEMM; a batch of products sharing the weight is folded into M) and matmul (GEMM; one layer per
batch entry, ``<name>_<i>``, as MAESTRO's own Transformer model lists one layer per head) in
topological order, and leaves out zero-MAC layers (one warning counts them). Element sizes are not
part of the format: import uses 1 byte.
"""
from __future__ import annotations

import re
import warnings
from dataclasses import dataclass
from pathlib import Path

from .errors import H2HWarning, WorkloadError
from .graph import Workload
from .layer import MAX_DIM, Layer, Op

TYPES = ("CONV", "DSCONV", "GEMM")
CONV_DIMS = ("N", "K", "C", "R", "S", "Y", "X")
GEMM_DIMS = ("K", "M", "N")
DATAFLOW_ATTR = "maestro_dataflow"
RESIZE_KIND = "maestro_resize"
UNFIT_ATTR = "maestro_unpadded_input"  # "YxX" of a conv padded on import so its filter fits

# MAESTRO splits on " ,->():\t;", so names may hold '.' and '-' and the ':' after a key is optional
_TOKEN = re.compile(r"\s*(?:(//[^\n]*)|([A-Za-z_][A-Za-z0-9_.'\-]*)|(\d+(?:\.\d*)?)|([{}:,;()\[\]])|(\S))")


@dataclass
class _Tok:
    text: str
    line: int
    pos: int
    kind: str  # "name", "int", "punct"


class _Parser:
    def __init__(self, text: str, file: str) -> None:
        self.text, self.file = text, file
        self.toks: list[_Tok] = []
        line, pos = 1, 0
        for m in _TOKEN.finditer(text):
            line += text.count("\n", pos, m.start(m.lastindex))
            pos = m.start(m.lastindex)
            comment, name, num, punct, bad = m.groups()
            if comment is not None:
                continue
            if bad is not None:
                raise WorkloadError(f"malformed .m file: unexpected character {bad!r}", file=file,
                                    item=f"line {line}")
            kind = "name" if name else ("int" if num.isdigit() else "num") if num else "punct"
            self.toks.append(_Tok(name or num or punct, line, pos, kind))
        self.i = 0
        self.constants: dict[str, int] = {}

    # ---- token helpers --------------------------------------------------------------------------
    def _where(self) -> str:
        tok = self.toks[self.i] if self.i < len(self.toks) else None
        return f"line {tok.line}" if tok else "end of file"

    def fail(self, msg: str, item: str | None = None) -> WorkloadError:
        where = self._where()
        return WorkloadError(f"malformed .m file: {msg}", file=self.file,
                             item=f"{item} ({where})" if item else where)

    def peek(self) -> _Tok | None:
        return self.toks[self.i] if self.i < len(self.toks) else None

    def take(self, expect: str | None = None, kind: str | None = None, what: str = "") -> _Tok:
        tok = self.peek()
        if tok is None or (expect is not None and tok.text != expect) or (kind and tok.kind != kind):
            got = "end of file" if tok is None else repr(tok.text)
            raise self.fail(f"expected {what or repr(expect) or kind}, got {got}", self.item)
        self.i += 1
        return tok

    def skip(self, text: str) -> None:
        tok = self.peek()
        if tok is not None and tok.text == text:
            self.i += 1

    def value(self) -> int:
        tok = self.take(what="an integer or a Constant name")
        if tok.kind == "int":
            return int(tok.text)
        if tok.kind == "num":
            self.i -= 1
            raise self.fail(f"expected an integer, got {tok.text!r}", self.item)
        if tok.text in self.constants:
            return self.constants[tok.text]
        self.i -= 1
        raise self.fail(f"unknown constant {tok.text!r}", self.item)

    # ---- grammar --------------------------------------------------------------------------------
    item: str | None = None

    def parse(self) -> tuple[str, list[tuple[str, str, dict, dict, str | None, int]]]:
        networks = self.parse_networks(scenario=False)
        name, _, layers = networks[0]
        return name, layers

    def parse_networks(self, *, scenario: bool) -> list[tuple[str, dict, list]]:
        """Every ``Network`` block: (name, meta, layers). With ``scenario``, a file may hold several
        and each may carry XRBench's ``FPS:``, ``Probability:`` and ``Dependency: { NAME ... }``."""
        networks: list[tuple[str, dict, list]] = []
        while self.peek() is not None:
            tok = self.take(kind="name", what="'Constant' or 'Network'")
            if tok.text == "Constant":
                name = self.take(kind="name", what="a constant name").text
                self.constants[name] = self.value()
                self.skip(";")
            elif tok.text == "Network":
                if networks and not scenario:
                    self.i -= 1
                    raise self.fail("only one Network per file is supported")
                network = self.take(kind="name", what="a network name").text
                self.take("{")
                meta: dict = {}
                layers: list = []
                while (t := self.peek()) is not None and t.text != "}":
                    if scenario and t.text in ("FPS", "Probability", "Dependency"):
                        self.network_key(meta, network)
                    else:
                        layers.append(self.layer())
                self.take("}", what="'}' closing the Network")
                if not layers:
                    raise WorkloadError("the network has no layers", file=self.file,
                                        item=f"network '{network}'")
                networks.append((network, meta, layers))
            else:
                self.i -= 1
                raise self.fail(f"expected 'Constant' or 'Network', got {tok.text!r}")
        if not networks:
            raise WorkloadError("malformed .m file: no 'Network NAME { ... }' block", file=self.file)
        return networks

    def network_key(self, meta: dict, network: str) -> None:
        key = self.take(kind="name").text
        self.item = f"network '{network}'"
        if key in meta:
            self.i -= 1
            raise self.fail(f"'{key}' given twice", self.item)
        self.skip(":")
        if key == "Dependency":
            self.take("{")
            parents = []
            while (t := self.peek()) is not None and t.text != "}":
                parents.append(self.take(kind="name", what="a network name").text)
                self.skip(",")
            self.take("}")
            meta[key] = parents
        else:
            text = self.take(what="a number").text
            try:
                meta[key] = float(text) if key == "Probability" else int(text)
            except ValueError:
                self.i -= 1
                raise self.fail(f"'{key}' must be a number, got {text!r}", self.item) from None
        self.item = None

    def layer(self):
        self.item = None
        self.take("Layer", what="'Layer'")
        name_tok = self.take(kind="name", what="a layer name")
        self.item = f"layer '{name_tok.text}'"
        self.take("{")
        ltype, stride, dims, dataflow = None, {}, {}, None
        while (tok := self.peek()) is not None and tok.text != "}":
            key = self.take(kind="name", what="Type, Stride, Dimensions or Dataflow").text
            if key == "Type":
                self.skip(":")
                ltype = self.take(kind="name", what="a layer type").text
                if ltype not in TYPES:
                    self.i -= 1
                    raise self.fail(f"unsupported layer type {ltype!r}; expected one of {', '.join(TYPES)}",
                                    self.item)
            elif key in ("Stride", "Dimensions"):
                if key == "Stride" and dims:
                    raise self.fail("Stride must come before Dimensions (as MAESTRO requires)", self.item)
                target = stride if key == "Stride" else dims
                self.skip(":")
                self.take("{")
                while (t := self.peek()) is not None and t.text != "}":
                    dim = self.take(kind="name", what="a dimension name").text
                    self.skip(":")
                    size = self.value()
                    if target.setdefault(dim, size) != size:
                        self.i -= 1
                        raise self.fail(f"dimension {dim} given twice with different sizes", self.item)
                    self.skip(",")
                self.take("}")
            elif key == "Dataflow":
                dataflow = self.block_text()
            else:
                self.i -= 1
                raise self.fail(f"unexpected {key!r}; expected Type, Stride, Dimensions or Dataflow",
                                self.item)
        self.take("}", what=f"'}}' closing {self.item}")
        item, self.item = self.item, None
        if ltype is None:
            raise WorkloadError("missing 'Type:'", file=self.file, item=f"{item} (line {name_tok.line})")
        return name_tok.text, ltype, stride, dims, dataflow, name_tok.line

    def block_text(self) -> str:
        """The directives of a ``{ ... }`` block, one per ';', whitespace-normalised."""
        start = self.take("{").pos + 1
        depth = 1
        while depth:
            tok = self.take(what="'}' closing the Dataflow block")
            depth += {"{": 1, "}": -1}.get(tok.text, 0)
        body = re.sub(r"//[^\n]*", "", self.text[start:tok.pos])
        parts = [" ".join(p.split()) for p in body.split(";")]
        return "; ".join(p for p in parts if p)


def _to_layer(name: str, ltype: str, stride: dict, dims: dict, dataflow: str | None, line: int,
              file: str, fit_filters: bool = False) -> Layer:
    item = f"layer '{name}' (line {line})"
    allowed = GEMM_DIMS if ltype == "GEMM" else CONV_DIMS
    unknown = sorted(set(dims) - set(allowed))
    bad_stride = sorted(set(stride) - {"X", "Y"})
    if unknown or bad_stride:
        raise WorkloadError(f"unsupported dimension(s) {unknown or bad_stride} for {ltype}; expected "
                            f"{', '.join(allowed) if unknown else 'X, Y'}", file=file, item=item)
    required = ("K", "M", "N") if ltype == "GEMM" else ("K", "C", "R", "S", "Y", "X")
    missing = [d for d in required if d not in dims]
    if missing:
        raise WorkloadError(f"{ltype} needs dimensions {', '.join(required)}; missing {', '.join(missing)}",
                            file=file, item=item)
    for group, values in (("dimension", dims), ("stride", stride)):
        for d, v in values.items():
            if v > MAX_DIM:
                raise WorkloadError(f"{group} {d} must be at most 2**31 - 1 = {MAX_DIM}, got {v}",
                                    file=file, item=item)
    attrs = ((DATAFLOW_ATTR, dataflow),) if dataflow else ()
    pad = (0, 0, 0, 0)
    if fit_filters and ltype != "GEMM" and (dims["R"] > dims["Y"] or dims["S"] > dims["X"]):
        # XRBench's files hold convs whose filter exceeds the input (MAESTRO prices them anyway);
        # pad the bottom/right so the window fits, and keep the file's sizes in the attrs
        pad = (0, 0, max(0, dims["R"] - dims["Y"]), max(0, dims["S"] - dims["X"]))
        attrs += ((UNFIT_ATTR, f"{dims['Y']}x{dims['X']}"),)
    try:
        if ltype == "GEMM":
            return Layer(name, Op.GEMM, m=dims["M"], k=dims["K"], n=dims["N"], attrs=attrs)
        common = dict(batch=dims.get("N", 1), in_channels=dims["C"], in_h=dims["Y"], in_w=dims["X"],
                      kernel=(dims["R"], dims["S"]), stride=(stride.get("Y", 1), stride.get("X", 1)),
                      padding=pad, attrs=attrs)
        if ltype == "DSCONV":
            if dims["K"] != 1:
                raise WorkloadError(f"DSCONV has K: 1 in MAESTRO's convention, got K: {dims['K']}",
                                    item=item)
            return Layer(name, Op.DWCONV, out_channels=dims["C"], groups=dims["C"], **common)
        return Layer(name, Op.CONV2D, out_channels=dims["K"], **common)
    except WorkloadError as e:
        raise WorkloadError(e.message, file=file, item=item) from None


def loads_maestro(text: str, *, file: str = "<string>", rename_duplicates: bool = False) -> Workload:
    """Parse the text of a ``.m`` model file into a chain workload.

    MAESTRO ignores layer names, and some of its own model files repeat one; that is an error here
    unless ``rename_duplicates`` (then the repeat becomes ``<name>_<line>``).
    """
    network, raw = _Parser(text, file).parse()
    return _chain(network, raw, file, rename_duplicates=rename_duplicates)


def loads_maestro_networks(text: str, *, file: str = "<string>") -> list[tuple[Workload, dict]]:
    """Every Network of a multi-network file (XRBench's usage scenarios) as (workload, meta).

    ``meta`` holds what the block declares of ``FPS`` (int), ``Probability`` (float) and
    ``Dependency`` (list of network names). Repeated layer names are renamed ``<name>_<line>``;
    a conv whose filter exceeds its input is padded so it fits (see ``UNFIT_ATTR``).
    """
    return [(_chain(name, raw, file, rename_duplicates=True, fit_filters=True), meta)
            for name, meta, raw in _Parser(text, file).parse_networks(scenario=True)]


def _chain(network: str, raw: list, file: str, *, rename_duplicates: bool,
           fit_filters: bool = False) -> Workload:
    layers: list[Layer] = []
    edges: list[tuple[str, str]] = []
    seen: dict[str, int] = {}
    resized = 0
    for name, ltype, stride, dims, dataflow, line in raw:
        if name in seen:
            if not rename_duplicates:
                raise WorkloadError(f"duplicate layer name (first on line {seen[name]})", file=file,
                                    item=f"layer '{name}' (line {line})")
            name = f"{name}_{line}"
        seen[name] = line
        layer = _to_layer(name, ltype, stride, dims, dataflow, line, file, fit_filters)
        if layers:
            prev = layers[-1]
            want = layer.operand_elements(0)
            if prev.output_elements == want:
                edges.append((prev.name, layer.name))
            else:
                shape = (layer.batch, layer.m, layer.k) if layer.op is Op.GEMM else \
                    (layer.batch, layer.in_channels, layer.in_h, layer.in_w)
                adapter = Layer(f"{name}__in", Op.PASSTHROUGH, shape=shape,
                                attrs=(("kind", RESIZE_KIND),))
                layers.append(adapter)
                edges += [(prev.name, adapter.name), (adapter.name, layer.name)]
                resized += 1
        layers.append(layer)
    if resized and not fit_filters:
        warnings.warn(f"{file}: {resized} consecutive layer pair(s) disagree on tensor size (MAESTRO "
                      f"ignores padding and pooling); joined through zero-MAC passthrough nodes named '<layer>__in'",
                      H2HWarning, stacklevel=3)
    return Workload(network, layers, edges, source=file)


def read_maestro(path: str | Path, *, rename_duplicates: bool = False) -> Workload:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise WorkloadError("no such file", file=str(path)) from None
    except (OSError, UnicodeDecodeError) as e:
        raise WorkloadError(f"cannot read: {' '.join(str(e).split())}", file=str(path)) from None
    return loads_maestro(text, file=str(path), rename_duplicates=rename_duplicates)


def _ident(name: str) -> str:
    out = re.sub(r"[^A-Za-z0-9_]", "_", name)
    return out if out and not out[0].isdigit() else f"L_{out}"


def _block(name: str, ltype: str, dims: list[tuple[str, int]], stride: tuple[int, int] | None,
           dataflow: str | None) -> str:
    lines = [f"\tLayer {name} {{", f"\t\tType: {ltype}"]
    if stride is not None:
        lines.append(f"\t\tStride {{ X: {stride[1]}, Y: {stride[0]} }}")
    lines.append("\t\tDimensions { " + ", ".join(f"{k}: {v}" for k, v in dims) + " }")
    if dataflow:
        lines.append("\t\tDataflow {")
        lines += [f"\t\t\t{d};" for d in dataflow.split("; ")]
        lines.append("\t\t}")
    lines.append("\t}")
    return "\n".join(lines)


def dumps_maestro(workload: Workload) -> str:
    """The ``.m`` text of ``workload`` (see the module docstring for what is written)."""
    blocks: list[str] = []
    used: set[str] = set()
    skipped = 0

    def unique(name: str) -> str:
        base, n = _ident(name), 1
        out = base
        while out in used:
            n += 1
            out = f"{base}_{n}"
        used.add(out)
        return out

    for layer in workload.layers:
        item = f"layer '{layer.name}'"
        dataflow = dict(layer.attrs).get(DATAFLOW_ATTR)
        if layer.op in (Op.CONV2D, Op.DWCONV):
            if layer.dilation != (1, 1):
                raise WorkloadError("MAESTRO .m has no dilation; cannot export a dilated conv",
                                    file=workload.source, item=item)
            y = layer.in_h + layer.padding[0] + layer.padding[2]
            x = layer.in_w + layer.padding[1] + layer.padding[3]
            batch = [("N", layer.batch)] if layer.batch > 1 else []
            r, s = layer.kernel
            if layer.op is Op.DWCONV:
                if layer.out_channels != layer.in_channels:
                    raise WorkloadError("MAESTRO DSCONV has one output per channel; cannot export a "
                                        "channel multiplier", file=workload.source, item=item)
                dims = batch + [("K", 1), ("C", layer.in_channels), ("R", r), ("S", s), ("Y", y), ("X", x)]
                blocks.append(_block(unique(layer.name), "DSCONV", dims, layer.stride, dataflow))
            else:
                if layer.groups != 1:
                    raise WorkloadError(f"MAESTRO CONV has no groups; cannot export groups={layer.groups}",
                                        file=workload.source, item=item)
                dims = batch + [("K", layer.out_channels), ("C", layer.in_channels), ("R", r), ("S", s),
                                ("Y", y), ("X", x)]
                blocks.append(_block(unique(layer.name), "CONV", dims, layer.stride, dataflow))
        elif layer.op is Op.GEMM:
            dims = [("K", layer.k), ("M", layer.batch * layer.m), ("N", layer.n)]
            blocks.append(_block(unique(layer.name), "GEMM", dims, None, dataflow))
        elif layer.op is Op.MATMUL:
            dims = [("K", layer.k), ("M", layer.m), ("N", layer.n)]
            names = [layer.name] if layer.batch == 1 else [f"{layer.name}_{i}" for i in range(layer.batch)]
            blocks += [_block(unique(n), "GEMM", dims, None, dataflow) for n in names]
        else:
            skipped += not is_resize_adapter(layer)
    if not blocks:
        raise WorkloadError("has no conv, dwconv, gemm or matmul layer to write", file=workload.source,
                            item=f"workload '{workload.name}'")
    if skipped:
        warnings.warn(f"{workload.name}: left out {skipped} zero-MAC layer(s) (pool, add, concat, ...), "
                      "which MAESTRO .m files cannot describe", H2HWarning, stacklevel=2)
    return f"Network {_ident(workload.name)} {{\n" + "\n\n".join(blocks) + "\n}\n"


def is_resize_adapter(layer: Layer) -> bool:
    """A zero-MAC node the reader inserted where MAESTRO layers disagree on size (not a real layer)."""
    return layer.op is Op.PASSTHROUGH and dict(layer.attrs).get("kind") == RESIZE_KIND


def write_maestro(workload: Workload, path: str | Path) -> Path:
    path = Path(path)
    path.write_text(dumps_maestro(workload), encoding="utf-8")
    return path
