"""What a batch produced, as plain data: its plan, its run records and where their files are.

The runner builds a :class:`BatchOutcome`; the report and the CLI only read one, so neither needs
the runner (h2h.batch.report imports nothing of it).
"""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .schema import BatchConfig
from .sweep import RunSpec

RUNS_DIR = "runs"


@dataclass(frozen=True)
class BatchPlan:
    config: BatchConfig
    runs: tuple[RunSpec, ...]


@dataclass(frozen=True)
class BatchOutcome:
    out_dir: Path
    plan: BatchPlan
    records: tuple[dict[str, Any], ...]
    ran: int
    skipped: int

    @property
    def failed(self) -> int:
        return sum(r["status"] != "ok" for r in self.records)

    @property
    def summary_csv(self) -> Path:
        return self.out_dir / "summary.csv"

    @property
    def report_html(self) -> Path:
        return self.out_dir / "report.html"

    def __repr__(self) -> str:  # the records are long; say what a person wants to know
        return (f"BatchOutcome({len(self.records)} runs: {len(self.records) - self.failed} ok, {self.failed} "
                f"failed, {self.skipped} already done; {self.out_dir})")


def run_dir_of(out: Path, run_id: str) -> Path:
    return out / RUNS_DIR / run_id


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file and ``os.replace``."""
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
