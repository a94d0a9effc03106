"""Interface in several languages: gettext catalogues, language switch and hreflang links."""

from .languages import register

__all__ = ["register"]
