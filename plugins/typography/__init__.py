"""French typography for Pelican: see README.md."""

from .typography import register

__all__ = ["register"]
