"""Running batches: results folder, resume after a kill, failed runs, local processes, Dask."""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from h2h.batch import run_batch
from h2h.cli import main

pytest.importorskip("h2h.mappers", reason="the map task needs h2h.mappers")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
WORKLOAD = EXAMPLES / "workloads" / "two_modality.yaml"


def make_batch(tmp_path: Path, body: str, name: str = "batch.yaml") -> Path:
    shutil.copy(EXAMPLES / "systems" / "hetero4_mid.yaml", tmp_path / "sys.yaml")
    shutil.copy(WORKLOAD, tmp_path / "wl.yaml")
    p = tmp_path / name
    p.write_text(textwrap.dedent(body))
    return p


MAP_SWEEP = """\
name: small
experiments:
  - name: m
    task: map
    workload: wl.yaml
    system: sys.yaml
    sweep:
      system.interconnect.bandwidth_gbps: [2, 16]
      mapper: [compute_priority, h2h]
"""


def read_summary(out: Path) -> list[dict[str, str]]:
    with open(out / "summary.csv", newline="") as f:
        return list(csv.DictReader(f))


def direct_map(bandwidth_gbps: float, mapper: str):
    """The same case through the public API, independently of the batch machinery."""
    import yaml

    import h2h
    from h2h.system import System
    from workloads.load import load_workload

    doc = yaml.safe_load((EXAMPLES / "systems" / "hetero4_mid.yaml").read_text())
    doc["interconnect"]["bandwidth_gbps"] = bandwidth_gbps
    return h2h.map(load_workload(str(WORKLOAD)), System.from_dict(doc), mapper=mapper)


def check_small_results(out: Path) -> list[dict[str, str]]:
    rows = read_summary(out)
    assert len(rows) == 4 and len({r["run_id"] for r in rows}) == 4
    for r in rows:
        assert r["status"] == "ok", r["error"]
        run_dir = out / r["run_dir"]
        for name in ("config.yaml", "run.json", "result.json", "trace.json"):
            assert (run_dir / name).is_file(), name
        expected = direct_map(float(r["system.interconnect.bandwidth_gbps"]), r["mapper"])
        assert float(r["latency_s"]) == pytest.approx(expected.latency_s, rel=1e-12)
        assert float(r["energy_j"]) == pytest.approx(expected.energy_j, rel=1e-12)
        trace = json.loads((run_dir / "trace.json").read_text())
        assert trace["traceEvents"]
    return rows


