"""Event content model for Pelican: speakers, sessions, partners and outcomes."""

from .event import register

__all__ = ["register"]
