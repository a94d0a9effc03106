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

# How a session is attended, when it is not only in person; its level.
ATTENDANCE_MESSAGES = MappingProxyType({"online": N_("En ligne"), "hybrid": N_("Sur place et en ligne")})
LEVEL_MESSAGES = MappingProxyType({
    "beginner": N_("Niveau débutant"), "intermediate": N_("Niveau intermédiaire"), "advanced": N_("Niveau avancé"),
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


def attendance_label(session: object, translate: Callable[[str], str]) -> str:
    """« En ligne » or « Sur place et en ligne » (translated) for a session not only in person, else ""."""
    message = ATTENDANCE_MESSAGES.get(getattr(session, "attendance", ""))
    return translate(message) if message else ""


def level_label(session: object, translate: Callable[[str], str]) -> str:
    """« Niveau débutant »… (translated) for a session with a level, else ""."""
    message = LEVEL_MESSAGES.get(getattr(session, "level", ""))
    return translate(message) if message else ""
