"""Errors a person can fix.

Every package of h2h raises a subclass of :class:`H2HError` for bad input. The command line prints
``str(error)`` as one line and exits with code 2; tracebacks are kept for bugs. ``H2HError`` lives
here, in the bottom package, so that ``workloads`` and ``costmodels`` can raise it without importing
``h2h``.
"""
from __future__ import annotations

from typing import Any


class H2HError(Exception):
    """Bad input: the message names the file, the item and what was expected."""

    def __init__(self, message: str, *, file: str | None = None, item: str | None = None) -> None:
        self.message = message
        self.file = None if file is None else str(file)
        self.item = item
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ": ".join(p for p in (self.file, self.item) if p)
        return f"{where}: {self.message}" if where else self.message

    def located(self, *, file: str | None = None, item: str | None = None) -> "H2HError":
        """Return a copy that also names ``file`` and/or ``item`` (kept if already set)."""
        err = type(self).__new__(type(self))
        H2HError.__init__(err, self.message, file=self.file or file, item=self.item or item)
        return err


def type_name(value: Any) -> str:
    """Describe a YAML value's type for an error message ("a list", "a string", ...)."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return f"a {type(value).__name__}"


class WorkloadError(H2HError):
    """A workload file, zoo name or graph is malformed."""


class H2HWarning(UserWarning):
    """Something was accepted but approximated (for example an unknown ONNX op)."""
