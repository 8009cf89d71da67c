"""h2h.plots.convergence draws what its docstring says: compared pixel for pixel with the same figure
drawn by hand with matplotlib from hand-computed medians and bands."""
from __future__ import annotations

import numpy as np
import pytest

from h2h import plots

plt = plots._pyplot()
Image = pytest.importorskip("PIL.Image")


def _pixels(path) -> np.ndarray:
    return np.asarray(Image.open(path).convert("RGB"))


def _by_hand(path, draw) -> None:
    fig, ax = plt.subplots(figsize=(6.5, 4.2))
    draw(ax)
    ax.set_xlabel("evaluations")
    ax.set_ylabel("hypervolume")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(path, dpi=120)
    plt.close(fig)


def test_a_group_is_its_median_over_a_min_max_band_and_short_runs_keep_their_last_value(tmp_path):
    # seeds: [0, 1, 2], [2, 3] (stopped early: counts as [2, 3, 3]), [1, 1, 4]
    out = plots.convergence({"agent": [[0, 1, 2], [2, 3], [1, 1, 4]]}, tmp_path / "sub" / "new.png")
    assert out == tmp_path / "sub" / "new.png"

    def draw(ax):
        x = [1, 2, 3]
        ax.plot(x, [1, 1, 3], color="tab:blue", linewidth=1.5, label="agent (median)")
        ax.fill_between(x, [0, 1, 2], [2, 3, 4], color="tab:blue", alpha=0.2, linewidth=0,
                        label="agent (min-max over 3 seeds)")

    _by_hand(tmp_path / "ref.png", draw)
    assert np.array_equal(_pixels(out), _pixels(tmp_path / "ref.png"))


def test_single_runs_are_plain_lines_in_tab10_order(tmp_path):
    out = plots.convergence({"a": [[0.1, 0.5, 0.7]], "b": [[0.2, 0.3]]}, tmp_path / "new.png")

    def draw(ax):
        ax.plot([1, 2, 3], [0.1, 0.5, 0.7], color="tab:blue", linewidth=1.5, label="a")
        ax.plot([1, 2], [0.2, 0.3], color="tab:orange", linewidth=1.5, label="b")

    _by_hand(tmp_path / "ref.png", draw)
    assert np.array_equal(_pixels(out), _pixels(tmp_path / "ref.png"))


def test_labels_colours_and_target_change_the_picture(tmp_path):
    runs = {"x": [[0, 1], [1, 2]]}
    base = _pixels(plots.convergence(runs, tmp_path / "base.png"))
    same = _pixels(plots.convergence(runs, tmp_path / "same.png", median_label=lambda k, n: f"{k} (median)"))
    assert np.array_equal(base, same)  # a callable label gives the same text as the format string
    for kw in ({"colours": {"x": "tab:red"}}, {"target": 1.5, "target_label": "goal"},
               {"band_label": "{label}: {n} runs"}, {"legend_loc": None}, {"log_x": True}):
        assert not np.array_equal(base, _pixels(plots.convergence(runs, tmp_path / "other.png", **kw))), kw
