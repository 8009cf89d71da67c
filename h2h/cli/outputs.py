"""Output files named on the command line, checked before any work, so that a mapping or a search
is never computed only to fail when its result is written."""
from __future__ import annotations

import os
from pathlib import Path

from workloads.errors import H2HError


def check_output_file(path: str, item: str, *, plot: bool = False) -> None:
    """``path`` can be created or replaced: its folder exists and is writable, it is not a folder,
    and for a plot its suffix is an image format matplotlib writes."""
    p = Path(path)
    folder = p.parent if str(p.parent) else Path(".")
    if p.is_dir():
        raise H2HError("expected a file name, got a folder", file=path, item=item)
    if not folder.is_dir():
        raise H2HError(f"no such folder: {folder}", file=path, item=item)
    if not os.access(folder, os.W_OK | os.X_OK) or (p.exists() and not os.access(p, os.W_OK)):
        raise H2HError("not writable", file=path, item=item)
    if plot:
        from matplotlib.figure import Figure

        formats = Figure().canvas.get_supported_filetypes()
        suffix = p.suffix.lstrip(".").lower()
        if suffix not in formats:
            raise H2HError(f"unsupported plot format {suffix or '(none)'!r}; expected one of "
                           f"{', '.join(sorted(formats))}", file=path, item=item)
