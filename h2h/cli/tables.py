"""Plain-text tables for the command line's listings."""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any


def text_table(rows: Sequence[Sequence[Any]], header: Sequence[str]) -> str:
    """Columns padded to their widest cell; all-number columns right-aligned."""
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    numeric = [all(str(r[i]).replace(",", "").replace(".", "").isdigit() for r in rows) and rows
               for i in range(len(header))]
    fmt = "  ".join(f"{{:{'>' if num else '<'}{w}}}" for num, w in zip(numeric, widths))
    lines = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    lines += [fmt.format(*map(str, r)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


def count_noun(n: int, noun: str) -> str:
    """``1 link``, ``6 links``."""
    return f"{n} {noun}{'' if n == 1 else 's'}"
