"""A safe YAML loader that remembers where every key and value came from.

Config errors must name the file, the line and the key. ``yaml.safe_load`` forgets lines and
silently keeps the last of two duplicate keys, so this loader, built on ``yaml.SafeLoader``,
returns :class:`LocatedDict` / :class:`LocatedList` containers that carry the line of each key
and item, and rejects duplicate keys. :func:`load_yaml_file` also turns the ways a file can be
unusable (missing, empty, binary, malformed, not a mapping) into one-line :class:`ConfigError`\\ s
of the form ``FILE:LINE: key 'x': expected ...``.
"""
from __future__ import annotations

import os

from pathlib import Path
from typing import Any

import yaml
from workloads.errors import type_name
from workloads.io import DepthLimitedLoader

from .errors import ConfigError, H2HError


class LocatedDict(dict):
    """A mapping that knows the line of itself (``line``) and of each key (``key_line(key)``)."""

    line: int = 0
    file: str | None = None

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}
        self.value_lines: dict[Any, int] = {}

    def key_line(self, key: Any) -> int:
        """The 1-based line of ``key``, or of the mapping itself when the key is absent."""
        return self.key_lines.get(key, self.line)

    def value_line(self, key: Any) -> int:
        return self.value_lines.get(key, self.key_line(key))


class LocatedList(list):
    """A sequence that knows the line of itself (``line``) and of each item (``item_line(i)``)."""

    line: int = 0
    file: str | None = None

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.item_lines: list[int] = []

    def item_line(self, index: int) -> int:
        return self.item_lines[index] if 0 <= index < len(self.item_lines) else self.line


class _LocatingLoader(DepthLimitedLoader):
    """SafeLoader that builds located containers and refuses duplicate keys."""

    source: str = "<string>"

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> LocatedDict:
        self.flatten_mapping(node)  # resolves YAML merge keys (<<) as SafeLoader does
        out = LocatedDict()
        out.line = node.start_mark.line + 1
        out.file = self.source
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise ConfigError("expected a scalar key, got a " + type(key).__name__,
                                  file=f"{self.source}:{key_node.start_mark.line + 1}",
                                  item="key") from None
            if key in out:
                raise ConfigError(
                    f"duplicate key (first given on line {out.key_lines[key]})",
                    file=f"{self.source}:{key_node.start_mark.line + 1}", item=f"key '{key}'")
            out[key] = self.construct_object(value_node, deep=True)
            out.key_lines[key] = key_node.start_mark.line + 1
            out.value_lines[key] = value_node.start_mark.line + 1
        return out

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> LocatedList:
        out = LocatedList(self.construct_object(child, deep=True) for child in node.value)
        out.line = node.start_mark.line + 1
        out.file = self.source
        out.item_lines = [child.start_mark.line + 1 for child in node.value]
        return out


_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                _LocatingLoader.construct_mapping)
_LocatingLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG,
                                _LocatingLoader.construct_sequence)


def load_yaml_text(text: str, *, source: str = "<string>",
                   error: type[H2HError] = ConfigError) -> Any:
    """Parse one YAML document with line tracking; malformed YAML (also: duplicate keys, nesting
    too deep for Python's recursion limit) is a located ``error`` (ConfigError by default)."""
    try:
        return _load_yaml_text(text, source)
    except ConfigError as e:
        if error is ConfigError:
            raise
        raise error(e.message, file=e.file, item=e.item) from None


def _load_yaml_text(text: str, source: str) -> Any:
    loader = _LocatingLoader(text)
    loader.source = source
    try:
        data = loader.get_single_data()  # None for an empty document
    except RecursionError:
        raise ConfigError("malformed YAML: nested too deeply", file=f"{source}:1",
                          item="document") from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line = mark.line + 1 if mark is not None else 1
        problem = " ".join(str(e.problem or e.context or "invalid YAML").split())
        raise ConfigError(f"malformed YAML: {problem}", file=f"{source}:{line}",
                          item="document") from None
    except yaml.YAMLError as e:  # e.g. "expected a single document"
        raise ConfigError(f"malformed YAML: {' '.join(str(e).split())}", file=f"{source}:1",
                          item="document") from None
    finally:
        loader.dispose()
    return data


def read_text_file(path: str | Path, *, what: str = "file",
                   error: type[H2HError] = ConfigError) -> str:
    """Read a UTF-8 text file, rejecting missing, binary and empty files with a located ``error``."""
    if not isinstance(path, (str, os.PathLike)):
        raise error(f"expected the path of a {what}, got {type(path).__name__} {path!r}"[:200])
    p = Path(path)
    if not p.exists():
        raise error(f"{what} not found", file=str(p))
    if not p.is_file():
        raise error(f"{what} is not a regular file", file=str(p))
    try:
        raw = p.read_bytes()
    except OSError as e:
        raise error(f"cannot read {what}: {e.strerror}", file=str(p)) from None
    if b"\x00" in raw[:8192]:
        raise error(f"expected a YAML text {what}, found binary data", file=f"{p}:1",
                    item="document")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = raw[: e.start].count(b"\n") + 1
        raise error(f"expected a UTF-8 text {what}, found binary data", file=f"{p}:{line}",
                    item="document") from None
    return text


def load_yaml_file(path: str | Path, *, what: str = "config") -> LocatedDict:
    """Load a YAML file whose top level must be a mapping, with line numbers kept.

    Errors (missing, binary, empty, malformed, a top level that is not a mapping, duplicate keys)
    are :class:`ConfigError`\\ s whose message starts ``FILE:LINE:``.
    """
    text = read_text_file(path, what=what)
    source = str(path)
    data = load_yaml_text(text, source=source)
    if data is None:
        raise ConfigError(f"the {what} is empty: expected a mapping of keys", file=f"{source}:1",
                          item="document")
    if not isinstance(data, LocatedDict):
        line = getattr(data, "line", 1)
        raise ConfigError(f"expected a mapping at the top level, got {type_name(data)}",
                          file=f"{source}:{line}", item="document")
    return data


def plain(value: Any) -> Any:
    """Strip the line tracking: plain dicts and lists all the way down (for JSON and hashing)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


__all__ = ["LocatedDict", "LocatedList", "load_yaml_file", "load_yaml_text", "plain",
           "read_text_file", "type_name"]
