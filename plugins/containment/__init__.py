"""Local Pelican plugin: static files are read from inside content/ only, and never a dot-file."""

from .containment import register

__all__ = ["register"]
