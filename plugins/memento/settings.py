"""Defaults of the MEMENTO_* settings."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # The memento page: every theme, workshop and proposal in one document.
        "MEMENTO_URL": "memento/",  # not under propositions/: a theme could be called « memento »
        "MEMENTO_TEMPLATE": "memento",
        "MEMENTO_TITLE": "Mémento des propositions des ateliers",
    }
)


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a MEMENTO_* setting, falling back on its default."""
    return settings.get(name, DEFAULTS[name])
