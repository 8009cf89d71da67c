"""``--check`` checks option values by the rule the run applies (issue 22, item 2).

``h2h batch --check`` used to pass ``options: {pop_size: "big"}`` and a sweep ``options.pop_size:
[10, 0]`` that the run then refused; each mapper's option check (``OPTION_CHECKS``) is now what both
the run and the check call. ``h2h nas --check`` and ``h2h codesign --check`` validate a search
config without running it.
"""
from __future__ import annotations

import inspect

import pytest

from test_batch_schema import check_fails, write

from h2h.cli import main
from h2h.errors import MappingError
from h2h.mappers import map_workload
from h2h.mappers.base import MAPPERS, OPTION_CHECKS, check_options, get_mapper, mapper_options


BATCH = """\
name: t
experiments:
  - name: m
    task: map
    workload: casia_surf
    system: sys.yaml
    mapper: nsga2
{extra}
"""


def test_a_bad_option_value_fails_the_check(tmp_path, capsys):
    p = write(tmp_path, BATCH.format(extra="    options: {pop_size: big}"))
    check_fails(capsys, p, 8, "experiments[0].options", r"pop_size: must be an integer >= 1, got 'big'")


def test_a_bad_swept_option_value_fails_the_check_at_its_line(tmp_path, capsys):
    p = write(tmp_path, BATCH.format(extra="    sweep:\n      options.pop_size:\n        - 10\n        - 0"))
    check_fails(capsys, p, 11, "experiments[0].sweep.options.pop_size[1]", r"pop_size: .*>= 1, got 0")


def test_good_swept_option_values_pass_the_check(tmp_path, capsys):
    p = write(tmp_path, BATCH.format(extra="    sweep:\n      options.pop_size: [10, 20]"))
    assert main(["batch", str(p), "--check"]) == 0, capsys.readouterr().err


def test_every_mapper_with_options_has_a_value_check():
    with_options = {name for name in MAPPERS if mapper_options(name)}
    assert with_options == set(OPTION_CHECKS)
    for name, check in OPTION_CHECKS.items():   # the check takes exactly the mapper's options
        assert list(inspect.signature(check).parameters) == mapper_options(name)


@pytest.mark.parametrize("mapper,option", [(m, o) for m in sorted(OPTION_CHECKS) for o in mapper_options(m)])
def test_a_word_for_any_option_is_refused_before_any_work_and_by_the_run(mapper, option):
    """'big' fits no option: check_options refuses it naming the option, and so does the run
    itself (brute force and cpsat on a 2-layer workload, so the run is quick when it would run)."""
    with pytest.raises(MappingError) as checked:
        check_options(mapper, {option: "big"})
    assert checked.value.item == option
    defaults = {p.name: p.default for p in list(inspect.signature(get_mapper(mapper)).parameters.values())[1:]}
    OPTION_CHECKS[mapper](**defaults)           # the defaults pass
    with pytest.raises(MappingError) as ran:
        get_mapper(mapper)(None, **{option: "big"})   # the mapper checks before touching the problem
    assert ran.value.item == option and ran.value.message == checked.value.message


def test_map_refuses_bad_values_before_loading_anything():
    with pytest.raises(MappingError, match="pop_size"):
        map_workload("no_such_workload_file.yaml", "hetero4_mid", mapper="nsga2", pop_size=0)


@pytest.mark.parametrize("command,config", [("nas", "flnas_nb201.yaml"), ("codesign", "codesign_quickstart.yaml")])
def test_search_check_validates_without_running(command, config, tmp_path, capsys, monkeypatch):
    from test_cli_search_args import REPO

    monkeypatch.chdir(tmp_path)
    code = main([command, str(REPO / "examples" / config), "--check"])
    out, err = capsys.readouterr()
    assert code == 0 and ": ok: " in out, err
    assert not (tmp_path / "results").exists()            # nothing ran, nothing was written
    code = main([command, str(REPO / "examples" / config), "--check", "--budget", "0"])
    assert code == 2 and "budget" in capsys.readouterr().err
