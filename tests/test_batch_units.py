"""Small parts of the batch runner that need no task: progress output, atomic writes, staging."""
from __future__ import annotations

import io
import json
import os

from h2h.batch.executors import Progress
from h2h.batch.runner import _clean_staging, atomic_write_bytes, read_record


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_on_a_terminal():
    out = _Tty()
    p = Progress(4, stream=out, width=8)
    for status in ("ok", "failed", "ok", "ok"):
        p.update(status, "exp/abc", 0.1)
    p.close()
    text = out.getvalue()
    frames = text.split("\r")[1:]
    assert len(frames) == 4
    assert frames[0].startswith("[##......] 1/4  failed 0")
    assert frames[-1].startswith("[########] 4/4  failed 1")
    assert text.endswith("\n") and text.count("\n") == 1


def test_plain_log_lines_otherwise():
    out = io.StringIO()
    p = Progress(2, stream=out)
    p.update("ok", "exp/abc", 1.25)
    p.update("failed", "exp/def", 0.5)
    p.close()
    assert out.getvalue().splitlines() == ["[1/2] ok     exp/abc (1.2 s)", "[2/2] failed exp/def (0.5 s)"]
    assert "\r" not in out.getvalue()


def test_atomic_write_replaces_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "summary.csv"
    atomic_write_bytes(target, b"a\n")
    atomic_write_bytes(target, b"b\n")
    assert target.read_bytes() == b"b\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["summary.csv"]
    assert oct(target.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    old = os.umask(0)
    os.umask(old)
    return old


def test_leftovers_of_a_killed_batch_are_cleaned_and_do_not_count(tmp_path):
    runs = tmp_path / "runs"
    (runs / ".abc.tmp-1234").mkdir(parents=True)
    (runs / ".abc.tmp-1234" / "run.json").write_text(json.dumps({"status": "ok"}))
    (runs / "def").mkdir()
    (runs / "def" / "run.json").write_text("{truncated")
    (tmp_path / ".summary.csv.1234.tmp").write_text("partial")
    assert read_record(tmp_path, "abc") is None  # staged, never renamed: not done
    assert read_record(tmp_path, "def") is None  # unreadable record: not done
    _clean_staging(tmp_path)
    assert sorted(p.name for p in runs.iterdir()) == ["def"]
    assert not list(tmp_path.glob(".*.tmp"))


def test_task_metrics_never_shadow_the_runner_columns():
    from h2h.batch.runner import summary_rows
    from h2h.batch.sweep import RunSpec

    run = RunSpec("abc", "exp", "map", 0, {}, {}, {}, {}, {})
    record = {"run_id": "abc", "experiment": "exp", "task": "map", "status": "ok", "seed": 0,
              "columns": {"mapper": "cpsat"}, "summary": {"status": "OPTIMAL", "latency_s": 1.5},
              "elapsed_s": 0.1, "error": ""}
    (row,) = summary_rows([run], {"abc": record})
    assert (row["status"], row["task_status"], row["latency_s"]) == ("ok", "OPTIMAL", 1.5)


ABLATION = """\
name: steps
experiments:
  - name: ablation
    task: map
    workload: wl.yaml
    system: sys.yaml
    mapper: h2h
    sweep:
      options.steps: [[1], [1, 2]]
"""


def test_progress_lines_show_the_nested_values_that_tell_runs_apart(tmp_path):
    """Runs that differ only in ``options.steps`` must not print identical lines but for the id."""
    import re

    from test_batch_runner import make_batch

    from h2h.batch import run_batch

    log = io.StringIO()
    outcome = run_batch(make_batch(tmp_path, ABLATION), tmp_path / "out", workers=1, log=log, report=False)
    ids = {json.dumps(r["label"]["options.steps"]): r["run_id"] for r in outcome.records}
    lines = sorted(line for line in log.getvalue().splitlines() if line.startswith("[") and "/2]" in line)
    assert len(lines) == 2
    for line in lines:
        m = re.fullmatch(r"\[\d/2\] ok     ablation/(\w+) options\.steps=(\[.*\]) \(\d+\.\d s\)", line)
        assert m and ids[m.group(2)] == m.group(1), line


def test_progress_bar_fits_the_terminal_and_prefers_the_brief_name(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    out = _Tty()
    p = Progress(2, stream=out, width=8)
    brief = "ablation workload=casia_surf system=hetero4_low options.steps=[1, 2]"
    p.update("ok", "ablation/64769184e788 " + brief[9:], 0.1, brief=brief)
    p.update("ok", "x", 0.1, brief="y" * 200)
    frames = out.getvalue().split("\r")[1:]
    prefix = "[####....] 1/2  failed 0  eta 0:00:00  "
    assert len(prefix) + len(brief) < 120
    assert frames[0].startswith(prefix + brief)  # the brief name, whole, without the run id
    assert len(frames[0]) == 120 - 1  # padded to the line (over a longer earlier name), not beyond
    assert frames[1].rstrip().endswith("y…") and len(frames[1]) == len(frames[0])
