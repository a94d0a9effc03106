"""What the pre-publish checks let through on purpose, named one by one in the settings, and the publication's CNAME.

Declared once here (eventsite.settingskit) and checked at start-up with every plugin's settings;
read from the settings file the checks run with (publishconf.py for `invoke publish`), or given
on the command line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from eventsite.settingskit import Problem, Setting, declare

# The site's own scripts live in these folders of the output (the theme's static files and
# the search bundle): setting name and default. Any other script, inline or not, is refused.
# JSON-LD is data, not a script.
SCRIPT_DIR_SETTINGS = (("THEME_STATIC_DIR", "theme"), ("SEARCH_BUNDLE_DIR", "pagefind"))
DEFAULT_SCRIPT_DIRS = tuple(f"{default}/" for _name, default in SCRIPT_DIR_SETTINGS)


@dataclass(frozen=True)
class Allowances:
    """Origins allowed by name, and the folders holding the site's own scripts."""

    embeds: tuple[str, ...] = ()
    forms: tuple[str, ...] = ()
    script_dirs: tuple[str, ...] = DEFAULT_SCRIPT_DIRS


def origin(value: str, setting: str) -> str:
    """Return `value` as an https origin (scheme://host[:port]), or raise ValueError in French."""
    parts = urlsplit(value.strip())
    if parts.scheme != "https" or not parts.hostname or parts.path not in ("", "/") \
            or parts.query or parts.fragment or parts.username:
        raise ValueError(
            f"{setting} : « {value} » n'est pas une origine ; écrivez seulement le début de "
            "l'adresse, commençant par https://, par ex. https://www.youtube-nocookie.com"
        )
    return f"https://{parts.netloc.lower()}"


def origins(values: Iterable[str], setting: str) -> tuple[str, ...]:
    """Return a list of origins, each checked."""
    if isinstance(values, str):
        raise ValueError(f"{setting} doit être une liste d'origines, par ex. (\"https://exemple.fr\",)")
    return tuple(origin(value, setting) for value in values)


def _origins(value: Any) -> list[Problem]:
    """A list of https origins."""
    try:
        origins(value, "")
    except (AttributeError, TypeError, ValueError):
        return ["écrivez une liste d'origines commençant par https://, par ex. (\"https://www.youtube-nocookie.com\",)"]
    return []


def _cname(value: Any) -> list[Problem]:
    """Empty, or a host name."""
    from eventsite.publish import InvalidCname, valid_cname  # publish reads the allowances: imported when checked

    if value in ("", None):
        return []
    try:
        valid_cname(str(value))
    except InvalidCname:
        return ["écrivez seulement un nom d'hôte, sans https:// ni chemin, par ex. \"seminaire.example.org\", ou \"\""]
    return []


DECLARED = declare(
    "publication",
    # Never their scripts or style sheets.
    Setting("PUBLISH_ALLOW_EMBEDS", (), "Origines (https://hôte) dont les pages peuvent être intégrées (iframe) et les images "
            "ou médias chargés, par ex. (\"https://www.youtube-nocookie.com\",).", _origins),
    Setting("PUBLISH_ALLOW_FORMS", (), "Origines (https://hôte) auxquelles un formulaire du site peut envoyer ses données.", _origins),
    Setting("CNAME", "", "Domaine personnalisé de la publication (fichier CNAME de gh-pages) ; vide : aucun.", _cname),
)
DEFAULTS: Mapping[str, Any] = DECLARED.defaults


def read_allowances(settings: Mapping[str, Any]) -> Allowances:
    """Return the allowances of a Pelican settings mapping (defaults for what it lacks)."""
    dirs = tuple(f"{str(settings.get(name) or default).strip('/')}/"
                 for name, default in SCRIPT_DIR_SETTINGS)
    return Allowances(
        embeds=origins(DECLARED.value(settings, "PUBLISH_ALLOW_EMBEDS"), "PUBLISH_ALLOW_EMBEDS"),
        forms=origins(DECLARED.value(settings, "PUBLISH_ALLOW_FORMS"), "PUBLISH_ALLOW_FORMS"),
        script_dirs=dirs,
    )
