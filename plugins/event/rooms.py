"""Room names as authors type them: case and spacing never make a second room."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import Session


def room_key(name: str) -> str:
    """The room a name stands for: « salle  Frioul » and « Salle Frioul » are one room."""
    return " ".join(name.split()).casefold()


def unify_rooms(sessions: Iterable[Session]) -> None:
    """Give every session of one room the same spelling: the most used one (on a tie, the first in programme order)."""
    sessions = sorted(sessions, key=lambda s: (s.day, s.start, s.source_path))
    counts: dict[str, Counter[str]] = {}
    for session in sessions:
        counts.setdefault(room_key(session.room), Counter())[" ".join(session.room.split())] += 1
    spelling = {key: found.most_common(1)[0][0] for key, found in counts.items()}
    for session in sessions:
        session.room = spelling[room_key(session.room)]
