"""Run a batch: validate everything, skip finished runs, execute the rest, write the results folder.

Layout of ``OUT/``::

    batch.yaml            the batch config as given (a copy)
    summary.csv           one row per run, derived from runs/*/run.json; rewritten atomically
    report.html           self-contained report (tables, embedded plots)
    runs/<run_id>/        one folder per run:
        config.yaml         the resolved run config (what run_id hashes)
        run.json            status, error, elapsed_s, summary metrics: written last
        result.json         the task's result (map: the schedule and metrics)
        trace.json          map: Perfetto/Chrome trace of the schedule
        history.csv, pareto.csv, ...   nas/codesign: the task's results folder

Crash safety: a run's files are written into a hidden staging folder which is renamed into
place in one step, so ``runs/<run_id>`` is either complete or absent. ``summary.csv`` is never
appended to: it is rebuilt from the run folders after every run and replaced atomically, so a
kill at any moment neither loses nor duplicates a row, and a rerun skips every run whose folder
says ``ok`` (failed runs are retried).
"""
from __future__ import annotations

import csv
import datetime as dt
import fcntl
import io
import json
import os
import shutil
import socket
import sys
import tempfile
import time
import traceback
import uuid
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

import yaml

from h2h.errors import ConfigError

from .executors import MAIN_GUARD, InlineExecutor, Progress, make_executor
from .outcome import RUNS_DIR, BatchOutcome, BatchPlan, atomic_write_bytes, run_dir_of
from .schema import BatchConfig, read_batch_config
from .sweep import RunSpec, expand
from .tasks import _PERSON_ERRORS, TASKS, check_references

RECORD = "run.json"
HEAD_COLUMNS = ("run_id", "experiment", "task", "status", "seed")
TAIL_COLUMNS = ("elapsed_s", "error", "run_dir")
HIDDEN_PARAMS = ("trace",)  # settings that do not change a result: kept out of summary.csv


def plan_batch(config_path: str | Path) -> BatchPlan:
    """Read, type-check and expand a batch config, and parse every file it refers to."""
    config = read_batch_config(config_path)
    runs = expand(config)
    check_references(runs)
    return BatchPlan(config, tuple(runs))


def default_out_dir(config: BatchConfig) -> Path:
    return Path(config.out) if config.out else Path("results") / config.name


_REIMPORT_MAIN = {"_fixup_main_from_path": "main_path", "_fixup_main_from_name": "mod_name"}


def _reimported_main() -> str | None:
    """The script (or module) multiprocessing is importing again in this worker process
    (forkserver/spawn), if run_batch is being called from that import; else None. A batch
    started there would run once more per worker and fight over the results folder."""
    frame = sys._getframe(1)
    while frame is not None:
        arg = _REIMPORT_MAIN.get(frame.f_code.co_name)
        if arg and "multiprocessing" in frame.f_code.co_filename:
            return str(frame.f_locals.get(arg, "the main script"))
        frame = frame.f_back
    return None


def _leave_worker(script: str) -> None:
    """End a worker process that reached run_batch while importing the script again: one line,
    no traceback; the batch's own process then stops with ``WorkerStartError``."""
    sys.stderr.write(f"{script}: run_batch reached while a worker process imports this script again; "
                     f"not starting the batch there: put the script's code under `{MAIN_GUARD}`\n")
    sys.stderr.flush()
    raise SystemExit(1)


