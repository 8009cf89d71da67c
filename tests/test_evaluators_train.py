"""TrainEvaluator: real (tiny) PyTorch training on the synthetic group dataset."""
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")

from h2h.evaluators import (EvaluationError, Evaluator, EvaluatorConfigError, SyntheticGroups,  # noqa: E402
                            TorchMissingError, TrainBudget, TrainEvaluator)
from h2h.evaluators.train import predict, train_module  # noqa: E402

TINY = {"family": "mbv2", "resolution": 12, "in_channels": 3, "num_classes": 3, "stem_width": 4,
        "stages": [{"depth": 1, "expansion": 2, "kernel": 3, "width": 8, "stride": 2}], "head_width": 16}
DATA = SyntheticGroups(num_samples=240, num_classes=3, minority_fraction=0.25, seed=5)
BUDGET = TrainBudget(epochs=1, batch_size=32, lr=0.05)


@pytest.fixture(scope="module")
def evaluator():
    return TrainEvaluator(DATA, BUDGET, seed=0)


@pytest.fixture(scope="module")
def result(evaluator):
    return evaluator.evaluate(TINY)


def test_reports_every_declared_metric(evaluator, result):
    assert isinstance(evaluator, Evaluator)
    names = [m.name for m in evaluator.metrics]
    assert names == ["accuracy", "unfairness", "accuracy_gap", "equalized_odds_diff", "equal_opportunity_diff",
                     "accuracy_majority", "accuracy_minority", "train_time_s", "params"]
    assert list(result) == names
    directions = {m.name: m.direction for m in evaluator.metrics}
    assert directions["accuracy"] == "max" and directions["unfairness"] == "min"
    assert all(0.0 <= result[k] <= 1.0 for k in names[:7])
    assert result["train_time_s"] > 0
    # 3*4*9 + 4*8 + 8*9 + 8*8 + 8*16 convs, 16*3 + 3 classifier, BN scale+shift per channel
    assert result["params"] == 108 + 32 + 72 + 64 + 128 + 51 + 2 * (4 + 8 + 8 + 8 + 16)


def test_group_accuracies_add_up_to_the_overall_accuracy(evaluator, result):
    _, test = evaluator.splits(3, 12)
    counts = np.bincount(test.groups, minlength=2)
    weighted = (counts[0] * result["accuracy_majority"] + counts[1] * result["accuracy_minority"]) / counts.sum()
    assert weighted == pytest.approx(result["accuracy"])
    assert result["unfairness"] == pytest.approx(abs(result["accuracy_majority"] - result["accuracy_minority"]))


def test_training_is_seeded(evaluator, result):
    again = evaluator.evaluate(TINY)
    for key in result:
        if key != "train_time_s":
            assert again[key] == result[key], key
    train, _ = evaluator.splits(3, 12)

    def weights(seed):
        model, _, _ = train_module(TINY, train, BUDGET, seed=seed)
        return torch.cat([p.detach().flatten() for p in model.parameters()])
    assert torch.equal(weights(0), weights(0))
    assert not torch.equal(weights(0), weights(1))


def test_training_learns_something():
    # 3 epochs on an easy, balanced variant: far above chance (1/3)
    easy = SyntheticGroups(num_samples=300, num_classes=3, noise=0.3, group_shift=0.0, seed=2)
    ev = TrainEvaluator(easy, TrainBudget(epochs=3, batch_size=16, lr=0.05))
    r = ev.evaluate(TINY)
    assert r["accuracy"] > 0.8
    # the reported accuracy is that of the trained module's predictions on the held-out split
    train, test = ev.splits(3, 12)
    model, _, _ = train_module(TINY, train, ev.budget, seed=ev.seed)
    assert np.mean(predict(model, test.images) == test.labels) == pytest.approx(r["accuracy"])


def test_budget_epochs_and_time_limit(evaluator):
    train, _ = evaluator.splits(3, 12)  # 180 samples: 5 full batches of 32 and one of 20
    _, _, steps = train_module(TINY, train, TrainBudget(epochs=2, batch_size=32))
    assert steps == 12
    _, _, steps = train_module(TINY, train, TrainBudget(epochs=2, batch_size=32, max_seconds=1e-9))
    assert steps == 1  # the limit is checked after each step; one step always runs


