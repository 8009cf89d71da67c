"""MAESTRO's dataflow directive language: parsing, libraries of named dataflows, shipped presets.

A dataflow is a list of directives, outermost first (Kwon et al., MICRO 2019)::

    SpatialMap(size, offset) D;    // tiles of D spread across the sub-clusters of this level
    TemporalMap(size, offset) D;   // tiles of D stepped through over time
    Cluster(n, P);                 // the directives below run inside groups of n sub-units

``D`` is one of K, C, R, S, Y, X, Y', X', N, M (GEMM uses M, N, K). Sizes and offsets are integer
expressions over ``Sz(D)``, the layer's size of dimension D, e.g. ``Sz(R)``, ``Sz(S)-1``, ``2*Sz(R)``.
They are resolved per layer by :meth:`Expr.evaluate`, so one dataflow prices many layers.
Comments are ``// ...`` and ``/* ... */``. A library file holds named blocks
``Dataflow NAME { directives }``; a file of bare directives is one dataflow named after the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Mapping

import numpy as np

from .errors import DataflowError

DIMENSIONS = ("K", "C", "R", "S", "Y", "X", "Y'", "X'", "N", "M")
MAP_KINDS = ("SpatialMap", "TemporalMap")
CLUSTER = "Cluster"
PRESET_FILE = "dataflows.m"


@dataclass(frozen=True)
class Expr:
    """An integer expression: a literal, ``Sz(D)``, or ``(op, left, right)`` with op in + - * /."""

    op: str  # "int", "sz", "+", "-", "*", "/"
    value: int | str | None = None
    left: "Expr | None" = None
    right: "Expr | None" = None

    def evaluate(self, sizes: Mapping[str, np.ndarray | int]) -> np.ndarray | int:
        """Value for a layer (or arrays of layers) whose dimension sizes are ``sizes``."""
        if self.op == "int":
            return self.value  # type: ignore[return-value]
        if self.op == "sz":
            if self.value not in sizes:
                raise KeyError(self.value)
            return sizes[self.value]  # type: ignore[index]
        a = self.left.evaluate(sizes)  # type: ignore[union-attr]
        b = self.right.evaluate(sizes)  # type: ignore[union-attr]
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        return np.floor_divide(a, np.maximum(b, 1))

    def dims(self) -> set[str]:
        """Dimensions named by ``Sz(...)`` in this expression."""
        if self.op == "sz":
            return {str(self.value)}
        if self.op == "int":
            return set()
        return self.left.dims() | self.right.dims()  # type: ignore[union-attr]

    def __str__(self) -> str:
        if self.op == "int":
            return str(self.value)
        if self.op == "sz":
            return f"Sz({self.value})"
        return f"({self.left}{self.op}{self.right})"


@dataclass(frozen=True)
class Directive:
    """One directive; ``dim``/``offset`` are None for Cluster, ``cluster_type`` is 'P' or 'L'."""

    kind: str  # "SpatialMap", "TemporalMap" or "Cluster"
    size: Expr
    offset: Expr | None = None
    dim: str | None = None
    cluster_type: str | None = None
    line: int = 0

    def __str__(self) -> str:
        if self.kind == CLUSTER:
            return f"Cluster({self.size}, {self.cluster_type});"
        return f"{self.kind}({self.size},{self.offset}) {self.dim};"


@dataclass(frozen=True)
class Dataflow:
    """A named dataflow: its directives, outermost first, and where it was read from."""

    name: str
    directives: tuple[Directive, ...]
    source: str | None = None

    def to_text(self) -> str:
        """The dataflow as a ``Dataflow NAME { ... }`` block that :func:`parse_library` reads back."""
        body = "\n".join(f"  {d}" for d in self.directives)
        return f"Dataflow {self.name} {{\n{body}\n}}\n"

    def describe(self, directive: Directive) -> str:
        """Where a directive is, for error messages."""
        return f"dataflow '{self.name}' line {directive.line}: '{str(directive).rstrip(';')}'"


# ---------------------------------------------------------------------------------------------
# parsing

_TOKEN = re.compile(r"\s*(?:(\d+)|(Sz)|([KCRSYXNM]')|([A-Za-z_]\w*)|(.))")


def _strip_comments(text: str) -> str:
    """Blank out comments but keep newlines, so line numbers stay right."""
    def blank(m: re.Match) -> str:
        return re.sub(r"[^\n]", " ", m.group(0))

    return re.sub(r"//[^\n]*|/\*.*?\*/", blank, text, flags=re.S)


def _parse_expr(text: str, where: str, file: str | None,
                constants: Mapping[str, int] | None = None) -> Expr:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        pos = m.end()
        num, sz, primed, word, other = m.groups()
        if num is not None:
            tokens.append(("int", num))
        elif sz is not None:
            tokens.append(("sz", sz))
        elif primed is not None:
            tokens.append(("name", primed))
        elif word is not None:
            tokens.append(("name", word))
        elif other is not None and other.strip():
            tokens.append(("sym", other))
    i = 0

    def fail(msg: str) -> DataflowError:
        return DataflowError(f"{msg} in size/offset expression '{text}'", file=file, item=where)

    def peek() -> tuple[str, str] | None:
        return tokens[i] if i < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal i
        if i >= len(tokens):
            raise fail("unexpected end")
        i += 1
        return tokens[i - 1]

    def factor() -> Expr:
        kind, val = take()
        if kind == "int":
            return Expr("int", int(val))
        if kind == "name" and constants and val in constants:
            return Expr("int", int(constants[val]))
        if kind == "sz":
            if take() != ("sym", "("):
                raise fail("expected '(' after Sz")
            k2, dim = take()
            if k2 != "name" or dim not in DIMENSIONS:
                raise fail(f"Sz() needs one of {', '.join(DIMENSIONS)}, got '{dim}'")
            if take() != ("sym", ")"):
                raise fail("expected ')' after Sz(D")
            return Expr("sz", dim)
        if (kind, val) == ("sym", "("):
            e = expr()
            if take() != ("sym", ")"):
                raise fail("expected ')'")
            return e
        raise fail(f"unexpected '{val}'")

    def term() -> Expr:
        e = factor()
        while peek() in (("sym", "*"), ("sym", "/")):
            op = take()[1]
            e = Expr(op, None, e, factor())
        return e

    def expr() -> Expr:
        e = term()
        while peek() in (("sym", "+"), ("sym", "-")):
            op = take()[1]
            e = Expr(op, None, e, term())
        return e

    if not tokens:
        raise fail("empty value")
    result = expr()
    if i != len(tokens):
        raise fail(f"unexpected '{tokens[i][1]}'")
    return result


def _split_args(text: str) -> list[str]:
    depth, start, out = 0, 0, []
    for k, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            out.append(text[start:k])
            start = k + 1
    out.append(text[start:])
    return out


_STATEMENT = re.compile(r"^\s*([A-Za-z_]\w*)\s*\((.*)\)\s*([A-Za-z]'?)?\s*$", re.S)


def _parse_directive(stmt: str, line: int, name: str, file: str | None,
                     constants: Mapping[str, int] | None = None) -> Directive:
    where = f"dataflow '{name}' line {line}: directive '{' '.join(stmt.split())}'"
    m = _STATEMENT.match(stmt)
    if not m:
        raise DataflowError("expected SpatialMap(size, offset) D; TemporalMap(size, offset) D; "
                            "or Cluster(n, P);", file=file, item=where)
    kind, args_text, dim = m.group(1), m.group(2), m.group(3)
    args = _split_args(args_text)
    if kind in MAP_KINDS:
        if len(args) != 2:
            raise DataflowError(f"{kind} takes (size, offset), got {len(args)} argument(s)",
                                file=file, item=where)
        if dim is None or dim not in DIMENSIONS:
            raise DataflowError(f"{kind} needs a dimension, one of {', '.join(DIMENSIONS)}; "
                                f"got '{dim or ''}'", file=file, item=where)
        size, offset = (_parse_expr(a, where, file, constants) for a in args)
        for label, e in (("size", size), ("offset", offset)):
            if e.op == "int" and int(e.value) <= 0:  # type: ignore[arg-type]
                raise DataflowError(f"{label} must be a positive integer, got {e}", file=file,
                                    item=where)
        return Directive(kind, size, offset, dim, None, line)
    if kind == CLUSTER:
        if dim is not None:
            raise DataflowError("Cluster takes no dimension", file=file, item=where)
        if len(args) != 2 or args[1].strip() not in ("P", "L"):
            raise DataflowError("Cluster takes (size, P) or (size, L)", file=file, item=where)
        size = _parse_expr(args[0], where, file, constants)
        if size.op == "int" and int(size.value) <= 0:  # type: ignore[arg-type]
            raise DataflowError(f"cluster size must be a positive integer, got {size}", file=file,
                                item=where)
        return Directive(CLUSTER, size, None, None, args[1].strip(), line)
    raise DataflowError(f"unknown directive '{kind}'; expected SpatialMap, TemporalMap or Cluster",
                        file=file, item=where)


# ';' ends a directive; like MAESTRO, a directive per line without one is accepted too
_SEPARATOR = re.compile(r";|\n(?=\s*(?:SpatialMap|TemporalMap|Cluster)\b)")


def _statements(body: str):
    """(offset, text) of each statement of a block body."""
    start = 0
    for m in _SEPARATOR.finditer(body):
        yield start, body[start:m.start()]
        start = m.end()
    yield start, body[start:]


def _parse_body(body: str, body_start: int, text: str, name: str, file: str | None,
                constants: Mapping[str, int] | None = None) -> Dataflow:
    directives = []
    for start, stmt in _statements(body):
        if not stmt.strip():
            continue
        here = body_start + start + (len(stmt) - len(stmt.lstrip()))
        line = text.count("\n", 0, here) + 1
        directives.append(_parse_directive(stmt, line, name, file, constants))
    if not directives:
        raise DataflowError("a dataflow needs at least one directive", file=file,
                            item=f"dataflow '{name}'")
    if not any(d.kind == "SpatialMap" for d in directives):
        raise DataflowError("a dataflow needs at least one SpatialMap", file=file,
                            item=f"dataflow '{name}'")
    return Dataflow(name, tuple(directives), file)


_CONSTANT = re.compile(r"\bConstant\s+([A-Za-z_]\w*)\s+(-?\d+)\s*;?")
_BLOCK = re.compile(r"\bDataflow\s+([A-Za-z_][\w.-]*)\s*\{")


def parse_library(text: str, *, file: str | None = None, default_name: str = "dataflow"
                  ) -> dict[str, Dataflow]:
    """All dataflows of a library text; a text of bare directives is one dataflow ``default_name``."""
    clean = _strip_comments(text)
    constants = {m.group(1): int(m.group(2)) for m in _CONSTANT.finditer(clean)}
    clean = _CONSTANT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), clean)
    out: dict[str, Dataflow] = {}
    pos = 0
    found = False
    while True:
        m = _BLOCK.search(clean, pos)
        if not m:
            break
        found = True
        between = clean[pos:m.start()]
        if between.strip():
            line = clean.count("\n", 0, pos + len(between) - len(between.lstrip())) + 1
            raise DataflowError(f"unexpected text '{between.strip()[:40]}' outside a Dataflow block",
                                file=file, item=f"line {line}")
        name = m.group(1)
        end = clean.find("}", m.end())
        if end < 0:
            line = clean.count("\n", 0, m.start()) + 1
            raise DataflowError("missing '}' closing the block", file=file,
                                item=f"dataflow '{name}' line {line}")
        if name in out:
            raise DataflowError("defined twice", file=file, item=f"dataflow '{name}'")
        out[name] = _parse_body(clean[m.end():end], m.end(), clean, name, file, constants)
        pos = end + 1
    if found:
        rest = clean[pos:]
        if rest.strip():
            line = clean.count("\n", 0, pos + len(rest) - len(rest.lstrip())) + 1
            raise DataflowError(f"unexpected text '{rest.strip()[:40]}' outside a Dataflow block",
                                file=file, item=f"line {line}")
        return out
    if not clean.strip():
        raise DataflowError("no dataflow found", file=file)
    return {default_name: _parse_body(clean, 0, clean, default_name, file, constants)}


def parse_dataflow(text: str, name: str = "dataflow") -> Dataflow:
    """One dataflow from bare directives (or a library text holding exactly one block)."""
    lib = parse_library(text, default_name=name)
    if len(lib) != 1:
        raise DataflowError(f"expected one dataflow, found {len(lib)}: {', '.join(lib)}")
    return next(iter(lib.values()))


def load_library(path: str | Path) -> dict[str, Dataflow]:
    """All dataflows of a ``.m`` file."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except OSError as e:
        raise DataflowError(f"cannot read dataflow file: {e.strerror}", file=str(p)) from None
    except UnicodeDecodeError as e:
        raise DataflowError(f"expected a UTF-8 text .m file, found binary data (byte {e.start})",
                            file=str(p)) from None
    return parse_library(text, file=str(p), default_name=p.stem)


