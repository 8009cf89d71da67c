"""Modules that are also the function of the same name in the public API.

``h2h.evaluate`` and ``h2h.codesign`` name both a function (``h2h.evaluate(w, s, m)``) and a module
of the package. Once the module is imported -- by the CLI, or by any ``from h2h.codesign import``
-- Python binds the package attribute to the module, which would hide the function; a module made
callable here forwards the call instead.
"""
from __future__ import annotations

import sys
import types
from collections.abc import Callable
from typing import Any


def make_callable(module_name: str, function: Callable[..., Any]) -> None:
    """Calling module ``module_name`` (already in ``sys.modules``) calls ``function``."""

    class CallableModule(types.ModuleType):
        __doc__ = sys.modules[module_name].__doc__

        def __call__(self, *args: Any, **kwargs: Any) -> Any:
            return function(*args, **kwargs)

    sys.modules[module_name].__class__ = CallableModule
