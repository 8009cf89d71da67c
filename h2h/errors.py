"""Project errors; ``H2HError`` itself lives in ``workloads`` so every layer can raise it."""
from workloads.errors import H2HError, H2HWarning, WorkloadError


class SystemError_(H2HError):
    """A system description is malformed or impossible."""


class MappingError(H2HError):
    """A mapping names unknown layers or accelerators, or cannot be scheduled."""


class ConfigError(H2HError):
    """A run, NAS, co-design or batch config is malformed."""


__all__ = ["ConfigError", "H2HError", "H2HWarning", "MappingError", "SystemError_", "WorkloadError"]
