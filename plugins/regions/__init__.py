"""regions: Kemendagri regions for articles (metadata or inferred) and the /wilayah/ pages."""

from .plugin import register

__all__ = ["register"]
