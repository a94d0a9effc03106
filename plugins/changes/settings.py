"""The CHANGES_* settings (the programme's changes page and feed): declared once (default, check, doc)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventsite.settingchecks import filled_text, site_path
from eventsite.settingskit import Setting, declare

DECLARED = declare(
    "changes",
    # Under programme/: a session's own anchor is programme/#slug, never a folder.
    Setting("CHANGES_URL", "programme/changements/",
            "Adresse de la page des changements du programme (séquences annulées, déplacées, reportées, complètes, modifiées).",
            site_path),
    Setting("CHANGES_FEED", "programme/changements/atom.xml", "Flux Atom des mêmes changements, dans le site.", site_path),
    Setting("CHANGES_TEMPLATE", "changes", "Gabarit de la page des changements (theme/templates/<nom>.html).", filled_text),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared CHANGES_* setting, falling back on its default."""
    return DECLARED.value(settings, name)
