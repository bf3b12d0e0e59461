"""Corroborate: source-attributed claims with defensible corroboration counts."""

__version__ = "0.3.0"
