"""A wheel of h2h carries what users name without a checkout: the example systems, configs and
workloads (``h2h/examples`` links to ``examples/``), so ``pip install`` gives the built-in systems,
a working ``h2h quickstart`` and ``h2h examples copy``."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LEFT_OUT = shutil.ignore_patterns(".git", ".venv", "results", "build", "*.egg-info", "__pycache__",
                                  ".pytest_cache", ".hypothesis", ".coverage")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """A wheel built from a copy of the source tree (the checkout itself stays untouched)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(REPO, src, symlinks=True, ignore=LEFT_OUT)
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", str(src), "--no-deps", "--no-build-isolation",
                           "--quiet", "-w", str(tmp / "dist")], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    (found,) = (tmp / "dist").glob("h2h-*.whl")
    return found


def test_the_package_links_to_the_examples():
    link = REPO / "h2h" / "examples"
    assert link.is_symlink() and link.resolve() == (REPO / "examples").resolve()


@pytest.mark.slow
def test_the_wheel_carries_every_example(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    examples = [p.relative_to(REPO).as_posix() for p in (REPO / "examples").rglob("*") if p.is_file()]
    assert examples and not [e for e in examples if f"h2h/{e}" not in names]
    assert "h2h/data/nb201_accuracy.csv.gz" in names


@pytest.mark.slow
def test_an_installed_wheel_names_builtin_systems_and_runs_the_quickstart(wheel, tmp_path):
    target = tmp_path / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--quiet", "--target",
                           str(target), str(wheel)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    env = {**os.environ, "PYTHONPATH": str(target), "MPLBACKEND": "Agg"}
    work = tmp_path / "work"
    work.mkdir()
    check = (f"import h2h; assert h2h.__file__.startswith({str(target)!r}), h2h.__file__; "
             "print(h2h.load_system('hetero4_low').name)")
    done = subprocess.run([sys.executable, "-c", check], cwd=work, env=env, capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.strip() == "hetero4_low", done.stderr
    before = sorted(p for p in target.rglob("*") if "__pycache__" not in p.parts)
    done = subprocess.run([sys.executable, "-m", "h2h", "quickstart"], cwd=work, env=env,
                          capture_output=True, text=True, check=False, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (work / "results" / "quickstart" / "report.html").is_file()
    done = subprocess.run([sys.executable, "-m", "h2h", "examples", "copy"], cwd=work, env=env,
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0 and (work / "examples" / "codesign_nb201.yaml").is_file(), done.stderr
    assert sorted(p for p in target.rglob("*") if "__pycache__" not in p.parts) == before  # nothing written
