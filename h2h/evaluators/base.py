"""The evaluator protocol: score one architecture spec on accuracy-like metrics.

An evaluator turns an architecture spec (the plain dict ``workloads.builders.build_workload``
accepts: ``family`` mbv2 or nb201) into a flat ``dict[str, float]``. The search asks each evaluator which metrics it reports
and in which direction they improve (:class:`Metric`), so objectives are declared in one place.

Two kinds of failure are kept apart:

* bad *configuration* (unknown metric, missing dataset folder, malformed table) raises an
  :class:`~workloads.errors.H2HError` subclass when the evaluator is built, before any work;
* a *candidate* the evaluator cannot score (no table row, a spec it cannot build) raises
  :class:`EvaluationError`, which carries the candidate. A search catches it per candidate,
  records ``error`` for that candidate and carries on; it never ends the run.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal, Protocol, runtime_checkable

from workloads.errors import H2HError

Direction = Literal["max", "min"]


class EvaluatorConfigError(H2HError):
    """An evaluator was configured with something it cannot use (raised before any work)."""


class DatasetError(EvaluatorConfigError):
    """A dataset folder, CSV or image is missing or malformed."""


class EvaluationError(H2HError):
    """One candidate could not be scored; the search records it and continues.

    ``candidate`` is the spec that failed (plain data, safe to write into a history file).
    """

    def __init__(self, message: str, *, candidate: Mapping[str, Any] | None = None,
                 file: str | None = None, item: str | None = None) -> None:
        self.candidate = dict(candidate) if candidate is not None else None
        super().__init__(message, file=file, item=item)

    def located(self, *, file: str | None = None, item: str | None = None) -> "EvaluationError":
        return EvaluationError(self.message, candidate=self.candidate, file=self.file or file,
                               item=self.item or item)


@dataclass(frozen=True)
class Metric:
    """A reported metric: its name, whether larger (``max``) or smaller (``min``) is better, its unit."""

    name: str
    direction: Direction
    unit: str = ""
    description: str = ""
    # measures this run (wall-clock), not the design: recorded, but never shown to an agent, whose
    # proposals (seeded by what it is shown) would otherwise differ from run to run
    wall_clock: bool = False

    def __post_init__(self) -> None:
        if self.direction not in ("max", "min"):
            raise EvaluatorConfigError(f"direction must be 'max' or 'min', got {self.direction!r}",
                                       item=f"metric '{self.name}'")

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "direction": self.direction}


def agent_metrics(metrics: Mapping[str, float], evaluator: Any) -> dict[str, float]:
    """``metrics`` without the evaluator's wall-clock ones: what a search shows its agent."""
    hidden = {m.name for m in getattr(evaluator, "metrics", ()) if m.wall_clock}
    return {k: v for k, v in metrics.items() if k not in hidden}


@runtime_checkable
class Evaluator(Protocol):
    """Scores architecture specs. ``metrics`` lists every key ``evaluate`` returns."""

    @property
    def metrics(self) -> tuple[Metric, ...]: ...

    def evaluate(self, spec: Mapping[str, Any]) -> dict[str, float]:
        """Return one float per metric in :attr:`metrics`; raise :class:`EvaluationError` if the
        candidate cannot be scored."""
        ...


def select_metrics(available: Iterable[Metric], wanted: Iterable[str] | None, *,
                   owner: str) -> tuple[Metric, ...]:
    """The metrics named in ``wanted`` (all of ``available`` if None); unknown names are an error."""
    by_name = {m.name: m for m in available}
    if wanted is None:
        return tuple(by_name.values())
    if isinstance(wanted, str):
        wanted = [wanted]
    names = list(wanted)
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise EvaluatorConfigError(f"unknown metric name(s) {unknown}; {owner} reports: "
                                   f"{', '.join(by_name)}", item="metrics")
    if not names:
        raise EvaluatorConfigError(f"no metrics selected; {owner} reports: {', '.join(by_name)}",
                                   item="metrics")
    return tuple(by_name[n] for n in dict.fromkeys(names))
