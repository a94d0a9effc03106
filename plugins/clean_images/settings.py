"""The CLEAN_IMAGES_* settings: declared once (default, check, doc)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from eventsite.settingchecks import folder, integer
from eventsite.settingskit import Setting, declare

DECLARED = declare(
    "clean_images",
    Setting("CLEAN_IMAGES_QUALITY", 90, "Qualité des JPEG et WebP réenregistrés sans leurs métadonnées (1 à 100).", integer(1, 100)),
    Setting("CLEAN_IMAGES_CACHE_DIR", "clean_images", "Dossier des copies nettoyées (par empreinte), dans CACHE_PATH.", folder),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


@dataclass(frozen=True)
class CleanSettings:
    """The validated CLEAN_IMAGES_* settings of one build."""

    quality: int
    cache_dir: str


def load(settings: Mapping[str, Any]) -> CleanSettings:
    """The CLEAN_IMAGES_* settings; SettingsError (French) when one cannot be used."""
    values = DECLARED.checked(settings)
    return CleanSettings(quality=values["CLEAN_IMAGES_QUALITY"], cache_dir=values["CLEAN_IMAGES_CACHE_DIR"])
