"""Real-time multi-rate scheduling of periodic multi-model scenarios, scored like XRBench.

A second consumer of the cost table beside ``evaluate``: :func:`realtime` prices each model's
layers (:mod:`.costs`), plans where they run (:mod:`.policies`), simulates frames with periods,
deadlines, drops and cascades (:mod:`.simulator`) and scores them (:mod:`.score`);
:mod:`.trace` writes the timeline for Perfetto.
"""
from ..callable_module import make_callable
from .policies import POLICIES
from .run import RealtimeResult, realtime

make_callable(__name__, realtime)   # h2h.realtime(...) stays the function once this package is imported

__all__ = ["POLICIES", "RealtimeResult", "realtime"]
