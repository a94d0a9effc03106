"""The site's icon, drawn at build time from the event: EVENT_COLORS' accent pair and the initial of its name.

Written once per build (``favicon.svg`` at the site's root) by :class:`FaviconGenerator`; the
theme's ``partials/favicon.html`` links it through the ``favicon_path`` template global.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from pelican.generators import Generator

from eventsite.safepaths import write_inside

from .contrast import readable_on
from .settings import read_event_settings
from .tokens import event_tokens

FAVICON_FILE = "favicon.svg"
# The theme's default, when the event's name has no letter or digit.
FALLBACK_INITIAL = "•"


def initial(name: str) -> str:
    """The first letter or digit of the event's name, in capitals (« Rencontres numériques » → « R »)."""
    return next((c.upper() for c in name if c.isalnum()), FALLBACK_INITIAL)


def icon_colors(tokens: Mapping[str, str]) -> tuple[str, str]:
    """(background, letter): the accent and accent-contrast TOKENS, the letter made readable (4.5:1) if they clash."""
    background = tokens["accent"]
    return background, readable_on(background, tokens["accent-contrast"])


def favicon_svg(name: str, tokens: Mapping[str, str]) -> str:
    """The icon's SVG text: a rounded square of the accent colour holding the name's initial (TOKENS: event_tokens())."""
    background, letter = icon_colors(tokens)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="6" fill="{background}"/>'
        f'<text x="16" y="23.5" text-anchor="middle" font-family="DejaVu Sans, Verdana, Arial, sans-serif" '
        f'font-size="22" font-weight="700" fill="{letter}">{escape(initial(name))}</text></svg>\n'
    )


class FaviconGenerator(Generator):
    """Writes the site's favicon.svg from the event's settings (one for every edition: the default language's name)."""

    def generate_context(self) -> None:
        """Nothing to read."""

    def generate_output(self, writer: Any) -> None:
        """Write favicon.svg at the root of the output."""
        settings = read_event_settings(self.settings)
        tokens = event_tokens(self.settings, settings.colors)  # the theme's accent pair, EVENT_COLORS over it
        write_inside(self.output_path, FAVICON_FILE, favicon_svg(settings.name, tokens).encode("utf-8"))
