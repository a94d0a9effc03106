"""Defaults of the SEO_* settings (structured data, social tags, sitemap)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Pages (output files) that describe the whole event with an Event in JSON-LD.
        # None: the home page and the programme (EVENT_URLS["programme"]).
        "SEO_EVENT_PAGES": None,
        # og:locale; None: EVENT_LOCALE.
        "SEO_LOCALE": None,
        # ISO 3166 country of the venue, for PostalAddress.addressCountry.
        "SEO_COUNTRY": "FR",
        # twitter:site (« @compte ») or empty.
        "SEO_TWITTER_SITE": "",
        # The sitemap's path in the site (None: no sitemap), and folders or files it leaves out.
        "SEO_SITEMAP": "sitemap.xml",
        "SEO_SITEMAP_EXCLUDE": ("pagefind/", "theme/", "admin/"),
    }
)


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a SEO_* setting, falling back on its default."""
    return settings.get(name, DEFAULTS[name])
