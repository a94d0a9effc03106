"""Local Pelican plugin: no raster image leaves with its metadata, whatever route it took."""

from .clean_images import register

__all__ = ["register"]
