"""The EDITOR_* settings: the editor on the published site (off unless turned on), declared once (default, check, doc)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventsite.settingchecks import boolean, filled_text
from eventsite.settingskit import Problem, Setting, declare

REPO_FIX = "écrivez le dépôt GitHub sous la forme organisation/depot"
AUTH_FIX = "écrivez l'adresse https://… du service de connexion GitHub"


def _repo(value: Any) -> list[Problem]:
    """Empty (no editor on the site), or « organisation/depot »."""
    parts = value.split("/") if isinstance(value, str) else []
    return [] if value == "" or (len(parts) == 2 and all(parts)) else [f"{REPO_FIX}, ou \"\""]


def _auth_url(value: Any) -> list[Problem]:
    """Empty (no editor on the site), or an https:// address."""
    return [] if value == "" or (isinstance(value, str) and value.startswith("https://")) else [f"{AUTH_FIX}, ou \"\""]


DECLARED = declare(
    "admin",
    # Noindex, out of the sitemap and the search.
    Setting("EDITOR_ON_SITE", False, "Publier l'éditeur de contenu sous /admin/ (il enregistre dans GitHub).", boolean),
    Setting("EDITOR_GITHUB_REPO", "", "Dépôt GitHub où l'éditeur enregistre, « organisation/depot ».", _repo),
    # CI checks it before anything is deployed.
    Setting("EDITOR_BRANCH", "main", "Branche où chaque enregistrement de l'éditeur est commité.", filled_text),
    Setting("EDITOR_AUTH_URL", "", "Adresse https://… du service de connexion GitHub (OAuth) des mainteneurs.", _auth_url),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read a declared EDITOR_* setting, falling back on its default."""
    return DECLARED.value(settings, name)


def problems(settings: Mapping[str, Any]) -> list[str]:
    """What the editor still lacks when EDITOR_ON_SITE turns it on, in French (the values are checked at start-up)."""
    if not setting(settings, "EDITOR_ON_SITE"):
        return []
    found = []
    for name, fix in (("EDITOR_GITHUB_REPO", REPO_FIX), ("EDITOR_AUTH_URL", AUTH_FIX)):
        if not setting(settings, name):
            found.append(f"{name} est vide : {fix}")
    return found
