"""Bad batch configs: one or two lines naming file, line and key, exit code 2, no traceback."""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from h2h.batch.schema import read_batch_config
from h2h.batch.sweep import expand
from h2h.cli import main
from h2h.errors import ConfigError
from h2h.yaml_loader import load_yaml_file

REPO = Path(__file__).resolve().parents[1]
SYSTEM = REPO / "examples" / "systems" / "hetero4_mid.yaml"

GOOD = """\
name: t
experiments:
  - name: m
    task: map
    workload: casia_surf
    system: sys.yaml
    sweep:
      mapper: [compute_priority, h2h]
"""


def write(tmp_path: Path, text: str | bytes, name: str = "batch.yaml") -> Path:
    p = tmp_path / name
    if isinstance(text, bytes):
        p.write_bytes(text)
    else:
        p.write_text(textwrap.dedent(text))
    if not (tmp_path / "sys.yaml").exists():
        shutil.copy(SYSTEM, tmp_path / "sys.yaml")
    return p


def check_fails(capsys, path: Path, line: int, key: str | None, words: str) -> str:
    code = main(["batch", str(path), "--check"])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert 1 <= len(lines) <= 2, err
    assert f"{path}:{line}:" in lines[0], err
    if key is not None:
        assert f"key '{key}'" in lines[0], err
    assert re.search(words, lines[0]), err
    return lines[0]


def test_malformed_yaml(tmp_path, capsys):
    p = write(tmp_path, "name: t\nexperiments:\n  - task: map\n    workload: [casia_surf\n")
    check_fails(capsys, p, 5, None, "malformed YAML")


def test_empty_file(tmp_path, capsys):
    p = write(tmp_path, "# nothing here\n\n")
    check_fails(capsys, p, 1, None, "empty")


def test_binary_file(tmp_path, capsys):
    p = write(tmp_path, bytes(range(256)) * 4)
    check_fails(capsys, p, 1, None, "binary")


def test_latin1_text_names_the_line_of_the_bad_byte(tmp_path, capsys):
    p = write(tmp_path, "name: caf\xe9\n".encode("latin-1"))
    check_fails(capsys, p, 1, None, "expected a UTF-8 text")
    p = write(tmp_path, "# ok\n# ok\nname: caf\xe9\n".encode("latin-1"))
    check_fails(capsys, p, 3, None, "expected a UTF-8 text")


def test_a_folder_is_not_a_config(tmp_path, capsys):
    (tmp_path / "dir.yaml").mkdir()
    code = main(["batch", str(tmp_path / "dir.yaml"), "--check"])
    err = capsys.readouterr().err.strip()
    assert code == 2 and "not a regular file" in err and str(tmp_path / "dir.yaml") in err
    assert len(err.splitlines()) == 1


def test_top_level_list(tmp_path, capsys):
    p = write(tmp_path, "- task: map\n- task: nas\n")
    check_fails(capsys, p, 1, None, "expected a mapping at the top level, got a list")


def test_unknown_top_level_key(tmp_path, capsys):
    p = write(tmp_path, GOOD + "colour: blue\n")
    check_fails(capsys, p, 9, "colour", "unknown key")


def test_unknown_experiment_key(tmp_path, capsys):
    p = write(tmp_path, GOOD.replace("    task: map\n", "    task: map\n    mappr: h2h\n"))
    check_fails(capsys, p, 5, "experiments[0].mappr", "unknown key for task 'map'")


def test_unknown_sweep_key(tmp_path, capsys):
    p = write(tmp_path, GOOD + "      colour: [red, blue]\n")
    check_fails(capsys, p, 9, "experiments[0].sweep.colour", "cannot sweep unknown key")


def test_duplicate_key(tmp_path, capsys):
    p = write(tmp_path, GOOD.replace("    workload: casia_surf\n",
                                     "    workload: casia_surf\n    workload: vlocnet\n"))
    check_fails(capsys, p, 6, "workload", r"duplicate key \(first given on line 5\)")


def test_wrong_type(tmp_path, capsys):
    p = write(tmp_path, GOOD.replace("    task: map\n", "    task: map\n    objective: 3\n"))
    check_fails(capsys, p, 5, "experiments[0].objective", "expected a string")


def test_wrong_type_in_sweep_value(tmp_path, capsys):
    p = write(tmp_path, GOOD.replace("[compute_priority, h2h]", "\n        - h2h\n        - {a: 1}"))
    check_fails(capsys, p, 10, r"experiments[0].sweep.mapper[1]", "expected a string")


def test_negative_size(tmp_path, capsys):
    p = write(tmp_path, GOOD.replace("    task: map\n", "    task: map\n    time_limit_s: -5\n"))
    check_fails(capsys, p, 5, "experiments[0].time_limit_s", "must be >= 0")


def test_negative_workers(tmp_path, capsys):
    p = write(tmp_path, "executor:\n  workers: -2\n" + GOOD)
    check_fails(capsys, p, 2, "executor.workers", "must be >= 1")


def test_negative_seed(tmp_path, capsys):
    p = write(tmp_path, GOOD + "    seeds: [0, -1]\n")
    check_fails(capsys, p, 9, "experiments[0].seeds", "must be >= 0")


