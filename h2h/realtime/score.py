"""XRBench's score (Kwon et al., MLSys 2023; the constants of its reference code, v0.1).

Per completed frame: a real-time score ``1 / (1 + exp(k * delay_ms))`` (delay = completion -
deadline, k = 15 per ms: a frame on time scores 1, one 0.1 ms late about 0.18) times an energy score
``(1500 - energy_mJ) / 1500``. Per model: the sum over completed frames divided by the number of
frames scored (completed plus dropped), times QoE = 1 - drop rate. Overall: the mean over models,
times 100. As in the reference, frames neither completed nor dropped when the simulation ends are
not scored, and a model none of whose frames is scored is left out of the mean.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

RT_K_PER_MS = 15.0
ENERGY_MAX_MJ = 1500.0


def realtime_score(delay_ms: float) -> float:
    x = RT_K_PER_MS * delay_ms
    if x > 700.0:  # exp would overflow; the score is 0 to double precision
        return 0.0
    return 1.0 / (1.0 + math.exp(x))


def energy_score(energy_mj: float) -> float:
    return (ENERGY_MAX_MJ - energy_mj) / ENERGY_MAX_MJ


@dataclass(frozen=True)
class ModelScore:
    """One model's part of the score; the three XRBench reports plus the product it averages."""

    frames_scored: int
    frames_done: int
    frames_dropped: int
    realtime_score: float  # mean over completed frames
    energy_score: float  # mean over completed frames
    qoe_score: float  # 1 - drop rate
    score: float  # sum(rt * energy) / frames_scored * qoe, in [0, 1]

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def model_score(done: list[tuple[float, float]], dropped: int) -> ModelScore | None:
    """``done``: (delay_ms, energy_mJ) per completed frame; None when nothing was scored."""
    n = len(done) + dropped
    if n == 0:
        return None
    rts = [realtime_score(d) for d, _ in done]
    ens = [energy_score(e) for _, e in done]
    qoe = 1.0 - dropped / n
    total = sum(r * e for r, e in zip(rts, ens))
    return ModelScore(n, len(done), dropped, sum(rts) / len(rts) if rts else 0.0,
                      sum(ens) / len(ens) if ens else 0.0, qoe, total / n * qoe)


def overall_score(scores: dict[str, ModelScore | None]) -> float:
    """Mean of the scored models' scores, times 100 (0-100)."""
    kept = [s.score for s in scores.values() if s is not None]
    return 100.0 * sum(kept) / len(kept) if kept else 0.0
