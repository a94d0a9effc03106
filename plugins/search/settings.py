"""The SEARCH_* settings (Pagefind and the search page): declared once (default, check, doc)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventsite.settingchecks import boolean, filled_text, folder, lang_code, number, optional, site_path
from eventsite.settingskit import Setting, declare

DECLARED = declare(
    "search",
    Setting("SEARCH_URL", "recherche/", "Adresse de la page de recherche.", site_path),
    Setting("SEARCH_TEMPLATE", "search", "Gabarit de la page de recherche (theme/templates/<nom>.html).", filled_text),
    Setting("SEARCH_PAGEFIND", True, "Indexer le site avec Pagefind à la fin de la construction (False : la page seule).", boolean),
    # French pages are searched from the French search page.
    Setting("SEARCH_LANGUAGE", None, "Langue de l'index ; None : un index par langue, d'après le <html lang> de chaque page.",
            optional(lang_code)),
    Setting("SEARCH_BUNDLE_DIR", "pagefind", "Dossier de l'index de recherche dans le site.", folder),
    Setting("SEARCH_TIMEOUT", 120, "Secondes après lesquelles l'indexation est abandonnée (la construction échoue).", number(1)),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared SEARCH_* setting, falling back on its default."""
    return DECLARED.value(settings, name)
