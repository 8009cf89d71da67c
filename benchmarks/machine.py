"""The machine line every results file carries: CPU model, cores, Python and numpy versions."""
from __future__ import annotations

import os
import platform
import subprocess

import numpy as np


def cpu_model() -> str:
    """``lscpu``'s model name, else what ``platform`` knows."""
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, check=True).stdout
        return next(line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("Model name"))
    except (OSError, subprocess.CalledProcessError, StopIteration):
        return platform.processor() or "unknown CPU"


def machine(*extras: str) -> str:
    """``"<CPU>, <n> cores, Python x.y.z, numpy a.b.c"`` followed by ``extras`` (e.g. a torch version)."""
    return ", ".join([cpu_model(), f"{os.cpu_count()} cores", f"Python {platform.python_version()}",
                      f"numpy {np.__version__}", *extras])
