"""Worker processes that end with the batch that started them.

A batch's local workers are children of multiprocessing's forkserver, and a Dask LocalCluster's
worker processes hold pipes of their own: when the batch's process is killed outright (SIGKILL, an
out-of-memory kill), nothing tells them, and they wait for work forever, keeping the forkserver and
the resource tracker alive too. :func:`watch` gives a worker a thread that waits for the batch's
process to end and then ends the worker; once the workers are gone, the forkserver and the resource
tracker see their pipes close and exit on their own.
"""
from __future__ import annotations

import os
import select
import threading
import time

_watched: set[int] = set()   # pids this process already watches (the initializer may run twice)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:   # exists, owned by someone else
        return True
    return True


def _wait_for_exit(pid: int, poll_s: float) -> None:
    """Return once process ``pid`` has ended: on a pidfd where the system has them (no polling,
    no pid reuse), else by polling."""
    try:
        fd = os.pidfd_open(pid)
    except (AttributeError, OSError):
        fd = None
    if fd is not None:
        try:
            select.select([fd], [], [])
        finally:
            os.close(fd)
        return
    while _alive(pid):
        time.sleep(poll_s)


def watch(pid: int, *, poll_s: float = 0.5, exit_code: int = 70) -> None:
    """End this process (``os._exit``) as soon as process ``pid`` ends; returns at once. A pid that
    is this process or already gone ends nothing (the caller is the batch itself, or it is late)."""
    if pid == os.getpid() or pid in _watched:
        return
    _watched.add(pid)

    def run() -> None:
        _wait_for_exit(pid, poll_s)
        os._exit(exit_code)

    threading.Thread(target=run, name=f"h2h-lifeline-{pid}", daemon=True).start()
