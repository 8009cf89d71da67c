"""Shipped dataflow presets (data only)."""
