"""Running the ``h2h`` command line in-process, as the CLI tests do."""
from __future__ import annotations

from h2h.cli import main


def run(capsys, *argv: str) -> tuple[int, str, str]:
    """Exit code, stdout and stderr of ``h2h ARGV``."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
