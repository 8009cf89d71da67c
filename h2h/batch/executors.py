"""Where runs execute: in this process, in local worker processes, or on a Dask cluster.

Every executor takes the same picklable function and items and yields ``(item, outcome)`` as runs
finish, in completion order; ``outcome`` is the function's return value, or the exception the
executor itself hit (a worker process that died, a lost Dask worker). The function never raises
for a failing run (it returns the error), so an exception here means the infrastructure failed.

Workers only compute and return data; the client alone writes the results folder. A Dask cluster
therefore needs no shared writable file system, only the inputs at the same paths (or zoo names).
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TextIO

from h2h.errors import ConfigError

from . import lifeline
from .schema import ExecutorConfig


class Executor(Protocol):
    description: str

    def run(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[Any, Any]]: ...

    def close(self) -> None: ...


class InlineExecutor:
    """One run after another in this process (``--workers 1``): simplest, and easiest to debug."""

    description = "this process"

    def run(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        for item in items:
            yield item, fn(item)

    def close(self) -> None:
        pass


MAIN_GUARD = 'if __name__ == "__main__":'


class WorkerStartError(ConfigError):
    """The local worker processes died while starting, before any run was handed to them."""


def main_script() -> str | None:
    """The file of this program's ``__main__`` module: what every worker process imports again."""
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    return os.path.abspath(path) if path else None


def worker_start_error(cause: BaseException) -> WorkerStartError:
    """Why the pool broke before any run: a worker (or, on Pythons that preload ``__main__`` there,
    the forkserver) imports the script again first, and an unguarded script fails or loops there."""
    detail = "" if isinstance(cause, BrokenProcessPool) else f" ({type(cause).__name__}: {cause})"
    script = main_script()
    if script is None:
        return WorkerStartError("the batch's worker processes stopped while starting, before any run "
                                f"(see the worker's error above){detail}; no run was started", item="executor")
    return WorkerStartError("the batch's worker processes could not start: each one imports this script "
                            "again, and running its code there failed or started the batch again. Put the "
                            f"script's code under `{MAIN_GUARD}` and run it again (no run was started; "
                            f"finished runs are kept){detail}", file=script)


_started: Any = None  # in a worker: the barrier every worker of the pool reaches once it is up


def _worker_init(started: Any, batch_pid: int) -> None:
    global _started
    _started = started
    lifeline.watch(batch_pid)   # a killed batch leaves no worker behind


def _all_workers_started() -> int:
    _started.wait()
    return os.getpid()


class ProcessExecutor:
    """``workers`` local processes through :class:`concurrent.futures.ProcessPoolExecutor`.

    Processes start by ``forkserver``: a fork of this process could inherit threads (a solver's,
    a plotting backend's) in a locked state. Each worker first imports the ``__main__`` script
    again (Python's rule for non-fork processes), so every worker is started before any run is
    handed out: a script that fails there, or runs the batch again, stops the batch at once with
    :class:`WorkerStartError` instead of failing every run.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.description = f"{workers} local processes"
        context = multiprocessing.get_context("forkserver")
        self._pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                         initializer=_worker_init,
                                         initargs=(context.Barrier(workers), os.getpid()))

    def start(self) -> None:
        """Start one worker, then all: a script that cannot be imported again shows its error once
        (not once per worker). ``_all_workers_started`` holds each worker until all are up, so
        the pool spawns every worker now and none later, in the middle of the runs."""
        try:
            self._pool.submit(os.getpid).result()
            for fut in [self._pool.submit(_all_workers_started) for _ in range(self.workers)]:
                fut.result()
        except (BrokenProcessPool, OSError, EOFError) as e:  # OSError: the forkserver itself died
            raise worker_start_error(e) from None

    def run(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        self.start()
        pending: dict[Future, Any] = {self._pool.submit(fn, item): item for item in items}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                item = pending.pop(fut)
                try:
                    yield item, fut.result()
                except BrokenProcessPool as e:  # every worker had started: one was killed or crashed
                    yield item, BrokenProcessPool(f"{e} (a worker process was killed or crashed, for "
                                                  "example out of memory, while this run was running "
                                                  "or waiting)")
                except Exception as e:  # noqa: BLE001 - a worker process died: record, go on
                    yield item, e

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class DaskExecutor:
    """Runs on a Dask cluster at ``address``, or on a ``LocalCluster`` bound to 127.0.0.1."""

    def __init__(self, address: str | None, workers: int, *, processes: bool = True) -> None:
        try:
            from distributed import Client, LocalCluster
        except ModuleNotFoundError:
            raise ConfigError("executor kind 'dask' needs Dask: pip install 'h2h[dask]'",
                              item="executor") from None
        self._cluster = None
        if address:
            try:
                self._client = Client(address, timeout="20s")
            except (OSError, TimeoutError) as e:
                raise ConfigError(f"cannot reach the Dask scheduler at {address}: {e}",
                                  item="executor.address") from None
            self.description = f"Dask cluster at {address}"
        else:
            self._cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=processes,
                                         protocol="tcp",
                                         host="127.0.0.1", dashboard_address=None,
                                         silence_logs=logging.ERROR)
            self._client = Client(self._cluster)
            self.description = f"Dask LocalCluster with {workers} worker(s) on 127.0.0.1"

    def run(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        from distributed import as_completed

        token = f"{time.time_ns():x}"
        futures = {self._client.submit(fn, item, pure=False, key=f"h2h-run-{_key(item)}-{token}"): item
                   for item in items}
        for fut in as_completed(list(futures)):
            item = futures[fut]
            try:
                yield item, fut.result()
            except Exception as e:  # noqa: BLE001 - a lost worker or a task it could not run
                yield item, e
            finally:
                fut.release()

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def _key(item: Any) -> str:
    return str(getattr(item, "run_id", id(item)))


def make_executor(config: ExecutorConfig, workers: int | None = None) -> Executor:
    """The executor a batch config asks for; ``workers`` (from ``--workers``) overrides its count."""
    n = workers if workers is not None else config.workers
    if n < 1:
        raise ConfigError(f"expected at least 1 worker, got {n}", item="--workers")
    if config.kind == "dask":
        return DaskExecutor(config.address, n, processes=config.processes)
    return InlineExecutor() if n == 1 else ProcessExecutor(n)


class Progress:
    """A one-line progress bar on a terminal; one plain log line per finished run otherwise."""

    def __init__(self, total: int, *, stream: TextIO | None = None, tty: bool | None = None,
                 width: int = 28) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.total, self.width = total, width
        self.done = self.failed = 0
        self.start = time.monotonic()

    def update(self, status: str, name: str, elapsed_s: float, *, brief: str | None = None) -> None:
        """Count a finished run; the bar shows ``brief`` (default ``name``) in the room left."""
        self.done += 1
        self.failed += status != "ok"
        if self.tty:
            frac = self.done / self.total if self.total else 1.0
            filled = round(frac * self.width)
            spent = time.monotonic() - self.start
            eta = spent / self.done * (self.total - self.done) if self.done else 0.0
            bar = (f"[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}"
                   f"  failed {self.failed}  eta {_clock(eta)}  ")
            room = max(40, shutil.get_terminal_size((120, 24)).columns - len(bar) - 1)
            text = brief if brief is not None else name
            text = text if len(text) <= room else text[:room - 1] + "…"
            self.stream.write(f"\r{bar}{text:<{room}}")
        else:
            self.stream.write(f"[{self.done}/{self.total}] {status:<6} {name} ({elapsed_s:.1f} s)\n")
        self.stream.flush()

    def close(self) -> None:
        if self.tty and self.done:
            self.stream.write("\n")
            self.stream.flush()


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"
