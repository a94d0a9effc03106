"""The TYPOGRAPHY_* settings: declared once (default, check, doc)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventsite.settingchecks import boolean, lang_codes
from eventsite.settingskit import Setting, declare

DECLARED = declare(
    "typography",
    Setting("TYPOGRAPHY_ENABLED", True, "Appliquer la typographie française (espaces insécables…) aux textes.", boolean),
    Setting("TYPOGRAPHY_LANGS", ("fr",), "Langues des textes auxquels la typographie s'applique.", lang_codes),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared TYPOGRAPHY_* setting, falling back on its default."""
    return DECLARED.value(settings, name)
