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
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol, TextIO

from h2h.errors import ConfigError

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


class ProcessExecutor:
    """``workers`` local processes through :class:`concurrent.futures.ProcessPoolExecutor`.

    Processes start by ``forkserver``: a fork of this process could inherit threads (a solver's,
    a plotting backend's) in a locked state.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.description = f"{workers} local processes"
        self._pool = ProcessPoolExecutor(max_workers=workers,
                                         mp_context=multiprocessing.get_context("forkserver"))

    def run(self, fn: Callable[[Any], Any], items: Sequence[Any]) -> Iterator[tuple[Any, Any]]:
        pending: dict[Future, Any] = {self._pool.submit(fn, item): item for item in items}
        while pending:
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                item = pending.pop(fut)
                try:
                    yield item, fut.result()
                except BrokenProcessPool as e:  # most often: a script without a __main__ guard
                    yield item, BrokenProcessPool(f"{e} (if run_batch is called from a script, put the "
                                                  "call under `if __name__ == \"__main__\":`)")
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

    def update(self, status: str, name: str, elapsed_s: float) -> None:
        self.done += 1
        self.failed += status != "ok"
        if self.tty:
            frac = self.done / self.total if self.total else 1.0
            filled = int(round(frac * self.width))
            spent = time.monotonic() - self.start
            eta = spent / self.done * (self.total - self.done) if self.done else 0.0
            line = (f"\r[{'#' * filled}{'.' * (self.width - filled)}] {self.done}/{self.total}"
                    f"  failed {self.failed}  eta {_clock(eta)}  {name[:40]:<40}")
            self.stream.write(line)
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
