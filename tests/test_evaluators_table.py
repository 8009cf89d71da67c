"""TableEvaluator: the generic CSV lookup and the packaged NAS-Bench-201 accuracies."""
import csv
import gzip

import pytest

from h2h.evaluators import (EvaluationError, Evaluator, EvaluatorConfigError, TableColumn,
                            TableEvaluator)
from h2h.evaluators.table import canonical_nb201_arch

# the best cells per dataset (indices 6111, 9930 and 857; README_nb201.md "Maxima")
BEST_C10 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_1x1~2|"
BEST_C100 = "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"
BEST_IN16 = "|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"


@pytest.fixture(scope="module")
def nb201():
    return TableEvaluator.nb201("cifar10", metrics=["accuracy", "accuracy_cifar100",
                                                    "accuracy_ImageNet16-120"])


def test_is_an_evaluator_with_declared_metrics(nb201):
    assert isinstance(nb201, Evaluator)
    assert [m.to_dict() for m in nb201.metrics][0] == {"name": "accuracy", "direction": "max"}
    assert len(nb201) == 15625


def test_packaged_table_matches_the_reference_file(nb201, shared_dir):
    with open(shared_dir / "data" / "nb201_accuracy.csv", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 15625
    for row in rows:
        got = nb201.evaluate({"family": "nb201", "arch": row["arch"], "dataset": "cifar10"})
        assert got["accuracy"] == pytest.approx(float(row["cifar10_test_acc"]) / 100, abs=5e-9)
        assert got["accuracy_cifar100"] == pytest.approx(float(row["cifar100_test_acc"]) / 100, abs=5e-9)
        assert got["accuracy_ImageNet16-120"] == pytest.approx(float(row["imagenet16_test_acc"]) / 100,
                                                               abs=5e-9)


def test_published_optimum_and_chance_level(nb201):
    # NAS-Bench-201 optimum test accuracies 94.37 / 73.51 / 47.31 %; a cell with no input-output
    # path scores chance level (10 % on CIFAR-10).
    assert nb201.evaluate({"family": "nb201", "arch": BEST_C10})["accuracy"] == pytest.approx(0.94373, abs=1e-5)
    assert nb201.evaluate({"family": "nb201", "arch": BEST_C100})["accuracy_cifar100"] == pytest.approx(
        0.73513, abs=1e-5)
    assert nb201.evaluate({"family": "nb201", "arch": BEST_IN16})["accuracy_ImageNet16-120"] == pytest.approx(
        0.47311, abs=1e-5)
    dead = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"
    assert nb201.evaluate({"family": "nb201", "arch": dead})["accuracy"] == pytest.approx(0.10)


def test_other_datasets_and_their_spec_check():
    c100 = TableEvaluator.nb201("cifar100")
    assert [m.name for m in c100.metrics] == ["accuracy"]
    spec = {"family": "nb201", "arch": BEST_C10, "dataset": "cifar100"}
    assert 0.70 < c100.evaluate(spec)["accuracy"] < 0.7352
    with pytest.raises(EvaluationError, match="built for dataset 'cifar10'") as e:
        c100.evaluate({**spec, "dataset": "cifar10"})
    assert e.value.candidate["dataset"] == "cifar10"


def test_arch_strings_are_canonicalised(nb201):
    shuffled = "| nor_conv_3x3~0 |+|nor_conv_3x3~1|nor_conv_3x3~0|+|nor_conv_1x1~2|skip_connect~0|nor_conv_3x3~1|"
    assert canonical_nb201_arch(shuffled) == BEST_C10
    a = nb201.evaluate({"family": "nb201", "arch": shuffled})
    assert a == nb201.evaluate({"family": "nb201", "arch": BEST_C10})


@pytest.mark.parametrize("spec, message", [
    ({"family": "nb201", "arch": "|conv_5x5~0|+|none~0|none~1|+|none~0|none~1|none~2|"}, "unknown op"),
    ({"family": "nb201", "arch": "|none~0|+|none~0|none~1|"}, "3 '\\+'-separated groups"),
    ({"family": "nb201"}, "no 'arch'"),
    ({"family": "mbv2", "arch": BEST_C10}, "family 'nb201' only"),
])
def test_bad_candidates_fail_alone_with_the_candidate_attached(nb201, spec, message):
    with pytest.raises(EvaluationError, match=message) as e:
        nb201.evaluate(spec)
    assert e.value.candidate == spec
    assert nb201.evaluate({"family": "nb201", "arch": BEST_C10})  # the evaluator still works


def _write(path, rows, gz=False):
    text = "\n".join(",".join(r) for r in rows) + "\n"
    if gz:
        path.write_bytes(gzip.compress(text.encode()))
    else:
        path.write_text(text)
    return path


COLS = [TableColumn("accuracy", "acc", "max", 0.01), TableColumn("latency_s", "lat_ms", "min", 1e-3)]


@pytest.mark.parametrize("gz", [False, True])
def test_generic_table_lookup_and_missing_row(tmp_path, gz):
    path = _write(tmp_path / ("t.csv.gz" if gz else "t.csv"),
                  [["name", "acc", "lat_ms"], ["netA", "90", "2.5"], ["netB", "80.5", "1"]], gz)
    ev = TableEvaluator(path, key_column="name", columns=COLS, spec_key="net")
    assert ev.evaluate({"net": "netB"}) == pytest.approx({"accuracy": 0.805, "latency_s": 0.001})
    assert [(m.name, m.direction) for m in ev.metrics] == [("accuracy", "max"), ("latency_s", "min")]
    with pytest.raises(EvaluationError, match="no row for architecture 'netC'") as e:
        ev.evaluate({"net": "netC"})
    assert e.value.candidate == {"net": "netC"}
    with pytest.raises(EvaluationError, match="no 'net' field"):
        ev.evaluate({"arch": "netA"})
    only = TableEvaluator(path, key_column="name", columns=COLS, spec_key="net", metrics=["latency_s"])
    assert only.evaluate({"net": "netA"}) == pytest.approx({"latency_s": 0.0025})


def test_generic_table_bad_input(tmp_path):
    good = _write(tmp_path / "good.csv", [["name", "acc", "lat_ms"], ["a", "1", "2"]])
    with pytest.raises(EvaluatorConfigError, match=r"unknown metric name\(s\) \['energy_j'\].*accuracy, latency_s"):
        TableEvaluator(good, key_column="name", columns=COLS, metrics=["energy_j"])
    with pytest.raises(EvaluatorConfigError, match=r"\['arch'\] not in the table; it has: name, acc, lat_ms"):
        TableEvaluator(good, key_column="arch", columns=COLS)
    with pytest.raises(EvaluatorConfigError, match="table file not found"):
        TableEvaluator(tmp_path / "nope.csv", key_column="name", columns=COLS)
    dup = _write(tmp_path / "dup.csv", [["name", "acc", "lat_ms"], ["a", "1", "2"], ["a", "3", "4"]])
    with pytest.raises(EvaluatorConfigError, match="line 3: duplicate key 'a'"):
        TableEvaluator(dup, key_column="name", columns=COLS)
    text = _write(tmp_path / "text.csv", [["name", "acc", "lat_ms"], ["a", "high", "2"]])
    with pytest.raises(EvaluatorConfigError, match="line 2: column 'acc' must be a finite number, got 'high'"):
        TableEvaluator(text, key_column="name", columns=COLS)
    with pytest.raises(EvaluatorConfigError, match="unknown NAS-Bench-201 dataset 'svhn'"):
        TableEvaluator.nb201("svhn")
