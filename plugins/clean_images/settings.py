"""The CLEAN_IMAGES_* settings: defaults, validation and what each one means."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Quality of the JPEG and WebP re-encoded without their metadata (1 to 100).
        "CLEAN_IMAGES_QUALITY": 90,
        # Folder of the cleaned copies (by content hash), relative to CACHE_PATH.
        "CLEAN_IMAGES_CACHE_DIR": "clean_images",
    }
)


@dataclass(frozen=True)
class CleanSettings:
    """The validated CLEAN_IMAGES_* settings of one build."""

    quality: int
    cache_dir: str


def load(settings: Mapping[str, Any]) -> CleanSettings:
    """Read and check the CLEAN_IMAGES_* settings; raise ValueError (French) on a bad value."""
    quality = settings.get("CLEAN_IMAGES_QUALITY", DEFAULTS["CLEAN_IMAGES_QUALITY"])
    if not isinstance(quality, int) or isinstance(quality, bool) or not 1 <= quality <= 100:
        raise ValueError(f"CLEAN_IMAGES_QUALITY doit être un entier de 1 à 100, pas {quality!r}")
    cache_dir = settings.get("CLEAN_IMAGES_CACHE_DIR", DEFAULTS["CLEAN_IMAGES_CACHE_DIR"])
    if not isinstance(cache_dir, str) or not cache_dir or ".." in cache_dir.replace("\\", "/").split("/"):
        raise ValueError(f"CLEAN_IMAGES_CACHE_DIR doit être un nom de dossier, pas {cache_dir!r}")
    return CleanSettings(quality=quality, cache_dir=cache_dir)
