"""The workshops' outcomes as one document (the memento), to read or print on A4."""

from .memento import register

__all__ = ["register"]
