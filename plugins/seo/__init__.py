"""Structured data (schema.org JSON-LD), Open Graph / Twitter tags and sitemap.xml."""

from .seo import register

__all__ = ["register"]
