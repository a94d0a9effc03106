"""The TYPOGRAPHY_* settings: declared once (default, check, doc)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventsite.settingskit import Setting, boolean, declare, lang_codes

DECLARED = declare(
    "typography",
    Setting("TYPOGRAPHY_ENABLED", True, "Appliquer la typographie française (espaces insécables…) aux textes.", boolean),
    Setting("TYPOGRAPHY_LANGS", ("fr",), "Langues des textes auxquels la typographie s'applique.", lang_codes),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared TYPOGRAPHY_* setting, falling back on its default."""
    return DECLARED.value(settings, name)
