"""Full-text search with Pagefind, indexed at build time, and a search page that works without JavaScript."""

from .search import register

__all__ = ["register"]
