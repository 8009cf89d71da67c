"""Metrics looked up from a table (CSV, optionally gzipped) keyed by architecture.

The table is read and validated once, when the evaluator is built: a missing key column, a missing
metric column, a duplicate key or a non-numeric value is an :class:`EvaluatorConfigError` naming
the file, the row and the column. A candidate whose key has no row raises
:class:`~h2h.evaluators.base.EvaluationError` (per candidate; the search records it).

:meth:`TableEvaluator.nb201` serves the NAS-Bench-201 accuracies packaged in ``h2h/data`` (see
``h2h/data/PROVENANCE.md``; cite NAS-Bench-201 and NATS-Bench). Accuracies are reported as
fractions in [0, 1], the unit :class:`~h2h.evaluators.train.TrainEvaluator` reports too.
"""
from __future__ import annotations

import csv
import functools
import gzip
import io
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from workloads.errors import WorkloadError, type_name
from workloads.nb201 import arch_string, parse_arch

from .base import Direction, EvaluationError, EvaluatorConfigError, Metric, select_metrics

NB201_TABLE = "nb201_accuracy.csv.gz"
# NB201 dataset name (as in the arch spec) -> column of the packaged table
NB201_COLUMNS = {
    "cifar10": "cifar10_test_acc",
    "cifar100": "cifar100_test_acc",
    "ImageNet16-120": "imagenet16_test_acc",
}


@dataclass(frozen=True)
class TableColumn:
    """Metric ``metric`` is column ``column`` times ``scale`` (e.g. 0.01 for percent → fraction)."""

    metric: str
    column: str
    direction: Direction = "max"
    scale: float = 1.0
    unit: str = ""


