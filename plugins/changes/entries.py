"""Which sessions changed, and when: read from the content (Status, Modified), never from the clock."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from event.labels import N_, status_label

# A session still « scheduled » whose Modified date says it changed (a new time, a new speaker…).
MODIFIED_MESSAGE = N_("Modifiée")


@dataclass(frozen=True)
class Change:
    """One change of the programme: the session as it is now, when it changed (None: the content gives no date) and its state in words."""

    session: Any
    when: dt.datetime | None
    label: str

    @property
    def note(self) -> str:
        """What changed, in the organisers' words (the Status_note field), or ""."""
        return str(self.session.status_note or "")


def is_change(session: Any) -> bool:
    """True for a session no longer as first announced: a Status other than « scheduled », or a Modified date."""
    return bool(session.changed or session.modified)


def changes_of(sessions: Iterable[Any], translate: Callable[[str], str]) -> tuple[Change, ...]:
    """Every change among SESSIONS, newest first (dated by Modified), then the undated ones in programme order."""
    found = [
        Change(s, s.modified, status_label(s.status, translate) or translate(MODIFIED_MESSAGE))
        for s in sessions if is_change(s)
    ]
    dated = sorted((c for c in found if c.when), key=lambda c: (c.when, c.session.starts_at, c.session.slug), reverse=True)
    undated = sorted((c for c in found if not c.when), key=lambda c: (c.session.starts_at, c.session.slug))
    return (*dated, *undated)
