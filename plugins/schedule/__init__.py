"""Open schedule formats: a frab-compatible schedule.xml and schedule.json per language."""

from .schedule import register

__all__ = ["register"]
