"""enrichment: runs the per-article enrichment pipeline (see plugin.py)."""

from .plugin import register

__all__ = ["register"]
