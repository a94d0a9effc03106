"""What the pre-publish checks let through on purpose, named one by one in the settings.

Declared once here, with defaults and validation; read from the settings file the checks
run with (publishconf.py for `invoke publish`), or given on the command line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

DEFAULTS: Mapping[str, Any] = MappingProxyType(
    {
        # Origins (https://host) whose pages may be embedded in an <iframe>, <embed> or <object>,
        # and whose images and media may be loaded, e.g. ("https://www.youtube-nocookie.com",).
        # Never their scripts or style sheets.
        "PUBLISH_ALLOW_EMBEDS": (),
        # Origins (https://host) a <form> of the site may send its data to.
        "PUBLISH_ALLOW_FORMS": (),
    }
)
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


def read_allowances(settings: Mapping[str, Any]) -> Allowances:
    """Return the allowances of a Pelican settings mapping (defaults for what it lacks)."""
    dirs = tuple(f"{str(settings.get(name) or default).strip('/')}/"
                 for name, default in SCRIPT_DIR_SETTINGS)
    return Allowances(
        embeds=origins(settings.get("PUBLISH_ALLOW_EMBEDS", DEFAULTS["PUBLISH_ALLOW_EMBEDS"]),
                       "PUBLISH_ALLOW_EMBEDS"),
        forms=origins(settings.get("PUBLISH_ALLOW_FORMS", DEFAULTS["PUBLISH_ALLOW_FORMS"]),
                      "PUBLISH_ALLOW_FORMS"),
        script_dirs=dirs,
    )
