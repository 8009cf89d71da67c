"""Data files shipped with h2h (see PROVENANCE.md); read them with :func:`data_path`. The examples
(configs, systems, workloads) ship too, in :data:`EXAMPLES_DIR`."""
from __future__ import annotations

from importlib import resources
from pathlib import Path

# examples/ of the repository; the package links to it (h2h/examples), so a wheel carries it
EXAMPLES_DIR = Path(__file__).resolve().parents[1] / "examples"


def data_path(name: str) -> Path:
    """Filesystem path of a packaged data file, e.g. ``data_path("nb201_accuracy.csv.gz")``."""
    return Path(str(resources.files(__name__) / name))
