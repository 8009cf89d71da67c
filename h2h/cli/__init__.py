"""The ``h2h`` command line.

Each sub-command lives in its own module under ``h2h.cli`` and exposes ``register(subparsers)``,
which adds its parser and sets ``func`` to a handler ``(args) -> int``. Modules import their heavy
dependencies inside the handler so that every command starts fast.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from workloads.errors import H2HError

# sub-command modules, in the order ``h2h --help`` lists them
COMMAND_MODULES = ("workload", "system_cmd", "cost", "map_cmd", "realtime_cmd", "nas", "codesign", "batch", "quickstart",
                   "examples_cmd")


def _agent_errors() -> tuple[type[BaseException], ...]:
    try:
        from llm_agents.errors import AgentError
    except ImportError:  # the agents package may not define errors yet
        return ()
    return (AgentError,)


class _Parser(argparse.ArgumentParser):
    """Usage mistakes are one line too (``h2h map: error: ...``), with where to look for help."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"h2h: error: {self.prog}: {message} (see '{self.prog} --help')\n")


def print_warning(message: object, file=None) -> None:
    """The CLI's one format for a warning: one ``h2h: warning:`` line on stderr."""
    print(f"h2h: warning: {message}", file=sys.stderr if file is None else file)


def _warning_line(message, category, filename, lineno, file=None, line=None) -> None:
    """Python warnings as ``print_warning`` lines, not Python's two-line format with source."""
    print_warning(message, file)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="h2h",
        description="Map multi-modal multi-task DNNs onto heterogeneous accelerators, "
        "and co-design networks and hardware.",
    )
    from h2h import __version__

    parser.add_argument("--version", action="version", version=f"h2h {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"h2h.cli.{name}")
        except ModuleNotFoundError as e:
            if e.name == f"h2h.cli.{name}":
                continue  # not built yet
            raise
        module.register(sub)
    return parser


def _command_parser(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The innermost sub-command parser the words of ``argv`` select (``h2h system list``)."""
    for word in argv:
        subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
        if subs and word in subs[0].choices:
            parser = subs[0].choices[word]
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    import warnings

    warnings.showwarning = _warning_line
    parser = build_parser()
    args, extra = parser.parse_known_args(argv)
    if extra:  # blamed on the sub-command whose flags they are not (argparse blames 'h2h')
        _command_parser(parser, sys.argv[1:] if argv is None else argv).error(
            f"unrecognized arguments: {' '.join(extra)}")
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except (H2HError, *_agent_errors()) as e:
        print(f"h2h: error: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into a reader that stopped early (``| head``)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except OSError as e:  # the file system refused (permissions, a file where a folder goes, ...)
        where = f"{e.filename}: " if e.filename else ""
        print(f"h2h: error: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    except MemoryError as e:  # a request this machine cannot hold (a population of 2**31 designs, ...)
        detail = " ".join(str(e).split())
        print(f"h2h: error: out of memory{': ' + detail if detail else ''}; ask for less", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("h2h: interrupted", file=sys.stderr)
        return 130
