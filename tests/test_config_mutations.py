"""Every mutation of every shipped example file, through every command that reads it, exits 0 or
exits 2 with one line naming the file (issue 22, item 1).

Mutations (tests/mutations.py): each key or item deleted, retyped (a word for a number, a number for
a word, a mapping or a list for a scalar), negated, made huge (10**30, 1e300); an unknown key beside
each mapping's own; for the MAESTRO ``.m`` file each line deleted and each number negated, made
huge or made a word. Besides the shipped files, an agent config file and a saved mapping file (the
other files a command reads) are mutated the same way.

The default suite runs a deterministic sample (every ``SAMPLE_STRIDE``-th mutation of each file, from
an offset fixed by the file's name); the full set is marked slow.
"""
from __future__ import annotations

import contextlib
import io
import shutil
import zlib
from pathlib import Path

import pytest
import yaml

from mutations import Mutation, text_mutations, yaml_mutations

from h2h.cli import main

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SAMPLE_STRIDE = 40
# Python's own words for a failed operation: a message that carries them says what broke inside,
# not what the file should hold
PYTHON_INTERNALS = ("not supported between", "object has no attribute", "unhashable type", "Located",
                    "NoneType", "positional argument", "object is not", "invalid literal for", "Traceback")

MAP_FAST = ["--mapper", "compute_priority"]
XR_SYSTEM = "systems/xrbench/Single_4K__WS.yaml"
REALTIME_FAST = ["--policy", "xrbench"]
# XRBench's scenario files hold thousands of lines: the full set takes about this many of their mutations
LARGE_FILE_MUTATIONS = 60
TWO = "workloads/two_modality.yaml"
# example file (relative to examples/) -> the commands that read it ({f} is the file)
COMMANDS: dict[str, list[list[str]]] = {
    **{f"systems/{p.name}": [["system", "info", "{f}"]] for p in sorted((EXAMPLES / "systems").glob("*.yaml"))},
    "systems/hetero4_mid.yaml": [["system", "info", "{f}"], ["map", "--workload", TWO, "--system", "{f}", *MAP_FAST]],
    TWO: [["workload", "info", "{f}"], ["map", "--workload", "{f}", "--system", "hetero4_mid", *MAP_FAST]],
    "workloads/tiny_cnn.m": [["workload", "info", "{f}"],
                             ["map", "--workload", "{f}", "--system", "hetero4_mid", *MAP_FAST]],
    **{p.name: [["batch", "--check", "{f}"]] for p in sorted(EXAMPLES.glob("*.yaml"))
       if "experiments" in p.read_text()},
    **{p.name: [["nas", "--check", "{f}"]] for p in sorted(EXAMPLES.glob("flnas_*.yaml"))},
    **{p.name: [["codesign", "--check", "{f}"]] for p in sorted(EXAMPLES.glob("codesign_*.yaml"))},
    **{f"systems/xrbench/{p.name}": [["system", "info", "{f}"]]
       for p in sorted((EXAMPLES / "systems" / "xrbench").glob("*.yaml"))},
    "workloads/h2h_original_example.yaml": [["workload", "info", "{f}"]],
    "workloads/joined.yaml": [["workload", "info", "{f}"]],
    "workloads/periodic_camera.yaml": [["realtime", "--scenario", "{f}", "--system", XR_SYSTEM, *REALTIME_FAST]],
    **{f"workloads/xrbench/{p.name}": [["realtime", "--scenario", "{f}", "--system", XR_SYSTEM, *REALTIME_FAST]]
       for p in sorted((EXAMPLES / "workloads" / "xrbench").glob("*.m"))},
    # files a user writes beside the shipped ones: an agent config and a saved mapping
    "agent_heuristic.yaml": [["nas", "flnas_nb201.yaml", "--check", "--agent", "{f}"]],
    "agent_openai.yaml": [["codesign", "codesign_quickstart.yaml", "--check", "--agent", "{f}"]],
    "mapping.yaml": [["map", "--workload", TWO, "--system", "hetero4_mid", "--mapping", "{f}"]],
}
AGENTS = {
    "agent_heuristic.yaml": {"kind": "heuristic", "seed": 3, "explore_fraction": 0.3},
    "agent_openai.yaml": {"kind": "openai", "model": "some-model", "base_url": "http://127.0.0.1:9/v1",
                          "temperature": 0.2, "max_tokens": 512, "timeout_s": 5.0, "max_retries": 1},
}


