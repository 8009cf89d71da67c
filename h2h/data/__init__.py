"""Data files shipped with h2h (see PROVENANCE.md); read them with :func:`data_path`."""
from __future__ import annotations

from importlib import resources
from pathlib import Path


def data_path(name: str) -> Path:
    """Filesystem path of a packaged data file, e.g. ``data_path("nb201_accuracy.csv.gz")``."""
    return Path(str(resources.files(__name__) / name))
