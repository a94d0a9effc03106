"""The theme's colour design tokens (--color-* of its main.css), with EVENT_COLORS over them: what the favicon and the cards draw with."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

TOKEN = re.compile(r"--color-([a-z0-9-]+)\s*:\s*(#[0-9a-fA-F]{3,8})\b")
# Used when neither the theme nor EVENT_COLORS give a token: plain, readable and neutral.
FALLBACK_TOKENS: Mapping[str, str] = MappingProxyType(
    {"accent": "#2b2b33", "accent-contrast": "#ffffff", "surface": "#f2f2f2", "text": "#1b1b1f", "focus": "#c0392b"}
)


@functools.lru_cache(maxsize=8)
def _tokens_of(path: str, mtime_ns: int) -> tuple[tuple[str, str], ...]:
    """The --color-* tokens of the stylesheet PATH as it was at MTIME_NS."""
    with open(path, encoding="utf-8") as handle:
        return tuple(TOKEN.findall(handle.read()))


def theme_tokens(settings: Mapping[str, Any]) -> dict[str, str]:
    """The --color-* design tokens of the theme's main.css (name without « --color- » → value)."""
    path = os.path.join(str(settings.get("THEME") or ""), "static", "css", "main.css")
    try:
        return dict(_tokens_of(path, os.stat(path).st_mtime_ns))
    except OSError:
        return {}


def event_tokens(settings: Mapping[str, Any], colors: Mapping[str, str]) -> dict[str, str]:
    """Every colour token of this build: the neutral fallbacks, the theme's, then COLORS (EVENT_COLORS) over them."""
    return {**FALLBACK_TOKENS, **theme_tokens(settings), **colors}
