"""Colour contrast as WCAG 2 measures it (1.4.3, 1.4.11): a track's colour must read on the pages' surface."""

from __future__ import annotations

# The theme's --color-surface (theme/static/css/main.css); EVENT_COLORS["surface"] replaces it.
THEME_SURFACE = "#f3f4f8"
MIN_CONTRAST = 4.5


def channels(color: str) -> tuple[int, int, int]:
    """#rrggbb as three 0–255 integers."""
    value = color.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(color: str) -> float:
    """The relative luminance of COLOR (#rrggbb), WCAG 2's formula."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in channels(color))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """The contrast ratio of two #rrggbb colours, from 1 to 21."""
    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def darkened(color: str, against: str, minimum: float = MIN_CONTRAST) -> str:
    """COLOR made darker step by step until it reaches MINIMUM against AGAINST (black at worst)."""
    rgb = channels(color)
    for step in range(101):
        share = 1 - step / 100
        candidate = "#" + "".join(f"{round(c * share):02x}" for c in rgb)
        if contrast_ratio(candidate, against) >= minimum:
            return candidate
    return "#000000"


def readable_on(background: str, preferred: str, minimum: float = MIN_CONTRAST) -> str:
    """PREFERRED when it reaches MINIMUM against BACKGROUND, else white or black, whichever contrasts more."""
    if contrast_ratio(preferred, background) >= minimum:
        return preferred
    return max(("#ffffff", "#000000"), key=lambda candidate: contrast_ratio(candidate, background))
