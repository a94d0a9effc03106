"""The one validator of every URL field of every content type: http, https and mailto only."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https", "mailto")
# Characters a browser drops or that have no place in an address typed in a header.
UNSAFE_CHARACTERS = re.compile(r"[\x00-\x20\x7f<>\"'`\\]")
MAILBOX = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
WEB_URL_FIX = "écrivez l'adresse complète, commençant par https:// (ou mailto: pour une adresse électronique)"


def web_url_error(value: str) -> str | None:
    """Return why `value` is not a usable http, https or mailto address (French), or None."""
    if not value:
        return "l'adresse est vide"
    if UNSAFE_CHARACTERS.search(value):
        return f"« {value} » contient un espace, un guillemet ou un caractère invisible"
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        return f"« {value} » n'est pas une adresse web (seules http, https et mailto sont acceptées)"
    if scheme == "mailto":
        return None if MAILBOX.match(parts.path) else f"« {value} » n'est pas une adresse électronique"
    if not parts.hostname or not value.lower().startswith(f"{scheme}://"):
        return f"« {value} » n'a pas de nom de site après {scheme}://"
    return None
