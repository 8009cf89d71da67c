"""``h2h examples``: the shipped examples listed, and copied out without losing a user's edits."""
from __future__ import annotations

import filecmp
from pathlib import Path

from cli_helpers import run

REPO_EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def shipped() -> list[str]:
    return sorted(p.relative_to(REPO_EXAMPLES).as_posix() for p in REPO_EXAMPLES.rglob("*") if p.is_file())


def test_list_names_every_file_with_its_own_first_comment(capsys):
    code, out, _ = run(capsys, "examples", "list")
    assert code == 0
    rows = {line.split()[0]: line for line in out.splitlines()[2:] if line.strip() and "  " in line}
    assert sorted(rows) == shipped()
    first = (REPO_EXAMPLES / "systems" / "hetero4_low.yaml").read_text().splitlines()[0].lstrip("# ")
    assert first[:40] in rows["systems/hetero4_low.yaml"]


def test_copy_writes_the_tree_then_keeps_edits_unless_forced(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "examples", "copy")
    assert code == 0 and f"wrote {len(shipped())} files, 0 already identical" in out
    match, mismatch, errors = filecmp.cmpfiles(REPO_EXAMPLES, tmp_path / "examples", shipped(), shallow=False)
    assert (mismatch, errors) == ([], [])
    mine = tmp_path / "examples" / "codesign_quickstart.yaml"
    mine.write_text(mine.read_text().replace("budget:", "# edited\nbudget:"))
    code, out, _ = run(capsys, "examples", "copy")
    assert code == 0 and "kept 1 that differ (--force overwrites): codesign_quickstart.yaml" in out
    assert "# edited" in mine.read_text()
    code, _, _ = run(capsys, "examples", "copy", "examples", "--force")
    assert code == 0 and filecmp.cmp(mine, REPO_EXAMPLES / "codesign_quickstart.yaml", shallow=False)
    # the copy is self-contained: the quickstart study's relative references resolve inside it
    code, out, err = run(capsys, "batch", "examples/quickstart.yaml", "--check")
    assert code == 0, err


def test_copy_onto_a_file_is_one_line(capsys, tmp_path):
    (tmp_path / "f").write_text("mine")
    code, _, err = run(capsys, "examples", "copy", str(tmp_path / "f"))
    assert code == 2 and err.strip() == f"h2h: error: {tmp_path / 'f'}: expected a folder to copy the examples into, got a file"
    assert (tmp_path / "f").read_text() == "mine"


def test_the_about_column_is_the_first_sentence_across_comment_lines(tmp_path):
    from h2h.cli.examples_cmd import _summary_line

    f = tmp_path / "a.yaml"
    f.write_text("# Co-design of a cell network and the\n# hardware it runs on. More text here.\n"
                 "# Next line.\nkey: 1\n")
    assert _summary_line(f) == "Co-design of a cell network and the hardware it runs on."
    f.write_text("# " + "word " * 40 + "\nkey: 1\n")
    cut = _summary_line(f, most_chars=30)
    assert cut == "word word word word word word …"
    f.write_text("\n\n// A model file. With more.\nNetwork N {}\n")      # blank lines before the comment
    assert _summary_line(f) == "A model file."
    f.write_text("key: 1  # no opening comment\n")
    assert _summary_line(f) == ""
