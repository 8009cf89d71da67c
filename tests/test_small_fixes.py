"""The small things of issue 22, item 6: each as a user meets it."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
import yaml

import h2h
from h2h.cli import main
from workloads.errors import WorkloadError
from workloads.graph import cycle_text
from workloads.io import read_workload

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"


def test_a_cycle_error_closes_the_loop(tmp_path):
    assert cycle_text(nx.DiGraph([("c1", "c2"), ("c2", "c3"), ("c3", "c1")])) == "c1 -> c2 -> c3 -> c1"
    layer = "{name: %s, op: conv2d, in_channels: 8, out_channels: 8, in_h: 8, in_w: 8, kernel: 3, padding: 1}"
    path = tmp_path / "loop.yaml"
    path.write_text("name: loop\nlayers:\n" + "".join(f"  - {layer % n}\n" for n in ("c1", "c2", "c3"))
                    + "edges:\n  - {src: c1, dst: c2}\n  - {src: c2, dst: c3}\n  - {src: c3, dst: c1}\n")
    with pytest.raises(WorkloadError) as e:
        read_workload(path)
    text = str(e.value).split("cycle: ")[1]
    names = text.split(" -> ")
    assert len(names) == 4 and names[0] == names[-1] and set(names) == {"c1", "c2", "c3"}


def test_the_pareto_plot_title_counts_distinct_evaluations(monkeypatch, tmp_path):
    """Repeats are answered from memory and are not evaluations (the budget does not count them)."""
    from llm_agents.task import Objective
    from h2h import plots
    from h2h.results import HistoryRow, plot_front

    seen = {}
    monkeypatch.setattr(plots, "pareto_scatter", lambda points, path, **kw: seen.update(kw))
    rows = [HistoryRow(i, "agent", {"x": i % 3}, {"latency_s": 1.0 + i % 3, "energy_j": 3.0 - i % 3},
                       repeat=i >= 3) for i in range(5)]
    objectives = [Objective("latency_s", "min", 1), Objective("energy_j", "min", 2)]
    plot_front(tmp_path / "p.png", rows, rows[:3], objectives)
    assert seen["title"] == "3 evaluations"


def _two_accelerators(tmp_path: Path) -> Path:
    doc = yaml.safe_load((EXAMPLES / "systems" / "hetero4_mid.yaml").read_text())
    doc["accelerators"] = doc["accelerators"][:2]
    doc["name"] = "two"
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(doc))
    return path


def test_the_gantt_legend_stays_clear_of_the_time_label(tmp_path):
    from h2h.plots import gantt_figure

    workload = h2h.load_workload(str(EXAMPLES / "workloads" / "two_modality.yaml"))
    result = h2h.map(workload, h2h.load_system(_two_accelerators(tmp_path)), mapper="compute_priority")
    fig = gantt_figure(result, workload=workload)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    label = fig.axes[0].xaxis.label.get_window_extent(renderer)
    (legend,) = fig.legends
    box = legend.get_window_extent(renderer)
    assert label.y0 > box.y1 or box.y0 > label.y1, (label, box)   # no vertical overlap
    assert box.y0 >= 0 and fig.bbox.contains(box.x0, box.y0)          # and inside the picture
    ticks = [t.get_window_extent(renderer) for t in fig.axes[0].get_xticklabels() if t.get_text()]
    assert all(not t.overlaps(box) for t in ticks)


def test_the_reduction_table_shows_workload_names_in_aligned_columns(capsys):
    from h2h.cli.batch import _print_reductions

    rows = [{"workload": w, "system": s, "mapper": m, "latency_reduction_pct": 12.5, "energy_reduction_pct": 3.0}
            for w, s, m in (("/very/long/path/to/workloads/two_modality.yaml", "hetero4_mid", "h2h"),
                            ("casia_surf", "hetero4_low (interconnect.bandwidth_gbps=2)", "h2h[steps=[1]]"))]
    _print_reductions(rows)
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[0] == "two_modality" and "/very/long" not in lines[0]
    assert lines[0].index("latency") == lines[1].index("latency")
    assert lines[0].index("hetero4_mid") == lines[1].index("hetero4_low")


def test_a_search_with_no_usable_design_exits_1_with_one_line(tmp_path, capsys, monkeypatch):
    doc = yaml.safe_load((EXAMPLES / "flnas_nb201.yaml").read_text())
    doc["space"]["hardware"]["system"] = str(EXAMPLES / "systems" / "hetero4_mid.yaml")
    doc["metric_bounds"] = {"accuracy": {"ge": 0.99}}   # NAS-Bench-201's best CIFAR-10 cell scores 0.944
    doc["budget"] = 3
    config = tmp_path / "never.yaml"
    config.write_text(yaml.safe_dump(doc))
    monkeypatch.chdir(tmp_path)
    code = main(["nas", str(config), "--quiet", "--out", str(tmp_path / "out")])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1
    assert err == ["h2h: error: none of the 3 designs met the constraints and metric bounds"]
    assert (tmp_path / "out" / "history.csv").exists()   # the results are written all the same


@pytest.mark.parametrize("mapper,expected", [("nsga2", ["pop_size: int = 64", "generations: int = 60"]),
                                             ("random", [])])
def test_option_question_mark_lists_types_and_defaults(mapper, expected, capsys):
    code = main(["map", "--workload", "casia_surf", "--system", "hetero4_mid", "--mapper", mapper,
                 "--option", "?"])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert [line.strip() for line in out[1:]] == expected
    code = main(["map", "--workload", "casia_surf", "--system", "hetero4_mid", "--mapper", "nsga2",
                 "--option", "pop=3"])
    assert code == 2 and "pop_size: int = 64; generations: int = 60" in capsys.readouterr().err