def test_nb201_spec_trains_too():
    spec = {"family": "nb201", "arch": "|nor_conv_1x1~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|",
            "dataset": "cifar10"}
    data = SyntheticGroups(num_samples=80, num_classes=10, seed=0)
    r = TrainEvaluator(data, TrainBudget(epochs=1, batch_size=40), metrics=["accuracy", "unfairness"]).evaluate(spec)
    assert set(r) == {"accuracy", "unfairness"}


def test_candidate_errors_are_per_candidate(evaluator):
    with pytest.raises(EvaluationError, match="10 outputs but the dataset has 3 classes") as e:
        evaluator.evaluate({**TINY, "num_classes": 10})
    assert e.value.candidate["num_classes"] == 10
    with pytest.raises(EvaluationError, match="unknown key"):
        evaluator.evaluate({**TINY, "depth": 3})


def test_configuration_errors():
    with pytest.raises(EvaluatorConfigError, match=r"unknown metric name\(s\) \['fairness'\]"):
        TrainEvaluator(DATA, BUDGET, metrics=["accuracy", "fairness"])
    with pytest.raises(EvaluatorConfigError, match="epochs must be an integer >= 1"):
        TrainEvaluator(DATA, {"epochs": 0})
    with pytest.raises(EvaluatorConfigError, match=r"unknown key\(s\) \['epoch'\]"):
        TrainEvaluator(DATA, {"epoch": 1})
    with pytest.raises(EvaluatorConfigError, match="test_fraction"):
        TrainEvaluator(DATA, BUDGET, test_fraction=1.0)
    with pytest.raises(EvaluatorConfigError, match=r"\['accuracy_gap'\] that clash"):
        TrainEvaluator(SyntheticGroups(group_names=("gap", "other")), BUDGET)


def test_missing_torch_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)  # what `import torch` sees when it is not installed
    with pytest.raises(TorchMissingError, match=r"pip install 'h2h\[train\]'"):
        TrainEvaluator(DATA, BUDGET)


def test_make_evaluator_from_config(tmp_path):
    from h2h.evaluators.factory import make_evaluator

    table = make_evaluator({"kind": "table", "dataset": "cifar100"})
    assert table.name == "NAS-Bench-201 (cifar100)" and [m.name for m in table.metrics] == ["accuracy"]
    (tmp_path / "accs.csv").write_text("net,top1\nA,91.5\n")
    own = make_evaluator({"kind": "table", "path": "accs.csv", "key_column": "net", "spec_key": "name",
                          "columns": [{"metric": "accuracy", "column": "top1", "scale": 0.01}]},
                         base_dir=tmp_path)
    assert own.evaluate({"name": "A"}) == pytest.approx({"accuracy": 0.915})
    train = make_evaluator({"kind": "train", "dataset": {"kind": "synthetic", "num_samples": 240, "num_classes": 3},
                            "budget": {"epochs": 1, "batch_size": 32}, "metrics": ["accuracy", "unfairness"]})
    assert isinstance(train, TrainEvaluator) and train.budget.batch_size == 32
    assert set(train.evaluate(TINY)) == {"accuracy", "unfairness"}


@pytest.mark.parametrize("config, message", [
    ({"kind": "oracle"}, "evaluator kind must be 'table' or 'train'"),
    ({"kind": "table", "dataset": "cifar10", "colour": 1}, r"unknown key\(s\) \['colour'\]"),
    ({"kind": "table", "columns": []}, "need a 'path'"),
    ({"kind": "train", "dataset": {"kind": "image_folder", "root": "missing_dir", "csv": "x.csv"}},
     "missing_dir: root: dataset folder does not exist"),
    ({"kind": "train", "dataset": {"kind": "synthetic"}, "budget": {"lr": "fast"}}, "lr must be a number"),
    ({"kind": "train", "dataset": {"kind": "synthetic"}, "metrics": ["accuracy", "latency"]},
     r"unknown metric name\(s\) \['latency'\]"),
])
def test_make_evaluator_rejects_bad_configs(tmp_path, config, message):
    from h2h.evaluators.factory import make_evaluator

    with pytest.raises(EvaluatorConfigError, match=message):
        make_evaluator(config, base_dir=tmp_path)
