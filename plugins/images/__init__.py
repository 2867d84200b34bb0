"""images: responsive photos, social cards, metadata-free image files (see plugin.py)."""

from .plugin import register

__all__ = ["register"]