def test_every_example_file_is_mutated():
    shipped = {str(p.relative_to(EXAMPLES)) for p in EXAMPLES.rglob("*") if p.is_file()}
    assert shipped <= set(COMMANDS), shipped - set(COMMANDS)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A copy of examples/ plus the agent and mapping files, as the commands' working folder."""
    from h2h.mappers import map_workload

    root = tmp_path_factory.mktemp("mutations") / "examples"
    shutil.copytree(EXAMPLES, root)
    for name, conf in AGENTS.items():
        (root / name).write_text(yaml.safe_dump(conf))
    r = map_workload(str(root / TWO), "hetero4_mid", mapper="h2h")
    (root / "mapping.yaml").write_text(yaml.safe_dump(
        {"assignment": r.mapping, "order": r.order, "resident": r.resident, "sequence": r.sequence}))
    return root


def _mutations(text: str, name: str) -> list[Mutation]:
    return text_mutations(text) if name.endswith(".m") else yaml_mutations(text)


def _problems(folder: Path, name: str, stride: int, monkeypatch) -> tuple[int, list[str]]:
    """Run every ``stride``-th mutation of ``name`` through its commands; what went wrong."""
    monkeypatch.chdir(folder)
    path = folder / name
    original = path.read_text()
    every = _mutations(original, name)
    if name.startswith("workloads/xrbench/"):
        stride = max(stride, len(every) // LARGE_FILE_MUTATIONS)
    mutations = every[zlib.crc32(name.encode()) % min(stride, len(every))::stride]
    problems = []
    try:
        for m in mutations:
            path.write_text(m.text)
            for command in COMMANDS[name]:   # the later ones only for what the first accepted:
                argv = [a.replace("{f}", name) for a in command]   # all read it by the same loader
                out, err = io.StringIO(), io.StringIO()
                try:
                    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                        code = main(argv)
                except BaseException as e:  # noqa: BLE001 -- a traceback is the failure we look for
                    problems.append(f"{m.label} | {' '.join(argv)}: {type(e).__name__}: {e}")
                    break
                lines = err.getvalue().strip().splitlines()
                errors = [line for line in lines if not line.startswith("h2h: warning:")]
                if code == 0 and not errors:
                    continue
                if code != 2 or len(errors) != 1 or not errors[0].startswith("h2h: error: ") \
                        or Path(name).name not in errors[0] or len(errors[0]) < len(f"h2h: error: {name}") + 10 \
                        or any(phrase in errors[0] for phrase in PYTHON_INTERNALS):
                    problems.append(f"{m.label} | {' '.join(argv)}: exit {code}: {' / '.join(errors)[:300]}")
                break
    finally:
        path.write_text(original)
    return len(mutations), problems


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_sampled_mutations_exit_0_or_2_with_one_line(folder, name, monkeypatch):
    count, problems = _problems(folder, name, SAMPLE_STRIDE, monkeypatch)
    assert count >= 1
    assert not problems, f"{len(problems)} of {count} mutations:\n" + "\n".join(problems[:10])


@pytest.mark.slow
@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_all_mutations_exit_0_or_2_with_one_line(folder, name, monkeypatch):
    count, problems = _problems(folder, name, 1, monkeypatch)
    assert not problems, f"{len(problems)} of {count} mutations:\n" + "\n".join(problems[:10])


def test_the_mutations_are_the_ones_described():
    doc = "a: 1\nb: [x, {c: true}]\n"
    labels = {m.label for m in yaml_mutations(doc)}
    assert {"<root>+unknown", "a-deleted", "a=str", "a=neg", "a=huge", "a=dict", "b.0=int",
            "b.1.c=str", "b.1+unknown", "b=emptied"} <= labels
    assert yaml.safe_load(next(m.text for m in yaml_mutations(doc) if m.label == "a=neg")) == \
        {"a": -1, "b": ["x", {"c": True}]}
    text = "Layer L {\n  Dimensions { K: 16 }\n}\n"
    by_label = {m.label: m.text for m in text_mutations(text)}
    assert by_label["line2:18=neg"] == "Layer L {\n  Dimensions { K: -16 }\n}\n"
    assert "line1-deleted" in by_label and len(by_label) == 3 + 3
