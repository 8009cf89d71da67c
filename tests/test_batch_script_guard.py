"""A script that calls run_batch with worker processes but lacks a ``__main__`` guard.

Each forkserver/spawn worker imports the calling script again before it can run anything. An
unguarded script then either fails there (here: it creates a file that already exists) or reaches
run_batch again. The batch must stop at once with one WorkerStartError that names the script and
the fix, keep every run finished earlier, and record nothing as failed; the guarded script then
resumes. These run real scripts in real interpreters (the re-import only happens there).
"""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from test_batch_runner import MAP_SWEEP, make_batch, read_summary

from h2h.batch import plan_batch, run_batch

REPO = Path(__file__).resolve().parents[1]
GUARD = 'if __name__ == "__main__":'
TWO_RUNS = MAP_SWEEP.replace("      system.interconnect.bandwidth_gbps: [2, 16]\n", "")  # mapper only
ONE_RUN = TWO_RUNS.replace("    sweep:\n      mapper: [compute_priority, h2h]\n", "    mapper: compute_priority\n")


def start_error_text(script: Path) -> str:
    """The error the batch's own process raises, as documented in the README."""
    return (f"{script}: the batch's worker processes could not start: each one imports this script "
            "again, and running its code there failed or started the batch again. Put the script's "
            f"code under `{GUARD}` and run it again (no run was started; finished runs are kept)")


def run_script(path: Path, body: str) -> subprocess.CompletedProcess:
    path.write_text(textwrap.dedent(body))
    return subprocess.run([sys.executable, str(path)], cwd=REPO, capture_output=True, text=True,
                          timeout=300, check=False)


def run_records(out: Path) -> dict[str, dict]:
    return {p.parent.name: json.loads(p.read_text()) for p in (out / "runs").glob("*/run.json")}


@pytest.mark.slow
def test_unguarded_script_stops_once_keeps_finished_runs_and_the_guarded_one_resumes(tmp_path):
    first = make_batch(tmp_path, ONE_RUN, name="first.yaml")
    batch = make_batch(tmp_path, TWO_RUNS)
    out = tmp_path / "out"
    done = run_batch(first, out, workers=1, report=False)  # one run finished before the mistake
    (done_id,) = [r["run_id"] for r in done.records]
    assert done_id in {r.run_id for r in plan_batch(batch).runs}
    record_bytes = (out / "runs" / done_id / "run.json").read_bytes()

    script = tmp_path / "tour.py"
    proc = run_script(script, f"""\
        import h2h
        print("module body runs")
        print(h2h.run_batch({str(batch)!r}, {str(out)!r}, workers=2))
        """)
    assert proc.returncode == 1, proc.stderr
    last = proc.stderr.strip().splitlines()[-1]
    assert last == f"h2h.batch.executors.WorkerStartError: {start_error_text(script)}"
    # the one worker that started said why on one line, no worker traceback
    worker_line = (f"{script}: run_batch reached while a worker process imports this script again; "
                   f"not starting the batch there: put the script's code under `{GUARD}`")
    assert proc.stderr.count(worker_line) == 1, proc.stderr
    assert proc.stderr.count("Traceback") == 1  # the main process's, ending in the line above
    assert "BatchOutcome" not in proc.stdout  # run_batch did not return as if all went well

    records = run_records(out)
    assert list(records) == [done_id] and records[done_id]["status"] == "ok"
    assert (out / "runs" / done_id / "run.json").read_bytes() == record_bytes
    assert not [p for p in (out / "runs").iterdir() if p.name.startswith(".")]
    assert all(r["status"] == "ok" for r in read_summary(out))

    proc = run_script(tmp_path / "guarded.py", f"""\
        import h2h

        {GUARD}
            print(h2h.run_batch({str(batch)!r}, {str(out)!r}, workers=2))
        """)
    assert proc.returncode == 0, proc.stderr
    assert f"BatchOutcome(2 runs: 2 ok, 0 failed, 1 already done; {out})" in proc.stdout
    assert (out / "runs" / done_id / "run.json").read_bytes() == record_bytes
    assert sorted(r["mapper"] for r in read_summary(out)) == ["compute_priority", "h2h"]


@pytest.mark.slow
def test_script_failing_on_reimport_before_the_call_stops_the_batch(tmp_path):
    """Like ``h2h.nas(out="results/nas")`` above the batch: the folder exists when a worker re-runs it."""
    batch = make_batch(tmp_path, TWO_RUNS)
    out, made = tmp_path / "out", tmp_path / "made.txt"
    script = tmp_path / "tour.py"
    proc = run_script(script, f"""\
        import h2h
        open({str(made)!r}, "x").close()  # fails when run a second time
        h2h.run_batch({str(batch)!r}, {str(out)!r}, workers=2)
        """)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.strip().splitlines()[-1].endswith(start_error_text(script))
    assert proc.stderr.count("FileExistsError") == 1  # one worker tried, not one per worker
    assert run_records(out) == {} and not (out / "summary.csv").exists()


def test_a_run_failing_in_a_healthy_worker_is_still_recorded(tmp_path):
    """Only a pool that cannot start stops the batch; a failing run is a failed row, as before."""
    import yaml

    body = MAP_SWEEP + ("  - name: starved\n    task: map\n    workload: wl.yaml\n"
                        "    system: starved.yaml\n    mapper: h2h\n")
    cfg = make_batch(tmp_path, body)
    doc = yaml.safe_load((tmp_path / "sys.yaml").read_text())
    for acc in doc["accelerators"]:
        acc["num_pes"], acc["l2_bytes"] = 1, 1
    (tmp_path / "starved.yaml").write_text(yaml.safe_dump(doc))
    outcome = run_batch(cfg, tmp_path / "out", workers=2, report=False)
    rows = read_summary(tmp_path / "out")
    assert outcome.failed == 1 and len(rows) == 5
    (failed,) = [r for r in rows if r["status"] != "ok"]
    assert failed["experiment"] == "starved" and failed["error"] and "executor" not in failed["error"]

