"""``h2h examples``: the example configs, systems and workloads that ship with h2h, listed or copied
into a folder, so that a user who installed a wheel can follow the README's ``examples/...`` commands
and edit their own copies."""
from __future__ import annotations

import argparse
import filecmp
import shutil
from pathlib import Path

from .tables import count_noun, text_table


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser("examples", help="list the shipped example configs, or copy them into a folder",
                              description="The examples/ folder of the repository ships inside h2h. "
                              "'copy' writes it into a folder (default ./examples) so the README's "
                              "commands run as shown; files that already exist there are kept.")
    sub = p.add_subparsers(dest="examples_command", metavar="ACTION")
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])

    ls = sub.add_parser("list", help="every example file with the first line of its comment")
    ls.set_defaults(func=_list)

    cp = sub.add_parser("copy", help="copy the examples into a folder (existing files are kept)")
    cp.add_argument("dest", nargs="?", default="examples", metavar="DIR", help="default: ./examples")
    cp.add_argument("--force", action="store_true", help="overwrite files that differ")
    cp.set_defaults(func=_copy)


def example_files() -> list[Path]:
    """The shipped example files, relative to the examples folder, in a stable order."""
    from h2h.data import EXAMPLES_DIR

    return sorted(p.relative_to(EXAMPLES_DIR) for p in EXAMPLES_DIR.rglob("*")
                  if p.is_file() and "__pycache__" not in p.parts)


def _summary_line(path: Path, most_chars: int = 110) -> str:
    """The first sentence of a YAML or ``.m`` file's opening comment (its own description), cut at
    a word to ``most_chars``; '' when the file opens with no comment."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return ""
    words: list[str] = []
    for line in lines:
        text = line.strip()
        if not text and not words:
            continue  # blank lines before the comment
        if not text.startswith(("#", "//")):
            break
        line_words = text.lstrip("#/ ").split()
        words += line_words
        if not line_words or any(w.endswith(".") for w in line_words):
            break
    sentence = " ".join(words)
    end = sentence.find(". ")
    sentence = sentence[:end + 1] if end >= 0 else sentence
    if len(sentence) <= most_chars:
        return sentence
    return sentence[:most_chars].rsplit(" ", 1)[0].rstrip(",;:(") + " …"


def _list(args: argparse.Namespace) -> int:
    from h2h.data import EXAMPLES_DIR

    rows = [[rel.as_posix(), _summary_line(EXAMPLES_DIR / rel)] for rel in example_files()]
    print(text_table(rows, ["file", "about"]))
    print(f"\n{len(rows)} files in {EXAMPLES_DIR}; 'h2h examples copy' writes them to ./examples")
    return 0


def _copy(args: argparse.Namespace) -> int:
    from h2h.data import EXAMPLES_DIR
    from workloads.errors import H2HError

    dest = Path(args.dest).expanduser()
    if dest.exists() and not dest.is_dir():
        raise H2HError("expected a folder to copy the examples into, got a file", file=str(dest))
    written, same, kept = 0, 0, []
    for rel in example_files():
        src, dst = EXAMPLES_DIR / rel, dest / rel
        if dst.exists():
            if filecmp.cmp(src, dst, shallow=False):
                same += 1
                continue
            if not args.force:
                kept.append(rel.as_posix())
                continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dst)
        written += 1
    print(f"{dest}: wrote {count_noun(written, 'file')}, {same} already identical"
          + (f", kept {len(kept)} that differ (--force overwrites): {', '.join(kept)}" if kept else ""))
    return 0
