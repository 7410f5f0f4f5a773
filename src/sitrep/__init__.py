"""Sitrep: news about armed conflicts -> a sourced situation record."""

__version__ = "0.1.0"