def _read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    if not path.is_file():
        raise EvaluatorConfigError("table file not found", file=str(path))
    raw = path.read_bytes()
    if path.suffix == ".gz":
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError) as e:
            raise EvaluatorConfigError(f"not a readable gzip file ({e})", file=str(path)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise EvaluatorConfigError("not a UTF-8 text CSV", file=str(path)) from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    if not header:
        raise EvaluatorConfigError("the CSV is empty (no header row)", file=str(path))
    reader.fieldnames = header
    return header, list(reader)


@functools.lru_cache(maxsize=8)
def _load_table(file: str, mtime_ns: int, key_column: str, columns: tuple[TableColumn, ...],
                canonicalize: Callable[[str], str] | None) -> dict[str, tuple[float, ...]]:
    """Key -> metric values, validated; cached per file version, so searches that build many
    evaluators on one table read it once. Callers must not modify the result."""
    header, rows = _read_csv(Path(file))
    needed = [key_column, *(c.column for c in columns)]
    missing = [c for c in needed if c not in header]
    if missing:
        raise EvaluatorConfigError(f"column(s) {missing} not in the table; it has: {', '.join(header)}",
                                   file=file, item="columns")
    table: dict[str, tuple[float, ...]] = {}
    for i, row in enumerate(rows, start=2):  # line 1 is the header
        key = (row.get(key_column) or "").strip()
        if not key:
            raise EvaluatorConfigError(f"empty key in column '{key_column}'", file=file, item=f"line {i}")
        if canonicalize is not None:
            try:
                key = canonicalize(key)
            except EvaluationError as e:
                raise EvaluatorConfigError(f"bad key {key!r}: {e.message}", file=file,
                                           item=f"line {i}") from None
        values = []
        for col in columns:
            cell = (row.get(col.column) or "").strip()
            try:
                value = float(cell) * col.scale
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                raise EvaluatorConfigError(f"column '{col.column}' must be a finite number, got {cell!r}",
                                           file=file, item=f"line {i}")
            values.append(value)
        if key in table:
            raise EvaluatorConfigError(f"duplicate key {key!r}", file=file, item=f"line {i}")
        table[key] = tuple(values)
    if not table:
        raise EvaluatorConfigError("the table has no data rows", file=file)
    return table


class TableEvaluator:
    """Look metrics up by architecture key.

    ``spec_key`` says how to get the key from a spec: the name of a spec field (default ``arch``)
    or a function ``spec -> key``. ``canonicalize`` (optional) maps both the table's keys and the
    spec's key to one canonical form, so equivalent spellings find the same row; it may raise
    :class:`EvaluationError` for a malformed key.
    """

    def __init__(self, path: str | Path, *, key_column: str, columns: Sequence[TableColumn],
                 metrics: Iterable[str] | None = None, spec_key: str | Callable[[Mapping[str, Any]], str] = "arch",
                 canonicalize: Callable[[str], str] | None = None, name: str | None = None) -> None:
        self.path = Path(path)
        self.name = name or self.path.name
        self.key_column = key_column
        self._spec_key = spec_key
        self._canonicalize = canonicalize
        by_metric = {c.metric: c for c in columns}
        available = [Metric(c.metric, c.direction, c.unit, f"column '{c.column}' of {self.name}")
                     for c in columns]
        self._metrics = select_metrics(available, metrics, owner=f"table {self.name}")
        self._columns = [by_metric[m.name] for m in self._metrics]
        if not self.path.is_file():
            raise EvaluatorConfigError("table file not found", file=str(self.path))
        self._rows = _load_table(str(self.path), self.path.stat().st_mtime_ns, key_column,
                                 tuple(self._columns), canonicalize)

    # ---- the Evaluator protocol -----------------------------------------------------------------
    @property
    def metrics(self) -> tuple[Metric, ...]:
        return self._metrics

    def agent_facts(self) -> list[str]:
        """Where the metrics come from, for a language model (no values from the table)."""
        names = ", ".join(m.name for m in self._metrics)
        line = (f"{names} {'is' if len(self._metrics) == 1 else 'are'} read from the table {self.name} "
                "(results measured on trained networks; nothing is trained during the search), one row per "
                f"{self.key_column}")
        if self._canonicalize is None:
            line += (": two keys that build the same network (e.g. that differ only in pruned parts) are "
                     "separate rows, measured separately, so their values differ by measurement noise")
        return [line + "."]

    def key_of(self, spec: Mapping[str, Any]) -> str:
        """The (canonical) table key of ``spec``; EvaluationError if it has none."""
        if callable(self._spec_key):
            key = self._spec_key(spec)
        else:
            if not isinstance(spec, Mapping) or self._spec_key not in spec:
                raise EvaluationError(f"the candidate has no '{self._spec_key}' field to look up",
                                      candidate=spec if isinstance(spec, Mapping) else None,
                                      file=self.name)
            key = spec[self._spec_key]
        if not isinstance(key, str):
            raise EvaluationError(f"the table key must be a string, got {key!r}", candidate=spec,
                                  file=self.name)
        key = key.strip()
        if self._canonicalize is not None:
            try:
                key = self._canonicalize(key)
            except EvaluationError as e:
                raise EvaluationError(e.message, candidate=spec, file=self.name, item=e.item) from None
        return key

    def lookup(self, key: str) -> dict[str, float] | None:
        """Metrics of a canonical key, or None when the table has no row for it."""
        values = self._rows.get(key)
        return None if values is None else {m.name: v for m, v in zip(self._metrics, values)}

    def evaluate(self, spec: Mapping[str, Any]) -> dict[str, float]:
        key = self.key_of(spec)
        out = self.lookup(key)
        if out is None:
            raise EvaluationError(f"no row for architecture {key!r} ({len(self._rows)} rows)",
                                  candidate=spec, file=self.name)
        return out

    def __len__(self) -> int:
        return len(self._rows)

    def __repr__(self) -> str:
        return f"TableEvaluator({self.name!r}, {len(self)} rows, metrics={[m.name for m in self.metrics]})"

    # ---- NAS-Bench-201 --------------------------------------------------------------------------
    @classmethod
    def nb201(cls, dataset: str = "cifar10", metrics: Iterable[str] | None = None) -> "TableEvaluator":
        """NAS-Bench-201 200-epoch test accuracy (fraction) on ``dataset`` as metric ``accuracy``.

        The accuracies of the other two datasets are available as ``accuracy_cifar10``,
        ``accuracy_cifar100`` and ``accuracy_ImageNet16-120`` (ask for them in ``metrics``). A spec
        whose ``dataset`` differs from ``dataset`` is refused per candidate: the network that is
        priced must be the one whose accuracy is reported.
        """
        from h2h.data import data_path

        if not isinstance(dataset, str) or dataset not in NB201_COLUMNS:
            raise EvaluatorConfigError(f"unknown NAS-Bench-201 dataset {dataset!r}; expected one of "
                                       f"{', '.join(NB201_COLUMNS)}", item="dataset")
        columns = [TableColumn("accuracy", NB201_COLUMNS[dataset], "max", 0.01, "fraction")]
        columns += [TableColumn(f"accuracy_{ds}", col, "max", 0.01, "fraction")
                    for ds, col in NB201_COLUMNS.items()]
        evaluator = cls(data_path(NB201_TABLE), key_column="arch", columns=columns,
                        metrics=metrics if metrics is not None else ["accuracy"],
                        spec_key=_nb201_key(dataset), canonicalize=canonical_nb201_arch,
                        name=f"NAS-Bench-201 ({dataset})")
        return evaluator


def canonical_nb201_arch(arch: str) -> str:
    """The benchmark's spelling of an NB201 cell string (edges sorted by source in each group).

    Isomorphic cells are not merged: the benchmark trains them separately and reports different
    accuracies. A malformed string raises EvaluationError.
    """
    try:
        return arch_string(parse_arch(arch))
    except WorkloadError as e:
        raise EvaluationError(e.message, item=e.item) from None


def _nb201_key(dataset: str) -> Callable[[Mapping[str, Any]], str]:
    def key(spec: Mapping[str, Any]) -> str:
        if not isinstance(spec, Mapping):
            raise EvaluationError(f"an architecture spec is a mapping, got {type_name(spec)}")
        family = spec.get("family", "nb201")
        if family != "nb201":
            raise EvaluationError(f"the NAS-Bench-201 table scores family 'nb201' only, got {family!r}",
                                  candidate=spec)
        if "arch" not in spec:
            raise EvaluationError("the candidate has no 'arch' cell string", candidate=spec)
        spec_ds = spec.get("dataset", dataset)
        if spec_ds != dataset:
            raise EvaluationError(f"the candidate is built for dataset {spec_ds!r} but this table "
                                  f"reports {dataset!r}", candidate=spec)
        return spec["arch"]
    return key
