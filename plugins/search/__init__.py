"""search: Pagefind index and filters for /cari/ (see plugin.py)."""

from .plugin import register

__all__ = ["register"]