@lru_cache(maxsize=1)
def presets() -> dict[str, Dataflow]:
    """The shipped dataflows (kcp_ws, yxp_os, rs, xp_ws, dw, gemm_mp, gemm_np)."""
    text = resources.files("costmodels.presets").joinpath(PRESET_FILE).read_text(encoding="utf-8")
    return parse_library(text, file=f"costmodels/presets/{PRESET_FILE}")


def preset(name: str) -> Dataflow:
    """A shipped dataflow by name."""
    lib = presets()
    if name not in lib:
        raise DataflowError(f"unknown dataflow; expected one of: {', '.join(sorted(lib))} "
                            "(or a path to a .m file)", item=f"dataflow '{name}'")
    return lib[name]


def load_dataflow(name_or_path: "str | Path | Dataflow",
                  library: Mapping[str, Dataflow] | None = None) -> Dataflow:
    """A dataflow by preset name, by name in ``library``, or from a ``.m`` file holding one.

    ``path.m:NAME`` picks one block of a library file.
    """
    if isinstance(name_or_path, Dataflow):
        return name_or_path
    spec = str(name_or_path)
    if library and spec in library:
        return library[spec]
    if spec in presets():
        return presets()[spec]
    path, _, block = spec.rpartition(":") if spec.count(":") and not Path(spec).exists() else (spec, "", "")
    p = Path(path or spec)
    if p.suffix == ".m" or p.exists():
        if not p.exists():
            raise DataflowError("dataflow file not found", file=str(p))
        lib = load_library(p)
        if block:
            if block not in lib:
                raise DataflowError(f"no such dataflow in file; it holds: {', '.join(lib)}",
                                    file=str(p), item=f"dataflow '{block}'")
            return lib[block]
        if len(lib) != 1:
            raise DataflowError(f"file holds {len(lib)} dataflows ({', '.join(lib)}); "
                                f"name one as {p}:NAME", file=str(p))
        return next(iter(lib.values()))
    known = sorted(set(presets()) | set(library or {}))
    raise DataflowError(f"unknown dataflow; expected one of: {', '.join(known)} "
                        "(or a path to a .m file)", item=f"dataflow '{spec}'")
