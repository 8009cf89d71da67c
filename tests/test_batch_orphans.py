"""A batch killed with SIGKILL leaves no process behind (issue 22, item 3).

The batch runs in a session of its own; once its workers are busy, the batch's process is killed
with SIGKILL, and every process of the session (workers, multiprocessing's forkserver and resource
tracker, Dask's worker processes) must be gone within seconds. Before h2h.batch.lifeline the local
workers, the forkserver and the resource tracker stayed, idle, for as long as anyone looked.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SYSTEM = REPO / "examples" / "systems" / "hetero4_mid.yaml"

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")]


def session_pids(sid: int) -> list[int]:
    """The processes of session ``sid`` (field 6 of /proc/PID/stat), zombies left out."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()   # after "pid (comm) "
        if int(fields[3]) == sid and fields[0] != "Z":
            out.append(int(entry.name))
    return out


def _wait(predicate, timeout_s: float) -> bool:
    end = time.monotonic() + timeout_s
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


@pytest.mark.parametrize("executor,processes", [("{kind: local, workers: 2}", 5),   # + forkserver, tracker
                                                ("{kind: dask, workers: 2}", 4)])   # + tracker
def test_sigkill_leaves_no_process_behind(tmp_path, executor, processes):
    if "dask" in executor:
        pytest.importorskip("distributed")
    shutil.copy(SYSTEM, tmp_path / "sys.yaml")
    config = tmp_path / "batch.yaml"
    config.write_text(textwrap.dedent(f"""\
        name: orphans
        executor: {executor}
        experiments:
          - name: long
            task: map
            workload: casia_surf
            system: sys.yaml
            mapper: nsga2
            options: {{generations: 1000000}}
            time_limit_s: 120
            seeds: [0, 1, 2, 3]
        """))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    batch = subprocess.Popen([sys.executable, "-m", "h2h", "batch", str(config), "--out", str(tmp_path / "out")],
                             cwd=tmp_path, env=env, start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    sid = batch.pid
    try:
        started = _wait(lambda: len(session_pids(sid)) >= processes or batch.poll() is not None, 120)
        assert started and batch.poll() is None, batch.stderr.read().decode() if batch.poll() is not None else \
            f"only {len(session_pids(sid))} processes"
        time.sleep(2)   # the workers are running the first runs
        assert len(session_pids(sid)) >= processes
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait()
        left = _wait(lambda: session_pids(sid) == [], 30)
        assert left, f"left behind: {[Path(f'/proc/{p}/cmdline').read_bytes()[:120] for p in session_pids(sid)]}"
    finally:
        for pid in session_pids(sid):   # only what this test started
            os.kill(pid, signal.SIGKILL)
        if batch.poll() is None:
            batch.kill()
