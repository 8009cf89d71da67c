"""The NAS-Bench-201 cell as the agents' tests describe it, and the published accuracies by cell."""
from __future__ import annotations

import csv
from pathlib import Path

NB201_OPS = ["none", "skip_connect", "nor_conv_1x1", "nor_conv_3x3", "avg_pool_3x3"]
EDGES = ["e1_0", "e2_0", "e2_1", "e3_0", "e3_1", "e3_2"]  # the order of the NB201 cell string
NB201_SPACE = {"variables": [{"name": e, "type": "choice", "options": NB201_OPS, "role": "nb201_op"}
                             for e in EDGES]}


def published_accuracies(path: Path, columns: tuple[str, ...]) -> dict[tuple[str, ...], tuple[float, ...]]:
    """Each cell's ops in ``EDGES`` order -> its accuracies in ``columns`` of the NB201 table at ``path``."""
    table = {}
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ops = tuple(t.split("~")[0] for part in row["arch"].strip("|").split("|+|") for t in part.split("|"))
            table[ops] = tuple(float(row[c]) for c in columns)
    return table
