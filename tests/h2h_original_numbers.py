"""The H2H authors' code's own results on their example (shared by the tests and
``benchmarks/h2h_original.py``).

Their code, xyzxinyizhang/H2H at commit 334fc10 (``Mapper/MapperH2H.py`` with ``Accelerator/cnn_acc_1.py``),
driven unchanged on ``DNN/ExampleDNN.py`` with its two slips fixed (as
``examples/workloads/h2h_original_example.yaml``): latency s and energy J after its step 1 and its
step 4, for one accelerator, two identical ones and two heterogeneous ones (the second with Tm = 32,
30.81 GOP/s, 9.3 W), at four private-link bandwidths W_mem (GB/s).
"""
from __future__ import annotations

SYSTEMS = ("1acc", "2acc", "2het")
BANDWIDTHS_GBPS = (0.3125, 1.25, 5.0, 20.0)
#: (system, W_mem GB/s) -> (step-1 latency s, energy J, step-4 latency s, energy J)
THEIRS = {
    ("1acc", 0.3125): (1.37695, 25.6251, 0.63797, 11.8727),
    ("1acc", 1.25): (0.70061, 13.0383, 0.51586, 9.6002),
    ("1acc", 5.0): (0.53152, 9.8917, 0.48534, 9.0321),
    ("1acc", 20.0): (0.48925, 9.1050, 0.47771, 8.8901),
    ("2acc", 0.3125): (0.75487, 25.6251, 0.27308, 9.6854),
    ("2acc", 1.25): (0.37149, 13.0383, 0.25028, 8.9847),
    ("2acc", 5.0): (0.27982, 9.8917, 0.24811, 8.8865),
    ("2acc", 20.0): (0.25607, 9.1050, 0.24660, 8.8537),
    ("2het", 0.3125): (0.82334, 22.1668, 0.37123, 9.9460),
    ("2het", 1.25): (0.45410, 12.1190, 0.34180, 9.2837),
    ("2het", 5.0): (0.36305, 9.5384, 0.32572, 8.8332),
    ("2het", 20.0): (0.34370, 8.8773, 0.32185, 8.7192),
}


def system_dict(data: dict, bandwidth_gbps: float, conventions: str) -> dict:
    """A system dict with every ``bandwidth_gbps`` key set to the given value (the sweep key) and the
    given conventions."""
    def walk(node):
        if isinstance(node, dict):
            return {k: (bandwidth_gbps if k == "bandwidth_gbps" else walk(v)) for k, v in node.items()}
        if isinstance(node, list):
            return [walk(v) for v in node]
        return node
    out = walk(data)
    out["conventions"] = conventions
    return out
