"""Defaults of the EDITOR_* settings: the editor on the published site (off unless turned on)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # True: publish the content editor under /admin/ (noindex, out of the sitemap and the search).
        "EDITOR_ON_SITE": False,
        # The GitHub repository the editor saves into, « organisation/depot ».
        "EDITOR_GITHUB_REPO": "",
        # The branch every save is committed to (CI checks it before anything is deployed).
        "EDITOR_BRANCH": "main",
        # The address of the GitHub sign-in helper (OAuth) the maintainers run, https://… (docs/guide-redaction.md).
        "EDITOR_AUTH_URL": "",
    }
)


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """Read an EDITOR_* setting, falling back on its default."""
    return settings.get(name, DEFAULTS[name])


def problems(settings: Mapping[str, Any]) -> list[str]:
    """What is wrong with the EDITOR_* settings, in French (nothing when the editor is off)."""
    if not setting(settings, "EDITOR_ON_SITE"):
        return []
    found = []
    repo = str(setting(settings, "EDITOR_GITHUB_REPO"))
    if not repo or repo.count("/") != 1 or any(not part for part in repo.split("/")):
        found.append(f"EDITOR_GITHUB_REPO vaut « {repo} » : écrivez le dépôt GitHub sous la forme organisation/depot")
    auth = str(setting(settings, "EDITOR_AUTH_URL"))
    if not auth.startswith("https://"):
        found.append(f"EDITOR_AUTH_URL vaut « {auth} » : écrivez l'adresse https://… du service de connexion GitHub")
    if not str(setting(settings, "EDITOR_BRANCH")).strip():
        found.append("EDITOR_BRANCH est vide : écrivez la branche publiée, par ex. main")
    return found
