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
        # Colours of the card; None: the theme's design tokens (--color-* in THEME/static/css/main.css)
        # with EVENT_COLORS over them, so that a card looks like the site. Keys: background, text,
        # muted, band, band_text, rule.
        "CARDS_COLORS": None,
        # Fonts shipped with their licence (DejaVu, Bitstream Vera licence: fonts/LICENSE-DejaVu.txt).
        "CARDS_FONT_BOLD": os.path.join(FONTS, "DejaVuSans-Bold.ttf"),
        "CARDS_FONT_REGULAR": os.path.join(FONTS, "DejaVuSans.ttf"),
        # Worker processes that draw new cards while the pages are written; None: one per core,
        # 1: draw in the build's own process.
        "CARDS_PROCESSES": None,
    }
)


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a CARDS_* setting, falling back on its default."""
    return settings.get(name, DEFAULTS[name])


def processes(settings: Mapping[str, Any]) -> int:
    """CARDS_PROCESSES as a count of at least 1 (None: one per core); anything else is a French ValueError."""
    value = setting(settings, "CARDS_PROCESSES")
    if value is None:
        return os.cpu_count() or 1
    if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
        return value
    raise ValueError(f"CARDS_PROCESSES vaut {value!r} : écrivez None (un processus par cœur) ou un nombre entier ≥ 1, par ex. 2")


# Used when neither the theme nor EVENT_COLORS give a token: plain, readable and neutral.
FALLBACK_TOKENS: Mapping[str, str] = MappingProxyType(
    {"accent": "#2b2b33", "accent-contrast": "#ffffff", "surface": "#f2f2f2", "text": "#1b1b1f", "focus": "#c0392b"}
)
