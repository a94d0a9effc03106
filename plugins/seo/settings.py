"""The SEO_* settings (structured data, social tags, sitemap): declared once (default, check, doc)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from eventsite.settingchecks import filled_text, optional, site_path, texts
from eventsite.settingskit import Problem, Setting, declare


def _country(value: Any) -> list[Problem]:
    """An ISO 3166 country code: two capital letters."""
    if isinstance(value, str) and re.fullmatch(r"[A-Z]{2}", value):
        return []
    return ["écrivez un code pays ISO 3166 en deux majuscules, par ex. \"FR\""]


def _twitter(value: Any) -> list[Problem]:
    """Empty, or « @account »."""
    ok = value == "" or (isinstance(value, str) and re.fullmatch(r"@\w{1,30}", value))
    return [] if ok else ["écrivez \"\" ou un compte commençant par @, par ex. \"@exemple\""]


DECLARED = declare(
    "seo",
    Setting("SEO_EVENT_PAGES", None,
            "Pages (fichiers écrits) qui décrivent l'événement en JSON-LD ; None : l'accueil et le programme.", optional(texts)),
    Setting("SEO_LOCALE", None, "og:locale des pages ; None : EVENT_LOCALE.", optional(filled_text)),
    Setting("SEO_COUNTRY", "FR", "Pays du lieu (code ISO 3166) dans les données structurées.", _country),
    Setting("SEO_TWITTER_SITE", "", "Compte twitter:site (« @compte ») ou vide.", _twitter),
    Setting("SEO_SITEMAP", "sitemap.xml", "Chemin du plan du site (sitemap) ; None : pas de plan du site.", optional(site_path)),
    Setting("SEO_SITEMAP_EXCLUDE", ("pagefind/", "theme/", "admin/"), "Dossiers ou fichiers que le plan du site laisse de côté.", texts),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared SEO_* setting, falling back on its default."""
    return DECLARED.value(settings, name)
