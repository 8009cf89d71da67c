"""Shared fixtures; ../shared (the reference data) is optional at run time, required only by tests."""
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present beside the checkout")
    return SHARED


@pytest.fixture()
def tiny(tmp_path) -> tuple[str, str]:
    """(workload file, system file) of a tiny mapping instance, for command-line tests."""
    import yaml
    from mapper_instances import system, two_models

    wpath = tmp_path / "two_models.yaml"
    wpath.write_text(yaml.safe_dump(two_models().to_dict(), sort_keys=False))
    spath = tmp_path / "tiny.yaml"
    system("bus", accelerators=3).save(spath)
    return str(wpath), str(spath)
