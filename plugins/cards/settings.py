"""Defaults of the CARDS_* settings (social images)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

FONTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fonts")

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        "CARDS_ENABLED": True,
        # Where the cards are written in the site, and where drawn cards are kept between builds
        # (a folder under CACHE_PATH).
        "CARDS_OUTPUT_DIR": "images/cartes",
        "CARDS_CACHE_DIR": "cartes",
        "CARDS_SIZE": (1200, 630),
        # The theme's design tokens (theme/static/css/main.css).
        "CARDS_COLORS": MappingProxyType(
            {
                "background": "#1f3f8f",  # --color-accent
                "text": "#ffffff",  # --color-accent-contrast
                "muted": "#d5dcf0",
                "band": "#f3f4f8",  # --color-surface
                "band_text": "#1b1b1f",  # --color-text
                "rule": "#b3005e",  # --color-focus
            }
        ),
        # Fonts shipped with their licence (DejaVu, Bitstream Vera licence: fonts/LICENSE-DejaVu.txt).
        "CARDS_FONT_BOLD": os.path.join(FONTS, "DejaVuSans-Bold.ttf"),
        "CARDS_FONT_REGULAR": os.path.join(FONTS, "DejaVuSans.ttf"),
    }
)


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a CARDS_* setting, falling back on its default."""
    return settings.get(name, DEFAULTS[name])
