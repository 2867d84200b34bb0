"""containment: every file the build reads stays in content/, every file it writes in the output."""

from .plugin import register

__all__ = ["register"]