def run_batch(config_path: str | Path, out_dir: str | Path | None = None, *, workers: int | None = None,
              check: bool = False, log: TextIO | None = None, report: bool = True) -> BatchOutcome:
    """Run (or with ``check`` only validate) the batch in ``config_path``; see the module docstring."""
    if (script := _reimported_main()) is not None:
        _leave_worker(script)
    plan = plan_batch(config_path)
    out = Path(out_dir) if out_dir is not None else default_out_dir(plan.config)
    if check:
        return BatchOutcome(out, plan, (), 0, 0)
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise ConfigError(f"expected an integer number of workers >= 1, got {workers!r}", item="--workers")
    out.mkdir(parents=True, exist_ok=True)
    with _exclusive(out):
        _clean_staging(out)
        atomic_write_bytes(out / "batch.yaml", Path(config_path).read_bytes())
        records = {r.run_id: rec for r in plan.runs if (rec := read_record(out, r.run_id))}
        todo = [r for r in plan.runs if records.get(r.run_id, {}).get("status") != "ok"]
        skipped = len(plan.runs) - len(todo)
        stream = log if log is not None else sys.stderr
        executor = make_executor(plan.config.executor, workers) if todo else InlineExecutor()
        stream.write(f"h2h batch '{plan.config.name}': {len(plan.runs)} runs, {skipped} already done, "
                     f"{len(todo)} to run on {executor.description}\n")
        progress = Progress(len(todo), stream=stream)
        try:
            for run, outcome in executor.run(execute_run, todo):
                if isinstance(outcome, BaseException):
                    outcome = failed_outcome(run, f"executor: {type(outcome).__name__}: {outcome}")
                records[run.run_id] = store_run(out, run, outcome)
                write_summary(out, plan.runs, records)
                progress.update(outcome["status"], _display_name(run), outcome["elapsed_s"],
                                brief=_brief_name(run))
        finally:
            progress.close()
            executor.close()
        write_summary(out, plan.runs, records)
        ordered = tuple(records[r.run_id] for r in plan.runs if r.run_id in records)
        outcome = BatchOutcome(out, plan, ordered, len(todo), skipped)
        if report:
            from .report import write_report

            write_report(outcome, summary_rows(plan.runs, records))
    return outcome


# ---- one run, on a worker ---------------------------------------------------------------------

def execute_run(run: RunSpec) -> dict[str, Any]:
    """Run one task in a scratch folder; return its status, metrics and files (never raises for
    a failing task: the error is part of the outcome)."""
    started = time.perf_counter()
    summary: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix=f"h2h-run-{run.run_id}-") as tmp:
        run_dir = Path(tmp)
        try:
            summary = dict(TASKS[run.task].run(run, run_dir))
            status, error = "ok", ""
        except _PERSON_ERRORS as e:
            status, error = "failed", str(e)
        except Exception as e:  # noqa: BLE001 - a bug in a task must not stop the batch
            status, error = "failed", f"{type(e).__name__}: {e}"
            (run_dir / "traceback.txt").write_text(traceback.format_exc())
        files = {p.relative_to(run_dir).as_posix(): p.read_bytes()
                 for p in sorted(run_dir.rglob("*")) if p.is_file()}
    return {"status": status, "error": " ".join(error.split()), "summary": _scalars(summary),
            "elapsed_s": round(time.perf_counter() - started, 3), "host": socket.gethostname(),
            "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "files": files}


def failed_outcome(run: RunSpec, error: str) -> dict[str, Any]:
    return {"status": "failed", "error": " ".join(error.split()), "summary": {}, "elapsed_s": 0.0,
            "host": "", "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
            "files": {}}


def _scalars(summary: Mapping[str, Any]) -> dict[str, Any]:
    out = {}
    for k, v in summary.items():
        if v is None or isinstance(v, (str, int, float, bool)):
            out[str(k)] = v
        else:
            out[str(k)] = json.dumps(v, default=str)
    return out


# ---- the results folder (client side only) ----------------------------------------------------------

def read_record(out: Path, run_id: str) -> dict[str, Any] | None:
    path = run_dir_of(out, run_id) / RECORD
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):
        return None  # absent, or unreadable: the run counts as not done


