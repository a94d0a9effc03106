"""Local Pelican plugin: responsive, private photo galleries."""

from .gallery import register

__all__ = ["register"]
