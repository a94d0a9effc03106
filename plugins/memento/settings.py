"""The MEMENTO_* settings: declared once (default, check, doc)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventsite.settingchecks import filled_text, site_path
from eventsite.settingskit import Setting, declare

DECLARED = declare(
    "memento",
    # Not under propositions/: a theme could be called « memento ».
    Setting("MEMENTO_URL", "memento/", "Adresse du mémento : chaque thème, atelier et proposition en un document.", site_path),
    Setting("MEMENTO_TEMPLATE", "memento", "Gabarit du mémento (theme/templates/<nom>.html).", filled_text),
    Setting("MEMENTO_TITLE", "Mémento des propositions des ateliers", "Titre du mémento.", filled_text),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared MEMENTO_* setting, falling back on its default."""
    return DECLARED.value(settings, name)