def test_missing_referenced_file(tmp_path, capsys):
    p = write(tmp_path, GOOD.replace("system: sys.yaml", "system: nowhere/sys.yaml"))
    line = check_fails(capsys, p, 6, "experiments[0].system", "not found")
    assert "nowhere/sys.yaml" in line


def test_missing_system_in_sweep_names_the_sweep_item(tmp_path, capsys):
    p = write(tmp_path, GOOD + "      system: [sys.yaml, gone.yaml]\n")
    check_fails(capsys, p, 9, "experiments[0].sweep.system[1]", "gone.yaml.*not found")


def test_garbage_referenced_system(tmp_path, capsys):
    write(tmp_path, GOOD)
    (tmp_path / "sys.yaml").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    line = check_fails(capsys, tmp_path / "batch.yaml", 6, "experiments[0].system", "binary")
    assert "sys.yaml:1" in line


def test_garbage_referenced_workload(tmp_path, capsys):
    p = write(tmp_path, GOOD.replace("workload: casia_surf", "workload: wl.yaml"))
    (tmp_path / "wl.yaml").write_text("layers: 12\nedges: {oops\n")
    line = check_fails(capsys, p, 5, "experiments[0].workload", "wl.yaml")
    assert "Traceback" not in line


def test_bad_system_value_through_sweep_override(tmp_path, capsys):
    p = write(tmp_path, GOOD + "      system.interconnect.bandwidth_gbps: [8, -4]\n")
    line = check_fails(capsys, p, 9, "experiments[0].sweep.system.interconnect.bandwidth_gbps[1]",
                       "with interconnect.bandwidth_gbps=-4: .*bandwidth_gbps")
    assert "sys.yaml" in line


def test_bad_search_setting_through_sweep_override_names_the_users_config(tmp_path, capsys):
    shutil.copy(REPO / "examples" / "codesign_quickstart.yaml", tmp_path / "cd.yaml")
    p = write(tmp_path, """\
        experiments:
          - name: cd
            task: codesign
            config: cd.yaml
            sweep:
              config.population_size: [4, -3]
        """)
    line = check_fails(capsys, p, 6, "experiments[0].sweep.config.population_size[1]",
                       "with population_size=-3: .*population_size: must be >= 2")
    assert f"{tmp_path / 'cd.yaml'}:" in line and ".batch-" not in line
    assert sorted(f.name for f in tmp_path.iterdir()) == ["batch.yaml", "cd.yaml", "sys.yaml"]


def test_sweep_path_missing_in_document(tmp_path, capsys):
    p = write(tmp_path, GOOD + "      system.interconect.bandwidth_gbps: [8, 16]\n")
    check_fails(capsys, p, 9, r"experiments[0].sweep.system.interconect.bandwidth_gbps[0]",
                "no key 'interconect'")


def test_unknown_task_option(tmp_path, capsys):
    p = write(tmp_path, GOOD.replace("task: map", "task: train"))
    check_fails(capsys, p, 4, "experiments[0].task", "unknown option 'train'")


def test_missing_file_argument(tmp_path, capsys):
    assert main(["batch", str(tmp_path / "nope.yaml"), "--check"]) == 2
    assert "nope.yaml" in capsys.readouterr().err


# ---- the loader and the expansion, on their own ----------------------------------------------

def test_loader_records_lines_and_rejects_duplicates(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("a: 1\nb:\n  c: [1, 2]\n  d:\n    - x\n    - y\n")
    d = load_yaml_file(p)
    assert (d.key_line("a"), d.key_line("b"), d["b"].key_line("d")) == (1, 2, 4)
    assert d["b"]["d"].item_line(1) == 6
    p.write_text("a: 1\nb: {c: 1, c: 2}\n")
    with pytest.raises(ConfigError, match=r"x.yaml:2: key 'c': duplicate key"):
        load_yaml_file(p)
    p.write_text("a: !!python/object/apply:os.system [ls]\n")
    with pytest.raises(ConfigError, match="malformed YAML"):
        load_yaml_file(p)


def test_sweep_is_a_cartesian_product_with_stable_ids(tmp_path):
    p = write(tmp_path, GOOD + "      system.interconnect.bandwidth_gbps: [4, 8, 16]\n    seeds: [0, 1]\n")
    runs = expand(read_batch_config(p))
    assert len(runs) == 2 * 3 * 2
    combos = {(r.params["mapper"], r.overrides["system"]["interconnect.bandwidth_gbps"], r.seed) for r in runs}
    assert len(combos) == 12
    assert len({r.run_id for r in runs}) == 12
    again = expand(read_batch_config(p))
    assert [r.run_id for r in runs] == [r.run_id for r in again]
    # an explicit default changes nothing; a different value, or edited system file, does
    p.write_text(p.read_text().replace("    task: map\n", "    task: map\n    objective: latency\n"))
    assert [r.run_id for r in expand(read_batch_config(p))] == [r.run_id for r in runs]
    (tmp_path / "sys.yaml").write_text((tmp_path / "sys.yaml").read_text() + "\n# edited\n")
    assert not {r.run_id for r in expand(read_batch_config(p))} & {r.run_id for r in runs}
