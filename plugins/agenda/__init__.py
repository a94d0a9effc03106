"""Calendar files (.ics) and a machine-readable programme.json for the event."""

from .agenda import register

__all__ = ["register"]
