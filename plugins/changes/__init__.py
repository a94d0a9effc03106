"""The « Changements » page and Atom feed: every change of the programme, dated from the content, newest first."""

from .changes import register

__all__ = ["register"]