def store_run(out: Path, run: RunSpec, outcome: Mapping[str, Any]) -> dict[str, Any]:
    """Write a run's folder in a staging folder, then move it into place in one rename."""
    runs = out / RUNS_DIR
    runs.mkdir(parents=True, exist_ok=True)
    stage = runs / f".{run.run_id}.tmp-{uuid.uuid4().hex[:8]}"
    stage.mkdir()
    for rel, data in outcome["files"].items():
        target = stage / rel
        if target.name in (RECORD, "config.yaml"):
            target = target.with_name(f"task_{target.name}")  # never shadow our own files
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    (stage / "config.yaml").write_text(yaml.safe_dump(run.snapshot(), sort_keys=False))
    record = {"run_id": run.run_id, "experiment": run.experiment, "task": run.task, "seed": run.seed,
              "status": outcome["status"], "error": outcome["error"], "elapsed_s": outcome["elapsed_s"],
              "host": outcome["host"], "finished_at": outcome["finished_at"],
              "columns": display_columns(run), "label": _json_safe(run.label),
              "summary": dict(outcome["summary"]),
              "files": sorted(outcome["files"])}
    with open(stage / RECORD, "w") as f:
        json.dump(record, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    final = run_dir_of(out, run.run_id)
    if final.exists():
        old = runs / f".{run.run_id}.old-{uuid.uuid4().hex[:8]}"
        os.replace(final, old)
        os.replace(stage, final)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(stage, final)
    return record


def _json_safe(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _clean_staging(out: Path) -> None:
    """Remove staging folders a killed batch left behind (they never hold a finished run)."""
    for p in out.glob(".*.tmp"):
        p.unlink(missing_ok=True)
    runs = out / RUNS_DIR
    if runs.is_dir():
        for p in runs.iterdir():
            if p.name.startswith(".") and (".tmp-" in p.name or ".old-" in p.name):
                shutil.rmtree(p, ignore_errors=True)


@contextmanager
def _exclusive(out: Path) -> Iterator[None]:
    """One batch at a time per results folder (the lock dies with the process)."""
    with open(out / ".lock", "w") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ConfigError("another h2h batch is writing to this folder", file=str(out)) from None
        yield


def display_columns(run: RunSpec) -> dict[str, Any]:
    """The parameters that tell runs apart, as short summary.csv cells (systems by file stem)."""
    cols: dict[str, Any] = {}
    for key, value in run.params.items():
        if value is None or value == {} or value == [] or key in HIDDEN_PARAMS:
            continue
        cols[key] = display_value(run, key, value)
    for key, value in run.label.items():
        if key != "seed" and key not in cols:
            cols[key] = display_value(run, key, value)
    return cols


def display_value(run: RunSpec, key: str, value: Any) -> Any:
    """A parameter as summary.csv and progress lines show it: a referenced file other than the
    workload by its stem, a list or mapping as JSON."""
    if key in run.paths and key != "workload":
        return Path(str(value)).stem
    if isinstance(value, (dict, list)):
        return json.dumps(value, sort_keys=True)
    return value


def summary_rows(runs: Iterable[RunSpec], records: Mapping[str, Mapping[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for run in runs:
        rec = records.get(run.run_id)
        if rec is None:
            continue
        own = {*HEAD_COLUMNS, *TAIL_COLUMNS}
        metrics = {(f"task_{k}" if k in own else k): v for k, v in rec.get("summary", {}).items()}
        rows.append({"run_id": rec["run_id"], "experiment": rec["experiment"], "task": rec["task"],
                     "status": rec["status"], "seed": rec["seed"], **rec.get("columns", {}),
                     **metrics, "elapsed_s": rec.get("elapsed_s"),
                     "error": rec.get("error", ""), "run_dir": f"{RUNS_DIR}/{rec['run_id']}"})
    return rows


def write_summary(out: Path, runs: Iterable[RunSpec], records: Mapping[str, Mapping[str, Any]]) -> Path:
    rows = summary_rows(runs, records)
    columns = list(HEAD_COLUMNS)
    for row in rows:
        columns.extend(k for k in row if k not in columns and k not in TAIL_COLUMNS)
    columns.extend(TAIL_COLUMNS)
    buf = io.StringIO()
    writer = csv.DictWriter(buf, columns, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(row.get(k)) for k in columns})
    path = out / "summary.csv"
    atomic_write_bytes(path, buf.getvalue().encode())
    return path


def _cell(value: Any) -> Any:
    if isinstance(value, float):
        return repr(value)
    return "" if value is None else value


def _display_name(run: RunSpec) -> str:
    return " ".join([f"{run.experiment}/{run.run_id}", *_label_texts(run)])


def _brief_name(run: RunSpec) -> str:
    """For the one-line progress bar, which has little room: without the run id."""
    return " ".join([run.experiment, *_label_texts(run)])


def _label_texts(run: RunSpec) -> list[str]:
    """The swept values that tell a run apart, e.g. ``options.steps=[1, 2]``."""
    return [f"{k}={display_value(run, k, v)}" for k, v in run.label.items()]