def test_inline_batch_matches_the_api_and_reruns_nothing(tmp_path, capsys):
    cfg = make_batch(tmp_path, MAP_SWEEP)
    out = tmp_path / "out"
    assert main(["batch", str(cfg), "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "H2H reduction vs compute_priority" in printed and "report:" in printed
    rows = check_small_results(out)
    again = run_batch(cfg, out)
    assert (again.ran, again.skipped) == (0, 4)
    assert [r["run_id"] for r in read_summary(out)] == [r["run_id"] for r in rows]


def test_workers_2_local_processes(tmp_path):
    cfg = make_batch(tmp_path, MAP_SWEEP)
    outcome = run_batch(cfg, tmp_path / "out", workers=2)
    assert outcome.ran == 4 and outcome.failed == 0
    check_small_results(tmp_path / "out")


def test_failed_run_is_recorded_and_the_batch_goes_on(tmp_path):
    # hetero4 with one PE per accelerator: the system loads (it is a valid description), but no
    # dataflow fits one PE, so mapping fails at run time; the other experiment still runs.
    body = MAP_SWEEP + (
        "  - name: starved\n"
        "    task: map\n"
        "    workload: wl.yaml\n"
        "    system: starved.yaml\n"
        "    mapper: h2h\n")
    cfg = make_batch(tmp_path, body)
    import yaml

    doc = yaml.safe_load((tmp_path / "sys.yaml").read_text())
    for acc in doc["accelerators"]:
        acc["num_pes"] = 1
        acc["l2_bytes"] = 1
    (tmp_path / "starved.yaml").write_text(yaml.safe_dump(doc))
    outcome = run_batch(cfg, tmp_path / "out")
    rows = read_summary(tmp_path / "out")
    assert len(rows) == 5
    failed = [r for r in rows if r["status"] != "ok"]
    assert [r["experiment"] for r in failed] == ["starved"]
    assert failed[0]["error"]
    assert outcome.failed == 1
    assert all(r["status"] == "ok" for r in rows if r["experiment"] == "m")
    assert main(["batch", str(cfg), "--out", str(tmp_path / "out")]) == 1  # failures -> exit 1


KILL_SWEEP = """\
name: long
experiments:
  - name: m
    task: map
    workload: casia_surf
    system: sys.yaml
    mapper: h2h
    sweep:
      system.interconnect.bandwidth_gbps: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
"""


def finished_records(out: Path) -> list[Path]:
    """run.json of the run folders in place (not of a staging folder a kill left behind)."""
    runs = out / "runs"
    return [p for p in runs.glob("*/run.json") if not p.parent.name.startswith(".")] if runs.exists() else []


@pytest.mark.slow
def test_resume_after_sigkill(tmp_path):
    cfg = make_batch(tmp_path, KILL_SWEEP)
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "h2h", "batch", str(cfg), "--out", str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            done = finished_records(out)
            if len(done) >= 2 or proc.poll() is not None:
                break
            time.sleep(0.01)
        os.killpg(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL, "the batch finished before it could be killed"
    finished = {p.parent.name: (p.stat().st_mtime_ns, json.loads(p.read_text())["finished_at"])
                for p in finished_records(out)}
    assert 2 <= len(finished) < 16
    if (out / "summary.csv").exists():  # every row is a finished run, none twice
        ids = [r["run_id"] for r in read_summary(out)]
        assert len(ids) == len(set(ids)) and set(ids) <= set(finished)

    outcome = run_batch(cfg, out, workers=2)
    assert outcome.skipped == len(finished) and outcome.ran == 16 - len(finished)
    rows = read_summary(out)
    ids = [r["run_id"] for r in rows]
    assert len(ids) == 16 and len(set(ids)) == 16
    assert all(r["status"] == "ok" for r in rows)
    for run_id, (mtime, stamp) in finished.items():  # not recomputed, not rewritten
        record = out / "runs" / run_id / "run.json"
        assert record.stat().st_mtime_ns == mtime
        assert json.loads(record.read_text())["finished_at"] == stamp
    assert not [p for p in (out / "runs").iterdir() if p.name.startswith(".")]  # staging cleaned


def test_dask_local_cluster(tmp_path):
    distributed = pytest.importorskip("distributed")
    body = MAP_SWEEP.replace("name: small\n", "name: small\nexecutor: {kind: dask, workers: 1, processes: false}\n")
    cfg = make_batch(tmp_path, body)
    outcome = run_batch(cfg, tmp_path / "own")
    assert outcome.ran == 4 and outcome.failed == 0
    check_small_results(tmp_path / "own")
    # a cluster started elsewhere, reached by its address
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, host="127.0.0.1",
                                  protocol="tcp",
                                  dashboard_address=None) as cluster:
        cfg2 = make_batch(tmp_path, MAP_SWEEP.replace(
            "name: small\n", f"name: small\nexecutor: {{kind: dask, address: '{cluster.scheduler_address}'}}\n"),
            name="remote.yaml")
        outcome2 = run_batch(cfg2, tmp_path / "remote")
    assert outcome2.ran == 4 and outcome2.failed == 0
    assert [r["run_id"] for r in outcome2.records] == [r["run_id"] for r in outcome.records]
    check_small_results(tmp_path / "remote")


@pytest.mark.slow
def test_codesign_runs_with_sweeps_into_its_own_config(tmp_path, capsys):
    """A sweep key inside the task config (config.population_size) reaches the run, through a
    temporary copy beside the original that is removed afterwards."""
    conf = tmp_path / "conf"
    conf.mkdir()
    shutil.copy(EXAMPLES / "codesign_quickstart.yaml", conf / "cd.yaml")
    cfg = make_batch(tmp_path, """\
        name: cd
        experiments:
          - name: cd
            task: codesign
            config: conf/cd.yaml
            budget: 8
            sweep:
              config.population_size: [4, 8]
            start: cold
        """)
    outcome = run_batch(cfg, tmp_path / "out")
    assert outcome.failed == 0, [r["error"] for r in outcome.records]
    rows = read_summary(tmp_path / "out")
    assert len(rows) == 2
    for r in rows:
        result = json.loads((tmp_path / "out" / r["run_dir"] / "result.json").read_text())
        assert result["settings"]["population_size"] == int(r["config.population_size"])
        assert result["settings"]["start"] == r["start"] and result["counts"]["evaluations"] == 8
        assert (tmp_path / "out" / r["run_dir"] / "pareto.csv").is_file()
    assert sorted(p.name for p in conf.iterdir()) == ["cd.yaml"]
    # the command line says what each search found and where its plots are (nothing is rerun)
    assert main(["batch", str(cfg), "--out", str(tmp_path / "out")]) == 0
    lines = [x for x in capsys.readouterr().out.splitlines() if x.startswith("codesign cd (")]
    assert len(lines) == 2
    for line, r in zip(lines, rows):   # the experiment, then what tells its runs apart
        assert line.startswith(f"codesign cd (cd, config.population_size={r['config.population_size']}, seed=0): "
                               "8 evaluations, ") and "best accuracy 0.9" in line
        assert str(tmp_path / "out" / r["run_dir"] / "pareto.png") in line
