"""Strict reading of YAML configs (nas, codesign, batch): every key is known, every value typed.

A :class:`Section` wraps one mapping of a config file. Callers *take* the keys they understand
(with a type, a default and optional bounds or options); :meth:`Section.done` then rejects any key
nobody took. Every error is a :class:`~h2h.errors.ConfigError` naming the file and the dotted key,
on one line, so the CLI can print it and exit 2 before any work starts.

Typical use::

    cfg = load_config("run.yaml")                 # -> Section over the top-level mapping
    budget = cfg.take("budget", int, default=60, low=1)
    space = cfg.section("space")                  # nested mapping, same file, item "space"
    family = space.section("architecture").take("family", str, options=("nb201", "mbv2"))
    cfg.done()                                    # unknown top-level keys -> ConfigError
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from h2h.errors import ConfigError
from h2h.yaml_loader import load_yaml_file
from workloads.errors import type_name

#: the default of a key that must be given (``Section.take(key, int, default=REQUIRED)``)
REQUIRED = _MISSING = object()

_TYPE_NAMES = {int: "an integer", float: "a number", str: "a string", bool: "true or false",
               list: "a list", dict: "a mapping"}


def _type_name(types: tuple[type, ...]) -> str:
    return " or ".join(_TYPE_NAMES.get(t, t.__name__) for t in types)


def _is_instance(value: Any, types: tuple[type, ...]) -> bool:
    """isinstance with YAML-friendly rules: bool is not an int, an int is a float."""
    if isinstance(value, bool):
        return bool in types
    if isinstance(value, int) and float in types:
        return True
    if isinstance(value, Mapping) and dict in types:
        return True
    if isinstance(value, (list, tuple)) and list in types:
        return True
    return isinstance(value, tuple(t for t in types if t not in (dict, list)))


class Section:
    """One mapping of a config file, read key by key; see the module docstring."""

    def __init__(self, data: Any, *, file: str | Path | None = None, item: str = "") -> None:
        self.file = None if file is None else str(file)
        self.item = item
        if data is None:
            data = {}
        if not isinstance(data, Mapping):
            raise ConfigError(f"expected a mapping, got {type_name(data)}", file=self.file,
                              item=item or None)
        bad = [k for k in data if not isinstance(k, str)]
        if bad:
            raise ConfigError(f"keys must be strings, got {bad[0]!r}", file=self.file, item=item or None)
        self.data: dict[str, Any] = dict(data)
        # line numbers, when the data came through h2h.yaml_loader (LocatedDict)
        self.line: int = getattr(data, "line", 0)
        self.data_lines: dict[str, int] = dict(getattr(data, "key_lines", {}))
        self._taken: set[str] = set()

    # ---- locations and errors -------------------------------------------------------------------
    @property
    def base_dir(self) -> Path:
        """Folder that relative paths in this config are resolved against."""
        return Path(self.file).resolve().parent if self.file else Path.cwd()

    def key_item(self, key: str) -> str:
        return f"{self.item}.{key}" if self.item else key

    def error(self, key: str | None, message: str) -> ConfigError:
        """A ConfigError at ``key`` of this section: ``FILE:LINE: item: message``."""
        where = self.file
        line = self.data_lines.get(key) if key else self.line
        if where and line:
            where = f"{where}:{line}"
        return ConfigError(message, file=where, item=self.key_item(key) if key else (self.item or None))

    # ---- reading --------------------------------------------------------------------------------
    def __contains__(self, key: str) -> bool:
        return key in self.data

    def take(self, key: str, types: type | tuple[type, ...], *, default: Any = _MISSING,
             low: float | None = None, high: float | None = None,
             options: Sequence[Any] | None = None) -> Any:
        """The value under ``key``, checked; ``default`` when absent (required if no default)."""
        self._taken.add(key)
        if key not in self.data or self.data[key] is None and default is not _MISSING:
            if default is _MISSING:
                raise self.error(key, "is required")
            return default
        value = self.data[key]
        types_t = types if isinstance(types, tuple) else (types,)
        if not _is_instance(value, types_t):
            raise self.error(key, f"expected {_type_name(types_t)}, got {value!r}")
        if float in types_t and isinstance(value, int) and not isinstance(value, bool) and int not in types_t:
            value = float(value)
        if options is not None and value not in options:
            raise self.error(key, f"unknown option {value!r}; expected one of: "
                                  f"{', '.join(map(str, options))}")
        if low is not None and value < low:
            raise self.error(key, f"must be >= {low}, got {value!r}")
        if high is not None and value > high:
            raise self.error(key, f"must be <= {high}, got {value!r}")
        return value

    def take_path(self, key: str, *, required: bool = True, must_exist: bool = True,
                  kind: str | None = None) -> Path | None:
        """A path resolved against the config file's folder; ``kind`` "file" or "dir" is checked.

        Returns None when the key is absent and not ``required``.
        """
        raw = self.take(key, str, default=_MISSING if required else None)
        if raw is None:
            return None
        path = Path(raw).expanduser()
        if not path.is_absolute():
            path = self.base_dir / path
        if must_exist:
            if not path.exists():
                raise self.error(key, f"no such {'folder' if kind == 'dir' else 'file'}: {raw}")
            if kind == "dir" and not path.is_dir():
                raise self.error(key, f"expected a folder, got a file: {raw}")
            if kind == "file" and path.is_dir():
                raise self.error(key, f"expected a file, got a folder: {raw}")
        return path

    def section(self, key: str, *, required: bool = False) -> "Section":
        """The nested mapping under ``key`` (an empty section when absent and not required)."""
        self._taken.add(key)
        if key not in self.data:
            if required:
                raise self.error(key, "is required")
            return Section({}, file=self.file, item=self.key_item(key))
        return Section(self.data[key], file=self.file, item=self.key_item(key))

    def raw(self, key: str, default: Any = _MISSING) -> Any:
        """The untyped value under ``key`` (for values with several accepted shapes)."""
        self._taken.add(key)
        if key not in self.data:
            if default is _MISSING:
                raise self.error(key, "is required")
            return default
        return self.data[key]

    def done(self) -> None:
        """Reject keys that no caller took: a typo must not be silently ignored."""
        unknown = [k for k in self.data if k not in self._taken]
        if unknown:
            known = sorted(self._taken)
            raise self.error(unknown[0], f"unknown key; expected one of: {', '.join(known)}")


def load_config(path: str | Path, *, what: str = "config") -> Section:
    """Read a YAML file whose top level is a mapping; errors name the file and line."""
    return Section(load_yaml_file(path, what=what), file=Path(path))
