"""Analytic cost models: MAESTRO-style per-layer analysis, communication and the CostTable."""
