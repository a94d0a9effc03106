"""The words shown for a session's state and links: French source messages, translated by each edition's gettext.

One table for the programme (templates, through ``session_labels``) and the open schedule files
(plugins/schedule), so a session reads the same everywhere. ``N_`` only marks a message for
``invoke translations`` (pybabel extracts it from plugins/ too, babel.cfg).
"""

from __future__ import annotations

from collections.abc import Callable
from types import MappingProxyType


def N_(message: str) -> str:
    """Mark MESSAGE for extraction; it is translated where it is shown."""
    return message


# A changed session's state, in words (never colour alone).
STATUS_MESSAGES = MappingProxyType({
    "cancelled": N_("Annulée"), "moved": N_("Déplacée"), "postponed": N_("Reportée"), "full": N_("Complète"),
})
# A session's links, in the order they are shown (links only: no third-party player).
LINK_MESSAGES = MappingProxyType({
    "stream": N_("Suivre en ligne"), "registration": N_("S'inscrire"), "slides": N_("Les supports"), "video": N_("La vidéo"),
})


def status_label(status: str, translate: Callable[[str], str]) -> str:
    """« Annulée » (or its translation) for a changed state, else ""."""
    message = STATUS_MESSAGES.get(status)
    return translate(message) if message else ""


def link_labels(session: object, translate: Callable[[str], str]) -> list[tuple[str, str]]:
    """(key, label) of each link the session has, in display order; a cancelled session offers no stream or registration."""
    cancelled = getattr(session, "status", "") == "cancelled"
    return [(key, translate(message)) for key, message in LINK_MESSAGES.items()
            if getattr(session, key, None) and not (cancelled and key in ("stream", "registration"))]
