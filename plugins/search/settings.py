"""Defaults of the SEARCH_* settings (Pagefind and the search page)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # The search page: its URL and template (theme/templates/search.html).
        "SEARCH_URL": "recherche/",
        "SEARCH_TEMPLATE": "search",
        # Index the built site with Pagefind when the build ends (False: only the page is written).
        "SEARCH_PAGEFIND": True,
        # None: one index per language, from each page's <html lang> (French pages are searched
        # from the French search page). A code (« fr ») forces one language for every page.
        "SEARCH_LANGUAGE": None,
        # The bundle's folder in the site.
        "SEARCH_BUNDLE_DIR": "pagefind",
        # Seconds after which indexing is abandoned (the build then fails).
        "SEARCH_TIMEOUT": 120,
    }
)


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a SEARCH_* setting, falling back on its default."""
    return settings.get(name, DEFAULTS[name])
