"""report.html: self-contained (no URL, images embedded), the expected sections, right numbers."""
from __future__ import annotations

import base64
import csv
import re
import shutil
import subprocess
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from h2h.batch import run_batch

pytest.importorskip("h2h.mappers", reason="the map task needs h2h.mappers")

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
# the names .ci/run looks for (it installs Debian's chromium when none is on the PATH)
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)

BATCH = """\
name: report_test
description: two workloads, two systems, two mappers
experiments:
  - name: repro
    task: map
    sweep:
      workload: [wl.yaml, casia_surf]
      system: [low.yaml, high.yaml]
      mapper: [compute_priority, h2h]
  - name: search
    task: nas
    config: nas.yaml
    budget: 6
    sweep:
      agent: [heuristic, random]
"""
NAS = """\
space:
  architecture: {family: nb201, dataset: cifar10}
  hardware: {system: low.yaml}
evaluator: {kind: table, dataset: cifar10}
objectives: [accuracy, latency_s]
proposals_per_iteration: 3
"""


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("src", "href", "action", "data", "poster", "srcset") and v is not None:
                self.refs.append((tag, k, v))


@pytest.fixture(scope="module")
def batch_out(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("report")
    shutil.copy(EXAMPLES / "systems" / "hetero4_low.yaml", tmp / "low.yaml")
    shutil.copy(EXAMPLES / "systems" / "hetero4_high.yaml", tmp / "high.yaml")
    shutil.copy(EXAMPLES / "workloads" / "two_modality.yaml", tmp / "wl.yaml")
    (tmp / "batch.yaml").write_text(textwrap.dedent(BATCH))
    (tmp / "nas.yaml").write_text(NAS)
    outcome = run_batch(tmp / "batch.yaml", tmp / "out")
    assert outcome.failed == 0
    return tmp / "out"


@pytest.mark.slow  # the module's batch takes a few seconds
def test_report_is_self_contained(batch_out):
    text = (batch_out / "report.html").read_text()
    parser = _Refs()
    parser.feed(text)
    assert not {"script", "link", "iframe", "object", "embed"} & set(parser.tags)
    images = [v for tag, k, v in parser.refs if tag == "img"]
    assert images and all(v.startswith("data:image/png;base64,") for v in images)
    assert all(v.startswith("data:") or v.startswith("#") for _, _, v in parser.refs)
    without_images = re.sub(r"data:image/png;base64,[A-Za-z0-9+/=]+", "", text)
    assert not re.search(r"(https?:|ftp:)?//[a-z0-9]|url\(", without_images, re.I)
    for v in images:  # real PNGs
        assert base64.b64decode(v.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.slow
def test_report_sections_and_reduction_numbers(batch_out):
    text = (batch_out / "report.html").read_text()
    for heading in ("Overview", "H2H reduction table", "Pareto fronts", "Best schedules",
                    "Search runs (FL-NAS, co-design)", "All runs"):
        assert f">{heading}</h2>" in text, heading
    assert "Notes</h2>" not in text  # no plot was skipped or failed
    # a latency/energy plot and a Gantt per workload x system; a convergence plot and 2 fronts
    assert text.count("<img") == 4 + 4 + 1 + 2
    assert "search: hypervolume of the front against evaluations" in text
    assert "Pareto designs of run" in text
    with open(batch_out / "summary.csv", newline="") as f:
        rows = [r for r in csv.DictReader(f) if r["task"] == "map"]
    by = {(r["workload"], r["system"], r["mapper"]): r for r in rows}
    from h2h.batch.report import reduction_rows
    import json

    records = [json.loads((batch_out / r["run_dir"] / "run.json").read_text()) for r in rows]
    reductions = {(r["workload"], r["system"]): r for r in reduction_rows(records) if r["mapper"] == "h2h"}
    assert len(reductions) == 4
    for (wl, system), red in reductions.items():
        base, h2h = by[(wl, system, "compute_priority")], by[(wl, system, "h2h")]
        expected = 100 * (1 - float(h2h["latency_s"]) / float(base["latency_s"]))
        assert red["latency_reduction_pct"] == pytest.approx(expected, rel=1e-9)
        assert f">{expected:.1f}<" in text  # shown in the table
        expected_e = 100 * (1 - float(h2h["energy_j"]) / float(base["energy_j"]))
        assert red["energy_reduction_pct"] == pytest.approx(expected_e, rel=1e-9)


@pytest.mark.slow
@pytest.mark.browser
@pytest.mark.skipif(CHROMIUM is None, reason="no headless Chromium installed")
def test_report_renders_in_headless_chromium(batch_out, tmp_path):
    shot = tmp_path / "shot.png"
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={tmp_path / 'profile'}", "--hide-scrollbars", "--window-size=1280,2400",
           f"--screenshot={shot}", (batch_out / "report.html").as_uri()]
    subprocess.run(cmd, check=True, capture_output=True, timeout=120)
    from PIL import Image

    img = Image.open(shot).convert("L")
    assert img.size[0] >= 1000
    lo, hi = img.getextrema()
    assert hi - lo > 100  # text and plots, not a blank page
    dark = sum(img.histogram()[:128]) / (img.size[0] * img.size[1])
    assert dark > 0.005  # a visible amount of ink
