"""Legal notice and RGAA accessibility statement fed by LEGAL_* settings."""

from .legal import register

__all__ = ["register"]
