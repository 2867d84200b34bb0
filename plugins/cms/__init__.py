"""Newsroom in the browser: Decap CMS at /admin/ (see plugin.py)."""

from .plugin import register

__all__ = ["register"]
