"""1200×630 social images drawn with Pillow for pages without an image of their own."""

from .cards import register

__all__ = ["register"]
